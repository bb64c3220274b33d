// The suite VS Code loads as `extensionTestsPath`: every *.test.js in this folder, run against the
// fixture workspace test/fixtures/extension/basic (the runners' default --workspace).
import { runMochaSuite } from '../mochaSuite';

export function run(): Promise<void> {
  return runMochaSuite(__dirname);
}
