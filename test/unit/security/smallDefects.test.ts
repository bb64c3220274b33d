// Item 11 of issue 12: the smaller defects, each with the input that showed it.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseDebtTag } from '../../../src/core/debt/parseDebtTag';
import type { DebtItem } from '../../../src/core/model/types';
import { debtMarkdown } from '../../../src/core/report/debtReport';
import { runCliCapture } from '../helpers/runCliCapture';
import { TestRepo } from '../git/testRepo';
import { LAYERED, layeredWith, removeWorkspace, workspace } from './hostileWorkspace';

const range = { start: { line: 3, column: 4 }, end: { line: 3, column: 8 } };

describe('security: smaller defects', () => {
  const dirs: string[] = [];
  const make = (files: Record<string, string | object>): string => {
    const dir = workspace(files);
    dirs.push(dir);
    return dir;
  };
  after(() => dirs.forEach(removeWorkspace));

  it('accepts a rules file that starts with a UTF-8 byte-order mark', async () => {
    const dir = make({ ...LAYERED, 'guardrails.json': `\uFEFF${LAYERED['guardrails.json']}` });
    const run = await runCliCapture(['check', '.', '--format', 'json'], dir);
    assert.equal(run.code, 1, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout).violations.map((v: { ruleId: string }) => v.ruleId), ['a-not-b']);
  });

  it('decodes UTF-16 sources (LE and BE, by their mark) instead of calling them binary', async () => {
    const text = "import { b } from '../b/b';\n// TODO(@ana): widen the type\nexport const a = b;\n";
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
    const dir = make(LAYERED);
    fs.writeFileSync(path.join(dir, 'src', 'a', 'a.ts'), le);
    fs.writeFileSync(path.join(dir, 'src', 'a', 'c.ts'), be);
    const run = await runCliCapture(['check', '.', '--format', 'json'], dir);
    const report = JSON.parse(run.stdout);
    assert.deepEqual(report.notices.filter((n: { message: string }) => /binary/.test(n.message)), []);
    assert.deepEqual(report.violations.map((v: { file: string; line: number }) => `${v.file}:${v.line}`), ['src/a/a.ts:1', 'src/a/c.ts:1']);
    assert.deepEqual(report.debt.map((d: { file: string; owner: string; text: string }) => `${d.file} ${d.owner} ${d.text}`), ['src/a/a.ts ana widen the type', 'src/a/c.ts ana widen the type']);
  });

  it('a capture named {__proto__} is a capture like any other (no false finding)', async () => {
    const dir = make({
      'guardrails.json': { include: ['src/**'], rules: [{ id: 'isolated', kind: 'forbidden', from: 'src/features/{__proto__}/**', to: 'src/features/!{__proto__}/**' }] },
      'src/features/cart/list.ts': "import { total } from './total';\nimport { pay } from '../pay/pay';\nexport const list = total + pay;\n",
      'src/features/cart/total.ts': 'export const total = 1;\n',
      'src/features/pay/pay.ts': 'export const pay = 2;\n',
    });
    const run = await runCliCapture(['check', '.', '--format', 'json'], dir);
    const found = JSON.parse(run.stdout).violations.map((v: { ruleId: string; file: string; to: string }) => `${v.ruleId} ${v.file} -> ${v.to}`);
    assert.deepEqual(found, ['isolated src/features/cart/list.ts -> src/features/pay/pay.ts']);
  });

  it('percent-encodes SARIF artifact URIs (a space, %, # and ? in a path)', async () => {
    const odd = 'src/a dir/50%25#frag?q.ts';
    const dir = make({
      'guardrails.json': { include: ['src/**'], rules: [{ id: 'no-b', kind: 'forbidden', from: 'src/**', to: 'src/b/**' }] },
      [odd]: "import { b } from '../b/b';\nexport const x = b;\n",
      'src/b/b.ts': 'export const b = 1;\n',
    });
    const run = await runCliCapture(['check', '.', '--format', 'sarif'], dir);
    const uris = JSON.parse(run.stdout).runs[0].results.map((r: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => r.locations[0].physicalLocation.artifactLocation.uri);
    assert.deepEqual(uris, ['src/a%20dir/50%2525%23frag%3Fq.ts']);
    assert.equal(decodeURIComponent(uris[0].split('/').pop() ?? ''), '50%25#frag?q.ts');
  });

  it('the debt Markdown export escapes a ticket\'s |, and raw HTML in any cell', () => {
    const item: DebtItem = {
      tag: 'DEBT', text: 'use <b>the</b> new client | soon', file: '/w/src/<x>|y.ts', range, commentRange: range,
      overdue: true, severity: 'error', id: 'x', owner: 'ana<script>', ticket: 'https://t.example/a|b"><img src=x onerror=alert(1)>',
      due: '2026-01-01', estimate: '2d', estimateHours: 16,
    };
    const markdown = debtMarkdown({ root: '/w', today: '2026-02-01', items: [item] });
    assert.doesNotMatch(markdown, /<(?!\/?details|\/?summary|sub)[a-z]/i, 'no tag from the workspace');
    const rows = markdown.split('\n').filter((line) => line.includes('onerror'));
    assert.equal(rows.length, 2, 'the overdue table and the list');
    for (const row of rows) {
      // Cells are split by unescaped pipes only: every row keeps its column count.
      const cells = row.split(/(?<!\\)\|/).slice(1, -1);
      assert.equal(cells.length, row.startsWith('| 2026') ? 6 : 7, row);
      assert.match(row, /https:\/\/t\.example\/a\\\|b"&gt;&lt;img src=x onerror=alert\(1\)&gt;/);
    }
    assert.match(markdown, /\| ana&lt;script&gt; \| 1 \| 1 \|/);
  });

  it('an absurd estimate (est 99999999999999999999999d) is malformed metadata', () => {
    const parsed = parseDebtTag('// TODO(est 99999999999999999999999d): rewrite', ['TODO']);
    assert.equal(parsed?.metadata.estimateHours, undefined);
    assert.deepEqual(parsed?.problems, ['malformed debt metadata: estimate "99999999999999999999999d" is more than 250w (10,000 hours); split the work, or write a smaller estimate']);
    assert.equal(parseDebtTag('// TODO(est 250w): rewrite', ['TODO'])?.metadata.estimateHours, 10_000);
  });

  it('malformed snapshot entries are named, never a start state, and a file holding them is not rewritten', async () => {
    const window = { id: 'w', title: 'W', start: '2026-11-02', end: '2026-11-30', scope: ['src/**'], goals: [{ metric: 'debt', target: 0 }] };
    const record = { id: 'TODO:src/a/a.ts:x', tag: 'TODO', file: 'src/a/a.ts', line: 1, text: 'x' };
    const snapshots = {
      version: 1,
      snapshots: [
        { date: '2026-10-20', windows: { w: { debt: [record, record], violations: [] } } },
        { date: '2026-10-30', windows: { w: { debt: 'garbage', violations: [] } } },
        { date: '2026-11-01', windows: { w: { debt: [{ ...record, line: 'one' }], violations: [] } } },
        { date: '2026-02-30', windows: { w: { debt: [], violations: [] } } },
      ],
    };
    const text = JSON.stringify(snapshots, null, 2);
    const dir = make({ ...layeredWith({ windows: [window] }), '.guardrails/snapshots.json': text });
    const run = await runCliCapture(['windows', '.', '--format', 'json', '--today', '2026-11-10'], dir);
    assert.equal(run.code, 0, run.stderr);
    const w = JSON.parse(run.stdout).windows[0];
    assert.equal(w.source, 'snapshot');
    assert.deepEqual(w.startState, { kind: 'snapshot', date: '2026-10-20', file: '.guardrails/snapshots.json' }, 'the last well-formed one');
    assert.equal(w.goals[0].atStart, 2);
    assert.match(w.note, /snapshot 2 \(2026-10-30\): window "w": "debt" and "violations" must be arrays/);
    assert.match(w.note, /snapshot 3 \(2026-11-01\): window "w": debt\[0\] is not a debt record/);
    assert.match(w.note, /snapshot 4 \(2026-02-30\): expected \{ "date": "YYYY-MM-DD", "windows": \{ … \} \} with a real date/);

    const snap = await runCliCapture(['snapshot', '.', '--today', '2026-11-10'], dir);
    assert.equal(snap.code, 2);
    assert.match(snap.stderr, /not rewriting the file, so that nothing in it is lost: fix or remove those entries/);
    assert.equal(fs.readFileSync(path.join(dir, '.guardrails', 'snapshots.json'), 'utf8'), text);
  });

  it('removes temporary files a killed write left behind, and only those', async () => {
    const dir = make(LAYERED);
    const folder = path.join(dir, '.guardrails');
    fs.mkdirSync(folder);
    const stale = '.baseline.json.2147483646.0123abcd.tmp'; // no such process
    const live = `.baseline.json.1.0123abcd.tmp`; // pid 1 runs as long as the machine does
    const other = 'notes.tmp';
    for (const name of [stale, live, other]) fs.writeFileSync(path.join(folder, name), 'half a baseline');
    assert.equal((await runCliCapture(['check', '.', '--update-baseline'], dir)).code, 0);
    assert.deepEqual(fs.readdirSync(folder).sort(), [live, 'baseline.json', other].sort());
  });

  it('a 30-year window prints no line longer than a terminal can hold', async () => {
    const window = { id: 'long', title: 'Long', start: '2000-01-01', end: '2030-12-31', scope: ['src/**'], goals: [{ metric: 'debt', target: 0 }] };
    // From git: one burndown point a day, 10,958 of them.
    const repo = TestRepo.create('guardrails-long-window-');
    dirs.push(repo.dir);
    for (const [rel, text] of Object.entries(layeredWith({ windows: [window] }))) repo.write(rel, text);
    repo.commit('Start', { date: '1999-06-01T12:00:00+00:00', author: 'Ana Lima' });
    const run = await runCliCapture(['windows', '.', '--today', '2029-12-31'], repo.dir);
    assert.equal(run.code, 0, run.stderr);
    const longest = Math.max(...run.stdout.split('\n').map((line) => line.length));
    assert.ok(longest <= 200, `longest line: ${longest} characters`);
    assert.match(run.stdout, /debt {2}0 [▁-█]{60} 0\n/);
  });

  it('--baseline FILE that does not exist says so', async () => {
    const dir = make(LAYERED);
    const run = await runCliCapture(['check', '.', '--baseline', 'missing.json'], dir);
    assert.equal(run.code, 1);
    assert.match(run.stdout, /⚠ --baseline missing\.json does not exist, so no finding is baselined; check the path, or create it with --update-baseline/);
  });

  it('a newline in a file name does not split the text report\'s heading', async function () {
    if (process.platform === 'win32') this.skip();
    const dir = make({ ...LAYERED, 'src/a/we\nird.ts': "import { b } from '../b/b';\nexport const c = b;\n" });
    const run = await runCliCapture(['check', '.', '--no-color'], dir);
    const lines = run.stdout.split('\n');
    assert.ok(lines.includes('src/a/we\\nird.ts'), run.stdout);
    assert.ok(!lines.includes('ird.ts'), 'no line starts with the rest of the name');
  });
});
