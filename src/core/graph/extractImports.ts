import { ts } from 'ts-morph';
import type { DependencyKind, ImportRef } from '../model/types';
import { LineIndex } from '../util/positions';

/** TypeScript's bundle exposes its exports through getters; hot code reads them once, here. */
const { SyntaxKind, forEachChild, isCallExpression, isExportDeclaration, isExternalModule, isExternalModuleReference, isIdentifier, isImportDeclaration, isImportEqualsDeclaration, isImportTypeNode, isJSDocImportTag, isLiteralTypeNode, isModuleBlock, isModuleDeclaration, isNamedExports, isNamedImports, isNoSubstitutionTemplateLiteral, isStringLiteral } = ts;

/** A dependency as written: the literal's text and offsets. */
export interface Found {
  specifier: string;
  kind: DependencyKind;
  typeOnly: boolean;
  start: number;
  end: number;
}

type StringLiteralLike = ts.StringLiteral | ts.NoSubstitutionTemplateLiteral;

function isStringLiteralLike(node: ts.Node | undefined): node is StringLiteralLike {
  return node !== undefined && (isStringLiteral(node) || isNoSubstitutionTemplateLiteral(node));
}

/** Calls and import types can sit anywhere; only files that mention them need a full walk (also with a comment between `import` and `(`). */
const NEEDS_DEEP_WALK = /\brequire\b|\bimport\s*(?:\(|\/[*/])|@import\b/;
/** JS files carry types in JSDoc (`@import`, `{import('x').T}`); TS files' JSDoc is not parsed. */
const JS_FILE = /\.[cm]?jsx?$/i;

/** JSDoc hangs off the nodes it documents (an internal but long-stable field). */
interface WithJSDoc {
  jsDoc?: readonly ts.JSDoc[];
}

/**
 * Every dependency written in a parsed file, in source order. Works on a source file parsed
 * without parent pointers: positions come from the literals, never from `node.parent`.
 */
export function extractImports(sf: ts.SourceFile, lineIndex?: LineIndex): ImportRef[] {
  const found: Found[] = [];
  const add = (literal: StringLiteralLike, kind: DependencyKind, typeOnly: boolean): void => {
    found.push({ specifier: literal.text, kind, typeOnly, start: literal.getStart(sf), end: literal.end });
  };

  for (const ref of sf.referencedFiles) found.push(referenceOf(sf.text, ref));
  const isModule = isExternalModule(sf);
  for (const statement of sf.statements) visitStatement(statement, add, isModule);
  if (NEEDS_DEEP_WALK.test(sf.text)) visitExpressions(sf, add, JS_FILE.test(sf.fileName));

  return importRefs(found, lineIndex ?? new LineIndex(sf.text), sf.isDeclarationFile);
}

/** The dependencies found, in source order. In a declaration file (no run time) every one is type-only. */
export function importRefs(found: Found[], lines: LineIndex, declarationFile: boolean): ImportRef[] {
  return found
    .sort((a, b) => a.start - b.start)
    .map((f) => ({ specifier: f.specifier, kind: f.kind, typeOnly: f.typeOnly || declarationFile, range: lines.range(f.start, f.end) }));
}

type Add = (literal: StringLiteralLike, kind: DependencyKind, typeOnly: boolean) => void;

function visitStatement(statement: ts.Statement, add: Add, isModule: boolean): void {
  if (isImportDeclaration(statement)) {
    if (!isStringLiteralLike(statement.moduleSpecifier)) return;
    const typeOnly = isTypeOnlyImport(statement.importClause);
    add(statement.moduleSpecifier, typeOnly ? 'type-only' : 'static', typeOnly);
  } else if (isExportDeclaration(statement)) {
    if (!isStringLiteralLike(statement.moduleSpecifier)) return;
    add(statement.moduleSpecifier, 're-export', isTypeOnlyExport(statement));
  } else if (isImportEqualsDeclaration(statement)) {
    const reference = statement.moduleReference;
    if (isExternalModuleReference(reference) && isStringLiteralLike(reference.expression)) {
      add(reference.expression, 'import-equals', statement.isTypeOnly);
    }
  } else if (isModuleDeclaration(statement) && isStringLiteral(statement.name)) {
    // In a module, `declare module 'x' {}` augments 'x': a type-level dependency on it.
    // In a script it declares an ambient module, which depends on nothing.
    if (isModule) add(statement.name, 'type-only', true);
    const body = statement.body;
    if (body && isModuleBlock(body)) {
      for (const inner of body.statements) visitStatement(inner, add, false);
    }
  }
}

/** `import type …`, or named imports that are all `type` with no default or namespace. */
function isTypeOnlyImport(clause: ts.ImportClause | undefined): boolean {
  if (!clause) return false; // `import 'x'` runs x
  if (clause.phaseModifier === SyntaxKind.TypeKeyword) return true;
  if (clause.name || !clause.namedBindings || !isNamedImports(clause.namedBindings)) return false;
  const elements = clause.namedBindings.elements;
  return elements.length > 0 && elements.every((e) => e.isTypeOnly);
}

function isTypeOnlyExport(statement: ts.ExportDeclaration): boolean {
  if (statement.isTypeOnly) return true;
  const clause = statement.exportClause;
  if (!clause || !isNamedExports(clause)) return false;
  return clause.elements.length > 0 && clause.elements.every((e) => e.isTypeOnly);
}

/**
 * `require('x')`, `import('x')` and `import('x')` types anywhere in the file, and in JS files the
 * JSDoc `@import` tags and import types. Iterative: minified code nests deep.
 */
function visitExpressions(sf: ts.SourceFile, add: Add, withJSDoc: boolean): void {
  const stack: ts.Node[] = [sf];
  const push = (child: ts.Node): undefined => {
    stack.push(child);
    return undefined;
  };
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (isCallExpression(node)) {
      const [first] = node.arguments;
      if (node.expression.kind === SyntaxKind.ImportKeyword) {
        if (isStringLiteralLike(first)) add(first, 'dynamic', false);
      } else if (isIdentifier(node.expression) && node.expression.text === 'require') {
        if (node.arguments.length === 1 && isStringLiteralLike(first)) add(first, 'require', false);
      }
    } else if (isImportTypeNode(node)) {
      const argument = node.argument;
      if (isLiteralTypeNode(argument) && isStringLiteralLike(argument.literal)) add(argument.literal, 'type-only', true);
    } else if (isJSDocImportTag(node)) {
      if (isStringLiteralLike(node.moduleSpecifier)) add(node.moduleSpecifier, 'type-only', true);
    }
    if (withJSDoc) (node as ts.Node & WithJSDoc).jsDoc?.forEach(push);
    forEachChild(node, push);
  }
}

/** `/// <reference path="x" />`: TypeScript's range covers the path; widen it to the quotes. */
function referenceOf(text: string, ref: ts.FileReference): Found {
  const quoted = isQuote(text.charCodeAt(ref.pos - 1)) && isQuote(text.charCodeAt(ref.end));
  return {
    specifier: ref.fileName,
    kind: 'reference',
    typeOnly: false,
    start: quoted ? ref.pos - 1 : ref.pos,
    end: quoted ? ref.end + 1 : ref.end,
  };
}

function isQuote(code: number): boolean {
  return code === 34 /* " */ || code === 39 /* ' */;
}
