// Long sessions (issue 12): the language server keeps one AnalysisSession open for days. 1,000
// edit and re-check cycles through `applyChanges` on a generated 2,000-file workspace (body edits,
// new imports and cycles, debt, unresolved imports, files created and deleted, each undone the
// next cycle) must not grow the heap: after them, the heap in use after a full collection is at
// most HEAP_BOUND_MB above what it was after the first load and a warm-up (measured: within 1 MB,
// also over 3,000 cycles). A leak of 4 KB a cycle grows it by 4.1 MB and fails; keeping each
// edit's result grows it by 200 MB. Run in a child process with --expose-gc, so collections are
// forced and the heap is the session's alone.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import type { LongSessionReport } from './longSession.child';

const HEAP_BOUND_MB = 4;
const FILES = 2000;
const CYCLES = 1000;

describe('a long editing session', function () {
  // About 17 s of CPU time; near a minute of wall time when several builds share a 2-core machine.
  this.timeout(180_000);

  it(`keeps the heap within ${HEAP_BOUND_MB} MB over ${CYCLES} edit and re-check cycles on ${FILES} files`, () => {
    const child = spawnSync(process.execPath, ['--expose-gc', path.join(__dirname, 'longSession.child.js'), String(FILES), String(CYCLES)], {
      encoding: 'utf8',
      timeout: 170_000,
      maxBuffer: 16 * 1024 * 1024,
    });
    assert.equal(child.status, 0, child.stderr || `ended by ${child.signal}`);
    const report = JSON.parse(child.stdout) as LongSessionReport;
    const [start, ...rest] = report.heapMb;
    const peak = Math.max(...rest);
    const summary = `heap ${report.heapMb.map((mb) => mb.toFixed(1)).join(' → ')} MB; load ${Math.round(report.loadMs)} ms, ${CYCLES} cycles ${Math.round(report.cyclesMs)} ms`;
    assert.equal(report.files, FILES);
    assert.equal(rest.length, CYCLES / 100, summary);
    assert.ok(peak - start <= HEAP_BOUND_MB, `the heap grew by ${(peak - start).toFixed(1)} MB: ${summary}`);
    assert.equal(report.findingsBack, true, 'with every edit undone, the findings are those before the cycles');
  });
});
