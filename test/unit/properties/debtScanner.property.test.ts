// The debt comment scanner and the tag parser on generated sources: programs of strings,
// templates, regexes and comments, where "TODO" and comment openers hide inside literals. The
// number of debt items is exactly the number of tagged comments, with the parser's comments and
// with the fast scanner's; any text at all is read without an exception.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import fc from 'fast-check';
import { collectComments } from '../../../src/core/debt/collectComments';
import { parseDebtTag } from '../../../src/core/debt/parseDebtTag';
import { scanComments } from '../../../src/core/debt/scanComments';
import { scanDebt } from '../../../src/core/debt/scanDebt';
import type { DebtPolicy } from '../../../src/core/model/ruleTypes';
import { parseDiagnosticsOf } from '../../../src/core/graph/parseSource';
import { parseSuppressions } from '../../../src/core/suppress/suppressions';
import { LineIndex } from '../../../src/core/util/positions';
import { parseText } from '../debt/fixtures';
import { describeCounts, holds } from './propertyKit';

const ROOT = path.resolve('/workspace');
const FILE = path.join(ROOT, 'src', 'a.ts');
const POLICY: DebtPolicy = {
  tags: { TODO: 'info', FIXME: 'warning' },
  require: { owner: ['FIXME'], ticket: [], due: [], estimate: [] },
  overdueSeverity: 'error',
  warnDaysBeforeDue: 14,
  match: 'start',
};

/** Pieces that look like comments or tags but sit inside a literal. */
const TRAPS = ['TODO', 'TODO: x', '// TODO', '/* TODO */', '/*', '*/', '//', ' ', 'x', 'FIXME(@a)'];
const pieces = (extra: string[]) => fc.array(fc.constantFrom(...TRAPS, ...extra), { maxLength: 6 }).map((p) => p.join(''));

const doubleQuoted = pieces(["'", '`', '\\"', '\\\\', '${x}']).map((s) => `"${s}"`);
const singleQuoted = pieces(['"', '`', "\\'", '\\\\']).map((s) => `'${s}'`);
const template: fc.Arbitrary<string> = fc.array(
  fc.oneof(pieces(['"', "'", '\\`', '\n', '$', '{', '}']), doubleQuoted.map((s) => `\${${s}}`), fc.constant('${`TODO ${1}`}')),
  { maxLength: 4 },
).map((parts) => `\`${parts.join('')}\``);
// A regex body never starts with * or / (that would open a comment) and escapes its slashes.
const regex = fc.array(fc.constantFrom('TODO', 'a', '\\/', '[/]', '"', "'", '`', ' ', '\\/\\/ TODO', '[/*]'), { minLength: 1, maxLength: 5 })
  .map((parts) => `/${parts.join('')}/g`);
const value = fc.oneof(doubleQuoted, singleQuoted, template, regex, fc.constantFrom('1', 'a / b', 'x', '(1) / 2'));

/** Comment text that never starts with a tag and never closes a block comment early. */
const note = fc.array(fc.constantFrom('note', ' ', 'x', '"', "'", '`', '//', '/*', 'TODO', '${'), { maxLength: 5 }).map((p) => `note ${p.join('')}`);
type Statement = { code: string; tagged: number };
const statement: fc.Arbitrary<Statement> = fc.oneof(
  value.map((v) => ({ code: `const v = ${v};`, tagged: 0 })),
  fc.tuple(fc.boolean(), note).map(([tag, text]) => ({ code: `// ${tag ? 'TODO ' : ''}${text}`, tagged: tag ? 1 : 0 })),
  fc.tuple(fc.boolean(), note).map(([tag, text]) => ({ code: `/* ${tag ? 'FIXME(@ann): ' : ''}${text.replace(/\*\//g, '')} */`, tagged: tag ? 1 : 0 })),
  fc.tuple(value, fc.boolean(), note).map(([v, tag, text]) => ({ code: `f(${v}); // ${tag ? 'TODO: ' : ''}${text}`, tagged: tag ? 1 : 0 })),
);
const program = fc.array(statement, { maxLength: 12 });

function debtOf(text: string, comments: Parameters<typeof scanDebt>[1]): number {
  const lineIndex = new LineIndex(text);
  parseSuppressions(comments, { file: FILE, lineIndex });
  return scanDebt({ text }, comments, { file: FILE, root: ROOT, policy: POLICY, today: '2026-01-01', lineIndex }).items.length;
}

const NAMES = [
  'debt: tags in literals are never debt (parser and scanner)',
  'debt: any text is read without an exception',
  'debt: the tag parser on any line',
];

describe('properties: the debt comment scanner and tag parser', function () {
  this.timeout(60_000);
  after(() => console.log(`      runs: ${describeCounts(NAMES)}`));

  it('finds exactly the tagged comments: a tag inside a string, template or regex is never debt', () => {
    holds(NAMES[0], program, 600, (statements) => {
      const text = statements.map((s) => s.code).join('\n') + '\n';
      const expected = statements.reduce((n, s) => n + s.tagged, 0);
      const parsed = parseText(FILE, text);
      assert.equal(parseDiagnosticsOf(parsed).length, 0, `the generated program parses:\n${text}`);
      assert.equal(debtOf(text, collectComments(parsed)), expected, `parser's comments:\n${text}`);
      const scanned = scanComments(text, false);
      assert.ok(scanned !== undefined, 'a file without JSX is never left to the parser');
      assert.equal(debtOf(text, scanned), expected, `scanner's comments:\n${text}`);
    });
  });

  it('reads any text (as .ts and as .tsx) without an exception', () => {
    const text = fc.oneof(
      fc.string({ maxLength: 200, unit: 'binary' }),
      fc.array(fc.constantFrom('//', '/*', '*/', '"', "'", '`', '${', '}', '{', '/', '<a>', '</a>', '<', '>', '\n', 'TODO', 'TODO(', ')', 'guardrails-ignore-next-line', ' -- ', '\r', '\u2028', '*'), { maxLength: 40 }).map((p) => p.join('')),
    );
    holds(NAMES[1], text, 800, (source) => {
      for (const file of [FILE, FILE.replace(/\.ts$/, '.tsx')]) {
        const comments = collectComments(parseText(file, source));
        debtOf(source, comments);
        const scanned = scanComments(source, file.endsWith('x'));
        if (scanned) debtOf(source, scanned);
      }
    });
  });

  it('parses any comment line into a tag within the line, or nothing', () => {
    const line = fc.tuple(fc.constantFrom('', '// ', '/* ', ' * ', '/** '), fc.constantFrom('', 'TODO', 'FIXME', 'TODO(', 'TODO:'), fc.string({ maxLength: 60, unit: 'binary' }))
      .map(([prefix, tag, rest]) => prefix + tag + rest);
    holds(NAMES[2], line, 2000, (text) => {
      const parsed = parseDebtTag(text, ['TODO', 'FIXME']);
      if (!parsed) return;
      assert.ok(parsed.tagStart >= 0 && parsed.tagStart < parsed.tagEnd && parsed.tagEnd <= text.length);
      assert.equal(text.slice(parsed.tagStart, parsed.tagEnd), parsed.tag);
      for (const problem of parsed.problems) assert.match(problem, /^malformed debt metadata: /);
    });
  });
});
