// Item 10 of issue 12: `--output` to a missing folder, a folder or a place that cannot be written
// printed `internal error` with a stack. It is a usage error: exit 2, one line naming the path.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCliCapture } from '../helpers/runCliCapture';
import { LAYERED, removeWorkspace, runCliChild, workspace } from './hostileWorkspace';

describe('security: --output that cannot be written', () => {
  let dir: string;
  before(() => (dir = workspace(LAYERED)));
  after(() => removeWorkspace(dir));

  /** Exit 2 and exactly one line on stderr, naming the path. */
  async function usageError(args: string[], says: RegExp): Promise<void> {
    const run = await runCliCapture(args, dir);
    assert.equal(run.code, 2, run.stderr);
    assert.equal(run.stdout, '');
    const lines = run.stderr.trimEnd().split('\n');
    assert.equal(lines.length, 1, run.stderr);
    assert.match(lines[0], says);
    assert.doesNotMatch(run.stderr, /internal error|\n\s+at /);
  }

  it('a missing folder, a folder, and a path below a file are usage errors', async () => {
    await usageError(['check', '.', '--output', 'no/such/folder/report.txt'], /^guardrails: --output no\/such\/folder\/report\.txt: the folder .*no\/such\/folder does not exist; create it first$/);
    await usageError(['check', '.', '--output', 'src'], /^guardrails: --output src: is a folder; name a file to write the report to$/);
    await usageError(['debt', '.', '--output', 'guardrails.json/report.txt'], /^guardrails: --output guardrails\.json\/report\.txt: .*guardrails\.json is not a folder$/);
    for (const command of ['graph', 'windows']) await usageError([command, '.', '--output', 'src'], /--output src: is a folder/);
  });

  it('a place that refuses the write is a usage error too', async function () {
    // /proc refuses new files even to root; elsewhere a read-only folder does.
    if (fs.existsSync('/proc/self')) {
      await usageError(['check', '.', '--output', '/proc/self/report.txt'], /^guardrails: --output \/proc\/self\/report\.txt: cannot write (it|in \/proc\/self) \(.+\)$/);
    }
    const locked = path.join(dir, 'locked');
    fs.mkdirSync(locked, { mode: 0o555 });
    if (process.getuid?.() === 0) {
      // Root writes anywhere: ask as `nobody`, in a child process.
      fs.chmodSync(dir, 0o755);
      const run = runCliChild(['check', dir, '--output', path.join(locked, 'report.txt')], dir, { uid: 65534 });
      assert.equal(run.code, 2, run.stderr);
      assert.match(run.stderr.trim(), /^guardrails: --output .*locked\/report\.txt: cannot write in .*locked \(permission denied\)$/);
    } else {
      await usageError(['check', '.', '--output', path.join(locked, 'report.txt')], /cannot write in .*locked \(permission denied\)$/);
    }
  });

  it('still writes a report where it can, and through a link (as to /dev/stdout)', async () => {
    const run = await runCliCapture(['check', '.', '--format', 'json', '--output', 'report.json'], dir);
    assert.equal(run.code, 1);
    assert.equal(JSON.parse(fs.readFileSync(path.join(dir, 'report.json'), 'utf8')).violations.length, 1);
    fs.symlinkSync('report.json', path.join(dir, 'latest.json'));
    assert.equal((await runCliCapture(['check', '.', '--format', 'sarif', '--output', 'latest.json'], dir)).code, 1);
    assert.ok(fs.lstatSync(path.join(dir, 'latest.json')).isSymbolicLink(), 'written through, not replaced');
    assert.equal(JSON.parse(fs.readFileSync(path.join(dir, 'report.json'), 'utf8')).version, '2.1.0');
  });

  it('refuses an impossible --today (2026-02-30) as a usage error', async () => {
    await usageError(['check', '.', '--today', '2026-02-30'], /^guardrails: --today 2026-02-30 is not a day in the calendar; give a real date as YYYY-MM-DD$/);
    await usageError(['windows', '.', '--today', '2026-13-01'], /is not a day in the calendar/);
    assert.equal((await runCliCapture(['check', '.', '--today', '2028-02-29'], dir)).code, 1, 'a leap day is a day');
  });
});
