// `guardrails windows` for a terminal: per window its time, goals, a burndown sparkline per goal,
// and what was paid down by whom.
import { padEnd, padStart, paint, type Paint } from './ansi';
import type { WindowStatus } from '../windows/progress';
import { goalVerdict, holdLine, hours, outcomeLines, outcomePeriodsLine, paidDownSummary, paidDownWhat, paidDownWho, percent, sourceLine, sparkline, STATUS_WORDS, timeLine, trendLines, value } from './windowsWording';
import type { WindowProgress, WindowsReport } from '../windows/windowReport';
import { maxOf } from '../util/arrays';

export interface TextOptions {
  color: boolean;
}

/** Paid-down items listed in full; the rest are counted. */
const MAX_LISTED = 20;

export function formatWindowsText(report: WindowsReport, options: TextOptions): string {
  const p = paint(options.color);
  if (report.windows.length === 0) return 'No refactoring windows are defined (add "windows" to guardrails.json).';
  const trend = trendLines(report.trend ?? []);
  const trendText = trend.length === 0 ? [] : [
    `${p.bold('Trend')} ${p.dim(`(weekly, ${report.trend![0].week} → ${report.trend![report.trend!.length - 1].week})`)}`,
    ...trend.map((t) => `  ${padEnd(t.label, 10)}  ${t.first} ${t.bars} ${t.last}`),
  ];
  return [...report.windows.map((w) => formatWindow(w, p)), ...(trendText.length ? [trendText.join('\n')] : [])].join('\n\n');
}

function formatWindow(w: WindowProgress, p: Paint): string {
  const lines: string[] = [];
  lines.push(`${p.bold(w.title)} ${p.dim(`(${w.id})`)}  ${statusPaint(w.status, p)(STATUS_WORDS[w.status].toUpperCase())}`);
  lines.push(`  ${w.start} → ${w.end} · ${timeLine(w)}`);
  lines.push(`  scope: ${w.scope.join(', ')} ${p.dim(`(${w.rulesFile})`)}`);
  lines.push(`  ${p.dim(`${sourceLine(w)} · source: ${w.source}`)}`);
  if (w.note) lines.push(`  ${p.yellow(`note: ${w.note}`)}`);
  const hold = holdLine(w);
  if (hold) lines.push(`  ${w.hold?.status === 'regressed' ? p.red(hold) : p.green(hold)}`);

  if (w.goals.length > 0) {
    const width = maxOf(w.goals.map((g) => g.label.length), 4);
    lines.push('', `  ${padEnd('goal', width)}  ${padStart('at start', 8)}  ${padStart('now', 6)}  ${padStart('target', 6)}  ${padStart('progress', 8)}`);
    for (const g of w.goals) {
      const row = `  ${padEnd(g.label, width)}  ${padStart(value(g.atStart), 8)}  ${padStart(value(g.now), 6)}  ${padStart(String(g.target), 6)}  ${padStart(percent(g.progress), 8)}`;
      lines.push(`${row}  ${statusPaint(g.status, p)(goalVerdict(g))}`);
    }
  }

  if (w.burndown.length > 0 && w.goals.length > 0) {
    const first = w.burndown[0].date;
    const last = w.burndown[w.burndown.length - 1].date;
    const width = maxOf(w.goals.map((g) => g.label.length));
    lines.push('', `  burndown ${first} → ${last} (${w.burndown.length} point(s))`);
    w.goals.forEach((g, i) => {
      const values = w.burndown.map((point) => point.values[i]);
      lines.push(`  ${padEnd(g.label, width)}  ${values[0]} ${sparkline(w, i)} ${values[values.length - 1]}`);
    });
  }

  if (w.outcomes) {
    const rows = outcomeLines(w.outcomes);
    const width = maxOf(rows.map((row) => row.label.length));
    lines.push('', `  outcomes in scope: ${p.dim(outcomePeriodsLine(w.outcomes))}`);
    for (const row of rows) lines.push(`  ${padEnd(row.label, width)}  ${row.values}`);
  }

  if (w.paidDown.length > 0) {
    lines.push('', `  paid down: ${paidDownSummary(w)}`);
    for (const item of w.paidDown.slice(0, MAX_LISTED)) {
      const est = item.kind === 'debt' && item.estimateHours !== null ? p.dim(` [${hours(item.estimateHours)}]`) : '';
      lines.push(`    ${item.file}:${item.line}  ${paidDownWhat(item)}${est}  ${p.dim(`— ${paidDownWho(item)}`)}`);
    }
    if (w.paidDown.length > MAX_LISTED) lines.push(`    … and ${w.paidDown.length - MAX_LISTED} more (--format json lists all)`);
    if (w.contributors.length > 0) {
      lines.push(`  by: ${w.contributors.map((c) => `${c.name} ${c.items}${c.estimateHours ? ` (${hours(c.estimateHours)})` : ''}`).join(' · ')}`);
    }
  } else if (w.today >= w.start && w.startState) {
    lines.push('', `  paid down: nothing${w.status === 'ended' ? '' : ' yet'}`);
  }
  return lines.join('\n');
}

function statusPaint(status: WindowStatus, p: Paint): (s: string) => string {
  switch (status) {
    case 'done':
    case 'on-track':
      return p.green;
    case 'behind':
    case 'ended':
      return p.red;
    default:
      return p.yellow;
  }
}
