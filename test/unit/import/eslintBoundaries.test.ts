import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'jsonc-parser';
import { analyzeDirectory } from '../../../src/core/analysis/analyze';
import { importEslintBoundaries } from '../../../src/core/import/eslintBoundaries/importEslintBoundaries';
import { formatNote, type ImportResult } from '../../../src/core/import/importResult';
import { toRelative } from '../../../src/core/util/paths';
import { fixturePath } from '../helpers/analyzeFixture';
import { copyToTemp, listFiles, loadRendered } from './importKit';

function convert(config: unknown, files?: string[]): ImportResult {
  const imported = importEslintBoundaries(config, { files });
  if (!imported.ok) assert.fail(imported.message);
  return imported.result;
}

const LEGACY = fixturePath('import', 'eslint-boundaries', 'legacy');

describe('import eslint-boundaries: an .eslintrc with captured segments', () => {
  const legacy = (): ImportResult => convert(parse(fs.readFileSync(path.join(LEGACY, '.eslintrc.json'), 'utf8')));

  it('turns elements into layers and the element-types rule into forbidden rules', () => {
    const result = legacy();
    assert.deepEqual(result.config.layers, {
      helpers: 'helpers/*/**',
      components: 'src/components/*/*/**',
      modules: 'src/modules/*/**',
      pages: 'src/pages/*.tsx',
    });
    const except = { severity: 'error', exceptions: ['**/*.test.ts', '**/*.test.tsx'] };
    assert.deepEqual(result.config.rules, [
      { id: 'element-types/helpers', kind: 'forbidden', ...except, from: 'helpers', to: ['components', 'modules', 'pages'] },
      { id: 'element-types/components', kind: 'forbidden', ...except, from: 'components', to: ['modules', 'pages'] },
      { id: 'element-types/modules', kind: 'forbidden', ...except, from: 'modules', to: ['pages'] },
      // Atoms may not use data helpers.
      { id: 'element-types/components-helpers', kind: 'forbidden', ...except, from: 'src/components/atom/*/**', to: 'helpers/data/**' },
      // Molecules are off limits for other components; inside one component everything goes.
      { id: 'element-types/components-components', kind: 'forbidden', ...except, from: 'src/components/!(molecule)/*/**', to: 'src/components/molecule/*/**' },
      { id: 'element-types/components-components-2', kind: 'forbidden', ...except, from: 'src/components/molecule/{elementName}/**', to: 'src/components/molecule/!{elementName}/**' },
    ]);
  });

  it('lists what did not come along', () => {
    assert.deepEqual(legacy().notes.map(formatNote), [
      'not mapped: ESLint configuration extends: plugin:boundaries/recommended not followed: boundaries settings or rules in shared configurations are not imported',
      'not mapped: boundaries/no-private rules: has no Guardrails import (only the element-types rule is imported)',
      'approximated: settings boundaries/elements: patterns that start with a folder name are anchored at the root (helpers/*/**, src/components/*/*/**, src/modules/*/**, src/pages/*.tsx); eslint-plugin-boundaries also matches them below other folders',
      'approximated: boundaries/element-types rules: turned off for **/*.test.ts, **/*.test.tsx: those files are exceptions, which also leaves out imports of them',
      'approximated: settings boundaries/dependency-nodes: not set: eslint-plugin-boundaries 6 checks import, export, require and import() (5 and older: import only); every kind of import is checked',
    ]);
  });

  it('keeps a folder pattern unanchored where the project shows it lives deeper', () => {
    const result = convert(parse(fs.readFileSync(path.join(LEGACY, '.eslintrc.json'), 'utf8')), ['src/helpers/data/fetch.ts', 'src/components/atom/Button/index.tsx']);
    assert.equal((result.config.layers as Record<string, string>).helpers, '**/helpers/*/**');
    // Its captured category now sits after "**": no glob can compare it, and the import says so.
    assert.ok(result.notes.map(formatNote).includes('not mapped: boundaries/element-types components → helpers: "category" is not a whole "*" segment of **/helpers/*/**, so no capture can compare it'));
  });

  it('writes a rules file the loader reads, whose checks find what the plugin reports', async () => {
    const dir = copyToTemp(LEGACY);
    const write = (file: string, text: string): void => {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), text);
    };
    write('helpers/data/fetch.ts', 'export const fetch = 1;\n');
    write('helpers/format/money.ts', "import { Card } from '../../src/components/molecule/Card/card';\nexport const money = Card;\n");
    write('src/components/atom/Button/button.ts', "import { fetch } from '../../../../helpers/data/fetch';\nimport { Card } from '../../molecule/Card/card';\nimport { Icon } from './icon';\nexport const Button = [fetch, Card, Icon];\n");
    write('src/components/atom/Button/icon.ts', 'export const Icon = 1;\n');
    write('src/components/molecule/Card/card.ts', "import { List } from '../List/list';\nimport { Title } from './title';\nexport const Card = [List, Title];\n");
    write('src/components/molecule/Card/title.ts', 'export const Title = 1;\n');
    write('src/components/molecule/List/list.ts', 'export const List = 1;\n');
    write('src/modules/checkout/index.ts', 'export const checkout = 1;\n');
    write('src/pages/home.tsx', 'export const home = 1;\n');
    write('src/components/molecule/Card/card.test.ts', "import { Button } from '../../atom/Button/button';\nexport const t = Button;\n");
    const imported = convert(parse(fs.readFileSync(path.join(LEGACY, '.eslintrc.json'), 'utf8')), listFiles(dir));
    assert.deepEqual(imported.config.rules, legacy().config.rules.map((rule) => ({ ...rule, exceptions: ['**/*.test.ts'] })));
    loadRendered(imported, dir, 'eslint-boundaries');
    const outcome = await analyzeDirectory(dir, {});
    assert.ok(outcome.ok);
    const found = outcome.result.violations.filter((v) => v.ruleId !== 'unmatched-pattern').map((v) => `${v.ruleId} ${toRelative(dir, v.from)} -> ${toRelative(dir, v.to)}`).sort();
    assert.deepEqual(outcome.result.violations.filter((v) => v.ruleId === 'unmatched-pattern').map((v) => v.message), []);
    assert.deepEqual(found, [
      'element-types/components-components src/components/atom/Button/button.ts -> src/components/molecule/Card/card.ts',
      'element-types/components-components-2 src/components/molecule/Card/card.ts -> src/components/molecule/List/list.ts',
      'element-types/components-helpers src/components/atom/Button/button.ts -> helpers/data/fetch.ts',
      'element-types/helpers helpers/format/money.ts -> src/components/molecule/Card/card.ts',
    ]);
  });
});

describe('import eslint-boundaries: rules in every form', () => {
  const elements = [
    { type: 'app', pattern: 'src/app', mode: 'folder' },
    { type: 'feature', pattern: 'src/features/*', capture: ['featureName'] },
    { type: 'shared', pattern: 'src/shared' },
  ];

  it('reads v6 object selectors and the dependencies rule name', () => {
    const result = convert([
      {
        settings: { 'boundaries/elements': elements },
        rules: {
          'boundaries/dependencies': ['warn', {
            default: 'disallow',
            rules: [
              { from: { type: 'app' }, allow: [{ to: { type: ['feature', 'shared'] } }] },
              { from: { type: 'feature' }, allow: [{ to: { type: 'shared' } }, { to: { type: 'feature', captured: { featureName: '{{ from.captured.featureName }}' } } }] },
              { from: { type: 'shared' }, allow: { to: { type: 'shared' } } },
            ],
          }],
        },
      },
    ]);
    assert.deepEqual(result.config.rules, [
      { id: 'dependencies/feature', kind: 'forbidden', severity: 'warning', from: 'feature', to: ['app'] },
      { id: 'dependencies/shared', kind: 'forbidden', severity: 'warning', from: 'shared', to: ['app', 'feature'] },
      { id: 'dependencies/feature-feature', kind: 'forbidden', severity: 'warning', from: 'src/features/{featureName}/**', to: 'src/features/!{featureName}/**' },
    ]);
  });

  it('lets the last matching rule decide, disallow winning within a rule', () => {
    const result = convert({
      settings: { 'boundaries/elements': elements },
      rules: {
        'boundaries/element-types': [2, {
          default: 'allow',
          rules: [
            { from: ['feature'], disallow: ['app', 'shared'] },
            // A later rule allows shared again; one that both allows and disallows app disallows it.
            { from: 'feature', allow: ['shared', 'app'], disallow: ['app'] },
          ],
        }],
      },
      'boundaries/dependency-nodes': ['import'],
    });
    assert.deepEqual(result.config.rules, [{ id: 'element-types/feature', kind: 'forbidden', severity: 'error', from: 'feature', to: ['app'] }]);
  });

  it('leaves out what it cannot read and says why', () => {
    const result = convert({
      settings: { 'boundaries/elements': [...elements, { category: 'test', pattern: '**/*.test.ts', mode: 'file' }], 'boundaries/dependency-nodes': ['import', 'export'] },
      rules: {
        'boundaries/element-types': ['error', {
          default: 'disallow',
          rules: [
            { from: 'app', allow: [{ to: { type: 'feature', internalPath: 'index.ts' } }] },
            { from: 'shared', allow: ['shared'], importKind: 'type' },
            { from: 'feature', allow: 'shared' },
          ],
        }],
      },
    });
    assert.deepEqual(result.config.rules, [
      { id: 'element-types/app', kind: 'forbidden', severity: 'error', from: 'app', to: ['feature', 'shared'], kinds: ['static', 'type-only', 're-export'] },
      { id: 'element-types/feature', kind: 'forbidden', severity: 'error', from: 'feature', to: ['app'], kinds: ['static', 'type-only', 're-export'] },
      { id: 'element-types/shared', kind: 'forbidden', severity: 'error', from: 'shared', to: ['app', 'feature'], kinds: ['static', 'type-only', 're-export'] },
      { id: 'element-types/feature-feature', kind: 'forbidden', severity: 'error', from: 'src/features/{featureName}/**', to: 'src/features/!{featureName}/**', kinds: ['static', 'type-only', 're-export'] },
    ]);
    assert.deepEqual(result.notes.map(formatNote), [
      'not mapped: settings boundaries/elements[3]: has no type (categories are not imported)',
      'approximated: settings boundaries/elements: patterns that start with a folder name are anchored at the root (src/app/**, src/features/*/**, src/shared/**); eslint-plugin-boundaries also matches them below other folders',
      'not mapped: boundaries/element-types rules[0]: an element selector with "internalPath" has no Guardrails form; the rule is left out, so what it decides is decided by the others',
      'not mapped: boundaries/element-types rules[1]: "importKind" has no Guardrails form; the rule is left out, so what it decides is decided by the others',
    ]);
  });

  it('says so when the configuration has no boundaries elements', () => {
    assert.deepEqual(importEslintBoundaries({ rules: { semi: 'error' } }), { ok: false, message: 'no "boundaries/elements" setting: this configuration does not use eslint-plugin-boundaries elements' });
    assert.equal(importEslintBoundaries(42).ok, false);
  });
});
