import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { scanFileComments } from '../../../src/core/analysis/fileAnalysis';
import { collectComments } from '../../../src/core/debt/collectComments';
import { scanDebt } from '../../../src/core/debt/scanDebt';
import type { DebtPolicy } from '../../../src/core/model/ruleTypes';
import type { DebtItem, Range, Violation } from '../../../src/core/model/types';
import { fixtureDir, parseFixture, parseText } from './fixtures';

const ROOT = fixtureDir('debt');
const TODAY = '2026-03-10';
const POLICY: DebtPolicy = {
  tags: { TODO: 'info', FIXME: 'warning', HACK: 'warning', DEBT: 'warning' },
  require: { owner: ['DEBT', 'HACK'], ticket: ['DEBT'], due: [], estimate: [] },
  overdueSeverity: 'error',
  warnDaysBeforeDue: 14,
  match: 'start',
};

function scan(name: string, policy: DebtPolicy = POLICY): { items: DebtItem[]; problems: Violation[] } {
  const sf = parseFixture('debt', name);
  return scanDebt(sf, collectComments(sf), { file: path.join(ROOT, name), root: ROOT, policy, today: TODAY });
}

const at = (r: Range): string => `${r.start.line}:${r.start.column}-${r.end.line}:${r.end.column}`;

/** The fields a user sees, in one line per item. */
function summary(item: DebtItem): string {
  const meta = (['owner', 'ticket', 'due', 'estimate', 'estimateHours', 'interest'] as const)
    .filter((k) => item[k] !== undefined)
    .map((k) => `${k}=${item[k]}`);
  const flags = [item.severity, ...(item.overdue ? ['overdue'] : [])];
  return [at(item.range), item.tag, JSON.stringify(item.text), ...meta, ...flags].join(' ');
}

const problemsOf = (problems: Violation[]): string[] =>
  problems.map((p) => `${at(p.location.range)} ${p.ruleId} ${p.severity} ${p.message}`);

describe('scanDebt', () => {
  it('reads every tag form with its metadata and the exact tag position', () => {
    const { items, problems } = scan('forms.ts');
    assert.deepEqual(items.map(summary), [
      '1:4-1:8 TODO "simple note" info',
      '2:4-2:8 TODO "owner in parentheses" owner=alice info',
      '3:4-3:9 FIXME "text" ticket=PAY-12 warning',
      '4:4-4:8 DEBT "replace the legacy client" owner=alice ticket=PAY-123 due=2026-12-31 estimate=2d estimateHours=16 interest=high warning',
      '5:4-5:8 TODO "fix it without a colon" info',
      '9:28-9:32 HACK "trailing after code" owner=bob ticket=#42 due=2026-01-15 estimate=4h estimateHours=4 interest=low error overdue',
      '10:5-10:9 TODO "triple slash and a dash" owner=carol due=2027-02-28 estimate=1.5w estimateHours=60 info',
      '11:4-11:9 FIXME "url ticket" ticket=https://tracker.example.com/browse/PAY-9 warning',
      '12:4-12:8 TODO "" info',
    ]);
    assert.deepEqual(problems, []);
  });

  it('gives the comment line range, the absolute file and a line-independent id', () => {
    const { items } = scan('forms.ts');
    const hack = items.find((i) => i.tag === 'HACK')!;
    assert.equal(at(hack.commentRange), '9:25-9:105');
    assert.equal(hack.file, path.join(ROOT, 'forms.ts'));
    assert.equal(hack.id, 'HACK:forms.ts:trailing after code');
    assert.equal(items[0].id, 'TODO:forms.ts:simple note');
  });

  it('normalises the id text and keeps repeated notes apart', () => {
    const { items } = scan('places.tsx');
    assert.equal(items.find((i) => i.owner === 'dana')?.id, 'TODO:places.tsx:jsx comment');
    const file = path.join(ROOT, 'x.ts');
    const sf = parseText(file, '// TODO:  Same   Note\nconst a = 1;\n// TODO: same note\n');
    const twice = scanDebt(sf, collectComments(sf), { file, root: ROOT, policy: POLICY, today: TODAY });
    assert.deepEqual(twice.items.map((i) => i.id), ['TODO:x.ts:same note', 'TODO:x.ts:same note#2']);
  });

  it('finds tags in JSDoc, multi-tag block comments, types, JSX and at the end of the file', () => {
    const { items, problems } = scan('places.tsx');
    assert.deepEqual(items.map(summary), [
      '3:4-3:8 TODO "cache the result" owner=alice info',
      '4:4-4:9 FIXME "retries are missing" warning',
      '8:6-8:10 HACK "first line" warning',
      '9:6-9:10 DEBT "second line without a star" owner=bob ticket=PAY-7 warning',
      '14:23-14:27 TODO "type position" info',
      '15:13-15:18 FIXME "inline in a type" warning',
      '20:9-20:13 TODO "JSX comment" owner=dana info',
      '21:23-21:28 FIXME "after an expression in JSX" warning',
      '24:4-24:8 DEBT "end of file" owner=erin ticket=PAY-8 warning',
    ]);
    assert.deepEqual(items.map((i) => at(i.commentRange)).slice(0, 4), ['3:2-3:33', '4:2-4:30', '8:3-8:22', '9:6-9:54']);
    assert.deepEqual(problemsOf(problems), ['8:6-8:10 debt-metadata warning HACK needs an owner: write HACK(@name): …']);
  });

  it('finds nothing in strings, templates, regex literals or JSX text', () => {
    assert.deepEqual(scan('notComments.tsx').items.map(summary), ['6:25-6:29 TODO "after division" info']);
  });

  it('finds the same without a syntax tree (guardrails debt), in .tsx and in JavaScript holding JSX', () => {
    // The same text as a .js file: TypeScript reads JSX in JavaScript too.
    const text = fs.readFileSync(path.join(ROOT, 'notComments.tsx'), 'utf8');
    for (const name of ['notComments.tsx', 'notComments.js']) {
      const facts = scanFileComments(path.join(ROOT, name), text, { root: ROOT, policy: POLICY, today: TODAY });
      assert.deepEqual(facts.debt.map(summary), ['6:25-6:29 TODO "after division" info'], name);
    }
  });

  it('reads JavaScript files with a shebang', () => {
    assert.deepEqual(scan('plain.js').items.map(summary), [
      '4:4-4:8 TODO "a JavaScript file" owner=frank info',
      '5:27-5:32 FIXME "in an object" warning',
    ]);
  });

  it('escalates debt due before today, never lowering a severity', () => {
    assert.deepEqual(scan('overdue.ts').items.map(summary), [
      '1:4-1:8 TODO "due yesterday" due=2026-03-09 error overdue',
      '2:4-2:8 TODO "due today" due=2026-03-10 info',
      '3:4-3:8 TODO "due tomorrow" due=2026-03-11 info',
      '4:4-4:9 FIXME "long overdue" due=2025-01-01 error overdue',
      '5:4-5:8 DEBT "overdue debt" owner=gina ticket=PAY-1 due=2026-01-01 error overdue',
    ]);
    const mild = scan('overdue.ts', { ...POLICY, tags: { ...POLICY.tags, FIXME: 'error' }, overdueSeverity: 'warning' });
    assert.deepEqual(mild.items.map((i) => `${i.tag} ${i.severity} ${i.overdue}`), [
      'TODO warning true', 'TODO info false', 'TODO info false', 'FIXME error true', 'DEBT warning true',
    ]);
    const off = scan('overdue.ts', { ...POLICY, overdueSeverity: 'off' });
    assert.deepEqual(off.items.map((i) => i.severity), ['info', 'info', 'info', 'warning', 'warning']);
  });

  it('reports missing required metadata on the tag', () => {
    const { items, problems } = scan('required.ts');
    assert.equal(items.length, 6);
    assert.deepEqual(problemsOf(problems), [
      '1:4-1:8 debt-metadata warning DEBT needs an owner and a ticket: write DEBT(@name, ABC-123): …',
      '2:4-2:8 debt-metadata warning DEBT needs a ticket: write DEBT(ABC-123): …',
      '3:4-3:8 debt-metadata warning DEBT needs an owner: write DEBT(@name): …',
      '4:4-4:8 debt-metadata warning DEBT needs an owner: write DEBT(@name): …',
      '5:4-5:8 debt-metadata warning HACK needs an owner: write HACK(@name): …',
    ]);
    const strict = scan('required.ts', {
      ...POLICY,
      require: { owner: [], ticket: [], due: ['HACK'], estimate: ['HACK'] },
    });
    assert.deepEqual(problemsOf(strict.problems), [
      '5:4-5:8 debt-metadata warning HACK needs a due date and an estimate: write HACK(due YYYY-MM-DD, est 2d): …',
      '6:4-6:8 debt-metadata warning HACK needs a due date and an estimate: write HACK(due YYYY-MM-DD, est 2d): …',
    ]);
  });

  it('reports malformed metadata on the tag and keeps what it could read', () => {
    const { items, problems } = scan('malformed.ts');
    assert.deepEqual(items.map(summary), [
      '1:4-1:8 DEBT "bad date" owner=jo ticket=PAY-4 warning',
      '2:4-2:8 TODO "two owners" owner=jo info',
      '3:4-3:8 TODO "unknown pair" estimate=2d estimateHours=16 info',
      '4:4-4:9 FIXME "three bad items" warning',
      '5:4-5:8 TODO "two tickets" ticket=PAY-5 info',
      '6:4-6:8 TODO "ticket twice" ticket=PAY-5 info',
      '7:4-7:8 TODO "key without value" info',
      '8:4-8:8 TODO "alice: unclosed parenthesis" info',
    ]);
    const m = 'debt-metadata warning malformed debt metadata:';
    assert.deepEqual(problemsOf(problems), [
      `1:4-1:8 ${m} due date "2026-13-45" is not a real date; write due YYYY-MM-DD`,
      `2:4-2:8 ${m} two owners (jo and kim); write one owner`,
      `3:4-3:8 ${m} "foo bar" is not understood; expected @owner, a ticket (#123, ABC-123, https://…), due YYYY-MM-DD, est 2d (h/d/w) or interest low|medium|high|critical`,
      `4:4-4:9 ${m} estimate "3x" is not understood; write est 4h, est 2d or est 1w`,
      `4:4-4:9 ${m} interest "huge" is not one of low, medium, high, critical`,
      `4:4-4:9 ${m} due date "soon" is not a date; write due YYYY-MM-DD`,
      `5:4-5:8 ${m} two tickets (PAY-5 and #6); keep one`,
      `6:4-6:8 ${m} two tickets (PAY-5 and /PAY-6); keep one`,
      `7:4-7:8 ${m} "due" needs a value; write due YYYY-MM-DD`,
      `8:4-8:8 ${m} missing ")" after "(alice: unclosed parenthesis"; write TODO(@owner, ABC-123): text`,
    ]);
  });

  it('follows a custom tag policy and skips tags switched off', () => {
    const policy: DebtPolicy = {
      ...POLICY,
      tags: { NOTE: 'info', XXX: 'error', TODO: 'off' },
      require: { owner: ['XXX'], ticket: [], due: [], estimate: [] },
    };
    const { items, problems } = scan('custom.ts', policy);
    assert.deepEqual(items.map(summary), ['1:4-1:8 NOTE "kept" owner=lee info', '2:4-2:7 XXX "custom tag" error']);
    assert.deepEqual(problemsOf(problems), ['2:4-2:7 debt-metadata warning XXX needs an owner: write XXX(@name): …']);
  });
});

describe('scanDebt: debt.match', () => {
  it('"start" (the default) takes a tag only as the first word of a comment line', () => {
    assert.deepEqual(scan('anywhere.ts').items.map(summary), ['1:4-1:8 TODO "first word, found either way" info']);
  });

  it('"anywhere" also takes a tag later in a comment line, in the forms that mark one, never in strings or prose', () => {
    const { items, problems } = scan('anywhere.ts', { ...POLICY, match: 'anywhere' });
    assert.deepEqual(items.map(summary), [
      '1:4-1:8 TODO "first word, found either way" info',
      '2:21-2:25 TODO "" info',
      '3:51-3:56 FIXME "the logger" warning',
      '6:23-6:27 TODO "return the team too" info',
      '9:27-9:32 FIXME "it\'d be nice to drop it" warning',
      '13:11-13:15 HACK "bracketed" warning',
    ]);
    assert.deepEqual(problemsOf(problems), ['13:11-13:15 debt-metadata warning HACK needs an owner: write HACK(@name): …']);
  });
});
