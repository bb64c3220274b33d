// Starting and stopping code-server (VS Code 1.100.3 from the npm registry) for one test run.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { freePort, killGroup, waitForHttp } from './processes';

export const CODE_SERVER_VERSION = '4.100.3';

/** The folder scripts/vscode-test/install-code-server.sh installs into. */
export function codeServerDir(): string {
  if (process.env.GUARDRAILS_CODE_SERVER_DIR) return path.resolve(process.env.GUARDRAILS_CODE_SERVER_DIR);
  const cache = process.env.GUARDRAILS_VSCODE_CACHE || path.join(os.homedir(), '.cache', 'guardrails-vscode');
  return path.join(cache, `code-server-${CODE_SERVER_VERSION}`);
}

export interface CodeServer {
  port: number;
  pid: number;
  /** Everything code-server printed so far. */
  output(): string;
  stop(): Promise<void>;
}

export interface StartOptions {
  workspace: string;
  /** Scratch folder for user data, extensions and config; the caller removes it. */
  tmp: string;
  startTimeoutMs: number;
  /** Copy code-server's output to stderr as it comes. */
  verbose: boolean;
  /** Extra environment; the extension host inherits code-server's. */
  env?: Record<string, string>;
  /** A VSIX installed into this run's extensions folder before code-server starts. */
  vsix?: string;
}

/** Settings that keep the workbench quiet: no welcome page, no update or gallery checks. */
const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'git.enabled': false,
  // The browser build saves edits after a second by default (desktop does not): the suites' unsaved
  // edits must stay unsaved, and a test cut short must not leave a fixture changed on disk.
  'files.autoSave': 'off',
  // code-server scans for ports to forward every few seconds by spawning `ps`, stalling the host.
  'remote.autoForwardPorts': false,
};

export async function startCodeServer(options: StartOptions): Promise<CodeServer> {
  const dir = codeServerDir();
  const bin = path.join(dir, 'node_modules', '.bin', 'code-server');
  if (!fs.existsSync(bin)) {
    throw new Error(`code-server is not installed in ${dir}; run scripts/vscode-test/install-code-server.sh`);
  }
  const userData = path.join(options.tmp, 'ud');
  const extensions = path.join(options.tmp, 'ext');
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.mkdirSync(extensions, { recursive: true });
  fs.writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
  if (options.vsix) installVsix(bin, options.vsix, extensions, userData);

  const port = await freePort();
  const args = [
    fs.realpathSync(bin), // entry.js; run with this Node (20) rather than whatever `node` is on PATH
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--user-data-dir', userData,
    '--extensions-dir', extensions,
    options.workspace,
  ];
  // code-server writes a default config.yaml and state under XDG folders: keep them in tmp.
  const env = {
    ...process.env,
    ...options.env,
    XDG_CONFIG_HOME: path.join(options.tmp, 'xdg-config'),
    XDG_DATA_HOME: path.join(options.tmp, 'xdg-data'),
  };
  // detached: its own process group, so stop() reaches the server, extension host and pty host.
  const child: ChildProcess = spawn(process.execPath, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  let exited: string | undefined;
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
    if (options.verbose) process.stderr.write(chunk);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  child.on('exit', (code, signal) => (exited = `code-server exited early (code ${code}, signal ${signal})`));
  child.on('error', (error) => (exited = `code-server did not start: ${error.message}`));

  const pid = child.pid;
  const stop = () => killGroup(pid);
  const failure = await waitForHttp(`http://127.0.0.1:${port}/healthz`, options.startTimeoutMs, () => exited);
  if (failure || pid === undefined) {
    await stop();
    throw new Error(`${failure ?? 'code-server has no pid'}\n--- code-server output ---\n${output}`);
  }
  return { port, pid, output: () => output, stop };
}

/** `code-server --install-extension FILE`: as a user installs a VSIX, into this run's folders. */
function installVsix(bin: string, vsix: string, extensions: string, userData: string): void {
  const installed = spawnSync(process.execPath, [fs.realpathSync(bin), '--install-extension', vsix, '--extensions-dir', extensions, '--user-data-dir', userData], { encoding: 'utf8', timeout: 120_000 });
  if (installed.status !== 0) throw new Error(`code-server could not install ${vsix}:\n${installed.stdout}${installed.stderr}`);
}
