import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LspClient } from '../helpers/lspClient';
import { FAST, requireBuild } from '../helpers/lspWorkspace';

// A workspace larger than the editor's `maxFiles` (issue 14): the server analyses the first files
// up to the cap, says once what was left out and what to do, and keeps serving edits.

const FILES = 30;
const name = (i: number): string => `src/m${String(i).padStart(2, '0')}.ts`;

describe('guardrails lsp --stdio above the maxFiles setting', function () {
  this.timeout(30_000);
  let root: string;

  before(function () {
    requireBuild(this);
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'guardrails-cap-'));
    fs.writeFileSync(path.join(root, 'guardrails.json'), JSON.stringify({
      include: ['src/**'],
      rules: [{ id: 'no-pg', kind: 'forbidden', from: 'src/**', toPackages: ['pg'] }],
    }));
    fs.mkdirSync(path.join(root, 'src'));
    for (let i = 0; i < FILES; i++) fs.writeFileSync(path.join(root, name(i)), `import { Pool } from 'pg';\nexport const pool${i} = new Pool();\n`);
  });

  after(() => {
    if (root) fs.rmSync(root, { recursive: true, force: true });
  });

  it('analyses the first files up to the cap, says so once with what to do, and keeps serving edits', async () => {
    const settings: Record<string, unknown> = { ...FAST, maxFiles: 10 };
    const { client } = await LspClient.start({ root, settings });
    type Status = { state: string; files: number; notices: { message: string }[] };
    const statusWith = (files: number) => client.rpc.waitFor((message) => message.method === 'guardrails/status' && (message.params as Status).files === files, `a status with ${files} files`);
    const capMessages = () => client.rpc.received.filter((message) => message.method === 'window/showMessageRequest' && /more than [\d,]+ files match/.test((message.params as { message: string }).message));
    try {
      const shown = await client.rpc.waitFor((message) => message.method === 'window/showMessageRequest', 'a message about the cap');
      const { type, message } = shown.params as { type: number; message: string };
      assert.equal(type, 2, 'a warning');
      assert.match(message, /more than 10 files match guardrails\.json's "include"; the first 10 found .* are analysed/);
      assert.match(message, /guardrails\.maxFiles/);
      assert.match(message, /Narrow "include"/);
      const status = (await statusWith(10)).params as Status;
      assert.ok(status.notices.some((notice) => `Guardrails: ${notice.message}` === message), 'the status bar keeps it');

      await client.rpc.request('guardrails/whenIdle');
      for (let i = 0; i < FILES; i++) {
        const shownFor = client.diagnostics.get(client.file(name(i)))?.length ?? 0;
        assert.equal(shownFor, i < 10 ? 1 : 0, `${name(i)}: ${i < 10 ? 'analysed' : 'past the cap'}`);
      }

      // An edit past the cap adds no file; an edit inside it is checked as usual.
      client.open(name(25));
      client.edit(name(25), { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, '// edited\n');
      client.open(name(5));
      client.edit(name(5), { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } }, '');
      await client.waitForDiagnostics(name(5), (list) => list.length === 0, 'the finding gone with its import');
      await client.rpc.request('guardrails/whenIdle');
      assert.equal(client.diagnostics.get(client.file(name(25)))?.length ?? 0, 0);

      // A reload with the same cap says nothing new; a raised cap analyses everything.
      settings.today = '2026-11-28';
      const reloading = client.rpc.waitForNext((message) => message.method === 'guardrails/status' && (message.params as Status).state === 'analysing', 'a reload');
      client.rpc.notify('workspace/didChangeConfiguration', { settings: {} });
      await reloading;
      await client.rpc.waitForNext((message) => message.method === 'guardrails/status' && (message.params as Status).state === 'idle', 'the reload done');
      assert.equal(capMessages().length, 1, 'the same cap: nothing new to say');
      settings.maxFiles = 100;
      client.rpc.notify('workspace/didChangeConfiguration', { settings: {} });
      await statusWith(FILES);
      await client.waitForDiagnostics(name(29), (list) => list.length === 1, 'a file past the old cap analysed');
      assert.equal(capMessages().length, 1, 'said once');
    } finally {
      client.rpc.kill();
    }
  });
});
