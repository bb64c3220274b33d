// What a window measures in one state of the code, as plain records: debt items and rule findings
// with root-relative paths. The same records come from an analysis (now, a past commit) and from a
// snapshot file, so every state is measured by the same code.
import type { RulesConfig } from '../model/ruleTypes';
import { relativeFile, relativeTarget } from '../util/relativePaths';
import type { AnalysisResult, Range } from '../model/types';

export interface DebtRecord {
  /** The item's move-proof identity (tag, file, normalised text). */
  id: string;
  tag: string;
  /** Root-relative with `/`. */
  file: string;
  line: number;
  text: string;
  estimateHours?: number;
  owner?: string;
  /** The comment line as written: the text `git log -S` looks for to find who removed it. */
  needle?: string;
}

export interface ViolationRecord {
  ruleId: string;
  /** Root-relative with `/`. */
  file: string;
  /** Relative workspace path, `pkg:x`, `node:x`, `unresolved:x`, or ''. */
  to: string;
  line: number;
  /** The import specifier as written, quotes included (or the line): what a removal is found by in git. */
  needle?: string;
  /** A cycle's imports, the reported one first (full records only). */
  steps?: ImportRecord[];
}

/** One import of a cycle. */
export interface ImportRecord {
  file: string;
  to: string;
  line: number;
  needle?: string;
}

export interface MeasuredState {
  debt: DebtRecord[];
  /** Findings of the configured rules that the baseline does not cover. */
  violations: ViolationRecord[];
  /**
   * Every import as `importKey(file, to)` (full records only): what was paid down is an import
   * that is gone, not a finding that changed shape.
   */
  imports?: ReadonlySet<string>;
}

/** How much a state records: `full` keeps needles, cycle steps and the imports (a window's start and now); `counts` what goals count. */
export type RecordDetail = 'full' | 'counts';

export function importKey(file: string, to: string): string {
  return `${file}\u0000${to}`;
}

/** The identity of a finding across states: rule, file, target (as the baseline keys it). */
export function violationKey(record: Pick<ViolationRecord, 'ruleId' | 'file' | 'to'>): string {
  return `${record.ruleId}\u0000${record.file}\u0000${record.to}`;
}

/**
 * Debt identity without the file: `TAG:normalised text`. An item that left one file while the same
 * note appeared in another was moved, not paid down.
 */
export function debtIdentityWithoutFile(record: Pick<DebtRecord, 'id' | 'tag' | 'file'>): string {
  const prefix = `${record.tag}:${record.file}:`;
  return record.id.startsWith(prefix) ? `${record.tag}:${record.id.slice(prefix.length)}` : record.id;
}

/**
 * Records of an analysis of one rules file. `readText` gives the text the analysis read (the disk, a
 * commit's blobs), to keep each record's needle; without it records have none.
 */
export function recordState(result: AnalysisResult, config: RulesConfig, readText?: (file: string) => string | undefined, detail: RecordDetail = 'full'): MeasuredState {
  const root = config.root;
  const ruleIds = new Set(config.rules.map((rule) => rule.id));
  const lines = linesOf(detail === 'full' ? readText : undefined);
  const debt = result.debt.map((item): DebtRecord => {
    const record: DebtRecord = { id: item.id, tag: item.tag, file: relativeFile(root, item.file), line: item.range.start.line, text: item.text };
    if (item.estimateHours !== undefined) record.estimateHours = item.estimateHours;
    if (item.owner !== undefined) record.owner = item.owner;
    const needle = textAt(lines(item.file), item.commentRange);
    if (needle) record.needle = needle;
    return record;
  });
  const violations = result.violations
    .filter((violation) => !violation.baselined && ruleIds.has(violation.ruleId))
    .map((violation): ViolationRecord => {
      const record: ViolationRecord = {
        ruleId: violation.ruleId,
        file: relativeFile(root, violation.location.file),
        to: relativeTarget(root, violation.to),
        line: violation.location.range.start.line,
      };
      const needle = textAt(lines(violation.location.file), violation.location.range);
      if (needle) record.needle = needle;
      if (detail === 'full' && violation.cycle) {
        record.steps = violation.cycle.map((step): ImportRecord => {
          const importRecord: ImportRecord = { file: relativeFile(root, step.from), to: relativeTarget(root, step.to), line: step.location.range.start.line };
          const stepNeedle = textAt(lines(step.from), step.location.range);
          if (stepNeedle) importRecord.needle = stepNeedle;
          return importRecord;
        });
      }
      return record;
    });
  if (detail !== 'full') return { debt, violations };
  const imports = new Set(result.edges.map((edge) => importKey(relativeFile(root, edge.from), relativeTarget(root, edge.to))));
  return { debt, violations, imports };
}

function linesOf(readText: ((file: string) => string | undefined) | undefined): (file: string) => string[] | undefined {
  const cache = new Map<string, string[] | undefined>();
  return (file) => {
    if (!readText) return undefined;
    if (!cache.has(file)) cache.set(file, readText(file)?.split(/\r?\n/));
    return cache.get(file);
  };
}

/** The text of a one-line range (trimmed), or of its first line when it spans several. */
function textAt(lines: string[] | undefined, range: Range): string | undefined {
  const line = lines?.[range.start.line - 1];
  if (line === undefined) return undefined;
  const text = range.end.line === range.start.line ? line.slice(range.start.column - 1, range.end.column - 1) : line;
  return text.trim() || undefined;
}
