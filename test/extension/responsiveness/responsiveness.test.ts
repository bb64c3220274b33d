// Nothing Guardrails does holds up the extension host (issue 9): on the benchmark's synthetic
// workspace (5,000 files by default), the event loop that every extension shares is measured from
// inside it during the first load, a full re-analysis and a burst of edits. A full re-analysis may
// hold it up for at most 150 ms at a time (see STRICT). Each phase also checks that the work it
// measured was done (diagnostics shown, the analysis seen running), so no phase can pass by
// measuring nothing.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { SCREENSHOT_DIR_ENV, suiteLogger } from '../consoleMarker';
import { codeOf, guardrailsDiagnostics, revert, root, uri } from '../editor';
import { expectationFile, type ResponsivenessExpectation } from '../runner/syntheticWorkspace';
import { waitForEvent } from '../wait';
import { startProfile } from './cpuProfile';
import { cpuMs, formatReport, LISTED_STALL_MS, StallMonitor, untilQuiet, type StallReport } from './stallMonitor';

/** The acceptance bound of issue 9 for a full re-analysis. */
const MAX_STALL_MS = 150;
/**
 * By default the bound applies to the part of a stall the extension host spent on the CPU, which a
 * busy machine (other processes taking the CPU away) cannot inflate; the whole stall is printed
 * beside it. GUARDRAILS_RESPONSIVENESS_STRICT=1 applies the bound to the whole stall.
 */
const STRICT = process.env.GUARDRAILS_RESPONSIVENESS_STRICT === '1';
/** Loading 5,000 files on a busy 2-core machine, by the old in-host engine too. */
const LOAD_TIMEOUT_MS = 240_000;

/**
 * The API of this extension and of the one before the language server (commit 6db78a1), which
 * the same suite measures for the "before" figure: both have whenIdle(), and the analysis state
 * through status() (now) or state() (before).
 */
interface MeasuredApi {
  whenIdle(): Promise<void>;
  status?(): { state: string };
  state?(): string;
}

const log = suiteLogger();
/** Set: each phase also writes a CPU profile of the extension host there. */
const PROFILE_DIR = process.env.GUARDRAILS_PROFILE_DIR;

/** Resolves once no diagnostics changed for `quietMs`: the last publishes have been taken in. */
function diagnosticsSettled(quietMs: number, timeoutMs = 60_000): Promise<void> {
  return new Promise((resolve, reject) => {
    let timer = setTimeout(done, quietMs);
    const listener = vscode.languages.onDidChangeDiagnostics(() => {
      clearTimeout(timer);
      timer = setTimeout(done, quietMs);
    });
    const bound = setTimeout(() => finish(() => reject(new Error(`diagnostics still changing after ${timeoutMs} ms`))), timeoutMs);
    function finish(settle: () => void): void {
      clearTimeout(timer);
      clearTimeout(bound);
      listener.dispose();
      settle();
    }
    function done(): void {
      finish(resolve);
    }
  });
}

function waitForShown(rel: string, what: string, check: (diagnostics: vscode.Diagnostic[]) => boolean, timeoutMs: number): Promise<vscode.Diagnostic[]> {
  return waitForEvent(`${what} in ${rel}`, vscode.languages.onDidChangeDiagnostics, () => {
    const diagnostics = guardrailsDiagnostics(rel);
    return check(diagnostics) ? diagnostics : undefined;
  }, timeoutMs);
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

describe('Guardrails keeps the extension host responsive on a large workspace', function () {
  this.timeout(LOAD_TIMEOUT_MS + 60_000);
  const reports: (StallReport & { diagnosticsChanged: number })[] = [];
  let expected: ResponsivenessExpectation;
  let api: MeasuredApi | undefined;
  const analysisState = (): string => api?.status?.().state ?? api?.state?.() ?? 'not active';
  const hasKnown = (line: number) => (diagnostics: vscode.Diagnostic[]) =>
    diagnostics.some((d) => codeOf(d) === expected.known.ruleId && d.range.start.line === line);

  /** Watches the event loop (and, with GUARDRAILS_PROFILE_DIR, profiles it) while `work` runs. */
  async function measure(name: string, work: () => Promise<void>): Promise<StallReport> {
    const profile = PROFILE_DIR ? await startProfile(PROFILE_DIR, name) : undefined;
    // What the editor was handed meanwhile: files whose diagnostics changed, counted once per change.
    let diagnosticsChanged = 0;
    const counting = vscode.languages.onDidChangeDiagnostics((event) => (diagnosticsChanged += event.uris.length));
    const monitor = new StallMonitor(name, analysisState);
    try {
      await work();
    } finally {
      const report = { ...monitor.stop(), diagnosticsChanged };
      counting.dispose();
      reports.push(report);
      log('      %s\n      (diagnostics changed in %d file(s) meanwhile)', formatReport(report), diagnosticsChanged);
      if (profile) log('      profile: %s', await profile.stop());
    }
    return reports[reports.length - 1];
  }

  /** Lets VS Code's own work finish before a phase starts, and says how long that took. */
  async function settle(what: string): Promise<void> {
    const { waitedMs, quiet } = await untilQuiet();
    log('      (%s: %s after %d ms)', what, quiet ? 'quiet' : 'still not quiet', waitedMs);
  }

  before(async () => {
    const file = expectationFile(root().fsPath);
    assert.ok(fs.existsSync(file), `no ${file}: run node out/test/extension/runner/syntheticWorkspace.js ${root().fsPath}`);
    expected = JSON.parse(fs.readFileSync(file, 'utf8')) as ResponsivenessExpectation;
    const extension = vscode.extensions.getExtension('guardrails.guardrails');
    assert.ok(extension, 'the Guardrails extension is not installed');
    assert.ok(!extension.isActive, 'Guardrails is already active: the workspace must not have a guardrails.json at start-up');
    log('      %d files, extension %s', expected.files, extension.extensionPath);
    // Some seconds after start-up VS Code opens package.json by itself (the npm support does), which
    // wakes its JSON support: four extensions, up to a second of loading code in this extension host,
    // whichever extension is measured. Open it now, so that this does not land in a phase.
    await vscode.workspace.openTextDocument(uri('package.json'));
    await settle('before the first load');
  });

  after(() => {
    const summary = reports.map((r) => `${r.name}\t${r.maxMs}\t${r.busyMaxMs}\t${r.timer.p99Ms}\t${r.stalls.length}\t${(r.durationMs / 1000).toFixed(1)}\t${r.diagnosticsChanged}`);
    log('      phase\tmax ms\ton CPU ms\tp99 ms\tstalls > %d ms\tseconds\tdiagnostics changed\n      %s', LISTED_STALL_MS, summary.join('\n      '));
    // Beside the screenshots when the code-server runner runs the suite, else beside the workspace.
    const dir = process.env[SCREENSHOT_DIR_ENV] ?? path.dirname(root().fsPath);
    fs.mkdirSync(dir, { recursive: true });
    const out = path.join(dir, `responsiveness-${path.basename(root().fsPath)}.json`);
    fs.writeFileSync(out, JSON.stringify(reports.map((r) => ({ ...r, seen: [...r.seen] })), null, 2));
    log('      figures written to %s', out);
  });

  it('measures a loop held up on purpose (the monitor works)', async () => {
    const report = await measure('held up 200 ms on purpose', async () => {
      // The histogram counts from its first sample on: let both measures start first.
      await delay(50);
      // 200 ms of work, however long a busy machine makes that take.
      const until = cpuMs() + 200;
      while (cpuMs() < until) { /* hold the loop */ }
      await delay(50);
    });
    assert.ok(report.timer.maxMs >= 180 && report.histogram.maxMs >= 180 && report.busyMaxMs >= 180, formatReport(report));
    assert.equal(report.stalls.length, 1);
  });

  it('the first load after activation shows every seeded finding', async () => {
    fs.writeFileSync(path.join(root().fsPath, 'guardrails.json'), expected.rules);
    const report = await measure('first load', async () => {
      api = await vscode.extensions.getExtension<MeasuredApi>('guardrails.guardrails')!.activate();
      await api.whenIdle();
      await waitForShown(expected.known.file, `${expected.known.ruleId} on line ${expected.known.line}`, hasKnown(expected.known.line - 1), LOAD_TIMEOUT_MS);
      await diagnosticsSettled(1000);
    });
    assert.ok(report.seen.has('analysing'), 'the analysis was never seen running');

    const shown = new Set(vscode.languages.getDiagnostics().filter(([, list]) => list.some((d) => d.source === 'guardrails')).map(([file]) => file.toString()));
    const missing = expected.filesWithFindings.filter((rel) => !shown.has(uri(rel).toString()));
    assert.deepEqual(missing.slice(0, 5), [], `${missing.length} of ${expected.filesWithFindings.length} files with seeded findings show no diagnostic`);
    log('      %d files show Guardrails diagnostics (%d seeded)', shown.size, expected.filesWithFindings.length);
  });

  it('the editor is idle: what VS Code itself holds up (for comparison)', async () => {
    await measure('idle, 3 s', () => delay(3000));
  });

  it(`a full re-analysis (Guardrails: Re-run Analysis) never holds up the extension host over ${MAX_STALL_MS} ms`, async () => {
    const report = await measure('full re-analysis', async () => {
      await vscode.commands.executeCommand('guardrails.rerun');
      await api!.whenIdle();
      await diagnosticsSettled(1000);
    });
    assert.ok(report.seen.has('analysing'), 'the re-analysis was never seen running');
    assert.ok(hasKnown(expected.known.line - 1)(guardrailsDiagnostics(expected.known.file)), 'the known finding is gone after the re-analysis');
    const heldUp = STRICT ? report.maxMs : report.busyMaxMs;
    assert.ok(heldUp <= MAX_STALL_MS, `held up for ${heldUp} ms${STRICT ? '' : ' on the CPU'} (at most ${MAX_STALL_MS}):\n${formatReport(report)}`);
  });

  it('a burst of edits in one file is re-checked from the unsaved text', async () => {
    const rel = expected.known.file;
    const original = fs.readFileSync(uri(rel).fsPath, 'utf8');
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri(rel)));
    // Opening a TypeScript file wakes VS Code's own TypeScript support, which loads the 5,000-file
    // project and then holds this extension host up for a second or more while it sets up a watcher
    // per file. A hover answers once the project is loaded; then let the watchers pass.
    await Promise.race([
      vscode.commands.executeCommand('vscode.executeHoverProvider', editor.document.uri, new vscode.Position(expected.known.line - 1, 9)),
      delay(LOAD_TIMEOUT_MS),
    ]);
    await api!.whenIdle();
    await settle('after TypeScript loaded the project');
    try {
      await measure('burst of edits', async () => {
        await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), '\n'));
        for (const char of '// FIXME: typed in a burst') {
          await editor.edit((edit) => edit.insert(new vscode.Position(0, editor.document.lineAt(0).text.length), char));
          await delay(30);
        }
        await waitForShown(rel, 'the typed FIXME and the moved finding', (diagnostics) =>
          hasKnown(expected.known.line)(diagnostics) && diagnostics.some((d) => codeOf(d) === 'debt/FIXME' && d.range.start.line === 0), 60_000);
        await api!.whenIdle();
        await diagnosticsSettled(1000);
      });
      assert.ok(editor.document.isDirty, 'the edits were saved: they were meant to be checked unsaved (files.autoSave must be off)');
      await revert(editor);
      await waitForShown(rel, 'the finding back in place', hasKnown(expected.known.line - 1), 60_000);
    } finally {
      // Whatever happened above, the next run starts from the generated file.
      if (fs.readFileSync(uri(rel).fsPath, 'utf8') !== original) fs.writeFileSync(uri(rel).fsPath, original);
    }
  });
});
