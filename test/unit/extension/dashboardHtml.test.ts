// The dashboard's page as the extension renders it from the server's data: each goal's burndown on
// its own scale, everything from the repository escaped, a strict Content Security Policy.
import * as assert from 'node:assert/strict';
import type { DashboardData, DashboardWindow } from '../../../src/server/protocol';
import { dashboardHtml } from '../../../src/extension/dashboard/dashboardHtml';
import { CHART_LAYOUT, lineChartSvg } from '../../../src/extension/dashboard/lineChart';

const OPTIONS = { nonce: 'bm9uY2UxMjM0NTY3OA==', cspSource: 'https://file+.vscode-resource.vscode-cdn.net' };

function window(overrides: Partial<DashboardWindow> = {}): DashboardWindow {
  return {
    id: 'payments-q4', title: 'Payments clean-up', start: '2026-11-01', end: '2026-11-30', today: '2026-11-03',
    scope: ['src/payments/**'], rulesFile: 'guardrails.json', daysTotal: 30, daysLeft: 27, elapsed: 0.1, status: 'on-track',
    source: 'git', note: null, startState: { kind: 'commit', commit: 'abcdef1234567', date: '2026-10-31T10:00:00Z', subject: 'start' },
    goals: [
      { metric: 'violations', label: 'violations', atStart: 155, now: 150, target: 100, progress: 0.0909, met: false, status: 'on-track' },
      { metric: 'debt', label: 'debt', atStart: 8, now: 7, target: 0, progress: 0.125, met: false, status: 'on-track' },
    ],
    burndown: [
      { date: '2026-11-01', values: [155, 8] },
      { date: '2026-11-02', values: [152, 8] },
      { date: '2026-11-03', values: [150, 7] },
    ],
    paidDown: [], estimateBurned: 0, contributors: [],
    outcomes: {
      before: { from: '2026-10-29', to: '2026-10-31', commits: 4, fixes: 2, churn: 120, filesPerCommit: 3, authors: 2 },
      during: { from: '2026-11-01', to: '2026-11-03', commits: 6, fixes: 1, churn: 80, filesPerCommit: 2, authors: 2 },
    },
    hold: null,
    root: '/work/shop',
    hotspots: [{ file: 'src/payments/charge.ts', changes: 9, churn: 300, debt: 2, violations: 1, score: 27 }],
    trend: [
      { week: '2026-10-26', violations: 160, debt: 9 },
      { week: '2026-11-02', violations: 150, debt: 7 },
    ],
    ...overrides,
  };
}

function data(windows: DashboardWindow[]): DashboardData {
  return { today: '2026-11-03', hotspotDays: 90, windows };
}

/** The y coordinates of a chart's line, from its path. */
function lineYs(svg: string): number[] {
  const d = /<path class="line[^"]*" d="([^"]+)"/.exec(svg)?.[1];
  assert.ok(d, 'the chart has a line');
  return d.split(' ').map((step) => Number(step.slice(1).split(',')[1]));
}

describe('the dashboard page', () => {
  it('draws each goal on its own scale: debt 8 → 7 spans its chart next to violations 155 → 150', () => {
    const html = dashboardHtml(data([window()]), OPTIONS);
    const charts = html.match(/<svg class="chart"[\s\S]*?<\/svg>/g) ?? [];
    assert.equal(charts.length, 4, 'two burndowns (one per goal) and two trend charts');
    const [violations, debt] = charts;
    const top = CHART_LAYOUT.top;
    const bottom = CHART_LAYOUT.height - CHART_LAYOUT.bottom;
    assert.deepEqual(lineYs(debt), [top, top, bottom], 'debt 8, 8, 7: from the top of its chart to the bottom');
    assert.deepEqual(lineYs(violations), [top, Number((top + (3 / 5) * (bottom - top)).toFixed(1)), bottom]);
    assert.match(debt, /aria-label="debt: 8 on 2026-11-01, 7 on 2026-11-03; lowest 7, highest 8; target 0"/);
    assert.match(debt, /target 0 ↓/, 'a target below the scale is named, not drawn');
  });

  it('gives a flat series room and draws a target inside the scale as a line', () => {
    const flat = lineChartSvg({ label: 'debt', series: 0, points: [{ date: '2026-11-01', value: 4 }, { date: '2026-11-02', value: 4 }], target: 3 });
    const ys = lineYs(flat);
    assert.equal(ys[0], ys[1]);
    assert.ok(ys[0] > CHART_LAYOUT.top && ys[0] < CHART_LAYOUT.height - CHART_LAYOUT.bottom, 'drawn inside the plot, not on its edge');
    assert.match(flat, /<line class="target"/);
  });

  it('shows goals start → now → target, outcomes before → during with their direction, hotspots and the trend', () => {
    const html = dashboardHtml(data([window()]), OPTIONS);
    assert.match(html, /<th scope="row"><span class="swatch series-1"><\/span>debt<\/th><td>8<\/td><td>7<\/td><td>0<\/td>/);
    assert.match(html, /aria-label="debt: 13% of the way to the target"/);
    assert.match(html, /<th scope="row">commits<\/th><td>4<\/td><td>6<\/td><td><span aria-hidden="true">↑<\/span> up<\/td>/);
    assert.match(html, /<th scope="row">fix commits<\/th><td>2<\/td><td>1<\/td><td><span aria-hidden="true">↓<\/span> down<\/td>/);
    assert.match(html, /data-file="src\/payments\/charge\.ts"[^>]*>src\/payments\/charge\.ts<\/button><\/th><td>9<\/td><td>2<\/td><td>1<\/td><\/tr>/);
    assert.match(html, /Trend \(2 weeks, whole rules file\)/);
    assert.match(html, /<section class="window" aria-labelledby="w0-title" data-window="payments-q4">/);
    assert.match(html, /<h2 id="w0-title">Payments clean-up <span class="status on-track">on track<\/span><\/h2>/);
  });

  it('escapes window titles, ids, scopes and file names from the rules file and the repository', () => {
    const evil = '<script>alert(1)</script>';
    const html = dashboardHtml(data([window({
      id: `x"><script>alert(2)</script>`, title: evil, scope: [evil],
      hotspots: [{ file: `src/${evil}.ts`, changes: 1, churn: 1, debt: 1, violations: 0, score: 1 }],
      goals: [{ metric: 'violations', rule: evil, label: `violations of ${evil}`, atStart: 3, now: 2, target: 0, progress: 0.33, met: false, status: 'on-track' }],
      burndown: [{ date: '2026-11-01', values: [3] }, { date: '2026-11-03', values: [2] }],
    })]), OPTIONS);
    // The page's one script is its own, under the nonce.
    assert.equal(html.match(/<script/g)?.length, 1);
    assert.match(html, new RegExp(`<script nonce="${OPTIONS.nonce}">`));
    assert.ok(!html.includes('alert(1)</script>') && !html.includes('alert(2)</script>'));
    assert.match(html, /<h2 id="w0-title">&lt;script&gt;alert\(1\)&lt;\/script&gt; /);
    assert.match(html, /data-window="x&quot;&gt;&lt;script&gt;alert\(2\)&lt;\/script&gt;"/);
  });

  it('has a strict Content Security Policy with the nonce on its only style and script', () => {
    const html = dashboardHtml(data([window()]), OPTIONS);
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
    assert.equal(csp, `default-src 'none'; img-src ${OPTIONS.cspSource}; style-src ${OPTIONS.cspSource} 'nonce-${OPTIONS.nonce}'; script-src 'nonce-${OPTIONS.nonce}';`);
    assert.match(html, new RegExp(`<style nonce="${OPTIONS.nonce}">`));
    assert.doesNotMatch(html, /\sstyle="/, 'no inline style attributes (the policy would block them)');
    assert.doesNotMatch(html, /https?:\/\/(?!file\+)/, 'nothing remote');
    assert.doesNotMatch(html, /\son[a-z]+="/, 'no inline event handlers');
  });

  it('says why a section is empty: measuring, no windows, an error, no git', () => {
    assert.match(dashboardHtml(undefined, OPTIONS), /Measuring the refactoring windows…/);
    assert.match(dashboardHtml(data([]), OPTIONS), /No refactoring windows yet/);
    assert.match(dashboardHtml({ ...data([]), error: 'it <broke>' }, OPTIONS), /<p class="error" role="alert">it &lt;broke&gt;<\/p>/);
    const withoutGit = dashboardHtml(data([window({ hotspots: [], hotspotsNote: 'git is not run here', trend: [], outcomes: null })]), OPTIONS);
    assert.match(withoutGit, /No hotspots: git is not run here\./);
    assert.match(withoutGit, /No trend: it comes from git history\./);
    assert.match(withoutGit, /No outcomes: they come from git once the window has opened\./);
  });
});
