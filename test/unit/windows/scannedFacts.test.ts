import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { analyzeDirectory } from '../../../src/core/analysis/analyze';
import type { AnalysisResult } from '../../../src/core/model/types';
import { windowsForDirectory } from '../../../src/core/windows/windowsForDirectory';
import { tempDir, type TestRepo } from '../git/testRepo';
import { buildOutcomesHistory } from './datedHistory';

const TODAY = '2026-03-25';
const findings = (result: AnalysisResult): string[] => result.violations.map((v) => `${v.ruleId} ${v.location.file}:${v.location.range.start.line}`).sort();

/**
 * `windows` reads files without a syntax tree, so its facts lack parse errors. Kept in a cache
 * folder `check` shares, they must not hide a syntax error from `check`.
 */
describe('windows: facts read without parse errors, in a cache check shares', function () {
  this.timeout(60_000);
  let repo: TestRepo;
  let cacheDir: string;
  before(() => {
    ({ repo } = buildOutcomesHistory());
    // Balanced tokens, a syntax error all the same: the scanner alone would not see it.
    repo.write('src/core/broken.ts', "export const = 1;\nimport { save } from '../io/db';\n");
    cacheDir = tempDir('guardrails-scanned-facts-');
  });
  after(() => {
    repo.dispose();
    fs.rmSync(cacheDir, { recursive: true, force: true });
  });

  it('check after windows on the same cache reports the syntax error, as check without a cache does', async () => {
    const windows = await windowsForDirectory(repo.dir, { today: TODAY, cacheDir });
    if (!windows.ok) assert.fail(windows.message);
    const uncached = await analyzeDirectory(repo.dir, { today: TODAY });
    const cached = await analyzeDirectory(repo.dir, { today: TODAY, cacheDir });
    if (!uncached.ok || !cached.ok) assert.fail('analysis failed');
    assert.ok(findings(uncached.result).some((line) => line.startsWith('parse-error') && line.includes('broken.ts')), findings(uncached.result).join('\n'));
    assert.deepEqual(findings(cached.result), findings(uncached.result));
    // What it reports of its cache counts each file once: parsed again, not also reused.
    const stats = cached.result.cache!;
    assert.ok(stats.parsed > 0, JSON.stringify(stats));
    assert.equal(stats.reused + stats.parsed, cached.result.files, JSON.stringify(stats));
    // …and a second check reuses what the first stored, still with the error.
    const again = await analyzeDirectory(repo.dir, { today: TODAY, cacheDir });
    if (!again.ok) assert.fail(again.message);
    assert.deepEqual(findings(again.result), findings(uncached.result));
  });

  it('windows counts the same with facts check stored as with its own', async () => {
    const fresh = await windowsForDirectory(repo.dir, { today: TODAY });
    const warm = await windowsForDirectory(repo.dir, { today: TODAY, cacheDir });
    if (!fresh.ok || !warm.ok) assert.fail('windows failed');
    const numbers = (report: typeof fresh.report) => report.windows.map((w) => JSON.stringify(w.goals));
    assert.deepEqual(numbers(warm.report), numbers(fresh.report));
    assert.ok(fresh.report.windows[0].goals.some((goal) => goal.now > 0), JSON.stringify(fresh.report.windows[0].goals));
  });
});
