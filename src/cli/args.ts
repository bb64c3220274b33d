import * as os from 'node:os';
import { isCalendarDate, type Concurrency } from '../core';
import { FLAG_OPTIONS, VALUE_OPTIONS } from './optionNames';
// Command-line parsing: small and explicit, so every option is listed in one place with its help.

export type Command = 'check' | 'debt' | 'graph' | 'windows' | 'snapshot' | 'hotspots' | 'lsp' | 'import';
export const COMMANDS: readonly Command[] = ['check', 'debt', 'graph', 'windows', 'snapshot', 'hotspots', 'lsp', 'import'];

export interface CliArgs {
  command: Command;
  /** The directory; for `import`, the tool whose configuration is read. */
  dir: string;
  /** `import`: the configuration file to read. */
  file?: string;
  format?: string;
  config?: string;
  baseline?: string;
  updateBaseline: boolean;
  maxWarnings?: number;
  color: boolean;
  today?: string;
  output?: string;
  /** `--cache-location D`: where file facts are kept (implies `cache`). */
  cacheLocation?: string;
  /** `--cache`: keep file facts between runs (in `cacheLocation`, or the default place). */
  cache: boolean;
  /** `--no-cache`: `windows` keeps nothing between runs. */
  noCache: boolean;
  /** `hotspots --days N`, debt's change counts: how far back changes count. */
  days?: number;
  /** Parsing threads: a count, `auto` (spare cores, for large workspaces) or `off`. */
  concurrency: Concurrency;
  /** `lsp`: talk LSP over standard input and output. */
  stdio: boolean;
  /** `check --since REF`: report only what is new against the merge base of REF and HEAD. */
  since?: string;
}

export type ParseOutcome =
  /** `notes`: what the run changed about the options it was given (printed on stderr). */
  | { kind: 'run'; args: CliArgs; notes: string[] }
  | { kind: 'help'; command?: Command }
  | { kind: 'version' }
  | { kind: 'error'; message: string };


export function parseArgs(argv: readonly string[], isTty: boolean): ParseOutcome {
  const positional: string[] = [];
  const values = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (VALUE_OPTIONS.has(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined || value.startsWith('--')) return { kind: 'error', message: `${name} needs a value` };
      values.set(name, value);
    } else if (FLAG_OPTIONS.has(name)) {
      flags.add(name);
    } else if (arg.startsWith('-') && arg !== '-') {
      return { kind: 'error', message: `unknown option ${arg}; see guardrails --help` };
    } else {
      positional.push(arg);
    }
  }
  if (flags.has('--version') || flags.has('-v')) return { kind: 'version' };
  const [commandName, dir, ...rest] = positional;
  // `import TOOL FILE` takes one more argument than the other commands.
  const file = commandName === 'import' ? rest[0] : undefined;
  const extra = commandName === 'import' ? rest.slice(1) : rest;
  const command = COMMANDS.find((known) => known === commandName);
  if (flags.has('--help') || flags.has('-h') || commandName === 'help' || commandName === undefined) {
    return { kind: 'help', command: command ?? (COMMANDS.find((known) => known === dir)) };
  }
  if (!command) return { kind: 'error', message: `unknown command "${commandName}"; commands: ${COMMANDS.join(', ')}` };
  if (extra.length > 0) return { kind: 'error', message: `unexpected argument "${extra[0]}"` };

  const maxWarnings = values.get('--max-warnings');
  if (maxWarnings !== undefined && !/^\d+$/.test(maxWarnings)) {
    return { kind: 'error', message: `--max-warnings takes a whole number, not "${maxWarnings}"` };
  }
  const today = values.get('--today');
  if (today !== undefined && !isCalendarDate(today)) {
    const shape = /^\d{4}-\d{2}-\d{2}$/.test(today);
    return { kind: 'error', message: shape ? `--today ${today} is not a day in the calendar; give a real date as YYYY-MM-DD` : `--today takes a date as YYYY-MM-DD, not "${today}"` };
  }
  const days = values.get('--days');
  if (days !== undefined && !/^[1-9]\d*$/.test(days)) {
    return { kind: 'error', message: `--days takes a whole number of days (1 or more), not "${days}"` };
  }
  const concurrency = values.get('--concurrency') ?? 'auto';
  if (concurrency !== 'auto' && concurrency !== 'off' && !/^\d+$/.test(concurrency)) {
    return { kind: 'error', message: `--concurrency takes a number of threads, auto or off, not "${concurrency}"` };
  }
  const notes: string[] = [];
  let threads: Concurrency = concurrency === 'auto' || concurrency === 'off' ? concurrency : Number(concurrency);
  // More threads than cores only add memory and contention (32 on two cores: 9.4 s and 1.9 GB).
  const cores = os.availableParallelism();
  if (typeof threads === 'number' && threads > cores) {
    notes.push(`--concurrency ${concurrency.length > 12 ? `${concurrency.slice(0, 12)}…` : concurrency} is more than the ${cores} cores here: using ${cores} threads`);
    threads = cores;
  }
  const color = flags.has('--no-color') ? false : flags.has('--color') ? true : isTty && !process.env.NO_COLOR;
  return {
    kind: 'run',
    args: {
      command,
      dir: dir ?? '.',
      file,
      format: values.get('--format'),
      config: values.get('--config'),
      baseline: values.get('--baseline'),
      updateBaseline: flags.has('--update-baseline'),
      maxWarnings: maxWarnings === undefined ? undefined : Number(maxWarnings),
      color,
      today,
      output: values.get('--output'),
      cacheLocation: values.get('--cache-location'),
      cache: flags.has('--cache') || values.has('--cache-location'),
      concurrency: threads,
      stdio: flags.has('--stdio'),
      since: values.get('--since'),
      noCache: flags.has('--no-cache'),
      days: days === undefined ? undefined : Number(days),
    },
    notes,
  };
}

export const HELP = `Usage: guardrails <command> [DIR] [options]

Commands:
  check [DIR]     Check architecture rules and debt policy (default DIR: .; a folder or a file
                  below the rules file's folder narrows the report to it)
  debt [DIR]      List tagged debt (TODO, FIXME, DEBT …) with owner, ticket, due date, estimate
  graph [DIR]     Print the import graph (--format json|dot)
  windows [DIR]   Progress of refactoring windows, what they bought, the weekly trend
                  (--format text|json|markdown)
  snapshot [DIR]  Record today's debt and violation counts for refactoring windows
  hotspots [DIR]  Files with findings, ranked by how often they change (--days N, --format text|json)
  lsp --stdio     Run the language server (for editors other than VS Code) over stdin/stdout
  import TOOL FILE
                  Print the guardrails.json equivalent to another tool's configuration:
                  TOOL is dependency-cruiser (.dependency-cruiser.js/.cjs/.mjs/.json) or
                  eslint-boundaries (an ESLint configuration using eslint-plugin-boundaries).
                  What cannot be mapped is listed on standard error. A JavaScript
                  configuration is run (in a child node process) to read it.

Options:
  --format F          check: text|json|sarif|markdown (markdown with --since) · debt: text|json
                      graph: json|dot · windows: text|json|markdown · hotspots: text|json
  --config FILE       Use this rules file instead of the nearest guardrails.json
  --baseline FILE     Known violations to soften (overrides "baseline" in the rules file)
  --update-baseline   Write every current violation to the baseline file and exit 0
  --since REF         Only findings new against the merge base of REF and HEAD (a branch, a tag,
                      origin/main); also lists what was fixed; the exit code counts new ones only
  --max-warnings N    Fail (exit 1) when there are more than N warnings
  --today YYYY-MM-DD  Fix "today" for due dates and windows (reproducible reports)
  --output FILE       Write the report (or the imported rules file) to FILE instead of standard output
  --cache             Keep each file's parse results between runs, keyed by its content, in
                      node_modules/.cache/guardrails when the project has a node_modules folder,
                      otherwise in ~/.cache/guardrails/facts ($XDG_CACHE_HOME, $GUARDRAILS_CACHE_DIR);
                      only changed files are parsed again, and files whose size and
                      modification time are unchanged are not read (where the cache was
                      written: a copy restored elsewhere reads every file)
  --cache-location D  Keep that cache in D instead (implies --cache)
                      windows, hotspots and check's window-regressed always keep what they read
                      of git history (and windows the files' parse results) in
                      ~/.cache/guardrails/history unless --cache-location says where
  --no-cache          windows, hotspots, check's window-regressed: keep nothing between runs
  --days N            hotspots, debt --format json: count changes of the last N days (default 90)
  --concurrency N     Threads that parse besides the main one: a number (at most the
                      cores), off, or auto (default: one per spare core, for 10,000 files or more)
  --no-color          Plain text output (also when NO_COLOR is set or output is not a terminal)
  -h, --help          Show this help
  -v, --version       Show the version

Exit codes: 0 clean, 1 findings at the failing level, 2 usage or configuration error.`;
