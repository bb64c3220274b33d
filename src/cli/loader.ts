// `guardrails` starts here. Loading the engine means compiling a large bundle (TypeScript's parser
// is most of it), which on Node 20 costs more than analysing a small project. V8 can keep the
// compiled code: this loader runs the bundle through `vm.Script` with cached data kept in the
// user's cache folder, the way `v8-compile-cache` does, and falls back to a plain compile whenever
// the cache is missing, stale or unwritable.
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import Module from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { isMainThread, workerData } from 'node:worker_threads';
import { escapeControls } from '../core/report/safeText';
import { makeDirectories } from '../core/util/makeDirectories';
import { commandIn } from './optionNames';

interface CliModule {
  cliMain(): void;
  factsWorkerMain(): void;
}

const bundle = path.join(__dirname, 'guardrails-cli.js');

const sha1 = (text: string): string => crypto.createHash('sha1').update(text).digest('hex').slice(0, 8);

/**
 * V8 settings a command runs with, set before the bundle is compiled. V8 rejects code cached under
 * other settings, so a command that changed them once running wrote a cache every next run threw
 * away (`windows` compiled the whole bundle again each time); each set has its own cache file.
 */
const V8_FLAGS = new Map<string, readonly string[]>([
  // Stepping through history makes much short-lived garbage while little stays alive: V8's default
  // lets the heap grow to four times what survives before collecting (600 MB on 2,000 files);
  // half as much again keeps the peak near 350 MB at no measurable cost in time. A cold run is
  // long enough for V8 to drop the bytecode of what ran first (reading the caches, discovery),
  // which the code cache written at its end then lacks: kept, for 20 MB, the next run has it all.
  ['windows', ['--heap-growing-percent=50', '--no-flush-bytecode']],
]);

/**
 * `cli-<installation>-<build>[-<settings>].v8cache`: one cache per installed bundle and Node
 * version, for its current build and the V8 settings it ran with (V8 also rejects data that does
 * not fit the source).
 */
function cacheFile(flags: readonly string[]): { file: string; installation: string; build: string } {
  const base = process.env.GUARDRAILS_CACHE_DIR || path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'guardrails');
  const stat = fs.statSync(bundle);
  // Node's version is part of the installation: switching between two versions (nvm, a CI
  // matrix) keeps a cache for each instead of replacing one with the other on every switch.
  const installation = sha1(`${process.version} ${process.arch} ${bundle}`);
  const build = sha1(`${stat.size} ${stat.mtimeMs}`);
  const settings = flags.length > 0 ? `-${sha1(flags.join(' '))}` : '';
  return { file: path.join(base, `cli-${installation}-${build}${settings}.v8cache`), installation, build };
}

/**
 * An upgrade leaves the old build's caches behind: remove those of this installation (and the old
 * single-key names), keeping this build's for other V8 settings.
 */
function removeStaleCaches(current: string, installation: string, build: string): void {
  const dir = path.dirname(current);
  for (const name of fs.readdirSync(dir)) {
    const ours = name.startsWith(`cli-${installation}-`) && name.endsWith('.v8cache');
    const stale = (ours && !name.startsWith(`cli-${installation}-${build}`)) || /^cli-[0-9a-f]{16}\.v8cache$/.test(name);
    if (stale) fs.rmSync(path.join(dir, name), { force: true });
  }
}

/** Tells the process's parsing threads (which get no command line) the settings it runs with. */
const SETTINGS_VARIABLE = 'GUARDRAILS_V8_SETTINGS';

/** The main thread: the command's settings, set now, before anything is compiled. */
function settingsForThisRun(): readonly string[] {
  const flags = V8_FLAGS.get(commandIn(process.argv.slice(2)) ?? '') ?? [];
  for (const flag of flags) v8.setFlagsFromString(flag);
  process.env[SETTINGS_VARIABLE] = flags.join(' ');
  return flags;
}

/** A parsing thread: already under the main thread's settings (they are the process's), whose cache fits them. */
function settingsOfTheMainThread(): readonly string[] {
  return (process.env[SETTINGS_VARIABLE] ?? '').split(' ').filter((flag) => flag !== '');
}

function load(): CliModule {
  const source = fs.readFileSync(bundle, 'utf8');
  const flags = isMainThread ? settingsForThisRun() : settingsOfTheMainThread();
  const { file: cache, installation, build } = process.env.GUARDRAILS_NO_COMPILE_CACHE ? { file: undefined, installation: '', build: '' } : cacheFile(flags);
  let cachedData: Buffer | undefined;
  try {
    if (cache) cachedData = fs.readFileSync(cache);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(Module.wrap(source.replace(/^#!.*/, '')), { filename: bundle, cachedData });
  const module = { exports: {} as CliModule };
  const localRequire = Module.createRequire(bundle);
  const wrapper = script.runInThisContext() as (exports: CliModule, require: NodeJS.Require, module: { exports: CliModule }, filename: string, dirname: string) => void;
  wrapper(module.exports, localRequire, module, bundle, path.dirname(bundle));
  // Only the main thread writes the cache: a parsing thread shares its pid and its file name.
  if (cache && isMainThread && (!cachedData || script.cachedDataRejected)) {
    // Written at exit, so the functions the run compiled are in the cache too.
    process.once('exit', () => {
      try {
        // Not mkdirSync's recursive mode, which never returns under /proc.
        const made = makeDirectories(path.dirname(cache));
        if (!made.ok) {
          // Said only for a folder the user chose; a read-only home is not worth a line every run.
          if (process.env.GUARDRAILS_CACHE_DIR) process.stderr.write(escapeControls(`guardrails: GUARDRAILS_CACHE_DIR: ${made.message}; the code cache is not kept\n`));
          return;
        }
        const temp = `${cache}.${process.pid}.tmp`;
        fs.writeFileSync(temp, script.createCachedData());
        fs.renameSync(temp, cache);
        removeStaleCaches(cache, installation, build);
      } catch {
        // A read-only home or a full disk only costs the next run its speed-up.
      }
    });
  }
  return module.exports;
}

// The same bundle, from the same code cache, runs the CLI's parsing threads (`--concurrency`).
const engine = load();
if (isMainThread) engine.cliMain();
else if ((workerData as { guardrails?: string } | undefined)?.guardrails === 'facts') engine.factsWorkerMain();
