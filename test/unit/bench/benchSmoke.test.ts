// A small run of the benchmark's own machinery, so that `npm run bench` never rots: the synthetic
// generator, the engine on what it generated (findings must equal what was seeded, exactly), the
// agreement with a ts.Program, the warm re-check loop, and one timed CLI run rendered as a table.
import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { compareResolutions, engineResolution, typescriptResolution } from '../../../bench/src/agreement';
import { compareWithSeeded, guardrailsFindings } from '../../../bench/src/findings';
import { measureIncremental } from '../../../bench/src/incremental';
import { hasGnuTime, percentile, runOnce } from '../../../bench/src/measure';
import { renderTables } from '../../../bench/src/report';
import { generateMonorepo, MONOREPO_TODAY } from '../../../bench/src/monorepo';
import { measureRestoredCache } from '../../../bench/src/restoredCache';
import { generateSynthetic, SYNTHETIC_TODAY, writeCorpus } from '../../../bench/src/synthetic';
import { analyzeDirectory } from '../../../src/core/analysis/analyze';
import { toJsonReport } from '../../../src/core/report/jsonReport';

const REPO = path.resolve(__dirname, '..', '..', '..', '..');

describe('benchmark smoke run (200-file synthetic corpus)', function () {
  this.timeout(60_000);
  let dir: string;
  const corpus = generateSynthetic(200);

  before(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'gr-bench-smoke-'));
    writeCorpus(dir, corpus);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('generates the same workspace from the same seed, and seeds every kind of finding', () => {
    const again = generateSynthetic(200);
    assert.deepEqual([...again.files.entries()], [...corpus.files.entries()]);
    const e = corpus.expected;
    assert.equal(e.sourceFiles, 200);
    const byRule = (id: string): number => e.violations.filter((v) => v.ruleId === id).length;
    assert.deepEqual(
      ['layered', 'domain-pure', 'features-isolated', 'public-api', 'no-unresolved'].map(byRule),
      [2, 2, 2, 2, 1],
    );
    assert.deepEqual(e.cycles.map((c) => c.length), [2, 3, 4]);
    assert.deepEqual(
      ['TODO', 'FIXME', 'HACK', 'DEBT'].map((tag) => e.debt.filter((d) => d.tag === tag).length),
      [68, 19, 31, 32],
    );
    assert.equal(e.debt.filter((d) => d.overdue).length, 12);
    assert.equal(e.debt.filter((d) => d.problem).length, 24);
    assert.equal(e.traps.length, 24);
  });

  it('the engine finds exactly the seeded violations, cycles and debt, and no debt inside literals', async () => {
    const outcome = await analyzeDirectory(dir, { today: SYNTHETIC_TODAY, baseline: false });
    assert.ok(outcome.ok);
    const report = toJsonReport(outcome.result, { version: 'smoke' });
    const compared = compareWithSeeded(report, corpus.expected);
    assert.deepEqual(compared.mismatches, []);
    assert.equal(compared.exact, true);
    assert.deepEqual([compared.debtTrue, compared.debtFalse, compared.debtMissed], [150, 0, 0]);
    assert.equal(report.files, 200);
  });

  it('the engine resolves every import as a ts.Program does', async () => {
    const outcome = await analyzeDirectory(dir, { today: SYNTHETIC_TODAY, baseline: false });
    assert.ok(outcome.ok);
    const files = outcome.session.results().flatMap((entry) => entry.project.knownFiles());
    const typescript = typescriptResolution(dir, files);
    const agreement = compareResolutions(engineResolution(outcome.result), typescript.resolution);
    assert.deepEqual(agreement.disagreements, []);
    // Written imports only: TypeScript's own `react/jsx-runtime` import (jsx: react-jsx) is apart.
    assert.equal(typescript.implicitJsxImports, 200);
    assert.equal(agreement.engineFileEdges, corpus.expected.fileEdges);
  });

  it('re-checks after edits and tracks the cycle each added import closes', async () => {
    const result = await measureIncremental(dir, SYNTHETIC_TODAY, 3, 0);
    assert.equal(result.files, 200);
    assert.equal(result.samplesMs.length, 9);
    assert.equal(result.cyclesTracked, true);
    assert.ok(result.p95 >= result.p50 && result.p50 > 0);
  });

  it('times one CLI run with GNU time and renders it as a table row', function () {
    const cli = path.join(REPO, 'dist', 'cli.js');
    if (!hasGnuTime() || !existsSync(cli)) this.skip();
    const output = path.join(dir, 'report.json');
    const sample = runOnce({ command: process.execPath, cwd: dir, args: [cli, 'check', '.', '--format', 'json', '--today', SYNTHETIC_TODAY, '--output', output] });
    assert.equal(sample.exitCode, 1);
    assert.ok(sample.wallMs > 0 && sample.peakMb > 20, `wall ${sample.wallMs} ms, peak ${sample.peakMb} MB`);
    const source = { name: 'synthetic-200', kind: 'synthetic' as const, dir, files: 200, bytes: 1, today: SYNTHETIC_TODAY, expected: corpus.expected };
    const findings = guardrailsFindings(output, source);
    assert.equal(findings?.exact, true);
    const summary = { runs: 1, wallMs: sample.wallMs, minMs: sample.wallMs, maxMs: sample.wallMs, peakMb: sample.peakMb };
    const tables = renderTables({
      date: '2026-01-01', machine: 'test', versions: {}, runs: 1, command: 'smoke',
      corpora: [{ corpus: source, cold: { guardrails: summary }, findings: { guardrails: findings } }],
    });
    assert.match(tables, /\| synthetic-200 \| 200 \| 0\.0 MB \| [\d,.]+ ms \| \d+ MB \| – \|/);
    assert.match(tables, /\| synthetic-200 \| 3 \/ – \/ – \| 9 \/ – \/ – \| .*no-cycles 3.* \| – \| yes \|/);
  });

  it('times a cache restored at a new path against cold runs, with the same findings and nothing parsed again', function () {
    const cli = path.join(REPO, 'dist', 'cli.js');
    if (!hasGnuTime() || !existsSync(cli)) this.skip();
    const source = { name: 'synthetic-200', kind: 'synthetic' as const, dir, files: 200, bytes: 1, today: SYNTHETIC_TODAY, expected: corpus.expected };
    const out = mkdtempSync(path.join(os.tmpdir(), 'gr-bench-out-'));
    try {
      const result = measureRestoredCache(source, cli, out, 1, () => undefined);
      assert.equal(result.sameFindings, true);
      assert.deepEqual(result.cache, { reused: 200, parsed: 0, read: 200, resolved: 0, findingsReused: true });
      assert.ok(result.coldMs > 0 && result.restoredMs > 0);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('percentiles are nearest-rank', () => {
    assert.equal(percentile([5, 1, 4, 2, 3], 50), 3);
    assert.equal(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20], 95), 19);
    assert.equal(percentile([7], 95), 7);
  });
});

describe('benchmark smoke run (a 12-package monorepo)', function () {
  this.timeout(60_000);
  let dir: string;
  const corpus = generateMonorepo(12, 20);

  before(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'gr-bench-mono-'));
    writeCorpus(dir, corpus);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('seeds a violation of each kind across packages, a nested rules file\'s, and a cycle between two packages', () => {
    assert.deepEqual(corpus.expected.violations.map((v) => v.ruleId).sort(), ['features-isolated', 'layered', 'no-apps']);
    assert.deepEqual(corpus.expected.cycles, [['packages/base-00/src/cycle.ts', 'packages/base-01/src/cycle.ts']]);
    assert.ok(corpus.files.has('packages/domain-05/guardrails.json'), 'one package in ten has its own rules');
    assert.match(corpus.files.get('packages/base-01/package.json')!, /"types": "\.\/dist\/index\.d\.ts"/);
  });

  it('the engine resolves imports by package name to sources and finds exactly what was seeded', async () => {
    const outcome = await analyzeDirectory(dir, { today: MONOREPO_TODAY, baseline: false });
    assert.ok(outcome.ok);
    const report = toJsonReport(outcome.result, { version: 'smoke' });
    assert.deepEqual(compareWithSeeded(report, corpus.expected).mismatches, []);
    assert.equal(report.files, corpus.expected.sourceFiles);
    assert.equal(outcome.session.results().length, 2, 'the root rules file and one nested');
  });

  it('re-checks edits in a session across packages', async () => {
    const result = await measureIncremental(dir, MONOREPO_TODAY, 2, 0);
    assert.equal(result.cyclesTracked, true);
    assert.equal(result.samplesMs.length, 6);
  });
});
