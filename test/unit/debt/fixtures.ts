// Loads a fixture file of test/fixtures/<area>/ and parses it the way the engine does.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ts } from 'ts-morph';

/** Repository root, from out/test/unit/<area>/ where the compiled tests run. */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..', '..');

export function fixtureDir(area: string): string {
  return path.join(REPO_ROOT, 'test', 'fixtures', area);
}

export function parseFixture(area: string, name: string): ts.SourceFile {
  const file = path.join(fixtureDir(area), name);
  return parseText(file, fs.readFileSync(file, 'utf8'));
}

export function parseText(file: string, text: string): ts.SourceFile {
  const kind = file.endsWith('.tsx')
    ? ts.ScriptKind.TSX
    : file.endsWith('.jsx')
      ? ts.ScriptKind.JSX
      : /\.[cm]?js$/.test(file)
        ? ts.ScriptKind.JS
        : ts.ScriptKind.TS;
  return ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, kind);
}
