import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { createConnection, DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import { startServer } from '../../../src/server/server';
import type { ServerSettings, StatusSummary } from '../../../src/server/protocol';
import type { TestRepo } from '../git/testRepo';
import { branchRepo, cycleClosingBranch } from '../since/branchRepo';

const SEVERITY: Record<DiagnosticSeverity, string> = {
  [DiagnosticSeverity.Error]: 'Error', [DiagnosticSeverity.Warning]: 'Warning', [DiagnosticSeverity.Information]: 'Information', [DiagnosticSeverity.Hint]: 'Hint',
};

/** The language server in this process, talking JSON-RPC over a pair of streams to a small client. */
class InProcessClient {
  readonly connection: MessageConnection;
  readonly diagnostics = new Map<string, Diagnostic[]>();
  status: StatusSummary | undefined;
  settings: Partial<ServerSettings> = {};
  private readonly waiters: (() => void)[] = [];

  constructor() {
    const toServer = new PassThrough();
    const toClient = new PassThrough();
    startServer(createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient)));
    this.connection = createMessageConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: { uri: string; diagnostics: Diagnostic[] }) => {
      this.diagnostics.set(params.uri, params.diagnostics);
      this.wake();
    });
    this.connection.onNotification('guardrails/status', (status: StatusSummary) => {
      this.status = status;
      this.wake();
    });
    this.connection.onNotification('window/logMessage', (p: { message: string }) => { if (process.env.DEBUG_LSP) console.log('LOG', p.message); });
    this.connection.onRequest('workspace/configuration', () => [this.settings]);
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.listen();
  }

  async start(folder: string, settings: Partial<ServerSettings>): Promise<void> {
    this.settings = settings;
    const uri = pathToFileURL(folder).href;
    await this.connection.sendRequest('initialize', {
      processId: null, rootUri: uri, workspaceFolders: [{ uri, name: 'repo' }],
      capabilities: { workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, didChangeWatchedFiles: { dynamicRegistration: true } } },
    });
    await this.connection.sendNotification('initialized', {});
  }

  async changeSettings(settings: Partial<ServerSettings>): Promise<void> {
    this.settings = settings;
    await this.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  }

  /** Resolves once `check` holds after some notification (or at once); fails after `ms`. */
  async until(what: string, check: () => boolean, ms = 20_000): Promise<void> {
    const deadline = Date.now() + ms;
    while (!check()) {
      if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}: ${JSON.stringify([...this.diagnostics])}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 500);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** `line:severity:message` (1-based line, the message's first line) of one file's diagnostics. */
  shown(file: string): string[] {
    return (this.diagnostics.get(pathToFileURL(file).href) ?? [])
      .map((d) => `${d.range.start.line + 1}:${SEVERITY[d.severity ?? DiagnosticSeverity.Error]}:${(typeof d.message === 'string' ? d.message : d.message.value).split('\n')[0]}`);
  }

  async stop(): Promise<void> {
    await this.connection.sendRequest('shutdown');
    this.connection.dispose();
  }

  private wake(): void {
    for (const waiter of this.waiters.splice(0)) waiter();
  }
}

describe('language server: guardrails.newSince', function () {
  this.timeout(60_000);
  let repo: TestRepo;
  let client: InProcessClient;
  before(async () => {
    repo = branchRepo();
    client = new InProcessClient();
    await client.start(repo.dir, { newSince: 'main', today: '2026-11-27' });
  });
  after(async () => {
    await client.stop();
    repo.dispose();
  });

  const a = () => path.join(repo.dir, 'src', 'domain', 'a.ts');
  const c = () => path.join(repo.dir, 'src', 'domain', 'c.ts');
  const LAYERED = "layer domain must not import the outer layer ui: '../ui/view' (src/ui/view.ts, layer ui)";
  const softened = () => client.shown(a()).includes(`2:Hint:(existing) ${LAYERED}`);

  it('softens what was there where the branch left main, and shows what the branch added at full severity', async () => {
    await client.until('the old import of a.ts softened, and the status', () => softened() && client.status?.errors === 2);
    assert.deepEqual(client.shown(a()), [
      `2:Hint:(existing) ${LAYERED}`,
      `3:Error:${LAYERED}`,
      '4:Hint:(existing) TODO: old note',
    ]);
    assert.deepEqual(client.shown(c()), [`1:Error:${LAYERED}`, '2:Hint:TODO: new note (owner alice)']);
    assert.equal(client.status?.errors, 2, 'the status bar counts new findings only');
    assert.equal(client.status?.warnings, 0);
  });

  it('shows every finding at its own severity when the setting is emptied, and softens again when it is set', async () => {
    await client.changeSettings({ newSince: '', today: '2026-11-27' });
    await client.until('a.ts at full severity, and the status', () => client.shown(a())[0] === `2:Error:${LAYERED}` && client.status?.errors === 3);
    await client.changeSettings({ newSince: 'main', today: '2026-11-27' });
    await client.until('a.ts softened again', softened);
  });

  it('looks again when the ref moves under .git, and says so when the ref does not exist', async () => {
    repo.git(['update-ref', 'refs/heads/main', 'HEAD']);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: pathToFileURL(path.join(repo.dir, '.git', 'refs', 'heads', 'main')).href, type: 2 }],
    });
    await client.until('everything on the branch is now old', () => client.shown(c())[0] === `1:Hint:(existing) ${LAYERED}` && client.status?.errors === 0);

    await client.changeSettings({ newSince: 'no-such-branch', today: '2026-11-27' });
    await client.until('a notice naming the ref', () => client.status?.notices.some((notice) => notice.message.startsWith('guardrails.newSince: unknown git ref "no-such-branch"')) === true);
    assert.equal(client.shown(a())[0], `2:Error:${LAYERED}`, 'without a base, nothing is softened');
  });
});

describe('language server: guardrails.newSince and cycle tangles', function () {
  this.timeout(60_000);
  let repo: TestRepo;
  let client: InProcessClient;
  before(async () => {
    repo = cycleClosingBranch('guardrails-newsince-tangle-');
    client = new InProcessClient();
    await client.start(repo.dir, { newSince: 'main', today: '2026-11-27' });
  });
  after(async () => {
    await client.stop();
    repo.dispose();
  });

  it('reports the cycle the branch made on the import it added', async () => {
    const cycleLines = (file: string) => client.shown(path.join(repo.dir, 'src', file)).filter((line) => line.includes('cycle'));
    // b.ts shows the same finding as part of the cycle, pointing back at a.ts's import.
    const expected = { a: ['1:Error:import cycle: src/a.ts → src/b.ts → src/a.ts'], b: ['1:Error:part of import cycle: src/a.ts → src/b.ts → src/a.ts'] };
    const shown = () => ({ a: cycleLines('a.ts'), b: cycleLines('b.ts') });
    await client.until('the cycle on a.ts', () => JSON.stringify(shown()) === JSON.stringify(expected) && client.status?.errors === 1, 15_000);
  });
});
