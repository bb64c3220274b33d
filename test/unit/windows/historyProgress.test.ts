import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { windowsForDirectory } from '../../../src/core/windows/windowsForDirectory';
import { tempDir, type TestRepo } from '../git/testRepo';
import { buildOutcomesHistory } from './datedHistory';

/** What a run told of its reading of git history: each (done, total) it reported, in order. */
async function progressOf(dir: string, cacheDir: string): Promise<[number, number][]> {
  const told: [number, number][] = [];
  const outcome = await windowsForDirectory(dir, { today: '2026-03-25', cacheDir, onHistoryProgress: (done, total) => told.push([done, total]) });
  if (!outcome.ok) assert.fail(outcome.message);
  return told;
}

describe('windows: progress of the reading of git history', function () {
  this.timeout(60_000);
  let repo: TestRepo;
  let cacheDir: string;
  before(() => {
    ({ repo } = buildOutcomesHistory());
    cacheDir = tempDir('guardrails-history-progress-');
  });
  after(() => {
    repo.dispose();
    fs.rmSync(cacheDir, { recursive: true, force: true });
  });

  it('counts the past commits analysed up to all of them, from nothing done, never going back', async () => {
    const told = await progressOf(repo.dir, cacheDir);
    assert.ok(told.length > 2, JSON.stringify(told));
    assert.deepEqual(told[0], [0, told[0][1]], 'the first state is announced before it is analysed');
    const [done, total] = told[told.length - 1];
    assert.equal(done, total, JSON.stringify(told));
    assert.ok(total >= 2, JSON.stringify(told));
    for (let i = 1; i < told.length; i++) {
      assert.ok(told[i][0] >= told[i - 1][0] && told[i][1] >= told[i - 1][1], JSON.stringify(told));
      assert.ok(told[i][0] <= told[i][1], JSON.stringify(told));
    }
  });

  it('tells nothing when the history cache already holds every past state', async () => {
    assert.deepEqual(await progressOf(repo.dir, cacheDir), []);
  });
});
