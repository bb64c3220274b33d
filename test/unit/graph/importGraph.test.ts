import * as assert from 'node:assert/strict';
import { ImportGraph } from '../../../src/core/graph/importGraph';
import type { DependencyKind, Edge } from '../../../src/core/model/types';

function edge(from: string, to: string, line = 1, kind: DependencyKind = 'static'): Edge {
  const range = { start: { line, column: 1 }, end: { line, column: 4 } };
  return { from, to, kind, typeOnly: false, specifier: to, range };
}

describe('ImportGraph', () => {
  it('indexes importers and keeps the index right when a file changes or goes', () => {
    const graph = new ImportGraph();
    graph.setEdges('/w/b.ts', [edge('/w/b.ts', '/w/c.ts'), edge('/w/b.ts', 'pkg:react', 2)]);
    graph.setEdges('/w/a.ts', [edge('/w/a.ts', '/w/c.ts'), edge('/w/a.ts', '/w/c.ts', 2, 'dynamic')]);
    assert.deepEqual([...graph.importersOf('/w/c.ts')], ['/w/b.ts', '/w/a.ts']);
    assert.deepEqual([...graph.importersOf('pkg:react')], ['/w/b.ts']);

    graph.setEdges('/w/b.ts', [edge('/w/b.ts', 'node:fs')]);
    assert.deepEqual([...graph.importersOf('/w/c.ts')], ['/w/a.ts']);
    assert.deepEqual([...graph.importersOf('pkg:react')], []);
    assert.deepEqual([...graph.importersOf('node:fs')], ['/w/b.ts']);

    graph.removeFile('/w/a.ts');
    assert.deepEqual([...graph.importersOf('/w/c.ts')], []);
    assert.deepEqual([...graph.files()], ['/w/b.ts']);
    assert.deepEqual(graph.edgesFrom('/w/a.ts'), []);
    assert.equal(graph.has('/w/a.ts'), false);
  });

  it('keeps files without edges and lists all edges by file, then position', () => {
    const graph = new ImportGraph();
    graph.setEdges('/w/z.ts', [edge('/w/z.ts', '/w/a.ts', 1), edge('/w/z.ts', '/w/b.ts', 2)]);
    graph.setEdges('/w/a.ts', []);
    graph.setEdges('/w/m.ts', [edge('/w/m.ts', '/w/a.ts')]);
    assert.equal(graph.size, 3);
    assert.equal(graph.has('/w/a.ts'), true);
    assert.deepEqual(graph.allEdges().map((e) => `${e.from}:${e.range.start.line}→${e.to}`), [
      '/w/m.ts:1→/w/a.ts', '/w/z.ts:1→/w/a.ts', '/w/z.ts:2→/w/b.ts',
    ]);
  });

  it('does not let a caller change stored edges through the array it passed', () => {
    const graph = new ImportGraph();
    const edges = [edge('/w/a.ts', '/w/b.ts')];
    graph.setEdges('/w/a.ts', edges);
    edges.push(edge('/w/a.ts', '/w/c.ts'));
    assert.equal(graph.edgesFrom('/w/a.ts').length, 1);
    assert.deepEqual([...graph.importersOf('/w/c.ts')], []);
  });
});
