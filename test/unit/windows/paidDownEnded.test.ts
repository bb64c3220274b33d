import * as assert from 'node:assert/strict';
import { formatWindowsText } from '../../../src/core/report/windowsText';
import { windowsForDirectory } from '../../../src/core/windows/windowsForDirectory';
import { fixturePath } from '../helpers/analyzeFixture';
import { TestRepo } from '../git/testRepo';

/**
 * The ledger's window runs Nov 2 → 15. Bob removes the TODO on Nov 3 (during it); Dave removes the
 * FIXME on a branch on Nov 10 that Erin merges only on Nov 18; Carol removes the DEBT note on Nov 19.
 * On Nov 20 the window has ended, and only Bob's removal landed while it ran.
 */
function buildHistory(): { repo: TestRepo; commits: Record<string, string> } {
  const repo = TestRepo.create('guardrails-ended-').copyFrom(fixturePath('windows', 'ledger'));
  const commits: Record<string, string> = {};
  commits.start = repo.commit('Start the ledger', { date: '2026-10-30T12:00:00+00:00', author: 'Alice Martin' });
  repo.edit('src/core/ledger.ts', '  // TODO: reject amounts that are not finite\n', '');
  commits.todo = repo.commit('Drop the TODO', { date: '2026-11-03T10:00:00+00:00', author: 'Bob Okafor' });
  repo.git(['checkout', '-q', '-b', 'rounding']);
  repo.edit('src/core/money.ts', '  // FIXME(bob): rounds half down; accounting wants half up\n', '').edit('src/core/money.ts', 'Math.floor', 'Math.round');
  commits.rounding = repo.commit('Round half up', { date: '2026-11-10T09:00:00+00:00', author: 'Dave Silva' });
  repo.git(['checkout', '-q', 'main']);
  commits.merge = repo.merge('rounding', { date: '2026-11-18T09:00:00+00:00', author: 'Erin Kowalski' });
  repo.edit('src/core/ledger.ts', '// DEBT(@alice, L-1, est 4h): entries are kept in memory until the process exits\n', '');
  commits.debt = repo.commit('Drop the in-memory note', { date: '2026-11-19T09:00:00+00:00', author: 'Carol Jensen' });
  return { repo, commits };
}

describe('windows: what an ended window paid down', function () {
  this.timeout(30_000);
  let repo: TestRepo;
  let commits: Record<string, string>;
  before(() => ({ repo, commits } = buildHistory()));
  after(() => repo.dispose());

  async function report(today: string) {
    const outcome = await windowsForDirectory(repo.dir, { today });
    if (!outcome.ok) assert.fail(outcome.message);
    return outcome.report;
  }
  const cleanup = async (today: string) => (await report(today)).windows.find((w) => w.id === 'cleanup')!;

  it('lists only what landed on the mainline by its last day, not what was removed after it ended', async () => {
    const w = await cleanup('2026-11-20');
    assert.equal(w.status, 'ended');
    assert.deepEqual(w.paidDown.map((item) => [item.kind, item.file, item.removedBy?.name, item.removedBy?.commit]), [
      ['debt', 'src/core/ledger.ts', 'Bob Okafor', commits.todo],
    ]);
    assert.equal(w.estimateBurned, 0);
    assert.deepEqual(w.contributors.map((c) => [c.name, c.items]), [['Bob Okafor', 1]]);
  });

  it('while the window runs, lists what has been removed so far', async () => {
    const w = await cleanup('2026-11-12');
    assert.equal(w.status === 'ended', false);
    assert.deepEqual(w.paidDown.map((item) => [item.file, item.removedBy?.commit]), [['src/core/ledger.ts', commits.todo]]);
  });

  it('says an ended window paid down nothing, not "nothing yet"', async () => {
    const ended = await report('2026-11-20');
    const text = formatWindowsText({ ...ended, windows: ended.windows.filter((w) => w.id === 'cleanup').map((w) => ({ ...w, paidDown: [], contributors: [] })) }, { color: false });
    assert.match(text, /^ {2}paid down: nothing$/m);
  });
});
