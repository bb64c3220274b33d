// The responsiveness suite: run against the synthetic workspace that
// test/extension/runner/syntheticWorkspace.ts writes (scripts/vscode-test/responsiveness.sh).
import { runMochaSuite } from '../mochaSuite';

export function run(): Promise<void> {
  return runMochaSuite(__dirname);
}
