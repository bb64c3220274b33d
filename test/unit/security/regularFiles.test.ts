// Item 5 of issue 12: where a rules file, a baseline, snapshots, a tsconfig or a source is expected,
// a workspace can hold a FIFO, a device or a link to one. Reading /dev/zero never ends and a FIFO
// waits forever for a writer: every read checks for a regular file under a size cap first. Each
// run happens in a child process bounded in time and memory, so a regression fails instead of
// hanging the test run.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readDiskText } from '../../../src/core/fs/textFile';
import { layeredWith, removeWorkspace, runCliChild, workspace, type ChildRun } from './hostileWorkspace';

const canMakeFifos = process.platform !== 'win32' && fs.existsSync('/dev/zero');

function mkfifo(file: string): void {
  execFileSync('mkfifo', [file]);
}

/** Finished by itself (not killed at the bound), with this exit code. */
function finished(run: ChildRun, code: number): void {
  assert.equal(run.signal, null, `the run was killed at its bound: it hung or ran out of memory\n${run.stderr}`);
  assert.equal(run.code, code, run.stderr + run.stdout);
}

describe('security: only regular files are read, and only so much', function () {
  this.timeout(120_000);
  const dirs: string[] = [];
  const make = (files: Record<string, string>): string => {
    const dir = workspace(files);
    dirs.push(dir);
    return dir;
  };
  before(function () {
    if (!canMakeFifos) this.skip();
  });
  after(() => dirs.forEach(removeWorkspace));

  it('the reader refuses a FIFO, a device, a directory and a file over the cap, and says what each is', () => {
    const dir = make({ 'big.txt': 'x'.repeat(2048) });
    mkfifo(path.join(dir, 'pipe'));
    assert.deepEqual(readDiskText(path.join(dir, 'pipe')), { ok: false, reason: 'not-a-file', detail: 'a FIFO (named pipe)' });
    assert.deepEqual(readDiskText('/dev/zero'), { ok: false, reason: 'not-a-file', detail: 'a character device' });
    assert.deepEqual(readDiskText(dir), { ok: false, reason: 'not-a-file', detail: 'a directory' });
    assert.deepEqual(readDiskText(path.join(dir, 'big.txt'), 1024), { ok: false, reason: 'too-large', detail: '2 KB, over the 1 KB limit' });
    assert.deepEqual(readDiskText(path.join(dir, 'nope')), { ok: false, reason: 'missing', detail: 'no such file' });
  });

  it('"extends": ["/dev/zero"] is refused at once', () => {
    const dir = make(layeredWith({ extends: ['/dev/zero'] }));
    const run = runCliChild(['check', dir], dir);
    finished(run, 2);
    assert.match(run.stderr, /guardrails\.json:\d+:\d+: error: "extends": "\/dev\/zero" is \/dev\/zero, outside the rules file's folder/);
  });

  it('an extended rules file that is a FIFO, or a package file linked to /dev/zero, is an error naming what it is', () => {
    const fifo = make(layeredWith({ extends: './base.json' }));
    mkfifo(path.join(fifo, 'base.json'));
    const run = runCliChild(['check', fifo], fifo);
    finished(run, 2);
    assert.match(run.stderr, /guardrails\.json:\d+:\d+: error: extended rules file "\.\/base\.json" cannot be read: it is a FIFO \(named pipe\), not a regular file; point it at a JSON rules file/);

    const device = make(layeredWith({ extends: './node_modules/evil/guardrails.json' }));
    fs.mkdirSync(path.join(device, 'node_modules', 'evil'), { recursive: true });
    fs.symlinkSync('/dev/zero', path.join(device, 'node_modules', 'evil', 'guardrails.json'));
    const linked = runCliChild(['check', device], device);
    finished(linked, 2);
    assert.match(linked.stderr, /extended rules file ".*evil\/guardrails\.json" cannot be read: it is a character device, not a regular file/);
  });

  it('a rules file itself that is a FIFO, or larger than the cap, is an error, not a hang', () => {
    const dir = make({});
    mkfifo(path.join(dir, 'rules.json'));
    const run = runCliChild(['check', dir, '--config', 'rules.json'], dir);
    finished(run, 2);
    assert.match(run.stderr, /rules\.json:1:1: error: the rules file cannot be read: it is a FIFO \(named pipe\), not a regular file/);
    fs.writeFileSync(path.join(dir, 'huge.json'), `{ "include": ["${'x'.repeat(5 * 1024 * 1024)}"] }`);
    const huge = runCliChild(['check', dir, '--config', 'huge.json'], dir);
    finished(huge, 2);
    assert.match(huge.stderr, /the rules file cannot be read: it is 5 MB, over the 4 MB limit/);
  });

  it('--baseline /dev/zero and a FIFO as the baseline are reported; --update-baseline refuses to write them', () => {
    const dir = make(layeredWith({ baseline: 'known.json' }));
    const zero = runCliChild(['check', dir, '--baseline', '/dev/zero', '--format', 'json'], dir);
    finished(zero, 1);
    assert.match(JSON.stringify(JSON.parse(zero.stdout).notices), /\/dev\/zero: cannot read the baseline: it is a character device, not a regular file/);
    finished(runCliChild(['check', dir, '--baseline', '/dev/zero', '--update-baseline'], dir), 2);

    mkfifo(path.join(dir, 'known.json'));
    const fifo = runCliChild(['check', dir, '--format', 'json'], dir);
    finished(fifo, 1);
    assert.match(JSON.stringify(JSON.parse(fifo.stdout).notices), /known\.json: cannot read the baseline: it is a FIFO/);
    const update = runCliChild(['check', dir, '--update-baseline'], dir);
    finished(update, 2);
    assert.match(update.stderr, /known\.json is not a baseline Guardrails wrote \(it is a FIFO \(named pipe\), not a regular file\); not overwriting it/);
    assert.ok(fs.statSync(path.join(dir, 'known.json')).isFIFO(), 'the FIFO is still there');
  });

  it('.guardrails/snapshots.json committed as a link to /dev/zero, or as a FIFO, is reported by windows and never written by snapshot', () => {
    const window = { id: 'w', title: 'W', start: '2026-11-01', end: '2026-11-30', goals: [{ metric: 'debt', target: 0 }] };
    const zero = make(layeredWith({ windows: [window] }));
    fs.mkdirSync(path.join(zero, '.guardrails'));
    fs.symlinkSync('/dev/zero', path.join(zero, '.guardrails', 'snapshots.json'));
    const windows = runCliChild(['windows', zero, '--format', 'json', '--today', '2026-11-10'], zero);
    finished(windows, 0);
    assert.match(JSON.parse(windows.stdout).windows[0].note, /snapshots\.json leads outside .* \(to \/dev\/zero\)/);
    finished(runCliChild(['snapshot', zero, '--today', '2026-11-10'], zero), 2);

    const fifo = make(layeredWith({ windows: [window] }));
    fs.mkdirSync(path.join(fifo, '.guardrails'));
    mkfifo(path.join(fifo, '.guardrails', 'snapshots.json'));
    const fromFifo = runCliChild(['windows', fifo, '--format', 'json', '--today', '2026-11-10'], fifo);
    finished(fromFifo, 0);
    assert.match(JSON.parse(fromFifo.stdout).windows[0].note, /snapshots\.json: cannot read the snapshots: it is a FIFO \(named pipe\), not a regular file/);
    const snap = runCliChild(['snapshot', fifo, '--today', '2026-11-10'], fifo);
    finished(snap, 2);
    assert.match(snap.stderr, /cannot read the snapshots: it is a FIFO .*; not overwriting it/);
  });

  it('a tsconfig.json or package.json that is a FIFO, and sources linked to devices, do not hold up check', () => {
    const dir = make(LAYERED_WITH_LINKS);
    mkfifo(path.join(dir, 'tsconfig.json'));
    mkfifo(path.join(dir, 'package.json'));
    fs.symlinkSync('/dev/zero', path.join(dir, 'src', 'zero.ts'));
    mkfifo(path.join(dir, 'src', 'pipe.ts'));
    const run = runCliChild(['check', dir, '--format', 'json'], dir);
    finished(run, 1);
    const report = JSON.parse(run.stdout);
    assert.equal(report.files, 2);
    assert.match(JSON.stringify(report.notices), /tsconfig\.json cannot be read: it is a FIFO \(named pipe\), not a regular file; using defaults/);
  });
});

const LAYERED_WITH_LINKS = layeredWith({});
