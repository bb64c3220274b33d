import * as assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { FINGERPRINT_KEY, toSarif } from '../../../src/core/report/sarifReport';
import type { Log as SarifLog } from 'sarif';
import type { RulesConfig } from '../../../src/core/model/ruleTypes';
import { ROOT, range, sampleResult } from './sampleResult';

const loc = { file: '/ws/guardrails.json', range: range(1, 1) };
const rulesConfig = {
  rules: [
    {
      id: 'domain-pure', kind: 'forbidden', severity: 'error', why: 'The domain stays free of I/O.', allowTypeOnly: false, exceptions: [],
      from: [{ text: 'domain', layer: 'domain', location: loc }], to: [{ text: 'infra', layer: 'infra', location: loc }],
      toPackages: [], toBuiltins: [{ pattern: 'fs', location: loc }], location: loc, idLocation: loc,
    },
    { id: 'no-cycles', kind: 'no-cycle', severity: 'warning', allowTypeOnly: false, exceptions: [], scope: [], level: 'file', location: loc, idLocation: loc },
    { id: 'unused', kind: 'no-unresolved', severity: 'off', allowTypeOnly: false, exceptions: [], ignore: [], location: loc, idLocation: loc },
  ],
  debt: { tags: { TODO: 'info', FIXME: 'warning', DEBT: 'warning' } },
} as unknown as RulesConfig;

/** The log as this writer fills it: the fields SARIF leaves optional are the ones it always writes. */
type Written<T> = T extends (infer U)[] ? Written<U>[] : T extends object ? { [K in keyof T]-?: Written<T[K]> } : T;

function sarif(result = sampleResult()): Written<SarifLog> {
  // Round-trip through JSON: what is checked is what a consumer would read.
  return JSON.parse(JSON.stringify(toSarif(result, { version: '1.2.3', rules: rulesConfig, informationUri: 'https://example.com/guardrails' })));
}

describe('report/sarifReport', () => {
  const log = sarif();
  const run = log.runs[0];

  it('has the required SARIF 2.1.0 envelope', () => {
    assert.equal(log.version, '2.1.0');
    assert.match(log.$schema, /sarif-2\.1\.0/);
    assert.equal(log.runs.length, 1);
    assert.deepEqual(
      { name: run.tool.driver.name, version: run.tool.driver.version, uri: run.tool.driver.informationUri, semver: run.tool.driver.semanticVersion },
      { name: 'Guardrails', version: '1.2.3', uri: 'https://example.com/guardrails', semver: '1.2.3' },
    );
    assert.equal(run.originalUriBaseIds['%SRCROOT%'].uri, pathToFileURL(ROOT).href + '/');
  });

  it('describes configured rules, engine findings and debt tags', () => {
    const rules = run.tool.driver.rules;
    assert.deepEqual(rules.map((r) => r.id), [
      'domain-pure', 'no-cycles', 'unused', 'parse-error', 'ui-no-db', 'debt/TODO', 'debt/FIXME', 'debt/DEBT',
    ]);
    assert.deepEqual(rules[0], {
      id: 'domain-pure',
      name: 'DomainPure',
      shortDescription: { text: 'domain must not depend on infra; built-ins fs' },
      fullDescription: { text: 'domain must not depend on infra; built-ins fs. The domain stays free of I/O.' },
      help: { text: 'The domain stays free of I/O.' },
      defaultConfiguration: { level: 'error' },
      properties: { tags: ['architecture', 'forbidden'] },
    });
    assert.deepEqual(rules[2].defaultConfiguration, { level: 'none', enabled: false });
    assert.equal(rules[6].defaultConfiguration.level, 'warning');
    assert.equal(rules[5].defaultConfiguration.level, 'note');
  });

  it('gives every result a ruleIndex that points at its rule', () => {
    assert.equal(run.results.length, 9);
    for (const r of run.results) assert.equal(run.tool.driver.rules[r.ruleIndex].id, r.ruleId);
  });

  it('maps severities to levels, with a relative uri and a region', () => {
    const byMessage = (text: string) => run.results.find((r) => r.message.text === text)!;
    const pg = byMessage('src/ui must not import pg');
    assert.equal(pg.level, 'error');
    assert.deepEqual(pg.locations[0].physicalLocation, {
      artifactLocation: { uri: 'src/ui/view.ts', uriBaseId: '%SRCROOT%' },
      region: { startLine: 5, startColumn: 1, endLine: 5, endColumn: 11 },
    });
    assert.equal(byMessage('Import cycle of 3 files').level, 'warning');
    assert.equal(byMessage('Expression expected').level, 'note');
    assert.deepEqual(pg.properties, { to: 'pkg:pg', dependencyKind: 'static' });
  });

  it('marks baselined results unchanged at note level and the rest new', () => {
    const states = run.results.filter((r) => !r.ruleId.startsWith('debt/')).map((r) => `${r.locations[0].physicalLocation.artifactLocation.uri} ${r.baselineState} ${r.level}`);
    assert.deepEqual(states, [
      'src/a.ts new warning',
      'src/broken.ts new note',
      'src/domain/money.ts unchanged note',
      'src/domain/order.ts new error',
      'src/domain/order.ts new error',
      'src/ui/view.ts new error',
    ]);
  });

  it('leaves baselineState out when no baseline was involved', () => {
    const r = sampleResult();
    r.violations = r.violations.filter((v) => v.baselined !== true);
    assert.equal(sarif(r).runs[0].results.some((x) => 'baselineState' in x), false);
  });

  it('lists the steps of a cycle as related locations', () => {
    const cycle = run.results.find((r) => r.ruleId === 'no-cycles')!;
    assert.deepEqual(cycle.relatedLocations.map((l) => [l.id, l.message.text, l.physicalLocation.artifactLocation.uri, l.physicalLocation.region.startLine]), [
      [1, 'src/a.ts imports src/b.ts', 'src/a.ts', 1],
      [2, 'src/b.ts imports src/c.ts', 'src/b.ts', 2],
      [3, 'src/c.ts imports src/a.ts', 'src/c.ts', 3],
    ]);
  });

  it('reports debt items as debt/TAG results with their severity as level', () => {
    const debt = run.results.filter((r) => r.ruleId.startsWith('debt/'));
    assert.deepEqual(debt.map((r) => [r.ruleId, r.level, r.message.text]), [
      ['debt/FIXME', 'warning', 'FIXME: off by one (bob, est 4h)'],
      ['debt/TODO', 'note', 'TODO: simplify'],
      ['debt/DEBT', 'error', 'DEBT: replace the legacy client (@alice, PAY-123, due 2026-01-31, est 2d) — overdue'],
    ]);
    assert.deepEqual(debt[2].locations[0].physicalLocation.region, { startLine: 14, startColumn: 1, endLine: 14, endColumn: 40 });
  });

  it('keeps fingerprints when only the line changes, and tells identical findings apart', () => {
    const moved = sampleResult();
    for (const v of moved.violations) v.location.range = range(v.location.range.start.line + 7, 3);
    for (const d of moved.debt) d.commentRange = range(d.commentRange.start.line + 7, 1);
    const prints = (l: Written<SarifLog>) => l.runs[0].results.map((r) => `${r.ruleId} ${r.partialFingerprints[FINGERPRINT_KEY]}`).sort();
    assert.deepEqual(prints(sarif(moved)), prints(log));

    const fps = run.results.map((r) => r.partialFingerprints[FINGERPRINT_KEY]);
    assert.equal(new Set(fps).size, fps.length, 'all distinct');
    for (const fp of fps) assert.match(fp, /^[0-9a-f]{32}:\d+$/);

    const retargeted = sampleResult();
    retargeted.violations[0].to = 'pkg:mongodb';
    const before = log.runs[0].results.find((r) => r.ruleId === 'ui-no-db')!.partialFingerprints[FINGERPRINT_KEY];
    const after = sarif(retargeted).runs[0].results.find((r) => r.ruleId === 'ui-no-db')!.partialFingerprints[FINGERPRINT_KEY];
    assert.notEqual(after, before);
  });

  it('omits the end of an empty region and reports notices as notifications', () => {
    const r = sampleResult();
    r.violations = [{ ...r.violations[0], location: { file: r.violations[0].location.file, range: range(2, 4, 4) } }];
    const region = sarif(r).runs[0].results[0].locations[0].physicalLocation.region;
    assert.deepEqual(region, { startLine: 2, startColumn: 4 });
    assert.deepEqual(run.invocations[0].toolExecutionNotifications.map((n) => [n.level, n.message.text, n.locations?.[0].physicalLocation.artifactLocation.uri]), [
      ['warning', 'Skipped a large file', 'src/huge.ts'],
    ]);
  });

  it('works without a rules config', () => {
    const r = toSarif(sampleResult(), { version: 'dev', rules: undefined }) as Written<SarifLog>;
    const ids = r.runs[0].tool.driver.rules.map((x) => x.id);
    assert.deepEqual(ids, ['domain-pure', 'no-cycles', 'parse-error', 'ui-no-db', 'debt/DEBT', 'debt/FIXME', 'debt/TODO']);
    assert.equal(r.runs[0].tool.driver.semanticVersion, undefined);
    assert.equal(r.runs[0].tool.driver.rules[0].defaultConfiguration.level, 'error', 'from the original severity');
  });
});
