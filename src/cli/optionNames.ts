// The command line's option names, with nothing else: the loader reads which command runs (to set
// V8 up for it) before the bundle that parses the rest is loaded.

/** Options followed by a value (`--format json` or `--format=json`). */
export const VALUE_OPTIONS: ReadonlySet<string> = new Set(['--format', '--config', '--baseline', '--max-warnings', '--today', '--output', '--cache-location', '--concurrency', '--since', '--days']);
/** Options on their own. */
export const FLAG_OPTIONS: ReadonlySet<string> = new Set(['--update-baseline', '--no-color', '--color', '--help', '-h', '--version', '-v', '--cache', '--no-cache', '--stdio']);

/** The first argument that is neither an option nor an option's value: the command's name. */
export function commandIn(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (VALUE_OPTIONS.has(arg)) i++;
    else if (!arg.startsWith('-') || arg === '-') return arg;
  }
  return undefined;
}
