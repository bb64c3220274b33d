import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { ComponentTracker } from '../../../src/core/checks/componentTracker';
import { cyclicComponents } from '../../../src/core/checks/cycles';
import { holds } from './propertyKit';

// The cycle rule updates its components after each edit from the part of the graph the edit can
// change (issue 14: a full search per edit took 0.2 to 0.9 s at 50,000 files). Whatever the
// graph and the edits, the components must be those a full search finds.

const NODES = 12;
const node = (i: number): string => `n${String(i).padStart(2, '0')}`;
const targetsArb = fc.uniqueArray(fc.integer({ min: 0, max: NODES - 1 }), { maxLength: 4 });
/** A starting graph, then edits: a node and its new targets (one edit, or several before one update). */
const scenario = fc.record({
  graph: fc.array(targetsArb, { minLength: NODES, maxLength: NODES }),
  batches: fc.array(fc.array(fc.tuple(fc.integer({ min: 0, max: NODES - 1 }), targetsArb), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 8 }),
});

const key = (components: readonly (readonly string[])[]): string[] => components.map((c) => [...c].sort().join(' ')).sort();

describe('ComponentTracker: components after edits equal a full search', () => {
  it('holds for random graphs and random batches of edits', () => {
    holds('componentTracker', scenario, 300, ({ graph, batches }) => {
      const tracker = new ComponentTracker();
      const edges = new Map<string, string[]>();
      graph.forEach((targets, i) => {
        edges.set(node(i), targets.map(node));
        tracker.setTargets(node(i), targets.map(node));
      });
      let current = tracker.update().added;
      for (const batch of batches) {
        for (const [i, targets] of batch) {
          edges.set(node(i), targets.map(node));
          tracker.setTargets(node(i), targets.map(node));
        }
        const { added, removed } = tracker.update();
        const gone = new Set(removed);
        current = [...current.filter((component) => !gone.has(component)), ...added];
        const full = cyclicComponents(new Map([...edges].map(([from, to]) => [from, [...to].sort()])));
        assert.deepEqual(key(current), key(full));
        assert.deepEqual(key(tracker.components()), key(full));
      }
    });
  });

  it('a node importing itself is a component; an edge that closes a ring merges its nodes', () => {
    const tracker = new ComponentTracker();
    tracker.setTargets('a', ['b']);
    tracker.setTargets('b', ['c']);
    tracker.setTargets('c', ['c']);
    assert.deepEqual(key(tracker.update().added), ['c']);
    tracker.setTargets('c', ['a']);
    const { added, removed } = tracker.update();
    assert.deepEqual(key(added), ['a b c']);
    assert.deepEqual(key(removed), ['c']);
  });
});
