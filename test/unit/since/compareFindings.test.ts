import * as assert from 'node:assert/strict';
import { compareFindings } from '../../../src/core/since/compareFindings';
import { formatSinceMarkdown } from '../../../src/core/report/sinceMarkdown';
import { abs, debt, ROOT, violation } from '../report/sampleResult';

const importOf = (file: string, line: number, to = 'src/ui/view.ts') => violation({ ruleId: 'layered', file, line, to: abs(to), message: `${file} imports ${to}` });
const lines = (vs: { location: { file: string; range: { start: { line: number } } } }[]) => vs.map((v) => `${v.location.file.slice(ROOT.length + 1)}:${v.location.range.start.line}`);

describe('new code against old: which findings a change added, kept and fixed', () => {
  it('matches by rule, file and target, not by line, and counts repeats', () => {
    const before = [importOf('src/a.ts', 1), importOf('src/b.ts', 4), importOf('src/b.ts', 9)];
    const now = [importOf('src/a.ts', 12), importOf('src/a.ts', 13), importOf('src/b.ts', 30)];
    const compared = compareFindings({ violations: now, debt: [] }, { violations: before, debt: [] });
    assert.deepEqual(lines(compared.existing.violations), ['src/a.ts:12', 'src/b.ts:30']);
    assert.deepEqual(lines(compared.added.violations), ['src/a.ts:13'], 'a second identical import is new; the first one only moved');
    assert.deepEqual(lines(compared.fixed.violations), ['src/b.ts:9'], 'one of two went: the later one counts as fixed');
  });

  it('tells a different target or rule apart, and debt by its id', () => {
    const before = { violations: [importOf('src/a.ts', 1)], debt: [debt({ tag: 'TODO', file: 'src/a.ts', line: 2, id: 'TODO:src/a.ts:old' })] };
    const now = {
      violations: [importOf('src/a.ts', 1, 'src/ui/other.ts')],
      debt: [debt({ tag: 'TODO', file: 'src/a.ts', line: 8, id: 'TODO:src/a.ts:old' }), debt({ tag: 'FIXME', file: 'src/a.ts', line: 9, id: 'FIXME:src/a.ts:new' })],
    };
    const compared = compareFindings(now, before);
    assert.deepEqual([compared.added.violations.length, compared.fixed.violations.length], [1, 1]);
    assert.deepEqual(compared.added.debt.map((d) => d.id), ['FIXME:src/a.ts:new']);
    assert.deepEqual(compared.existing.debt.map((d) => d.id), ['TODO:src/a.ts:old']);
    assert.deepEqual(compared.fixed.debt, []);
  });
});

describe('check --since --format markdown: escaping', () => {
  it('keeps every value from the code from becoming markup, HTML, a table cell or a mention', () => {
    const hostile = violation({ ruleId: 'layered', file: 'src/we|ird`name.ts', line: 3, message: 'x <img src=y> *bold* [a](b) | cell @bob & $x$' });
    const item = debt({ tag: 'TODO', file: 'src/a.ts', line: 1, text: 'ping @carol <script>', owner: 'dave' });
    const text = formatSinceMarkdown(
      { root: ROOT, files: 2, durationMs: 1, violations: [hostile], debt: [item], edges: [], notices: [] },
      { ref: 'origin/main', commit: 'a'.repeat(40), fixed: { violations: [], debt: [] }, existing: { violations: 0, debt: 0 } },
    );
    const rows = text.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| ---') && !line.startsWith('| Severity') && !line.startsWith('| Tag'));
    assert.deepEqual(rows, [
      '| error | `layered` | ``src/we\\|ird`name.ts:3`` | x \\<img src=y\\> \\*bold\\* \\[a\\](b) \\| cell @\u200Bbob \\& \\$x\\$ |',
      '| `TODO` | `src/a.ts:1` | ping @\u200Bcarol \\<script\\> | `@dave` |  |',
    ]);
    assert.equal(text.split('\n')[0], '### ❌ Guardrails: 1 new finding (1 error, 0 warnings) · 0 fixed · debt +1 −0 since `origin/main`');
  });
});
