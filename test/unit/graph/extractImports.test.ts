import * as assert from 'node:assert/strict';
import { extractImports } from '../../../src/core/graph/extractImports';
import { parseSource } from '../../../src/core/graph/parseSource';
import { edgeRows, fixture, runGraph } from './graphTestKit';

function refs(file: string, text: string): string[] {
  return extractImports(parseSource(file, text).sourceFile).map(
    (r) => `${r.range.start.line}:${r.range.start.column}-${r.range.end.line}:${r.range.end.column} ${r.kind}${r.typeOnly ? ' (type)' : ''} ${r.specifier}`,
  );
}

describe('extractImports', () => {
  it('finds every import form of a file, in source order, at the specifier', async () => {
    const run = await runGraph(fixture('forms'));
    assert.deepEqual(edgeRows(run, 'src/forms.ts'), [
      'src/forms.ts:1:21 reference → src/deps/globals.d.ts',
      'src/forms.ts:2:17 static → src/deps/default.ts',
      'src/forms.ts:3:23 static → src/deps/named.ts',
      'src/forms.ts:4:21 static → src/deps/namespace.ts',
      'src/forms.ts:5:8 static → src/deps/side-effect.ts',
      'src/forms.ts:6:25 type-only (type) → src/deps/type-import.ts',
      'src/forms.ts:7:34 type-only (type) → src/deps/type-specifiers.ts',
      // a default import next to a type specifier still loads the module
      'src/forms.ts:8:32 static → src/deps/mixed.ts',
      'src/forms.ts:9:16 static → src/deps/empty-braces.ts',
      'src/forms.ts:10:28 re-export → src/deps/reexport.ts',
      'src/forms.ts:11:15 re-export → src/deps/star.ts',
      'src/forms.ts:12:25 re-export → src/deps/star-ns.ts',
      'src/forms.ts:13:25 re-export (type) → src/deps/type-reexport.ts',
      'src/forms.ts:14:25 re-export (type) → src/deps/type-specifier-reexport.ts',
      'src/forms.ts:15:21 import-equals → src/deps/import-equals.ts',
      'src/forms.ts:16:30 import-equals (type) → src/deps/import-equals-type.ts',
      'src/forms.ts:19:29 dynamic → src/deps/lazy.ts',
      'src/forms.ts:20:28 require → src/deps/required.ts',
      'src/forms.ts:21:29 require → src/deps/templated.ts',
      // require(name), require('x', 1) and import(name) are not static dependencies
      'src/forms.ts:25:24 type-only (type) → src/deps/typeof-import.ts',
      'src/forms.ts:26:17 type-only (type) → src/deps/import-type.ts',
      // `declare module './x'` in a module augments x
      'src/forms.ts:30:16 type-only (type) → src/deps/augmented.ts',
    ]);
  });

  it('reads imports inside an ambient `declare module` block of a script, without an edge to the declared name', async () => {
    const run = await runGraph(fixture('forms'));
    assert.deepEqual(edgeRows(run, 'src/ambient.ts'), ['src/ambient.ts:3:25 static → pkg:shapes-lib']);
  });

  it('ranges cover the literal with its quotes', async () => {
    assert.deepEqual(refs('/w/a.ts', "/// <reference path=\"x.d.ts\" />\nimport a from 'ab';\nconst b = require(`cd`);"), [
      '1:21-1:29 reference x.d.ts',
      '2:15-2:19 static ab',
      '3:19-3:23 require cd',
    ]);
  });

  it('finds require and import() nested in functions, classes and JSX', async () => {
    const text = [
      'class A {',
      '  m() { return () => [require("./one"), import("./two")]; }',
      '}',
      'export const C = () => <div onClick={() => import("./three")} />;',
    ].join('\n');
    assert.deepEqual(refs('/w/a.jsx', text), [
      '2:31-2:38 require ./one',
      '2:48-2:55 dynamic ./two',
      '4:51-4:60 dynamic ./three',
    ]);
  });

  it('finds calls written with a space before the parenthesis (the cheap pre-check must not miss them)', async () => {
    assert.deepEqual(refs('/w/a.js', "export function f() { return [require ('./x'), import ('./y')]; }"), [
      '1:40-1:45 require ./x',
      '1:56-1:61 dynamic ./y',
    ]);
  });

  it('reads JSDoc @import tags and import types in JS files, as type-only', async () => {
    const text = [
      '/** @import { A } from "./a" */',
      '/** @type {import("./b").B} */',
      'const x = 1;',
      '/**',
      ' * @param {typeof import("./c")} p',
      ' */',
      'function f(p) {}',
    ].join('\n');
    assert.deepEqual(refs('/w/a.js', text), [
      '1:24-1:29 type-only (type) ./a',
      '2:19-2:24 type-only (type) ./b',
      '5:26-5:31 type-only (type) ./c',
    ]);
    // in TS files JSDoc carries no types
    assert.deepEqual(refs('/w/a.ts', text), []);
  });

  it('does not treat a member `.require()` or `import.meta` as an import', async () => {
    assert.deepEqual(refs('/w/a.js', "module.require('./a');\nconst u = import.meta.url;\nrequire.resolve('./b');"), []);
  });

  it('reads a deeply nested expression without overflowing the stack', async () => {
    // the parser builds `1 + 1 + …` as a left-nested tree 20 000 levels deep
    const text = `const x = ${'1 + '.repeat(20000)}require('./deep');`;
    assert.deepEqual(refs('/w/a.js', text).map((r) => r.split(' ').slice(1).join(' ')), ['require ./deep']);
  });
});
