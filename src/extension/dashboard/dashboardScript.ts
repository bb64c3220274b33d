// The dashboard's only script (inline, under the page's nonce): opens a hotspot's file, asks for a
// refresh, keeps the scroll position across re-renders, and tells the extension what it drew.
export const DASHBOARD_SCRIPT = `
(function () {
  const vscode = acquireVsCodeApi();
  const state = vscode.getState() || {};
  if (typeof state.scrollY === 'number') window.scrollTo(0, state.scrollY);
  let timer;
  window.addEventListener('scroll', function () {
    clearTimeout(timer);
    timer = setTimeout(function () { vscode.setState({ scrollY: window.scrollY }); }, 100);
  });
  document.addEventListener('click', function (event) {
    const target = event.target instanceof Element ? event.target.closest('button') : null;
    if (!target) return;
    if (target.id === 'refresh') vscode.postMessage({ type: 'refresh' });
    else if (target.dataset.file) vscode.postMessage({ type: 'open', root: target.dataset.root, file: target.dataset.file });
  });
  const sections = Array.from(document.querySelectorAll('section.window'));
  vscode.postMessage({
    type: 'rendered',
    windows: sections.map(function (section) { return section.getAttribute('data-window'); }),
    charts: document.querySelectorAll('svg.chart').length,
  });
})();
`;
