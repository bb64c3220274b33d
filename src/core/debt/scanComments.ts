// Comments found by TypeScript's scanner alone, without building a syntax tree: about a fifth of
// the cost of a parse, for `guardrails debt`. The scanner cannot know by itself whether `/` starts
// a regular expression, whether `}` resumes a template literal, or whether `<` opens JSX; this
// module decides each the way the parser would (a regex or JSX only where an expression may
// start; `}` resumes a template when the innermost open brace is a template's `${`), and reads JSX
// text, where `//` is text shown to the user, with the scanner's JSX modes. When JSX does not
// close the way it opened, the guess was wrong and the caller parses the file instead.
import { ts } from 'ts-morph';
import type { SourceComment } from './collectComments';

/** TypeScript's bundle exposes its exports through getters; hot code reads them once, here. */
const { ScriptTarget, SyntaxKind, createScanner, LanguageVariant } = ts;

/**
 * TypeScript reads JSX in .tsx, .jsx and every JavaScript file (its JSX language variant), and
 * type assertions (`<T>x`) only in .ts files, where `<` never opens JSX.
 */
export function mayHoldJsx(file: string): boolean {
  return /\.(?:tsx|jsx|[cm]?js)$/i.test(file);
}

/** After these tokens an expression has ended, so `/` divides and `<` compares. */
const ENDS_EXPRESSION = new Set<ts.SyntaxKind>([
  SyntaxKind.Identifier, SyntaxKind.PrivateIdentifier, SyntaxKind.NumericLiteral, SyntaxKind.BigIntLiteral,
  SyntaxKind.StringLiteral, SyntaxKind.RegularExpressionLiteral, SyntaxKind.NoSubstitutionTemplateLiteral,
  SyntaxKind.TemplateTail, SyntaxKind.CloseParenToken, SyntaxKind.CloseBracketToken, SyntaxKind.CloseBraceToken,
  SyntaxKind.PlusPlusToken, SyntaxKind.MinusMinusToken,
  SyntaxKind.ThisKeyword, SyntaxKind.SuperKeyword, SyntaxKind.NullKeyword, SyntaxKind.TrueKeyword, SyntaxKind.FalseKeyword,
]);

/** Contextual keywords are names in expressions (`number < max`, `type / 2`), except these, which lead into one. */
const LEADS_INTO_EXPRESSION = new Set<ts.SyntaxKind>([
  SyntaxKind.AwaitKeyword, SyntaxKind.OfKeyword, SyntaxKind.AsKeyword, SyntaxKind.SatisfiesKeyword, SyntaxKind.IsKeyword,
  SyntaxKind.KeyOfKeyword, SyntaxKind.InferKeyword, SyntaxKind.AssertsKeyword,
]);
/** Words after which `/` starts a regex for the scan, but which may also name a variable (`of`, and `yield`, `let` in sloppy JavaScript). */
const MAY_NAME_A_VALUE = new Set<ts.SyntaxKind>([
  ...LEADS_INTO_EXPRESSION, SyntaxKind.YieldKeyword, SyntaxKind.LetKeyword, SyntaxKind.StaticKeyword,
  SyntaxKind.PublicKeyword, SyntaxKind.PrivateKeyword, SyntaxKind.ProtectedKeyword, SyntaxKind.ImplementsKeyword,
  SyntaxKind.InterfaceKeyword, SyntaxKind.PackageKeyword,
]);
const isContextualName = (token: ts.SyntaxKind): boolean =>
  token >= SyntaxKind.AbstractKeyword && token <= SyntaxKind.OfKeyword && !LEADS_INTO_EXPRESSION.has(token);

const isTrivia = (token: ts.SyntaxKind): boolean =>
  token === SyntaxKind.WhitespaceTrivia || token === SyntaxKind.NewLineTrivia || token === SyntaxKind.ShebangTrivia || token === SyntaxKind.ConflictMarkerTrivia;
const isComment = (token: ts.SyntaxKind): boolean => token === SyntaxKind.SingleLineCommentTrivia || token === SyntaxKind.MultiLineCommentTrivia;
/** An identifier or any keyword: what may stand as a name (a property, a JSX tag, an import's binding). */
export const isName = (token: ts.SyntaxKind): boolean => token === SyntaxKind.Identifier || (token >= SyntaxKind.FirstKeyword && token <= SyntaxKind.LastKeyword);

/** Where a code token was met (see `CodeReader`). */
export interface CodeContext {
  scanner: ts.Scanner;
  /** Outside every brace, template and JSX element: where a statement of the file may start. */
  topLevel: boolean;
  /** The code token before (a contextual keyword or a name after `.` as an identifier). */
  previous: ts.SyntaxKind;
  /** A look at the code that follows, through `next` (comments and white space skipped); the scan then goes on where it was. */
  lookAhead<T>(read: (next: () => ts.SyntaxKind) => T): T;
}

/**
 * Reads code tokens as `scanComments` meets them (JSX text and tags are not code). `read` and
 * `end` answer false when the file holds something the reader cannot be sure of: the scan then
 * gives up, and the caller parses the file.
 */
export interface CodeReader {
  read(token: ts.SyntaxKind, at: CodeContext): boolean;
  end(): boolean;
}

/**
 * For a reader, what one reading of `/…/` hides and the other does not: an escape (then it is a
 * regex), a word a dependency starts with, or brackets that do not balance (they move what is top level).
 */
function readsDifferently(body: string): boolean {
  if (/\\|\b(?:import|export|require|module)\b/.test(body)) return true;
  const open = [0, 0, 0];
  for (let i = 0; i < body.length; i++) {
    const kind = '([{'.indexOf(body[i]);
    if (kind >= 0) open[kind]++;
    else {
      const closing = ')]}'.indexOf(body[i]);
      if (closing >= 0 && --open[closing] < 0) return true;
    }
  }
  return open.some((count) => count !== 0);
}

/** A JSX tag being read: `<Name<T> attr="v" {...spread}>`, `</Name>`, `<>` or `</>`. */
interface TagFrame {
  kind: 'tag';
  closing: boolean;
  name: string;
  phase: 'name' | 'type-arguments' | 'attributes';
  angles: number;
  selfClosing: boolean;
  /** After `=`: the value is read with JSX's string rules (no escapes). */
  valueNext: boolean;
}

/** What is open at the scanner's position: code inside `{` or `${`, a JSX tag, or JSX children. */
type Frame = { kind: 'brace' } | { kind: 'template' } | TagFrame | { kind: 'children'; name: string };

const BRACE: Frame = { kind: 'brace' };
const TEMPLATE: Frame = { kind: 'template' };

const openTag = (closing: boolean): TagFrame => ({ kind: 'tag', closing, name: '', phase: 'name', angles: 0, selfClosing: false, valueNext: false });

/**
 * Every comment of `text`, in order; undefined when the file's JSX could not be followed (the
 * caller then parses it). `jsx`: whether the file may hold JSX (see `mayHoldJsx`). `until`: only
 * comments that start at or before this offset are wanted (the scan stops there, unless it is
 * inside JSX, whose end must be reached to know the guess that it began was right). `reader`
 * sees every code token, to the end of the file (`until` then only limits the comments kept); with
 * one, a scanner error, a brace that does not balance or the reader's refusal also hands the file back.
 */
export function scanComments(text: string, jsx = false, until = text.length, reader?: CodeReader): SourceComment[] | undefined {
  const comments: SourceComment[] = [];
  if (!reader && !text.includes('//') && !text.includes('/*')) return comments;
  // With a reader, any error the scanner reports (outside a guess) hands the file to the parser.
  let speculating = 0;
  let scanError = false;
  const onError = (): void => {
    if (speculating === 0) scanError = true;
  };
  const scanner = createScanner(ScriptTarget.Latest, /*skipTrivia*/ false, jsx ? LanguageVariant.JSX : LanguageVariant.Standard, text, reader && onError);
  const lookAhead = <T>(guess: () => T): T => {
    speculating++;
    try {
      return scanner.lookAhead(guess);
    } finally {
      speculating--;
    }
  };
  const stack: Frame[] = [];
  let previous: ts.SyntaxKind = SyntaxKind.Unknown;
  let beforePrevious: ts.SyntaxKind = SyntaxKind.Unknown;
  // `x! / 2` divides after a non-null assertion; `!/re/.test(s)` negates a regex test.
  const expressionEnded = (): boolean =>
    ENDS_EXPRESSION.has(previous) || (previous === SyntaxKind.ExclamationToken && ENDS_EXPRESSION.has(beforePrevious));

  const nextSignificant = (): ts.SyntaxKind => {
    let token = scanner.scan();
    while (isTrivia(token) || isComment(token)) token = scanner.scan();
    return token;
  };
  // TypeScript's own rule in JSX files (isArrowFunctionInJsx): after `<` and an optional `const`,
  // a name followed by `,` or `=`, or by `extends` and anything but `=`, `>` or `/`, opens the type
  // parameters of a generic arrow function; anything else opens an element.
  const opensElement = (): boolean =>
    lookAhead(() => {
      const first = nextSignificant();
      if (first === SyntaxKind.GreaterThanToken) return true;
      if (!isName(first)) return false;
      if (first !== SyntaxKind.Identifier && first !== SyntaxKind.ConstKeyword) return true;
      if (first === SyntaxKind.ConstKeyword) nextSignificant();
      const third = nextSignificant();
      if (third === SyntaxKind.ExtendsKeyword) {
        const fourth = nextSignificant();
        return fourth === SyntaxKind.EqualsToken || fourth === SyntaxKind.GreaterThanToken || fourth === SyntaxKind.SlashToken;
      }
      return third !== SyntaxKind.CommaToken && third !== SyntaxKind.EqualsToken;
    });
  // After `)` or `}` an expression may have ended (`f(x) < y`, `a) / b`) or a statement
  // (`if (x) <a>…</a>`, `} /re/.test(s)`): only the parser knows. Where the two readings would
  // find different comments, the file is left to it.
  const endsAmbiguously = (): boolean => previous === SyntaxKind.CloseParenToken || previous === SyntaxKind.CloseBraceToken;
  const looksLikeTag = (): boolean =>
    lookAhead(() => {
      if (!isName(nextSignificant())) return false;
      let next = nextSignificant();
      while (next === SyntaxKind.DotToken || next === SyntaxKind.MinusToken || next === SyntaxKind.ColonToken) {
        nextSignificant();
        next = nextSignificant();
      }
      if (next === SyntaxKind.GreaterThanToken || next === SyntaxKind.SlashToken) return true;
      if (!isName(next)) return false;
      const after = nextSignificant();
      return after === SyntaxKind.EqualsToken || after === SyntaxKind.GreaterThanToken || after === SyntaxKind.SlashToken || isName(after);
    });
  const regexWouldHideText = (): boolean =>
    lookAhead(() => {
      if (scanner.reScanSlashToken() !== SyntaxKind.RegularExpressionLiteral) return false;
      const body = scanner.getTokenText().slice(1);
      return /['"`]|\/\/|\/\*/.test(body) || (reader !== undefined && readsDifferently(body));
    });
  // For a reader, a line break is a place where a statement may have ended too (`let x: T` then `/re/`).
  // (The scanner's own flag is lost with its trivia tokens: the loop keeps it.)
  let lineBreak = false;
  const mayEndStatement = (): boolean => endsAmbiguously() || (reader !== undefined && lineBreak);

  /** One token of a tag; false when it cannot belong there (the guess that JSX began was wrong). */
  const readTag = (tag: TagFrame, token: ts.SyntaxKind): boolean => {
    if (tag.phase === 'name') {
      // `Name`, `a.b.C`, `svg:path`: parts joined by `.` or `:`; a second name is an attribute.
      const expectsPart = tag.name === '' || tag.name.endsWith('.') || tag.name.endsWith(':');
      if (isName(token) && expectsPart) {
        scanner.scanJsxIdentifier();
        tag.name += scanner.getTokenText();
        return true;
      }
      if ((token === SyntaxKind.DotToken || token === SyntaxKind.ColonToken) && !expectsPart) {
        tag.name += scanner.getTokenText();
        return true;
      }
      if (token === SyntaxKind.LessThanToken && tag.name !== '') {
        tag.phase = 'type-arguments';
        tag.angles = 1;
        return true;
      }
      tag.phase = 'attributes';
    }
    if (tag.phase === 'type-arguments') {
      // `<Foo<typeof import('x')> />`: a dependency the reader does not see here.
      if (reader && (token === SyntaxKind.ImportKeyword || token === SyntaxKind.RequireKeyword)) return false;
      if (token === SyntaxKind.LessThanToken) tag.angles++;
      else if (token === SyntaxKind.GreaterThanToken && --tag.angles === 0) tag.phase = 'attributes';
      else if (token === SyntaxKind.OpenBraceToken) stack.push(BRACE);
      return true;
    }
    switch (token) {
      case SyntaxKind.EqualsToken:
        tag.valueNext = true;
        return !tag.closing;
      case SyntaxKind.OpenBraceToken:
        stack.push(BRACE);
        previous = token;
        return !tag.closing;
      case SyntaxKind.LessThanToken:
        // An element as an attribute's value: `icon=<Icon />`.
        stack.push(openTag(false));
        return !tag.closing;
      case SyntaxKind.SlashToken:
        tag.selfClosing = true;
        return !tag.closing;
      case SyntaxKind.GreaterThanToken:
        return closeTag(tag);
      default:
        if (isName(token)) scanner.scanJsxIdentifier();
        return !tag.closing && (isName(token) || token === SyntaxKind.ColonToken || token === SyntaxKind.StringLiteral);
    }
  };

  /** The `>` of a tag: an element opens its children, or ends (self-closing, or a closing tag). */
  const closeTag = (tag: TagFrame): boolean => {
    stack.pop();
    if (tag.closing) {
      const children = stack.pop();
      if (children?.kind !== 'children' || children.name !== tag.name) return false;
    } else if (!tag.selfClosing) {
      stack.push({ kind: 'children', name: tag.name });
      return true;
    }
    // The element was an expression: what follows it divides or compares.
    previous = SyntaxKind.Identifier;
    return true;
  };

  // One context for every token the reader sees (files hold hundreds of thousands of tokens).
  const at: CodeContext = { scanner, topLevel: true, previous, lookAhead: (read) => lookAhead(() => read(nextSignificant)) };
  for (;;) {
    const top = stack.length > 0 ? stack[stack.length - 1] : undefined;
    const readingValue = top?.kind === 'tag' && top.valueNext;
    let token = top?.kind === 'children' ? scanner.scanJsxToken() : readingValue ? scanner.scanJsxAttributeValue() : scanner.scan();
    if (token === SyntaxKind.EndOfFileToken) break;
    if (!reader && scanner.getTokenStart() > until && !stack.some((frame) => frame.kind === 'tag' || frame.kind === 'children')) break;
    if (isComment(token)) {
      const pos = scanner.getTokenStart();
      const end = scanner.getTokenEnd();
      if (pos <= until) comments.push({ kind: token === SyntaxKind.SingleLineCommentTrivia ? 'line' : 'block', pos, end, text: text.slice(pos, end) });
      if (reader && token === SyntaxKind.MultiLineCommentTrivia && !lineBreak) {
        const newline = text.indexOf('\n', pos);
        lineBreak = newline >= 0 && newline < end;
      }
      continue;
    }
    if (isTrivia(token)) {
      if (token === SyntaxKind.NewLineTrivia) lineBreak = true;
      continue;
    }
    if (readingValue) top.valueNext = false;
    if (top?.kind === 'children') {
      // JSX text (where `//` is text) until an expression, a child element or the closing tag.
      if (token === SyntaxKind.OpenBraceToken) {
        stack.push(BRACE);
        previous = token;
      } else if (token === SyntaxKind.LessThanToken) stack.push(openTag(false));
      else if (token === SyntaxKind.LessThanSlashToken) stack.push(openTag(true));
      continue;
    }
    if (top?.kind === 'tag') {
      if (!readTag(top, token)) return undefined;
      continue;
    }
    /** What `previous` remembers of this token: a contextual keyword is a name. */
    let seenAs: ts.SyntaxKind | undefined;
    switch (token) {
      case SyntaxKind.SlashToken:
      case SyntaxKind.SlashEqualsToken:
        // `of / 2`: a contextual keyword may be a variable's name, dividing; a reader cannot risk the guess.
        if (!expressionEnded()) {
          if (reader && MAY_NAME_A_VALUE.has(previous)) return undefined;
          token = scanner.reScanSlashToken();
        } else if (mayEndStatement() && regexWouldHideText()) return undefined;
        break;
      case SyntaxKind.LessThanToken:
        if (jsx && !expressionEnded() && opensElement()) {
          stack.push(openTag(false));
          continue;
        }
        if (jsx && mayEndStatement() && looksLikeTag()) return undefined;
        break;
      case SyntaxKind.OpenBraceToken:
        stack.push(BRACE);
        break;
      case SyntaxKind.TemplateHead:
        stack.push(TEMPLATE);
        break;
      case SyntaxKind.CloseBraceToken: {
        const closed = stack.pop();
        if (closed === undefined && reader) return undefined;
        if (closed === TEMPLATE) {
          token = scanner.reScanTemplateToken(/*isTaggedTemplate*/ false);
          if (token === SyntaxKind.TemplateMiddle) stack.push(TEMPLATE);
        }
        break;
      }
      default:
        // `a.type / 2`, `x.get < y`: a keyword after a dot is a property name.
        if (isContextualName(token) || (isName(token) && (previous === SyntaxKind.DotToken || previous === SyntaxKind.QuestionDotToken))) seenAs = SyntaxKind.Identifier;
    }
    if (reader) {
      at.topLevel = stack.length === 0;
      at.previous = previous;
      if (scanError || !reader.read(token, at)) return undefined;
    }
    lineBreak = false;
    beforePrevious = previous;
    previous = seenAs ?? token;
  }
  if (reader) return scanError || stack.length > 0 || !reader.end() ? undefined : comments;
  // JSX left open: the file is not what the guesses took it for.
  return stack.some((frame) => frame.kind === 'tag' || frame.kind === 'children') ? undefined : comments;
}
