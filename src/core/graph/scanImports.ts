// The dependencies of a file read from its tokens alone, for analyses that need no syntax errors
// (a refactoring window's past commits), at less than half the cost of a parse. It finds what
// `extractImports` finds in the tree (on code TypeScript accepts: see `importCall`), or gives up
// and the file is parsed: `import('x')` where it may be a type, a declaration inside braces or
// parentheses, an ambient `module 'x'`, and any shape of a declaration it does not know for certain.
import { ts } from 'ts-morph';
import { isName, type CodeContext, type CodeReader } from '../debt/scanComments';
import type { Found } from './extractImports';

/** TypeScript's bundle exposes its exports through getters; hot code reads them once, here. */
const { SyntaxKind } = ts;

type Next = () => ts.SyntaxKind;

/** What a declaration held: its dependency, if any, and where its tokens end. */
interface Declaration {
  found?: Found;
  end: number;
}

/** A declaration that names no module (`export const`, `import x = A.B`): nothing to skip. */
const NOTHING: Declaration = { end: 0 };

/** After these, `import(…)` is an expression: no type may follow them. */
const LEADS_INTO_VALUE = new Set<ts.SyntaxKind>([SyntaxKind.AwaitKeyword, SyntaxKind.ReturnKeyword, SyntaxKind.YieldKeyword, SyntaxKind.VoidKeyword]);
/** What may follow `import('x')` where it ends an expression (or would end a type TypeScript rejects). */
const ENDS_AN_EXPRESSION = new Set<ts.SyntaxKind>([
  SyntaxKind.CloseParenToken, SyntaxKind.CommaToken, SyntaxKind.SemicolonToken, SyntaxKind.CloseBraceToken,
  SyntaxKind.CloseBracketToken, SyntaxKind.ColonToken, SyntaxKind.EndOfFileToken,
]);
const PROMISE_METHODS = new Set(['then', 'catch', 'finally']);

/**
 * `if (x) import …`, `else`, `do`, `label:`: a declaration there is no statement of the file (the
 * tree does not list it). A `)` counts only when it closes a condition (`@decorator() export` is a statement).
 */
const BODY_OF_A_STATEMENT = new Set<ts.SyntaxKind>([SyntaxKind.ElseKeyword, SyntaxKind.DoKeyword, SyntaxKind.ColonToken]);
const OPENS_A_CONDITION = new Set<ts.SyntaxKind>([SyntaxKind.IfKeyword, SyntaxKind.WhileKeyword, SyntaxKind.ForKeyword, SyntaxKind.WithKeyword]);

const isProperty = (previous: ts.SyntaxKind): boolean => previous === SyntaxKind.DotToken || previous === SyntaxKind.QuestionDotToken;

export class ImportScan implements CodeReader {
  readonly found: Found[] = [];
  /** Open `(` and `[`: an `import` inside them is no declaration. */
  private open = 0;
  /** Tokens before this offset belong to a declaration already read. */
  private readUntil = 0;
  /** How many `(` were open outside each `if (`, `while (`, `for (`, `with (` still open. */
  private readonly conditions: number[] = [];
  /** The token just read closed such a condition: a statement's body comes next. */
  private conditionClosed = false;
  /** The token before the previous one (`for await (`). */
  private beforePrevious: ts.SyntaxKind = SyntaxKind.Unknown;

  read(token: ts.SyntaxKind, at: CodeContext): boolean {
    if (at.scanner.getTokenStart() < this.readUntil) return true;
    const afterCondition = this.conditionClosed;
    const beforePrevious = this.beforePrevious;
    this.conditionClosed = false;
    this.beforePrevious = at.previous;
    switch (token) {
      case SyntaxKind.OpenParenToken:
        if (OPENS_A_CONDITION.has(at.previous) || (at.previous === SyntaxKind.AwaitKeyword && beforePrevious === SyntaxKind.ForKeyword)) this.conditions.push(this.open);
        this.open++;
        return true;
      case SyntaxKind.OpenBracketToken:
        this.open++;
        return true;
      case SyntaxKind.CloseParenToken:
        if (--this.open === this.conditions[this.conditions.length - 1]) {
          this.conditions.pop();
          this.conditionClosed = true;
        }
        return this.open >= 0;
      case SyntaxKind.CloseBracketToken:
        return --this.open >= 0;
      case SyntaxKind.ImportKeyword:
        return isProperty(at.previous) || this.importKeyword(at, afterCondition);
      case SyntaxKind.ExportKeyword:
        if (isProperty(at.previous) || !at.topLevel || this.open > 0) return true;
        return this.declaration(at, readExport, afterCondition || BODY_OF_A_STATEMENT.has(at.previous));
      case SyntaxKind.RequireKeyword:
        return isProperty(at.previous) || at.previous === SyntaxKind.NewKeyword || this.require(at);
      case SyntaxKind.ModuleKeyword:
        // `declare module 'x' {}`: an augmentation in a module, nothing in a script.
        return isProperty(at.previous) || at.lookAhead((next) => next() !== SyntaxKind.StringLiteral);
      default:
        return true;
    }
  }

  end(): boolean {
    return this.open === 0;
  }

  private importKeyword(at: CodeContext, afterCondition: boolean): boolean {
    const after = at.lookAhead((next) => next());
    if (after === SyntaxKind.DotToken) return true; // import.meta
    if (after === SyntaxKind.OpenParenToken) return this.importCall(at);
    if (afterCondition || BODY_OF_A_STATEMENT.has(at.previous)) return false;
    return this.declaration(at, at.topLevel && this.open === 0 ? readImport : readNestedImport);
  }

  /**
   * `import('x')`: a dynamic import, or an import type (`typeof import('x')`, `() => import('x').T`
   * in a type), which only the parser tells apart. It is a value after `await` and the like, and
   * where nothing follows it but the end of an expression (`() => import('x'))`) or a `.then(…)`:
   * as a type, a module with no name after it and no `typeof` before it is an error TypeScript
   * reports ("does not refer to a type"). Without a literal (`import(name)`, a method named
   * `import`) it is no dependency either way.
   */
  private importCall(at: CodeContext): boolean {
    const leadsIntoValue = LEADS_INTO_VALUE.has(at.previous);
    const call = at.lookAhead((next): Found | null | undefined => {
      next(); // (
      const token = next();
      if (token !== SyntaxKind.StringLiteral && token !== SyntaxKind.NoSubstitutionTemplateLiteral) return null;
      const found = literal(at.scanner, 'dynamic', false);
      if (leadsIntoValue) return found;
      if (at.previous === SyntaxKind.TypeOfKeyword || next() !== SyntaxKind.CloseParenToken) return undefined;
      const after = next();
      if (ENDS_AN_EXPRESSION.has(after)) return found;
      return after === SyntaxKind.DotToken && next() === SyntaxKind.Identifier && PROMISE_METHODS.has(at.scanner.getTokenText()) && next() === SyntaxKind.OpenParenToken ? found : undefined;
    });
    if (call === undefined) return false;
    if (call) this.found.push(call);
    return true;
  }

  /** `body`: in the place of a statement's body, where a declaration naming a module is no statement of the file (handed back). */
  private declaration(at: CodeContext, read: (next: Next, scanner: ts.Scanner) => Declaration | undefined, body = false): boolean {
    const declared = at.lookAhead((next) => read(next, at.scanner));
    if (!declared || (body && declared.found)) return false;
    if (declared.found) this.found.push(declared.found);
    this.readUntil = Math.max(this.readUntil, declared.end);
    return true;
  }

  /** `require('x')` with one literal: the tree's `require` dependency. */
  private require(at: CodeContext): boolean {
    // Escaped (`\u0072equire`): the tree finds it only when the file also spells `require` plainly.
    if (at.scanner.getTokenText() !== 'require') return false;
    const call = at.lookAhead((next): Found | null | undefined => {
      const open = next();
      if (open === SyntaxKind.LessThanToken || open === SyntaxKind.QuestionDotToken) return undefined;
      if (open !== SyntaxKind.OpenParenToken) return null;
      const argument = next();
      if (argument !== SyntaxKind.StringLiteral && argument !== SyntaxKind.NoSubstitutionTemplateLiteral) return null;
      const found = literal(at.scanner, 'require', false);
      let close = next();
      if (close === SyntaxKind.CommaToken) close = next();
      return close === SyntaxKind.CloseParenToken ? found : null;
    });
    if (call === undefined) return false;
    if (call) this.found.push(call);
    return true;
  }
}

function literal(scanner: ts.Scanner, kind: Found['kind'], typeOnly: boolean): Found {
  return { specifier: scanner.getTokenValue(), kind, typeOnly, start: scanner.getTokenStart(), end: scanner.getTokenEnd() };
}

/** After `from`: the module, as a string literal (anything else is a syntax error: the parser says so). */
function fromModule(next: Next, scanner: ts.Scanner, kind: Found['kind'], typeOnly: boolean): Declaration | undefined {
  if (next() !== SyntaxKind.StringLiteral) return undefined;
  return { found: literal(scanner, kind, typeOnly), end: scanner.getTokenEnd() };
}

/** What follows `import` in a top-level declaration. */
function readImport(next: Next, scanner: ts.Scanner): Declaration | undefined {
  let token = next();
  if (token === SyntaxKind.StringLiteral) return { found: literal(scanner, 'static', false), end: scanner.getTokenEnd() };
  if (!isName(token)) return readClause(token, next, scanner, false);
  const word = scanner.getTokenText();
  // `import defer`, `import source`: phases, rare enough to leave to the parser.
  if (word === 'defer' || word === 'source') return undefined;
  if (word !== 'type') return readAfterName(next, scanner, false);
  // `type` is a modifier unless it is the name imported (`import type from 'x'`, `import type, {…}`, `import type = …`).
  token = next();
  if (token === SyntaxKind.FromKeyword) return next() === SyntaxKind.StringLiteral ? { found: literal(scanner, 'static', false), end: scanner.getTokenEnd() } : undefined;
  if (token === SyntaxKind.CommaToken) return readClause(next(), next, scanner, false, true);
  if (token === SyntaxKind.EqualsToken) return readEquals(next, scanner, false);
  if (isName(token)) return readAfterName(next, scanner, true);
  return readClause(token, next, scanner, true);
}

/**
 * `import` inside braces: a member named `import` (`import: T`, `import = …`), or a namespace's
 * alias, which the tree does not count even as `import x = require('y')` (its `require` is skipped).
 */
function readNestedImport(next: Next, scanner: ts.Scanner): Declaration | undefined {
  let token = next();
  if (token === SyntaxKind.OpenBraceToken || token === SyntaxKind.AsteriskToken || token === SyntaxKind.StringLiteral) return undefined;
  if (!isName(token)) return NOTHING;
  token = next();
  if (isName(token)) token = next(); // `import type x = …`
  if (token !== SyntaxKind.EqualsToken) return undefined;
  return next() === SyntaxKind.RequireKeyword ? { end: scanner.getTokenEnd() } : NOTHING;
}

/** After the default import's name (or an alias's): `from`, `,` and more bindings, or `=`. */
function readAfterName(next: Next, scanner: ts.Scanner, typeOnly: boolean): Declaration | undefined {
  const token = next();
  if (token === SyntaxKind.FromKeyword) return fromModule(next, scanner, typeOnly ? 'type-only' : 'static', typeOnly);
  if (token === SyntaxKind.EqualsToken) return readEquals(next, scanner, typeOnly);
  if (token === SyntaxKind.CommaToken) return readClause(next(), next, scanner, typeOnly, true);
  return undefined;
}

/**
 * `* as ns from 'x'` or `{ a, type b } from 'x'`; `typeOnly`: `import type`. After a default import
 * (`withDefault`), named imports that are all `type` still leave a value imported.
 */
function readClause(token: ts.SyntaxKind, next: Next, scanner: ts.Scanner, typeOnly: boolean, withDefault = false): Declaration | undefined {
  if (token === SyntaxKind.AsteriskToken) {
    if (next() !== SyntaxKind.AsKeyword || !isName(next()) || next() !== SyntaxKind.FromKeyword) return undefined;
    return fromModule(next, scanner, typeOnly ? 'type-only' : 'static', typeOnly);
  }
  if (token !== SyntaxKind.OpenBraceToken) return undefined;
  const named = readNamed(next, scanner);
  if (!named || next() !== SyntaxKind.FromKeyword) return undefined;
  const allTypes = typeOnly || (!withDefault && named.allTypes);
  return fromModule(next, scanner, allTypes ? 'type-only' : 'static', allTypes);
}

/** `import x = require('x')` (a dependency) or `import x = A.B` (an alias, none). */
function readEquals(next: Next, scanner: ts.Scanner, typeOnly: boolean): Declaration | undefined {
  const token = next();
  if (token !== SyntaxKind.RequireKeyword) return isName(token) ? NOTHING : undefined;
  if (scanner.getTokenText() !== 'require' || next() !== SyntaxKind.OpenParenToken) return undefined;
  if (next() !== SyntaxKind.StringLiteral) return undefined;
  const found = literal(scanner, 'import-equals', typeOnly);
  return next() === SyntaxKind.CloseParenToken ? { found, end: scanner.getTokenEnd() } : undefined;
}

/** What follows a top-level `export`: only `export … from 'x'` names a module. */
function readExport(next: Next, scanner: ts.Scanner): Declaration | undefined {
  let token = next();
  let typeOnly = false;
  if (token === SyntaxKind.TypeKeyword) {
    token = next();
    // `export type X = …`: an alias.
    if (token !== SyntaxKind.AsteriskToken && token !== SyntaxKind.OpenBraceToken) return NOTHING;
    typeOnly = true;
  }
  if (token === SyntaxKind.AsteriskToken) {
    token = next();
    if (token === SyntaxKind.AsKeyword) {
      const name = next();
      if (!isName(name) && name !== SyntaxKind.StringLiteral) return undefined;
      token = next();
    }
    return token === SyntaxKind.FromKeyword ? fromModule(next, scanner, 're-export', typeOnly) : undefined;
  }
  if (token !== SyntaxKind.OpenBraceToken) return NOTHING;
  const named = readNamed(next, scanner);
  if (!named) return undefined;
  token = next();
  // A string right after `}` is read as the module by the parser too, with an error: left to it.
  if (token === SyntaxKind.StringLiteral) return undefined;
  return token === SyntaxKind.FromKeyword ? fromModule(next, scanner, 're-export', typeOnly || named.allTypes) : NOTHING;
}

/** The names between `{` and `}`: whether there is at least one and every one is `type`. */
function readNamed(next: Next, scanner: ts.Scanner): { allTypes: boolean } | undefined {
  let count = 0;
  let allTypes = true;
  let token = next();
  while (token !== SyntaxKind.CloseBraceToken) {
    const words: string[] = [];
    while (token !== SyntaxKind.CommaToken && token !== SyntaxKind.CloseBraceToken) {
      if ((!isName(token) && token !== SyntaxKind.StringLiteral) || words.length === 4) return undefined;
      words.push(scanner.getTokenText());
      token = next();
    }
    const typeOnly = isTypeOnlySpecifier(words);
    if (typeOnly === undefined) return undefined;
    count++;
    allTypes &&= typeOnly;
    if (token === SyntaxKind.CommaToken) token = next();
  }
  return { allTypes: count > 0 && allTypes };
}

/**
 * `a`, `a as b`, `type a`, `type a as b` (a string may stand for a name). After `type`, `as` has
 * readings only the parser tells apart (`{ type as }`, `{ type as as }`): undefined.
 */
function isTypeOnlySpecifier(words: readonly string[]): boolean | undefined {
  if (words[0] === 'type' && words.length > 1) {
    if (words[1] === 'as') return undefined;
    return words.length === 2 || (words.length === 4 && words[2] === 'as') ? true : undefined;
  }
  return words.length === 1 || (words.length === 3 && words[1] === 'as') ? false : undefined;
}
