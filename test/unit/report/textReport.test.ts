import * as assert from 'node:assert/strict';
import { toTerminal } from '../../../src/core/report/ansi';
import { formatDebtText, formatText } from '../../../src/core/report/textReport';
import type { RulesConfig } from '../../../src/core/model/ruleTypes';
import type { AnalysisResult } from '../../../src/core/model/types';
import { abs, ROOT, sampleResult, violation } from './sampleResult';

const ESC = '\u001b[';

describe('report/textReport', () => {
  it('groups findings by file with aligned columns, cycle path and why', () => {
    const text = formatText(sampleResult(), { color: false });
    assert.equal(text, [
      'src/a.ts',
      '  1:17  warning  Import cycle of 3 files  no-cycles',
      '                 src/a.ts → src/b.ts → src/c.ts → src/a.ts',
      '',
      'src/broken.ts',
      '  2:5  info  Expression expected  parse-error',
      '',
      'src/domain/order.ts',
      '  1:1  error  domain must not use fs           domain-pure',
      '  3:1  error  domain must not depend on infra  domain-pure',
      '              The domain stays free of I/O.',
      '',
      'src/ui/view.ts',
      '  5:1  error  src/ui must not import pg  ui-no-db',
      '',
      '⚠ Skipped a large file  src/huge.ts',
      '',
      '✖ 3 errors, 1 warning, 1 info (1 baselined) · 3 debt items (1 overdue, 2.5d estimated) · 42 files in 0.31 s',
      '',
    ].join('\n'));
  });

  it('does not list baselined findings one by one', () => {
    const text = formatText(sampleResult(), { color: false });
    assert.equal(text.includes('src/domain/money.ts'), false);
  });

  it('lists debt by file with metadata and overdue marker when asked', () => {
    const text = formatText(sampleResult(), { color: false, showDebt: true });
    const debt = text.slice(text.indexOf('Debt\n'), text.indexOf('⚠'));
    assert.equal(debt, [
      'Debt',
      'src/a.ts',
      '  2:4  FIXME  off by one  (bob, est 4h)',
      '  9:4  TODO   simplify',
      '',
      'src/payments/client.ts',
      '  14:6  DEBT  replace the legacy client  (@alice, PAY-123, due 2026-01-31, est 2d)  overdue',
      '',
      '',
    ].join('\n'));
  });

  it('emits no ANSI escapes without color, and colors severities with it', () => {
    assert.equal(formatText(sampleResult(), { color: false, showDebt: true }).includes(ESC), false);
    const colored = toTerminal(formatText(sampleResult(), { color: true, showDebt: true }));
    assert.ok(colored.includes(`${ESC}31merror${ESC}39m`), 'red errors');
    assert.ok(colored.includes(`${ESC}33mwarning${ESC}39m`), 'yellow warnings');
    assert.ok(colored.includes(`${ESC}34minfo${ESC}39m`), 'blue info');
    assert.ok(colored.includes(`${ESC}2mThe domain stays free of I/O.${ESC}22m`), 'dim why');
    assert.ok(colored.includes(`${ESC}31moverdue${ESC}39m`), 'overdue in red');
  });

  it('takes the why from the rules when the finding has none', () => {
    const rules = { rules: [{ id: 'ui-no-db', why: 'The UI talks to the API, never to the database.' }] } as unknown as RulesConfig;
    const text = formatText(sampleResult(), { color: false, rules });
    assert.ok(text.includes('  5:1  error  src/ui must not import pg  ui-no-db\n              The UI talks to the API, never to the database.\n'));
  });

  it('prints a clean summary when there is nothing to report', () => {
    const empty: AnalysisResult = { root: ROOT, files: 1, durationMs: 5, violations: [], debt: [], edges: [], notices: [] };
    assert.equal(formatText(empty, { color: false }), '✔ 0 errors, 0 warnings, 0 info · 0 debt items · 1 file in 0.01 s\n');
  });

  it('only warnings and info still count, with singular and plural words', () => {
    const r: AnalysisResult = {
      root: ROOT, files: 2, durationMs: 1000, edges: [], notices: [], debt: [],
      violations: [violation({ ruleId: 'r', file: 'x.ts', line: 1, severity: 'warning' }), violation({ ruleId: 'r', file: 'x.ts', line: 2, severity: 'warning' })],
    };
    assert.ok(formatText(r, { color: false }).endsWith('✖ 0 errors, 2 warnings, 0 info · 0 debt items · 2 files in 1.00 s\n'));
  });

  it('formatDebtText lists debt and totals by tag and owner', () => {
    const text = formatDebtText(sampleResult(), { color: false });
    assert.ok(text.startsWith('src/a.ts\n  2:4  FIXME  off by one  (bob, est 4h)\n'));
    assert.ok(text.endsWith([
      '3 debt items (1 overdue, 2.5d estimated)',
      '  by tag:   DEBT 1 (2d), FIXME 1 (4h), TODO 1',
      '  by owner: (no owner) 1, @alice 1 (2d), bob 1 (4h)',
      '',
    ].join('\n')));
    assert.equal(text.includes(ESC), false);
  });

  it('formatDebtText says so when there is no debt', () => {
    const r = { ...sampleResult(), debt: [] };
    assert.equal(formatDebtText(r, { color: false }), '✔ no debt items · 42 files scanned\n');
  });

  it('uses relative paths in headings', () => {
    const text = formatText(sampleResult(), { color: false });
    assert.equal(text.includes(abs('src')), false);
  });
});
