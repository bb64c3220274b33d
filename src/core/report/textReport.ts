// `check --format text`: ESLint-style findings grouped by file, debt, notices and one summary line.
import type { AnalysisResult, SinceSummary, Tangle, Violation } from '../model/types';
import type { RulesConfig } from '../model/ruleTypes';
import { padEnd, paint, type Paint } from './ansi';
import { colorFor, debtLines, debtSummary } from './debtText';
import { cyclePath, summarize } from './jsonReport';
import { compareBy, relativeFile } from '../util/relativePaths';
import { formatSeconds, oneLine, plural } from './reportFormat';
import { printable } from './printable';
import { appendAll, maxOf } from '../util/arrays';

export { formatDebtText, type DebtTextOptions } from './debtText';

export interface TextReportOptions {
  color: boolean;
  /** Supplies a rule's `why` when a finding does not carry it. */
  rules?: RulesConfig;
  showDebt?: boolean;
  /** `check --since`: `result` holds only the new findings; what was fixed is listed after them. */
  since?: SinceSummary;
}

export function formatText(result: AnalysisResult, opts: TextReportOptions): string {
  const p = paint(opts.color);
  const whyOf = whyLookup(opts.rules);
  const lines: string[] = [];
  for (const [file, group] of groupByFile(result)) {
    lines.push(p.underline(printable(file)));
    appendAll(lines, findingLines(result.root, group, whyOf, p));
    lines.push('');
  }
  if (opts.showDebt === true && result.debt.length > 0) {
    lines.push(p.bold('Debt'));
    appendAll(lines, debtLines(result, p));
  }
  const tangles = tangleLines(result.tangles ?? [], p);
  if (tangles.length > 0) {
    appendAll(lines, tangles);
    lines.push('');
  }
  for (const n of result.notices) {
    const mark = n.level === 'warning' ? p.yellow('⚠') : p.blue('ℹ');
    const file = n.file === undefined ? undefined : relativeFile(result.root, n.file);
    const where = file === undefined || n.message.includes(file) ? '' : `  ${p.dim(printable(file))}`;
    lines.push(`${mark} ${n.message}${where}`);
  }
  if (result.notices.length > 0) lines.push('');
  if (opts.since) appendAll(lines, fixedLines(result.root, opts.since, p));
  lines.push(summaryLine(result, p));
  if (opts.since) lines.push(sinceLine(result, opts.since, p));
  return lines.join('\n') + '\n';
}

/** What the change fixed: one line per finding or debt item that was at the merge base and is gone. */
function fixedLines(root: string, since: SinceSummary, p: Paint): string[] {
  const { violations, debt } = since.fixed;
  if (violations.length + debt.length === 0) return [];
  const rows = [
    ...violations.map((v) => ({ where: `${relativeFile(root, v.location.file)}:${v.location.range.start.line}`, what: v.ruleId, text: oneLine(v.message) })),
    ...debt.map((d) => ({ where: `${relativeFile(root, d.file)}:${d.range.start.line}`, what: d.tag, text: oneLine(d.text) })),
  ].sort(compareBy<{ where: string }>((r) => r.where));
  const whereWidth = maxOf(rows.map((r) => r.where.length));
  const whatWidth = maxOf(rows.map((r) => r.what.length));
  return [
    p.bold(`Fixed since ${since.ref}`),
    ...rows.map((r) => `  ${p.green('✔')} ${padEnd(r.where, whereWidth)}  ${p.dim(padEnd(r.what, whatWidth))}  ${r.text}`),
    '',
  ];
}

/** `new since main (1a2b3c4): 2 findings, 1 debt item · fixed: 3 findings, 1 debt item · 120 existing not shown` */
export function sinceLine(result: AnalysisResult, since: SinceSummary, p: Paint): string {
  const added = `${plural(result.violations.length, 'finding')}, ${plural(result.debt.length, 'debt item')}`;
  const fixed = `${plural(since.fixed.violations.length, 'finding')}, ${plural(since.fixed.debt.length, 'debt item')}`;
  const existing = since.existing.violations + since.existing.debt;
  return p.dim(`  new since ${since.ref} (${since.commit.slice(0, 7)}): ${added} · fixed: ${fixed} · ${existing} existing not shown`);
}

/** Non-baselined findings by relative file, files and findings in a stable order. */
function groupByFile(result: AnalysisResult): [string, Violation[]][] {
  const groups = new Map<string, Violation[]>();
  for (const v of result.violations) {
    if (v.baselined === true) continue;
    const file = relativeFile(result.root, v.location.file);
    const group = groups.get(file);
    if (group) group.push(v);
    else groups.set(file, [v]);
  }
  const byPosition = compareBy<Violation>(
    (v) => v.location.range.start.line, (v) => v.location.range.start.column, (v) => v.ruleId, (v) => v.message,
  );
  return [...groups.entries()]
    .sort(compareBy<[string, Violation[]]>(([f]) => f))
    .map(([f, vs]) => [f, vs.sort(byPosition)]);
}

function findingLines(root: string, group: Violation[], whyOf: (v: Violation) => string | undefined, p: Paint): string[] {
  const pos = (v: Violation) => `${v.location.range.start.line}:${v.location.range.start.column}`;
  const posWidth = maxOf(group.map((v) => pos(v).length));
  const sevWidth = maxOf(group.map((v) => v.severity.length));
  const msgWidth = maxOf(group.map((v) => oneLine(v.message).length));
  const indent = ' '.repeat(2 + posWidth + 2 + sevWidth + 2);
  const lines: string[] = [];
  for (const v of group) {
    const color = colorFor(v.severity, p);
    lines.push(`  ${p.dim(padEnd(pos(v), posWidth))}  ${color(padEnd(v.severity, sevWidth))}  ${padEnd(oneLine(v.message), msgWidth)}  ${p.dim(v.ruleId)}`);
    // The path, unless the message already spells it out (as the engine's cycle messages do).
    if (v.cycle !== undefined && v.cycle.length > 0) {
      const path = cyclePath(root, v).join(' → ');
      if (!v.message.includes(path)) lines.push(indent + path);
    }
    const why = whyOf(v);
    if (why !== undefined && why.trim() !== '') lines.push(indent + p.dim(oneLine(why)));
  }
  return lines;
}

/** One line per rule with tangles: how much is tangled, and how few imports untangle it all. */
function tangleLines(tangles: readonly Tangle[], p: Paint): string[] {
  const byRule = new Map<string, Tangle[]>();
  for (const tangle of tangles) byRule.set(tangle.ruleId, [...(byRule.get(tangle.ruleId) ?? []), tangle]);
  return [...byRule].sort(([a], [b]) => a.localeCompare(b)).map(([ruleId, list]) => {
    const sum = (count: (tangle: Tangle) => number): number => list.reduce((total, tangle) => total + count(tangle), 0);
    const what = `${plural(list.length, 'tangle')} of ${plural(sum((t) => t.files.length), 'file')} with ${plural(sum((t) => t.cycles), 'cycle')}`;
    return `${p.yellow('⟳')} ${ruleId}: ${what}; cutting ${plural(sum((t) => t.cut.length), 'import')} leaves no cycle`;
  });
}

function whyLookup(rules: RulesConfig | undefined): (v: Violation) => string | undefined {
  const byId = new Map<string, string>();
  for (const r of rules?.rules ?? []) if (r.why !== undefined) byId.set(r.id, r.why);
  return (v) => v.why ?? byId.get(v.ruleId);
}

/** `✖ 3 errors, 2 warnings, 1 info (4 baselined) · 12 debt items (…) · 42 files in 0.31 s` */
export function summaryLine(result: AnalysisResult, p: Paint): string {
  const s = summarize(result);
  const mark = s.errors > 0 ? p.red('✖') : s.warnings > 0 ? p.yellow('✖') : p.green('✔');
  const counts = `${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}, ${s.info} info`;
  const baselined = s.baselined > 0 ? ` (${s.baselined} baselined)` : '';
  const tail = `${debtSummary(result)} · ${plural(result.files, 'file')} in ${formatSeconds(result.durationMs)}`;
  return `${mark} ${p.bold(counts)}${baselined} · ${tail}`;
}
