// The dashboard's only script (inline, under the page's nonce): opens a hotspot's file, asks for a
// refresh, keeps the scroll position and the keyboard focus across re-renders (each render is a new
// page: the focused element is found again by its id, which stays the same for the same button),
// and tells the extension what it drew.
export const DASHBOARD_SCRIPT = `
(function () {
  const vscode = acquireVsCodeApi();
  const state = vscode.getState() || {};
  function remember(change) {
    vscode.setState(Object.assign({}, vscode.getState() || {}, change));
  }
  // Focus comes back only to a page that had it: a re-render while the user types elsewhere must not take it.
  if (state.focusId && state.pageFocused !== false) {
    const focused = document.getElementById(state.focusId);
    if (focused) focused.focus({ preventScroll: true });
  }
  if (typeof state.scrollY === 'number') window.scrollTo(0, state.scrollY);
  let timer;
  window.addEventListener('scroll', function () {
    clearTimeout(timer);
    timer = setTimeout(function () { remember({ scrollY: window.scrollY }); }, 100);
  });
  document.addEventListener('focusin', function (event) {
    const target = event.target instanceof Element ? event.target : null;
    remember({ focusId: target && target.id ? target.id : null, pageFocused: true });
  });
  window.addEventListener('blur', function () { remember({ pageFocused: false }); });
  window.addEventListener('focus', function () { remember({ pageFocused: true }); });
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
