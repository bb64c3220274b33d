import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { NodeFileSystem } from '../../../src/core/fs/nodeFileSystem';
import { OverlayFileSystem } from '../../../src/core/fs/overlayFileSystem';
import { analyzeFile, buildGraph } from '../../../src/core/graph/buildGraph';
import { loadCompilerOptions } from '../../../src/core/graph/compilerOptions';
import { ImportResolver } from '../../../src/core/graph/resolveImport';
import { edgeRow, edgeRows, fixture, runGraph } from './graphTestKit';

describe('buildGraph', () => {
  it('reports a file that cannot be parsed and still analyses it and every other file', () => {
    const run = runGraph(fixture('parse-error'));
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

  it('hands each parsed file to onFile once, with its text', () => {
    const root = fixture('parse-error');
    const fs = new NodeFileSystem();
    const resolver = new ImportResolver(root, loadCompilerOptions(root, fs).options, fs);
    const files = ['src/broken.ts', 'src/good.ts', 'src/types.ts', 'src/user.ts'].map((f) => path.join(root, f));
    const seen: string[] = [];
    buildGraph(files, fs, resolver, (file, sourceFile, text) => {
      assert.equal(sourceFile.fileName, file);
      assert.equal(sourceFile.text, text);
      seen.push(path.basename(file));
    });
    assert.deepEqual(seen, ['broken.ts', 'good.ts', 'types.ts', 'user.ts']);
  });

  it('leaves out a file deleted between discovery and reading', () => {
    const root = fixture('parse-error');
    const fs = new NodeFileSystem();
    const resolver = new ImportResolver(root, loadCompilerOptions(root, fs).options, fs);
    const { graph } = buildGraph([path.join(root, 'src/gone.ts'), path.join(root, 'src/types.ts')], fs, resolver);
    assert.deepEqual([...graph.files()], [path.join(root, 'src/types.ts')]);
  });

  it('updates one edited file in place (analyzeFile + setEdges), keeping the reverse index right', () => {
    const run = runGraph(fixture('parse-error'));
    const root = run.root;
    const fs = new OverlayFileSystem(new NodeFileSystem());
    const resolver = new ImportResolver(root, loadCompilerOptions(root, fs).options, fs);
    const { graph } = buildGraph(run.files, fs, resolver);
    const user = path.join(root, 'src/user.ts');
    const good = path.join(root, 'src/good.ts');
    const broken = path.join(root, 'src/broken.ts');
    assert.deepEqual([...graph.importersOf(broken)], [user]);

    const edited = analyzeFile(user, "import { good } from './good';\nexport const user = good;\n", resolver);
    assert.equal(edited.parseError, undefined);
    graph.setEdges(user, edited.edges);
    assert.deepEqual(graph.edgesFrom(user).map((e) => edgeRow(root, e)), ['src/user.ts:1:22 static → src/good.ts']);
    assert.deepEqual([...graph.importersOf(broken)], []);
    assert.deepEqual([...graph.importersOf(good)].sort(), [broken, user]);
  });
});
