// Runs every compiled `*.test.js` below a folder with mocha, inside the extension host. Each suite
// folder's index.ts exports `run = () => runMochaSuite(__dirname)`, the `run()` contract that
// @vscode/test-electron documents; both runners (Electron, code-server + Chromium) load it.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { suiteLogger } from './consoleMarker';

// eslint-disable-next-line @typescript-eslint/consistent-type-imports -- only the type: mocha is loaded inside the run
type MochaClass = typeof import('mocha');

/** Milliseconds per test; GUARDRAILS_TEST_TIMEOUT_MS raises it on slow machines. */
const TEST_TIMEOUT_MS = Number(process.env.GUARDRAILS_TEST_TIMEOUT_MS) || 20_000;

/** Resolves when every test passed; rejects (VS Code then exits non-zero) otherwise. */
export async function runMochaSuite(dir: string): Promise<void> {
  // mocha 12 is an ES module: CommonJS gets its classes from the `Mocha` named export.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Mocha } = require('mocha') as { Mocha: MochaClass };

  // Reporters print through Base.consoleLog; the browser runner forwards only marked lines.
  const log = suiteLogger();
  Mocha.reporters.Base.consoleLog = log;

  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', color: false, timeout: TEST_TIMEOUT_MS });
  const grep = process.env.GUARDRAILS_TEST_GREP;
  if (grep) mocha.grep(grep);
  const files = findTestFiles(dir);
  if (files.length === 0) throw new Error(`no *.test.js files under ${dir}`);
  for (const file of files) mocha.addFile(file);

  let failures: number;
  try {
    await mocha.loadFilesAsync();
    failures = await new Promise<number>((resolve) => mocha.run(resolve));
  } catch (error) {
    // A test file that does not load never reaches the reporter: show why.
    log('extension test suite did not run: %s', error instanceof Error ? (error.stack ?? error.message) : String(error));
    throw error;
  }
  if (failures > 0) throw new Error(`${failures} extension test(s) failed`);
}

/** Every compiled `*.test.js` below `dir`, sorted so the order is the same on every machine. */
function findTestFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((rel) => rel.endsWith('.test.js'))
    .map((rel) => path.join(dir, rel))
    .sort();
}
