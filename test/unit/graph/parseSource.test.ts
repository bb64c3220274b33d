import * as assert from 'node:assert/strict';
import { ts } from 'ts-morph';
import { parseSource, scriptKindFor } from '../../../src/core/graph/parseSource';

describe('parseSource', () => {
  it('chooses the script kind from the extension', () => {
    const kinds = ['a.ts', 'a.tsx', 'a.mts', 'a.cts', 'a.d.ts', 'a.js', 'a.jsx', 'a.mjs', 'a.cjs'].map((f) => ts.ScriptKind[scriptKindFor(f)]);
    assert.deepEqual(kinds, ['TS', 'TSX', 'TS', 'TS', 'TS', 'JS', 'JSX', 'JS', 'JS']);
  });

  it('parses JSX in .tsx but reports it as a syntax error in .ts', () => {
    const text = 'export const v = <div>{1}</div>;\n';
    assert.deepEqual(parseSource('/w/a.tsx', text).parseErrors, []);
    const errors = parseSource('/w/a.ts', text).parseErrors;
    assert.ok(errors.length > 0);
    assert.deepEqual(errors[0], { message: "':' expected.", pos: text.indexOf('}'), length: 1 });
  });

  it('returns the first syntax error with its offset and the recovered tree', () => {
    const text = 'import { a } from "./a";\nconst b = a +;\n';
    const { sourceFile, parseErrors } = parseSource('/w/b.ts', text);
    assert.deepEqual(parseErrors[0], { message: 'Expression expected.', pos: text.indexOf(';\n', 30), length: 1 });
    assert.equal(sourceFile.statements.length, 2);
  });
});
