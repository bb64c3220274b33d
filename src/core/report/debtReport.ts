// The lead's export: the debt as CSV (one row per item, for a spreadsheet) and as Markdown (totals
// by tag and owner, what is overdue, and the refactoring windows' progress).
import { formatWindowsMarkdown } from './windowsMarkdown';
import type { WindowsReport } from '../windows/windowReport';
import type { DebtItem } from '../model/types';
import { formatHours } from './reportFormat';
import { toRelative } from '../util/paths';
import { markdownCell as cell } from './markdownCell';

const CSV_COLUMNS = ['tag', 'file', 'line', 'column', 'owner', 'ticket', 'due', 'overdue', 'estimate', 'estimateHours', 'interest', 'severity', 'text'] as const;

export function debtCsv(items: readonly DebtItem[], root: string): string {
  const rows = [CSV_COLUMNS.join(',')];
  for (const item of sortItems(items, root)) {
    const values: Record<(typeof CSV_COLUMNS)[number], string | number | boolean | undefined> = {
      tag: item.tag, file: toRelative(root, item.file), line: item.range.start.line, column: item.range.start.column,
      owner: item.owner, ticket: item.ticket, due: item.due, overdue: item.overdue, estimate: item.estimate,
      estimateHours: item.estimateHours, interest: item.interest, severity: item.severity, text: item.text,
    };
    rows.push(CSV_COLUMNS.map((column) => csvCell(values[column])).join(','));
  }
  return `${rows.join('\r\n')}\r\n`;
}

/** RFC 4180, and no formula injection when the sheet is opened in a spreadsheet. */
function csvCell(value: string | number | boolean | undefined): string {
  if (value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export interface DebtReportInput {
  root: string;
  today: string;
  items: readonly DebtItem[];
  windows?: WindowsReport;
  /** File names of the burndown charts written next to the report, by window id. */
  charts?: Record<string, string>;
}

export function debtMarkdown(input: DebtReportInput): string {
  const { root, items } = input;
  const totalHours = sum(items.map((item) => item.estimateHours ?? 0));
  const overdue = items.filter((item) => item.overdue);
  const out: string[] = [`# Debt report (${input.today})`, ''];
  out.push(`${items.length} item${items.length === 1 ? '' : 's'} · ${formatHours(totalHours)} estimated · ${overdue.length} overdue`, '');
  out.push('## By tag', '', '| Tag | Items | Estimate |', '|---|---:|---:|');
  for (const [tag, group] of groups(items, (item) => item.tag)) out.push(`| ${cell(tag)} | ${group.length} | ${formatHours(sum(group.map((i) => i.estimateHours ?? 0)))} |`);
  out.push('', '## By owner', '', '| Owner | Items | Overdue | Estimate |', '|---|---:|---:|---:|');
  for (const [owner, group] of groups(items, (item) => item.owner ?? '(none)')) {
    out.push(`| ${cell(owner)} | ${group.length} | ${group.filter((i) => i.overdue).length} | ${formatHours(sum(group.map((i) => i.estimateHours ?? 0)))} |`);
  }
  if (overdue.length > 0) {
    out.push('', '## Overdue', '', '| Due | Tag | Where | Owner | Ticket | Note |', '|---|---|---|---|---|---|');
    for (const item of sortItems(overdue, root).sort((a, b) => (a.due ?? '').localeCompare(b.due ?? ''))) out.push(row(item, root, true));
  }
  out.push('', '## All items', '', '| Tag | Where | Owner | Ticket | Due | Estimate | Note |', '|---|---|---|---|---|---|---|');
  for (const item of sortItems(items, root)) out.push(row(item, root, false));
  if (input.windows && input.windows.windows.length > 0) {
    out.push('', formatWindowsMarkdown(input.windows).replace(/^## /m, '## ').trimEnd());
    for (const [id, chart] of Object.entries(input.charts ?? {})) out.push('', `![Burndown of ${id}](${chart})`);
  }
  return `${out.join('\n')}\n`;
}

/** Every cell from the workspace goes through `cell`: a ticket or owner can hold `|` or HTML too. */
function row(item: DebtItem, root: string, overdueTable: boolean): string {
  const where = cell(`${toRelative(root, item.file)}:${item.range.start.line}`);
  const [tag, owner, ticket, note] = [item.tag, item.owner ?? '', item.ticket ?? '', item.text].map(cell);
  return overdueTable
    ? `| ${cell(item.due ?? '')} | ${tag} | ${where} | ${owner} | ${ticket} | ${note} |`
    : `| ${tag} | ${where} | ${owner} | ${ticket} | ${cell(item.due ?? '')}${item.overdue ? ' ⚠' : ''} | ${cell(item.estimate ?? '')} | ${note} |`;
}

function sortItems(items: readonly DebtItem[], root: string): DebtItem[] {
  return [...items].sort((a, b) => toRelative(root, a.file).localeCompare(toRelative(root, b.file)) || a.range.start.line - b.range.start.line);
}

function groups(items: readonly DebtItem[], key: (item: DebtItem) => string): [string, DebtItem[]][] {
  const map = new Map<string, DebtItem[]>();
  for (const item of items) map.set(key(item), [...(map.get(key(item)) ?? []), item]);
  return [...map.entries()].sort(([a], [b]) => a.localeCompare(b));
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
