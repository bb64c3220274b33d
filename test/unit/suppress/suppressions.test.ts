import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { collectComments } from '../../../src/core/debt/collectComments';
import { applySuppressions, parseSuppressions, type Suppression } from '../../../src/core/suppress/suppressions';
import type { Range, Violation } from '../../../src/core/model/types';
import { LineIndex, pointRange } from '../../../src/core/util/positions';
import { fixtureDir, parseFixture } from '../debt/fixtures';

const DIR = fixtureDir('suppress');
const APP = path.join(DIR, 'app.ts');

function parse(name: string): ReturnType<typeof parseSuppressions> {
  const sf = parseFixture('suppress', name);
  return parseSuppressions(collectComments(sf), { file: path.join(DIR, name), lineIndex: new LineIndex(sf.text) });
}

const at = (r: Range): string => `${r.start.line}:${r.start.column}-${r.end.line}:${r.end.column}`;
const summary = (s: Suppression): string => `${at(s.range)} ${s.line}->${s.targetLine} [${s.ruleIds.join(',')}] ${s.reason}`;

function violation(ruleId: string, file: string, line: number, column = 1): Violation {
  return { ruleId, severity: 'error', message: `${ruleId} here`, location: { file, range: pointRange(line, column) }, from: file, to: '' };
}

describe('parseSuppressions', () => {
  it('reads line, block, JSDoc-line and JSX suppressions with their target line', () => {
    assert.deepEqual(parse('app.ts').suppressions.map(summary), [
      '1:1-1:85 1->2 [domain-pure] the legacy adapter moves out in PAY-12',
      '3:1-3:71 3->4 [no-cycles,layered] tracked in PAY-13',
      '5:1-5:57 5->6 [ui-no-db] block form',
      '7:1-7:78 7->8 [no-cycles] nothing is wrong on the next line',
      '20:2-20:65 20->22 [entry-point] public for the CLI',
    ]);
    assert.deepEqual(parse('view.tsx').suppressions.map(summary), ['3:6-3:76 3->4 [entry-point] the sidebar is public']);
    assert.equal(parse('view.tsx').suppressions[0].file, path.join(DIR, 'view.tsx'));
    assert.equal(parse('app.ts').suppressions[0].file, APP);
  });

  it('reports suppressions without a rule id or a reason, and unknown directives', () => {
    const problems = parse('app.ts').problems.map((p) => `${at(p.location.range)} ${p.ruleId} ${p.severity} ${p.message}`);
    assert.deepEqual(problems, [
      '9:1-9:43 invalid-suppression warning guardrails-ignore-next-line domain-pure needs a reason: write // guardrails-ignore-next-line domain-pure -- why this is acceptable; it suppresses nothing until then',
      '11:1-11:46 invalid-suppression warning guardrails-ignore-next-line domain-pure needs a reason: write // guardrails-ignore-next-line domain-pure -- why this is acceptable; it suppresses nothing until then',
      '13:1-13:45 invalid-suppression warning guardrails-ignore-next-line needs a rule id: write // guardrails-ignore-next-line RULE_ID -- why this is acceptable; it suppresses nothing until then',
      '15:1-15:50 invalid-suppression warning unknown directive "guardrails-ignore"; write // guardrails-ignore-next-line RULE_ID -- why this is acceptable',
    ]);
    assert.deepEqual(parse('view.tsx').problems, []);
  });
});

describe('applySuppressions', () => {
  const { suppressions, problems } = parse('app.ts');

  it('suppresses listed rules on the target line only, in the same file', () => {
    const onTarget = violation('domain-pure', APP, 2, 22);
    const otherRule = violation('layered', APP, 2);
    const otherLine = violation('domain-pure', APP, 3);
    const otherFile = violation('domain-pure', path.join(DIR, 'other.ts'), 2);
    const second = violation('layered', APP, 4);
    const block = violation('ui-no-db', APP, 6);
    const jsdoc = violation('entry-point', APP, 22);
    const invalidTarget = violation('domain-pure', APP, 10);
    const result = applySuppressions([onTarget, otherRule, otherLine, otherFile, second, block, jsdoc, invalidTarget], suppressions);
    assert.deepEqual(result.suppressed, [onTarget, second, block, jsdoc]);
    assert.deepEqual(result.kept, [otherRule, otherLine, otherFile, invalidTarget]);
    assert.deepEqual(
      result.unused.map((u) => `${at(u.location.range)} ${u.ruleId} ${u.severity} ${u.message}`),
      [
        '3:1-3:71 unused-suppression warning guardrails-ignore-next-line no-cycles suppresses nothing on line 4; remove it',
        '7:1-7:78 unused-suppression warning guardrails-ignore-next-line no-cycles suppresses nothing on line 8; remove it',
      ],
    );
    assert.equal(result.unused[0].location.file, APP);
  });

  it('reports every rule id of a suppression that suppressed nothing', () => {
    const result = applySuppressions([], suppressions);
    assert.deepEqual(result.kept, []);
    assert.deepEqual(result.unused.map((u) => u.message), [
      'guardrails-ignore-next-line domain-pure suppresses nothing on line 2; remove it',
      'guardrails-ignore-next-line no-cycles suppresses nothing on line 4; remove it',
      'guardrails-ignore-next-line layered suppresses nothing on line 4; remove it',
      'guardrails-ignore-next-line ui-no-db suppresses nothing on line 6; remove it',
      'guardrails-ignore-next-line no-cycles suppresses nothing on line 8; remove it',
      'guardrails-ignore-next-line entry-point suppresses nothing on line 22; remove it',
    ]);
  });

  it('suppresses every finding of a listed rule on the line', () => {
    const a = violation('no-cycles', APP, 4, 1);
    const b = violation('no-cycles', APP, 4, 20);
    const result = applySuppressions([a, b], suppressions);
    assert.deepEqual(result.suppressed, [a, b]);
  });

  it('never suppresses its own findings', () => {
    const selfTargeting: Suppression = {
      file: APP,
      ruleIds: ['invalid-suppression', 'unused-suppression'],
      reason: 'tries to hide itself',
      line: 8,
      targetLine: 9,
      range: pointRange(8, 1),
    };
    // The invalid suppression on line 9 is reported on line 9.
    const result = applySuppressions([...problems, violation('unused-suppression', APP, 9)], [selfTargeting]);
    assert.equal(result.suppressed.length, 0);
    assert.equal(result.kept.length, problems.length + 1);
    assert.equal(result.unused.length, 2);
  });
});
