import * as assert from 'node:assert/strict';
import { alignLines } from '../../../src/core/git/alignLines';

/** `new index → old index` as `n:o` strings, in order. */
const pairs = (before: string[], after: string[]): string[] => [...alignLines(before, after)].sort((x, y) => x[0] - y[0]).map(([n, o]) => `${n}:${o}`);

describe('git: carrying blame onto the current text (alignLines)', () => {
  it('keeps unchanged lines when lines are inserted above, below and between them', () => {
    assert.deepEqual(pairs(['a', 'b', 'c'], ['new', 'a', 'b', 'mid', 'c', 'end']), ['1:0', '2:1', '4:2']);
  });

  it('leaves edited and new lines out; of two lines that swapped, one keeps its date', () => {
    const swapped = pairs(['a', 'b', 'c', 'd'], ['a', 'B!', 'd', 'c']);
    assert.equal(swapped.length, 2);
    assert.ok(swapped[0] === '0:0' && ['2:3', '3:2'].includes(swapped[1]), swapped.join(' '));
    assert.deepEqual(pairs([], ['x']), []);
    assert.deepEqual(pairs(['x'], []), []);
  });

  it('stays bounded on large, different middles by anchoring on lines unique to both sides', () => {
    const before = Array.from({ length: 3000 }, (_, i) => `line ${i}`);
    const after = before.map((line, i) => (i % 2 === 0 ? `${line} edited` : line));
    const matched = alignLines(before, after);
    assert.equal(matched.size, 1500);
    for (const [now, then] of matched) assert.equal(after[now], before[then]);
  });
});
