// `npm run bench` (after `npm run build` and `npm ci --prefix bench`): bundles the bench harness
// (bench/src, which imports the engine's sources) into bench/.cache and runs it.
//   node bench/run.mjs [--quick] [--runs N] [--sizes 1000,5000,20000,50000,100000] [--monorepo 100] [--warm-sizes 5000,50000]
//                      [--real rxjs,zod] [--no-peers] [--peer-limit 20000] [--write]
//                      [--no-windows | --windows-only] [--windows-source PATH-OR-URL]   (outline/outline's history, cloned once)
//   node bench/run.mjs --smoke     50,000 files and the 100-package monorepo once each: they complete and find what was seeded
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const bench = path.dirname(fileURLToPath(import.meta.url));
const repo = path.dirname(bench);
const outfile = path.join(bench, '.cache', 'bench.cjs');
await esbuild.build({
  entryPoints: [path.join(bench, 'src', 'main.ts')],
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
const child = spawnSync(process.execPath, ['--enable-source-maps', outfile, 'run', repo, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(child.status ?? 1);
