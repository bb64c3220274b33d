// Every real comment of a source file, found through the parsed tree so that text inside string,
// template and regex literals or JSX text is never mistaken for a comment.
//
// Each offset of the file belongs to exactly one node "region": a token node (identifier, literal,
// template part, JSX text) owns its leading trivia and the token; any other node owns the gaps
// between its children (its own punctuation and keywords, with their trivia). A trivia-preserving
// scanner reads token nodes only up to the token and gaps whole; a gap never holds a literal, so
// the scanner never has to guess whether `/` starts a regex or `}` continues a template.
import { ts } from 'ts-morph';

/** TypeScript's bundle exposes its exports through getters; hot code reads them once, here. */
const { ScriptTarget, SyntaxKind, createScanner, forEachChild } = ts;

export interface SourceComment {
  kind: 'line' | 'block';
  /** Offset of the first character (`/`). */
  pos: number;
  /** Offset just after the last character. */
  end: number;
  /** The comment as written, delimiters included. */
  text: string;
}

/** Quick reject: true when `text` holds any of `words`; files without one need no walk at all. */
export function mayContainMarkers(text: string, words: readonly string[]): boolean {
  for (const word of words) {
    if (word !== '' && text.includes(word)) return true;
  }
  return false;
}

/** All comments of `sf`, sorted by position, each once. */
export function collectComments(sf: ts.SourceFile): SourceComment[] {
  const text = sf.text;
  const found = new Map<number, SourceComment>();
  const openers = commentOpeners(text);
  if (openers.length === 0) return [];
  const scanner = createScanner(ScriptTarget.Latest, /*skipTrivia*/ false, sf.languageVariant);
  // A range without `//` or `/*` in it holds no comment: skip it, and whole subtrees, unread.
  const mayHoldComment = (start: number, end: number): boolean => {
    let low = 0;
    let high = openers.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (openers[mid] < start) low = mid + 1;
      else high = mid;
    }
    return low < openers.length && openers[low] < end;
  };

  const add = (kind: ts.SyntaxKind, pos: number, end: number): void => {
    if (found.has(pos)) return;
    if (kind === SyntaxKind.SingleLineCommentTrivia) {
      found.set(pos, { kind: 'line', pos, end, text: text.slice(pos, end) });
    } else if (kind === SyntaxKind.MultiLineCommentTrivia) {
      found.set(pos, { kind: 'block', pos, end, text: text.slice(pos, end) });
    }
  };

  // Not getLeadingCommentRanges: it leaves out comments before the first line break (`a /* x */ + b`).
  const scanLeading = (start: number, end: number): void => {
    if (!mayHoldComment(start, end)) return;
    scanner.setText(text, start, end - start);
    for (;;) {
      const token = scanner.scan();
      if (!isTrivia(token)) break;
      add(token, scanner.getTokenStart(), scanner.getTokenEnd());
    }
  };

  // A gap holds only the node's own tokens (punctuation, keywords), never a literal's inside.
  const scanGap = (start: number, end: number): void => {
    if (!mayHoldComment(start, end)) return;
    scanner.setText(text, start, end - start);
    for (;;) {
      const token = scanner.scan();
      if (token === SyntaxKind.EndOfFileToken) break;
      add(token, scanner.getTokenStart(), scanner.getTokenEnd());
    }
  };

  const visit = (node: ts.Node): void => {
    if (!mayHoldComment(node.pos, node.end)) return;
    if (node.kind <= SyntaxKind.LastToken) {
      // JSX text has no trivia: its whole range is text shown to the user.
      if (node.kind !== SyntaxKind.JsxText) scanLeading(node.pos, node.end);
      return;
    }
    let cursor = node.pos;
    for (const child of childrenOf(node)) {
      if (child.pos > cursor) scanGap(cursor, child.pos);
      visit(child);
      if (child.end > cursor) cursor = child.end;
    }
    if (node.end > cursor) scanGap(cursor, node.end);
  };

  visit(sf);
  return [...found.values()].sort((a, b) => a.pos - b.pos);
}

function childrenOf(node: ts.Node): ts.Node[] {
  const children: ts.Node[] = [];
  forEachChild(
    node,
    (child) => {
      children.push(child);
    },
    (array) => {
      for (const child of array) children.push(child);
    },
  );
  // forEachChild follows source order for every kind we know; sort defensively if it ever does not.
  for (let i = 1; i < children.length; i++) {
    if (children[i].pos < children[i - 1].pos) return children.sort((a, b) => a.pos - b.pos);
  }
  return children;
}

function isTrivia(kind: ts.SyntaxKind): boolean {
  return kind >= SyntaxKind.FirstTriviaToken && kind <= SyntaxKind.LastTriviaToken;
}

/** Offsets of every `//` and `/*` in the text, comments or not (ascending). */
function commentOpeners(text: string): number[] {
  const openers: number[] = [];
  for (let i = text.indexOf('/'); i !== -1 && i < text.length - 1; i = text.indexOf('/', i + 1)) {
    const next = text.charCodeAt(i + 1);
    if (next === 47 /* / */ || next === 42 /* * */) openers.push(i);
  }
  return openers;
}
