// Wording and small pictures shared by the text and Markdown reports of windows, so both print
// the same numbers the JSON holds.
import { daysBetween } from '../util/dates';
import { maxOf, minOf } from '../util/arrays';
import type { WindowStatus } from '../windows/progress';
import type { OutcomePeriod, WindowOutcomes } from '../windows/outcomes';
import type { TrendPoint } from '../windows/windowReport';
import type { GoalProgress, PaidDownItem, WindowProgress } from '../windows/windowReport';

export const STATUS_WORDS: Record<WindowStatus, string> = {
  'not-started': 'not started',
  'on-track': 'on track',
  behind: 'behind',
  done: 'done',
  ended: 'ended',
  unknown: 'unknown',
};

export function percent(share: number | null): string {
  return share === null ? '–' : `${Math.round(share * 100)}%`;
}

export function value(n: number | null): string {
  return n === null ? '–' : String(n);
}

/** `day 26 of 47 · 22 days left · 53% of the time used`, or when it opens or ended. */
export function timeLine(w: WindowProgress): string {
  if (w.today < w.start) return `opens in ${daysBetween(w.today, w.start)} day(s) · ${w.daysTotal} days`;
  if (w.today > w.end) return `ended ${w.end} · ${w.daysTotal} days`;
  const day = w.daysTotal - w.daysLeft + 1;
  return `day ${day} of ${w.daysTotal} · ${w.daysLeft} day(s) left · ${percent(w.elapsed)} of the time used`;
}

/** Where the starting values come from, in one sentence. */
export function sourceLine(w: WindowProgress): string {
  const start = w.startState;
  if (start?.kind === 'commit') return `at start = commit ${start.commit.slice(0, 7)} (${start.date.slice(0, 10)}) "${start.subject}", the last before ${w.start}`;
  if (start?.kind === 'snapshot') return `at start = snapshot of ${start.date} (${start.file})`;
  return w.today < w.start ? 'at start = not measured yet' : 'at start = unknown';
}

const BARS = '▁▂▃▄▅▆▇█';

/** The widest sparkline: a window of years still fits a terminal line. */
export const MAX_SPARKLINE_WIDTH = 60;

/**
 * One character per burndown point for goal `index`, scaled from the goal's target (the lowest
 * bar: what is left to do) to the largest value seen, so that 34 → 32 against a target of 20 shows
 * a step rather than a flat line. Past `MAX_SPARKLINE_WIDTH` points, each character stands for a
 * run of days and shows the last of them.
 */
export function sparkline(w: WindowProgress, index: number): string {
  const all = w.burndown.map((point) => point.values[index] ?? 0);
  const values = all.length <= MAX_SPARKLINE_WIDTH
    ? all
    : Array.from({ length: MAX_SPARKLINE_WIDTH }, (_, i) => all[Math.ceil(((i + 1) * all.length) / MAX_SPARKLINE_WIDTH) - 1]);
  const goal = w.goals[index];
  const top = maxOf(all, goal?.atStart ?? 0);
  return bars(values, top, Math.min(goal?.target ?? 0, top));
}

/** One character per value, scaled from `bottom` (0 by default) to the largest (or `floor`, when larger). */
export function bars(values: readonly number[], floor = 0, bottom = 0): string {
  const top = maxOf(values, floor);
  if (top <= bottom) return BARS[0].repeat(values.length);
  const level = (v: number): number => Math.round((Math.max(0, v - bottom) / (top - bottom)) * (BARS.length - 1));
  return values.map((v) => BARS[Math.min(BARS.length - 1, level(v))]).join('');
}

const OUTCOME_ROWS: { key: keyof Omit<OutcomePeriod, 'from' | 'to'>; label: string }[] = [
  { key: 'commits', label: 'commits' },
  { key: 'fixes', label: 'fixes' },
  { key: 'churn', label: 'churn (lines)' },
  { key: 'filesPerCommit', label: 'files per commit' },
  { key: 'authors', label: 'authors' },
];

function arrow(from: number, to: number): string {
  return to > from ? '↑' : to < from ? '↓' : '=';
}

/** `before → during` (and `→ after`) of each outcome, with the direction of each step. */
export function outcomeLines(outcomes: WindowOutcomes): { label: string; values: string }[] {
  return OUTCOME_ROWS.map(({ key, label }) => {
    const before = outcomes.before[key];
    const during = outcomes.during[key];
    let values = `${before} → ${during} ${arrow(before, during)}`;
    if (outcomes.after) values += ` → ${outcomes.after[key]} ${arrow(during, outcomes.after[key])}`;
    return { label, values };
  });
}

/** `before 2026-05-05…06-01 → during 06-02…06-29 → after …` */
export function outcomePeriodsLine(outcomes: WindowOutcomes): string {
  const span = (p: OutcomePeriod) => `${p.from} … ${p.to}`;
  return `before ${span(outcomes.before)} → during ${span(outcomes.during)}${outcomes.after ? ` → after ${span(outcomes.after)}` : ''}`;
}

/** "held since 2026-11-27", or "regressed since 2026-11-27: debt +3". */
export function holdLine(w: WindowProgress): string | undefined {
  if (!w.hold) return undefined;
  if (w.hold.status === 'held') return `held since ${w.hold.since}`;
  const regressed = w.hold.goals.flatMap((g, i) => (g.regressedBy > 0 ? [`${w.goals[i]?.label ?? `goal ${i + 1}`} regressed by ${g.regressedBy} (${g.atEnd} → ${g.now})`] : []));
  return `regressed since ${w.hold.since}: ${regressed.join(', ')}`;
}

/** The trend as two sparklines: violations and debt, first and last value beside each. */
export function trendLines(trend: readonly TrendPoint[]): { label: string; first: number; bars: string; last: number }[] {
  if (trend.length === 0) return [];
  return (['violations', 'debt'] as const).map((key) => {
    const values = trend.map((point) => point[key]);
    return { label: key, first: values[0], bars: trendBars(values), last: values[values.length - 1] };
  });
}

/**
 * A trend has no target to scale from: its bars run from its lowest week to its highest, so that
 * 136 → 142 shows the rise (the numbers beside them give the size). A flat trend is a middle line,
 * not the lowest bars, which would read as "down to nothing".
 */
function trendBars(values: readonly number[]): string {
  const low = minOf(values);
  if (maxOf(values) === low) return BARS[3].repeat(values.length);
  return bars(values, 0, low);
}

export function goalVerdict(goal: GoalProgress): string {
  return STATUS_WORDS[goal.status];
}

export function paidDownWhat(item: PaidDownItem): string {
  if (item.kind === 'debt') return `${item.tag}: ${item.text}`;
  return `${item.ruleId} → ${item.to}${item.findings > 1 ? ` (in ${item.findings} findings)` : ''}`;
}

export function paidDownWho(item: PaidDownItem): string {
  const by = item.removedBy;
  return by ? `${by.name} (${by.commit.slice(0, 7)}, ${by.date.slice(0, 10)})` : 'not found in git';
}

export function paidDownSummary(w: WindowProgress): string {
  return `${w.paidDown.length} item(s), ${hours(w.estimateBurned)} of estimate`;
}

export function hours(n: number): string {
  return `${n}h`;
}
