// Command-line arguments both runners accept, with the defaults for the first suite.
import * as path from 'node:path';
import { parseArgs } from 'node:util';

/** out/test/extension/runner → repository root. */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..', '..');

export interface TestArgs {
  /** Folder VS Code opens. */
  workspace: string;
  /** Compiled suite module exporting `run()`. */
  suite: string;
  /** Extension under test (its package.json folder). */
  extension: string;
  /**
   * A packaged extension to install into code-server and test instead of the development folder
   * (the run then needs a development folder all the same: an empty extension stands in for it).
   */
  vsix?: string;
}

/** `--workspace DIR --suite FILE --extension DIR --vsix FILE`, each optional; paths resolved from the cwd. */
export function readTestArgs(argv: string[] = process.argv.slice(2)): TestArgs {
  const { values } = parseArgs({
    args: argv,
    options: { workspace: { type: 'string' }, suite: { type: 'string' }, extension: { type: 'string' }, vsix: { type: 'string' } },
  });
  return {
    workspace: path.resolve(values.workspace ?? path.join(REPO_ROOT, 'test', 'fixtures', 'extension', 'basic')),
    suite: path.resolve(values.suite ?? path.join(REPO_ROOT, 'out', 'test', 'extension', 'suite', 'index.js')),
    extension: path.resolve(values.extension ?? REPO_ROOT),
    vsix: values.vsix && path.resolve(values.vsix),
  };
}
