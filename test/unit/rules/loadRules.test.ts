import * as assert from 'node:assert/strict';
import { loadRules } from '../../../src/core/rules/loadRules';
import { NodeFileSystem } from '../../../src/core/fs/nodeFileSystem';
import type { ForbiddenRule, LayersRule, Rule } from '../../../src/core/model/ruleTypes';
import { assertProblems, describe as describeProblem, loadedConfig, loadFixture, rulesFixture } from './rulesTestKit';

function rule<K extends Rule['kind']>(rules: Rule[], id: string, kind: K): Extract<Rule, { kind: K }> {
  const found = rules.find((r) => r.id === id);
  assert.ok(found, `rule ${id}`);
  assert.equal(found.kind, kind);
  return found as Extract<Rule, { kind: K }>;
}

describe('loadRules: the rules file of the design sketch', () => {
  it('loads with no problems, shorthand expanded and defaults filled in', () => {
    const config = loadedConfig('sketch', 'guardrails.json');
    assert.equal(config.file, rulesFixture('sketch', 'guardrails.json'));
    assert.equal(config.root, rulesFixture('sketch'));
    assert.deepEqual(config.sources, [rulesFixture('sketch', 'guardrails.json'), rulesFixture('sketch', 'config', 'team.guardrails.json')]);
    assert.deepEqual(config.include.map((p) => p.pattern), ['src/**']);
    // The sketch's exclude replaces the team's; node_modules and .git are always excluded.
    assert.deepEqual(config.exclude.map((p) => p.pattern), ['**/node_modules/**', '**/.git/**', '**/*.test.ts', '**/generated/**']);
    assert.deepEqual(config.layers.map((l) => [l.name, l.files.map((f) => f.pattern), l.description]), [
      ['shared', ['src/shared/**'], undefined],
      ['ui', ['src/ui/**'], undefined],
      ['app', ['src/app/**'], undefined],
      ['domain', ['src/domain/**'], 'Pure business rules'],
      ['infra', ['src/infra/**'], undefined],
    ]);
    assert.deepEqual(config.rules.map((r) => `${r.id}:${r.kind}:${r.severity}`), [
      'no-unresolved:no-unresolved:error',
      'no-cycles:no-cycle:error', // the sketch's rule replaces the team's warning in place
      'layered:layers:error',
      'domain-pure:forbidden:error',
      'ui-no-db:forbidden:error',
      'features-isolated:forbidden:error',
      'public-api:entry-point:error',
    ]);
    assert.equal(config.maxFileBytes, 512 * 1024);
    assert.equal(config.baseline, rulesFixture('sketch', '.guardrails', 'baseline.json'));
    assert.equal(config.tsconfig, undefined);
  });

  it('turns layer names into layer selectors and keeps globs as written, each with its position', () => {
    const config = loadedConfig('sketch', 'guardrails.json');
    const layered = rule(config.rules, 'layered', 'layers');
    assert.deepEqual(layered.order.map((s) => [s.text, s.layer]), [['ui', 'ui'], ['app', 'app'], ['domain', 'domain']]);
    assert.equal(layered.allowUnlayered, false);
    assert.equal(layered.why, 'Outer layers depend on inner ones, never the reverse.');
    assert.deepEqual(layered.idLocation.range, { start: { line: 12, column: 13 }, end: { line: 12, column: 22 } });
    assert.deepEqual(layered.order[1].location.range.start, { line: 12, column: 58 });

    const isolated = rule(config.rules, 'features-isolated', 'forbidden');
    assert.deepEqual(isolated.from.map((s) => [s.text, s.layer]), [['src/features/{feature}/**', undefined]]);
    assert.deepEqual(isolated.to.map((s) => s.text), ['src/features/!{feature}/**']);
    assert.deepEqual(isolated.to[0].location.range.start, { line: 18, column: 50 });

    const uiNoDb: ForbiddenRule = rule(config.rules, 'ui-no-db', 'forbidden');
    assert.deepEqual(uiNoDb.toPackages.map((p) => p.pattern), ['pg', 'mongodb']);
    assert.deepEqual(uiNoDb.to, []);
    assert.equal(uiNoDb.allowTypeOnly, false);
    assert.equal(uiNoDb.kinds, undefined);

    const publicApi = rule(config.rules, 'public-api', 'entry-point');
    assert.deepEqual(publicApi.modules.map((p) => p.pattern), ['src/features/*']);
    assert.deepEqual(publicApi.entry, ['index.ts']);

    const noCycles = rule(config.rules, 'no-cycles', 'no-cycle');
    assert.equal(noCycles.level, 'file');
    assert.deepEqual(noCycles.scope.map((p) => p.pattern), ['src/**']);
    assert.equal(noCycles.location.file, rulesFixture('sketch', 'guardrails.json'));
  });

  it('merges debt field by field with the base and reads windows', () => {
    const config = loadedConfig('sketch', 'guardrails.json');
    assert.deepEqual(config.debt.tags, { XXX: 'error', TODO: 'info', FIXME: 'warning', HACK: 'warning', DEBT: 'warning' });
    assert.deepEqual(config.debt.require, { owner: ['DEBT', 'HACK'], ticket: ['DEBT'], due: [], estimate: [] });
    assert.equal(config.debt.ticketUrl, 'https://tracker.example.com/browse/{ticket}');
    assert.equal(config.debt.overdueSeverity, 'error');
    assert.equal(config.debt.warnDaysBeforeDue, 3, 'from the team file');
    assert.deepEqual(
      config.windows.map((w) => ({ id: w.id, title: w.title, start: w.start, end: w.end, scope: w.scope, goals: w.goals.map((g) => [g.metric, g.rule, g.target]) })),
      [{ id: 'payments-q4', title: 'Pay down payments debt', start: '2026-11-02', end: '2026-11-27', scope: ['src/payments/**'], goals: [['debt', undefined, 0], ['violations', 'domain-pure', 0]] }],
    );
  });
});

describe('loadRules: extends', () => {
  it('merges a chain base first: layers by name, rules and windows by id, debt field by field', () => {
    const config = loadedConfig('extends-chain', 'guardrails.json');
    const org = rulesFixture('extends-chain', 'config', 'org.json');
    const team = rulesFixture('extends-chain', 'config', 'team.json');
    const own = rulesFixture('extends-chain', 'guardrails.json');
    assert.deepEqual(config.sources, [own, team, org]);
    assert.deepEqual(config.include.map((p) => p.pattern), ['src/**']);
    assert.deepEqual(config.exclude.map((p) => p.pattern), ['**/node_modules/**', '**/.git/**', '**/*.spec.ts']);
    assert.equal(config.exclude[2].location.file, org);
    // Paths written in a base stay relative to the root, not to the base file.
    assert.equal(config.baseline, rulesFixture('extends-chain', '.guardrails', 'org-baseline.json'));

    assert.deepEqual(config.layers.map((l) => [l.name, l.files.map((f) => f.pattern), l.location.file]), [
      ['ui', ['src/ui/**'], own],
      ['domain', ['src/domain/**'], own],
      ['infra', ['src/infra/**'], own],
    ]);
    assert.equal(config.layers[0].description, 'Screens');

    assert.deepEqual(config.rules.map((r) => [r.id, r.severity, r.location.file]), [
      ['layered', 'warning', own],
      ['org-no-cycles', 'error', org],
      ['domain-pure', 'error', team],
    ]);
    const layered: LayersRule = rule(config.rules, 'layered', 'layers');
    assert.deepEqual(layered.order.map((s) => s.layer), ['ui', 'domain', 'infra']);
    const pure = rule(config.rules, 'domain-pure', 'forbidden');
    assert.deepEqual(pure.from[0].location, { file: team, range: { start: { line: 7, column: 57 }, end: { line: 7, column: 65 } } });

    assert.deepEqual(config.debt.tags, { TODO: 'info', HACK: 'error', DEBT: 'warning' });
    assert.deepEqual(config.debt.require, { owner: ['DEBT'], ticket: ['HACK'], due: [], estimate: [] });
    assert.equal(config.debt.ticketUrl, 'https://org.example.com/{ticket}');
    assert.equal(config.debt.overdueSeverity, 'warning');
    assert.equal(config.debt.location?.file, own);

    assert.deepEqual(config.windows.map((w) => [w.id, w.title, w.start, w.location.file]), [['q1', 'Our Q1', '2026-01-12', own]]);
  });

  it('reports a cycle at the extends string that closes it, naming the chain', () => {
    const result = loadFixture('extends-cycle', 'guardrails.json');
    assert.equal(result.ok, false);
    assertProblems(result, 'extends-cycle/b.json', [{ line: 3, column: 15, says: ['extends cycle: a.json → b.json → a.json'] }]);
  });

  it('reports a missing base at its extends string', () => {
    const result = loadFixture('errors', 'missing-base.json');
    assertProblems(result, 'errors/missing-base.json', [
      { line: 2, column: 15, says: ['extended rules file not found: "./shared/nowhere.json"', 'looked for shared/nowhere.json'] },
    ]);
  });
});

describe('loadRules: JSONC', () => {
  it('accepts comments and trailing commas', () => {
    const config = loadedConfig('jsonc', 'guardrails.json');
    const pure = rule(config.rules, 'domain-pure', 'forbidden');
    assert.deepEqual(pure.to.map((s) => s.layer), ['ui']);
    assert.deepEqual(pure.to[0].location.range.start, { line: 13, column: 14 });
  });

  it('reports a syntax error where it is, in words', () => {
    const result = loadFixture('errors', 'syntax.json');
    assert.equal(result.ok, false);
    assertProblems(result, 'errors/syntax.json', [{ line: 4, column: 5, says: ['JSON syntax error: expected a comma'] }]);
  });
});

describe('loadRules: schema problems', () => {
  it('suggests the field meant for an unknown one, once', () => {
    assertProblems(loadFixture('errors', 'unknown-field.json'), 'errors/unknown-field.json', [
      { line: 4, column: 39, says: ['unknown field "form" in rule "x" — did you mean "from"?'] },
    ]);
  });

  it('says what type was expected and what was found, at the value', () => {
    assertProblems(loadFixture('errors', 'wrong-types.json'), 'errors/wrong-types.json', [
      { line: 2, column: 14, says: ['"include": expected a string or an array of strings, found a number'] },
      { line: 5, column: 81, says: ['"toPackages" item 2 in rule "no-ui-db": expected a string, found a number'] },
      { line: 6, column: 52, says: ['"severity" in rule "sev": expected one of "error", "warning", "info", "off", found "fatal"'] },
      { line: 7, column: 49, says: ['"level" in rule "lvl": expected one of "file", "layer", found "module"'] },
      { line: 7, column: 59, says: ['field "order" in rule "lvl" is not allowed when kind is "no-cycle"', 'only kind "layers" has it'] },
      { line: 9, column: 3, says: ['unknown field "layer" — did you mean "layers"?'] },
    ]);
  });

  it('names the valid rule kinds for an unknown one', () => {
    assertProblems(loadFixture('errors', 'unknown-kind.json'), 'errors/unknown-kind.json', [
      { line: 3, column: 26, says: ['unknown rule kind "forbiden" in rule "a" — did you mean "forbidden"?', 'forbidden, allowed, layers, no-cycle, entry-point, no-unresolved'] },
      { line: 4, column: 26, says: ['unknown rule kind "banana" in rule "b"', 'Valid kinds: forbidden, allowed, layers, no-cycle, entry-point, no-unresolved'] },
      { line: 5, column: 5, says: ['rule #3 is missing required field "id"'] },
    ]);
  });
});

describe('loadRules: semantic problems', () => {
  it('reports unknown layers with a suggestion and the list of layers', () => {
    const result = loadFixture('errors', 'unknown-layer.json');
    assert.equal(result.ok, false);
    assertProblems(result, 'errors/unknown-layer.json', [
      { line: 9, column: 50, says: ['unknown layer "domian" — did you mean "domain"? Layers: ui, app, domain, infra'] },
      { line: 9, column: 93, says: ['unknown layer "persistence". Layers: ui, app, domain, infra'] },
    ]);
    // Errors still leave a best-effort configuration for the editor.
    assert.ok(!result.ok && result.partial);
    assert.deepEqual(result.partial.rules.map((r) => r.id), ['pure']);
  });

  it('rejects bad globs with the reason', () => {
    assertProblems(loadFixture('errors', 'bad-globs.json'), 'errors/bad-globs.json', [
      { line: 2, column: 15, says: ['"/abs/**" is absolute'] },
      { line: 2, column: 26, says: ['contains a backslash'] },
      { line: 3, column: 15, says: ['"src/../x/**" contains ".."'] },
      { line: 3, column: 30, says: ['empty pattern'] },
      { line: 3, column: 34, says: ['"src/[ab/**": "[" at column 5 is never closed'] },
      { line: 3, column: 48, says: ['"src/{a,b/**": "{" is never closed'] },
      { line: 5, column: 58, says: ['capture "{feature}" must come before any "**"'] },
    ]);
  });

  it('requires captures used in "to" to be captured in "from"', () => {
    assertProblems(loadFixture('errors', 'captures.json'), 'errors/captures.json', [
      { line: 4, column: 50, says: ['capture "{feat}" in "to" of rule "features-isolated" is not captured in "from"', 'did you mean "feature"?'] },
      { line: 5, column: 58, says: ['"!{x}" only works in "to"'] },
    ]);
  });

  it('checks rule values: layer order, entry files, duplicate ids, something to forbid', () => {
    assertProblems(loadFixture('errors', 'rule-values.json'), 'errors/rule-values.json', [
      { line: 4, column: 49, says: ['layers rule "order" needs at least 2 layers in "order", found 1'] },
      { line: 5, column: 88, says: ['entry-point rule "public-api" needs at least one file in "entry"'] },
      { line: 6, column: 13, says: ['duplicate rule id "order" (first defined on line 4)'] },
      { line: 7, column: 13, says: ['forbidden rule "empty" forbids nothing'] },
    ]);
  });

  it('checks debt and windows: tags, ticket link, dates, goals, ids', () => {
    assertProblems(loadFixture('errors', 'debt-and-windows.json'), 'errors/debt-and-windows.json', [
      { line: 5, column: 36, severity: 'warning', says: ['"debt.require.owner" names tag "HACK", which is not in "debt.tags"'] },
      { line: 6, column: 18, says: ['"ticketUrl" must be an http:// or https:// address'] },
      { line: 9, column: 49, says: ['window "w1" ends (2026-11-01) before it starts (2026-11-02)'] },
      { line: 9, column: 108, says: ['goal #1 of window "w1" names unknown rule "domain-pur" — did you mean "domain-pure"?'] },
      { line: 10, column: 28, says: ['"start" in window "w2": 2026-02-30 is not a real date'] },
      { line: 10, column: 49, says: ['"end" in window "w2": expected a date written YYYY-MM-DD (such as 2026-11-02), found "2026-3-01"'] },
      { line: 11, column: 13, says: ['duplicate window id "w1" (first defined on line 9)'] },
    ]);
  });

  it('requires {ticket} in the ticket link', () => {
    assertProblems(loadFixture('errors', 'ticket-url.json'), 'errors/ticket-url.json', [
      { line: 2, column: 26, says: ['"ticketUrl" must contain "{ticket}"'] },
    ]);
  });

  it('keeps a file with only warnings usable', () => {
    const result = loadFixture('errors', 'warnings-only.json');
    assert.ok(result.ok);
    assertProblems(result, 'errors/warnings-only.json', [
      { line: 4, column: 29, severity: 'warning', says: ['"debt.require.ticket" names tag "DEBTT"', 'did you mean "DEBT"?'] },
    ]);
    assert.deepEqual(result.config.debt.require.ticket, ['DEBTT']);
  });
});

describe('loadRules: defaults and options', () => {
  it('fills in defaults and reads every rule option', () => {
    const config = loadedConfig('defaults', 'guardrails.json');
    assert.deepEqual(config.include.map((p) => [p.pattern, p.location.range.start.line]), [['**/*', 1]]);
    assert.deepEqual(config.exclude.map((p) => p.pattern), ['**/node_modules/**', '**/.git/**']);
    assert.equal(config.maxFileBytes, 1024 * 1024);
    assert.equal(config.baseline, undefined);
    assert.equal(config.tsconfig, rulesFixture('defaults', 'tsconfig.build.json'));
    assert.deepEqual(config.debt, {
      tags: { TODO: 'info', FIXME: 'warning', HACK: 'warning', XXX: 'warning', DEBT: 'warning' },
      require: { owner: [], ticket: [], due: [], estimate: [] },
      overdueSeverity: 'error',
      warnDaysBeforeDue: 7,
      match: 'start',
    });
    assert.deepEqual(config.layers.map((l) => [l.name, l.files.map((f) => f.pattern)]), [['app', ['src/app/**', 'src/main.ts']], ['lib', ['src/lib/**']]]);

    const allowed = rule(config.rules, 'app-only-lib', 'allowed');
    assert.equal(allowed.allowTypeOnly, true);
    assert.deepEqual(allowed.kinds, ['static', 're-export']);
    assert.equal(allowed.toPackages, undefined, 'packages are not restricted when absent');
    assert.equal(allowed.toBuiltins, undefined);
    const cycles = rule(config.rules, 'layer-cycles', 'no-cycle');
    assert.equal(cycles.severity, 'off');
    assert.equal(cycles.level, 'layer');
    assert.deepEqual(cycles.scope, []);
    assert.deepEqual(cycles.exceptions.map((p) => p.pattern), ['src/legacy/**']);
    const noNode = rule(config.rules, 'no-node', 'forbidden');
    assert.deepEqual(noNode.from.map((s) => [s.text, s.layer]), [['src/lib/**', undefined]]);
    assert.deepEqual(noNode.toBuiltins.map((p) => p.pattern), ['*']);

    // 2024 is a leap year: February 29th is a real date. Title and scope default.
    assert.deepEqual(config.windows.map((w) => [w.id, w.title, w.end, w.scope]), [['tidy', 'tidy', '2024-02-29', ['**/*']]]);
    assert.deepEqual(config.windows[0].goals.map((g) => [g.metric, g.tag, g.scope, g.target]), [['estimate', 'TODO', ['src/app/**'], 4]]);
  });

  it('checks layer names, layer globs and captures outside from/to', () => {
    assertProblems(loadFixture('errors', 'layers.json'), 'errors/layers.json', [
      { line: 3, column: 5, says: ['invalid name "src/ui" in "layers": expected a layer name'] },
      { line: 4, column: 17, says: ['captures such as "{feature}" only work in a rule\'s "from" and "to"'] },
      { line: 5, column: 14, severity: 'warning', says: ['layer "empty" has no files'] },
      { line: 6, column: 35, says: ['unknown field "descripton" in layer "ok" — did you mean "description"?'] },
      { line: 9, column: 62, says: ['not in "order"'] },
    ]);
  });

  it('reports only the syntax error in a broken base, and still checks the file being loaded', () => {
    const result = loadFixture('broken-base', 'guardrails.json');
    assert.deepEqual(result.problems.map(describeProblem), [
      'broken-base/base.json:3:3 error JSON syntax error: expected a comma',
      'broken-base/guardrails.json:3:52 error unknown field "levl" in rule "cycles" — did you mean "level"?',
    ]);
  });
});

describe('loadRules: files that are not there or not rules', () => {
  it('reports a missing rules file', () => {
    const missing = rulesFixture('errors', 'does-not-exist.json');
    const result = loadRules(missing, new NodeFileSystem());
    assert.equal(result.ok, false);
    assert.deepEqual(result.problems.map(describeProblem), [`errors/does-not-exist.json:1:1 error rules file not found: ${missing}`]);
  });

  it('reports an empty file and a file that is not an object', () => {
    assertProblems(loadFixture('errors', 'empty.json'), 'errors/empty.json', [{ line: 1, column: 1, says: ['the rules file is empty'] }]);
    assertProblems(loadFixture('errors', 'not-an-object.json'), 'errors/not-an-object.json', [
      { line: 1, column: 1, says: ['the rules file: expected an object, found an array'] },
    ]);
  });
});
