import * as assert from 'node:assert/strict';
import { CycleMemo, cyclicComponents, shortestCycles, type Adjacency } from '../../../src/core/checks/cycles';

// The no-cycle rule remembers the shortest cycles of the tangles it saw: a tangle whose own edges
// did not change is not searched again, one whose edges changed is.

const graph = (edges: Record<string, string[]>): Adjacency => new Map(Object.entries(edges));

describe('CycleMemo', () => {
  it('answers as the search does, and searches again when the component\'s own edges change', () => {
    const memo = new CycleMemo();
    const first = graph({ a: ['b'], b: ['c'], c: ['a'], x: ['y'], y: [] });
    const [component] = cyclicComponents(first);
    assert.deepEqual(memo.shortestCycles(component, first), shortestCycles(component, first));
    assert.deepEqual(memo.shortestCycles(component, first), [['a', 'b', 'c']]);

    // An edge outside the component (x → y became x → a): the same answer.
    const outside = graph({ a: ['b'], b: ['c'], c: ['a'], x: ['a'], y: [] });
    assert.deepEqual(memo.shortestCycles(component, outside), [['a', 'b', 'c']]);

    // A shortcut inside it (a → c): a new, shorter cycle is found.
    const inside = graph({ a: ['b', 'c'], b: ['c'], c: ['a'] });
    assert.deepEqual(memo.shortestCycles(component, inside), shortestCycles(component, inside));
    assert.deepEqual(memo.shortestCycles(component, inside), [['a', 'c'], ['a', 'b', 'c']]);
  });
});
