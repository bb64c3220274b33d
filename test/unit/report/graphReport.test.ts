import * as assert from 'node:assert/strict';
import { toDot } from '../../../src/core/report/dotReport';
import { toGraphJson } from '../../../src/core/report/graphJson';
import type { AnalysisResult } from '../../../src/core/model/types';
import { edge, ROOT, sampleResult } from './sampleResult';

describe('report/graphJson', () => {
  it('lists every edge with relative paths, sorted by importer and line', () => {
    const graph = toGraphJson(sampleResult());
    assert.deepEqual(graph.edges.map((e) => [e.from, e.line, e.to, e.kind]), [
      ['src/a.ts', 1, 'src/b.ts', 'static'],
      ['src/a.ts', 4, 'unresolved:./missing', 'dynamic'],
      ['src/b.ts', 2, 'src/c.ts', 'static'],
      ['src/c.ts', 3, 'src/a.ts', 'static'],
      ['src/domain/money.ts', 7, 'src/infra/db.ts', 'type-only'],
      ['src/domain/order.ts', 1, 'node:fs', 'static'],
      ['src/domain/order.ts', 3, 'src/infra/db.ts', 'static'],
      ['src/ui/view.ts', 2, 'src/domain/order.ts', 'static'],
      ['src/ui/view.ts', 3, 'src/domain/order.ts', 'type-only'],
      ['src/ui/view.ts', 5, 'pkg:pg', 'static'],
    ]);
    assert.deepEqual(graph.edges[0], { from: 'src/a.ts', to: 'src/b.ts', kind: 'static', line: 1, column: 20, typeOnly: false, specifier: './b' });
  });
});

describe('report/dotReport', () => {
  const dot = toDot(sampleResult());

  it('is a digraph with files clustered by folder and externals as boxes', () => {
    assert.ok(dot.startsWith('digraph guardrails {\n'));
    assert.ok(dot.endsWith('}\n'));
    assert.ok(dot.includes('  subgraph "cluster_src/domain" {\n    label="src/domain";\n    style=rounded;\n    "src/domain/money.ts" [label="money.ts"];\n    "src/domain/order.ts" [label="order.ts"];\n  }\n'));
    assert.ok(dot.includes('  "src/a.ts";\n'), 'files directly in the shared folder stay outside clusters');
    assert.ok(dot.includes('  "pkg:pg" [shape=box, label="pg"];\n'));
    assert.ok(dot.includes('  "node:fs" [shape=box, style=rounded, label="node:fs"];\n'));
    assert.ok(dot.includes('  "unresolved:./missing" [shape=octagon, color=red, label="./missing"];\n'));
  });

  it('draws one edge per pair, dashed only when every import is type-only, red when it breaks a rule', () => {
    const edges = dot.split('\n').filter((l) => l.includes(' -> '));
    assert.deepEqual(edges, [
      '  "src/a.ts" -> "src/b.ts" [color=red];',
      '  "src/a.ts" -> "unresolved:./missing";',
      '  "src/b.ts" -> "src/c.ts" [color=red];',
      '  "src/c.ts" -> "src/a.ts" [color=red];',
      '  "src/domain/money.ts" -> "src/infra/db.ts" [style=dashed, color=red];',
      '  "src/domain/order.ts" -> "node:fs" [color=red];',
      '  "src/domain/order.ts" -> "src/infra/db.ts" [color=red];',
      '  "src/ui/view.ts" -> "pkg:pg" [color=red];',
      '  "src/ui/view.ts" -> "src/domain/order.ts";',
    ]);
  });

  it('is deterministic whatever the order of the edges', () => {
    const shuffled = sampleResult();
    shuffled.edges.reverse();
    shuffled.violations.reverse();
    assert.equal(toDot(shuffled), dot);
  });

  it('escapes quotes in names', () => {
    const r: AnalysisResult = { root: ROOT, files: 1, durationMs: 0, violations: [], debt: [], notices: [], edges: [edge('a.ts', 'unresolved:./we"ird', 1)] };
    assert.ok(toDot(r).includes('"a.ts" -> "unresolved:./we\\"ird";'));
  });
});
