// `guardrails windows --format markdown`: for a sprint review or a pull-request comment. GitHub
// flavoured (tables, <details>), the same numbers as the text and JSON reports.
import { goalVerdict, holdLine, hours, outcomeLines, outcomePeriodsLine, paidDownSummary, paidDownWhat, percent, sourceLine, sparkline, STATUS_WORDS, timeLine, trendLines, value } from './windowsWording';
import type { PaidDownItem, WindowProgress, WindowsReport } from '../windows/windowReport';
import { markdownCell as cell } from './markdownCell';

const MAX_LISTED = 30;

export function formatWindowsMarkdown(report: WindowsReport): string {
  if (report.windows.length === 0) return '_No refactoring windows are defined._\n';
  return `## Refactoring windows (${report.today})\n\n${[...report.windows.map(formatWindow), ...formatTrend(report)].join('\n\n')}\n`;
}

/** The weekly trend as a chart line per metric, the numbers in a table under it. */
function formatTrend(report: WindowsReport): string[] {
  const trend = report.trend ?? [];
  const lines = trendLines(trend);
  if (lines.length === 0) return [];
  const out = [`### Trend (weekly, ${trend[0].week} → ${trend[trend.length - 1].week})`, ''];
  for (const line of lines) out.push(`- ${line.label}: ${line.first} \`${line.bars}\` ${line.last}`);
  out.push('', '<details><summary>Weekly values</summary>', '', '| Week of | Violations | Debt |', '|---|---:|---:|');
  for (const point of trend) out.push(`| ${point.week} | ${point.violations} | ${point.debt} |`);
  out.push('', '</details>');
  return [out.join('\n')];
}

function formatWindow(w: WindowProgress): string {
  const out: string[] = [];
  out.push(`### ${cell(w.title)} (\`${w.id}\`): ${STATUS_WORDS[w.status]}`);
  out.push('', `${w.start} → ${w.end} · ${timeLine(w)} · scope ${w.scope.map((s) => `\`${s}\``).join(', ')}`);
  const hold = holdLine(w);
  if (hold) out.push('', `**${w.hold?.status === 'regressed' ? 'Regressed' : 'Held'}:** ${cell(hold)}`);
  if (w.goals.length > 0) {
    out.push('', '| Goal | At start | Now | Target | Progress | Status |', '|---|---:|---:|---:|---:|---|');
    for (const g of w.goals) {
      out.push(`| ${cell(g.label)} | ${value(g.atStart)} | ${value(g.now)} | ${g.target} | ${percent(g.progress)} | ${goalVerdict(g)} |`);
    }
  }
  if (w.burndown.length > 0 && w.goals.length > 0) {
    const first = w.burndown[0];
    const last = w.burndown[w.burndown.length - 1];
    out.push('', `Burndown ${first.date} → ${last.date}:`, '');
    w.goals.forEach((g, i) => out.push(`- ${cell(g.label)}: ${first.values[i]} \`${sparkline(w, i)}\` ${last.values[i]}`));
    out.push('', '<details><summary>Daily values</summary>', '', `| Date | ${w.goals.map((g) => cell(g.label)).join(' | ')} |`, `|---|${w.goals.map(() => '---:').join('|')}|`);
    for (const point of w.burndown) out.push(`| ${point.date} | ${point.values.join(' | ')} |`);
    out.push('', '</details>');
  }
  if (w.outcomes) {
    const periods = w.outcomes.after ? 'Before → during → after' : 'Before → during';
    out.push('', `**Outcomes in scope** (${outcomePeriodsLine(w.outcomes)}):`, '', `| Outcome | ${periods} |`, '|---|---|');
    for (const row of outcomeLines(w.outcomes)) out.push(`| ${row.label} | ${row.values} |`);
  }
  if (w.paidDown.length > 0) {
    out.push('', `**Paid down:** ${paidDownSummary(w)}`);
    if (w.contributors.length > 0) {
      out.push('', `**By:** ${w.contributors.map((c) => `${cell(c.name)} ${c.items}${c.estimateHours ? ` (${hours(c.estimateHours)})` : ''}`).join(', ')}`);
    }
    out.push('', '| Item | Where | Estimate | Removed by |', '|---|---|---:|---|');
    for (const item of w.paidDown.slice(0, MAX_LISTED)) out.push(paidRow(item));
    if (w.paidDown.length > MAX_LISTED) out.push('', `…and ${w.paidDown.length - MAX_LISTED} more (\`--format json\` lists all).`);
  }
  const notes = [sourceLine(w), `source: ${w.source}`, ...(w.note ? [w.note] : [])];
  out.push('', `<sub>${cell(notes.join(' · '))}</sub>`);
  return out.join('\n');
}

function paidRow(item: PaidDownItem): string {
  const est = item.kind === 'debt' && item.estimateHours !== null ? hours(item.estimateHours) : '';
  const by = item.removedBy ? `${cell(item.removedBy.name)} (\`${item.removedBy.commit.slice(0, 7)}\`, ${item.removedBy.date.slice(0, 10)})` : '–';
  return `| ${cell(paidDownWhat(item))} | \`${item.file}:${item.line}\` | ${est} | ${by} |`;
}
