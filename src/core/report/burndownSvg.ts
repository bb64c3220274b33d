// The burndown chart as SVG markup: one line per goal from the daily points, and a dashed ideal
// line from the value at start to the target. The panel shows it (colours from the theme through
// CSS classes); the exported report embeds it standalone (colours in its own <style>).
import type { WindowProgress } from '../windows/windowReport';
import { maxOf } from '../util/arrays';

export interface BurndownSvgOptions {
  /** Self-contained file: xmlns, a white background and fixed colours. */
  standalone: boolean;
  width?: number;
  height?: number;
}

const STANDALONE_COLOURS = ['#1f77b4', '#ff7f0e', '#2ca02c', '#9467bd', '#d62728'];

export function burndownSvg(window: WindowProgress, options: BurndownSvgOptions): string | undefined {
  const points = window.burndown;
  if (points.length === 0 || window.goals.length === 0) return undefined;
  const width = options.width ?? 300;
  const height = options.height ?? 90;
  const left = 26;
  const bottom = 14;
  const top = 6;
  const start = Date.parse(`${window.start}T00:00:00Z`);
  const span = Math.max(1, Date.parse(`${window.end}T00:00:00Z`) - start);
  const max = Math.max(maxOf(points.flatMap((point) => point.values), 1), maxOf(window.goals.map((goal) => Math.max(goal.atStart ?? 0, goal.target)), 1));
  const x = (date: string): number => left + ((Date.parse(`${date}T00:00:00Z`) - start) / span) * (width - left - 4);
  const y = (value: number): number => top + (1 - value / max) * (height - top - bottom);
  const f = (n: number): string => n.toFixed(1);

  const parts: string[] = [];
  parts.push(`<line class="axis" x1="${left}" y1="${height - bottom}" x2="${width}" y2="${height - bottom}"/>`);
  parts.push(`<line class="axis" x1="${left}" y1="${top}" x2="${left}" y2="${height - bottom}"/>`);
  parts.push(`<text class="label" x="2" y="${top + 8}">${max}</text>`);
  parts.push(`<text class="label" x="${left}" y="${height - 2}">${window.start.slice(5)}</text>`);
  parts.push(`<text class="label" x="${width - 2}" y="${height - 2}" text-anchor="end">${window.end.slice(5)}</text>`);
  window.goals.forEach((goal, index) => {
    if (goal.atStart !== null) {
      parts.push(`<line class="ideal" x1="${f(x(window.start))}" y1="${f(y(goal.atStart))}" x2="${f(x(window.end))}" y2="${f(y(goal.target))}"/>`);
    }
    const d = points.map((point, i) => `${i === 0 ? 'M' : 'L'}${f(x(point.date))},${f(y(point.values[index]))}`).join(' ');
    parts.push(`<path class="line series-${index % STANDALONE_COLOURS.length}" d="${d}"><title>${escapeXml(goal.label)}</title></path>`);
  });

  const label = `Burndown of ${window.title}: ${window.goals.map((goal, i) => `${goal.label} from ${points[0].values[i]} to ${points[points.length - 1].values[i]}`).join('; ')}`;
  const head = options.standalone
    ? `<svg xmlns="http://www.w3.org/2000/svg" class="burndown" viewBox="0 0 ${width} ${height}" width="${width * 2}" height="${height * 2}" role="img" aria-label="${escapeXml(label)}">` +
      `<style>.axis{stroke:#888;stroke-width:.5}.ideal{stroke:#888;stroke-dasharray:3 3;fill:none}.line{fill:none;stroke-width:1.5}.label{fill:#666;font:9px sans-serif}` +
      STANDALONE_COLOURS.map((colour, i) => `.series-${i}{stroke:${colour}}`).join('') + `</style><rect width="100%" height="100%" fill="#fff"/>`
    : `<svg class="burndown" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(label)}">`;
  return `${head}${parts.join('')}</svg>`;
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (ch) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[ch] ?? ch);
}
