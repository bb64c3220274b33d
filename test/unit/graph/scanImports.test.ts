import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { analyzeFileText, type FileFacts } from '../../../src/core/analysis/fileAnalysis';
import type { DebtPolicy } from '../../../src/core/model/ruleTypes';
import { repositorySources } from '../helpers/repositorySources';

const POLICY: DebtPolicy = {
  tags: { TODO: 'info', FIXME: 'warning' },
  require: { owner: [], ticket: [], due: [], estimate: [] },
  overdueSeverity: 'error',
  warnDaysBeforeDue: 14,
  match: 'start',
};
const context = { root: '/w', policy: POLICY, today: '2026-12-07' };

const scanned = (file: string, text: string): FileFacts => analyzeFileText(file, text, { ...context, withoutParseErrors: true });
const parsed = (file: string, text: string): FileFacts => analyzeFileText(file, text, context);
/** Everything but parse errors, which a scan does not look for. */
const comparable = (facts: FileFacts) => ({
  imports: facts.imports,
  debt: facts.debt,
  suppressions: facts.suppressions,
  problems: facts.problems.filter((problem) => problem.ruleId !== 'parse-error'),
});
const imports = (facts: FileFacts): string[] => facts.imports.map((ref) => `${ref.kind}${ref.typeOnly ? ' type' : ''} ${ref.specifier} ${ref.range.start.line}:${ref.range.start.column}`);

/** A file's facts without a syntax tree (a window's past commits) must be those of its tree, or the file is parsed. */
describe('facts read with the scanner alone', () => {
  it('are exactly the facts of the parsed tree, in every source file of the repository and its fixtures', () => {
    const files = repositorySources();
    assert.ok(files.length > 300, `${files.length} files`);
    let handedBack = 0;
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      const fromScan = scanned(file, text);
      if (!fromScan.withoutParseErrors) handedBack++;
      else assert.deepEqual(comparable(fromScan), comparable(parsed(file, text)), file);
    }
    assert.ok(handedBack <= files.length / 10, `${handedBack} of ${files.length} files handed back to the parser`);
  });

  it('tells type-only imports and re-exports from the others as the tree does', () => {
    const text = [
      "import Fuse, { type Options } from 'fuse';", // a default import: not type-only
      "import { type A, type B as C } from 'only-types';",
      "import type D from 'type-default';",
      "import type from 'named-type';", // the default import is called `type`
      "import type, { e } from 'named-type-too';",
      "import type * as ns from 'type-namespace';",
      "import {} from 'nothing-named';",
      "import 'side-effect';",
      "import x = require('equals');",
      "import type y = require('type-equals');",
      'import z = Fuse.Options;',
      "export * from 'all';",
      "export type * as t from 'all-types';",
      "export { type f, type g as h } from 'exported-types';",
      "export { i, type j } from 'mixed';",
      'export { k };',
      'export type Alias = { import: string };',
      "const meta = import.meta.url; // TODO: a real comment with 'quotes'",
      "@sealed({ by: f(1) / g(2) })\nexport class Decorated {}", // a decorator's `)` is no condition
      'const k = 1;',
    ].join('\n');
    const facts = scanned('a.ts', text);
    assert.equal(facts.withoutParseErrors, true);
    assert.deepEqual(imports(facts), [
      'static fuse 1:36', 'type-only type only-types 2:37', 'type-only type type-default 3:20', 'static named-type 4:18',
      'static named-type-too 5:25', 'type-only type type-namespace 6:26', 'static nothing-named 7:16', 'static side-effect 8:8',
      'import-equals equals 9:20', 'import-equals type type-equals 10:25', 're-export all 12:15', 're-export type all-types 13:25',
      're-export type exported-types 14:37', 're-export mixed 15:27',
    ]);
    assert.deepEqual(comparable(facts), comparable(parsed('a.ts', text)));
    assert.deepEqual(facts.debt.map((item) => item.text), ["a real comment with 'quotes'"]);
  });

  it('counts `require` calls the way the tree does, never a method, a constructor or a namespace alias', () => {
    const text = [
      "const a = require('a');",
      "const b = require(`b`, );", // one argument, a trailing comma
      "const c = obj.require('not-c');",
      "const d = new require('not-d');",
      "const e = require('e', 'second');", // two arguments: not a dependency
      "const f = `${require('f')}`;",
      "const s = 'require(\"not-in-a-string\")'; // require('not-in-a-comment')",
      "namespace N { import alias = require('not-an-alias'); }",
      "class Store { import = require('member-value'); import: number = 1; }",
      "const r = /require\\('not-in-a-regex'\\)/.test(s);",
    ].join('\n');
    const facts = scanned('b.ts', text);
    assert.equal(facts.withoutParseErrors, true);
    assert.deepEqual(imports(facts), ['require a 1:19', 'require b 2:19', 'require f 6:22', 'require member-value 9:32']);
    assert.deepEqual(comparable(facts), comparable(parsed('b.ts', text)));
  });

  it('reads `import(…)` that ends an expression or is awaited as the dynamic import it is', () => {
    const text = [
      "const Page = lazy(() => import('./page'));",
      "const routes = { settings: () => import('./settings'), [key]: () => import('./keyed') };",
      "const pick = ok ? () => import('./yes') : () => import('./no');",
      "export const ready = () => import('./ready').then((m) => m.default);",
      "type Later = () => import('./types').Later;",
    ].join('\n');
    const facts = scanned('routes.ts', text);
    // The last line is a type: the file is left to the parser, which reads every one of them.
    assert.equal(facts.withoutParseErrors, undefined);
    const withoutTheType = text.slice(0, text.lastIndexOf('\n'));
    const read = scanned('routes.ts', withoutTheType);
    assert.equal(read.withoutParseErrors, true);
    assert.deepEqual(imports(read), ['dynamic ./page 1:32', 'dynamic ./settings 2:41', 'dynamic ./keyed 2:76', 'dynamic ./yes 3:32', 'dynamic ./no 3:56', 'dynamic ./ready 4:35']);
    assert.deepEqual(comparable(read), comparable(parsed('routes.ts', withoutTheType)));
  });

  it('reads `import(…)` where only a value can follow, and a call without a literal as nothing', () => {
    const text = "async function load(name: string) {\n  const page = await import('./page');\n  return import(`./${name}`) ?? import(name);\n}\nclass C { import(p: string) { return p; } }\n";
    const facts = scanned('c.ts', text);
    assert.equal(facts.withoutParseErrors, true);
    assert.deepEqual(imports(facts), ['dynamic ./page 2:29']);
    assert.deepEqual(comparable(facts), comparable(parsed('c.ts', text)));
    // A comment between `import` and `(` (a bundler's chunk name) hides nothing from either.
    const commented = "const m = await import /* chunk */ ('./m');\n";
    assert.deepEqual(imports(parsed('d.ts', commented)), ['dynamic ./m 1:37']);
    assert.deepEqual(comparable(scanned('d.ts', commented)), comparable(parsed('d.ts', commented)));
  });

  it('hands a file it cannot be sure of to the parser', () => {
    const cases: [string, string][] = [
      ['a.ts', "type Lazy = () => import('./page').Page;"], // a type here, a value elsewhere
      ['a.ts', "type Module = typeof import('./page');"],
      ['a.ts', "declare module 'augmented' { interface X {} }"],
      ['a.ts', '/// <reference path="./globals.d.ts" />\nexport {};'],
      ['a.js', "/** @type {import('./config').Config} */\nmodule.exports = {};"],
      ['a.ts', "import { type as } from 'ambiguous';"],
      ['a.ts', "function f() {\n  if (x) {\n}\nimport { a } from 'after-an-unclosed-brace';"],
      ['a.ts', "const s = 'unterminated;\nimport { a } from 'b';"],
      ['a.ts', "const v = require<Module>('generic');"],
      // Found by an adversarial review: each read differently by the scanner before.
      ['a.ts', "if (x) import y from 'a-statement-body';"],
      ['a.ts', "while (f(x)) export * from 'a-loop-body';"],
      ['a.ts', "async function f() {}\nfor await (const x of y) import z from 'w';"],
      ['a.ts', 'const of = 1\nconst r = of / 2 // TODO: halve /\n'],
      ['a.ts', "function f() {}\n/[(]/.test(a);\nexport * from 'y';\nfunction g() {}\n/[)]/.test(b);\n"],
      ['a.ts', 'type A = B\n/[// TODO: x]/.test(s)\ntype C = D\n/]/.test(t)\n'],
      ['a.tsx', "const a = <Foo<typeof import('x')> />;"],
      ['a.ts', '/// <Reference path="./x.ts" />\nexport {};'],
    ];
    for (const [file, text] of cases) {
      const facts = scanned(file, text);
      assert.equal(facts.withoutParseErrors, undefined, text);
      assert.deepEqual(facts, parsed(file, text), text);
    }
  });

  it('never stands in for a parse where parse errors are wanted', () => {
    const text = "export const = 1;\nimport { a } from './a';\n";
    const facts = scanned('broken.ts', text);
    assert.equal(facts.withoutParseErrors, true);
    assert.deepEqual(facts.problems, []);
    assert.deepEqual(comparable(facts), comparable(parsed('broken.ts', text)));
    assert.equal(parsed('broken.ts', text).problems[0]?.ruleId, 'parse-error');
  });
});
