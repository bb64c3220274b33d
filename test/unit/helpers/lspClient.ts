// An editor's side of an LSP session with `guardrails lsp --stdio`, on top of the plain JSON-RPC
// client: initialize, open and edit documents, and keep the diagnostics the server publishes.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_WAIT_MS, JsonRpcClient, type RequestHandler } from './jsonRpcClient';
import { REPO_ROOT } from './analyzeFixture';

/** The installed command; the unit tests run after `npm run build`. */
export const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');

/**
 * V8's code cache for the bundle, kept in the system's temp folder rather than the user's cache: a
 * server starts in about half the time once one run has written it.
 */
export const TEST_CODE_CACHE = { GUARDRAILS_CACHE_DIR: path.join(os.tmpdir(), 'guardrails-test-code-cache') };

export interface LspPosition { line: number; character: number }
export interface LspRange { start: LspPosition; end: LspPosition }
export interface LspDiagnostic {
  range: LspRange;
  severity?: number;
  code?: string | number;
  codeDescription?: { href: string };
  source?: string;
  message: string;
  tags?: number[];
  relatedInformation?: { location: { uri: string; range: LspRange }; message: string }[];
}

export const Severity = { Error: 1, Warning: 2, Information: 3, Hint: 4 } as const;

/**
 * A file URI spelled as VS Code spells it: each path segment through encodeURIComponent, so `@`
 * becomes `%40` where Node's pathToFileURL (the server's spelling) leaves it. A server must match
 * files, not strings.
 */
export function clientUri(file: string): string {
  return `file://${file.split(path.sep).map(encodeURIComponent).join('/')}`;
}

export interface StartOptions {
  root: string;
  /** The client's capabilities; the default claims what the server can use. */
  capabilities?: unknown;
  /** Sent as `workspaceFolders` (the default: the root), or `null`: only `rootUri`. */
  workspaceFolders?: { uri: string; name: string }[] | null;
  initializationOptions?: unknown;
  /** The `guardrails` section answered to `workspace/configuration`. */
  settings?: Record<string, unknown>;
  /** Answers to the server's requests, in place of the default ones. */
  handlers?: Record<string, RequestHandler>;
  /** Added to the server's environment (a PATH with a git of the test's own). */
  env?: Record<string, string>;
}

/** Every capability the server looks at, as VS Code's client announces them. */
export const FULL_CAPABILITIES = {
  workspace: {
    configuration: true,
    workspaceFolders: true,
    didChangeConfiguration: { dynamicRegistration: true },
    didChangeWatchedFiles: { dynamicRegistration: true },
    codeLens: { refreshSupport: true },
    applyEdit: true,
    workspaceEdit: { documentChanges: true },
  },
  window: { workDoneProgress: true, showDocument: { support: true } },
  textDocument: {
    synchronization: { didSave: true, dynamicRegistration: false },
    publishDiagnostics: { relatedInformation: true, codeDescriptionSupport: true, tagSupport: { valueSet: [1, 2] } },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    codeLens: {},
  },
};

export class LspClient {
  readonly rpc: JsonRpcClient;
  /** The latest diagnostics published for each file (by path: the server may spell URIs its own way). */
  readonly diagnostics = new Map<string, LspDiagnostic[]>();
  private versions = new Map<string, number>();

  private constructor(readonly root: string, settings: Record<string, unknown> | undefined, env: Record<string, string> = {}) {
    this.rpc = new JsonRpcClient(process.execPath, [CLI, 'lsp', '--stdio'], { cwd: root, env: { ...process.env, ...TEST_CODE_CACHE, ...env } });
    this.rpc.handlers.set('workspace/configuration', (params) => {
      const items = (params as { items: { section?: string }[] }).items;
      return items.map((item) => (item.section === 'guardrails' ? settings ?? {} : null));
    });
  }

  static async start(options: StartOptions): Promise<{ client: LspClient; initialize: { capabilities: Record<string, unknown>; serverInfo?: { name: string } } }> {
    const client = new LspClient(options.root, options.settings, options.env);
    client.trackDiagnostics();
    for (const [method, handler] of Object.entries(options.handlers ?? {})) client.rpc.handlers.set(method, handler);
    const folders = options.workspaceFolders === undefined ? [{ uri: clientUri(options.root), name: path.basename(options.root) }] : options.workspaceFolders;
    const initialize = await client.rpc.request<{ capabilities: Record<string, unknown>; serverInfo?: { name: string } }>('initialize', {
      processId: process.pid,
      clientInfo: { name: 'guardrails-test-client' },
      rootUri: clientUri(options.root),
      capabilities: options.capabilities ?? FULL_CAPABILITIES,
      initializationOptions: options.initializationOptions,
      ...(folders === null ? {} : { workspaceFolders: folders }),
    });
    client.rpc.notify('initialized', {});
    return { client, initialize };
  }

  file(relative: string): string {
    return path.join(this.root, relative);
  }

  uri(relative: string): string {
    return clientUri(this.file(relative));
  }

  /** Waits until the diagnostics of a file satisfy `ok` (those already published count). */
  async waitForDiagnostics(relative: string, ok: (diagnostics: LspDiagnostic[]) => boolean, description: string, timeoutMs = DEFAULT_WAIT_MS): Promise<LspDiagnostic[]> {
    const file = this.file(relative);
    const current = this.diagnostics.get(file);
    if (current && ok(current)) return current;
    try {
      const message = await this.rpc.waitForNext((candidate) => {
        if (candidate.method !== 'textDocument/publishDiagnostics') return false;
        const params = candidate.params as { uri: string; diagnostics: LspDiagnostic[] };
        return fileURLToPath(params.uri) === file && ok(params.diagnostics);
      }, `diagnostics in ${relative}: ${description}`, timeoutMs);
      return (message.params as { diagnostics: LspDiagnostic[] }).diagnostics;
    } catch (error) {
      const last = this.diagnostics.get(file);
      throw new Error(`${(error as Error).message}\nlast published for ${relative}: ${last ? JSON.stringify(last.map(brief)) : 'nothing'}`, { cause: error });
    }
  }

  open(relative: string, languageId = 'typescript'): string {
    const text = fs.readFileSync(this.file(relative), 'utf8');
    this.versions.set(relative, 1);
    this.rpc.notify('textDocument/didOpen', { textDocument: { uri: this.uri(relative), languageId, version: 1, text } });
    return text;
  }

  /** An incremental change: `text` replaces `range`. */
  edit(relative: string, range: LspRange, text: string): void {
    const version = (this.versions.get(relative) ?? 1) + 1;
    this.versions.set(relative, version);
    this.rpc.notify('textDocument/didChange', { textDocument: { uri: this.uri(relative), version }, contentChanges: [{ range, text }] });
  }

  close(relative: string): void {
    this.rpc.notify('textDocument/didClose', { textDocument: { uri: this.uri(relative) } });
  }

  /** `shutdown`, then `exit`: the process's exit code. */
  async shutdown(timeoutMs = DEFAULT_WAIT_MS): Promise<number | null> {
    await this.rpc.request('shutdown', undefined, timeoutMs);
    this.rpc.notify('exit');
    return this.exit(timeoutMs);
  }

  /** The process's exit code, once it has ended. */
  exit(timeoutMs = DEFAULT_WAIT_MS): Promise<number | null> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`the server did not exit within ${timeoutMs} ms`)), timeoutMs);
    });
    return Promise.race([this.rpc.exited, timeout]).finally(() => clearTimeout(timer));
  }

  private trackDiagnostics(): void {
    this.rpc.onMessage((message) => {
      if (message.method !== 'textDocument/publishDiagnostics') return;
      const params = message.params as { uri: string; diagnostics: LspDiagnostic[] };
      this.diagnostics.set(fileURLToPath(params.uri), params.diagnostics);
    });
  }
}

/** A diagnostic in a line, for failure messages. */
export function brief(diagnostic: LspDiagnostic): string {
  const { start, end } = diagnostic.range;
  return `${diagnostic.code ?? '?'}@${start.line}:${start.character}-${end.line}:${end.character} sev${diagnostic.severity} ${diagnostic.message.split('\n')[0]}`;
}
