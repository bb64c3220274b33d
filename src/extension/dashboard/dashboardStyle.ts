// The dashboard's stylesheet: theme colours only (CSS variables VS Code sets), so it reads in light,
// dark and high-contrast themes. Inline in the page under the page's nonce.
export const DASHBOARD_STYLE = `
body { padding: 0 20px 24px; color: var(--vscode-foreground); font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); line-height: 1.4; }
.page-head { display: flex; align-items: baseline; gap: 16px; flex-wrap: wrap; }
h1 { font-size: 1.5em; font-weight: 600; margin: 16px 0 8px; }
h2 { font-size: 1.25em; margin: 0 0 4px; display: flex; align-items: center; gap: 8px; flex-wrap: wrap; }
h3 { font-size: 1em; margin: 0 0 6px; color: var(--vscode-descriptionForeground); font-weight: 600; }
.meta, .empty, .note { color: var(--vscode-descriptionForeground); }
.meta { font-size: 0.92em; margin: 2px 0 6px; }
.note { font-size: 0.88em; margin: 10px 0 0; }
.error { color: var(--vscode-errorForeground); }
.window { border: 1px solid var(--vscode-panel-border, var(--vscode-widget-border, transparent)); border-radius: 6px; padding: 14px 16px; margin: 14px 0; background: var(--vscode-editorWidget-background, transparent); }
.grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(340px, 1fr)); gap: 14px 24px; margin-top: 10px; }
.part.wide { grid-column: 1 / -1; }
.status { font-size: 0.72em; padding: 1px 8px; border-radius: 9px; font-weight: 600; white-space: nowrap; background: var(--vscode-badge-background); color: var(--vscode-badge-foreground); }
.status.on-track, .status.done { background: var(--vscode-testing-iconPassed, var(--vscode-charts-green)); color: var(--vscode-editor-background); }
.status.behind { background: var(--vscode-editorWarning-foreground, var(--vscode-charts-yellow)); color: var(--vscode-editor-background); }
.status.ended { background: var(--vscode-charts-purple); color: var(--vscode-editor-background); }
.hold.held { color: var(--vscode-testing-iconPassed, var(--vscode-charts-green)); }
.hold.regressed { color: var(--vscode-errorForeground); }
table { border-collapse: collapse; font-size: 0.95em; }
th, td { text-align: right; padding: 3px 10px 3px 0; border-bottom: 1px solid var(--vscode-editorWidget-border, transparent); font-variant-numeric: tabular-nums; }
th[scope="row"], thead th:first-child { text-align: left; font-weight: normal; }
thead th { color: var(--vscode-descriptionForeground); font-weight: 600; }
td.progress { white-space: nowrap; }
meter { width: 90px; height: 8px; vertical-align: middle; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(280px, 420px)); gap: 8px 32px; }
.nowrap { white-space: nowrap; }
figure.chart-box { margin: 0; }
figcaption { font-size: 0.9em; margin-bottom: 2px; }
svg.chart { width: 100%; max-width: 420px; height: auto; display: block; }
svg.chart .axis { stroke: var(--vscode-descriptionForeground); stroke-width: 0.6; opacity: 0.7; }
svg.chart .target { stroke: var(--vscode-descriptionForeground); stroke-dasharray: 4 3; stroke-width: 0.8; }
svg.chart .line { fill: none; stroke-width: 2; }
svg.chart .label { fill: var(--vscode-descriptionForeground); font-size: 8.5px; font-family: var(--vscode-font-family); }
.swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 6px; vertical-align: -1px; }
.series-0 { stroke: var(--vscode-charts-blue); fill: var(--vscode-charts-blue); background: var(--vscode-charts-blue); }
.series-1 { stroke: var(--vscode-charts-orange); fill: var(--vscode-charts-orange); background: var(--vscode-charts-orange); }
.series-2 { stroke: var(--vscode-charts-red); fill: var(--vscode-charts-red); background: var(--vscode-charts-red); }
.series-3 { stroke: var(--vscode-charts-green); fill: var(--vscode-charts-green); background: var(--vscode-charts-green); }
.series-4 { stroke: var(--vscode-charts-purple); fill: var(--vscode-charts-purple); background: var(--vscode-charts-purple); }
svg.chart .line[class*="series-"] { fill: none; }
.button { color: var(--vscode-button-foreground); background: var(--vscode-button-background); border: none; padding: 4px 12px; border-radius: 2px; cursor: pointer; font: inherit; }
.button:hover { background: var(--vscode-button-hoverBackground); }
button.link { color: var(--vscode-textLink-foreground); background: none; border: none; padding: 0; cursor: pointer; font: inherit; text-align: left; }
button.link:hover { text-decoration: underline; }
:focus-visible { outline: 1px solid var(--vscode-focusBorder); outline-offset: 2px; }
`;
