import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LspClient, Severity, type LspDiagnostic } from '../helpers/lspClient';
import { rangeOf, requireBuild } from '../helpers/lspWorkspace';
import { REPO_ROOT } from '../helpers/analyzeFixture';
import { runCliCapture } from '../helpers/runCliCapture';
import { tempDir, type TestRepo } from '../git/testRepo';
import { buildOutcomesHistory } from '../windows/datedHistory';

// The ratchet in the editor, on the dated history worked out by hand (test/unit/windows/datedHistory.ts):
// the window "tidy" ended on 2026-03-15 holding (debt 1, core-pure 0 at c7); c8 brought a core-pure
// import back. The server shows `window-regressed` where `check` reports it, follows edits as they
// are typed (git is read once per load, not per keystroke), softens a regression that was already
// there with `guardrails.newSince`, and runs no git in Restricted Mode. And when HEAD moves, the
// debt rows' change counts follow without a full load.

const TODAY = '2026-03-25';
const SETTINGS = { today: TODAY, debounceMs: 20 };
const RULES = 'guardrails.json';
const B = path.join('src', 'core', 'b.ts');
const A = path.join('src', 'core', 'a.ts');
const IMPORT = "import { save } from '../io/db';\n";

interface CliViolation { ruleId: string; severity: string; file: string; line: number; column: number; message: string }
interface DebtRow { item: { file: string }; changes?: number }

const regressions = (diagnostics: LspDiagnostic[]): LspDiagnostic[] => diagnostics.filter((d) => d.code === 'window-regressed');
const shown = (diagnostics: LspDiagnostic[]): string[] => regressions(diagnostics).map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1}:${d.severity}:${d.message}`);

async function cliRegressions(dir: string): Promise<CliViolation[]> {
  const run = await runCliCapture(['check', dir, '--format', 'json', '--today', TODAY, '--no-cache'], REPO_ROOT);
  assert.ok(run.code === 0 || run.code === 1, run.stderr);
  return (JSON.parse(run.stdout) as { violations: CliViolation[] }).violations.filter((v) => v.ruleId === 'window-regressed');
}

describe('guardrails lsp: window-regressed (the ratchet) and HEAD moves', function () {
  this.timeout(60_000);
  let repo: TestRepo;
  let commits: Record<string, string>;
  let storage: string;

  before(function () {
    requireBuild(this);
    ({ repo, commits } = buildOutcomesHistory());
    storage = tempDir('guardrails-lsp-storage-');
  });

  after(() => {
    repo?.dispose();
    if (storage) fs.rmSync(storage, { recursive: true, force: true });
  });

  it('shows window-regressed where check reports it, and follows edits that regress a window or undo it', async () => {
    const cli = await cliRegressions(repo.dir);
    assert.equal(cli.length, 1);
    const { client } = await LspClient.start({ root: repo.dir, settings: SETTINGS, initializationOptions: { storagePath: storage } });
    try {
      const [expected] = cli;
      await client.waitForDiagnostics(RULES, (d) => regressions(d).length === 1, 'the window regressed');
      // Same file, position, message and severity (hold "error") as the CLI.
      assert.equal(path.join(repo.dir, expected.file), client.file(RULES));
      assert.deepEqual(shown(client.diagnostics.get(client.file(RULES))!), [`${expected.line}:${expected.column}:${Severity.Error}:${expected.message}`]);

      // Removing b.ts's import of io (unsaved) makes the window hold again; putting it back regresses it.
      const text = client.open(B);
      client.edit(B, rangeOf(text, IMPORT.trimEnd()), '');
      await client.waitForDiagnostics(RULES, (d) => regressions(d).length === 0, 'the regression gone with the import');
      client.edit(B, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, IMPORT.trimEnd());
      await client.waitForDiagnostics(RULES, (d) => regressions(d).length === 1, 'the regression back with the import');

      // A new TODO in a.ts (unsaved) takes debt above the 1 the window reached; deleting it clears it.
      const { start } = rangeOf(client.open(A), 'export function a');
      client.edit(A, { start, end: start }, '// TODO: one more\n');
      const debtRegressed = `window "tidy" regressed: debt is 2, above the 1 it reached by 2026-03-15 (commit ${commits.c7.slice(0, 7)})`;
      await client.waitForDiagnostics(RULES, (d) => shown(d).some((line) => line.endsWith(debtRegressed)), 'debt regressed too');
      client.edit(A, { start, end: { line: start.line + 1, character: 0 } }, '');
      await client.waitForDiagnostics(RULES, (d) => regressions(d).length === 1 && !shown(d).some((line) => line.endsWith(debtRegressed)), 'debt held again');

      // What the window reached was read from git once, for the load, not for each edit.
      const reads = client.rpc.received.filter((m) => m.method === 'window/logMessage' && /ended windows reached read in/.test((m.params as { message: string }).message));
      assert.equal(reads.length, 1, 'one read of the windows\' ends');
    } finally {
      assert.equal(await client.shutdown(), 0);
    }
  });

  it('with guardrails.newSince, softens a regression that was already there at the merge base, as check --since does', async () => {
    const { client } = await LspClient.start({ root: repo.dir, settings: { ...SETTINGS, newSince: commits.c8 } });
    try {
      await client.waitForDiagnostics(RULES, (d) => regressions(d).some((x) => x.severity === Severity.Hint), 'the regression softened');
      assert.match(regressions(client.diagnostics.get(client.file(RULES))!)[0].message, /^\(existing\) window "tidy" regressed: violations of core-pure is 1/);
    } finally {
      assert.equal(await client.shutdown(), 0);
    }
    // From c7 (where the window held) the regression is new: full severity.
    const fromEnd = await LspClient.start({ root: repo.dir, settings: { ...SETTINGS, newSince: commits.c7 } });
    try {
      await fromEnd.client.rpc.request('guardrails/whenIdle');
      await fromEnd.client.waitForDiagnostics(RULES, (d) => regressions(d).length === 1 && regressions(d)[0].severity === Severity.Error, 'the regression at full severity');
      await fromEnd.client.rpc.waitFor((m) => m.method === 'guardrails/status' && (m.params as { errors: number }).errors >= 1, 'the status counting it');
    } finally {
      assert.equal(await fromEnd.client.shutdown(), 0);
    }
  });

  it('runs no ratchet in Restricted Mode, and says so once in the log', async () => {
    const { client } = await LspClient.start({ root: repo.dir, settings: SETTINGS, initializationOptions: { trusted: false } });
    try {
      await client.rpc.request('guardrails/whenIdle');
      await client.rpc.waitFor((m) => m.method === 'window/logMessage' && /not checked in Restricted Mode/.test((m.params as { message: string }).message), 'the log saying so');
      await client.rpc.request('guardrails/reload');
      assert.deepEqual(regressions(client.diagnostics.get(client.file(RULES)) ?? []), []);
      const said = client.rpc.received.filter((m) => m.method === 'window/logMessage' && /not checked in Restricted Mode/.test((m.params as { message: string }).message));
      assert.equal(said.length, 1);
    } finally {
      assert.equal(await client.shutdown(), 0);
    }
  });

  it('refreshes the debt rows\' change counts when a commit moves HEAD, without a full load', async () => {
    const { client } = await LspClient.start({ root: repo.dir, settings: SETTINGS, initializationOptions: { storagePath: storage } });
    try {
      await client.rpc.request('guardrails/whenIdle');
      const counts = async (): Promise<(number | undefined)[]> => (await client.rpc.request<DebtRow[]>('guardrails/debt')).map((row) => row.changes);
      await client.rpc.request('guardrails/hotspots'); // the counts looked up
      assert.deepEqual(await counts(), [4]);
      repo.edit('src/core/b.ts', 'export const b2 = 2;\n', 'export const b2 = 22;\n');
      repo.commit('Tune b2', { date: '2026-03-24T12:00:00+00:00', author: 'Alice Martin' });
      const loads = client.rpc.received.filter((m) => m.method === 'window/logMessage' && /full analysis in/.test((m.params as { message: string }).message)).length;
      client.rpc.notify('workspace/didChangeWatchedFiles', { changes: [
        { uri: `file://${path.join(repo.dir, '.git', 'refs', 'heads', 'main')}`, type: 2 },
        { uri: `file://${client.file(B)}`, type: 2 },
      ] });
      // The view asks again on each status; the one after the new counts arrive has them.
      for (let status = 0; (await counts())[0] !== 5; status++) {
        assert.ok(status < 20, 'the counts refreshed within 20 status notifications');
        await client.rpc.waitForNext((m) => m.method === 'guardrails/status', 'a status once the new counts are known');
      }
      assert.equal(client.rpc.received.filter((m) => m.method === 'window/logMessage' && /full analysis in/.test((m.params as { message: string }).message)).length, loads, 'no full load');
    } finally {
      assert.equal(await client.shutdown(), 0);
    }
  });
});
