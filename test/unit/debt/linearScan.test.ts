// Reading debt and suppressions takes time in proportion to the comment text, whatever it holds:
// a line of stars, spaces or odd metadata costs about what a plain line of the same length costs.
// Not a timing test in the usual sense: the bound is 20 times the plain line's time (plus 250 ms
// of slack for a busy machine), where the quadratic scans this replaces took minutes.
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { scanComments } from '../../../src/core/debt/scanComments';
import { scanDebt } from '../../../src/core/debt/scanDebt';
import { parseDebtTag } from '../../../src/core/debt/parseDebtTag';
import { parseSuppressions } from '../../../src/core/suppress/suppressions';
import type { DebtPolicy } from '../../../src/core/model/ruleTypes';
import { LineIndex } from '../../../src/core/util/positions';

const ROOT = path.resolve('/tmp/linear');
const FILE = path.join(ROOT, 'a.ts');
const POLICY: DebtPolicy = {
  tags: { TODO: 'info', FIXME: 'warning' },
  require: { owner: [], ticket: [], due: [], estimate: [] },
  overdueSeverity: 'error',
  warnDaysBeforeDue: 14,
  match: 'start',
};
const N = 200_000;
/** Tags later in a comment line count too (`debt.match: "anywhere"`). */
const ANYWHERE: DebtPolicy = { ...POLICY, match: 'anywhere' };

/** Milliseconds to read the debt and the suppressions of `text`, best of three. */
function readTime(text: string, policy: DebtPolicy = POLICY): { ms: number; found: number } {
  let best = Infinity;
  let found = 0;
  for (let run = 0; run < 3; run++) {
    const started = process.hrtime.bigint();
    const comments = scanComments(text) ?? [];
    const lineIndex = new LineIndex(text);
    const debt = scanDebt({ text }, comments, { file: FILE, root: ROOT, policy, today: '2026-01-01', lineIndex });
    const suppressions = parseSuppressions(comments, { file: FILE, lineIndex });
    found = debt.items.length + suppressions.suppressions.length;
    best = Math.min(best, Number(process.hrtime.bigint() - started) / 1e6);
  }
  return { ms: best, found };
}

const CASES: Record<string, string> = {
  'a line comment of stars': `// TODO ${'*'.repeat(N)}\n`,
  'a block comment of stars': `/* TODO ${'*'.repeat(N)} */\n`,
  'a block comment line of spaces': `/* TODO x${' '.repeat(N)}y */\n`,
  'stars then spaces before the block end': `/* TODO x ${'* '.repeat(N / 2)}*/\n`,
  'a suppression of stars and spaces': `// guardrails-ignore-next-line a -- b ${'*'.repeat(N / 2)}${' '.repeat(N / 2)}x\n`,
  'metadata with a line separator': `// TODO(${'a'.repeat(N)}\u2028): x\n`,
  'many trailing references': `// TODO x${' /https://e.com'.repeat(N / 15)} y\n`,
  'a ticket-like run': `// TODO x /${'A'.repeat(N)}-${'1'.repeat(10)}${' '.repeat(100)}!\n`,
  'many stars and slashes': `/* TODO ${'*/'.repeat(1)}\n * ${'*'.repeat(N / 2)}/${' '.repeat(N / 2)}x */\n`,
};

/** Read with `debt.match: "anywhere"`: prose that names tag words everywhere, a tag at the end. */
const ANYWHERE_CASES: Record<string, string> = {
  'tag words in prose, then a tag in brackets': `// note ${'TODO x '.repeat(N / 7)}(FIXME: y)\n`,
  'tag words after brackets and spaces': `// note ${'( TODO TODOS [TODO_ '.repeat(N / 20)}TODO: y\n`,
};

describe('debt and suppression scanning: work in proportion to the text', function () {
  // Before the linear scans, several of these took minutes: the timeout only guards against a hang.
  this.timeout(60_000);

  const plain = `// TODO ${'x'.repeat(N)}\n`;
  let plainMs = 0;
  before(() => {
    readTime(plain); // warm up
    plainMs = readTime(plain).ms;
  });

  for (const [name, text] of Object.entries(CASES)) {
    it(`reads ${name} about as fast as a plain line of the same length`, () => {
      const { ms, found } = readTime(text);
      assert.equal(found, 1, 'the tag or the suppression is still found');
      const bound = 20 * plainMs * (text.length / plain.length) + 250;
      assert.ok(ms <= bound, `${ms.toFixed(1)} ms, bound ${bound.toFixed(1)} ms (plain line: ${plainMs.toFixed(1)} ms)`);
    });
  }

  for (const [name, text] of Object.entries(ANYWHERE_CASES)) {
    it(`with debt.match "anywhere", reads ${name} about as fast as a plain line of the same length`, () => {
      const { ms, found } = readTime(text, ANYWHERE);
      assert.equal(found, 1, 'the tag is still found');
      const bound = 20 * plainMs * (text.length / plain.length) + 250;
      assert.ok(ms <= bound, `${ms.toFixed(1)} ms, bound ${bound.toFixed(1)} ms (plain line: ${plainMs.toFixed(1)} ms)`);
    });
  }

  it('still cuts the block end and whitespace exactly as before', () => {
    assert.equal(parseDebtTag('/* TODO: fix this **/  ', ['TODO'])?.text, 'fix this');
    assert.equal(parseDebtTag(' * TODO x * */', ['TODO'])?.text, 'x *');
    assert.equal(parseDebtTag('// TODO(due\u2028x): y', ['TODO'])?.problems.length, 1);
  });
});
