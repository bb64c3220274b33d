// `npm run bench` (after `npm run build` and `npm ci --prefix bench`): bundles the bench harness
// (bench/src, which imports the engine's sources) into bench/.cache and runs it.
//   node bench/run.mjs [--quick] [--runs N] [--sizes 1000,5000,20000,50000,100000] [--monorepo 100] [--warm-sizes 5000,50000]
//                      [--real rxjs,zod] [--no-peers] [--peer-limit 20000] [--write]
//                      [--no-windows | --windows-only] [--windows-source PATH-OR-URL]   (outline/outline's history, cloned once)
//   node bench/run.mjs --smoke     50,000 files and the 100-package monorepo once each: they complete and find what was seeded
import * as path from 'node:path';
import { bench, bundleAndRun } from './bundle.mjs';

await bundleAndRun('main.ts', 'bench', ['run', path.dirname(bench), ...process.argv.slice(2)]);
