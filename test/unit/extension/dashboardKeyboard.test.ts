// The dashboard page driven by the keyboard in a real browser (headless Chromium through
// playwright-core, as the editor suites run): Tab reaches the Refresh button and each window
// section's buttons in order, Enter activates them, and a re-render (a new page, as VS Code makes
// one for every `webview.html`) gives the focus back to the button that had it.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { DashboardData, DashboardWindow } from '../../../src/server/protocol';
import { dashboardHtml } from '../../../src/extension/dashboard/dashboardHtml';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const PAGE_URL = 'http://dashboard.test/';
const OPTIONS = { nonce: 'bm9uY2UxMjM0NTY3OA==', cspSource: 'http://dashboard.test' };

function window(id: string, title: string, files: string[]): DashboardWindow {
  return {
    id, title, start: '2026-11-01', end: '2026-11-30', today: '2026-11-03',
    scope: [`src/${id}/**`], rulesFile: 'guardrails.json', daysTotal: 30, daysLeft: 27, elapsed: 0.1, status: 'on-track',
    source: 'git', note: null, startState: null,
    goals: [{ metric: 'debt', label: 'debt', atStart: 8, now: 7, target: 0, progress: 0.125, met: false, status: 'on-track' }],
    burndown: [{ date: '2026-11-01', values: [8] }, { date: '2026-11-03', values: [7] }],
    paidDown: [], estimateBurned: 0, contributors: [], outcomes: null, hold: null, root: '/work/shop',
    hotspots: files.map((file, i) => ({ file, changes: 9 - i, churn: 100, debt: 1, violations: 0, score: 9 - i })),
    trend: [],
  } as unknown as DashboardWindow;
}

const DATA: DashboardData = {
  today: '2026-11-03', hotspotDays: 90,
  windows: [window('payments', 'Payments clean-up', ['src/payments/charge.ts', 'src/payments/refund.ts']), window('orders', 'Orders', ['src/orders/cart.ts'])],
};

/** What the page's `acquireVsCodeApi()` gives it: state kept across page loads, messages recorded. */
const VSCODE_API_STUB = `
window.acquireVsCodeApi = function () {
  return {
    getState: function () { return JSON.parse(sessionStorage.getItem('webviewState') || 'null'); },
    setState: function (state) { sessionStorage.setItem('webviewState', JSON.stringify(state)); },
    postMessage: function (message) { window.recordMessage(JSON.stringify(message)); },
  };
};`;

describe('the dashboard page from the keyboard (headless Chromium)', function () {
  this.timeout(60_000);
  let browser: Browser | undefined;
  let page: Page;
  const messages: { type: string; file?: string }[] = [];
  let html = '';

  before(async function () {
    if (!fs.existsSync(CHROMIUM)) {
      console.warn(`    skipped: no Chromium at ${CHROMIUM} (set CHROMIUM_PATH)`);
      this.skip();
    }
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
    page = await browser.newPage();
    await page.exposeFunction('recordMessage', (text: string) => void messages.push(JSON.parse(text) as { type: string; file?: string }));
    await page.addInitScript(VSCODE_API_STUB);
    await page.route(PAGE_URL, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: html }));
  });

  after(async () => {
    await browser?.close();
  });

  /** Renders the page as the panel does: a new document for new HTML. */
  async function render(data: DashboardData): Promise<void> {
    html = dashboardHtml(data, OPTIONS);
    messages.length = 0;
    await page.goto(PAGE_URL);
    await page.waitForFunction("document.readyState === 'complete'");
  }

  // Expressions, not functions: the tests compile without the DOM's types.
  const focused = (): Promise<string | null> => page.evaluate<string | null>('document.activeElement?.id || null');

  it('reaches Refresh and every window section\'s buttons with Tab, in order, and Enter activates them', async () => {
    await render(DATA);
    assert.deepEqual(messages.map((m) => m.type), ['rendered']);
    const reached: string[] = [];
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('Tab');
      reached.push((await focused()) ?? '(none)');
    }
    assert.deepEqual(reached, ['refresh', 'open:payments:src/payments/charge.ts', 'open:payments:src/payments/refund.ts', 'open:orders:src/orders/cart.ts']);
    // Each one sits in its window's section.
    assert.equal(await page.evaluate<string | null | undefined>("document.activeElement?.closest('section.window')?.getAttribute('data-window')"), 'orders');

    await page.keyboard.press('Enter');
    assert.deepEqual(messages.at(-1), { type: 'open', root: '/work/shop', file: 'src/orders/cart.ts' });
    await page.keyboard.down('Shift');
    for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
    await page.keyboard.up('Shift');
    assert.equal(await focused(), 'refresh');
    await page.keyboard.press('Enter');
    assert.deepEqual(messages.at(-1), { type: 'refresh' });
  });

  it('gives the focus back to the same button after a re-render, and Tab goes on from there', async () => {
    await render(DATA);
    await page.focus('[id="open:payments:src/payments/refund.ts"]');
    // New data (a refresh measured again): a new page.
    await render({ ...DATA, today: '2026-11-04' });
    assert.equal(await focused(), 'open:payments:src/payments/refund.ts');
    await page.keyboard.press('Tab');
    assert.equal(await focused(), 'open:orders:src/orders/cart.ts');
    // A button that is gone in the new render: nothing to focus, the page still draws.
    await render({ ...DATA, windows: [DATA.windows[0]] });
    assert.equal(await focused(), null);
    assert.deepEqual(messages.map((m) => m.type), ['rendered']);
  });
});
