// Runs the extension test suite inside code-server (VS Code 1.100.3) driven by headless Debian
// Chromium, for machines that cannot download VS Code. See /work/shared/VSCODE-TESTS.md.
//
//   node out/test/extension/runCodeServer.js [--workspace DIR] [--suite FILE] [--extension DIR] [--vsix FILE]
//
// With --vsix, the packaged extension is installed into code-server and tested as a user gets it;
// the suite then runs with GUARDRAILS_EXPECT_INSTALLED=1.
//
// Env: GUARDRAILS_VSCODE_TIMEOUT_MS (whole run, default 300000), GUARDRAILS_SCREENSHOT=1 (screenshot
// at the end too), GUARDRAILS_VERBOSE=1 (code-server output and workbench console to stderr),
// GUARDRAILS_ARTIFACTS_DIR (default .test-artifacts/vscode), CHROMIUM_PATH (default /usr/bin/chromium),
// GUARDRAILS_KEEP_TMP=1 (keep the user-data folder), GUARDRAILS_TEST_GREP / GUARDRAILS_TEST_TIMEOUT_MS
// (read by the suite: mocha grep and per-test timeout).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser, type BrowserServer, type Page } from 'playwright-core';
import { startCodeServer, type CodeServer } from './runner/codeServer';
import { killGroup, killGroupNow, timeout } from './runner/processes';
import { readTestArgs, REPO_ROOT, type TestArgs } from './runner/testArgs';
import { forwardConsole, type ConsoleLog } from './runner/console';
import { CONSOLE_MARKER, CONSOLE_MARKER_ENV, SCREENSHOT_DIR_ENV } from './consoleMarker';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Time allowed past the overall deadline for screenshots and shutting down. */
const CLEANUP_GRACE_MS = 60_000;

interface Options extends TestArgs {
  timeoutMs: number;
  artifacts: string;
  screenshotAlways: boolean;
  verbose: boolean;
}

function readOptions(): Options {
  return {
    ...readTestArgs(),
    timeoutMs: Number(process.env.GUARDRAILS_VSCODE_TIMEOUT_MS) || 300_000,
    artifacts: path.resolve(process.env.GUARDRAILS_ARTIFACTS_DIR ?? path.join(REPO_ROOT, '.test-artifacts', 'vscode')),
    screenshotAlways: process.env.GUARDRAILS_SCREENSHOT === '1',
    verbose: process.env.GUARDRAILS_VERBOSE === '1',
  };
}

function progress(message: string): void {
  console.log(`[vscode-test] ${message}`);
}

/** The workbench URL that opens `workspace` and runs `suite` against the extension in `extension`. */
function testUrl(port: number, options: Options): string {
  const remote = (file: string) => `vscode-remote://127.0.0.1:${port}${file}`;
  const payload = [
    ['extensionDevelopmentPath', remote(options.extension)],
    ['extensionTestsPath', remote(options.suite)],
  ];
  // A `.code-workspace` file opens a multi-root workspace; anything else is one folder.
  const open = options.workspace.endsWith('.code-workspace') ? 'workspace' : 'folder';
  return `http://127.0.0.1:${port}/?${open}=${encodeURIComponent(options.workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

function checkInputs(options: Options): string | undefined {
  const workspace = fs.statSync(options.workspace, { throwIfNoEntry: false });
  if (!(workspace?.isDirectory() || (workspace?.isFile() && options.workspace.endsWith('.code-workspace')))) return `no workspace folder or .code-workspace file ${options.workspace}`;
  if (!fs.existsSync(options.suite)) return `no suite ${options.suite} (run: npx tsc -p tsconfig.test.json)`;
  if (options.vsix && !fs.existsSync(options.vsix)) return `no packaged extension ${options.vsix} (run: npm run package)`;
  if (options.vsix) return undefined;
  const manifest = path.join(options.extension, 'package.json');
  if (!fs.existsSync(manifest)) return `no extension manifest ${manifest}`;
  const main = (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { main?: string }).main;
  if (main && !fs.existsSync(path.join(options.extension, main))) return `no extension bundle ${main} (run: node esbuild.mjs)`;
  return undefined;
}

async function screenshot(page: Page | undefined, file: string): Promise<void> {
  if (!page) return;
  try {
    await page.screenshot({ path: file, timeout: 10_000 });
    progress(`screenshot: ${file}`);
  } catch (error) {
    progress(`screenshot failed: ${(error as Error).message}`);
  }
}

/** Removes what an earlier run left for this workspace, so the folder shows only this run. */
function clearArtifacts(folder: string, label: string): void {
  for (const name of ['failure.png', 'final.png', 'code-server.log', 'workbench-console.log', 'logs']) {
    fs.rmSync(path.join(folder, `${label}-${name}`), { recursive: true, force: true });
  }
}

/** Saves code-server's output and the logs VS Code hands to codeAutomationExit, for failures. */
function saveLogs(folder: string, label: string, server: CodeServer | undefined, consoleLog: ConsoleLog | undefined, logs: unknown): void {
  if (server) fs.writeFileSync(path.join(folder, `${label}-code-server.log`), server.output());
  if (consoleLog) fs.writeFileSync(path.join(folder, `${label}-workbench-console.log`), consoleLog.other());
  if (!Array.isArray(logs)) return;
  const dir = path.join(folder, `${label}-logs`);
  fs.rmSync(dir, { recursive: true, force: true });
  for (const log of logs as { relativePath?: unknown; contents?: unknown }[]) {
    if (typeof log.relativePath !== 'string' || typeof log.contents !== 'string') continue;
    const file = path.join(dir, log.relativePath.replace(/\.\.(\/|\\)/g, ''));
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, log.contents);
  }
}

/**
 * A test run needs a development extension; testing an installed VSIX, this empty one stands in,
 * and the extension under test loads from the extensions folder beside it.
 */
function emptyDevelopmentExtension(tmp: string): string {
  const dir = path.join(tmp, 'test-host');
  fs.mkdirSync(dir, { recursive: true });
  const manifest = { name: 'guardrails-test-host', publisher: 'guardrails', version: '0.0.0', engines: { vscode: '^1.100.0' } };
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(manifest, null, 2));
  return dir;
}

async function main(): Promise<number> {
  const started = Date.now();
  const options = readOptions();
  const deadline = started + options.timeoutMs;
  // Never hand Playwright a 0 timeout: to it, 0 means "no limit".
  const bounded = (ms: number) => Math.max(1, Math.min(ms, deadline - Date.now()));
  const label = path.basename(options.workspace);

  const problem = checkInputs(options);
  if (problem) {
    progress(`error: ${problem}`);
    return 2;
  }
  clearArtifacts(options.artifacts, label);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'guardrails-vscode-'));
  let server: CodeServer | undefined;
  let browserServer: BrowserServer | undefined;
  let browser: Browser | undefined;
  let page: Page | undefined;
  let exitLogs: unknown;
  let consoleLog: ConsoleLog | undefined;
  // Last resort if this process dies without reaching `finally` (signals are routed here too).
  const keepTmp = process.env.GUARDRAILS_KEEP_TMP === '1';
  const emergency = () => {
    killGroupNow(browserServer?.process()?.pid);
    killGroupNow(server?.pid);
    if (!keepTmp) fs.rmSync(tmp, { recursive: true, force: true });
  };
  process.on('exit', emergency);
  const onSignal = (signal: NodeJS.Signals) => {
    progress(`interrupted by ${signal}`);
    emergency();
    process.exit(130);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  // If anything below hangs past the deadline (a screenshot, a close), still end the run.
  setTimeout(() => {
    progress(`still running ${CLEANUP_GRACE_MS} ms after the deadline; killing everything`);
    process.exit(1); // runs `emergency`
  }, options.timeoutMs + CLEANUP_GRACE_MS).unref();

  let code: number;
  try {
    progress(`workspace ${path.relative(REPO_ROOT, options.workspace) || '.'}, suite ${path.relative(REPO_ROOT, options.suite)}${options.vsix ? `, installed from ${path.relative(REPO_ROOT, options.vsix)}` : ''}`);
    if (options.vsix) options.extension = emptyDevelopmentExtension(tmp);
    server = await startCodeServer({
      workspace: options.workspace,
      tmp,
      startTimeoutMs: bounded(60_000),
      verbose: options.verbose,
      vsix: options.vsix,
      env: { [CONSOLE_MARKER_ENV]: CONSOLE_MARKER, [SCREENSHOT_DIR_ENV]: options.artifacts, ...(options.vsix ? { GUARDRAILS_EXPECT_INSTALLED: '1' } : {}) },
    });
    progress(`code-server listening on 127.0.0.1:${server.port} (pid ${server.pid}) after ${Date.now() - started} ms`);

    browserServer = await chromium.launchServer({
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
      headless: true,
      timeout: bounded(60_000),
      // Chromium keeps crash reports under $XDG_CONFIG_HOME/chromium even with a temporary profile.
      env: { ...process.env, XDG_CONFIG_HOME: path.join(tmp, 'chromium-config') },
    });
    progress(`chromium started (pid ${browserServer.process().pid})`);
    browser = await chromium.connect(browserServer.wsEndpoint(), { timeout: bounded(30_000) });
    const context = await browser.newContext({ viewport: { width: 1400, height: 1200 } });
    page = await context.newPage();

    let finish: (code: number) => void = () => undefined;
    const finished = new Promise<number>((resolve) => (finish = resolve));
    // VS Code calls this when the suite's run() settles: 0 when it resolved.
    await page.exposeFunction('codeAutomationExit', (exitCode: unknown, logs: unknown) => {
      exitLogs = logs;
      finish(typeof exitCode === 'number' ? exitCode : 1);
    });
    const shown = page;
    consoleLog = forwardConsole(page, options.verbose, (name) => {
      // Written under a temporary name and renamed, so a test waiting for the file never sees half of it.
      const file = path.join(options.artifacts, `${name.replace(/[^\w.-]/g, '_')}.png`);
      fs.mkdirSync(options.artifacts, { recursive: true });
      void screenshot(shown, `${file}.tmp.png`).then(() => fs.existsSync(`${file}.tmp.png`) && fs.renameSync(`${file}.tmp.png`, file));
    });
    page.on('crash', () => finish(1));

    await page.goto(testUrl(server.port, options), { timeout: bounded(60_000) });
    progress('workbench loaded; running the suite');
    code = await Promise.race([finished, timeout(bounded(options.timeoutMs), `timed out after ${options.timeoutMs} ms (GUARDRAILS_VSCODE_TIMEOUT_MS)`)]);
  } catch (error) {
    progress(`error: ${(error as Error).message}`);
    code = 1;
  }

  try {
    const failed = code !== 0;
    if (failed || options.screenshotAlways) {
      fs.mkdirSync(options.artifacts, { recursive: true });
      await screenshot(page, path.join(options.artifacts, `${label}-${failed ? 'failure' : 'final'}.png`));
      if (failed) saveLogs(options.artifacts, label, server, consoleLog, exitLogs);
      progress(`artifacts: ${options.artifacts}`);
    }
  } finally {
    await Promise.race([browser?.close(), timeout(10_000, 'browser close timed out')]).catch(() => undefined);
    await Promise.race([browserServer?.close(), timeout(10_000, 'browser server close timed out')]).catch(() => undefined);
    await killGroup(browserServer?.process()?.pid);
    await server?.stop();
    process.off('exit', emergency);
    if (!keepTmp) fs.rmSync(tmp, { recursive: true, force: true });
  }
  progress(`${code === 0 ? 'passed' : `FAILED (exit ${code})`} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return code;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
