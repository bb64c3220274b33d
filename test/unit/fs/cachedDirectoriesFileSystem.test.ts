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
