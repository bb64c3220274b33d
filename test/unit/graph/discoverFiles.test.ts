import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { minimatch } from 'minimatch';
import { NodeFileSystem } from '../../../src/core/fs/nodeFileSystem';
import { discoverFiles, formatSize, type DiscoverOptions } from '../../../src/core/graph/discoverFiles';
import { toRelative } from '../../../src/core/util/paths';
import { cleanup, tempDir } from './graphTestKit';

function write(root: string, rel: string, text: string | Buffer): void {
  const file = path.join(root, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

const MB = 1024 * 1024;

describe('discoverFiles', () => {
  let root: string;
  let outside: string;
  let excludeCalls: string[];
  let options: DiscoverOptions;

  before(() => {
    root = tempDir('discover');
    outside = tempDir('discover-outside');
    for (const rel of ['src/a.ts', 'src/b.tsx', 'src/c.mts', 'src/d.cts', 'src/e.js', 'src/f.jsx', 'src/g.mjs', 'src/h.cjs',
      'src/types.d.ts', 'src/spec.test.ts', 'src/generated/gen.ts', 'src/sub/deep.ts', 'lib/l.ts', 'nested/n.ts',
      'node_modules/pkg/index.js', '.git/hooks/x.js']) {
      write(root, rel, 'export const x = 1;\n');
    }
    write(root, 'src/readme.md', '# not source\n');
    write(root, 'src/big.ts', Buffer.alloc(Math.round(5.2 * MB), 'a'));
    write(root, 'src/bin.js', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(16, 0), Buffer.from('rest')]));
    write(outside, 'vendor/v.ts', 'export const v = 1;\n');
    fs.symlinkSync('..', path.join(root, 'src/sub/loop'), 'dir'); // src/sub/loop → src: a loop
    fs.symlinkSync('../lib', path.join(root, 'src/alias'), 'dir'); // inside the root: walked as lib/
    fs.symlinkSync(path.join(outside, 'vendor'), path.join(root, 'src/vendor'), 'dir'); // outside: followed
    fs.symlinkSync('missing-target', path.join(root, 'src/dangling.ts'));
  });

  after(() => {
    cleanup(root);
    cleanup(outside);
  });

  beforeEach(() => {
    excludeCalls = [];
    options = {
      include: () => true,
      exclude: (rel) => {
        excludeCalls.push(rel);
        return ['**/generated/**', '**/*.test.ts'].some((glob) => minimatch(rel, glob));
      },
      excludeDirs: [path.join(root, 'nested')],
      maxFileBytes: 1 * MB,
    };
  });

  it('lists source files sorted, absolute, declarations included, skipping excluded files, node_modules, .git and nested roots', () => {
    const result = discoverFiles(root, new NodeFileSystem(), options);
    assert.deepEqual(result.files.map((f) => toRelative(root, f)), [
      'lib/l.ts',
      'src/a.ts', 'src/b.tsx', 'src/c.mts', 'src/d.cts', 'src/e.js', 'src/f.jsx', 'src/g.mjs', 'src/h.cjs',
      'src/sub/deep.ts',
      'src/types.d.ts',
      'src/vendor/v.ts',
    ]);
    assert.ok(result.files.every((f) => path.isAbsolute(f)));
  });

  it('explains each skipped file and the symlink loop, once', () => {
    const result = discoverFiles(root, new NodeFileSystem(), options);
    assert.deepEqual(result.notices, [
      {
        level: 'warning',
        file: path.join(root, 'src/big.ts'),
        message: 'skipped src/big.ts (5.2 MB > 1 MB limit; raise maxFileSizeKb in guardrails.json to analyse it)',
      },
      {
        level: 'info',
        file: path.join(root, 'src/bin.js'),
        message: 'skipped src/bin.js: binary content (a NUL byte in its first 8 KB)',
      },
      {
        level: 'warning',
        file: path.join(root, 'src/sub/loop'),
        message: 'skipped symlink src/sub/loop: it points to src, which contains it (a symlink loop)',
      },
    ]);
  });

  it('prunes an excluded directory without looking at its files', () => {
    discoverFiles(root, new NodeFileSystem(), options);
    assert.ok(excludeCalls.some((rel) => rel.startsWith('src/generated/')), 'the directory was probed');
    assert.ok(!excludeCalls.includes('src/generated/gen.ts'), 'its files were not');
  });

  it('takes other extensions when asked', () => {
    const result = discoverFiles(root, new NodeFileSystem(), { ...options, extensions: ['.d.ts', '.md'] });
    assert.deepEqual(result.files.map((f) => toRelative(root, f)), ['src/readme.md', 'src/types.d.ts']);
  });

  it('applies include to root-relative paths', () => {
    const result = discoverFiles(root, new NodeFileSystem(), { ...options, include: (rel) => minimatch(rel, 'lib/**') });
    assert.deepEqual(result.files.map((f) => toRelative(root, f)), ['lib/l.ts']);
  });

  it('warns about a missing root instead of throwing', () => {
    const missing = path.join(root, 'no-such-dir');
    assert.deepEqual(discoverFiles(missing, new NodeFileSystem(), options), {
      files: [],
      notices: [{ level: 'warning', file: missing, message: `root ${missing} does not exist or is not a directory` }],
    });
  });

  it('stops at maxFiles: the first files in walk order, no file past the first one over the cap read', () => {
    const reads: string[] = [];
    const disk = new NodeFileSystem();
    const counting = Object.assign(Object.create(disk) as NodeFileSystem, {
      readText: (file: string, maxBytes: number) => {
        reads.push(toRelative(root, file));
        return disk.readText(file, maxBytes);
      },
    });
    const result = discoverFiles(root, counting, { ...options, maxFiles: 3 });
    assert.deepEqual(result.files.map((f) => toRelative(root, f)), ['lib/l.ts', 'src/a.ts', 'src/b.tsx']);
    assert.equal(result.capped, true);
    assert.equal(reads.length, 3, `read: ${reads.join(', ')}`);
    const all = discoverFiles(root, disk, options);
    assert.equal(all.capped, undefined, 'no cap: nothing said');
    assert.equal(discoverFiles(root, disk, { ...options, maxFiles: all.files.length }).capped, undefined, 'exactly the cap: nothing left out');
  });

  it('formats sizes as people read them', () => {
    assert.deepEqual([12, 1536, MB, 5.25 * MB].map(formatSize), ['12 bytes', '1.5 KB', '1 MB', '5.3 MB']);
  });
});
