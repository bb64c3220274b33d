import * as assert from 'node:assert/strict';
import { REPO_ROOT } from '../helpers/analyzeFixture';
import { runCliCapture } from '../helpers/runCliCapture';

interface JsonViolation { ruleId: string; severity: string; file: string; line: number; column: number; to: string; kind: string; cycle?: string[] }
interface JsonDebt { tag: string; file: string; line: number; owner: string | null; ticket: string | null; due: string | null; estimate: string | null; overdue: boolean }

/** The bundled example is the README's first command: it must report exactly what EXPECTED.md lists. */
describe('the example workspace (examples/shop)', () => {
  let report: { files: number; violations: JsonViolation[]; debt: JsonDebt[]; root: string; version: string; durationMs: number };
  let code: number;

  before(async () => {
    const run = await runCliCapture(['check', 'examples/shop', '--format', 'json', '--today', '2026-11-27'], REPO_ROOT);
    code = run.code;
    report = JSON.parse(run.stdout);
  });

  it('exits 1 because it breaks its rules on purpose', () => {
    assert.equal(code, 1);
    assert.equal(report.files, 44);
    assert.equal(typeof report.durationMs, 'number');
  });

  it('reports exactly the intended violations', () => {
    const found = report.violations.map((v) => `${v.ruleId} ${v.severity} ${v.file}:${v.line}:${v.column} -> ${v.to}`).sort();
    assert.deepEqual(found, [
      'debt-metadata warning src/features/checkout/validation.ts:11:4 -> ',
      'debt-metadata warning src/infra/http/httpClient.ts:10:6 -> ',
      'domain-pure error src/domain/order.ts:2:33 -> src/infra/db/sequence.ts',
      'domain-pure error src/domain/tax.ts:1:30 -> node:fs',
      'features-isolated error src/features/checkout/checkoutService.ts:8:26 -> src/features/cart/cartStore.ts',
      'layered error src/app/receipts/emailReceipt.ts:2:29 -> src/ui/format/formatPrice.ts',
      'no-cycles error src/app/checkout/reorder.ts:4:31 -> src/app/checkout/checkoutFlow.ts',
      'no-unresolved warning src/ui/components/Badge.tsx:1:22 -> unresolved:./Icon',
      'public-api error src/features/checkout/checkoutService.ts:8:26 -> src/features/cart/cartStore.ts',
      'ui-no-db error src/ui/admin/OrdersAdmin.tsx:1:22 -> pkg:pg',
    ]);
    const cycle = report.violations.find((v) => v.ruleId === 'no-cycles')!;
    assert.deepEqual(cycle.cycle, [
      'src/app/checkout/reorder.ts', 'src/app/checkout/checkoutFlow.ts', 'src/app/checkout/orderConfirmation.ts', 'src/app/checkout/reorder.ts',
    ]);
  });

  it('lists every debt item with its metadata, and only real comments', () => {
    const debt = report.debt.map((d) => [d.tag, `${d.file}:${d.line}`, d.owner, d.ticket, d.due, d.estimate, d.overdue]);
    assert.deepEqual(debt, [
      ['TODO', 'src/domain/discounts.ts:7', null, null, null, null, false],
      ['FIXME', 'src/domain/shipping.ts:8', 'dave', 'PAY-31', null, null, false],
      ['DEBT', 'src/features/checkout/validation.ts:11', 'erin', null, '2027-01-15', '1d', false],
      ['DEBT', 'src/features/payments/cardProcessor.ts:6', 'alice', 'PAY-123', '2026-12-31', '2d', false],
      ['FIXME', 'src/features/payments/cardProcessor.ts:10', null, 'PAY-12', null, null, false],
      ['DEBT', 'src/features/payments/fraudCheck.ts:5', 'bob', 'PAY-7', '2026-10-01', '4h', true],
      ['DEBT', 'src/features/payments/refunds.ts:6', 'carol', 'PAY-140', null, '1w', false],
      ['HACK', 'src/infra/http/httpClient.ts:10', null, null, null, null, false],
      ['TODO', 'src/ui/pages/CatalogPage.tsx:11', 'alice', null, null, null, false],
    ]);
  });

  it('prints a readable text report grouped by file, with a summary', async () => {
    const run = await runCliCapture(['check', 'examples/shop', '--today', '2026-11-27', '--no-color'], REPO_ROOT);
    assert.equal(run.code, 1);
    assert.match(run.stdout, /^src\/domain\/tax\.ts\n {2}1:30 {2}error {2}layer domain must not import Node\.js built-in 'fs' {2}domain-pure\n/m);
    assert.match(run.stdout, /src\/features\/checkout\/\*\* must not import '\.\.\/cart\/cartStore'/);
    assert.match(run.stdout, /✖ 7 errors, 3 warnings, 0 info · 9 debt items \(1 overdue, 8\.5d estimated\) · 44 files in \d+\.\d\d s/);
    // eslint-disable-next-line no-control-regex -- the escape character is what must not be there
    assert.doesNotMatch(run.stdout, /\x1b\[/);
  });
});
