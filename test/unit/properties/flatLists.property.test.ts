import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { FlatLists } from '../../../src/core/analysis/flatLists';
import { holds } from './propertyKit';

// The checks keep each file's imports, debt and findings flat between edits and patch only the
// edited files' places (issue 14: flattening 50,000 files after each keystroke cost more than the
// check). Whatever the edits, the list must be what flattening afresh gives, and a list handed
// out before must not change.

const FILES = ['a', 'b', 'c', 'd', 'e', 'f'];
const list = fc.array(fc.integer({ min: 0, max: 99 }), { maxLength: 4 });
const scenario = fc.record({
  start: fc.array(list, { minLength: FILES.length, maxLength: FILES.length }),
  batches: fc.array(fc.array(fc.tuple(fc.integer({ min: 0, max: FILES.length - 1 }), list), { maxLength: 3 }), { maxLength: 6 }),
});

describe('FlatLists: patched after edits, equal to a fresh flattening', () => {
  it('holds for random lists and random batches of edits, old results unchanged', () => {
    holds('flatLists', scenario, 300, ({ start, batches }) => {
      const lists = new Map(FILES.map((file, i) => [file, start[i]]));
      const flat = new FlatLists<number>();
      const listOf = (file: string): number[] => lists.get(file)!;
      let previous = flat.get(FILES, listOf);
      let previousCopy = [...previous];
      for (const batch of batches) {
        for (const [i, items] of batch) {
          lists.set(FILES[i], items);
          flat.set(FILES[i], items);
        }
        const now = flat.get(FILES, listOf);
        assert.deepEqual(now, FILES.flatMap(listOf));
        assert.deepEqual(previous, previousCopy, 'a list handed out before is unchanged');
        previous = now;
        previousCopy = [...now];
      }
    });
  });

  it('rebuilds when a file is new to it', () => {
    const flat = new FlatLists<string>();
    const lists = new Map([['a', ['1']], ['b', ['2']]]);
    assert.deepEqual(flat.get(['a', 'b'], (file) => lists.get(file)!), ['1', '2']);
    lists.set('c', ['3']);
    flat.set('c', ['3']);
    assert.deepEqual(flat.get(['a', 'b', 'c'], (file) => lists.get(file)!), ['1', '2', '3']);
  });
});
