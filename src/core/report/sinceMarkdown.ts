// `check --since REF --format markdown`: a pull-request comment. One header line with the counts,
// then what the change added and fixed, findings and debt apart, each row with its rule or tag and
// its file. GitHub flavoured; every value from the code is escaped (markdownText, markdownCode).
import type { AnalysisResult, DebtItem, SinceSummary, Violation } from '../model/types';
import { compareBy, relativeFile } from '../util/relativePaths';
import { markdownCode, markdownText } from './markdownText';
import { plural } from './reportFormat';

/** Rows per table; a comment has a size limit and a reviewer a patience limit. */
const MAX_ROWS = 50;

export function formatSinceMarkdown(result: AnalysisResult, since: SinceSummary): string {
  const root = result.root;
  const added = result.violations.filter((v) => v.baselined !== true);
  const errors = added.filter((v) => v.severity === 'error').length;
  const warnings = added.filter((v) => v.severity === 'warning').length;
  const mark = errors > 0 ? '❌' : warnings > 0 ? '⚠️' : '✅';
  const counts = [
    added.length === 0 ? 'no new findings' : `${plural(added.length, 'new finding')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')})`,
    `${since.fixed.violations.length} fixed`,
    `debt ${sign(result.debt.length, '+')} ${sign(since.fixed.debt.length, '−')}`,
  ];
  const out = [`### ${mark} Guardrails: ${counts.join(' · ')} since ${markdownCode(since.ref, false)}`, ''];
  const existing = since.existing.violations + since.existing.debt;
  out.push(`Compared with ${markdownCode(since.commit.slice(0, 12), false)}, where this branch left ${markdownCode(since.ref, false)}; ${plural(existing, 'finding')} already there ${existing === 1 ? 'is' : 'are'} not listed · ${plural(result.files, 'file')} checked`);

  const byPlace = compareBy<Violation>((v) => relativeFile(root, v.location.file), (v) => v.location.range.start.line, (v) => v.ruleId);
  const debtByPlace = compareBy<DebtItem>((d) => relativeFile(root, d.file), (d) => d.range.start.line, (d) => d.tag);
  table(out, `New findings (${added.length})`, ['Severity', 'Rule', 'File', 'Finding'], [...added].sort(byPlace), (v) => [
    v.severity, markdownCode(v.ruleId), place(root, v.location.file, v.location.range.start.line), markdownText(v.message),
  ]);
  table(out, `Fixed (${since.fixed.violations.length})`, ['Rule', 'File', 'Finding'], [...since.fixed.violations].sort(byPlace), (v) => [
    markdownCode(v.ruleId), place(root, v.location.file, v.location.range.start.line), markdownText(v.message),
  ]);
  table(out, `Debt added (${result.debt.length})`, ['Tag', 'File', 'Note', 'Owner', 'Due'], [...result.debt].sort(debtByPlace), (d) => [
    markdownCode(d.tag), place(root, d.file, d.range.start.line), markdownText(d.text), d.owner ? markdownCode(`@${d.owner}`) : '', d.due ?? '',
  ]);
  table(out, `Debt paid (${since.fixed.debt.length})`, ['Tag', 'File', 'Note'], [...since.fixed.debt].sort(debtByPlace), (d) => [
    markdownCode(d.tag), place(root, d.file, d.range.start.line), markdownText(d.text),
  ]);
  return out.join('\n') + '\n';
}

function table<T>(out: string[], title: string, headings: string[], rows: readonly T[], cells: (row: T) => string[]): void {
  if (rows.length === 0) return;
  out.push('', `#### ${title}`, '', `| ${headings.join(' | ')} |`, `|${headings.map(() => ' --- ').join('|')}|`);
  for (const row of rows.slice(0, MAX_ROWS)) out.push(`| ${cells(row).join(' | ')} |`);
  if (rows.length > MAX_ROWS) out.push('', `…and ${rows.length - MAX_ROWS} more (\`--format json\` lists them all).`);
}

function place(root: string, file: string, line: number): string {
  return markdownCode(`${relativeFile(root, file)}:${line}`);
}

function sign(n: number, symbol: string): string {
  return `${symbol}${n}`;
}
