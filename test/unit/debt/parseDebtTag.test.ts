import { strict as assert } from 'node:assert';
import { estimateHours, isIsoDate, parseDebtTag } from '../../../src/core/debt/parseDebtTag';

const TAGS = ['TODO', 'FIXME', 'HACK', 'DEBT'];

describe('parseDebtTag', () => {
  it('reads the four documented forms', () => {
    assert.deepEqual(parseDebtTag('// TODO: simple note', TAGS), {
      tag: 'TODO', tagStart: 3, tagEnd: 7, text: 'simple note', metadata: {}, problems: [],
    });
    assert.deepEqual(parseDebtTag('// TODO(alice): owner in parentheses', TAGS), {
      tag: 'TODO', tagStart: 3, tagEnd: 7, text: 'owner in parentheses', metadata: { owner: 'alice' }, problems: [],
    });
    assert.deepEqual(parseDebtTag('// FIXME: text /PAY-12', TAGS), {
      tag: 'FIXME', tagStart: 3, tagEnd: 8, text: 'text', metadata: { ticket: 'PAY-12' }, problems: [],
    });
    assert.deepEqual(
      parseDebtTag('// DEBT(@alice, PAY-123, due 2026-12-31, est 2d, interest high): replace the legacy client', TAGS),
      {
        tag: 'DEBT',
        tagStart: 3,
        tagEnd: 7,
        text: 'replace the legacy client',
        metadata: { owner: 'alice', ticket: 'PAY-123', due: '2026-12-31', estimate: '2d', estimateHours: 16, interest: 'high' },
        problems: [],
      },
    );
  });

  it('counts a tag only at the start of the content, as a whole word, case-sensitively', () => {
    assert.equal(parseDebtTag('// TODO fix it', TAGS)?.text, 'fix it');
    assert.equal(parseDebtTag('// TODO', TAGS)?.text, '');
    assert.equal(parseDebtTag('// todos are', TAGS), undefined);
    assert.equal(parseDebtTag('// todo: lowercase', TAGS), undefined);
    assert.equal(parseDebtTag('// TODOS: plural', TAGS), undefined);
    assert.equal(parseDebtTag('// TODO_LIST: identifier', TAGS), undefined);
    assert.equal(parseDebtTag('// see TODO: later', TAGS), undefined);
    assert.equal(parseDebtTag('// * TODO: a star in a line comment', TAGS), undefined);
  });

  it('accepts every comment opener and block-comment line shape', () => {
    assert.deepEqual(pick(parseDebtTag('/* TODO: a */', TAGS)), ['TODO', 3, 'a']);
    assert.deepEqual(pick(parseDebtTag('/** FIXME: b */', TAGS)), ['FIXME', 4, 'b']);
    assert.deepEqual(pick(parseDebtTag('   * HACK: c', TAGS)), ['HACK', 5, 'c']);
    assert.deepEqual(pick(parseDebtTag('     DEBT: d */', TAGS)), ['DEBT', 5, 'd']);
    assert.deepEqual(pick(parseDebtTag('/// TODO - e', TAGS)), ['TODO', 4, 'e']);
    assert.equal(parseDebtTag(' */', TAGS), undefined);
  });

  it('prefers the longest tag the policy knows', () => {
    assert.equal(parseDebtTag('// TODO_LATER: x', ['TODO', 'TODO_LATER'])?.tag, 'TODO_LATER');
  });

  it('reads every metadata spelling', () => {
    assert.deepEqual(parseDebtTag('// HACK(bob, #42, due:2026-01-15, estimate 4h, priority LOW) text', TAGS)?.metadata, {
      owner: 'bob', ticket: '#42', due: '2026-01-15', estimate: '4h', estimateHours: 4, interest: 'low',
    });
    assert.deepEqual(parseDebtTag('// TODO(due=2027-02-28, 1.5w, @team/web): x', TAGS)?.metadata, {
      due: '2027-02-28', estimate: '1.5w', estimateHours: 60, owner: 'team/web',
    });
    assert.deepEqual(parseDebtTag('// TODO(https://t.example/PAY-9, 2026-05-01, est 3 d): x', TAGS)?.metadata, {
      ticket: 'https://t.example/PAY-9', due: '2026-05-01', estimate: '3d', estimateHours: 24,
    });
    assert.deepEqual(parseDebtTag('// TODO: only a reference /#88', TAGS)?.metadata, { ticket: '#88' });
    assert.deepEqual(parseDebtTag('// TODO: see the path a/B-1', TAGS)?.metadata, {});
  });

  it('reports each malformed item and keeps the rest', () => {
    const parsed = parseDebtTag('// DEBT(@jo, PAY-4, due 2026-13-45, est 3x, @kim, foo bar, interest huge): text', TAGS);
    assert.deepEqual(parsed?.metadata, { owner: 'jo', ticket: 'PAY-4' });
    assert.equal(parsed?.text, 'text');
    assert.deepEqual(parsed?.problems, [
      'malformed debt metadata: due date "2026-13-45" is not a real date; write due YYYY-MM-DD',
      'malformed debt metadata: estimate "3x" is not understood; write est 4h, est 2d or est 1w',
      'malformed debt metadata: two owners (jo and kim); write one owner',
      'malformed debt metadata: "foo bar" is not understood; expected @owner, a ticket (#123, ABC-123, https://…), due YYYY-MM-DD, est 2d (h/d/w) or interest low|medium|high|critical',
      'malformed debt metadata: interest "huge" is not one of low, medium, high, critical',
    ]);
  });

  it('reports an unclosed parenthesis and keeps the note', () => {
    const parsed = parseDebtTag('// TODO(alice: unclosed', TAGS);
    assert.equal(parsed?.text, 'alice: unclosed');
    assert.deepEqual(parsed?.problems, ['malformed debt metadata: missing ")" after "(alice: unclosed"; write TODO(@owner, ABC-123): text']);
  });
});

describe('estimateHours and isIsoDate', () => {
  it('converts hours, days and weeks', () => {
    assert.equal(estimateHours('4h'), 4);
    assert.equal(estimateHours('2d'), 16);
    assert.equal(estimateHours('0.5d'), 4);
    assert.equal(estimateHours('1w'), 40);
    assert.equal(estimateHours('2m'), undefined);
  });

  it('accepts only calendar dates', () => {
    assert.equal(isIsoDate('2028-02-29'), true);
    assert.equal(isIsoDate('2026-02-29'), false);
    assert.equal(isIsoDate('2026-13-01'), false);
    assert.equal(isIsoDate('2026-1-01'), false);
  });
});

function pick(parsed: ReturnType<typeof parseDebtTag>): [string, number, string] | undefined {
  return parsed && [parsed.tag, parsed.tagStart, parsed.text];
}
