// What a repository holds (comments, file names, rule text) reaches the terminal escaped: no
// ESC sequence clears the screen or sets the title, no carriage return overwrites a line, no
// bidi override reorders one, in any format, with or without colour.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { csi, toTerminal } from '../../../src/core/report/ansi';
import { escapeControls } from '../../../src/core/report/safeText';
import { REPO_ROOT } from '../helpers/analyzeFixture';
import { runCliCapture } from '../helpers/runCliCapture';
import { TestRepo } from '../git/testRepo';

const HOSTILE = '\u001b[2J\u001b]0;pwned\u0007\r\u009b31m\u202eevil\u2066\u007f';
/** The same without the carriage return, which ends a line comment. */
const HOSTILE_LINE = HOSTILE.replace('\r', '');
/** Raw characters that must never be printed (ESC is checked apart: colour uses it). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const RAW = /[\u0000-\u0008\u000b-\u001a\u001c-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
/** ESC only as the colour codes Guardrails itself writes. */
// eslint-disable-next-line no-control-regex -- as above
const STRAY_ESC = /\u001b(?!\[\d+m|\[2K)/;

function hostileWorkspace(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guardrails-escape-'));
  const write = (name: string, text: string): void => {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  };
  write('guardrails.json', JSON.stringify({
    layers: { ui: 'src/ui/**', db: 'src/db/**' },
    rules: [{ id: 'ui-no-db', kind: 'forbidden', from: 'ui', to: 'db', why: `why ${HOSTILE}` }],
    windows: [{ id: 'w', title: `title ${HOSTILE}`, start: '2026-01-01', end: '2026-12-31', goals: [{ metric: 'debt', target: 0 }] }],
  }));
  write('src/db/db.ts', 'export const db = 1;\n');
  // A file name can hold control characters too (on Linux, anything but "/" and NUL).
  const name = process.platform === 'win32' ? 'src/ui/view.ts' : `src/ui/view${HOSTILE_LINE}.ts`;
  write(name, `import { db } from '../db/db';\n// TODO(@bob): ${HOSTILE_LINE} cleanup\nexport const v = db;\n`);
  return dir;
}

function assertSafe(output: string, what: string): void {
  const raw = RAW.exec(output);
  assert.equal(raw, null, `${what}: raw U+${raw?.[0].charCodeAt(0).toString(16).padStart(4, '0')} in ${JSON.stringify(output.slice(0, 400))}`);
  assert.doesNotMatch(output, STRAY_ESC, `${what}: a raw ESC`);
}

describe('terminal safety: control characters are escaped in every output', function () {
  this.timeout(30_000);
  let dir: string;
  before(() => {
    dir = hostileWorkspace();
  });

  const runs: [string, string[]][] = [
    ['check text', ['check', '--no-color']],
    ['check text in colour', ['check', '--color']],
    ['check json', ['check', '--format', 'json']],
    ['check sarif', ['check', '--format', 'sarif']],
    ['debt text', ['debt', '--no-color']],
    ['debt json', ['debt', '--format', 'json']],
    ['windows text', ['windows', '--no-color', '--today', '2026-06-01']],
    ['windows markdown', ['windows', '--format', 'markdown', '--today', '2026-06-01']],
    ['graph dot', ['graph', '--format', 'dot']],
    ['graph json', ['graph', '--format', 'json']],
  ];
  for (const [what, args] of runs) {
    it(`${what}: nothing raw, the text still there, escaped`, async () => {
      const run = await runCliCapture([args[0], dir, ...args.slice(1)], REPO_ROOT);
      assert.ok(run.code === 0 || run.code === 1, `${what} exit ${run.code}: ${run.stderr}`);
      assertSafe(run.stdout, what);
      assertSafe(run.stderr, `${what} (stderr)`);
      if (what.includes('json') || what.includes('sarif')) {
        // Escapes are JSON escapes: the values read back exactly as written.
        assert.ok(JSON.stringify(JSON.parse(run.stdout)).length > 0);
      }
      if (!what.startsWith('graph')) assert.match(run.stdout, /\\u001b\[2J/, `${what} shows the escape`);
    });
  }

  it('check --since markdown (a pull-request comment): nothing raw, the text still there, escaped', async () => {
    // The hostile file is new on the branch: committed without it, then written back.
    const repo = TestRepo.create('guardrails-escape-since-').copyFrom(dir);
    const hostile = fs.readdirSync(path.join(dir, 'src', 'ui'))[0];
    const text = repo.read(`src/ui/${hostile}`);
    repo.remove(`src/ui/${hostile}`);
    repo.commit('Without the view', { date: '2026-11-01T10:00:00+00:00', author: 'Alice Martin' });
    repo.write(`src/ui/${hostile}`, text);
    try {
      const run = await runCliCapture(['check', repo.dir, '--since', 'HEAD', '--format', 'markdown'], REPO_ROOT);
      assert.equal(run.code, 1, run.stderr);
      assertSafe(run.stdout, 'check markdown');
      assertSafe(run.stderr, 'check markdown (stderr)');
      assert.match(run.stdout, /1 new finding/);
      assert.match(run.stdout, /\\u001b\\\[2J/, 'the debt note shows the escape (its bracket escaped for Markdown)');
    } finally {
      repo.dispose();
    }
  });

  it('json keeps the exact values: the comment reads back with its control characters', async () => {
    const run = await runCliCapture(['debt', dir, '--format', 'json'], REPO_ROOT);
    const report = JSON.parse(run.stdout) as { debt: { text: string }[] };
    assert.equal(report.debt[0].text, `${HOSTILE_LINE} cleanup`);
  });

  it('escapes a rules-file error message on stderr', async () => {
    const bad = fs.mkdtempSync(path.join(os.tmpdir(), 'guardrails-escape-'));
    fs.writeFileSync(path.join(bad, 'guardrails.json'), JSON.stringify({ rules: [{ id: 'x', kind: 'layers', order: ['a\u0007\r\u009b\u202eevil\u007f', 'b'] }] }));
    const run = await runCliCapture(['check', bad], REPO_ROOT);
    assert.equal(run.code, 2);
    assertSafe(run.stderr, 'stderr');
    assert.match(run.stderr, /unknown layer "a\\u0007\\u000d\\u009b\\u202eevil\\u007f"/);
  });

  it('cannot be fooled into writing a style: markers hold a nonce the text cannot know', () => {
    const forged = `\uE000deadbeef[2J\uE001 ${HOSTILE}`;
    const out = toTerminal(`${csi('31m')}red${csi('39m')} ${forged}`);
    assert.ok(out.startsWith('\u001b[31mred\u001b[39m '));
    assert.ok(out.endsWith(escapeControls(forged)));
    assertSafe(out, 'toTerminal');
    assert.equal(escapeControls('a\tb\nc\r'), 'a\tb\nc\\u000d');
    assert.equal(escapeControls('csv\r\nline\r\rx'), 'csv\r\nline\\u000d\\u000dx', 'a CRLF is a line break, a lone CR is not');
  });
});
