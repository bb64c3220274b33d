import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { collectComments } from '../../../src/core/debt/collectComments';
import { canScanWithoutTree, scanComments } from '../../../src/core/debt/scanComments';
import { parseSource } from '../../../src/core/graph/parseSource';
import { REPO_ROOT } from '../helpers/analyzeFixture';

const positions = (comments: { pos: number; end: number }[]): string[] => comments.map((comment) => `${comment.pos}-${comment.end}`);

/** The scanner-only finder that `guardrails debt` uses must agree with the tree-based one exactly. */
describe('scanComments (comments without a syntax tree)', () => {
  it('finds exactly the comments the parsed tree holds, in every source file of the repository', () => {
    const files: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory() && entry.name !== 'node_modules') walk(full);
        else if (/\.[cm]?[jt]s$/.test(entry.name) && !entry.name.endsWith('.d.ts') && canScanWithoutTree(full)) files.push(full);
      }
    };
    for (const dir of ['src', 'test', 'examples', 'bench/src']) walk(path.join(REPO_ROOT, dir));
    assert.ok(files.length > 200, `${files.length} files`);
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      assert.deepEqual(positions(scanComments(text)), positions(collectComments(parseSource(file, text).sourceFile)), file);
    }
  });

  it('tells regular expressions from division and templates from blocks', () => {
    const text = [
      'const a = b / c; // one',
      'const r = /\\/\\/ not a comment/.test(x) ? 1 : 2; /* two */',
      'const t = `${ { k: `// inner ${`/* deep */`}` }.k } // not`; // three',
      'if (x) { y = z /2/ 1; } // four',
      'return /* five */ /a\\/b/g;',
      'if (!/^src\\//.test(s) || n! / 2 > 1) go(); // six',
    ].join('\n');
    assert.deepEqual(scanComments(text).map((comment) => comment.text), ['// one', '/* two */', '// three', '// four', '/* five */', '// six']);
    assert.deepEqual(positions(scanComments(text)), positions(collectComments(parseSource('x.ts', text).sourceFile)));
  });

  it('leaves files that may hold JSX to the parser', () => {
    assert.equal(canScanWithoutTree('a.tsx'), false);
    assert.equal(canScanWithoutTree('a.jsx'), false);
    assert.equal(canScanWithoutTree('a.mts'), true);
  });
});
