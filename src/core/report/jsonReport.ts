// `check --format json`: the machine contract of DESIGN.md section 5. Fields may be added here,
// never renamed or dropped. Absent optional values are `null` so every object has one shape.
import type { AnalysisResult, CacheStats, DebtItem, DependencyKind, ReportedSeverity, SinceSummary, Tangle, Violation } from '../model/types';
import { compareBy, relativeFile, relativeTarget } from '../util/relativePaths';

export interface JsonViolation {
  ruleId: string;
  severity: ReportedSeverity;
  /** File of the finding, root-relative with `/`. */
  file: string;
  line: number;
  column: number;
  message: string;
  /** Importing file (relative). */
  from: string;
  /** Relative workspace path, or `pkg:x` / `node:x` / `unresolved:x`; empty when not about a dependency. */
  to: string;
  kind: DependencyKind | null;
  /** Only for cycles: relative paths in order, ending where it started (`[a, b, c, a]`). */
  cycle?: string[];
  endLine: number;
  endColumn: number;
  why: string | null;
  baselined: boolean;
  /** The rule's severity before the baseline softened it; null when not baselined. */
  originalSeverity: ReportedSeverity | null;
}

export interface JsonDebt {
  tag: string;
  file: string;
  line: number;
  text: string;
  owner: string | null;
  ticket: string | null;
  due: string | null;
  estimate: string | null;
  overdue: boolean;
  column: number;
  severity: ReportedSeverity;
  id: string;
  estimateHours: number | null;
  interest: string | null;
}

export interface JsonNotice {
  level: 'info' | 'warning';
  message: string;
  file: string | null;
}

/** A tangle of a file-level no-cycle rule: removing every import from `from` to `to` of each cut leaves it without a cycle. */
export interface JsonTangle {
  ruleId: string;
  /** Relative paths, sorted. */
  files: string[];
  /** Cycle findings the rule reports for it with "report": "cycles" (the shortest cycle through each import, each once). */
  cycles: number;
  /** The same count with type-only imports left out, as "allowTypeOnly": true would. */
  cyclesWithoutTypeOnly: number;
  /** The first import from `from` to `to` is on `line` of `from`. */
  cut: { from: string; to: string; line: number }[];
}

export interface JsonSummary {
  /** Counts of findings not covered by the baseline, by severity. */
  errors: number;
  warnings: number;
  info: number;
  baselined: number;
  debt: number;
  overdue: number;
  estimateHours: number;
}

export interface JsonReport {
  version: string;
  /** Absolute path of the root, as the engine saw it. */
  root: string;
  files: number;
  durationMs: number;
  violations: JsonViolation[];
  debt: JsonDebt[];
  windows: unknown[];
  /** Rules file (relative), null when defaults were used. */
  rulesFile: string | null;
  notices: JsonNotice[];
  summary: JsonSummary;
  /** With `--cache`: files reused, parsed, read and resolved this run, and whether the findings were reused; null without. */
  cache: CacheStats | null;
  tangles: JsonTangle[];
  /** `check --since`: the ref as written and the merge base the findings were compared with. */
  since?: { ref: string; commit: string };
  /** `check --since`: findings and debt present at the merge base and gone now. */
  fixed?: { violations: JsonViolation[]; debt: JsonDebt[] };
}

export interface JsonReportOptions {
  version: string;
  windows?: unknown[];
  /** `check --since`: `result` then holds only the new findings. */
  since?: SinceSummary;
}

export function toJsonReport(result: AnalysisResult, opts: JsonReportOptions): JsonReport {
  const root = result.root;
  const report: JsonReport = {
    version: opts.version,
    root,
    files: result.files,
    durationMs: Math.round(result.durationMs),
    violations: jsonViolations(root, result.violations),
    debt: jsonDebtItems(root, result.debt),
    windows: opts.windows ?? [],
    rulesFile: result.rulesFile === undefined ? null : relativeFile(root, result.rulesFile),
    notices: result.notices.map((n) => ({ level: n.level, message: n.message, file: n.file === undefined ? null : relativeFile(root, n.file) })),
    summary: summarize(result),
    cache: result.cache ?? null,
    tangles: (result.tangles ?? []).map((tangle) => jsonTangle(root, tangle)).sort(compareBy<JsonTangle>((t) => t.ruleId, (t) => t.files[0] ?? '')),
  };
  if (opts.since) {
    report.since = { ref: opts.since.ref, commit: opts.since.commit };
    report.fixed = { violations: jsonViolations(root, opts.since.fixed.violations), debt: jsonDebtItems(root, opts.since.fixed.debt) };
  }
  return report;
}

function jsonTangle(root: string, tangle: Tangle): JsonTangle {
  return {
    ruleId: tangle.ruleId,
    files: tangle.files.map((file) => relativeFile(root, file)).sort(),
    cycles: tangle.cycles,
    cyclesWithoutTypeOnly: tangle.cyclesWithoutTypeOnly,
    cut: tangle.cut.map((step) => ({ from: relativeFile(root, step.from), to: relativeTarget(root, step.to), line: step.location.range.start.line })),
  };
}

function jsonViolations(root: string, violations: readonly Violation[]): JsonViolation[] {
  return violations.map((v) => jsonViolation(root, v)).sort(violationOrder);
}

function jsonDebtItems(root: string, debt: readonly DebtItem[]): JsonDebt[] {
  return debt.map((d) => jsonDebt(root, d)).sort(compareBy<JsonDebt>((d) => d.file, (d) => d.line, (d) => d.column, (d) => d.tag));
}

export const violationOrder = compareBy<JsonViolation>(
  (v) => v.file, (v) => v.line, (v) => v.column, (v) => v.ruleId, (v) => v.to, (v) => v.message,
);

function jsonViolation(root: string, v: Violation): JsonViolation {
  const { start, end } = v.location.range;
  const out: JsonViolation = {
    ruleId: v.ruleId,
    severity: v.severity,
    file: relativeFile(root, v.location.file),
    line: start.line,
    column: start.column,
    message: v.message,
    from: relativeFile(root, v.from),
    to: relativeTarget(root, v.to),
    kind: v.kind ?? null,
    endLine: end.line,
    endColumn: end.column,
    why: v.why ?? null,
    baselined: v.baselined === true,
    originalSeverity: v.baselined === true ? (v.originalSeverity ?? null) : null,
  };
  if (v.cycle !== undefined && v.cycle.length > 0) out.cycle = cyclePath(root, v);
  return out;
}

/** `[a, b, c, a]`: every step's importer, then back to the first. */
export function cyclePath(root: string, v: Violation): string[] {
  const steps = v.cycle ?? [];
  if (steps.length === 0) return [];
  return [...steps.map((s) => relativeFile(root, s.from)), relativeTarget(root, steps[steps.length - 1].to)];
}

function jsonDebt(root: string, d: DebtItem): JsonDebt {
  return {
    tag: d.tag,
    file: relativeFile(root, d.file),
    line: d.range.start.line,
    text: d.text,
    owner: d.owner ?? null,
    ticket: d.ticket ?? null,
    due: d.due ?? null,
    estimate: d.estimate ?? null,
    overdue: d.overdue,
    column: d.range.start.column,
    severity: d.severity,
    id: d.id,
    estimateHours: d.estimateHours ?? null,
    interest: d.interest ?? null,
  };
}

/** Counts the text summary and the JSON share, so both always agree. */
export function summarize(result: AnalysisResult): JsonSummary {
  const s: JsonSummary = { errors: 0, warnings: 0, info: 0, baselined: 0, debt: result.debt.length, overdue: 0, estimateHours: 0 };
  for (const v of result.violations) {
    if (v.baselined === true) s.baselined++;
    else if (v.severity === 'error') s.errors++;
    else if (v.severity === 'warning') s.warnings++;
    else s.info++;
  }
  for (const d of result.debt) {
    if (d.overdue) s.overdue++;
    s.estimateHours += d.estimateHours ?? 0;
  }
  return s;
}
