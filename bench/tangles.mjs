// Cycle tangles on a real code base (after `npm run build`): bundles bench/src/tangles.ts into
// bench/.cache and runs it. The cut the product finds against the greedy cut and a lower bound,
// per tangle, with times; then the editor's cost of an edit inside the largest tangle.
//   node bench/tangles.mjs DIR [--config FILE]   (Outline's rules: bench/outline-rules.json)
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const bench = path.dirname(fileURLToPath(import.meta.url));
const outfile = path.join(bench, '.cache', 'tangles.cjs');
await esbuild.build({
  entryPoints: [path.join(bench, 'src', 'tangles.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  mainFields: ['module', 'main'],
  logLevel: 'warning',
});
const child = spawnSync(process.execPath, ['--enable-source-maps', outfile, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(child.status ?? 1);
