// One metric's line over time as SVG markup, on a scale of its own: small multiples, so debt going
// 8 → 7 is not drawn flat under violations at 155. Colours come from the theme through CSS classes
// (the dashboard's stylesheet); the numbers are in the chart's aria-label and title as text.
import { escapeHtml } from './escapeHtml';

export interface ChartPoint {
  /** `YYYY-MM-DD` */
  date: string;
  value: number;
}

export interface LineChartOptions {
  /** What is measured: `debt`, `violations of domain-pure`. */
  label: string;
  points: readonly ChartPoint[];
  /** Colour of the line: `series-N` in the stylesheet. */
  series: number;
  /** The x axis runs over these days (a window's start and end); the points' first and last by default. */
  from?: string;
  to?: string;
  /** A goal's target: a dashed line where it falls inside the scale, a label below or above otherwise. */
  target?: number;
}

/** Where the plot sits in the chart's 320 × 110 view box. */
export const CHART_LAYOUT = { width: 320, height: 110, left: 36, right: 8, top: 10, bottom: 18 } as const;

/** The scale of one series: its lowest to its highest value (a flat series gets one unit of room). */
export function valueScale(values: readonly number[]): { low: number; high: number } {
  let low = values.reduce((min, v) => Math.min(min, v), Infinity);
  let high = values.reduce((max, v) => Math.max(max, v), -Infinity);
  if (!Number.isFinite(low)) return { low: 0, high: 1 };
  if (high === low) {
    if (low > 0) low -= 1;
    high += 1;
  }
  return { low, high };
}

const dayMs = (date: string): number => Date.parse(`${date}T00:00:00Z`);
const fixed = (n: number): string => n.toFixed(1);

export function lineChartSvg(options: LineChartOptions): string {
  const { points, label } = options;
  const { width, height, left, right, top, bottom } = CHART_LAYOUT;
  if (points.length === 0) return `<p class="empty">No ${escapeHtml(label)} measured yet.</p>`;
  const first = points[0];
  const last = points[points.length - 1];
  const from = dayMs(options.from ?? first.date);
  const span = Math.max(1, dayMs(options.to ?? last.date) - from);
  const { low, high } = valueScale(points.map((point) => point.value));
  const x = (date: string): number => left + ((dayMs(date) - from) / span) * (width - left - right);
  const y = (value: number): number => top + (1 - (value - low) / (high - low)) * (height - top - bottom);
  const baseline = height - bottom;

  const parts: string[] = [
    `<line class="axis" x1="${left}" y1="${baseline}" x2="${width - right}" y2="${baseline}"/>`,
    `<line class="axis" x1="${left}" y1="${top}" x2="${left}" y2="${baseline}"/>`,
    `<text class="label" x="${left - 4}" y="${top + 4}" text-anchor="end">${high}</text>`,
    `<text class="label" x="${left - 4}" y="${baseline}" text-anchor="end">${low}</text>`,
    `<text class="label" x="${left}" y="${height - 4}">${escapeHtml((options.from ?? first.date).slice(5))}</text>`,
    `<text class="label" x="${width - right}" y="${height - 4}" text-anchor="end">${escapeHtml((options.to ?? last.date).slice(5))}</text>`,
  ];
  const target = options.target;
  if (target !== undefined) {
    if (target >= low && target <= high) {
      parts.push(`<line class="target" x1="${left}" y1="${fixed(y(target))}" x2="${width - right}" y2="${fixed(y(target))}"/>`);
      parts.push(`<text class="label" x="${width - right}" y="${fixed(y(target) - 3)}" text-anchor="end">target ${target}</text>`);
    } else {
      const below = target < low;
      parts.push(`<text class="label" x="${width - right}" y="${below ? baseline - 3 : top + 8}" text-anchor="end">target ${target} ${below ? '↓' : '↑'}</text>`);
    }
  }
  const d = points.map((point, i) => `${i === 0 ? 'M' : 'L'}${fixed(x(point.date))},${fixed(y(point.value))}`).join(' ');
  parts.push(`<path class="line series-${options.series % 5}" d="${d}"/>`);
  parts.push(`<circle class="dot series-${options.series % 5}" cx="${fixed(x(last.date))}" cy="${fixed(y(last.value))}" r="2.5"/>`);

  const values = points.map((point) => point.value);
  const lowest = values.reduce((min, v) => Math.min(min, v));
  const highest = values.reduce((max, v) => Math.max(max, v));
  const description = `${label}: ${first.value} on ${first.date}, ${last.value} on ${last.date}; lowest ${lowest}, highest ${highest}` +
    (target !== undefined ? `; target ${target}` : '');
  return `<svg class="chart" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(description)}"><title>${escapeHtml(description)}</title>${parts.join('')}</svg>`;
}
