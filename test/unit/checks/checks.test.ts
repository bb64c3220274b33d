import * as assert from 'node:assert/strict';
import { analyzeFixture, describeAll } from '../helpers/analyzeFixture';

describe('architecture checks', () => {
  it('forbidden: layers, packages, built-ins, type-only, kinds and exceptions', async () => {
    const result = await analyzeFixture(['checks', 'forbidden']);
    assert.deepEqual(describeAll(result), [
      'domain-pure src/domain/order.ts:1:23 -> src/infra/db.ts',
      'domain-pure src/domain/order.ts:2:29 -> src/ui/screen.ts',
      'domain-pure src/domain/order.ts:3:24 -> pkg:pg',
      'domain-pure src/domain/order.ts:4:20 -> pkg:@aws-sdk/client-s3',
      'domain-pure src/domain/order.ts:5:30 -> node:fs',
      'domain-pure src/domain/order.ts:6:26 -> node:fs/promises',
      'no-dynamic-legacy src/ui/screen.ts:6:34 -> src/legacy/old.ts',
      'ui-types-only src/ui/screen.ts:2:23 -> src/infra/db.ts',
    ]);
    const first = result.violations.find((v) => v.ruleId === 'domain-pure')!;
    assert.equal(first.severity, 'error');
    assert.equal(first.why, 'The domain holds business rules only.');
    assert.match(first.message, /layer domain must not import '\.\.\/infra\/db' \(src\/infra\/db\.ts, layer infra\)/);
    assert.equal(result.violations.find((v) => v.ruleId === 'ui-types-only')!.severity, 'warning');
    assert.equal(result.violations.find((v) => v.ruleId === 'no-dynamic-legacy')!.kind, 'dynamic');
  });

  it('forbidden with captures isolates sibling features', async () => {
    const result = await analyzeFixture(['checks', 'captures']);
    assert.deepEqual(describeAll(result), [
      'features-isolated src/features/cart/cart.ts:2:21 -> src/features/checkout/pay.ts',
      'features-isolated src/features/checkout/pay.ts:1:23 -> src/features/cart/price.ts',
    ]);
  });

  it('allowed: only the listed layers, globs and packages', async () => {
    const result = await analyzeFixture(['checks', 'allowed']);
    assert.deepEqual(describeAll(result), [
      'app-allowed src/app/useCase.ts:4:24 -> src/ui/screen.ts',
      'app-allowed src/app/useCase.ts:6:19 -> pkg:zod',
    ]);
    assert.match(result.violations[0].message, /may only import domain, src\/shared\/\*\*; packages lodash/);
  });

  it('layers: inner layers never import outer ones, and unlayered files are reported', async () => {
    const result = await analyzeFixture(['checks', 'layers']);
    assert.deepEqual(describeAll(result), [
      'layered src/app/run.ts:2:22 -> src/ui/view.ts',
      'layered src/domain/entity.ts:1:24 -> src/shared/format.ts',
    ]);
    const unlayered = result.violations.find((v) => v.location.file.endsWith('entity.ts'))!;
    assert.match(unlayered.message, /is in no layer/);
  });

  it('no-cycle: each tangle cut on the imports that close its cycles, type-only ignored when allowed', async () => {
    const result = await analyzeFixture(['checks', 'cycles']);
    assert.deepEqual(describeAll(result), [
      'no-cycles src/a/three.ts:1:21 -> src/a/one.ts',
      'no-cycles src/a/three.ts:2:22 -> src/a/four.ts',
      'no-layer-cycles src/layers/infra/repo.ts:1:25 -> src/layers/app/service.ts',
    ]);
    const triangle = result.violations.find((v) => v.to.endsWith('one.ts'))!;
    assert.equal(triangle.message, 'import cycle: src/a/three.ts → src/a/one.ts → src/a/two.ts → src/a/three.ts (cut 1 of 2 imports to untangle 4 files with 2 cycles)');
    assert.equal(triangle.tangle?.cut.length, 2);
    assert.deepEqual(triangle.cycle!.map((step) => step.location.range.start.line), [1, 1, 1]);
    const layers = result.violations.find((v) => v.ruleId === 'no-layer-cycles')!;
    assert.equal(layers.message, 'layer cycle: infra → app → infra');
    assert.equal(layers.severity, 'warning');
  });

  it('entry-point: modules are entered only through their public files', async () => {
    const result = await analyzeFixture(['checks', 'entry-point']);
    assert.deepEqual(describeAll(result), [
      'public-api src/app/main.ts:2:23 -> src/features/cart/internal/total.ts',
      'public-api src/features/checkout/index.ts:1:23 -> src/features/cart/internal/total.ts',
    ]);
  });

  it('no-unresolved, and rules or layers that match no file', async () => {
    const result = await analyzeFixture(['checks', 'unresolved']);
    assert.deepEqual(describeAll(result, (v) => v.ruleId === 'no-unresolved'), [
      'no-unresolved src/main.ts:1:25 -> unresolved:./missing',
    ]);
    const unmatched = result.violations.filter((v) => v.ruleId === 'unmatched-pattern');
    assert.deepEqual(unmatched.map((v) => [v.location.file.endsWith('guardrails.json'), v.location.range.start.line]), [[true, 2], [true, 5]]);
    assert.match(unmatched[0].message, /layer "ui" matches no file/);
    assert.match(unmatched[1].message, /"src\/nowhere\/\*\*" in rule ui-rule matches no file/);
    assert.ok(result.edges.some((e) => e.to === 'pkg:not-installed-lib'));
  });
});
