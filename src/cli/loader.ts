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
import * as vm from 'node:vm';
import { isMainThread, workerData } from 'node:worker_threads';

interface CliModule {
  cliMain(): void;
  factsWorkerMain(): void;
}

const bundle = path.join(__dirname, 'guardrails-cli.js');

/** One cache per bundle build and Node version; V8 itself rejects data that does not fit the source. */
function cacheFile(): string {
  const base = process.env.GUARDRAILS_CACHE_DIR || path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'guardrails');
  const stat = fs.statSync(bundle);
  const key = crypto.createHash('sha1').update(`${process.version} ${process.arch} ${bundle} ${stat.size} ${stat.mtimeMs}`).digest('hex').slice(0, 16);
  return path.join(base, `cli-${key}.v8cache`);
}

function load(): CliModule {
  const source = fs.readFileSync(bundle, 'utf8');
  const cache = process.env.GUARDRAILS_NO_COMPILE_CACHE ? undefined : cacheFile();
  let cachedData: Buffer | undefined;
  try {
    if (cache) cachedData = fs.readFileSync(cache);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(Module.wrap(source.replace(/^#!.*/, '')), { filename: bundle, cachedData });
  const module = { exports: {} as CliModule };
  const localRequire = Module.createRequire(bundle);
  script.runInThisContext()(module.exports, localRequire, module, bundle, path.dirname(bundle));
  // Only the main thread writes the cache: a parsing thread shares its pid and its file name.
  if (cache && isMainThread && (!cachedData || script.cachedDataRejected)) {
    // Written at exit, so the functions the run compiled are in the cache too.
    process.once('exit', () => {
      try {
        fs.mkdirSync(path.dirname(cache), { recursive: true });
        const temp = `${cache}.${process.pid}.tmp`;
        fs.writeFileSync(temp, script.createCachedData());
        fs.renameSync(temp, cache);
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
