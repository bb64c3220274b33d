import * as assert from 'node:assert/strict';
import { LineIndex } from '../../../src/core/util/positions';

/** Every reported line and column goes through LineIndex: check it against a naive count. */
describe('LineIndex', () => {
  const naive = (text: string, offset: number) => {
    const before = text.slice(0, offset).split(/\r\n|\r|\n/);
    return { line: before.length, column: before[before.length - 1].length + 1 };
  };

  for (const [name, text] of [
    ['\\n', 'import a from "a";\nconst b = 1;\n\n// TODO: c\nend'],
    ['\\r\\n', 'import a from "a";\r\nconst b = 1;\r\n\r\n// TODO: c\r\nend'],
    ['a lone \\r', 'one\rtwo\r\nthree\nfour\r'],
    ['no line break', 'const only = 1;'],
  ] as const) {
    it(`gives the line and column of every offset, in any order, with ${name}`, () => {
      // (The `\n` of a `\r\n` is inside one line break: no offset a finding points at.)
      const offsets = Array.from({ length: text.length + 1 }, (_, i) => i).filter((i) => !(text[i] === '\n' && text[i - 1] === '\r'));
      // Late offsets first, then early ones, then all: the index grows as far as asked only.
      for (const order of [[...offsets].reverse(), offsets]) {
        const index = new LineIndex(text);
        for (const offset of order) assert.deepEqual(index.position(offset), naive(text, offset), `offset ${offset}`);
      }
      const index = new LineIndex(text);
      for (const offset of offsets) {
        const position = naive(text, offset);
        // A column past a line's end does not exist for offsets on a line break; the start of each line does.
        if (position.column === 1) assert.equal(index.offset(position), offset);
      }
    });
  }
});
