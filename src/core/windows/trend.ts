// Violations and debt per week over the last 12 weeks, from git: the state at each week's last
// commit (the working tree for the current week), counted whole. The same past states the
// burndowns read, from the same history and cache.
import { addDays, dayStartMs, minDay } from '../util/dates';
import { commitOn, totalsAt, totalsOf, type GitContext, type StateNeed } from './gitSource';
import type { MeasuredState } from './records';
import type { TrendPoint } from './windowReport';

export const TREND_WEEKS = 12;

/** The weeks of the trend, oldest first: each week's Monday and the day its state is read (Sunday, or today). */
export function trendWeeks(today: string): { week: string; day: string }[] {
  const weekday = (new Date(dayStartMs(today)).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const thisMonday = addDays(today, -weekday);
  return Array.from({ length: TREND_WEEKS }, (_, i) => {
    const week = addDays(thisMonday, -7 * (TREND_WEEKS - 1 - i));
    return { week, day: minDay(addDays(week, 6), today) };
  });
}

/** First day the trend reads a state on. */
export function trendFromDay(today: string): string {
  return trendWeeks(today)[0].day;
}

export function trendNeeds(ctx: GitContext, today: string): StateNeed[] {
  const needs: StateNeed[] = [];
  for (const { day } of trendWeeks(today)) {
    if (day === today && ctx.liveIsNow) continue;
    const commit = commitOn(ctx, day);
    if (commit && !ctx.cache.totals(commit.oid)) needs.push({ commit, detail: 'counts' });
  }
  return needs;
}

/** Weeks before the repository's first commit have no point. */
export async function measureTrend(ctx: GitContext, live: MeasuredState, today: string): Promise<{ ok: true; trend: TrendPoint[] } | { ok: false; message: string }> {
  const trend: TrendPoint[] = [];
  for (const { week, day } of trendWeeks(today)) {
    if (day === today && ctx.liveIsNow) {
      trend.push({ week, ...totalsOf(live) });
      continue;
    }
    const commit = commitOn(ctx, day);
    if (!commit) continue;
    const totals = await totalsAt(ctx, commit.oid);
    if (!totals.ok) return totals;
    trend.push({ week, ...totals.totals });
  }
  return { ok: true, trend };
}

/** Trends of several rules files added week by week. */
export function sumTrends(trends: readonly TrendPoint[][]): TrendPoint[] {
  const byWeek = new Map<string, TrendPoint>();
  for (const trend of trends) {
    for (const point of trend) {
      const sum = byWeek.get(point.week) ?? { week: point.week, violations: 0, debt: 0 };
      sum.violations += point.violations;
      sum.debt += point.debt;
      byWeek.set(point.week, sum);
    }
  }
  return [...byWeek.values()].sort((a, b) => (a.week < b.week ? -1 : a.week > b.week ? 1 : 0));
}
