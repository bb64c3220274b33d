import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { windowsForDirectory } from '../../../src/core/windows/windowsForDirectory';
import { changeCounts } from '../../../src/core/hotspots/changeCounts';
import { tempDir, TestRepo } from '../git/testRepo';

/**
 * A window over `src/**` in a repository whose other folders change too: git is asked only about
 * the scope's folder, and that must not lose a commit. A side branch changed a scope file and
 * undid the change before it was merged, so the merge left `src/` as it was: git's default history
 * for a path follows the first parent only and would skip both side commits.
 */
function buildRepo(): TestRepo {
  const repo = TestRepo.create('guardrails-scoped-changes-')
    .write('guardrails.json', JSON.stringify({
      include: ['src/**', 'tools/**'],
      windows: [{ id: 'w', start: '2026-03-01', end: '2026-03-31', scope: ['src/**'], goals: [{ metric: 'debt', target: 0 }] }],
    }))
    .write('src/a.ts', '// TODO: one\nexport const a = 1;\n')
    .write('tools/t.ts', 'export const t = 1;\n')
    .write('docs/notes.md', 'notes\n');
  repo.commit('Start', { date: '2026-02-10T10:00:00+00:00', author: 'Alice Martin' });
  repo.git(['checkout', '-q', '-b', 'side']);
  repo.write('src/a.ts', '// TODO: one\nexport const a = 2;\n').write('docs/try.md', 'trying\n');
  repo.commit('Try a = 2', { date: '2026-03-03T10:00:00+00:00', author: 'Bob Okafor' });
  repo.write('src/a.ts', '// TODO: one\nexport const a = 1;\n').remove('docs/try.md');
  repo.commit('Revert a = 2', { date: '2026-03-04T10:00:00+00:00', author: 'Bob Okafor' });
  repo.git(['checkout', '-q', 'main']);
  repo.write('docs/notes.md', 'more notes\n');
  repo.commit('Notes', { date: '2026-03-05T10:00:00+00:00', author: 'Alice Martin' });
  repo.write('tools/t.ts', 'export const t = 2;\n');
  repo.commit('Fix tool', { date: '2026-03-06T10:00:00+00:00', author: 'Alice Martin' });
  repo.merge('side', { date: '2026-03-07T10:00:00+00:00', author: 'Alice Martin' });
  repo.write('src/a.ts', '// TODO: one\nexport const a = 3;\nexport const b = 4;\n').write('docs/notes.md', 'even more notes\n');
  repo.commit('Fix a', { date: '2026-03-08T10:00:00+00:00', author: 'Carol Diaz' });
  return repo;
}

describe('windows: outcomes read from git for the scope alone', function () {
  this.timeout(60_000);
  let repo: TestRepo;
  let cacheDir: string;
  beforeEach(() => {
    repo = buildRepo();
    cacheDir = tempDir('guardrails-scoped-changes-cache-');
  });
  afterEach(() => {
    repo.dispose();
    fs.rmSync(cacheDir, { recursive: true, force: true });
  });

  async function during(options: { cacheDir?: string } = {}): Promise<unknown> {
    const outcome = await windowsForDirectory(repo.dir, { today: '2026-03-20', ...options });
    if (!outcome.ok) assert.fail(outcome.message);
    return outcome.report.windows[0].outcomes?.during;
  }

  it('counts the scope\'s commits on a merged branch whose changes were undone, and nothing outside the scope', async () => {
    // Try, Revert and Fix a change src/a.ts (Revert and Fix are fixes), each with a file of docs/
    // that counts in its size but not in the churn; Notes and Fix tool change nothing in scope.
    assert.deepEqual(await during(), { from: '2026-03-01', to: '2026-03-20', commits: 3, fixes: 2, churn: 7, filesPerCommit: 2, authors: 2 });
  });

  it('counts the same from its store of commits, cold, warm and after a new commit', async () => {
    const cold = await during({ cacheDir });
    assert.deepEqual(await during({ cacheDir }), cold);
    repo.write('src/a.ts', '// TODO: one\nexport const a = 3;\n');
    repo.commit('Drop b', { date: '2026-03-09T10:00:00+00:00', author: 'Dan Brown' });
    const fresh = await during();
    assert.deepEqual(await during({ cacheDir }), fresh);
    assert.equal((fresh as { commits: number }).commits, 4);
  });

  it('counts a folder\'s changes for hotspots, only its own files, and the whole repository\'s as before', async () => {
    const inTools = await changeCounts(`${repo.dir}/tools`, '2026-03-20', 90, { cacheDir });
    if (!inTools.ok) assert.fail(inTools.message);
    assert.deepEqual([...inTools.byFile].map(([file, counts]) => [file.slice(repo.dir.length + 1), counts]), [['tools/t.ts', { changes: 2, churn: 3 }]]);
    const whole = await changeCounts(repo.dir, '2026-03-20', 90, { cacheDir });
    if (!whole.ok) assert.fail(whole.message);
    assert.deepEqual(whole.byFile.get(`${repo.dir}/src/a.ts`), { changes: 4, churn: 9 });
    assert.deepEqual(whole.byFile.get(`${repo.dir}/docs/notes.md`), { changes: 3, churn: 5 });
  });

  it('serves the whole repository\'s counts from commits a window\'s log of its scope stored', async () => {
    await during({ cacheDir });
    // Four of the six commits are stored by now (those that change src/): git diffs only the other two.
    const fromStore = await changeCounts(repo.dir, '2026-03-20', 90, { cacheDir });
    const fresh = await changeCounts(repo.dir, '2026-03-20', 90);
    if (!fromStore.ok || !fresh.ok) assert.fail('git failed');
    assert.deepEqual([...fromStore.byFile].sort(), [...fresh.byFile].sort());
    assert.deepEqual(fromStore.byFile.get(`${repo.dir}/docs/try.md`), { changes: 2, churn: 2 });
  });
});
