// eslint-plugin-boundaries gives a file to the first element that matches it (nearest to the file
// first); a Guardrails layer is the most specific glob. The imported layers must place files where
// the plugin does, or say where they do not.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyzeDirectory } from '../../../src/core/analysis/analyze';
import { importEslintBoundaries } from '../../../src/core/import/eslintBoundaries/importEslintBoundaries';
import { formatNote, type ImportResult } from '../../../src/core/import/importResult';
import { toRelative } from '../../../src/core/util/paths';
import { listFiles, loadRendered } from './importKit';

function convert(config: unknown, files?: string[]): ImportResult {
  const imported = importEslintBoundaries(config, { files });
  if (!imported.ok) assert.fail(imported.message);
  return imported.result;
}

function workspace(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guardrails-import-'));
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

describe('import eslint-boundaries: overlapping elements', () => {
  // "legacy" is declared after "feature", whose pattern src/* covers src/legacy too: the plugin
  // never gives it a file, and src/legacy/old.ts is a feature. "shared", declared first, wins.
  const config = {
    settings: {
      'boundaries/elements': [
        { type: 'shared', pattern: 'src/shared' },
        { type: 'feature', pattern: 'src/*' },
        { type: 'legacy', pattern: 'src/legacy' },
      ],
      'boundaries/dependency-nodes': ['import'],
    },
    rules: {
      'boundaries/element-types': [2, {
        default: 'allow',
        rules: [
          { from: 'shared', disallow: ['feature'] },
          { from: 'feature', disallow: ['legacy'] },
        ],
      }],
    },
  };

  it('gives the earlier element the glob of a later one inside it, so the plugin\'s first match still wins', () => {
    const result = convert(config);
    assert.deepEqual(result.config.layers, {
      shared: 'src/shared/**',
      feature: ['src/*/**', 'src/legacy/**'],
      legacy: 'src/legacy/**',
    });
    assert.ok(result.notes.map(formatNote).includes(
      'approximated: settings boundaries/elements: the first matching element wins in eslint-plugin-boundaries and the most specific glob in Guardrails: src/legacy/** (element "legacy") in layer feature, declared first, so its files stay where the plugin puts them',
    ));
  });

  it('finds the imports the plugin reports, and none it does not', async () => {
    const dir = workspace({
      'src/shared/util.ts': "import { old } from '../legacy/old';\nexport const util = old;\n",
      'src/legacy/old.ts': 'export const old = 1;\n',
      'src/orders/index.ts': "import { old } from '../legacy/old';\nexport const orders = old;\n",
      'package.json': '{}\n',
    });
    const imported = convert(config, listFiles(dir));
    // Every file sits where the plugin puts it: no note counts a difference.
    assert.deepEqual(imported.notes.map(formatNote).filter((note) => note.includes('in another layer')), []);
    loadRendered(imported, dir, 'eslint-boundaries');
    const outcome = await analyzeDirectory(dir, {});
    assert.ok(outcome.ok);
    const found = outcome.result.violations.map((v) => `${v.ruleId} ${toRelative(dir, v.from)} -> ${v.to ? toRelative(dir, v.to) : ''}`).sort();
    // The plugin: src/legacy/old.ts is a feature, so shared → it is reported, orders → it is not.
    assert.deepEqual(found.filter((line) => line.startsWith('element-types/')), ['element-types/shared src/shared/util.ts -> src/legacy/old.ts']);
  });

  it('counts the files it cannot place as the plugin does, with one of them', () => {
    // The plugin takes the element nearest to the file: src/helpers/data/fetch.ts is a helper,
    // but "src/**" is the more specific glob of the two.
    const result = convert({
      settings: { 'boundaries/elements': [{ type: 'app', pattern: 'src' }, { type: 'helpers', pattern: 'helpers/*' }] },
    }, ['src/helpers/data/fetch.ts', 'src/main.ts', 'lib/helpers/x/y.ts']);
    assert.deepEqual(result.config.layers, { app: 'src/**', helpers: '**/helpers/*/**' });
    assert.ok(result.notes.map(formatNote).includes(
      'approximated: settings boundaries/elements: 1 file such as src/helpers/data/fetch.ts is in another layer than the plugin\'s element (src/helpers/data/fetch.ts is in app here, helpers in eslint-plugin-boundaries): the plugin takes the element that matches nearest to the file, a Guardrails layer the most specific glob',
    ));
  });
});
