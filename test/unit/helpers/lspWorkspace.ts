// The workspace the language-server tests run on (a copy of examples/shop), and where things are in it.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { REPO_ROOT } from './analyzeFixture';
import { CLI, type LspRange } from './lspClient';

export const TODAY = '2026-11-27';
/** Settings that keep the tests quick: a fixed date, a short debounce. */
export const FAST = { today: TODAY, debounceMs: 20 };
/** The rule findings examples/shop/EXPECTED.md lists. */
export const SHOP_RULE_FINDINGS = ['layered', 'no-cycles', 'domain-pure', 'domain-pure', 'features-isolated', 'public-api', 'ui-no-db', 'no-unresolved'];

/** A copy of the example shop in a new temp folder, under `folderName`; remove `path.dirname(root)` after. */
export function copyShop(folderName: string): string {
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'guardrails-lsp-'));
  const root = path.join(parent, folderName);
  fs.cpSync(path.join(REPO_ROOT, 'examples', 'shop'), root, { recursive: true });
  return root;
}

/** The range of the first `needle` in a text, as LSP counts (0-based lines, UTF-16 code units: what JS strings index). */
export function rangeOf(text: string, needle: string): LspRange {
  const lines = text.split('\n');
  for (let line = 0; line < lines.length; line++) {
    const character = lines[line].indexOf(needle);
    if (character >= 0) return { start: { line, character }, end: { line, character: character + needle.length } };
  }
  throw new Error(`${needle} not found`);
}

export const read = (root: string, relative: string): string => fs.readFileSync(path.join(root, relative), 'utf8');

/** Where a rule object starts in guardrails.json (1-based, as the `#L<line>,<column>` link spells it). */
export function ruleStart(root: string, ruleId: string): { line: number; column: number } {
  const { start } = rangeOf(read(root, 'guardrails.json'), `{ "id": "${ruleId}"`);
  return { line: start.line + 1, column: start.character + 1 };
}

/** True when a URI names the file, however it is spelled. */
export function samePath(uri: string, file: string): boolean {
  return fileURLToPath(uri) === file;
}

/** Skips a suite, saying why, when the bundles are not built (npm test builds them first). */
export function requireBuild(context: Mocha.Context): void {
  if (!fs.existsSync(CLI)) {
    console.warn(`    skipped: ${path.relative(REPO_ROOT, CLI)} is missing; run \`npm run build\` first (npm test does)`);
    context.skip();
  }
}

export interface CodeAction {
  title: string;
  kind?: string;
  edit?: { changes: Record<string, { range: LspRange; newText: string }[]> };
  command?: { title: string; command: string; arguments?: unknown[] };
}
