// Writes the benchmark's synthetic workspace (bench/src/synthetic.ts: layers, features, aliases,
// cycles, debt) for the responsiveness suite, outside the committed tree:
//
//   node out/test/extension/runner/syntheticWorkspace.js DIR [FILES]      (FILES default 5000)
//
// The rules file is held back: the suite writes it just before it activates the extension, so the
// first load starts while the suite watches (a guardrails.json present at start-up would activate
// the extension before the suite runs). What the suite needs goes to DIR.expected.json, beside DIR.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { generateSynthetic, writeCorpus } from '../../../bench/src/synthetic';

export interface ResponsivenessExpectation {
  files: number;
  /** The rules file's text, written by the suite as DIR/guardrails.json. */
  rules: string;
  /** One seeded violation the editor must show: rule, file, 1-based line. */
  known: { ruleId: string; file: string; line: number };
  /** Every file the generator seeded a finding in (violation, cycle or debt), root-relative. */
  filesWithFindings: string[];
}

/** Where code-server differs from desktop VS Code in ways that would blur the measurement. */
const SETTINGS = {
  // VS Code in a browser saves after a second by default; desktop VS Code (and this suite's edits,
  // which are checked unsaved) does not.
  'files.autoSave': 'off',
  // A remote extension host looks for ports to forward every few seconds by running `ps` and `ls`
  // through child processes, and each spawn holds its event loop up for up to 100 ms on a busy
  // machine. A desktop extension host does not. Ports found in terminal output only: no scans.
  'remote.autoForwardPorts': false,
  'remote.autoForwardPortsSource': 'output',
};

/** Where the suite finds what was seeded in the workspace `dir`. */
export const expectationFile = (dir: string): string => `${path.resolve(dir)}.expected.json`;

export function writeSyntheticWorkspace(dir: string, count: number): ResponsivenessExpectation {
  const corpus = generateSynthetic(count);
  const rules = corpus.files.get('guardrails.json')!;
  corpus.files.delete('guardrails.json');
  fs.rmSync(dir, { recursive: true, force: true });
  writeCorpus(dir, corpus);
  fs.mkdirSync(path.join(dir, '.vscode'), { recursive: true });
  fs.writeFileSync(path.join(dir, '.vscode', 'settings.json'), JSON.stringify(SETTINGS, null, 2));
  const { violations, cycles, debt } = corpus.expected;
  const known = violations.find((violation) => violation.ruleId === 'domain-pure') ?? violations[0];
  const expectation: ResponsivenessExpectation = {
    files: count,
    rules,
    known: { ruleId: known.ruleId, file: known.from, line: known.line },
    filesWithFindings: [...new Set([...violations.map((v) => v.from), ...cycles.flat(), ...debt.map((d) => d.file)])].sort(),
  };
  fs.writeFileSync(expectationFile(dir), JSON.stringify(expectation, null, 2));
  return expectation;
}

if (require.main === module) {
  const [dir, files = '5000'] = process.argv.slice(2);
  const count = Number(files);
  if (!dir || !Number.isInteger(count) || count < 100) {
    console.error('usage: node out/test/extension/runner/syntheticWorkspace.js DIR [FILES (at least 100)]');
    process.exit(2);
  }
  const started = Date.now();
  const written = writeSyntheticWorkspace(path.resolve(dir), count);
  console.log(`[vscode-test] synthetic workspace: ${written.files} files in ${dir} (${Date.now() - started} ms)`);
}
