import * as assert from 'node:assert/strict';
import type { RefactoringWindow, WindowGoal } from '../../../src/core/model/ruleTypes';
import { paidDownBetween } from '../../../src/core/windows/paidDown';
import { importKey, type DebtRecord, type MeasuredState } from '../../../src/core/windows/records';

const at = { file: '/w/guardrails.json', range: { start: { line: 1, column: 1 }, end: { line: 1, column: 2 } } };
const goals: WindowGoal[] = [
  { metric: 'debt', target: 0, location: at },
  { metric: 'violations', rule: 'pure', target: 0, location: at },
];
const window: RefactoringWindow = { id: 'w', title: 'W', start: '2026-11-02', end: '2026-11-15', scope: ['src/**'], goals, hold: 'warning', location: at };

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

  it('counts an import of the goal\'s rule that is gone, once, however many findings it was in', () => {
    const finding = (ruleId: string, file: string, to: string, line: number) => ({ ruleId, file, to, line });
    const start: MeasuredState = {
      debt: [],
      violations: [finding('pure', 'src/a.ts', 'src/db.ts', 1), finding('pure', 'src/a.ts', 'src/db.ts', 7), finding('pure', 'src/b.ts', 'node:fs', 2), finding('other', 'src/c.ts', 'x', 1)],
    };
    const now: MeasuredState = { debt: [], violations: [], imports: new Set([importKey('src/a.ts', 'src/db.ts')]) };
    assert.deepEqual(paidDownBetween(start, now, window).map((p) => [p.kind, p.record.file, p.kind === 'violation' ? p.record.to : '', p.kind === 'violation' ? p.findings : 0]), [
      ['violation', 'src/b.ts', 'node:fs', 1],
    ]);
  });

  it('a cycle whose shortest path changed is not paid down; the import that broke one is, once', () => {
    const cycleGoal: RefactoringWindow = { ...window, goals: [{ metric: 'violations', rule: 'acyclic', target: 0, location: at }] };
    const step = (file: string, to: string, line: number) => ({ file, to, line });
    const cycle = (steps: ReturnType<typeof step>[]) => ({ ruleId: 'acyclic', file: steps[0].file, to: steps[0].to, line: steps[0].line, steps });
    const start: MeasuredState = {
      debt: [],
      violations: [
        cycle([step('src/a.ts', 'src/b.ts', 1), step('src/b.ts', 'src/a.ts', 1)]),
        cycle([step('src/c.ts', 'src/b.ts', 1), step('src/b.ts', 'src/d.ts', 2), step('src/d.ts', 'src/c.ts', 1)]),
        cycle([step('src/x.ts', 'src/b.ts', 1), step('src/b.ts', 'src/x.ts', 3)]),
      ],
    };
    // b no longer imports a or x; c → b → d → c still exists (reported from another file now).
    const imports = ['src/a.ts src/b.ts', 'src/c.ts src/b.ts', 'src/b.ts src/d.ts', 'src/d.ts src/c.ts', 'src/x.ts src/b.ts'].map((pair) => importKey(...(pair.split(' ') as [string, string])));
    const now: MeasuredState = { debt: [], violations: [cycle([step('src/b.ts', 'src/d.ts', 2), step('src/d.ts', 'src/c.ts', 1), step('src/c.ts', 'src/b.ts', 1)])], imports: new Set(imports) };
    assert.deepEqual(paidDownBetween(start, now, cycleGoal).map((p) => [p.record.file, p.record.line, p.kind === 'violation' ? p.record.to : '', p.kind === 'violation' ? p.findings : 0]), [
      ['src/b.ts', 1, 'src/a.ts', 1],
      ['src/b.ts', 3, 'src/x.ts', 1],
    ]);
  });
});
