import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BlobStore } from '../../../src/core/git/blobStore';
import { BatchParser, readBlobs } from '../../../src/core/git/catFile';
import { CatFileSession } from '../../../src/core/git/catFileSession';
import { commitsInRange, lastCommitBefore } from '../../../src/core/git/commits';
import { runGit } from '../../../src/core/git/gitRunner';
import { GitTreeFileSystem } from '../../../src/core/git/gitTreeFileSystem';
import { lsTree } from '../../../src/core/git/lsTree';
import { findRemovals } from '../../../src/core/git/removals';
import { TreeReader } from '../../../src/core/git/treeReader';
import { openRepository, type GitRepository } from '../../../src/core/git/repository';
import { NodeFileSystem } from '../../../src/core/fs/nodeFileSystem';
import { tempDir, TestRepo } from './testRepo';

async function open(dir: string): Promise<GitRepository> {
  const opened = await openRepository(dir);
  if (!opened.ok) assert.fail(opened.failure.message);
  return opened.repo;
}

describe('git: runner and repository', () => {
  let plain: string;
  before(() => (plain = tempDir()));
  after(() => fs.rmSync(plain, { recursive: true, force: true }));

  it('says "not a repository" as a value outside git', async () => {
    const result = await runGit(['rev-parse', '--show-prefix'], { cwd: plain });
    assert.deepEqual(result, { ok: false, failure: { kind: 'not-a-repository', message: 'not a git repository' } });
    const opened = await openRepository(plain);
    assert.equal(opened.ok, false);
  });

  it('says git is missing when the executable is not there', async () => {
    const opened = await openRepository(plain, { gitPath: path.join(plain, 'no-such-git') });
    assert.deepEqual(opened, { ok: false, failure: { kind: 'missing', message: 'git is not installed or not on PATH' } });
  });

  it('says a command ran too long, and a missing folder is not a crash', async () => {
    const fakeGit = path.join(plain, 'slow-git');
    fs.writeFileSync(fakeGit, '#!/bin/sh\nsleep 5\n', { mode: 0o755 });
    const slow = await runGit(['log'], { cwd: plain, timeoutMs: 200, gitPath: fakeGit });
    assert.deepEqual(slow, { ok: false, failure: { kind: 'timeout', message: 'git log did not finish within 200 ms' } });
    const gone = await runGit(['log'], { cwd: path.join(plain, 'gone') });
    assert.deepEqual(gone, { ok: false, failure: { kind: 'failed', message: `${path.join(plain, 'gone')}: no such directory` } });
  });

  it('opens a repository from a sub-folder: top, prefix, head, not shallow', async () => {
    const repo = TestRepo.create();
    try {
      repo.write('pkg/app/a.ts', 'export {};\n');
      const head = repo.commit('one', { date: '2026-11-03T10:00:00+01:00', author: 'Alice' });
      const opened = await open(path.join(repo.dir, 'pkg', 'app'));
      assert.equal(opened.top, repo.dir);
      assert.equal(opened.prefix, 'pkg/app/');
      assert.equal(opened.head, head);
      assert.equal(opened.shallow, false);
    } finally {
      repo.dispose();
    }
  });

  it('has no head in a repository without commits', async () => {
    const repo = TestRepo.create();
    try {
      const opened = await open(repo.dir);
      assert.equal(opened.head, undefined);
      assert.deepEqual(await lastCommitBefore(opened, '2026-11-02'), { ok: true, commit: undefined });
    } finally {
      repo.dispose();
    }
  });
});

describe('git: history', () => {
  let repo: TestRepo;
  let git: GitRepository;
  const oids: Record<string, string> = {};

  before(async () => {
    repo = TestRepo.create();
    repo.write('src/a.ts', '// TODO: first\nexport const a = 1;\n');
    oids.oct30 = repo.commit('start', { date: '2026-10-30T12:00:00+00:00', author: 'Alice' });
    repo.write('src/naïve file.ts', 'export const b = 2;\n');
    // Late on Nov 1 for a committer in UTC−10 (already Nov 2, 09:30 in UTC).
    oids.nov1 = repo.commit('late', { date: '2026-11-01T23:30:00-10:00', author: 'Bob' });
    // Early on Nov 2 for a committer in UTC+10 (still Nov 1, 14:30 in UTC): a Nov 2 commit.
    repo.edit('src/a.ts', '// TODO: first\n', '\n\n// TODO: first\n');
    oids.nov2 = repo.commit('move the todo', { date: '2026-11-02T00:30:00+10:00', author: 'Carol' });
    repo.edit('src/a.ts', '// TODO: first\n', '');
    oids.nov4 = repo.commit('pay the todo', { date: '2026-11-04T09:00:00+01:00', author: 'Dave' });
    git = await open(repo.dir);
  });
  after(() => repo.dispose());

  it('finds the last commit before a day by the committer\'s own calendar day', async () => {
    const before = await lastCommitBefore(git, '2026-11-02');
    assert.ok(before.ok);
    assert.equal(before.commit?.oid, oids.nov1);
    assert.equal(before.commit?.day, '2026-11-01');
    assert.equal(before.commit?.authorName, 'Bob');
    const first = await lastCommitBefore(git, '2026-10-31');
    assert.ok(first.ok);
    assert.equal(first.commit?.oid, oids.oct30);
    const none = await lastCommitBefore(git, '2026-10-30');
    assert.deepEqual(none, { ok: true, commit: undefined });
  });

  it('lists first-parent commits of a range of days, newest first', async () => {
    const listed = await commitsInRange(git, { fromDay: '2026-11-01', toDay: '2026-11-03' });
    assert.ok(listed.ok);
    assert.deepEqual(listed.commits.map((c) => [c.day, c.subject]), [['2026-11-02', 'move the todo'], ['2026-11-01', 'late']]);
  });

  it('lists a commit\'s files with sizes and raw UTF-8 paths', async () => {
    const listed = await lsTree(git, oids.nov1);
    assert.ok(listed.ok);
    assert.deepEqual(listed.entries.map((e) => [e.path, e.type, e.size]), [
      ['src/a.ts', 'blob', 35],
      ['src/naïve file.ts', 'blob', 20],
    ]);
    const under = await lsTree(git, oids.oct30, 'src');
    assert.ok(under.ok);
    assert.deepEqual(under.entries.map((e) => e.path), ['src/a.ts']);
  });

  it('reads many blobs through one cat-file process and skips missing ones', async () => {
    const listed = await lsTree(git, oids.nov2);
    assert.ok(listed.ok);
    const missing = '0123456789012345678901234567890123456789';
    const read = await readBlobs(git, [...listed.entries.map((e) => e.oid), missing]);
    assert.ok(read.ok);
    assert.equal(read.blobs.size, 2);
    assert.equal(read.blobs.get(listed.entries[0].oid)?.toString('utf8'), '\n\n// TODO: first\nexport const a = 1;\n');
    assert.equal(read.blobs.has(missing), false);
  });

  it('finds who removed a line, and does not take a move for a removal', async () => {
    const removed = await findRemovals(git, [{ needle: '// TODO: first', file: 'src/a.ts' }, { needle: 'never written', file: 'src/a.ts' }], { from: oids.oct30 });
    assert.ok(removed.ok);
    assert.deepEqual(removed.commits.map((c) => c && [c.authorName, c.oid]), [['Dave', oids.nov4], undefined]);
    const beforePaying = await findRemovals(git, [{ needle: '// TODO: first', file: 'src/a.ts' }], { from: oids.oct30, to: oids.nov2 });
    assert.deepEqual(beforePaying, { ok: true, commits: [undefined] });
  });

  it('serves a commit as a file system, directories derived, node_modules from the fallback', async () => {
    const listed = await lsTree(git, oids.nov1);
    assert.ok(listed.ok);
    const store = new BlobStore(git);
    await store.prefetch(listed.entries.map((e) => e.oid));
    fs.mkdirSync(path.join(repo.dir, 'node_modules', 'pkg'), { recursive: true });
    fs.writeFileSync(path.join(repo.dir, 'node_modules', 'pkg', 'package.json'), '{"name":"pkg"}');
    const tree = new GitTreeFileSystem(repo.dir, listed.entries, store, { fallback: new NodeFileSystem() });
    const src = path.join(repo.dir, 'src');
    assert.deepEqual(tree.readDirectory(repo.dir).map((e) => [e.name, e.kind]), [['src', 'directory']]);
    assert.deepEqual(tree.readDirectory(src).map((e) => [e.name, e.kind]).sort(), [['a.ts', 'file'], ['naïve file.ts', 'file']]);
    assert.equal(tree.readFile(path.join(src, 'a.ts')), '// TODO: first\nexport const a = 1;\n');
    assert.equal(tree.fileExists(path.join(src, 'naïve file.ts')), true);
    assert.equal(tree.directoryExists(src), true);
    assert.equal(tree.fileExists(src), false);
    assert.deepEqual(tree.stat(path.join(src, 'a.ts')), { size: 35, isFile: true, isDirectory: false });
    assert.equal(tree.readFile(path.join(src, 'missing.ts')), undefined);
    assert.equal(tree.readFile(path.join(repo.dir, 'node_modules', 'pkg', 'package.json')), '{"name":"pkg"}');
    assert.equal(store.syncReads, 0);
  });
});

describe('git: cat-file --batch output parsing', () => {
  it('reads objects split at any byte, including a missing one and a non-blob', () => {
    const output = Buffer.from('aaa blob 5\nhello\nbbb missing\nccc tree 3\nxyz\nddd blob 0\n\n');
    const parser = new BatchParser();
    for (const byte of output) parser.push(Buffer.from([byte]));
    assert.equal(parser.done, 4);
    assert.deepEqual([...parser.blobs].map(([oid, data]) => [oid, data.toString()]), [['aaa', 'hello'], ['ddd', '']]);
  });
});

describe('git: a commit\'s tree stepped to another by their difference', function () {
  this.timeout(30_000);
  let repo: TestRepo;
  const commits: string[] = [];
  before(() => {
    repo = TestRepo.create('guardrails-tree-diff-');
    const when = (day: number) => ({ date: `2026-11-${String(day).padStart(2, '0')}T12:00:00+00:00`, author: 'Alice' });
    repo.write('src/a.ts', 'a\n').write('src/db.ts', 'db\n').write('src/lib', 'lib\n').write('src/util/pad.ts', 'pad\n').write('docs/x.md', 'x\n').write('run.sh', 'echo\n');
    commits.push(repo.commit('Start', when(1)));
    // Files become folders (one of the same name), a nested folder comes, a folder goes, a script
    // becomes executable, a file a link.
    repo.remove('src/lib').write('src/lib/index.ts', 'lib\n');
    repo.remove('src/db.ts').write('src/db/index.ts', 'db\n').write('src/deep/er/x.ts', 'x\n').remove('src/util/pad.ts');
    fs.chmodSync(path.join(repo.dir, 'run.sh'), 0o755);
    repo.remove('docs/x.md');
    fs.mkdirSync(path.join(repo.dir, 'docs'), { recursive: true });
    fs.symlinkSync('../src/a.ts', path.join(repo.dir, 'docs/x.md'));
    commits.push(repo.commit('Reshape', when(2)));
    // The folders become files again; a file changes; the nested folder goes.
    fs.rmSync(path.join(repo.dir, 'src/db'), { recursive: true });
    fs.rmSync(path.join(repo.dir, 'src/lib'), { recursive: true });
    repo.write('src/lib', 'lib again\n');
    repo.write('src/db.ts', 'db again\n').write('src/a.ts', 'a2\n');
    fs.rmSync(path.join(repo.dir, 'src/deep'), { recursive: true });
    commits.push(repo.commit('Back', when(3)));
  });
  after(() => repo.dispose());

  /** Every path the tree shows under its top, with what it is. */
  function shape(tree: GitTreeFileSystem, dir = repo.dir): string[] {
    return tree.readDirectory(dir).filter((e) => e.name !== '.git').flatMap((e) => {
      const child = path.join(dir, e.name);
      const rel = path.relative(repo.dir, child);
      return e.kind === 'directory' ? [`${rel}/`, ...shape(tree, child)] : [`${rel} ${e.kind} ${tree.readFile(child) ?? ''}`.trim()];
    }).sort();
  }

  it('ends as the tree of the commit stepped to, and names the folders that came or went', async () => {
    const git = await open(repo.dir);
    const store = new BlobStore(git);
    const fresh = async (commit: string): Promise<GitTreeFileSystem> => {
      const listed = await lsTree(git, commit);
      assert.ok(listed.ok);
      await store.prefetch(listed.entries.map((e) => e.oid));
      return new GitTreeFileSystem(repo.dir, listed.entries, store);
    };
    const session = new CatFileSession(git);
    try {
      const reader = new TreeReader(session);
      for (const [from, to] of [[0, 1], [1, 2], [2, 0], [0, 2], [1, 1]]) {
        const tree = await fresh(commits[from]);
        const folders = (t: GitTreeFileSystem) => shape(t).filter((p) => p.endsWith('/'));
        const before = folders(tree);
        const diff = await reader.diff(commits[from], commits[to]);
        assert.ok(diff.ok);
        await store.prefetch(diff.changes.flatMap((c) => (c.after ? [c.after.oid] : [])));
        const changed = tree.apply(diff.changes).map((dir) => `${path.relative(repo.dir, dir)}/`).sort();
        const target = await fresh(commits[to]);
        assert.deepEqual(shape(tree), shape(target), `${from} → ${to}`);
        const after = folders(target);
        assert.deepEqual(changed, [...before.filter((d) => !after.includes(d)), ...after.filter((d) => !before.includes(d))].sort(), `${from} → ${to}`);
      }
      const [start, reshaped] = [await reader.diff(commits[0], commits[1]), await reader.diff(commits[1], commits[1])];
      assert.ok(start.ok && reshaped.ok);
      assert.deepEqual(start.changes.map((c) => `${c.before ? c.before.mode : '-'} ${c.after ? c.after.mode : '-'} ${c.path}`).sort(), [
        '-      100644 src/db/index.ts', '-      100644 src/deep/er/x.ts', '-      100644 src/lib/index.ts', '100644 -      src/lib', '100644 -      src/db.ts', '100644 -      src/util/pad.ts',
        '100644 100755 run.sh', '100644 120000 docs/x.md',
      ].map((line) => line.replace(/ +/g, ' ')).sort());
      assert.deepEqual(reshaped.changes, []);
    } finally {
      session.close();
    }
  });
});
