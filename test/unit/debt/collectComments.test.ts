import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ts } from 'ts-morph';
import { collectComments, mayContainMarkers, type SourceComment } from '../../../src/core/debt/collectComments';
import { LineIndex } from '../../../src/core/util/positions';
import { fixtureDir, parseFixture, parseText } from './fixtures';

/** `line:column text` of each comment, for readable comparisons. */
function describeComments(sf: ts.SourceFile, comments: SourceComment[]): string[] {
  const lines = new LineIndex(sf.text);
  return comments.map((c) => {
    const p = lines.position(c.pos);
    return `${p.line}:${p.column} ${c.kind} ${c.text}`;
  });
}

/**
 * An independent view: TypeScript's own token list (getChildren) with the leading and trailing
 * comment ranges around every token.
 */
function commentsByTokens(sf: ts.SourceFile): string[] {
  const found = new Map<number, string>();
  const add = (ranges: ts.CommentRange[] | undefined): void => {
    for (const r of ranges ?? []) found.set(r.pos, sf.text.slice(r.pos, r.end));
  };
  const visit = (node: ts.Node): void => {
    if (node.kind <= ts.SyntaxKind.LastToken) {
      if (node.kind === ts.SyntaxKind.JsxText) return;
      add(ts.getLeadingCommentRanges(sf.text, node.pos));
      add(ts.getTrailingCommentRanges(sf.text, node.pos));
      add(ts.getTrailingCommentRanges(sf.text, node.end));
      return;
    }
    for (const child of node.getChildren(sf)) visit(child);
  };
  visit(sf);
  return [...found.entries()].sort((a, b) => a[0] - b[0]).map(([, text]) => text);
}

describe('collectComments', () => {
  it('finds no comment text inside strings, templates, regex literals or JSX text', () => {
    const sf = parseFixture('debt', 'notComments.tsx');
    assert.deepEqual(describeComments(sf, collectComments(sf)), ['6:22 line // TODO: after division']);
  });

  it('finds JSDoc, block, type-position, JSX and end-of-file comments at their exact place', () => {
    const sf = parseFixture('debt', 'places.tsx');
    assert.deepEqual(describeComments(sf, collectComments(sf)), [
      '1:1 block /**\n * Loads the cart.\n * TODO(alice): cache the result\n * FIXME: retries are missing\n * @param id the cart id\n */',
      '8:3 block /* HACK: first line\n     DEBT(@bob, PAY-7): second line without a star */',
      '14:20 line // TODO: type position',
      '15:10 block /* FIXME: inline in a type */',
      '20:6 block /* TODO(dana): JSX comment */',
      '21:20 block /* FIXME: after an expression in JSX */',
      '24:1 line // DEBT(@erin, PAY-8): end of file',
    ]);
  });

  it('finds comments between punctuation where no node starts', () => {
    const text = [
      'foo(/* a */);',
      'const o = { /* b */ };',
      'if (o) { // c',
      '}',
      'const t = `${ o /* d */ }`;',
      'const x = [1, /* e */];',
      'type U = | /* f */ number;',
      '/* g */',
    ].join('\n');
    const sf = parseText('/virtual/gaps.ts', text);
    assert.deepEqual(
      collectComments(sf).map((c) => c.text),
      ['/* a */', '/* b */', '// c', '/* d */', '/* e */', '/* f */', '/* g */'],
    );
  });

  it('skips a shebang and keeps the comments after it', () => {
    const sf = parseFixture('debt', 'plain.js');
    assert.deepEqual(describeComments(sf, collectComments(sf)), [
      '4:1 line // TODO(frank): a JavaScript file',
      '5:24 block /* FIXME: in an object */',
    ]);
  });

  it('returns each comment once, sorted, with kind, offsets and text that agree', () => {
    const sf = parseFixture('debt', 'forms.ts');
    const comments = collectComments(sf);
    assert.equal(comments.length, 12);
    for (let i = 0; i < comments.length; i++) {
      const c = comments[i];
      assert.equal(sf.text.slice(c.pos, c.end), c.text);
      assert.equal(c.kind, c.text.startsWith('//') ? 'line' : 'block');
      if (i > 0) assert.ok(comments[i - 1].end <= c.pos);
    }
  });

  it('agrees with TypeScript token by token on every debt and suppress fixture', () => {
    for (const area of ['debt', 'suppress']) {
      for (const name of fs.readdirSync(fixtureDir(area))) {
        if (!/\.[jt]sx?$/.test(name)) continue;
        const sf = parseText(path.join(fixtureDir(area), name), fs.readFileSync(path.join(fixtureDir(area), name), 'utf8'));
        // getChildren needs parent pointers.
        const withParents = ts.createSourceFile(sf.fileName, sf.text, ts.ScriptTarget.Latest, true, scriptKind(name));
        assert.deepEqual(
          collectComments(sf).map((c) => c.text),
          commentsByTokens(withParents),
          `${area}/${name}`,
        );
      }
    }
  });
});

describe('mayContainMarkers', () => {
  it('is true only when one of the words occurs', () => {
    assert.equal(mayContainMarkers('const a = 1; // TODO: x', ['FIXME', 'TODO']), true);
    assert.equal(mayContainMarkers('// guardrails-ignore-next-line a -- b', ['guardrails-ignore']), true);
    assert.equal(mayContainMarkers('const a = 1; // todo later', ['TODO', 'guardrails-ignore']), false);
    assert.equal(mayContainMarkers('anything', []), false);
    assert.equal(mayContainMarkers('anything', ['']), false);
  });
});

function scriptKind(name: string): ts.ScriptKind {
  if (name.endsWith('.tsx')) return ts.ScriptKind.TSX;
  if (name.endsWith('.js')) return ts.ScriptKind.JS;
  return ts.ScriptKind.TS;
}
