import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { windowsForDirectory } from '../../../src/core/windows/windowsForDirectory';
import { tempDir, TestRepo } from '../git/testRepo';

const debtWindow = (id: string, start: string, scope: string) => ({ id, start, end: '2026-03-31', scope: [scope], goals: [{ metric: 'debt', target: 0 }] });

/**
 * A root rules file whose window opened on Mar 1 (its outcomes look back to Feb 2) and a nested one
 * whose window opened on Mar 20 (back to Mar 12), in one repository: their git is opened at once.
 */
function buildRepo(): TestRepo {
  const repo = TestRepo.create('guardrails-nested-changes-')
    .write('guardrails.json', JSON.stringify({ include: ['src/**'], windows: [debtWindow('root', '2026-03-01', 'src/**')] }))
    .write('pkg/guardrails.json', JSON.stringify({ include: ['**/*.ts'], windows: [debtWindow('nested', '2026-03-20', '**')] }))
    .write('src/a.ts', '// TODO: one\nexport const a = 1;\n')
    .write('pkg/b.ts', '// TODO: two\nexport const b = 1;\n');
  repo.commit('Start', { date: '2026-02-10T10:00:00+00:00', author: 'Alice Martin' });
  for (const [day, file] of [['2026-02-20', 'src/a.ts'], ['2026-03-05', 'src/a.ts'], ['2026-03-21', 'pkg/b.ts'], ['2026-03-25', 'src/a.ts']]) {
    repo.write(file, `export const changed = '${day}';\n`);
    repo.commit(`Change ${file}`, { date: `${day}T10:00:00+00:00`, author: 'Bob Okafor' });
  }
  return repo;
}

describe('windows: rules files of one repository keep one store of changed files', function () {
  this.timeout(60_000);
  let repo: TestRepo;
  let cacheDir: string;
  before(() => {
    repo = buildRepo();
    cacheDir = tempDir('guardrails-nested-changes-cache-');
  });
  after(() => {
    repo.dispose();
    fs.rmSync(cacheDir, { recursive: true, force: true });
  });

  it('keeps every commit either rules file read, not only those of the last to save', async () => {
    const outcome = await windowsForDirectory(repo.dir, { today: '2026-03-28', cacheDir });
    if (!outcome.ok) assert.fail(outcome.message);
    assert.deepEqual(outcome.report.windows.map((w) => [w.id, w.outcomes?.during.commits]), [['root', 2], ['nested', 1]]);
    const [file] = fs.readdirSync(cacheDir).filter((name) => name.startsWith('changes-'));
    const stored = JSON.parse(fs.readFileSync(path.join(cacheDir, file), 'utf8')) as { commits: Record<string, [string]> };
    assert.deepEqual(Object.values(stored.commits).map(([day]) => day).sort(), ['2026-02-10', '2026-02-20', '2026-03-05', '2026-03-21', '2026-03-25']);
  });
});
