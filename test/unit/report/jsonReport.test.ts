import * as assert from 'node:assert/strict';
import { toJsonReport } from '../../../src/core/report/jsonReport';
import { abs, sampleResult } from './sampleResult';

describe('report/jsonReport', () => {
  const report = toJsonReport(sampleResult(), { version: '1.2.3', windows: [{ id: 'w1' }] });

  it('has the top-level fields of the CLI contract', () => {
    assert.deepEqual(Object.keys(report).slice(0, 7), ['version', 'root', 'files', 'durationMs', 'violations', 'debt', 'windows']);
    assert.equal(report.version, '1.2.3');
    assert.equal(report.root, sampleResult().root);
    assert.equal(report.files, 42);
    assert.equal(report.durationMs, 312);
    assert.deepEqual(report.windows, [{ id: 'w1' }]);
    assert.equal(report.rulesFile, 'guardrails.json');
    assert.deepEqual(report.notices, [{ level: 'warning', message: 'Skipped a large file', file: 'src/huge.ts' }]);
  });

  it('sorts violations by file, line, column, rule and makes paths relative', () => {
    assert.deepEqual(report.violations.map((v) => `${v.file}:${v.line}:${v.column} ${v.ruleId} -> ${v.to}`), [
      'src/a.ts:1:17 no-cycles -> src/b.ts',
      'src/broken.ts:2:5 parse-error -> ',
      'src/domain/money.ts:7:1 domain-pure -> src/infra/db.ts',
      'src/domain/order.ts:1:1 domain-pure -> node:fs',
      'src/domain/order.ts:3:1 domain-pure -> src/infra/db.ts',
      'src/ui/view.ts:5:1 ui-no-db -> pkg:pg',
    ]);
  });

  it('writes a violation with every contract field, cycle only for cycles', () => {
    const order = report.violations[4];
    assert.deepEqual(order, {
      ruleId: 'domain-pure', severity: 'error', file: 'src/domain/order.ts', line: 3, column: 1,
      message: 'domain must not depend on infra', from: 'src/domain/order.ts', to: 'src/infra/db.ts', kind: 'static',
      endLine: 3, endColumn: 11, why: 'The domain stays free of I/O.', baselined: false, originalSeverity: null,
    });
    assert.equal('cycle' in order, false);
    assert.deepEqual(report.violations[0].cycle, ['src/a.ts', 'src/b.ts', 'src/c.ts', 'src/a.ts']);
    assert.equal(report.violations[1].kind, null);
    assert.equal(report.violations[1].from, 'src/broken.ts');
  });

  it('keeps baselined findings, flagged with their original severity', () => {
    const money = report.violations[2];
    assert.equal(money.baselined, true);
    assert.equal(money.severity, 'info');
    assert.equal(money.originalSeverity, 'error');
  });

  it('writes debt sorted by file and line with null for missing metadata', () => {
    assert.deepEqual(report.debt.map((d) => `${d.file}:${d.line} ${d.tag}`), [
      'src/a.ts:2 FIXME', 'src/a.ts:9 TODO', 'src/payments/client.ts:14 DEBT',
    ]);
    assert.deepEqual(report.debt[1], {
      tag: 'TODO', file: 'src/a.ts', line: 9, text: 'simplify', owner: null, ticket: null, due: null, estimate: null,
      overdue: false, column: 4, severity: 'info', id: 'TODO:something to do:src/a.ts', estimateHours: null, interest: null,
    });
    const d = report.debt[2];
    assert.deepEqual([d.owner, d.ticket, d.due, d.estimate, d.overdue, d.estimateHours], ['@alice', 'PAY-123', '2026-01-31', '2d', true, 16]);
  });

  it('summarises counts without the baselined findings', () => {
    assert.deepEqual(report.summary, { errors: 3, warnings: 1, info: 1, baselined: 1, debt: 3, overdue: 1, estimateHours: 20 });
  });

  it('is plain JSON with forward slashes only', () => {
    const text = JSON.stringify({ ...report, root: '' });
    assert.equal(text.includes('\\\\'), false);
    assert.equal(text.includes(abs('src')), false);
    assert.deepEqual(JSON.parse(text).violations, report.violations);
  });

  it('defaults windows to an empty list and rulesFile to null', () => {
    const r = toJsonReport({ ...sampleResult(), rulesFile: undefined }, { version: '0' });
    assert.deepEqual(r.windows, []);
    assert.equal(r.rulesFile, null);
  });
});
