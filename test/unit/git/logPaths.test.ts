import * as assert from 'node:assert/strict';
import { logPaths } from '../../../src/core/git/logPaths';

// A path left out here is a commit lost from the outcomes, so every glob must stay inside what is asked.
describe('logPaths: the folders git is asked about for a rules file\'s globs', () => {
  it('asks for each glob\'s folder up to its first glob character, once, without one inside another', () => {
    assert.deepEqual(logPaths('', ['server/**', 'app/**/*.tsx', 'app/components/**', 'shared/{feature}/**', 'server/**']), ['app', 'server', 'shared']);
  });

  it('places them under the rules file\'s folder in the repository', () => {
    assert.deepEqual(logPaths('packages/web/', ['src/**', 'test/**']), ['packages/web/src', 'packages/web/test']);
  });

  it('falls back to the whole folder when a glob can match anywhere in it', () => {
    for (const glob of ['**/*.ts', '*.ts', '{src,lib}/**', '@(src|lib)/**', '[sl]*/**', './**', 'src/{..,x}/y.ts', 'src/@(..|x)/y.ts', 'a/b/{../../c,x}/**']) {
      assert.deepEqual(logPaths('', ['src/**', glob]), [], glob);
      assert.deepEqual(logPaths('packages/web/', ['src/**', glob]), ['packages/web'], glob);
    }
  });

  it('asks for the folder itself without globs, and for the whole repository at its top', () => {
    assert.deepEqual(logPaths('packages/web/'), ['packages/web']);
    assert.deepEqual(logPaths(''), []);
  });

  it('keeps a plain path as it is written, a folder or a file', () => {
    assert.deepEqual(logPaths('', ['./src/index.ts', 'docs']), ['docs', 'src/index.ts']);
  });
});
