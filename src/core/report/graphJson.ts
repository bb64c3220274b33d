// `graph --format json`: every dependency edge with root-relative paths, in a stable order.
import type { AnalysisResult, DependencyKind } from '../model/types';
import { compareBy, relativeFile, relativeTarget } from '../util/relativePaths';

export interface GraphJsonEdge {
  from: string;
  /** Relative workspace path, `pkg:NAME`, `node:NAME` or `unresolved:SPECIFIER`. */
  to: string;
  kind: DependencyKind;
  line: number;
  column: number;
  typeOnly: boolean;
  specifier: string;
}

export interface GraphJson {
  edges: GraphJsonEdge[];
}

export function toGraphJson(result: AnalysisResult): GraphJson {
  const edges = result.edges.map((e) => ({
    from: relativeFile(result.root, e.from),
    to: relativeTarget(result.root, e.to),
    kind: e.kind,
    line: e.range.start.line,
    column: e.range.start.column,
    typeOnly: e.typeOnly,
    specifier: e.specifier,
  }));
  edges.sort(compareBy<GraphJsonEdge>((e) => e.from, (e) => e.line, (e) => e.column, (e) => e.to, (e) => e.kind));
  return { edges };
}
