// A cache CI can carry (issue 14, item 5): restored with the workspace at another path, on another
// machine or in a fresh checkout at the same path, `check --cache` gives the same findings and uses
// what it can (observable in `--format json`'s `cache` counts); modification times vouch for a
// file only where the cache was written; the cache holds no absolute path; and a cache that
// cannot be used is said to be so, in one line, and the run is cold.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CacheStats } from '../../../src/core/model/types';
import { REPO_ROOT } from '../helpers/analyzeFixture';
import { runCliCapture } from '../helpers/runCliCapture';

const SHOP = path.join(REPO_ROOT, 'examples', 'shop');
const TODAY = '2026-11-27';

interface Report {
  files: number;
  violations: unknown[];
  debt: unknown[];
  notices: { level: string; message: string; file: string | null }[];
  cache: CacheStats | null;
}

async function check(dir: string, ...extra: string[]): Promise<Report> {
  const run = await runCliCapture(['check', dir, '--format', 'json', '--today', TODAY, ...extra], REPO_ROOT);
  assert.ok(run.code === 0 || run.code === 1, `exit ${run.code}: ${run.stderr}`);
  return JSON.parse(run.stdout) as Report;
}

const cached = (dir: string, ...extra: string[]): Promise<Report> => check(dir, '--cache-location', path.join(dir, '.cache'), ...extra);

/** What a user compares between two runs: every finding, debt item and notice, paths relative to the root. */
const findings = (report: Report): unknown => ({ violations: report.violations, debt: report.debt, notices: report.notices.filter((n) => !/--cache/.test(n.message)) });

function tempDir(): string {
  return fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'guardrails-relocate-')));
}

/** The example shop, its files last modified an hour ago (old enough for their stats to vouch for them). */
function shopCopy(): string {
  const dir = tempDir();
  fs.cpSync(SHOP, dir, { recursive: true });
  const hourAgo = new Date(Date.now() - 3600_000);
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) fs.utimesSync(path.join(entry.parentPath, entry.name), hourAgo, hourAgo);
  }
  return dir;
}

function cacheFile(dir: string): string {
  const names = fs.readdirSync(path.join(dir, '.cache')).filter((name) => name.endsWith('.json'));
  assert.equal(names.length, 1, 'one cache file for the one rules file');
  return path.join(dir, '.cache', names[0]);
}

describe('check --cache restored elsewhere', () => {
  const made: string[] = [];
  const dir = (d: string): string => (made.push(d), d);
  after(() => {
    for (const d of made) fs.rmSync(d, { recursive: true, force: true });
  });

  it('says nothing of a cache without --cache, and counts what the cache saved with it', async () => {
    const a = dir(shopCopy());
    assert.equal((await check(a)).cache, null);
    const cold = await cached(a);
    assert.deepEqual(cold.cache, { reused: 0, parsed: cold.files, read: cold.files, resolved: cold.files, findingsReused: false });
    const warm = await cached(a);
    assert.deepEqual(warm.cache, { reused: warm.files, parsed: 0, read: 0, resolved: 0, findingsReused: true }, 'here, stats vouch for every file');
    assert.deepEqual(findings(warm), findings(cold));
  });

  it('gives the same findings from a copy at another path with new modification times, reading but not parsing or resolving anything again', async () => {
    const a = dir(shopCopy());
    const expected = await cached(a);
    const b = dir(tempDir());
    fs.cpSync(a, b, { recursive: true });
    const moved = await cached(b);
    assert.deepEqual(findings(moved), findings(expected));
    assert.deepEqual(moved.cache, { reused: moved.files, parsed: 0, read: moved.files, resolved: 0, findingsReused: true });
    assert.deepEqual(moved.notices.filter((n) => /--cache/.test(n.message)), [], 'a usable cache is not talked about');
  });

  it('keeps no absolute path, and no name of the machine, in the cache', async () => {
    const a = dir(shopCopy());
    await cached(a);
    const text = fs.readFileSync(cacheFile(a), 'utf8');
    assert.ok(!text.includes(a), 'the workspace path');
    assert.ok(!text.includes(os.tmpdir()), 'the temporary folder');
    assert.ok(!text.includes(os.hostname()), 'the host name');
    assert.match(text, /"\.\/src\/features\/payments\/cardProcessor\.ts"/, 'paths are relative to the rules file');
  });

  it('trusts modification times only where the cache was written: not at another path, nor in a new checkout at the same path', async () => {
    const a = dir(shopCopy());
    const before = await cached(a);
    const entity = path.join('src', 'domain', 'order.ts');
    // Same size, same modification time, one more forbidden import: only reading the file can tell.
    const sneak = (root: string): void => {
      const file = path.join(root, entity);
      const stat = fs.statSync(file);
      const original = fs.readFileSync(file, 'utf8');
      const line = "import '../ui/x';";
      fs.writeFileSync(file, `${line}${original.slice(line.length)}`);
      assert.equal(fs.statSync(file).size, stat.size);
      fs.utimesSync(file, stat.atime, stat.mtime);
    };
    const sawIt = (report: Report): boolean => JSON.stringify(report.violations).includes('../ui/x');
    assert.ok(!sawIt(before));

    // Another path, times preserved (as tar and actions/cache restore them).
    const b = dir(tempDir());
    fs.cpSync(a, b, { recursive: true, preserveTimestamps: true });
    sneak(b);
    assert.ok(sawIt(await cached(b)), 'at another path the file is read');

    // The same path, but a new folder there (a fresh clone, another CI runner).
    const kept = dir(tempDir());
    fs.cpSync(a, kept, { recursive: true, preserveTimestamps: true });
    fs.rmSync(a, { recursive: true });
    fs.cpSync(kept, a, { recursive: true, preserveTimestamps: true });
    sneak(a);
    const fresh = await cached(a);
    assert.ok(sawIt(fresh), 'in a new folder at the same path the file is read');
    assert.equal(fresh.cache?.read, fresh.files);
  });

  it('keeps facts across days: only files with a due date are parsed again on another day', async () => {
    const a = dir(shopCopy());
    await cached(a, '--today', '2026-01-01');
    const later = await cached(a, '--today', '2027-06-01');
    const dated = fs.readdirSync(path.join(a, 'src'), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && /\bdue \d{4}-/.test(fs.readFileSync(path.join(entry.parentPath, entry.name), 'utf8'))).length;
    assert.ok(dated > 0);
    assert.equal(later.cache?.parsed, dated);
    assert.deepEqual(findings(later), findings(await check(a, '--today', '2027-06-01')), 'overdue as of the new day');
  });

  it('says in one line why a cache from another build is not used, runs cold, and is used again next time', async () => {
    const a = dir(shopCopy());
    const expected = await cached(a);
    const file = cacheFile(a);
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/"engine":"[^"]*"/, '"engine":"0.0.1+another"'));
    const cold = await cached(a);
    const said = cold.notices.filter((n) => /--cache/.test(n.message));
    assert.equal(said.length, 1);
    assert.match(said[0].message, /^the --cache file is not usable \(written by another build of Guardrails\); this run is cold/);
    assert.doesNotMatch(said[0].message, /\n/);
    assert.equal(cold.cache?.reused, 0);
    assert.deepEqual(findings(cold), findings(expected));
    assert.equal((await cached(a)).cache?.parsed, 0);
  });
});
