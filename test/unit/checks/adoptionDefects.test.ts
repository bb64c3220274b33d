// Defects a real code base showed (issue 10): overlapping layers, package subpaths in toPackages,
// and the unknown-layer hint in a repository without src/.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { NodeFileSystem } from '../../../src/core/fs/nodeFileSystem';
import { loadRules } from '../../../src/core/rules/loadRules';
import { analyzeDirectory } from '../../../src/core/analysis/analyze';
import type { AnalysisResult } from '../../../src/core/model/types';
import { describeAll } from '../helpers/analyzeFixture';

function workspace(rules: unknown, files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guardrails-defects-'));
  fs.writeFileSync(path.join(dir, 'guardrails.json'), JSON.stringify(rules, null, 2));
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

async function analyze(dir: string): Promise<AnalysisResult> {
  const outcome = await analyzeDirectory(dir, { today: '2026-11-27' });
  if (!outcome.ok) assert.fail(outcome.message);
  return outcome.result;
}

describe('overlapping layers: the most specific glob wins', () => {
  it('puts each file in its most specific layer, whatever the order they are declared in', async () => {
    const dir = workspace({
      layers: { a: 'src/a/**', all: 'src/**', b: 'src/b/**' },
      rules: [{ id: 'a-not-b', kind: 'forbidden', from: 'a', to: 'b' }, { id: 'b-not-all', kind: 'forbidden', from: 'b', to: 'all' }],
    }, {
      'src/a/y.ts': "import { x } from '../b/x';\nexport const y = x;\n",
      'src/b/x.ts': "import { z } from '../z';\nexport const x = z;\n",
      'src/z.ts': 'export const z = 1;\n',
    });
    const result = await analyze(dir);
    assert.deepEqual(describeAll(result, (v) => v.ruleId !== 'unmatched-pattern'), [
      'a-not-b src/a/y.ts:1:19 -> src/b/x.ts',
      'b-not-all src/b/x.ts:1:19 -> src/z.ts',
    ]);
    assert.deepEqual(result.violations.filter((v) => v.ruleId === 'unmatched-pattern').map((v) => v.message), []);
  });

  it('says which layers claim every file of a layer, instead of "matches no file"', async () => {
    const dir = workspace({
      layers: { all: 'src/**', a: 'src/a/**', b: 'src/b/**' },
      rules: [{ id: 'a-not-b', kind: 'forbidden', from: 'a', to: 'b' }],
    }, { 'src/a/y.ts': 'export const y = 1;\n', 'src/b/x.ts': 'export const x = 1;\n' });
    const result = await analyze(dir);
    assert.deepEqual(result.violations.filter((v) => v.ruleId === 'unmatched-pattern').map((v) => v.message), [
      'every file of layer "all" (src/**) is in another layer (a, b) whose glob is more specific, or as specific and declared first; narrow its globs or remove it',
    ]);
  });
});

describe('toPackages with subpaths', () => {
  it('matches a package subpath and a glob of subpaths; a bare name still covers its subpaths', async () => {
    const dir = workspace({
      rules: [
        { id: 'no-ssr', kind: 'forbidden', from: 'src/**', toPackages: ['react-dom/server', 'lodash/*'] },
        { id: 'no-moment', kind: 'forbidden', from: 'src/**', toPackages: ['moment'] },
        { id: 'only-client', kind: 'allowed', from: 'src/**', toPackages: ['react-dom/client'] },
      ],
    }, {
      'src/x.ts': [
        "import { renderToString } from 'react-dom/server';",
        "import { createRoot } from 'react-dom/client';",
        "import ReactDOM from 'react-dom';",
        "import fp from 'lodash/fp';",
        "import map from 'lodash/fp/map';",
        "import _ from 'lodash';",
        "import tz from 'moment/timezone';",
        'export const all = [renderToString, createRoot, ReactDOM, fp, map, _, tz];',
      ].join('\n'),
    });
    const result = await analyze(dir);
    assert.deepEqual(describeAll(result), [
      'no-moment src/x.ts:7:16 -> pkg:moment',
      'no-ssr src/x.ts:1:32 -> pkg:react-dom',
      'no-ssr src/x.ts:4:16 -> pkg:lodash',
      'only-client src/x.ts:1:32 -> pkg:react-dom',
      'only-client src/x.ts:3:22 -> pkg:react-dom',
      'only-client src/x.ts:4:16 -> pkg:lodash',
      'only-client src/x.ts:5:17 -> pkg:lodash',
      'only-client src/x.ts:6:15 -> pkg:lodash',
      'only-client src/x.ts:7:16 -> pkg:moment',
    ]);
    assert.match(result.violations.find((v) => v.ruleId === 'no-ssr')!.message, /'react-dom\/server'/);
  });
});

describe('the unknown-layer hint without layers', () => {
  const load = (dir: string) => loadRules(path.join(dir, 'guardrails.json'), new NodeFileSystem());
  const rules = { rules: [{ id: 'x', kind: 'forbidden', from: 'server', to: 'client' }] };

  it('suggests the folders of that name that exist', () => {
    const dir = workspace(rules, { 'packages/server/index.ts': '', 'app/client/main.ts': '', 'app/server/x.ts': '' });
    assert.deepEqual(load(dir).problems.map((p) => p.message), [
      'unknown layer "server": no layers are defined (add a "layers" section, or write a glob such as "app/server/**" or "packages/server/**")',
      'unknown layer "client": no layers are defined (add a "layers" section, or write a glob such as "app/client/**")',
    ]);
  });

  it('never suggests a folder that does not exist', () => {
    const dir = workspace(rules, { 'app/main.ts': '', 'shared/util.ts': '' });
    const messages = load(dir).problems.map((p) => p.message);
    assert.deepEqual(messages, [
      'unknown layer "server": no layers are defined and no folder is named "server" (add a "layers" section, or write a glob of its files, such as "app/**")',
      'unknown layer "client": no layers are defined and no folder is named "client" (add a "layers" section, or write a glob of its files, such as "app/**")',
    ]);
    assert.ok(!messages.some((m) => m.includes('src/')));
  });
});
