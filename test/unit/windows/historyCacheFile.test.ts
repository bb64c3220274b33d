// The caches `guardrails windows` keeps between runs are files on disk, read back as input: a
// hand-edited, truncated or foreign one must cost a cold run, never a crash or a number nobody
// measured (before: `state.debt.filter is not a function`, exit 2).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fixturePath, REPO_ROOT } from '../helpers/analyzeFixture';
import { runCliCapture } from '../helpers/runCliCapture';
import { tempDir, TestRepo } from '../git/testRepo';

type Json = Record<string, unknown>;

describe('windows: a malformed history cache', function () {
  this.timeout(120_000);
  let repo: TestRepo;
  let cacheDir: string;
  let coldOutput: string;
  /** The cache files as the cold run wrote them: each case damages its own copy. */
  let written: Map<string, string>;

  const run = (): ReturnType<typeof runCliCapture> =>
    runCliCapture(['windows', repo.dir, '--format', 'json', '--today', '2026-11-08', '--cache-location', cacheDir], REPO_ROOT);
  const cacheFile = (prefix: string): string => {
    const name = fs.readdirSync(cacheDir).find((entry) => entry.startsWith(prefix) && entry.endsWith('.json'));
    assert.ok(name, `no ${prefix}*.json in ${fs.readdirSync(cacheDir).join(', ')}`);
    return path.join(cacheDir, name);
  };
  const edit = (prefix: string, change: (stored: Json) => void): void => {
    const file = cacheFile(prefix);
    const stored = JSON.parse(fs.readFileSync(file, 'utf8')) as Json;
    change(stored);
    fs.writeFileSync(file, JSON.stringify(stored));
  };
  /** Each window's numbers and credits, as a user compares two runs (the run's duration aside). */
  const numbers = (stdout: string): string => JSON.stringify((JSON.parse(stdout) as { windows: unknown }).windows);

  before(async () => {
    repo = TestRepo.create('guardrails-history-cache-').copyFrom(fixturePath('windows', 'ledger'));
    repo.commit('Start the ledger', { date: '2026-10-30T12:00:00+00:00', author: 'Alice Martin' });
    repo.edit('src/io/db.ts', '// FIXME: writes the whole list on every call\n', '');
    repo.commit('Append instead of rewriting', { date: '2026-11-04T10:00:00+00:00', author: 'Bob Okafor' });
    cacheDir = tempDir('guardrails-history-cache-dir-');
    const cold = await run();
    assert.equal(cold.code, 0, cold.stderr);
    coldOutput = numbers(cold.stdout);
    assert.match(coldOutput, /Bob Okafor/, 'the cold run credits the removal');
    written = new Map(fs.readdirSync(cacheDir).map((name) => [name, fs.readFileSync(path.join(cacheDir, name), 'utf8')]));
  });
  beforeEach(() => {
    for (const name of fs.readdirSync(cacheDir)) fs.rmSync(path.join(cacheDir, name));
    for (const [name, text] of written) fs.writeFileSync(path.join(cacheDir, name), text);
  });
  after(() => {
    repo.dispose();
    fs.rmSync(cacheDir, { recursive: true, force: true });
  });

  const cases: [string, string, (stored: Json) => void][] = [
    ['a window start whose debt is not a list', 'history-', (stored) => {
      for (const key of Object.keys(stored.starts as Json)) (stored.starts as Json)[key] = { debt: 'x', violations: 5 };
    }],
    ['a burndown value that is not a number', 'history-', (stored) => {
      for (const byWindow of Object.values(stored.values as Record<string, Json>)) for (const key of Object.keys(byWindow)) byWindow[key] = ['4', null];
    }],
    ['a removal credited to something that is not an author', 'history-', (stored) => {
      for (const byNeedle of Object.values(stored.removals as Record<string, Json>)) for (const key of Object.keys(byNeedle)) byNeedle[key] = 'Mallory';
    }],
    ['moves that are not pairs of paths', 'history-', (stored) => {
      const moves = stored.moves as Json;
      assert.ok(Object.keys(moves).length > 0, 'the cold run stored the moves between two commits');
      for (const range of Object.keys(moves)) moves[range] = [['src/io/db.ts']];
    }],
    ['the whole maps replaced by a string', 'history-', (stored) => {
      stored.totals = 'x';
    }],
    ["a commit's changed files that are not a list", 'changes-', (stored) => {
      for (const [oid, commit] of Object.entries(stored.commits as Record<string, unknown[]>)) (stored.commits as Json)[oid] = [commit[0], commit[1], commit[2], 'x'];
    }],
    ['a commit stored as a string', 'changes-', (stored) => {
      for (const oid of Object.keys(stored.commits as Json)) (stored.commits as Json)[oid] = 'x';
    }],
  ];
  for (const [what, prefix, change] of cases) {
    it(`${what}: the same numbers as a cold run, and the cache is written again whole`, async () => {
      edit(prefix, change);
      const damaged = await run();
      assert.equal(damaged.code, 0, damaged.stderr);
      assert.equal(numbers(damaged.stdout), coldOutput);
      // Written again: the next run reads it back as its own and gives the same numbers.
      const again = await run();
      assert.equal(again.code, 0, again.stderr);
      assert.equal(numbers(again.stdout), coldOutput);
      const rewritten = JSON.parse(fs.readFileSync(cacheFile(prefix), 'utf8')) as Json;
      if (prefix === 'history-') assert.ok(Object.values(rewritten.starts as Json).every((start) => Array.isArray((start as Json).debt)), 'the starts are records again');
      else assert.ok(Object.values(rewritten.commits as Json).every((commit) => Array.isArray((commit as unknown[])[3])), 'the commits are whole again');
    });
  }
});
