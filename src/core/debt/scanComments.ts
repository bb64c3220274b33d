// Comments found by TypeScript's scanner alone, without building a syntax tree: about a fifth of
// the cost of a parse, for `guardrails debt`. The scanner cannot know by itself whether `/` starts
// a regular expression or whether `}` resumes a template literal; this module decides both the way
// the parser would (a regex only where an expression may start; `}` resumes a template when the
// innermost open brace is a template's `${`). JSX text cannot be told from code without the tree,
// so files that may hold JSX are left to `collectComments`.
import { ts } from 'ts-morph';
import type { SourceComment } from './collectComments';

/** TypeScript's bundle exposes its exports through getters; hot code reads them once, here. */
const { ScriptTarget, SyntaxKind, createScanner, LanguageVariant } = ts;

/** True when the scanner alone can find this file's comments exactly (no JSX is possible). */
export function canScanWithoutTree(file: string): boolean {
  return !/\.[jt]sx$/i.test(file);
}

/** After these tokens an expression has ended, so `/` divides; after anything else it opens a regex. */
const ENDS_EXPRESSION = new Set<ts.SyntaxKind>([
  SyntaxKind.Identifier, SyntaxKind.PrivateIdentifier, SyntaxKind.NumericLiteral, SyntaxKind.BigIntLiteral,
  SyntaxKind.StringLiteral, SyntaxKind.RegularExpressionLiteral, SyntaxKind.NoSubstitutionTemplateLiteral,
  SyntaxKind.TemplateTail, SyntaxKind.CloseParenToken, SyntaxKind.CloseBracketToken, SyntaxKind.CloseBraceToken,
  SyntaxKind.PlusPlusToken, SyntaxKind.MinusMinusToken,
  SyntaxKind.ThisKeyword, SyntaxKind.SuperKeyword, SyntaxKind.NullKeyword, SyntaxKind.TrueKeyword, SyntaxKind.FalseKeyword,
]);

export function scanComments(text: string): SourceComment[] {
  const comments: SourceComment[] = [];
  if (!text.includes('//') && !text.includes('/*')) return comments;
  const scanner = createScanner(ScriptTarget.Latest, /*skipTrivia*/ false, LanguageVariant.Standard, text);
  /** For each open `{` or `${`: true when it is a template's. */
  const braces: boolean[] = [];
  let previous: ts.SyntaxKind = SyntaxKind.Unknown;
  let beforePrevious: ts.SyntaxKind = SyntaxKind.Unknown;
  // `x! / 2` divides after a non-null assertion; `!/re/.test(s)` negates a regex test.
  const expressionEnded = (): boolean =>
    ENDS_EXPRESSION.has(previous) || (previous === SyntaxKind.ExclamationToken && ENDS_EXPRESSION.has(beforePrevious));
  for (let token = scanner.scan(); token !== SyntaxKind.EndOfFileToken; token = scanner.scan()) {
    switch (token) {
      case SyntaxKind.SingleLineCommentTrivia:
      case SyntaxKind.MultiLineCommentTrivia: {
        const pos = scanner.getTokenStart();
        const end = scanner.getTokenEnd();
        comments.push({ kind: token === SyntaxKind.SingleLineCommentTrivia ? 'line' : 'block', pos, end, text: text.slice(pos, end) });
        continue;
      }
      case SyntaxKind.WhitespaceTrivia:
      case SyntaxKind.NewLineTrivia:
      case SyntaxKind.ShebangTrivia:
      case SyntaxKind.ConflictMarkerTrivia:
        continue;
      case SyntaxKind.SlashToken:
      case SyntaxKind.SlashEqualsToken:
        if (!expressionEnded()) token = scanner.reScanSlashToken();
        break;
      case SyntaxKind.OpenBraceToken:
        braces.push(false);
        break;
      case SyntaxKind.TemplateHead:
        braces.push(true);
        break;
      case SyntaxKind.CloseBraceToken:
        if (braces.pop() === true) {
          token = scanner.reScanTemplateToken(/*isTaggedTemplate*/ false);
          if (token === SyntaxKind.TemplateMiddle) braces.push(true);
        }
        break;
    }
    beforePrevious = previous;
    previous = token;
  }
  return comments;
}
