import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { builtinModules } from 'node:module';
import * as path from 'node:path';
import { analyzeDirectory } from '../../../src/core/analysis/analyze';
import { importDependencyCruiser } from '../../../src/core/import/dependencyCruiser/importDependencyCruiser';
import { mergeDependencyCruiserConfigs } from '../../../src/core/import/dependencyCruiser/mergeConfigs';
import { formatNote, type ImportResult } from '../../../src/core/import/importResult';
import { renderRulesFile } from '../../../src/core/import/renderRulesFile';
import { toRelative } from '../../../src/core/util/paths';
import { fixturePath } from '../helpers/analyzeFixture';
import { copyToTemp, listFiles, loadRendered } from './importKit';

const LAYERED = fixturePath('import', 'dependency-cruiser', 'layered');

function importLayered(): ImportResult {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const config: unknown = require(path.join(LAYERED, '.dependency-cruiser.cjs'));
  const pkg = JSON.parse(fs.readFileSync(path.join(LAYERED, 'package.json'), 'utf8')) as Record<string, Record<string, string>>;
  const imported = importDependencyCruiser(config, {
    builtinModules,
    packageJson: { sections: { npm: Object.keys(pkg.dependencies), 'npm-dev': Object.keys(pkg.devDependencies) } },
    files: listFiles(LAYERED),
  });
  assert.ok(imported.ok);
  return imported.result;
}

function convert(config: unknown, files?: string[]): ImportResult {
  const imported = importDependencyCruiser(config, { builtinModules, files });
  assert.ok(imported.ok);
  return imported.result;
}

const rulesWithoutWhy = (result: ImportResult): unknown[] => result.config.rules.map(({ why: _why, ...rule }) => rule);

describe('import dependency-cruiser: a layered project', () => {
  it('maps each forbidden rule to the Guardrails rule that says the same', () => {
    const result = importLayered();
    const except = { exceptions: ['src/generated/**'] };
    assert.deepEqual(rulesWithoutWhy(result), [
      { id: 'no-circular', kind: 'no-cycle', severity: 'warning', allowTypeOnly: true, ...except },
      { id: 'features-isolated', kind: 'forbidden', severity: 'error', from: 'src/features/{feature}/**', to: 'src/features/!{feature}/**', ...except },
      { id: 'domains-apart/billing', kind: 'forbidden', severity: 'error', from: 'src/billing/**', to: 'src/support/**', ...except },
      { id: 'domains-apart/support', kind: 'forbidden', severity: 'error', from: 'src/support/**', to: 'src/billing/**', ...except },
      { id: 'shared-is-leaf', kind: 'forbidden', severity: 'error', from: 'src/shared/**', to: 'src/!(shared)/**', ...except },
      { id: 'ui-no-fs', kind: 'forbidden', severity: 'error', from: 'src/ui/**', toBuiltins: ['child_process', 'fs'], ...except },
      { id: 'domain-no-db', kind: 'forbidden', severity: 'warning', from: 'src/domain/**', toPackages: ['pg', 'mongodb'], ...except },
      { id: 'not-to-test', kind: 'forbidden', severity: 'error', from: '**/!(*.test.ts)', to: '**/*.test.ts', ...except },
      { id: 'not-to-dev-dep', kind: 'forbidden', severity: 'error', from: 'src*/**/!(*.test.ts)', toPackages: ['vitest'], allowTypeOnly: true, ...except },
      { id: 'not-to-unresolvable', kind: 'no-unresolved', severity: 'error', ...except },
    ]);
    assert.equal(result.config.rules[0].why, 'Cycles make modules impossible to understand or test alone.');
  });

  it('lists what it could not map, one line each, naming the rule and the field', () => {
    assert.deepEqual(importLayered().notes.map(formatNote), [
      'not mapped: options reporterOptions: only shape dependency-cruiser\'s reports',
      'not mapped: no-orphans from.orphan: Guardrails has no orphan check',
      'approximated: shared-is-leaf from/to: left out src/*: no file matches them now (import again if such files appear)',
      'approximated: ui-no-fs to.path: built-in fs also covers fs/… in Guardrails',
      'approximated: not-to-dev-dep from.pathNot: "**/*.test.ts" could not be taken out of src* with globs: the rule also covers what it matches there',
      'approximated: not-to-dev-dep to.dependencyTypes: the packages of devDependencies in package.json, listed by name as they are now: import again when they change',
      'approximated: not-to-dev-dep from/to: left out src*: no file matches them now (import again if such files appear)',
      'approximated: not-to-unresolvable to.couldNotResolve: dependency-cruiser also reports packages that are not installed; Guardrails reports relative and aliased imports that lead to no file',
      'not mapped: no-non-vetted-license to.licenseNot: Guardrails does not read package licenses',
      'approximated: options exclude: becomes an exception of every rule: dependency-cruiser does not see imports of excluded files, and Guardrails would still check the imports that lead into them; the files are still read (add them to "exclude" too if they should not be)',
    ]);
  });

  it('renders a rules file that the real loader reads without errors', () => {
    const result = importLayered();
    const text = renderRulesFile(result, { tool: 'dependency-cruiser', file: '.dependency-cruiser.cjs', version: '9.9.9' });
    assert.match(text, /^\/\/ Imported from \.dependency-cruiser\.cjs by `guardrails import dependency-cruiser` \(Guardrails 9\.9\.9\)\.\n/);
    assert.match(text, /\/\/ {3}not mapped: no-orphans from\.orphan: Guardrails has no orphan check\n/);
    assert.match(text, new RegExp(`\\{\\n  "rules": \\[\\n    \\{\\n      "id": "no-circular",\\n      "kind": "no-cycle",`));
    const dir = copyToTemp(LAYERED);
    const config = loadRendered(result, dir);
    assert.deepEqual(config.rules.map((rule) => rule.id), result.config.rules.map((rule) => rule.id));
  });

  it('finds the imports dependency-cruiser 16.10.4 reports on the same code', async () => {
    // Expected: `depcruise src --config .dependency-cruiser.cjs` on this fixture (with the packages
    // installed so that they resolve), one line per violation; the cycle is reported once here, on
    // the import that closes it, where dependency-cruiser marks cart.ts → money.ts.
    const dir = copyToTemp(LAYERED);
    loadRendered(importLayered(), dir);
    const outcome = await analyzeDirectory(dir, {});
    assert.ok(outcome.ok);
    const found = outcome.result.violations
      .map((v) => `${v.ruleId} ${toRelative(dir, v.from)} -> ${path.isAbsolute(v.to) ? toRelative(dir, v.to) : v.to}`)
      .sort();
    assert.deepEqual(found, [
      'domain-no-db src/domain/order.ts -> pkg:pg',
      'domains-apart/billing src/billing/invoice.ts -> src/support/ticket.ts',
      'features-isolated src/features/cart/cart.ts -> src/features/search/search.ts',
      'no-circular src/shared/money.ts -> src/features/cart/cart.ts',
      'not-to-dev-dep src/features/search/search.ts -> pkg:vitest',
      'not-to-test src/ui/page.ts -> src/features/cart/cart.test.ts',
      'not-to-unresolvable src/ui/page.ts -> unresolved:./nope',
      'shared-is-leaf src/shared/money.ts -> src/features/cart/cart.ts',
      'ui-no-fs src/ui/page.ts -> node:fs',
    ]);
  });
});

describe('import dependency-cruiser: rule by rule', () => {
  it('maps dependencyTypes to kinds, packages and built-ins, and dynamic to kinds', () => {
    const result = convert({
      forbidden: [
        { name: 'no-require', severity: 'error', from: { path: '^src/' }, to: { dependencyTypes: ['require'] } },
        { name: 'no-core', from: {}, to: { dependencyTypes: ['core'] } },
        { name: 'lazy-only', from: { path: '^src/app/' }, to: { path: '^src/heavy/', dynamic: false } },
        { name: 'no-npm', from: { path: '^src/domain/' }, to: { dependencyTypes: ['npm', 'npm-dev'], dependencyTypesNot: ['type-only'] } },
      ],
      options: { tsPreCompilationDeps: true },
    });
    assert.deepEqual(rulesWithoutWhy(result), [
      { id: 'no-require', kind: 'forbidden', severity: 'error', from: 'src/**', to: '**', toPackages: ['**'], toBuiltins: ['*'], kinds: ['require'] },
      { id: 'no-core', kind: 'forbidden', severity: 'warning', from: '**', toBuiltins: ['*'] },
      { id: 'lazy-only', kind: 'forbidden', severity: 'warning', from: 'src/app/**', to: 'src/heavy/**', kinds: ['static', 'type-only', 'require', 're-export', 'import-equals', 'reference'] },
    ]);
    // npm and npm-dev name package.json sections: without a package.json there is nothing to list.
    assert.deepEqual(result.notes.map(formatNote), ['not mapped: no-npm to.dependencyTypes: names package.json sections, and no package.json was found next to the configuration']);
  });

  it('leaves out a rule whose condition Guardrails cannot check, rather than widen it', () => {
    const result = convert({
      forbidden: [
        { name: 'deprecated', from: {}, to: { dependencyTypes: ['deprecated'] } },
        { name: 'subpaths', from: { path: '^test/' }, to: { path: '^src/', dependencyTypesNot: ['aliased-subpath-import'] } },
        { name: 'reach', from: { path: '^src/main' }, to: { path: '^src/', reachable: false } },
        { from: {}, to: { moreUnstable: true } },
        { name: 'folders', scope: 'folder', from: {}, to: { circular: true } },
        { name: 'exotic', from: {}, to: { exoticallyRequired: true } },
      ],
      required: [{ name: 'must-use-domain', module: { path: '^src/commands/' }, to: { path: '^src/domain/' } }],
      options: { tsPreCompilationDeps: true },
    });
    assert.deepEqual(result.config.rules, []);
    assert.deepEqual(result.notes.map(formatNote), [
      'not mapped: deprecated to.dependencyTypes "deprecated": Guardrails does not know which packages are deprecated',
      'not mapped: subpaths to.dependencyTypesNot "aliased-subpath-import": Guardrails resolves aliases like TypeScript does and does not tell aliased imports apart; without it the rule would report those too',
      'not mapped: reach to.reachable: Guardrails does not check reachability',
      'not mapped: unnamed-4 to.moreUnstable: Guardrails does not compute stability metrics',
      'not mapped: folders scope: Guardrails has no folder-level rules',
      'not mapped: exotic to.exoticallyRequired: Guardrails does not see exotic requires',
      'not mapped: must-use-domain required: Guardrails has no "must depend on" rules',
    ]);
  });

  it('maps circular with a from path to a no-cycle scope, and severity ignore to off', () => {
    const result = convert({
      forbidden: [{ name: 'battle-no-circular', severity: 'ignore', from: { path: '^src/battle/' }, to: { circular: true } }],
      options: { tsPreCompilationDeps: true },
    });
    assert.deepEqual(rulesWithoutWhy(result), [{ id: 'battle-no-circular', kind: 'no-cycle', severity: 'off', scope: ['src/battle/**'] }]);
    assert.match(formatNote(result.notes[0]), /^approximated: battle-no-circular from: becomes the no-cycle scope/);
  });

  it('joins allowed rules into one allowed rule at allowedSeverity', () => {
    const result = convert({
      allowed: [
        { from: {}, to: { path: '^src/shared/' } },
        { from: { path: '^src/app/' }, to: { path: '^src/(app|domain)/' } },
        { from: { path: '^src/app/' }, to: { dependencyTypes: ['core'] } },
      ],
      allowedSeverity: 'error',
      options: { tsPreCompilationDeps: true },
    });
    // Built-ins are all allowed (no toBuiltins); packages none (toPackages: []), as no rule names them.
    assert.deepEqual(rulesWithoutWhy(result), [
      { id: 'not-in-allowed', kind: 'allowed', severity: 'error', from: 'src/app/**', to: ['src/@(app|domain)/**', 'src/shared/**'], toPackages: [] },
    ]);
    assert.deepEqual(result.notes.map(formatNote), ["approximated: allowed to: Guardrails' allowed rules do not report unresolved imports (use a no-unresolved rule)"]);
  });

  it('merges extends the way dependency-cruiser does: named rules by name, the extending one wins', () => {
    const base = { forbidden: [{ name: 'no-circular', severity: 'warn', from: {}, to: { circular: true } }, { name: 'a', from: {}, to: { path: 'x' } }], options: { tsPreCompilationDeps: false, exclude: 'dist' } };
    const extending = { forbidden: [{ name: 'no-circular', severity: 'error' }], options: { tsPreCompilationDeps: true } };
    const merged = mergeDependencyCruiserConfigs(extending, base);
    assert.deepEqual(merged, {
      forbidden: [{ name: 'no-circular', severity: 'error', from: {}, to: { circular: true } }, { name: 'a', from: {}, to: { path: 'x' } }],
      options: { tsPreCompilationDeps: true, exclude: 'dist' },
    });
  });

  it('gives every rule allowTypeOnly when dependency-cruiser never sees type-only imports', () => {
    const result = convert({ forbidden: [{ name: 'x', from: { path: '^a/' }, to: { path: '^b/' } }] });
    assert.equal(result.config.rules[0].allowTypeOnly, true);
    assert.match(result.notes.map(formatNote).join('\n'), /approximated: options tsPreCompilationDeps: is off/);
  });

  it('says so when the file is no configuration object', () => {
    const imported = importDependencyCruiser(42, { builtinModules });
    assert.deepEqual(imported, { ok: false, message: 'the file does not export a dependency-cruiser configuration (an object with "forbidden", "allowed" or "options")' });
  });
});
