// `npm run bench`: prepare the corpora, time every tool on each, read back what they found,
// measure warm re-checks and the engine's agreement with TypeScript and dependency-cruiser, then
// print one document of tables (and, with --write, put it into bench/RESULTS.md).
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyzeDirectory } from '../../src/core/analysis/analyze';
import { compareResolutions, depcruiseResolution, engineResolution, typescriptResolution } from './agreement';
import { prepareMonorepo, prepareReal, prepareSynthetic, REAL_SPECS, type Corpus } from './corpora';
import { debtDisagreement, depcruiseFindings, guardrailsFindings, leasotFindings, madgeFindings, type DepcruiseReport } from './findings';
import { measureFloor, type FloorResult } from './floor';
import { measureIncremental, type IncrementalResult } from './incremental';
import { hasGnuTime, measureRoundRobin } from './measure';
import { evaluateGoals, renderGoals, renderTables, type BenchResults, type CorpusResult } from './report';
import { invocation, outputFile, versionOf, type BenchPaths, type ToolName } from './tools';
import { measureRestoredCache, type RestoredCacheResult } from './restoredCache';
import { measureWarmStart, type WarmStartResult } from './warmStart';
import { measureWindows, prepareOutline, renderWindows, type WindowsBenchResult } from './windowsBench';

interface Options {
  runs: number;
  sizes: number[];
  /** Packages of the monorepo corpus (100 files each); 0 for none. */
  monorepo: number;
  /** Synthetic sizes whose warm start (`check --cache`) and warm re-check after edits are measured. */
  warmSizes: number[];
  /** One run each, no warm-up, no peers: the big corpora complete and find what was seeded (exit 1 if not). */
  smoke: boolean;
  real: string[];
  peers: boolean;
  write: boolean;
  /** Peers are skipped on synthetic corpora larger than this (they take minutes there). */
  peerLimit: number;
  /** Runs of each peer on corpora of 20,000 files and more (dependency-cruiser takes about 4 minutes a run there). */
  largeRuns: number;
  /** The refactoring windows on outline/outline's history (`--no-windows` skips, `--windows-only` runs nothing else). */
  windows: boolean;
  windowsOnly: boolean;
  /** Where to clone outline from (a local mirror); GitHub by default. */
  windowsSource?: string;
}

const ALL_TOOLS: ToolName[] = ['guardrails', 'dependency-cruiser', 'madge', 'guardrails debt', 'leasot'];

function parseOptions(argv: string[]): Options {
  const value = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const quick = argv.includes('--quick');
  const smoke = argv.includes('--smoke');
  const numbers = (text: string): number[] => text.split(',').filter(Boolean).map(Number);
  return {
    runs: smoke ? 1 : Number(value('--runs') ?? (quick ? 3 : 5)),
    sizes: numbers(value('--sizes') ?? (smoke ? '50000' : quick ? '1000' : '1000,5000,20000,50000,100000')),
    monorepo: Number(value('--monorepo') ?? (quick ? 0 : 100)),
    warmSizes: numbers(value('--warm-sizes') ?? (smoke ? '' : '5000,50000')),
    smoke,
    real: (value('--real') ?? (quick ? 'rxjs' : smoke ? '' : REAL_SPECS.map((s) => s.name).join(','))).split(',').filter(Boolean),
    peers: !argv.includes('--no-peers') && !smoke,
    write: argv.includes('--write'),
    // dependency-cruiser takes 4 minutes and 2.3 GB at 20,000 files: hours above that.
    peerLimit: Number(value('--peer-limit') ?? 20_000),
    largeRuns: Number(value('--large-runs') ?? 3),
    windows: !argv.includes('--no-windows'),
    windowsOnly: argv.includes('--windows-only'),
    windowsSource: value('--windows-source') ?? process.env.GUARDRAILS_BENCH_OUTLINE,
  };
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  // Child-process entries: a fresh heap for each in-process measurement.
  if (command === 'incremental') {
    process.stdout.write(JSON.stringify(await measureIncremental(rest[0], rest[1])));
    return 0;
  }
  if (command === 'floor') {
    process.stdout.write(JSON.stringify(measureFloor(rest[0])));
    return 0;
  }
  if (command !== 'run') throw new Error(`unknown command ${command}`);

  const repo = path.resolve(rest[0]);
  const options = parseOptions(rest.slice(1));
  const cache = path.join(repo, 'bench', '.cache');
  const log = (line: string): void => void process.stderr.write(`${line}\n`);
  if (!hasGnuTime()) throw new Error('GNU time (/usr/bin/time) is needed for peak memory: apt-get install time');
  if (!existsSync(path.join(repo, 'dist', 'cli.js'))) throw new Error('dist/cli.js is missing: npm run build');
  const commit = commitOf(repo);
  const paths: BenchPaths = { repo, bench: path.join(repo, 'bench'), cache, cli: snapshotCli(repo, cache) };
  // The CLI keeps V8's compiled code in a cache directory: one of the bench's own, filled by the warm-up round.
  process.env.GUARDRAILS_CACHE_DIR = path.join(cache, 'v8-cache');

  let windows: WindowsBenchResult | undefined;
  if (options.windows || options.windowsOnly) {
    const outline = prepareOutline(paths.bench, paths.cache, options.windowsSource, log);
    log('outline: refactoring windows on real history');
    const scratch = path.join(paths.cache, 'out', 'windows');
    mkdirSync(scratch, { recursive: true });
    windows = measureWindows(paths.cli, outline, scratch, Math.min(options.runs, 3), log);
    if (options.windowsOnly) {
      const document = `${renderWindows(windows)}\n${renderGoals(evaluateGoals({ corpora: [] } as unknown as BenchResults, {}, windows))}\n`;
      process.stdout.write(document);
      writeFileSync(path.join(paths.cache, 'windows.json'), JSON.stringify(windows, null, 2));
      return 0;
    }
  }

  const corpora: Corpus[] = [];
  for (const name of options.real) {
    const spec = REAL_SPECS.find((s) => s.name === name);
    if (!spec) throw new Error(`unknown real corpus ${name}; known: ${REAL_SPECS.map((s) => s.name).join(', ')}`);
    corpora.push(prepareReal(spec, paths.bench, paths.cache));
  }
  for (const size of options.sizes) {
    log(`preparing synthetic-${size}`);
    corpora.push(prepareSynthetic(size, paths.cache));
  }
  if (options.monorepo > 0) {
    log(`preparing monorepo-${options.monorepo}`);
    corpora.push(prepareMonorepo(options.monorepo, 100, paths.cache));
  }

  const results: CorpusResult[] = [];
  for (const corpus of corpora) {
    log(`${corpus.name}: ${corpus.files} files`);
    mkdirSync(path.join(paths.cache, 'out', corpus.name), { recursive: true });
    const withPeers = options.peers && corpus.kind !== 'monorepo' && !(corpus.kind === 'synthetic' && corpus.files > options.peerLimit);
    const tools = ALL_TOOLS.filter((tool) => withPeers || tool.startsWith('guardrails'));
    const large = corpus.files >= 20_000;
    const fewer = new Map(large ? tools.filter((tool) => !tool.startsWith('guardrails')).map((tool) => [tool, Math.min(options.largeRuns, options.runs)]) : []);
    const cold = measureRoundRobin(new Map(tools.map((tool) => [tool, invocation(paths, corpus, tool)])), options.runs, log, fewer, !options.smoke);
    const out = (tool: ToolName): string => outputFile(paths, corpus, tool);
    const result: CorpusResult = {
      corpus: { ...corpus, expected: undefined },
      cold: Object.fromEntries(cold),
      findings: {
        guardrails: guardrailsFindings(out('guardrails'), corpus),
        'dependency-cruiser': withPeers ? depcruiseFindings(out('dependency-cruiser')) : undefined,
        madge: withPeers ? madgeFindings(out('madge')) : undefined,
        leasot: withPeers ? leasotFindings(out('leasot'), corpus) : undefined,
      },
    };
    if (withPeers && corpus.kind === 'real') {
      const debt = debtDisagreement(out('guardrails'), out('leasot'));
      result.debtOnlyGuardrails = debt?.onlyGuardrails.length;
      result.debtOnlyLeasot = debt?.onlyLeasot.length;
      writeFileSync(path.join(paths.cache, 'out', corpus.name, 'debt-disagreement.json'), JSON.stringify(debt, null, 2));
    }
    const warm = corpus.kind === 'synthetic' && options.warmSizes.includes(corpus.files);
    if (!options.smoke && (corpus.kind !== 'synthetic' || warm || (corpus.files <= 5000 && options.sizes.length === 1))) {
      log(`${corpus.name}: warm re-check after edits`);
      result.incremental = childJson<IncrementalResult>(paths, ['incremental', corpus.dir, corpus.today]);
    }
    if (!options.smoke && (corpus.kind === 'monorepo' || (corpus.kind === 'synthetic' && corpus.files >= 20_000))) {
      log(`${corpus.name}: reading and parsing alone`);
      result.floor = childJson<FloorResult>(paths, ['floor', corpus.dir]);
    }
    if (corpus.kind === 'real') {
      log(`${corpus.name}: edges against TypeScript and dependency-cruiser`);
      const analysed = await analyzeDirectory(corpus.dir, { today: corpus.today, baseline: false });
      if (!analysed.ok) throw new Error(`${corpus.name}: ${analysed.message}`);
      const engine = engineResolution(analysed.result);
      const files = analysed.session.results().flatMap((entry) => entry.project.knownFiles());
      const tsView = typescriptResolution(corpus.dir, files);
      const typescript = { ...compareResolutions(engine, tsView.resolution), implicitJsxImports: tsView.implicitJsxImports };
      const dcReport = withPeers && existsSync(out('dependency-cruiser')) ? (JSON.parse(readFileSync(out('dependency-cruiser'), 'utf8')) as DepcruiseReport) : undefined;
      const depcruise = dcReport ? compareResolutions(engine, depcruiseResolution(dcReport)) : undefined;
      result.agreement = { typescript, depcruise };
      writeFileSync(path.join(paths.cache, 'out', corpus.name, 'agreement.json'), JSON.stringify(result.agreement, null, 2));
    }
    results.push(result);
  }

  const warmStarts: Record<string, WarmStartResult> = {};
  for (const corpus of corpora.filter((c) => c.kind === 'synthetic' && options.warmSizes.includes(c.files))) {
    log(`${corpus.name}: warm start, guardrails check --cache`);
    warmStarts[corpus.name] = measureWarmStart(corpus, invocation(paths, corpus, 'guardrails'), path.join(paths.cache, 'out', corpus.name, 'check-cache'), options.runs, log);
  }
  let restoredCache: RestoredCacheResult | undefined;
  const five = corpora.find((c) => c.name === 'synthetic-5000');
  if (five) {
    log('synthetic-5000: a cache restored with the workspace at a new path');
    restoredCache = measureRestoredCache(five, paths.cli, path.join(paths.cache, 'out', five.name), options.runs, log);
  }

  const bench: BenchResults = {
    date: new Date().toISOString().slice(0, 10),
    machine: machine(),
    versions: {
      node: process.version,
      guardrails: `${versionOf(paths, 'guardrails')} (commit ${commit})`,
      'dependency-cruiser': versionOf(paths, 'dependency-cruiser'),
      madge: versionOf(paths, 'madge'),
      leasot: versionOf(paths, 'leasot'),
      typescript: `${versionOf(paths, 'typescript')} (for the peers); the engine bundles ${engineTypescript(repo)}`,
    },
    runs: options.runs,
    largeRuns: Math.min(options.largeRuns, options.runs),
    command: `npm run bench -- ${rest.slice(1).join(' ')}`.trim(),
    corpora: results,
    warmUp: !options.smoke,
  };
  const goals = evaluateGoals(bench, warmStarts, windows);
  const lines = [
    renderTables(bench),
    ...(windows ? [renderWindows(windows)] : []),
    '### Goals (synthetic-5000 unless stated)', '',
    renderGoals(goals), '',
  ];
  for (const [name, warmStart] of Object.entries(warmStarts)) {
    lines.push(
      `Warm start on ${name} (\`guardrails check --cache\`, median of ${warmStart.runs} runs each, whole process): ${Math.round(warmStart.unchangedMs)} ms and ${Math.round(warmStart.unchangedPeakMb)} MB with nothing changed, `
      + `${Math.round(warmStart.editedMs)} ms with one file edited before each run; the run that fills the cache took ${Math.round(warmStart.fillMs)} ms.`, '');
  }
  if (restoredCache) {
    const { cache } = restoredCache;
    lines.push(
      `A cache restored at a new path on synthetic-5000 (the workspace and its \`--cache-location\` folder copied to another folder as deep, new modification times, as CI restores it; median of ${restoredCache.runs} runs each, alternating with cold runs on the same copy): `
      + `${Math.round(restoredCache.restoredMs)} ms and ${Math.round(restoredCache.restoredPeakMb)} MB against ${Math.round(restoredCache.coldMs)} ms cold, ${restoredCache.ratio.toFixed(1)}× faster; `
      + `${cache.reused} files reused, ${cache.parsed} parsed, ${cache.read} read, ${cache.resolved} resolved, findings ${cache.findingsReused ? 'reused' : 'checked again'}; `
      + `${restoredCache.sameFindings ? 'the same findings as the cold runs' : '**findings differ from the cold runs**'}.`, '');
  }
  lines.push('Versions: ' + Object.entries(bench.versions).map(([k, v]) => `${k} ${v}`).join(', ') + '.', '');
  const document = lines.join('\n');
  process.stdout.write(`${document}\n`);
  writeFileSync(path.join(paths.cache, 'results.json'), JSON.stringify({ ...bench, goals, warmStarts, restoredCache, windows }, null, 2));
  writeFileSync(path.join(paths.cache, 'results.md'), document);
  if (options.write) spliceResults(path.join(paths.bench, 'RESULTS.md'), document);
  // The smoke run's verdict: every corpus completed (a crash throws) and found exactly what was seeded.
  const wrong = results.filter((r) => r.findings.guardrails?.exact === false);
  for (const r of wrong) log(`${r.corpus.name}: findings differ from what was seeded: ${r.findings.guardrails?.mismatches?.join('; ')}`);
  return options.smoke && wrong.length > 0 ? 1 : 0;
}

function childJson<T>(_paths: BenchPaths, args: string[]): T {
  const child = spawnSync(process.execPath, ['--max-old-space-size=6144', process.argv[1], ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (child.status !== 0) throw new Error(`bench ${args[0]} failed: ${child.stderr}`);
  return JSON.parse(child.stdout) as T;
}

/** Copies dist/*.js (the CLI loader and its bundle) into the cache; returns the copied cli.js. */
function snapshotCli(repo: string, cache: string): string {
  const target = path.join(cache, 'engine');
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  for (const name of readdirSync(path.join(repo, 'dist'))) {
    if (name.endsWith('.js')) copyFileSync(path.join(repo, 'dist', name), path.join(target, name));
  }
  return path.join(target, 'cli.js');
}

/** The engine's commit, with `+changes` when src/ differs from it (other work in progress). */
function commitOf(repo: string): string {
  const head = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repo, encoding: 'utf8' }).stdout.trim();
  const dirty = spawnSync('git', ['status', '--porcelain', '--', 'src'], { cwd: repo, encoding: 'utf8' }).stdout.trim() !== '';
  return `${head || 'unknown'}${dirty ? ' +changes in src/' : ''}`;
}

function machine(): string {
  const cpus = os.cpus();
  return `${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${Math.round(os.totalmem() / 1024 ** 3)} GB RAM, ${os.type()} ${os.release()}, Node ${process.version}`;
}

function engineTypescript(repo: string): string {
  const file = path.join(repo, 'node_modules', '@ts-morph', 'common', 'package.json');
  if (!existsSync(file)) return 'TypeScript (ts-morph)';
  const text = readFileSync(path.join(repo, 'node_modules', '@ts-morph', 'common', 'dist', 'typescript.js'), 'utf8').slice(0, 200_000);
  const version = /\bversion = "([\d.]+)"/.exec(text)?.[1];
  return `TypeScript ${version ?? '?'} (via ts-morph)`;
}

const BEGIN = '<!-- bench:begin (generated by npm run bench -- --write) -->';
const END = '<!-- bench:end -->';

/** Replaces the generated part of RESULTS.md, keeping the written analysis around it. */
function spliceResults(file: string, document: string): void {
  const text = existsSync(file) ? readFileSync(file, 'utf8') : `# Benchmark results\n\n${BEGIN}\n${END}\n`;
  const start = text.indexOf(BEGIN);
  const end = text.indexOf(END);
  const next = start >= 0 && end > start
    ? `${text.slice(0, start + BEGIN.length)}\n${document}\n${text.slice(end)}`
    : `${text}\n${BEGIN}\n${document}\n${END}\n`;
  writeFileSync(file, next);
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`bench: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
