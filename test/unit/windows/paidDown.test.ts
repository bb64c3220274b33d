import * as assert from 'node:assert/strict';
import type { RefactoringWindow, WindowGoal } from '../../../src/core/model/ruleTypes';
import { paidDownBetween } from '../../../src/core/windows/paidDown';
import type { DebtRecord, MeasuredState } from '../../../src/core/windows/records';

const at = { file: '/w/guardrails.json', range: { start: { line: 1, column: 1 }, end: { line: 1, column: 2 } } };
const goals: WindowGoal[] = [
  { metric: 'debt', target: 0, location: at },
  { metric: 'violations', rule: 'pure', target: 0, location: at },
];
const window: RefactoringWindow = { id: 'w', title: 'W', start: '2026-11-02', end: '2026-11-15', scope: ['src/**'], goals, location: at };

function item(file: string, line: number, text: string): DebtRecord {
  return { id: `TODO:${file}:${text.toLowerCase()}`, tag: 'TODO', file, line, text };
}

describe('windows: what was paid down', () => {
  it('counts removed items, not items that moved to another line or another file', () => {
    const start: MeasuredState = {
      debt: [item('src/a.ts', 3, 'Paid'), item('src/a.ts', 5, 'Moved down'), item('src/a.ts', 9, 'Moved away'), item('lib/out.ts', 1, 'Outside')],
      violations: [],
    };
    const now: MeasuredState = {
      debt: [item('src/a.ts', 12, 'Moved down'), item('src/b.ts', 2, 'moved  AWAY')],
      violations: [],
    };
    now.debt[1].id = 'TODO:src/b.ts:moved away';
    assert.deepEqual(paidDownBetween(start, now, window).map((p) => [p.kind, p.record.file, p.record.line]), [['debt', 'src/a.ts', 3]]);
  });

  it('counts findings of the goal\'s rule by rule, file and target, with how many went', () => {
    const finding = (ruleId: string, file: string, to: string, line: number) => ({ ruleId, file, to, line });
    const start: MeasuredState = {
      debt: [],
      violations: [finding('pure', 'src/a.ts', 'src/db.ts', 1), finding('pure', 'src/a.ts', 'src/db.ts', 7), finding('pure', 'src/b.ts', 'node:fs', 2), finding('other', 'src/c.ts', 'x', 1)],
    };
    const now: MeasuredState = { debt: [], violations: [finding('pure', 'src/a.ts', 'src/db.ts', 4)] };
    assert.deepEqual(paidDownBetween(start, now, window).map((p) => [p.kind, p.record.file, p.kind === 'violation' ? p.count : 0]), [
      ['violation', 'src/a.ts', 1],
      ['violation', 'src/b.ts', 1],
    ]);
  });
});
