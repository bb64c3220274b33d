import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LspClient, Severity } from '../helpers/lspClient';
import { FAST, TODAY, copyShop, rangeOf, read, requireBuild, type CodeAction } from '../helpers/lspWorkspace';

// `guardrails lsp --stdio` with clients less able than VS Code's: what the server may ask of a
// client depends on what it announced, and a client's failings must not cost it its diagnostics.

describe('guardrails lsp --stdio with a client that announces no capabilities', function () {
  this.timeout(20_000);
  let root: string;

  before(function () {
    requireBuild(this);
    root = copyShop('shop');
  });

  after(() => {
    if (root) fs.rmSync(path.dirname(root), { recursive: true, force: true });
  });

  it('still gets diagnostics, hovers and quick fixes, and is sent no request it cannot answer', async () => {
    // No workspace folders either: only `rootUri`, as older clients send. Settings come in initializationOptions.
    const { client } = await LspClient.start({ root, capabilities: {}, workspaceFolders: null, initializationOptions: { settings: FAST } });
    try {
      const order = 'src/domain/order.ts';
      const [diagnostic] = await client.waitForDiagnostics(order, (list) => list.length > 0, 'the domain-pure finding');
      assert.equal(diagnostic.code, 'domain-pure');
      assert.deepEqual(diagnostic.range, rangeOf(read(root, order), `'@infra/db/sequence'`));
      assert.equal(await client.rpc.request('guardrails/whenIdle'), null);
      assert.equal(client.diagnostics.get(client.file('src/features/payments/fraudCheck.ts'))?.[0]?.severity, Severity.Error, 'today came from initializationOptions: the DEBT is overdue');

      const hover = await client.rpc.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri: client.uri(order) }, position: diagnostic.range.start });
      assert.ok(hover.contents.value.includes('domain-pure'));
      const actions = await client.rpc.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: client.uri(order) }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
      // "Open rule" needs window/showDocument, which this client lacks: the link on the diagnostic's code does that instead.
      assert.deepEqual(actions.map((action) => action.title), ['Ignore domain-pure on this line with a reason', 'Add to baseline (known domain-pure violation)']);

      // A client that cannot be asked for settings pushes them: only cycles shown, the domain finding goes.
      client.rpc.notify('workspace/didChangeConfiguration', { settings: { guardrails: { show: ['cycles'] } } });
      await client.waitForDiagnostics(order, (list) => list.length === 0, 'architecture findings hidden');
      assert.deepEqual(client.diagnostics.get(client.file('src/app/checkout/reorder.ts'))?.map((shown) => shown.code), ['no-cycles']);

      // No configuration, registrations, progress tokens or code lens refreshes asked of a client that offered none.
      assert.deepEqual(client.rpc.serverRequests.map((request) => request.method), []);

      // An editor that goes away without a word (its end of the pipe closes) leaves no server behind.
      client.rpc.process.stdin.end();
      assert.equal(await client.exit(), 1);
    } finally {
      client.rpc.kill();
    }
  });
});

describe('guardrails lsp --stdio with a client slow and wrong about its configuration', function () {
  this.timeout(20_000);
  let root: string;

  before(function () {
    requireBuild(this);
    root = copyShop('shop');
  });

  after(() => {
    if (root) fs.rmSync(path.dirname(root), { recursive: true, force: true });
  });

  it('loads anyway, keeps an edit made before the first load, and registers nothing the client cannot take', async () => {
    // Like Neovim: workspace/configuration, progress, and no dynamic registration; its answer comes late, and as an error.
    const capabilities = { workspace: { configuration: true, workspaceFolders: true }, window: { workDoneProgress: true } };
    const { client } = await LspClient.start({
      root,
      capabilities,
      initializationOptions: { settings: { today: TODAY } },
      handlers: {
        'workspace/configuration': () => new Promise((_, reject) => setTimeout(() => reject(new Error('no configuration here')), 400)),
      },
    });
    try {
      // Edited at once, while the server still waits for the configuration (longer than its 300 ms debounce).
      const money = 'src/domain/money.ts';
      client.open(money);
      client.edit(money, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, `import { pool } from '../infra/db/pool';\n`);
      // whenIdle, asked before the first load has started, answers once it is done.
      assert.equal(await client.rpc.request('guardrails/whenIdle'), null);
      assert.equal(client.diagnostics.get(client.file('src/domain/order.ts'))?.[0]?.code, 'domain-pure', 'the workspace was loaded');
      await client.waitForDiagnostics(money, (list) => list.some((diagnostic) => diagnostic.code === 'domain-pure'), 'the early edit checked');
      assert.deepEqual(client.rpc.serverRequests.filter((request) => request.method === 'client/registerCapability'), []);
      assert.equal(await client.shutdown(), 0);
    } finally {
      client.rpc.kill();
    }
  });
});
