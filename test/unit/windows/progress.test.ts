import * as assert from 'node:assert/strict';
import type { RefactoringWindow, WindowGoal } from '../../../src/core/model/ruleTypes';
import { measureState } from '../../../src/core/windows/measure';
import { goalProgress, goalStatus, windowStatus, windowTiming } from '../../../src/core/windows/progress';
import type { MeasuredState } from '../../../src/core/windows/records';
import { assessGoals } from '../../../src/core/windows/windowReport';

const at = { file: '/w/guardrails.json', range: { start: { line: 1, column: 1 }, end: { line: 1, column: 2 } } };

function goal(fields: Omit<WindowGoal, 'location'>): WindowGoal {
  return { ...fields, location: at };
}

function window(goals: WindowGoal[], scope = ['src/**']): RefactoringWindow {
  return { id: 'w', title: 'W', start: '2026-11-02', end: '2026-11-15', scope, goals, hold: 'warning', location: at };
}

const debt = (file: string, tag: string, text: string, estimateHours?: number) =>
  ({ id: `${tag}:${file}:${text}`, tag, file, line: 1, text, ...(estimateHours === undefined ? {} : { estimateHours }) });
const finding = (ruleId: string, file: string, to: string) => ({ ruleId, file, to, line: 1 });

describe('windows: progress per goal', () => {
  it('is zero while nothing has moved since the window opened', () => {
    assert.equal(goalProgress(8, 8, 0), 0);
  });

  it('is the share of the way from the start to the target', () => {
    assert.equal(goalProgress(8, 6, 0), 0.25);
    assert.equal(goalProgress(10, 6, 2), 0.5);
    assert.equal(goalProgress(8, 0, 0), 1);
  });

  it('is clamped: overshooting counts as done, going up as zero', () => {
    assert.equal(goalProgress(8, 1, 2), 1);
    assert.equal(goalProgress(8, 11, 0), 0);
  });

  it('is complete when the target was already met at the start, while it stays met', () => {
    assert.equal(goalProgress(0, 0, 0), 1);
    assert.equal(goalProgress(2, 3, 5), 1);
    assert.equal(goalProgress(0, 1, 0), 0);
    assert.equal(goalProgress(3, 6, 5), 0);
  });
});

describe('windows: elapsed time and status', () => {
  it('counts the days passed before today (start and end included in the window)', () => {
    assert.deepEqual(windowTiming('2026-11-02', '2026-11-15', '2026-11-02'), { daysTotal: 14, daysPassed: 0, daysLeft: 14, elapsed: 0, phase: 'running' });
    assert.deepEqual(windowTiming('2026-11-02', '2026-11-15', '2026-11-09'), { daysTotal: 14, daysPassed: 7, daysLeft: 7, elapsed: 0.5, phase: 'running' });
    assert.deepEqual(windowTiming('2026-11-02', '2026-11-15', '2026-11-15'), { daysTotal: 14, daysPassed: 13, daysLeft: 1, elapsed: 13 / 14, phase: 'running' });
  });

  it('before the window opens: no time elapsed, not started, whatever the numbers', () => {
    const timing = windowTiming('2026-11-02', '2026-11-15', '2026-10-20');
    assert.deepEqual(timing, { daysTotal: 14, daysPassed: 0, daysLeft: 14, elapsed: 0, phase: 'before' });
    assert.equal(goalStatus(0, true, timing), 'not-started');
    assert.equal(windowStatus(['not-started'], timing), 'not-started');
  });

  it('after the window ended: all time elapsed; done if every goal is met, ended otherwise', () => {
    const timing = windowTiming('2026-11-02', '2026-11-15', '2026-11-16');
    assert.deepEqual(timing, { daysTotal: 14, daysPassed: 14, daysLeft: 0, elapsed: 1, phase: 'after' });
    assert.equal(goalStatus(0.9, false, timing), 'ended');
    assert.equal(goalStatus(1, true, timing), 'done');
    assert.equal(windowStatus(['done', 'ended'], timing), 'ended');
    assert.equal(windowStatus(['done', 'done'], timing), 'done');
  });

  it('on track when progress keeps up with elapsed time, behind when it does not', () => {
    const half = windowTiming('2026-11-02', '2026-11-15', '2026-11-09');
    assert.equal(goalStatus(0.5, false, half), 'on-track');
    assert.equal(goalStatus(0.49, false, half), 'behind');
    assert.equal(goalStatus(null, false, half), 'unknown');
    assert.equal(windowStatus(['on-track', 'done'], half), 'on-track');
    assert.equal(windowStatus(['on-track', 'behind', 'done'], half), 'behind');
    assert.equal(windowStatus(['on-track', 'unknown'], half), 'unknown');
  });
});

describe('windows: what a goal counts', () => {
  const state: MeasuredState = {
    debt: [
      debt('src/pay/a.ts', 'DEBT', 'one', 4),
      debt('src/pay/a.ts', 'FIXME', 'two'),
      debt('src/pay/deep/b.ts', 'DEBT', 'three', 16),
      debt('src/other/c.ts', 'DEBT', 'outside the window', 8),
    ],
    violations: [
      finding('domain-pure', 'src/pay/a.ts', 'src/infra/db.ts'),
      finding('domain-pure', 'src/pay/deep/b.ts', 'node:fs'),
      finding('no-cycles', 'src/pay/a.ts', 'src/pay/deep/b.ts'),
      finding('domain-pure', 'src/other/c.ts', 'src/infra/db.ts'),
    ],
  };
  const w = window([], ['src/pay/**']);

  it('counts only the findings of the goal\'s rule, inside the window', () => {
    assert.equal(measureState(state, w, goal({ metric: 'violations', rule: 'domain-pure', target: 0 })), 2);
    assert.equal(measureState(state, w, goal({ metric: 'violations', target: 0 })), 3);
  });

  it('narrows to the goal\'s scope and tag; estimates sum hours', () => {
    assert.equal(measureState(state, w, goal({ metric: 'debt', target: 0 })), 3);
    assert.equal(measureState(state, w, goal({ metric: 'debt', scope: ['src/pay/deep/**'], target: 0 })), 1);
    assert.equal(measureState(state, w, goal({ metric: 'debt', tag: 'FIXME', target: 0 })), 1);
    assert.equal(measureState(state, w, goal({ metric: 'estimate', target: 0 })), 20);
    assert.equal(measureState(state, w, goal({ metric: 'estimate', tag: 'DEBT', scope: ['src/pay/a.ts'], target: 0 })), 4);
    assert.equal(measureState(state, w, goal({ metric: 'violations', rule: 'domain-pure', scope: ['src/pay/deep/**'], target: 0 })), 1);
  });

  it('assesses every goal of a window from its two states', () => {
    const now: MeasuredState = { debt: state.debt.slice(1), violations: state.violations.slice(2) };
    const goals = [goal({ metric: 'debt', target: 0 }), goal({ metric: 'violations', rule: 'domain-pure', target: 0 })];
    const assessed = assessGoals({ ...w, goals }, state, now, '2026-11-09');
    assert.deepEqual(assessed.goals.map((g) => [g.label, g.atStart, g.now, g.progress, g.met, g.status]), [
      ['debt', 3, 2, 0.3333, false, 'behind'],
      ['violations of domain-pure', 2, 0, 1, true, 'done'],
    ]);
    assert.equal(assessed.status, 'behind');
    const early = assessGoals({ ...w, goals }, state, now, '2026-10-01');
    assert.deepEqual(early.goals.map((g) => [g.atStart, g.now, g.progress, g.status]), [[null, 2, 0, 'not-started'], [null, 0, 0, 'not-started']]);
  });
});
