import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { FileSystem } from '../../../src/core/fs/fileSystem';
import { NodeFileSystem } from '../../../src/core/fs/nodeFileSystem';
import { edgeRow, edgeRows, fixture, runGraph } from './graphTestKit';

describe('the import graph of a workspace', () => {
  it('reports a file that cannot be parsed and still analyses it and every other file', async () => {
    const run = await runGraph(fixture('parse-error'));
    const broken = path.join(run.root, 'src/broken.ts');
    assert.deepEqual(run.parseErrors, [{
      ruleId: 'parse-error',
      severity: 'error',
      message: 'cannot parse: Expression expected — the rest of the workspace is still analysed',
      location: { file: broken, range: { start: { line: 3, column: 29 }, end: { line: 3, column: 30 } } },
      from: broken,
      to: '',
    }]);
    assert.deepEqual(edgeRows(run), [
      'src/broken.ts:1:22 static → src/good.ts',
      'src/good.ts:1:29 type-only (type) → src/types.ts',
      'src/user.ts:1:24 static → src/broken.ts',
    ]);
  });

  it('leaves out a file deleted between discovery and reading', async () => {
    const root = fixture('parse-error');
    const gone = path.join(root, 'src/good.ts');
    // Listed by the directory, unreadable by the time it is read.
    const disk = new NodeFileSystem();
    const racing: FileSystem = Object.assign(Object.create(disk) as FileSystem, {
      readFile: (file: string) => (file === gone ? undefined : disk.readFile(file)),
      readText: (file: string, maxBytes: number) => (file === gone ? { ok: false, reason: 'missing', detail: 'no such file' } : disk.readText(file, maxBytes)),
    });
    const run = await runGraph(root, racing);
    assert.deepEqual(run.files.map((file) => path.relative(root, file)), ['src/broken.ts', 'src/types.ts', 'src/user.ts'].map((f) => path.normalize(f)));
    // It still exists for resolution: only its own imports are missing.
    assert.deepEqual(edgeRows(run), [
      'src/broken.ts:1:22 static → src/good.ts',
      'src/user.ts:1:24 static → src/broken.ts',
    ]);
  });

  it('updates one edited file in place, from its unsaved text', async () => {
    const run = await runGraph(fixture('parse-error'));
    const { root, project, fs } = run;
    const user = path.join(root, 'src/user.ts');
    const text = "import { good } from './good';\nexport const user = good;\n";
    fs.setOverlay(user, text);
    assert.equal(project.applyChanges([{ file: user, text }]), true);
    assert.deepEqual(project.edgesFrom(user).map((e) => edgeRow(root, e)), ['src/user.ts:1:22 static → src/good.ts']);
    assert.deepEqual(project.check().violations.filter((v) => v.ruleId === 'parse-error').map((v) => path.basename(v.from)), ['broken.ts']);
  });
});
