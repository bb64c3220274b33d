// Refactoring windows panel. Renders the data the extension posts; draws burndowns as inline SVG.
// No framework and nothing from a CDN: the Content Security Policy allows only this script.
// @ts-check
(function () {
  const vscode = acquireVsCodeApi();
  const root = document.getElementById('root');
  const SVG = 'http://www.w3.org/2000/svg';
  const STATUS = { 'not-started': 'not started', 'on-track': 'on track', behind: 'behind', done: 'done', ended: 'ended', unknown: 'no start state' };

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (key === 'class') node.className = value;
      // CSSOM, not a style attribute: the Content Security Policy forbids inline style attributes.
      else if (key === 'style') node.style.cssText = value;
      else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value);
    }
    for (const child of children) if (child !== undefined && child !== null && child !== false) node.append(child instanceof Node ? child : String(child));
    return node;
  }

  function goalLabel(goal) {
    if (goal.label) return goal.label;
    const what = goal.metric === 'violations' ? `violations${goal.rule ? ` of ${goal.rule}` : ''}` : goal.metric === 'estimate' ? 'estimated hours' : `debt items${goal.tag ? ` (${goal.tag})` : ''}`;
    return goal.scope && goal.scope.length ? `${what} in ${goal.scope.join(', ')}` : what;
  }

  /** The chart comes from the extension as SVG markup (the same drawing the exported report uses). */
  function burndown(window) {
    if (!window.chart) return null;
    const parsed = new DOMParser().parseFromString(window.chart.replace('<svg ', `<svg xmlns="${SVG}" `), 'image/svg+xml');
    return parsed.documentElement.nodeName === 'svg' ? document.importNode(parsed.documentElement, true) : null;
  }

  function goalRow(goal, index, elapsed) {
    const progress = Math.round((goal.progress ?? 0) * 100);
    const fill = el('div', { class: 'fill', style: `width:${progress}%` });
    const time = el('div', { class: 'time', style: `left:calc(${Math.round(elapsed * 100)}% - 1px)`, title: 'time elapsed' });
    const values = goal.atStart === null || goal.atStart === undefined ? `now ${goal.now} → ${goal.target}` : `${goal.atStart} → now ${goal.now} → ${goal.target}`;
    return el('div', { class: 'goal' },
      el('div', { class: 'goal-head' },
        el('span', {}, el('span', { class: `swatch series-${index % 5}` }), goalLabel(goal)),
        el('span', { title: 'at start → now → target' }, `${values} · ${progress}%`)),
      el('div', { class: 'bar', role: 'progressbar', 'aria-valuenow': String(progress), 'aria-valuemin': '0', 'aria-valuemax': '100', 'aria-label': `${goalLabel(goal)}: ${progress}% done, ${Math.round(elapsed * 100)}% of the time gone` }, fill, time));
  }

  function paidList(window) {
    const paid = window.paidDown || [];
    if (paid.length === 0) return null;
    const burned = window.estimateBurned || 0;
    const items = paid.map((item) => {
      const what = item.kind === 'debt' ? `${item.tag}: ${item.text}` : `${item.ruleId} → ${item.to}${item.findings > 1 ? ` (in ${item.findings} findings)` : ''}`;
      const who = item.removedBy ? ` — ${item.removedBy.name}, ${String(item.removedBy.date).slice(0, 10)}` : '';
      const estimate = item.kind === 'debt' && item.estimateHours ? ` (${item.estimateHours}h)` : '';
      return el('li', {},
        el('button', { class: 'link', title: `${item.file}:${item.line}`, onclick: () => vscode.postMessage({ type: 'open', root: window.root, file: item.file, line: item.line }) }, what),
        who, estimate);
    });
    return el('details', {}, el('summary', {}, `Paid down: ${paid.length} item${paid.length === 1 ? '' : 's'}${burned ? `, ${Math.round(burned * 10) / 10}h of estimate burned` : ''}`), el('ul', { class: 'paid' }, ...items));
  }

  const OUTCOMES = [['commits', 'commits'], ['fixes', 'fix commits'], ['churn', 'churn (lines)'], ['filesPerCommit', 'files per commit'], ['authors', 'authors']];
  const DIRECTION = { '↑': 'up', '↓': 'down', '=': 'unchanged' };

  /** What the window bought: commits in its scope before → during (→ after), each with its direction. */
  function outcomesTable(window) {
    const outcomes = window.outcomes;
    if (!outcomes) return null;
    const periods = [['before', outcomes.before], ['during', outcomes.during]];
    if (outcomes.after) periods.push(['after', outcomes.after]);
    const head = el('tr', {}, el('th', { scope: 'col' }, 'in scope'),
      ...periods.map(([name, period]) => el('th', { scope: 'col', title: `${period.from} … ${period.to}` }, name)));
    const rows = OUTCOMES.map(([key, label]) => el('tr', {}, el('th', { scope: 'row' }, label),
      ...periods.map(([, period], i) => {
        if (i === 0) return el('td', {}, String(period[key]));
        const before = periods[i - 1][1][key];
        const arrow = period[key] > before ? '↑' : period[key] < before ? '↓' : '=';
        return el('td', {}, String(period[key]), ' ', el('span', { class: `dir ${DIRECTION[arrow]}`, 'aria-label': DIRECTION[arrow] }, arrow));
      })));
    return el('table', { class: 'outcomes' }, el('caption', {}, 'What it bought: before → during'), el('thead', {}, head), el('tbody', {}, ...rows));
  }

  /** An ended window keeps what it reached: "held since END", or which goals regressed and by how much. */
  function holdLine(window) {
    const hold = window.hold;
    if (!hold) return null;
    if (hold.status === 'held') return el('div', { class: 'hold held' }, `Held since ${hold.since}`);
    const regressed = hold.goals.map((goal, i) => (goal.regressedBy > 0 ? `${goalLabel(window.goals[i] || {})} regressed by ${goal.regressedBy} (${goal.atEnd} → ${goal.now})` : null)).filter(Boolean);
    return el('div', { class: 'hold regressed', role: 'status' }, `Regressed since ${hold.since}: ${regressed.join(', ')}`);
  }

  /** Violations and debt per week (12 weeks), first and last value around a small bar chart each. */
  function trendSection(trend) {
    if (!trend || trend.length === 0) return null;
    const row = (key) => {
      const values = trend.map((point) => point[key]);
      // From the lowest week to the highest, as the reports draw it: 136 → 142 is a rise, not a
      // flat row (the numbers beside it give the size); a flat trend is a middle line.
      const low = values.reduce((a, b) => Math.min(a, b));
      const high = values.reduce((a, b) => Math.max(a, b));
      const height = (value) => (high === low ? 7 : 1 + Math.round(((value - low) / (high - low)) * 13));
      const bars = el('span', { class: 'spark', 'aria-hidden': 'true' },
        ...values.map((value) => el('span', { class: 'spark-bar', style: `height:${height(value)}px` })));
      const first = values[0];
      const last = values[values.length - 1];
      return el('div', { class: 'trend-row', 'aria-label': `${key}: ${first} on ${trend[0].week}, ${last} this week` }, el('span', { class: 'trend-key' }, key), `${first} `, bars, ` ${last}`);
    };
    return el('section', { class: 'trend', 'aria-label': 'Trend' }, el('h3', {}, `Trend, weekly since ${trend[0].week}`), row('violations'), row('debt'));
  }

  function startNote(window) {
    const start = window.startState;
    const from = !start ? 'No starting state: neither git nor a snapshot has the code as it was when the window opened.'
      : start.kind === 'commit' ? `Start state from git: ${String(start.commit).slice(0, 7)} (${String(start.date).slice(0, 10)}) “${start.subject}”.`
      : `Start state from the snapshot of ${start.date}.`;
    return el('div', { class: 'note' }, from, window.note ? ` ${window.note}` : '');
  }

  function card(window) {
    const left = window.daysLeft;
    const when = window.status === 'not-started' ? `starts ${window.start}` : left < 0 ? `ended ${window.end}` : `${left} day${left === 1 ? '' : 's'} left`;
    return el('section', { class: 'card', tabindex: '0', 'aria-label': `${window.title}, ${STATUS[window.status] || window.status}` },
      el('h2', {}, window.title, el('span', { class: `status ${window.status}` }, STATUS[window.status] || window.status)),
      el('div', { class: 'meta' }, `${window.start} → ${window.end} · ${when} · ${(window.scope || []).join(', ')}`),
      ...window.goals.map((goal, index) => goalRow(goal, index, window.elapsed ?? 0)),
      holdLine(window),
      burndown(window),
      outcomesTable(window),
      paidList(window),
      startNote(window));
  }

  function render(data) {
    root.replaceChildren();
    if (data.error) {
      root.append(el('p', { class: 'empty' }, data.error));
      return;
    }
    if (!data.windows || data.windows.length === 0) {
      root.append(el('p', { class: 'empty' }, 'No refactoring windows yet. Add one under "windows" in guardrails.json: a time box with a scope and goals.'),
        el('button', { class: 'link', onclick: () => vscode.postMessage({ type: 'openRules' }) }, 'Open the rules file'));
      return;
    }
    for (const window of data.windows) root.append(card(window));
    const trend = trendSection(data.trend);
    if (trend) root.append(trend);
  }

  window.addEventListener('message', (event) => {
    if (!event.data || event.data.type !== 'data') return;
    render(event.data);
    // Tells the extension what is on screen (tests wait for it instead of sleeping).
    vscode.postMessage({
      type: 'rendered',
      cards: root.querySelectorAll('.card').length,
      charts: root.querySelectorAll('svg.burndown').length,
      // Each card's outcome rows as read on screen ("commits: 3 → 4 ↑"), and whether a trend is drawn.
      outcomes: [...root.querySelectorAll('.card')].map((card) => [...card.querySelectorAll('table.outcomes tbody tr')].map((row) => `${row.cells[0].textContent}: ${[...row.cells].slice(1).map((cell) => cell.textContent).join(' → ')}`)),
      trend: root.querySelectorAll('.trend-row').length,
    });
  });
  vscode.postMessage({ type: 'ready' });
})();
