import type { Edge, Target } from '../model/types';

const NO_EDGES: readonly Edge[] = Object.freeze([]);
const NO_IMPORTERS: ReadonlySet<string> = new Set<string>();

/**
 * Files and their outgoing edges, with a reverse index (target → importing files) kept in step,
 * so that one changed file is updated without rebuilding the graph.
 */
export class ImportGraph {
  private readonly outgoing = new Map<string, readonly Edge[]>();
  private readonly importers = new Map<Target, Set<string>>();

  /** Replaces everything `file` imports. A file with no edges is still a file of the graph. */
  setEdges(file: string, edges: Edge[]): void {
    this.unindex(file);
    const stored = Object.freeze([...edges]);
    this.outgoing.set(file, stored);
    for (const edge of stored) {
      let set = this.importers.get(edge.to);
      if (!set) this.importers.set(edge.to, (set = new Set()));
      set.add(file);
    }
  }

  /**
   * Forgets the file and its edges. Edges of other files that pointed at it stay as they were:
   * re-resolve `importersOf(file)` to learn what they point at now.
   */
  removeFile(file: string): void {
    this.unindex(file);
    this.outgoing.delete(file);
  }

  has(file: string): boolean {
    return this.outgoing.has(file);
  }

  edgesFrom(file: string): readonly Edge[] {
    return this.outgoing.get(file) ?? NO_EDGES;
  }

  /** Files with at least one edge to `target` (a file path or a `pkg:`/`node:`/`unresolved:` target). */
  importersOf(target: Target): ReadonlySet<string> {
    return this.importers.get(target) ?? NO_IMPORTERS;
  }

  files(): Iterable<string> {
    return this.outgoing.keys();
  }

  get size(): number {
    return this.outgoing.size;
  }

  /** Every edge, ordered by importing file, then by position in it. */
  allEdges(): Edge[] {
    const result: Edge[] = [];
    for (const file of [...this.outgoing.keys()].sort()) result.push(...(this.outgoing.get(file) ?? NO_EDGES));
    return result;
  }

  private unindex(file: string): void {
    for (const edge of this.outgoing.get(file) ?? NO_EDGES) {
      const set = this.importers.get(edge.to);
      if (!set) continue;
      set.delete(file);
      if (set.size === 0) this.importers.delete(edge.to);
    }
  }
}
