import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LspClient, Severity, brief, type LspRange } from '../helpers/lspClient';
import { FAST, SHOP_RULE_FINDINGS, TODAY, copyShop, rangeOf, read, requireBuild, ruleStart, samePath, type CodeAction } from '../helpers/lspWorkspace';
import { runCliCapture } from '../helpers/runCliCapture';

// `guardrails lsp --stdio` as any editor's LSP client drives it, over the wire, on a copy of the
// example shop (examples/shop/EXPECTED.md lists its findings). The session sits in a folder whose
// name has a space, a non-ASCII letter and an `@` (which the client and the server spell
// differently in URIs); its tests share one server and run in order.

describe('guardrails lsp --stdio, driven by a plain JSON-RPC client', function () {
  this.timeout(20_000);
  let root: string;
  let client: LspClient;
  let initialize: { capabilities: Record<string, unknown>; serverInfo?: { name: string } };

  before(async function () {
    requireBuild(this);
    root = copyShop('my shop ü@1');
    ({ client, initialize } = await LspClient.start({
      root,
      settings: FAST,
      handlers: { 'window/showDocument': () => ({ success: true }) },
    }));
  });

  after(() => {
    client?.rpc.kill();
    if (root) fs.rmSync(path.dirname(root), { recursive: true, force: true });
  });

  it('initializes: what it serves, and the dynamic registrations and progress a capable client gets', async () => {
    assert.equal(initialize.serverInfo?.name, 'guardrails');
    const capabilities = initialize.capabilities as { textDocumentSync: unknown; hoverProvider: unknown; codeActionProvider: unknown; codeLensProvider?: unknown; executeCommandProvider: { commands: string[] } };
    assert.deepEqual(capabilities.textDocumentSync, { openClose: true, change: 2, save: { includeText: false } });
    assert.equal(capabilities.hoverProvider, true);
    assert.deepEqual(capabilities.codeActionProvider, { codeActionKinds: ['quickfix'] });
    assert.ok(capabilities.codeLensProvider);
    assert.ok(capabilities.executeCommandProvider.commands.includes('guardrails.server.addToBaseline'));

    const registration = (await client.rpc.waitFor((message) => message.method === 'client/registerCapability'
      && JSON.stringify(message.params).includes('workspace/didChangeWatchedFiles'), 'a watched-files registration')).params as { registrations: { registerOptions: unknown }[] };
    assert.deepEqual(registration.registrations[0].registerOptions, { watchers: [{ globPattern: '**/*' }] });
    const configuration = await client.rpc.waitFor((message) => message.method === 'workspace/configuration', 'a configuration request');
    assert.deepEqual(configuration.params, { items: [{ section: 'guardrails' }] });

    // The first load reports progress on a token the client created, from begin to end.
    const create = await client.rpc.waitFor((message) => message.method === 'window/workDoneProgress/create', 'a progress token');
    const token = (create.params as { token: string }).token;
    type Progress = { token: string; value: { kind: string; title?: string } };
    const ofToken = (kind: string) => (message: { method?: string; params?: unknown }) =>
      message.method === '$/progress' && (message.params as Progress).token === token && (message.params as Progress).value.kind === kind;
    assert.equal(((await client.rpc.waitFor(ofToken('begin'), 'progress begin')).params as Progress).value.title, 'Guardrails');
    await client.rpc.waitFor(ofToken('end'), 'progress end');
  });

  it('publishes diagnostics for a file that was never opened: code, range, severity, message, a link to the rule', async () => {
    const order = 'src/domain/order.ts';
    const [diagnostic] = await client.waitForDiagnostics(order, (list) => list.length > 0, 'the domain-pure finding');
    const rule = ruleStart(root, 'domain-pure');
    assert.deepEqual(diagnostic, {
      range: rangeOf(read(root, order), `'@infra/db/sequence'`),
      severity: Severity.Error,
      source: 'guardrails',
      code: 'domain-pure',
      message: "layer domain must not import '@infra/db/sequence' (src/infra/db/sequence.ts, layer infra)\nWhy: Business rules must be testable without a database, a network or a disk.",
      codeDescription: diagnostic.codeDescription,
      relatedInformation: diagnostic.relatedInformation,
    });
    // The link opens guardrails.json at the rule (VS Code reads `#L<line>,<column>`).
    const href = new URL(diagnostic.codeDescription!.href);
    assert.equal(href.hash, `#L${rule.line},${rule.column}`);
    assert.ok(samePath(href.href.replace(href.hash, ''), path.join(root, 'guardrails.json')), href.href);
    const [related] = diagnostic.relatedInformation!;
    assert.ok(samePath(related.location.uri, path.join(root, 'guardrails.json')));
    assert.deepEqual(related.location.range.start, { line: rule.line - 1, character: rule.column - 1 });
    assert.equal(related.message, 'rule "domain-pure" (forbidden): Business rules must be testable without a database, a network or a disk.');
  });

  it('publishes what `guardrails check` reports, every finding in its file, at its place', async () => {
    await client.rpc.request('guardrails/whenIdle');
    const cli = await runCliCapture(['check', root, '--format', 'json', '--today', TODAY], root);
    const report = JSON.parse(cli.stdout) as { violations: { ruleId: string; severity: string; file: string; line: number; column: number; endLine: number; endColumn: number; message: string }[]; debt: unknown[] };
    // EXPECTED.md's 8 rule findings, and 2 debt tags missing what the rules file requires of them.
    assert.deepEqual(report.violations.map((violation) => violation.ruleId).sort(), [...SHOP_RULE_FINDINGS, 'debt-metadata', 'debt-metadata'].sort());
    for (const violation of report.violations) {
      const published = client.diagnostics.get(path.join(root, violation.file)) ?? [];
      const match = published.find((diagnostic) => diagnostic.code === violation.ruleId && diagnostic.range.start.line === violation.line - 1 && !diagnostic.message.startsWith('part of'));
      assert.ok(match, `${violation.ruleId} in ${violation.file}: published ${JSON.stringify(published.map(brief))}`);
      assert.deepEqual(match.range, { start: { line: violation.line - 1, character: violation.column - 1 }, end: { line: violation.endLine - 1, character: violation.endColumn - 1 } });
      assert.equal(match.severity, violation.severity === 'error' ? Severity.Error : Severity.Warning);
      assert.ok(match.message.startsWith(violation.message), match.message);
    }
    const debt = [...client.diagnostics.values()].flat().filter((diagnostic) => String(diagnostic.code).startsWith('debt/'));
    assert.equal(debt.length, report.debt.length);
  });

  it('shows a cycle in each of its files, its steps and its rule as related information', async () => {
    const [closing] = await client.waitForDiagnostics('src/app/checkout/reorder.ts', (list) => list.length > 0, 'the cycle');
    assert.equal(closing.code, 'no-cycles');
    assert.deepEqual(closing.range, rangeOf(read(root, 'src/app/checkout/reorder.ts'), `'./checkoutFlow'`));
    const steps = [
      ['src/app/checkout/reorder.ts', `'./checkoutFlow'`, 'src/app/checkout/reorder.ts imports src/app/checkout/checkoutFlow.ts'],
      ['src/app/checkout/checkoutFlow.ts', `'./orderConfirmation'`, 'src/app/checkout/checkoutFlow.ts imports src/app/checkout/orderConfirmation.ts'],
      ['src/app/checkout/orderConfirmation.ts', `'./reorder'`, 'src/app/checkout/orderConfirmation.ts imports src/app/checkout/reorder.ts'],
    ];
    const related = closing.relatedInformation!;
    assert.equal(related.length, 4, JSON.stringify(related));
    steps.forEach(([file, specifier, message], index) => {
      assert.ok(samePath(related[index].location.uri, path.join(root, file)), related[index].location.uri);
      assert.deepEqual(related[index].location.range, rangeOf(read(root, file), specifier));
      assert.equal(related[index].message, message);
    });
    assert.equal(related[3].message, 'rule "no-cycles" (no-cycle)');
    for (const [file, specifier] of steps.slice(1)) {
      const [echo] = client.diagnostics.get(path.join(root, file)) ?? [];
      assert.ok(echo, `the cycle shows in ${file}`);
      assert.equal(echo.code, 'no-cycles');
      assert.deepEqual(echo.range, rangeOf(read(root, file), specifier));
      assert.equal(echo.message, `part of ${closing.message}`);
    }
  });

  it('re-checks an unsaved edit that adds a forbidden import, and clears it when the edit is undone', async () => {
    const money = 'src/domain/money.ts';
    client.open(money);
    // Non-ASCII and a character outside the BMP before the import: LSP counts UTF-16 code units.
    const line = `/* größe 😀 */ import { pool } from '../infra/db/pool';\n`;
    client.edit(money, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, line);
    const [added] = await client.waitForDiagnostics(money, (list) => list.some((diagnostic) => diagnostic.code === 'domain-pure'), 'the forbidden import');
    assert.deepEqual(added.range, rangeOf(line, `'../infra/db/pool'`));
    assert.equal(added.range.start.character, 36);
    assert.equal(added.severity, Severity.Error);
    assert.ok(added.message.startsWith("layer domain must not import '../infra/db/pool' (src/infra/db/pool.ts, layer infra)"), added.message);
    assert.equal(read(root, money).includes('pool'), false, 'nothing was written to disk');

    client.edit(money, { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } }, '');
    await client.waitForDiagnostics(money, (list) => list.length === 0, 'no finding once the edit is undone');
    client.close(money);
  });

  it('offers quick fixes on a finding: the suppression edit works, the baseline command softens it', async () => {
    const admin = 'src/ui/admin/OrdersAdmin.tsx';
    const [finding] = await client.waitForDiagnostics(admin, (list) => list.length > 0, 'ui-no-db');
    assert.equal(finding.code, 'ui-no-db');
    const actions = await client.rpc.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: client.uri(admin) }, range: finding.range, context: { diagnostics: [finding] },
    });
    assert.deepEqual(actions.map((action) => action.title), [
      'Ignore ui-no-db on this line with a reason',
      'Add to baseline (known ui-no-db violation)',
      'Open rule ui-no-db',
    ]);
    assert.ok(actions.every((action) => action.kind === 'quickfix'));

    // The suppression: one comment line above the import, in the finding's file.
    const [uri, edits] = Object.entries(actions[0].edit!.changes)[0];
    assert.ok(samePath(uri, client.file(admin)), uri);
    assert.deepEqual(edits, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: '// guardrails-ignore-next-line ui-no-db -- reason\n' }]);
    // Applied as an unsaved edit, it silences the finding; closing the buffer unsaved brings it back.
    client.open(admin, 'typescriptreact');
    client.edit(admin, edits[0].range, edits[0].newText);
    await client.waitForDiagnostics(admin, (list) => list.length === 0, 'the finding suppressed');
    client.close(admin);
    await client.waitForDiagnostics(admin, (list) => list.length === 1, 'the finding back after closing unsaved');

    // The baseline: a command the server runs; it writes the rules file's baseline and the finding is softened.
    const baseline = actions[1].command!;
    assert.equal(baseline.command, 'guardrails.server.addToBaseline');
    assert.equal(await client.rpc.request('workspace/executeCommand', { command: baseline.command, arguments: baseline.arguments }), true);
    const written = JSON.parse(read(root, '.guardrails/baseline.json')) as { violations: { ruleId: string; file: string }[] };
    assert.deepEqual(written.violations.map((entry) => [entry.ruleId, entry.file]), [['ui-no-db', 'src/ui/admin/OrdersAdmin.tsx']]);
    const [softened] = await client.waitForDiagnostics(admin, (list) => list[0]?.severity === Severity.Hint, 'the finding baselined');
    assert.ok(softened.message.startsWith("(baselined) layer ui must not import package 'pg'"), softened.message);
    assert.deepEqual(softened.range, finding.range);
  });

  it('opens a rule through window/showDocument', async () => {
    const admin = 'src/ui/admin/OrdersAdmin.tsx';
    const [finding] = client.diagnostics.get(client.file(admin))!;
    const actions = await client.rpc.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: client.uri(admin) }, range: finding.range, context: { diagnostics: [finding] },
    });
    const open = actions.find((action) => action.title === 'Open rule ui-no-db')!.command!;
    const shown = client.rpc.waitForNext((message) => message.method === 'window/showDocument', 'a showDocument request');
    assert.equal(await client.rpc.request('workspace/executeCommand', { command: open.command, arguments: open.arguments }), true);
    const params = (await shown).params as { uri: string; selection: LspRange; takeFocus: boolean };
    const rule = ruleStart(root, 'ui-no-db');
    assert.ok(samePath(params.uri, path.join(root, 'guardrails.json')), params.uri);
    assert.deepEqual(params.selection.start, { line: rule.line - 1, character: rule.column - 1 });
  });

  it('hovers an import with the layers at both ends and the rules that apply', async () => {
    const order = 'src/domain/order.ts';
    const specifier = rangeOf(read(root, order), `'@infra/db/sequence'`);
    const hover = await client.rpc.request<{ contents: { kind: string; value: string }; range: LspRange }>('textDocument/hover', {
      textDocument: { uri: client.uri(order) }, position: { line: specifier.start.line, character: specifier.start.character + 5 },
    });
    assert.equal(hover.contents.kind, 'markdown');
    assert.deepEqual(hover.range, specifier);
    const value = hover.contents.value;
    assert.ok(value.includes('`src/domain/order.ts` (layer **domain**) → `src/infra/db/sequence.ts` (layer **infra**)'), value);
    assert.ok(value.includes('- `domain-pure` (forbidden, error): Business rules must be testable without a database, a network or a disk.'), value);
    assert.ok(value.includes('`no-cycles` (no-cycle, error)'), value);
    // Off an import: nothing.
    assert.equal(await client.rpc.request('textDocument/hover', { textDocument: { uri: client.uri(order) }, position: { line: 5, character: 2 } }), null);
  });

  it('shows code lenses above the rules in guardrails.json, hovers a layer name, and its problems as they are typed', async () => {
    const rulesFile = 'guardrails.json';
    const lenses = await client.rpc.request<{ range: LspRange; command: { title: string } }[]>('textDocument/codeLens', { textDocument: { uri: client.uri(rulesFile) } });
    const titles = Object.fromEntries(lenses.map((lens) => [lens.range.start.line + 1, lens.command.title]));
    assert.deepEqual(titles, {
      [ruleStart(root, 'layered').line]: '1 violation',
      [ruleStart(root, 'domain-pure').line]: '2 violations',
      [ruleStart(root, 'no-cycles').line]: '1 violation',
      [ruleStart(root, 'ui-no-db').line]: '✓ no violations · 1 baselined',
      [ruleStart(root, 'features-isolated').line]: '1 violation',
      [ruleStart(root, 'public-api').line]: '1 violation',
      [ruleStart(root, 'no-unresolved').line]: '1 violation',
    });

    const text = client.open(rulesFile, 'jsonc');
    const layer = rangeOf(text, '"domain": {');
    const hover = await client.rpc.request<{ contents: { value: string } }>('textDocument/hover', {
      textDocument: { uri: client.uri(rulesFile) }, position: { line: layer.start.line, character: layer.start.character + 2 },
    });
    assert.ok(hover.contents.value.startsWith('**Layer domain** — Entities and pure business rules'), hover.contents.value);
    assert.ok(hover.contents.value.includes('`src/domain/**`'), hover.contents.value);

    // A mistake typed in the rules file shows where it is, before any save; closing unsaved clears it.
    const broken = text.replace('"order": ["ui", "app", "domain"]', '"order": ["ui", "app", "domian"]');
    client.edit(rulesFile, { start: { line: 0, character: 0 }, end: { line: text.split('\n').length, character: 0 } }, broken);
    const [problem] = await client.waitForDiagnostics(rulesFile, (list) => list.length > 0, 'the unknown layer');
    assert.deepEqual(problem.range, rangeOf(broken, '"domian"'));
    assert.equal(problem.severity, Severity.Error);
    assert.ok(problem.message.startsWith('unknown layer "domian" — did you mean "domain"?'), problem.message);
    client.close(rulesFile);
    await client.waitForDiagnostics(rulesFile, (list) => list.length === 0, 'the problem gone with the unsaved text');
  });

  it('follows workspace/didChangeWatchedFiles: a created file is checked, a deleted one cleared', async () => {
    const clock = 'src/domain/clock.ts';
    fs.writeFileSync(client.file(clock), `import { nextOrderNumber } from '@infra/db/sequence';\n\nexport const next = nextOrderNumber;\n`);
    client.rpc.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri(clock), type: 1 }] });
    const [created] = await client.waitForDiagnostics(clock, (list) => list.length > 0, 'the new file checked');
    assert.equal(created.code, 'domain-pure');
    assert.deepEqual(created.range, rangeOf(read(root, clock), `'@infra/db/sequence'`));

    fs.rmSync(client.file(clock));
    client.rpc.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri(clock), type: 3 }] });
    await client.waitForDiagnostics(clock, (list) => list.length === 0, 'the deleted file cleared');
  });

  it('answers a cancelled request (result or RequestCancelled) and keeps serving', async () => {
    const order = 'src/domain/order.ts';
    const specifier = rangeOf(read(root, order), `'@infra/db/sequence'`);
    const hoverParams = { textDocument: { uri: client.uri(order) }, position: specifier.start };
    const cancelled = client.rpc.requestId('textDocument/hover', hoverParams);
    client.rpc.notify('$/cancelRequest', { id: cancelled.id });
    const answer = await cancelled.answer;
    assert.ok(answer.error ? answer.error.code === -32800 : answer.result !== undefined, JSON.stringify(answer));
    const idle = client.rpc.requestId('guardrails/whenIdle');
    client.rpc.notify('$/cancelRequest', { id: idle.id });
    await idle.answer;
    // A cancellation for a request that does not exist is ignored.
    client.rpc.notify('$/cancelRequest', { id: 987654 });
    const hover = await client.rpc.request<{ range: LspRange }>('textDocument/hover', hoverParams);
    assert.deepEqual(hover.range, specifier);
  });

  it('answers the custom requests the views use', async () => {
    assert.equal(await client.rpc.request('guardrails/whenIdle'), null);
    const projects = await client.rpc.request<{ root: string; rulesFile: string; violations: { ruleId: string; baselined?: boolean }[] }[]>('guardrails/violations');
    assert.equal(projects.length, 1);
    assert.equal(projects[0].root, root);
    assert.equal(projects[0].rulesFile, path.join(root, 'guardrails.json'));
    assert.deepEqual(projects[0].violations.map((violation) => violation.ruleId).sort(), [...SHOP_RULE_FINDINGS, 'debt-metadata', 'debt-metadata'].sort());
    assert.equal(projects[0].violations.find((violation) => violation.ruleId === 'ui-no-db')!.baselined, true);

    const debt = await client.rpc.request<{ item: { tag: string; file: string; owner?: string }; root: string }[]>('guardrails/debt');
    assert.equal(debt.length, 9);
    assert.ok(debt.every((row) => row.root === root && row.item.file.startsWith(root)));
    assert.ok(debt.some((row) => row.item.tag === 'DEBT' && row.item.file === path.join(root, 'src/features/payments/fraudCheck.ts')));

    const status = client.rpc.received.filter((message) => message.method === 'guardrails/status').at(-1)!.params as { state: string; errors: number; warnings: number; debt: number };
    assert.deepEqual({ state: status.state, errors: status.errors, debt: status.debt }, { state: 'idle', errors: 6, debt: 9 });
  });

  it('ends on shutdown then exit, with exit code 0', async () => {
    assert.equal(await client.shutdown(), 0);
  });
});
