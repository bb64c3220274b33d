// The long session of longSession.test.ts, in a child process started with --expose-gc (so heap
// figures are taken after full collections, and nothing else of the test run is in the heap).
// It drives the engine as the language server does: an overlay file system for unsaved text, one
// AnalysisSession per folder kept open, every change handed to `applyChanges` and the results read
// afterwards. Prints one JSON object: heap samples and timings.
//   node --expose-gc longSession.child.js FILES CYCLES
import { mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateSynthetic, SYNTHETIC_TODAY, writeCorpus } from '../../../bench/src/synthetic';
import type { FileChange } from '../../../src/core/analysis/project';
import { AnalysisSession } from '../../../src/core/analysis/session';
import { NodeFileSystem } from '../../../src/core/fs/nodeFileSystem';
import { OverlayFileSystem } from '../../../src/core/fs/overlayFileSystem';

export interface LongSessionReport {
  files: number;
  cycles: number;
  /** Heap in use after a full collection: after the first load and a warm-up, then every 100 cycles. */
  heapMb: number[];
  loadMs: number;
  cyclesMs: number;
  /** Findings after the last cycle equal those after the warm-up (every edit was undone). */
  findingsBack: boolean;
}

const gc = (globalThis as { gc?: () => void }).gc;

function heapMb(): number {
  if (!gc) throw new Error('run with node --expose-gc');
  gc();
  gc();
  return process.memoryUsage().heapUsed / (1024 * 1024);
}

async function main(files: number, cycles: number): Promise<LongSessionReport> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'guardrails-long-session-'));
  try {
    writeCorpus(dir, generateSynthetic(files));
    const fs = new OverlayFileSystem(new NodeFileSystem());
    const started = performance.now();
    const session = AnalysisSession.openFolder(dir, { fs, today: SYNTHETIC_TODAY, keepBaselines: true });
    if (!(await session.load())) throw new Error('the load was cancelled');
    const loadMs = performance.now() - started;
    const sources = session.results().flatMap((entry) => entry.project.knownFiles()).sort();
    const summary = (): string => JSON.stringify(session.results().map(({ result }) => [result.violations.length, result.debt.length, result.notices.length]));

    // Each cycle edits one file as a user types (overlay text), and the next one saves or undoes it.
    let edited: string | undefined;
    const undo = (): void => {
      if (edited === undefined) return;
      fs.clearOverlay(edited);
      session.applyChanges([{ file: edited }]);
      edited = undefined;
    };
    const cycle = (i: number): void => {
      // The last edit is undone (saved as it was) in the same batch, as the server flushes what is pending.
      const undone: FileChange[] = [];
      if (edited !== undefined) {
        fs.clearOverlay(edited);
        undone.push({ file: edited });
        edited = undefined;
      }
      const file = sources[(i * 37) % sources.length];
      const original = fs.readFile(file)!;
      const other = sources[(i * 101 + 7) % sources.length];
      let specifier = path.relative(path.dirname(file), other).split(path.sep).join('/').replace(/\.[cm]?tsx?$/, '');
      if (!specifier.startsWith('.')) specifier = `./${specifier}`;
      // Mostly typing in bodies and comments, as in an editor; now and then an import that may
      // close a cycle, or one of a file that does not exist (the checks' costliest paths).
      const body = `${original}\nexport const edit${i} = ${i};\n`;
      const debt = `${original}\n// TODO(@someone, due 2020-01-0${1 + (i % 9)}): edit ${i}\n`;
      const edits = [body, debt, body, `import '${specifier}';\n${original}`, body, debt, body, `import './does-not-exist-${i}';\n${original}`, body, debt];
      const text = edits[i % edits.length];
      fs.setOverlay(file, text);
      session.applyChanges([...undone, { file, text }]);
      edited = file;
      // A new file now and then (files come and go: resolution is done again), gone the next cycle.
      if (i % 250 === 125) {
        const created = path.join(path.dirname(file), `created${i}.ts`);
        fs.setOverlay(created, `import '${specifier}';\nexport const created = ${i};\n`);
        session.applyChanges([{ file: created, text: fs.readFile(created) }]);
        fs.clearOverlay(created);
        session.applyChanges([{ file: created, deleted: true }]);
      }
      // What the server reads after each change: every project's results.
      for (const { result } of session.results()) if (result.files === 0) throw new Error('no files');
    };

    for (let i = 0; i < 100; i++) cycle(i);
    undo();
    const before = summary();
    const heap = [heapMb()];
    const t0 = performance.now();
    for (let i = 0; i < cycles; i++) {
      cycle(i);
      if ((i + 1) % 100 === 0) heap.push(heapMb());
    }
    const cyclesMs = performance.now() - t0;
    undo();
    return { files: sources.length, cycles, heapMb: heap, loadMs, cyclesMs, findingsBack: summary() === before };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main(Number(process.argv[2] ?? 2000), Number(process.argv[3] ?? 1000)).then(
    (report) => process.stdout.write(JSON.stringify(report)),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
