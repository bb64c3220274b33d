// The baseline and snapshot readers on random and corrupted files: each answers with a value
// (the data, or an error with a message and, for the baseline, a place), never an exception.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import fc from 'fast-check';
import { parseBaseline, serializeBaseline } from '../../../src/core/baseline/baselineFormat';
import { parseSnapshots, serializeSnapshots } from '../../../src/core/windows/snapshots';
import { describeCounts, holds } from './propertyKit';

const FILE = path.resolve('/workspace/.guardrails/baseline.json');

const GOOD_BASELINE = serializeBaseline({
  version: 1,
  violations: [
    { ruleId: 'layered', file: 'src/a.ts', to: 'src/b.ts', count: 2 },
    { ruleId: 'no-cycle', file: 'src/b.ts', to: 'src/a.ts', count: 1 },
  ],
});
const GOOD_SNAPSHOTS = serializeSnapshots({
  version: 1,
  snapshots: [{ date: '2026-01-02', windows: { w: { debt: [], violations: [] } } }],
});

const NOISE = ['', '{', '}', '[', ']', ',', ':', '"', 'null', '1e999', '-', '"version"', '2', '\u0000', '\ufeff', '//', '/*', '"__proto__"', '{"__proto__":{}}', '[]'];

/** `base` with a few random splices: cut, insert noise, or truncate. */
const corrupted = (base: string) =>
  fc.array(fc.tuple(fc.nat(), fc.constantFrom(...NOISE), fc.nat({ max: 6 })), { minLength: 1, maxLength: 4 })
    .map((edits) => edits.reduce((text, [at, insert, cut]) => {
      const i = at % (text.length + 1);
      return text.slice(0, i) + insert + text.slice(i + cut);
    }, base));

const nested = fc.tuple(fc.integer({ min: 1, max: 20_000 }), fc.constantFrom('[', '{"a":')).map(([depth, open]) =>
  `${open.repeat(depth)}1${(open === '[' ? ']' : '}').repeat(depth)}`);

const anyFile = (base: string) => fc.oneof(
  fc.string({ maxLength: 120, unit: 'binary' }),
  fc.json({ maxDepth: 5 }),
  corrupted(base),
  fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify({ version: 1, violations: [value], snapshots: [value] })),
  nested,
);

const NAMES = ['readers: baseline', 'readers: snapshots'];

describe('properties: the baseline and snapshot readers', function () {
  this.timeout(60_000);
  after(() => console.log(`      runs: ${describeCounts(NAMES)}`));

  it('a baseline file of any content: the baseline, or an error with a message and a place', () => {
    holds(NAMES[0], anyFile(GOOD_BASELINE), 800, (text) => {
      const result = parseBaseline(text, FILE);
      if (result.ok) {
        assert.ok(Array.isArray(result.baseline.violations));
        return;
      }
      assert.ok(result.message.startsWith(`${FILE}:`), result.message);
      assert.ok(result.location.range.start.line >= 1 && result.location.range.start.column >= 1);
    });
  });

  it('a snapshots file of any content: the snapshots, or an error with a message', () => {
    holds(NAMES[1], anyFile(GOOD_SNAPSHOTS), 800, (text) => {
      const result = parseSnapshots(text);
      if (result.ok) assert.ok(Array.isArray(result.data.snapshots));
      else assert.ok(result.message.length > 0);
    });
  });
});
