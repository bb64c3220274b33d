// `guardrails hotspots` for a terminal: the top files, their changes and findings, one line each.
import type { HotspotsReport } from '../hotspots/hotspots';
import { padEnd, padStart, paint } from './ansi';
import { maxOf } from '../util/arrays';

/** Files listed in full; the rest are counted (JSON lists all). */
const MAX_LISTED = 30;

export function formatHotspotsText(report: HotspotsReport, options: { color: boolean }): string {
  const p = paint(options.color);
  const head = `Hotspots: files with findings by changes in the ${report.days} days ${report.from} → ${report.today}`;
  if (report.hotspots.length === 0) return `${head}\nNo file has a finding.`;
  const shown = report.hotspots.slice(0, MAX_LISTED);
  const width = maxOf(shown.map((h) => h.file.length), 4);
  const lines = [p.bold(head), '', `  ${padEnd('file', width)}  ${padStart('score', 6)}  ${padStart('changes', 7)}  ${padStart('churn', 7)}  ${padStart('debt', 4)}  ${padStart('violations', 10)}`];
  for (const h of shown) {
    const row = `  ${padEnd(h.file, width)}  ${padStart(String(h.score), 6)}  ${padStart(String(h.changes), 7)}  ${padStart(String(h.churn), 7)}  ${padStart(String(h.debt), 4)}  ${padStart(String(h.violations), 10)}`;
    lines.push(h.score > 0 ? row : p.dim(row));
  }
  if (report.hotspots.length > MAX_LISTED) lines.push(`  … and ${report.hotspots.length - MAX_LISTED} more (--format json lists all)`);
  lines.push('', p.dim('score = changes × (debt + violations)'));
  return lines.join('\n');
}
