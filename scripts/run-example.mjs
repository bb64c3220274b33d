// Runs `guardrails check` on the bundled example. Exit 1 means "found violations", which is the
// point of the example, so only a usage or configuration error (exit 2) fails this script.
import { spawnSync } from 'node:child_process';

const args = ['dist/cli.js', 'check', 'examples/shop', ...process.argv.slice(2)];
const { status } = spawnSync(process.execPath, args, { stdio: 'inherit' });
if (status === 1) console.log('\n(exit code 1: the example breaks its rules on purpose)');
process.exit(status === 1 ? 0 : status ?? 2);
