import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { NodeFileSystem } from '../../../src/core/fs/nodeFileSystem';
import { findRulesFile, findRulesFilesBelow } from '../../../src/core/rules/findRulesFile';
import { rulesFixture } from './rulesTestKit';

const disk = new NodeFileSystem();

describe('findRulesFile', () => {
  it('finds the nearest guardrails.json above a file: a package file wins over the repository one', () => {
    assert.equal(findRulesFile(rulesFixture('monorepo', 'packages', 'web', 'src', 'ui', 'button.ts'), disk), rulesFixture('monorepo', 'packages', 'web', 'guardrails.json'));
    assert.equal(findRulesFile(rulesFixture('monorepo', 'packages', 'api', 'src', 'index.ts'), disk), rulesFixture('monorepo', 'guardrails.json'));
  });

  it('starts in the directory itself when given a directory', () => {
    assert.equal(findRulesFile(rulesFixture('monorepo', 'packages', 'web'), disk), rulesFixture('monorepo', 'packages', 'web', 'guardrails.json'));
    assert.equal(findRulesFile(rulesFixture('monorepo', 'packages'), disk), rulesFixture('monorepo', 'guardrails.json'));
  });

  it('returns undefined when no directory up to the file-system root has one', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guardrails-find-'));
    try {
      // Skip when some ancestor of the temp directory happens to hold a rules file.
      const above = findRulesFile(path.dirname(dir), disk);
      assert.equal(findRulesFile(path.join(dir, 'a.ts'), disk), above);
      if (above === undefined) assert.equal(findRulesFile(dir, disk), undefined);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('findRulesFilesBelow', () => {
  it('lists every rules file of a tree, skipping node_modules', () => {
    assert.deepEqual(findRulesFilesBelow(rulesFixture('monorepo'), disk), [
      rulesFixture('monorepo', 'guardrails.json'),
      rulesFixture('monorepo', 'packages', 'web', 'guardrails.json'),
    ]);
  });

  it('follows symlinks once and does not loop on a link back up the tree', () => {
    const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'guardrails-links-')));
    try {
      fs.mkdirSync(path.join(dir, 'a', 'b'), { recursive: true });
      fs.mkdirSync(path.join(dir, 'elsewhere'));
      fs.writeFileSync(path.join(dir, 'a', 'b', 'guardrails.json'), '{}');
      fs.writeFileSync(path.join(dir, 'elsewhere', 'guardrails.json'), '{}');
      fs.symlinkSync(dir, path.join(dir, 'a', 'b', 'loop'), 'dir');
      fs.symlinkSync(path.join(dir, 'elsewhere'), path.join(dir, 'linked'), 'dir');
      assert.deepEqual(findRulesFilesBelow(dir, disk), [path.join(dir, 'a', 'b', 'guardrails.json'), path.join(dir, 'elsewhere', 'guardrails.json')]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
