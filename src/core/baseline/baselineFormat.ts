// The baseline file: known violations keyed by rule, file and target (never the line, so edits
// above a violation keep it known), with a count so a second identical violation is new.
import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { Location } from '../model/types';
import { LineIndex } from '../util/positions';
import { compareBy } from '../util/relativePaths';
import { tooDeepAt, tooDeepMessage } from '../json/jsonNesting';

export const BASELINE_VERSION = 1;

export interface BaselineEntry {
  ruleId: string;
  /** File of the finding, root-relative with `/`. */
  file: string;
  /** Relative workspace path, `pkg:x`, `node:x`, `unresolved:x`, or empty when not a dependency. */
  to: string;
  /** How many such findings are known; a further one is new. */
  count: number;
}

export interface Baseline {
  version: typeof BASELINE_VERSION;
  violations: BaselineEntry[];
}

export type ParseBaselineResult =
  | { ok: true; baseline: Baseline }
  | { ok: false; message: string; location: Location };

export function emptyBaseline(): Baseline {
  return { version: BASELINE_VERSION, violations: [] };
}

export const entryKey = (e: { ruleId: string; file: string; to: string }): string => `${e.ruleId}\0${e.file}\0${e.to}`;

/** Merges duplicate keys (summing counts), drops empty ones, sorts by rule, file, target. */
export function normalizeBaseline(baseline: Baseline): Baseline {
  const merged = new Map<string, BaselineEntry>();
  for (const e of baseline.violations) {
    if (e.count <= 0) continue;
    const known = merged.get(entryKey(e));
    merged.set(entryKey(e), { ruleId: e.ruleId, file: e.file, to: e.to, count: (known?.count ?? 0) + e.count });
  }
  const violations = [...merged.values()].sort(compareBy<BaselineEntry>((e) => e.ruleId, (e) => e.file, (e) => e.to));
  return { version: BASELINE_VERSION, violations };
}

/** Stable text: normalised, 2-space JSON, fixed key order, trailing newline (clean diffs in review). */
export function serializeBaseline(baseline: Baseline): string {
  const { violations } = normalizeBaseline(baseline);
  const ordered = violations.map((e) => ({ ruleId: e.ruleId, file: e.file, to: e.to, count: e.count }));
  return JSON.stringify({ version: BASELINE_VERSION, violations: ordered }, null, 2) + '\n';
}

/** Parses and validates baseline text; problems point at `file:line:col`. */
export function parseBaseline(text: string, file: string): ParseBaselineResult {
  const lines = new LineIndex(text);
  const fail = (message: string, offset: number, length = 0): ParseBaselineResult => {
    const location: Location = { file, range: lines.range(offset, offset + length) };
    const { line, column } = location.range.start;
    return { ok: false, message: `${file}:${line}:${column}: ${message}`, location };
  };

  // jsonc-parser recurses per level: a file nested thousands deep would overflow the stack.
  const deep = tooDeepAt(text);
  if (deep !== undefined) return fail(tooDeepMessage('baseline'), deep, 1);
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length > 0) return fail(`invalid JSON in baseline: ${words(printParseErrorCode(errors[0].error))}`, errors[0].offset, errors[0].length);
  if (tree === undefined || tree.type !== 'object') return fail('baseline must be a JSON object', tree?.offset ?? 0, tree?.length ?? 0);

  const version = property(tree, 'version');
  if (version === undefined) return fail('baseline has no "version"', tree.offset, 1);
  if (version.value !== BASELINE_VERSION) {
    return fail(`unsupported baseline version ${JSON.stringify(version.value)} (expected ${BASELINE_VERSION})`, version.offset, version.length);
  }
  // Only what Guardrails writes: a file with more in it is someone else's, never to be overwritten.
  const foreign = tree.children?.find((pair) => !['version', 'violations'].includes(pair.children?.[0]?.value as string));
  if (foreign) return fail(`baseline has an unknown property ${JSON.stringify(foreign.children?.[0]?.value)}`, foreign.offset, foreign.children?.[0]?.length ?? 1);
  const list = property(tree, 'violations');
  if (list === undefined) return fail('baseline has no "violations"', tree.offset, 1);
  if (list.type !== 'array') return fail('"violations" must be an array', list.offset, list.length);

  const entries: BaselineEntry[] = [];
  for (const item of list.children ?? []) {
    if (item.type !== 'object') return fail('each baseline entry must be an object', item.offset, item.length);
    const entry: Partial<BaselineEntry> = {};
    for (const name of ['ruleId', 'file', 'to'] as const) {
      const node = property(item, name);
      if (node === undefined && name === 'to') {
        entry.to = '';
        continue;
      }
      if (node === undefined) return fail(`baseline entry has no "${name}"`, item.offset, 1);
      if (node.type !== 'string' || (name !== 'to' && node.value === '')) {
        return fail(`"${name}" must be a ${name === 'to' ? '' : 'non-empty '}string`, node.offset, node.length);
      }
      entry[name] = node.value as string;
    }
    const count = property(item, 'count');
    if (count !== undefined && !(Number.isInteger(count.value) && (count.value as number) > 0)) {
      return fail('"count" must be a positive integer', count.offset, count.length);
    }
    entries.push({ ruleId: entry.ruleId!, file: entry.file!, to: entry.to!, count: (count?.value as number | undefined) ?? 1 });
  }
  return { ok: true, baseline: normalizeBaseline({ version: BASELINE_VERSION, violations: entries }) };
}

function property(object: Node, name: string): Node | undefined {
  const pair = object.children?.find((p) => p.children?.[0]?.value === name);
  return pair?.children?.[1];
}

/** `CloseBraceExpected` → `close brace expected`. */
function words(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}
