import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CachedDirectoriesFileSystem } from '../../../src/core/fs/cachedDirectoriesFileSystem';
import { NodeFileSystem } from '../../../src/core/fs/nodeFileSystem';

describe('CachedDirectoriesFileSystem (one command run)', () => {
  it('lists a directory once and hands out copies, while files are read afresh', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guardrails-listing-'));
    fs.writeFileSync(path.join(dir, 'a.ts'), 'one');
    const disk = new CachedDirectoriesFileSystem(new NodeFileSystem());
    const first = disk.readDirectory(dir);
    first.push({ name: 'made-up.ts', kind: 'file' });
    fs.writeFileSync(path.join(dir, 'b.ts'), 'two');
    fs.writeFileSync(path.join(dir, 'a.ts'), 'changed');
    // The listing is the one taken at the first look, untouched by what a caller did with its copy.
    assert.deepEqual(disk.readDirectory(dir).map((entry) => entry.name), ['a.ts']);
    assert.equal(disk.readFile(path.join(dir, 'a.ts')), 'changed');
    assert.equal(disk.fileExists(path.join(dir, 'b.ts')), true);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('CachedDirectoriesFileSystem.realpath', () => {
  it('answers from listings what the system call answers, through linked folders and files too', () => {
    const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'guardrails-realpath-')));
    fs.mkdirSync(path.join(dir, 'real', 'sub'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'real', 'sub', 'a.ts'), '');
    fs.symlinkSync(path.join(dir, 'real'), path.join(dir, 'linked'));
    fs.symlinkSync(path.join(dir, 'real', 'sub', 'a.ts'), path.join(dir, 'real', 'sub', 'b.ts'));
    const disk = new CachedDirectoriesFileSystem(new NodeFileSystem());
    for (const folder of [dir, path.join(dir, 'real'), path.join(dir, 'real', 'sub'), path.join(dir, 'linked'), path.join(dir, 'linked', 'sub')]) disk.readDirectory(folder);
    const paths = ['real/sub/a.ts', 'real/sub/b.ts', 'linked/sub/a.ts', 'linked/sub/b.ts', 'linked/sub', 'real/sub/missing.ts', 'real/sub/A.ts'].map((rel) => path.join(dir, rel));
    for (const file of paths) assert.equal(disk.realpath(file), new NodeFileSystem().realpath(file), file);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
