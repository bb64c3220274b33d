// Debt in the terminal: items grouped by file (shared by `check` and `guardrails debt`) and the
// totals of `guardrails debt` by tag and owner.
import type { AnalysisResult, DebtItem, ReportedSeverity } from '../model/types';
import { padEnd, paint, type Paint } from './ansi';
import { compareBy, relativeFile } from '../util/relativePaths';
import { formatHours, oneLine, plural } from './reportFormat';
import { printable } from './printable';
import { maxOf } from '../util/arrays';

export interface DebtTextOptions {
  color: boolean;
}

/** Lines for debt items: a heading per file, then `  line:col  TAG  text  (owner, ticket, due, est)`. */
export function debtLines(result: AnalysisResult, p: Paint): string[] {
  const byFile = new Map<string, DebtItem[]>();
  for (const item of result.debt) {
    const rel = relativeFile(result.root, item.file);
    const list = byFile.get(rel) ?? [];
    list.push(item);
    byFile.set(rel, list);
  }
  const lines: string[] = [];
  for (const file of [...byFile.keys()].sort(compareBy<string>((f) => f))) {
    const items = byFile.get(file)!.sort(compareBy<DebtItem>((d) => d.range.start.line, (d) => d.range.start.column, (d) => d.tag));
    const pos = (d: DebtItem) => `${d.range.start.line}:${d.range.start.column}`;
    const posWidth = maxOf(items.map((d) => pos(d).length));
    const tagWidth = maxOf(items.map((d) => d.tag.length));
    lines.push(p.underline(printable(file)));
    for (const d of items) {
      const meta = metadata(d);
      const parts = [
        '  ' + p.dim(padEnd(pos(d), posWidth)),
        colorFor(d.severity, p)(padEnd(d.tag, tagWidth)),
        oneLine(d.text),
      ];
      if (meta !== '') parts.push(p.dim(`(${meta})`));
      if (d.overdue) parts.push(p.bold(p.red('overdue')));
      lines.push(parts.join('  '));
    }
    lines.push('');
  }
  return lines;
}

function metadata(d: DebtItem): string {
  const parts: string[] = [];
  if (d.owner !== undefined) parts.push(d.owner);
  if (d.ticket !== undefined) parts.push(d.ticket);
  if (d.due !== undefined) parts.push(`due ${d.due}`);
  if (d.estimate !== undefined) parts.push(`est ${d.estimate}`);
  if (d.interest !== undefined) parts.push(`interest ${d.interest}`);
  return parts.join(', ');
}

export function colorFor(severity: ReportedSeverity, p: Paint): (s: string) => string {
  return severity === 'error' ? p.red : severity === 'warning' ? p.yellow : p.blue;
}

/** `12 debt items (1 overdue, 3.5d estimated)`: the debt part of a summary line. */
export function debtSummary(result: AnalysisResult): string {
  const overdue = result.debt.filter((d) => d.overdue).length;
  const hours = result.debt.reduce((sum, d) => sum + (d.estimateHours ?? 0), 0);
  const extra: string[] = [];
  if (overdue > 0) extra.push(`${overdue} overdue`);
  if (hours > 0) extra.push(`${formatHours(hours)} estimated`);
  return plural(result.debt.length, 'debt item') + (extra.length > 0 ? ` (${extra.join(', ')})` : '');
}

/** `guardrails debt`: every item grouped by file, then totals by tag and by owner. */
export function formatDebtText(result: AnalysisResult, opts: DebtTextOptions): string {
  const p = paint(opts.color);
  if (result.debt.length === 0) return `${p.green('✔')} no debt items · ${plural(result.files, 'file')} scanned\n`;
  const lines = debtLines(result, p);
  lines.push(p.bold(debtSummary(result)));
  lines.push(`  by tag:   ${totals(result.debt, (d) => d.tag)}`);
  lines.push(`  by owner: ${totals(result.debt, (d) => d.owner ?? '(no owner)')}`);
  return lines.join('\n') + '\n';
}

/** `DEBT 4 (2d), TODO 3`: count (and estimate when known) per key, most first, then by name. */
function totals(items: DebtItem[], keyOf: (d: DebtItem) => string): string {
  const groups = new Map<string, { count: number; hours: number }>();
  for (const d of items) {
    const g = groups.get(keyOf(d)) ?? { count: 0, hours: 0 };
    g.count++;
    g.hours += d.estimateHours ?? 0;
    groups.set(keyOf(d), g);
  }
  return [...groups.entries()]
    .sort(compareBy<[string, { count: number }]>(([, g]) => -g.count, ([k]) => k))
    .map(([k, g]) => `${k} ${g.count}${g.hours > 0 ? ` (${formatHours(g.hours)})` : ''}`)
    .join(', ');
}
