// Shared set-up for the graph tests: run the pipeline on a fixture and print edges compactly.
import * as nodeFs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { NodeFileSystem } from '../../../src/core/fs/nodeFileSystem';
import type { FileSystem } from '../../../src/core/fs/fileSystem';
import { buildGraph } from '../../../src/core/graph/buildGraph';
import { loadCompilerOptions } from '../../../src/core/graph/compilerOptions';
import { discoverFiles } from '../../../src/core/graph/discoverFiles';
import { ImportResolver } from '../../../src/core/graph/resolveImport';
import type { Edge, Notice, Violation } from '../../../src/core/model/types';
import { toRelative } from '../../../src/core/util/paths';

/** test/fixtures/graph, from out/test/unit/graph. */
export const FIXTURES = path.resolve(__dirname, '../../../../test/fixtures/graph');

export function fixture(name: string): string {
  return path.join(FIXTURES, name);
}

export interface GraphRun {
  root: string;
  files: string[];
  edges: Edge[];
  notices: Notice[];
  parseErrors: Violation[];
  resolver: ImportResolver;
}

export function runGraph(root: string, fs: FileSystem = new NodeFileSystem()): GraphRun {
  const compiler = loadCompilerOptions(root, fs);
  const discovered = discoverFiles(root, fs, { include: () => true, exclude: () => false, maxFileBytes: 1024 * 1024 });
  const resolver = new ImportResolver(root, compiler.options, fs);
  const { graph, parseErrors } = buildGraph(discovered.files, fs, resolver);
  return {
    root,
    files: discovered.files,
    edges: graph.allEdges(),
    notices: [...compiler.notices, ...discovered.notices],
    parseErrors,
    resolver,
  };
}

/** `from:line:column kind[ (type)] → to`, paths root-relative: one readable line per edge. */
export function edgeRow(root: string, edge: Edge): string {
  const to = path.isAbsolute(edge.to) ? toRelative(root, edge.to) : edge.to;
  const type = edge.typeOnly ? ' (type)' : '';
  return `${toRelative(root, edge.from)}:${edge.range.start.line}:${edge.range.start.column} ${edge.kind}${type} → ${to}`;
}

export function edgeRows(run: GraphRun, fromFile?: string): string[] {
  return run.edges
    .filter((edge) => fromFile === undefined || toRelative(run.root, edge.from) === fromFile)
    .map((edge) => edgeRow(run.root, edge));
}

/** A scratch directory (real path, so symlink checks compare like with like); removed by `cleanup`. */
export function tempDir(prefix: string): string {
  return nodeFs.realpathSync(nodeFs.mkdtempSync(path.join(os.tmpdir(), `guardrails-${prefix}-`)));
}

/** A copy of a fixture in a scratch directory, for tests that add symlinks or large files. */
export function copyFixture(name: string): string {
  const dir = tempDir(name);
  nodeFs.cpSync(fixture(name), dir, { recursive: true });
  return dir;
}

export function cleanup(dir: string): void {
  nodeFs.rmSync(dir, { recursive: true, force: true });
}
