// Cycle tangles on a real code base (after `npm run build`): bundles bench/src/tangles.ts into
// bench/.cache and runs it. The cut the product finds against the greedy cut and a lower bound,
// per tangle, with times; then the editor's cost of an edit inside the largest tangle.
//   node bench/tangles.mjs DIR [--config FILE]   (Outline's rules: bench/outline-rules.json)
import { bundleAndRun } from './bundle.mjs';

await bundleAndRun('tangles.ts', 'tangles', process.argv.slice(2));
