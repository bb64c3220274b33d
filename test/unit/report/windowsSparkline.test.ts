import * as assert from 'node:assert/strict';
import { sparkline, trendLines } from '../../../src/core/report/windowsWording';
import type { WindowProgress } from '../../../src/core/windows/windowReport';

/** A window with one goal, as far as its sparkline reads it. */
function windowWith(values: number[], atStart: number, target: number): WindowProgress {
  return {
    goals: [{ atStart, target }],
    burndown: values.map((value, i) => ({ date: `2026-11-${String(i + 1).padStart(2, '0')}`, values: [value] })),
  } as unknown as WindowProgress;
}

describe('windows: the burndown sparkline in text and Markdown reports', () => {
  it('shows a small step towards a target above zero (34 → 32 against 20 is not a flat line)', () => {
    const line = sparkline(windowWith([34, 34, 33, 32], 34, 20), 0);
    assert.equal(line.length, 4);
    assert.equal(line[0], '█');
    assert.notEqual(line[3], line[0], line);
    assert.ok(line[3] < line[0], line);
  });

  it('draws the target as the lowest bar, and values at or below it there too', () => {
    assert.equal(sparkline(windowWith([30, 25, 20, 18], 30, 20), 0), '█▅▁▁');
  });

  it('keeps a zero target scaled from zero, as before', () => {
    assert.equal(sparkline(windowWith([8, 4, 0], 8, 0), 0), '█▅▁');
  });

  it('is all lowest bars when the goal was met all along', () => {
    assert.equal(sparkline(windowWith([3, 2, 3], 3, 5), 0), '▁▁▁');
  });
});

describe('windows: the weekly trend sparklines in text and Markdown reports', () => {
  const trend = (violations: number[]) => violations.map((v, i) => ({ week: `2026-0${1 + Math.floor(i / 4)}-0${1 + (i % 4)}`, violations: v, debt: 5 }));

  it('shows a rise from 136 to 142 from the lowest week to the highest, not as a flat line', () => {
    const [violations] = trendLines(trend([136, 136, 137, 139, 142]));
    assert.equal(violations.bars, '▁▁▂▅█');
    assert.equal(violations.first, 136);
    assert.equal(violations.last, 142);
  });

  it('draws a flat trend as a middle line, not as lowest bars that read as nothing left', () => {
    const [, debt] = trendLines(trend([1, 2, 3]));
    assert.equal(debt.bars, '▄▄▄');
  });
});
