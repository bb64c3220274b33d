// A repository's own `.git/config` can name programs git runs for it: an fsmonitor hook, textconv
// drivers, clean filters. Guardrails reads history from untrusted workspaces, so none of them may
// ever run. Each script below writes a marker file when it runs; no git-using path may create it.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lineDates } from '../../../src/core/git/blame';
import { findRemovingCommit } from '../../../src/core/git/removals';
import { openRepository } from '../../../src/core/git/repository';
import { fixturePath, REPO_ROOT } from '../helpers/analyzeFixture';
import { runCliCapture } from '../helpers/runCliCapture';
import { tempDir, TestRepo } from '../git/testRepo';

describe('security: git runs no code from the repository', function () {
  this.timeout(60_000);
  let repo: TestRepo;
  let marker: string;

  before(() => {
    repo = TestRepo.create('guardrails-hostile-git-').copyFrom(fixturePath('windows', 'ledger'));
    repo.write('.gitattributes', '*.ts diff=evil filter=evil\n*.json diff=evil filter=evil\n');
    repo.commit('Start the ledger', { date: '2026-10-30T12:00:00+00:00', author: 'Alice Martin' });
    repo.edit('src/io/db.ts', '// FIXME: writes the whole list on every call\n', '');
    repo.commit('Append instead of rewriting', { date: '2026-11-04T10:00:00+00:00', author: 'Bob Okafor' });
    // An uncommitted edit: blaming the working file would run the clean filter on it.
    repo.write('src/core/money.ts', `${repo.read('src/core/money.ts')}\n// TODO: round half to even\n`);

    marker = path.join(tempDir('guardrails-marker-'), 'ran');
    const script = path.join(path.dirname(marker), 'evil.sh');
    // Leaves its name and arguments in the marker, then behaves like the program it stands for
    // (an fsmonitor hook, called with its protocol version, answers nothing).
    fs.writeFileSync(script, `#!/bin/sh\necho "$0 $*" >> '${marker}'\ncase "$1" in 1|2) exit 0;; esac\nif [ -f "$1" ]; then cat "$1"; else cat; fi\n`, { mode: 0o755 });
    repo.git(['config', 'core.fsmonitor', script]);
    repo.git(['config', 'diff.evil.textconv', script]);
    repo.git(['config', 'filter.evil.clean', script]);
    repo.git(['config', 'filter.evil.smudge', script]);
    repo.git(['config', 'diff.external', script]);
    repo.git(['config', 'core.pager', script]);
  });
  after(() => {
    repo.dispose();
    fs.rmSync(path.dirname(marker), { recursive: true, force: true });
  });

  beforeEach(() => fs.rmSync(marker, { force: true }));
  const ran = (): string => (fs.existsSync(marker) ? fs.readFileSync(marker, 'utf8') : '');

  it('the scripts do run for a plain git command (the test would notice)', () => {
    repo.git(['diff', 'HEAD', '--', 'src/core/money.ts']);
    assert.notEqual(ran(), '', 'git itself ran the configured programs');
  });

  it('blame for debt ages runs none of them, and still dates committed lines', async () => {
    const opened = await openRepository(repo.dir);
    assert.ok(opened.ok);
    const dates = await lineDates(opened.repo, path.join(repo.dir, 'src', 'core', 'money.ts'));
    assert.equal(ran(), '');
    assert.ok(dates && dates.size > 0, 'committed lines have dates');
    assert.equal(dates.get(1), '2026-10-30');
    const lines = repo.read('src/core/money.ts').split('\n').length;
    assert.equal(dates.get(lines - 1), undefined, 'the uncommitted line has no date');
  });

  it('paid-down attribution (git log -S) runs none of them', async () => {
    const opened = await openRepository(repo.dir);
    assert.ok(opened.ok);
    const found = await findRemovingCommit(opened.repo, { needle: 'FIXME: writes the whole list on every call', file: 'src/io/db.ts', sinceDay: '2026-10-01' });
    assert.equal(ran(), '');
    assert.ok(found.ok && found.commit);
    assert.equal(found.commit.authorName, 'Bob Okafor');
  });

  it('guardrails windows (history, blobs, attribution) runs none of them', async () => {
    const run = await runCliCapture(['windows', repo.dir, '--format', 'json', '--today', '2026-11-08'], REPO_ROOT);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(ran(), '');
    const window = JSON.parse(run.stdout).windows[0];
    assert.equal(window.source, 'git');
    assert.equal(window.paidDown[0]?.removedBy?.name, 'Bob Okafor');
  });

  it('guardrails check and debt run none of them', async () => {
    assert.equal((await runCliCapture(['check', repo.dir, '--today', '2026-11-08'], REPO_ROOT)).code, 1, 'core-pure is broken');
    assert.equal((await runCliCapture(['debt', repo.dir, '--today', '2026-11-08'], REPO_ROOT)).code, 0);
    assert.equal(ran(), '');
  });
});
