// `check --cache` reuses the findings of a run whose inputs did not change: with a tangles rule,
// what it reuses must be the whole answer (the tangles and the checks' own notices), not only the
// findings, and a baseline that guides where cycle findings go is one of the inputs.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT } from '../helpers/analyzeFixture';
import { runCliCapture } from '../helpers/runCliCapture';

interface Report {
  violations: { file: string; line: number; baselined?: boolean }[];
  tangles: unknown[];
  notices: { message: string }[];
  cache: { findingsReused: boolean } | null;
}

describe('check --cache with cycle tangles', function () {
  this.timeout(60_000);
  let dir: string;
  before(() => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'guardrails-cache-tangles-')));
    const write = (file: string, text: string): void => {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), text);
    };
    write('guardrails.json', JSON.stringify({ rules: [{ id: 'no-cycles', kind: 'no-cycle' }] }));
    // a ⇄ b through values, b ⇄ c and c ⇄ a through types only: most cycles are type-only.
    write('src/a.ts', "import { b } from './b';\nimport type { C } from './c';\nexport const a = (x: C) => [b, x];\n");
    write('src/b.ts', "import { a } from './a';\nimport type { C } from './c';\nexport const b = (x: C) => [a, x];\n");
    write('src/c.ts', "import type { a } from './a';\nimport type { b } from './b';\nexport type C = typeof a | typeof b;\n");
    const hourAgo = new Date(Date.now() - 3600_000);
    for (const file of ['src/a.ts', 'src/b.ts', 'src/c.ts', 'guardrails.json']) fs.utimesSync(path.join(dir, file), hourAgo, hourAgo);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  const check = async (...extra: string[]): Promise<Report> => {
    const run = await runCliCapture(['check', dir, '--format', 'json', '--today', '2026-11-27', '--cache-location', path.join(dir, '.cache'), ...extra], REPO_ROOT);
    assert.ok(run.code === 0 || run.code === 1, run.stderr);
    return JSON.parse(run.stdout) as Report;
  };
  const answer = (report: Report): unknown => ({ violations: report.violations, tangles: report.tangles, notices: report.notices.filter((n) => !/cache/i.test(n.message)) });

  it('reuses the tangles and the type-only notice with the findings', async () => {
    const first = await check();
    assert.equal(first.tangles.length, 1);
    assert.ok(first.notices.some((n) => /run through type-only imports/.test(n.message)), JSON.stringify(first.notices));
    const second = await check();
    assert.equal(second.cache?.findingsReused, true);
    assert.deepEqual(answer(second), answer(first));
  });

  it('checks again when the baseline changes, since it decides where cycle findings go', async () => {
    const update = await runCliCapture(['check', dir, '--update-baseline', '--today', '2026-11-27', '--cache-location', path.join(dir, '.cache')], REPO_ROOT);
    assert.equal(update.code, 0, update.stderr);
    const baselined = await check();
    assert.equal(baselined.cache?.findingsReused, false, 'a new baseline: the findings are worked out again');
    assert.ok(baselined.violations.every((v) => v.baselined === true));
  });
});
