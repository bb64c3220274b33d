// Bundles one bench entry (bench/src/*.ts, which imports the engine's sources) into bench/.cache
// and runs it in a child node with source maps, passing `args`; exits with its status.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

export const bench = path.dirname(fileURLToPath(import.meta.url));

/** `name`: the bundle's file name in bench/.cache (`name`.cjs), as profiling commands in RESULTS.md name it. */
export async function bundleAndRun(entry, name, args) {
  const outfile = path.join(bench, '.cache', `${name}.cjs`);
  await esbuild.build({
    entryPoints: [path.join(bench, 'src', entry)],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: true,
    // Same as the product bundle: jsonc-parser's "main" is a UMD build esbuild cannot follow.
    mainFields: ['module', 'main'],
    logLevel: 'warning',
  });
  const child = spawnSync(process.execPath, ['--enable-source-maps', outfile, ...args], { stdio: 'inherit' });
  process.exit(child.status ?? 1);
}
