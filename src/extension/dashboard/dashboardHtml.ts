// The dashboard's page, rendered in the extension from what the server answers: one section per
// refactoring window (goals, a burndown per goal, outcomes, hotspots, the weekly trend). Everything
// from the repository is escaped; the page loads nothing (a strict CSP: only its own nonce'd
// style and script run).
import type { DashboardData, DashboardWindow } from '../../server/protocol';
import { holdLine, sourceLine, STATUS_WORDS, timeLine, type OutcomePeriod } from '../../core';
import { DASHBOARD_SCRIPT } from './dashboardScript';
import { DASHBOARD_STYLE } from './dashboardStyle';
import { escapeHtml } from './escapeHtml';
import { lineChartSvg } from './lineChart';

export interface PageOptions {
  /** Fresh for every page: the only style and script the Content Security Policy lets run. */
  nonce: string;
  /** `webview.cspSource`. */
  cspSource: string;
}

/** Both parts come from VS Code and `randomBytes` (base64), never from a repository. */
export function contentSecurityPolicy({ nonce, cspSource }: PageOptions): string {
  return `default-src 'none'; img-src ${cspSource}; style-src ${cspSource} 'nonce-${nonce}'; script-src 'nonce-${nonce}';`;
}

/** The whole page; `data` undefined while the first measurement runs. */
export function dashboardHtml(data: DashboardData | undefined, options: PageOptions): string {
  const nonce = escapeHtml(options.nonce);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(options)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Guardrails Dashboard</title>
<style nonce="${nonce}">${DASHBOARD_STYLE}</style>
</head>
<body>
<header class="page-head">
<h1>Refactoring windows</h1>
${data ? `<p class="meta">${escapeHtml(summaryLine(data))}</p>` : ''}
<button type="button" id="refresh" class="button">Refresh</button>
</header>
<main id="main" aria-live="polite">
${body(data)}
</main>
<script nonce="${nonce}">${DASHBOARD_SCRIPT}</script>
</body>
</html>`;
}

function summaryLine(data: DashboardData): string {
  const count = data.windows.length;
  return `${count} window${count === 1 ? '' : 's'} · as of ${data.today}`;
}

function body(data: DashboardData | undefined): string {
  if (!data) return '<p class="empty">Measuring the refactoring windows…</p>';
  if (data.error) return `<p class="error" role="alert">${escapeHtml(data.error)}</p>`;
  if (data.windows.length === 0) return '<p class="empty">No refactoring windows yet: add one to the rules file ("Guardrails: Add a Refactoring Window").</p>';
  return data.windows.map((window, index) => windowSection(window, index, data.hotspotDays)).join('\n');
}

function windowSection(w: DashboardWindow, index: number, hotspotDays: number): string {
  const id = `w${index}`;
  const hold = holdLine(w);
  return `<section class="window" aria-labelledby="${id}-title" data-window="${escapeHtml(w.id)}">
<h2 id="${id}-title">${escapeHtml(w.title)} <span class="status ${escapeHtml(w.status)}">${escapeHtml(STATUS_WORDS[w.status] ?? w.status)}</span></h2>
<p class="meta">${escapeHtml(`${w.start} → ${w.end} · ${timeLine(w)} · scope ${w.scope.join(', ')} · ${w.rulesFile}`)}</p>
${hold ? `<p class="hold ${w.hold?.status ?? ''}">${escapeHtml(hold)}</p>` : ''}
<div class="grid">
${goalsPart(w, id)}
${burndownPart(w, id)}
${outcomesPart(w, id)}
${hotspotsPart(w, id, hotspotDays)}
${trendPart(w, id)}
</div>
<p class="note">${escapeHtml(sourceLine(w))}${w.note ? ` · ${escapeHtml(w.note)}` : ''}</p>
</section>`;
}

function part(id: string, title: string, content: string, wide = false): string {
  return `<section class="part${wide ? ' wide' : ''}" aria-labelledby="${id}"><h3 id="${id}">${escapeHtml(title)}</h3>${content}</section>`;
}

function goalsPart(w: DashboardWindow, id: string): string {
  const rows = w.goals.map((goal, i) => {
    const progress = goal.progress === null ? null : Math.round(goal.progress * 100);
    const meter = progress === null ? '–'
      : `<meter min="0" max="100" value="${progress}" aria-label="${escapeHtml(`${goal.label}: ${progress}% of the way to the target`)}"></meter> ${progress}%`;
    return `<tr><th scope="row"><span class="swatch series-${i % 5}"></span>${escapeHtml(goal.label)}</th>` +
      `<td>${goal.atStart ?? '–'}</td><td>${goal.now}</td><td>${goal.target}</td><td class="progress">${meter}</td><td>${escapeHtml(STATUS_WORDS[goal.status] ?? goal.status)}</td></tr>`;
  }).join('');
  return part(`${id}-goals`, 'Goals',
    `<table><thead><tr><th scope="col">Goal</th><th scope="col">Start</th><th scope="col">Now</th><th scope="col">Target</th><th scope="col">Progress</th><th scope="col">Verdict</th></tr></thead><tbody>${rows}</tbody></table>`, true);
}

function burndownPart(w: DashboardWindow, id: string): string {
  if (w.burndown.length === 0) return part(`${id}-burndown`, 'Burndown', '<p class="empty">No daily points yet (the window has not opened, or its start state is unknown).</p>', true);
  const charts = w.goals.map((goal, i) => `<figure class="chart-box"><figcaption>${escapeHtml(goal.label)}</figcaption>${lineChartSvg({
    label: goal.label, series: i, from: w.start, to: w.end, target: goal.target,
    points: w.burndown.map((point) => ({ date: point.date, value: point.values[i] })),
  })}</figure>`).join('');
  return part(`${id}-burndown`, 'Burndown (each goal on its own scale)', `<div class="charts">${charts}</div>`, true);
}

const OUTCOMES: { key: keyof Omit<OutcomePeriod, 'from' | 'to'>; label: string }[] = [
  { key: 'commits', label: 'commits' },
  { key: 'fixes', label: 'fix commits' },
  { key: 'churn', label: 'churn (lines)' },
  { key: 'filesPerCommit', label: 'files per commit' },
  { key: 'authors', label: 'authors' },
];

function direction(before: number, during: number): string {
  const [arrow, word] = during > before ? ['↑', 'up'] : during < before ? ['↓', 'down'] : ['=', 'same'];
  return `<span aria-hidden="true">${arrow}</span> ${word}`;
}

function outcomesPart(w: DashboardWindow, id: string): string {
  const o = w.outcomes;
  if (!o) return part(`${id}-outcomes`, 'Outcomes', '<p class="empty">No outcomes: they come from git once the window has opened.</p>');
  const head = `<th scope="col">In scope</th><th scope="col" title="${escapeHtml(`${o.before.from} … ${o.before.to}`)}">Before</th><th scope="col" title="${escapeHtml(`${o.during.from} … ${o.during.to}`)}">During</th>` +
    (o.after ? `<th scope="col" title="${escapeHtml(`${o.after.from} … ${o.after.to}`)}">After</th>` : '') + '<th scope="col">Direction</th>';
  const rows = OUTCOMES.map(({ key, label }) => `<tr><th scope="row">${label}</th><td>${o.before[key]}</td><td>${o.during[key]}</td>` +
    (o.after ? `<td>${o.after[key]}</td>` : '') + `<td>${direction(o.before[key], o.during[key])}</td></tr>`).join('');
  const span = (label: string, p: OutcomePeriod): string => `<span class="nowrap">${label} ${escapeHtml(`${p.from} … ${p.to}`)}</span>`;
  const periods = `<p class="meta">${span('before', o.before)} → ${span('during', o.during)}${o.after ? ` → ${span('after', o.after)}` : ''}</p>`;
  return part(`${id}-outcomes`, 'Outcomes (before → during)', `<table><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>${periods}`);
}

function hotspotsPart(w: DashboardWindow, id: string, days: number): string {
  const title = `Hotspots in scope (changes in ${days} days)`;
  if (w.hotspots.length === 0) {
    return part(`${id}-hotspots`, title, `<p class="empty">${escapeHtml(w.hotspotsNote ? `No hotspots: ${w.hotspotsNote}.` : 'No file in scope with findings changed in that time.')}</p>`);
  }
  // The id names the window and the file, so the same button has it in the next render (focus is restored by it).
  const rows = w.hotspots.map((h) => `<tr><th scope="row"><button type="button" class="link" id="${escapeHtml(`open:${w.id}:${h.file}`)}" data-root="${escapeHtml(w.root)}" data-file="${escapeHtml(h.file)}" ` +
    `aria-label="${escapeHtml(`Open ${h.file}: ${h.changes} changes, ${h.debt} debt, ${h.violations} violations`)}">${escapeHtml(h.file)}</button></th>` +
    `<td>${h.changes}</td><td>${h.debt}</td><td>${h.violations}</td></tr>`).join('');
  const head = '<th scope="col">File</th><th scope="col">Changes</th><th scope="col">Debt</th><th scope="col">Violations</th>';
  return part(`${id}-hotspots`, title, `<table class="hotspots"><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`);
}

function trendPart(w: DashboardWindow, id: string): string {
  if (w.trend.length === 0) return part(`${id}-trend`, 'Trend (12 weeks)', '<p class="empty">No trend: it comes from git history.</p>', true);
  const charts = (['violations', 'debt'] as const).map((key, i) => `<figure class="chart-box"><figcaption>${key} per week</figcaption>${lineChartSvg({
    label: `${key} per week`, series: i + 2, points: w.trend.map((point) => ({ date: point.week, value: point[key] })),
  })}</figure>`).join('');
  return part(`${id}-trend`, `Trend (${w.trend.length} weeks, whole rules file)`, `<div class="charts">${charts}</div>`, true);
}
