import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { collectComments } from '../../../src/core/debt/collectComments';
import { mayHoldJsx, scanComments } from '../../../src/core/debt/scanComments';
import { parseSource } from '../../../src/core/graph/parseSource';
import { repositorySources } from '../helpers/repositorySources';

const positions = (comments: { pos: number; end: number }[] | undefined): string[] | undefined => comments?.map((comment) => `${comment.pos}-${comment.end}`);

/** The scanner-only finder that `guardrails debt` uses must agree with the tree-based one exactly. */
describe('scanComments (comments without a syntax tree)', () => {
  it('finds exactly the comments the parsed tree holds, in every source file of the repository', () => {
    const files = repositorySources((name) => !name.endsWith('.d.ts'));
    assert.ok(files.length > 200, `${files.length} files`);
    // A file it hands back (undefined) is parsed by the caller: allowed, if rare.
    let handedBack = 0;
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      const scanned = scanComments(text, mayHoldJsx(file));
      if (scanned === undefined) handedBack++;
      else assert.deepEqual(positions(scanned), positions(collectComments(parseSource(file, text).sourceFile)), file);
    }
    assert.ok(handedBack <= files.length / 50, `${handedBack} of ${files.length} files handed back to the parser`);
  });

  it('tells regular expressions from division and templates from blocks', () => {
    const text = [
      'const a = b / c; // one',
      'const r = /\\/\\/ not a comment/.test(x) ? 1 : 2; /* two */',
      'const t = `${ { k: `// inner ${`/* deep */`}` }.k } // not`; // three',
      'if (x) { y = z /2/ 1; } // four',
      'return /* five */ /a\\/b/g;',
      'if (!/^src\\//.test(s) || n! / 2 > 1) go(); // six',
    ].join('\n');
    assert.deepEqual(scanComments(text)?.map((comment) => comment.text), ['// one', '/* two */', '// three', '// four', '/* five */', '// six']);
    assert.deepEqual(positions(scanComments(text)), positions(collectComments(parseSource('x.ts', text).sourceFile)));
  });

  it('reads JSX text as text and JSX expressions, tags and attributes as code, in .tsx and .js files alike', () => {
    const text = [
      'const Row = <T,>(props: { item: T }) => (', // a generic arrow, not an element
      '  <li className="a//b" data-x=\'/* no */\' /* one */ title={"// no"} {...rest}>',
      "    Don't // TODO: not a comment, text on the page",
      '    {/* two */}',
      '    <Icon<string> size={n < 2 ? 1 : 2} icon=<Glyph /> /> /* still text */',
      '    <>fragment // text</>',
      '    {items.map((i) => <b key={i}>{i /2/ 1}</b>) /* three */}',
      '  </li>',
      '); // four',
      'const r = a.type / 2 < b; // five',
    ].join('\n');
    for (const file of ['row.tsx', 'row.js']) {
      const found = scanComments(text, mayHoldJsx(file));
      assert.deepEqual(found?.map((comment) => comment.text), ['/* one */', '/* two */', '/* three */', '// four', '// five'], file);
      assert.deepEqual(positions(found), positions(collectComments(parseSource(file, text).sourceFile)), file);
    }
  });

  it('hands back to the parser a file whose JSX it cannot follow', () => {
    // A generic function type after `:` looks like an element that never closes.
    const text = 'let pick: <T>(items: T[]) => T; // TODO: real comment\nconst a = <p>text // not</p>;\n';
    assert.equal(scanComments(text, true), undefined);
    // Stopping after the last tag does not stop inside JSX: the guess must still be checked to the end.
    assert.equal(scanComments(text, true, text.indexOf('TODO')), undefined);
    // After `)` or `}` only the parser knows whether an expression or a statement ended.
    for (const ambiguous of ['if (x) <a>// TODO text</a>;\n', 'function f() {}\n<a>// TODO</a>;\n', 'if (s) /"/.test(s); // TODO real\n']) {
      assert.equal(scanComments(ambiguous, true), undefined, ambiguous);
    }
    // TypeScript's own rule for `<T extends`: an element when `=`, `>` or `/` follows.
    const element = 'const a = <Schema extends="base">// TODO shown to users</Schema>; // real\n';
    assert.deepEqual(scanComments(element, true)?.map((comment) => comment.text), ['// real']);
    const plain = '// TODO: one\nconst a = 1; // two\n/* three */\n';
    assert.deepEqual(scanComments(plain, false, plain.indexOf('TODO'))?.map((comment) => comment.text), ['// TODO: one']);
    assert.deepEqual(collectComments(parseSource('pick.tsx', text).sourceFile).map((comment) => comment.text), ['// TODO: real comment']);
    assert.equal(mayHoldJsx('a.tsx') && mayHoldJsx('a.jsx') && mayHoldJsx('a.cjs') && mayHoldJsx('a.js'), true);
    assert.equal(mayHoldJsx('a.ts') || mayHoldJsx('a.mts'), false);
  });
});
