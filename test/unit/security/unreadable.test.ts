// Item 4 of issue 12: a source file that cannot be read (permission denied) was skipped without a
// word, and `--update-baseline` then dropped its known violations (1 → 0). It is named in a
// notice, and the baseline keeps its entries. On a real file system with chmod 000; as root
// (which reads anyway) the CLI runs as the unprivileged user `nobody` instead.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { discoverFiles } from '../../../src/core/graph/discoverFiles';
import type { FileSystem } from '../../../src/core/fs/fileSystem';
import { NodeFileSystem } from '../../../src/core/fs/nodeFileSystem';
import { LAYERED, removeWorkspace, runCliChild, workspace } from './hostileWorkspace';

const NOBODY = 65534;
const isRoot = process.getuid?.() === 0;
const posix = process.platform !== 'win32';

/** Runs the CLI as a user for whom chmod 000 means unreadable. */
function runAsReader(args: string[], cwd: string) {
  return runCliChild(args, cwd, isRoot ? { uid: NOBODY, gid: NOBODY } : {});
}

describe('security: files that cannot be read', function () {
  this.timeout(60_000);
  let dir: string;
  const baselineFile = (): string => path.join(dir, '.guardrails', 'baseline.json');
  const entries = (): { file: string; count: number }[] => JSON.parse(fs.readFileSync(baselineFile(), 'utf8')).violations;

  before(function () {
    if (!posix) this.skip();
    dir = workspace(LAYERED);
    if (isRoot) {
      // `nobody` must be able to walk the workspace and write its baseline.
      fs.chmodSync(dir, 0o777);
      for (const sub of ['src', 'src/a', 'src/b']) fs.chmodSync(path.join(dir, sub), 0o755);
    }
  });
  after(() => {
    if (dir) removeWorkspace(dir);
  });

  it('names the file in a notice, and --update-baseline keeps its entries', () => {
    const first = runAsReader(['check', dir, '--update-baseline'], dir);
    assert.equal(first.code, 0, first.stderr);
    assert.deepEqual(entries().map((e) => [e.file, e.count]), [['src/a/a.ts', 1]]);

    fs.chmodSync(path.join(dir, 'src', 'a', 'a.ts'), 0o000);
    try {
      const check = runAsReader(['check', dir, '--format', 'json'], dir);
      const notices: { level: string; message: string; file: string }[] = JSON.parse(check.stdout).notices;
      assert.deepEqual(notices.filter((n) => n.file === 'src/a/a.ts'), [{
        level: 'warning',
        file: 'src/a/a.ts',
        message: 'cannot read src/a/a.ts: permission denied; it is left out of this run (a baseline keeps its entries), fix that to check it',
      }]);

      const update = runAsReader(['check', dir, '--update-baseline'], dir);
      assert.equal(update.code, 0, update.stderr);
      assert.match(update.stderr, /warning: cannot read src\/a\/a\.ts: permission denied/);
      assert.match(update.stderr, /wrote 1 known violation\(s\) to .*baseline\.json \(1 kept from 1 file\(s\) that could not be read\)/);
      assert.deepEqual(entries().map((e) => [e.file, e.count]), [['src/a/a.ts', 1]], 'not shrunk (1 → 0) by a file it could not read');
    } finally {
      fs.chmodSync(path.join(dir, 'src', 'a', 'a.ts'), 0o644);
    }
    // Readable again and fixed: now the entry goes.
    fs.writeFileSync(path.join(dir, 'src', 'a', 'a.ts'), 'export const a = 1;\n');
    assert.equal(runAsReader(['check', dir, '--update-baseline'], dir).code, 0);
    assert.deepEqual(entries(), []);
  });

  it('the engine reports a read failure of any kind the file system gives (a double that denies reads)', () => {
    const denied = path.join(dir, 'src', 'b', 'b.ts');
    const disk = new NodeFileSystem();
    const denying: FileSystem = Object.assign(Object.create(disk) as FileSystem, {
      readText: (file: string, maxBytes: number) => (file === denied ? { ok: false, reason: 'unreadable', detail: 'EIO: i/o error' } : disk.readText(file, maxBytes)),
    });
    const found = discoverFiles(dir, denying, { include: () => true, exclude: () => false, maxFileBytes: 1 << 20 });
    assert.deepEqual(found.files.map((file) => path.relative(dir, file)), [path.join('src', 'a', 'a.ts')]);
    assert.deepEqual(found.notices, [{
      level: 'warning', file: denied, unreadable: true,
      message: 'cannot read src/b/b.ts: EIO: i/o error; it is left out of this run (a baseline keeps its entries), fix that to check it',
    }]);
  });
});
