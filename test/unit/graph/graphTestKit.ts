// Shared set-up for the graph tests: run the pipeline on a fixture and print edges compactly.
import * as assert from 'node:assert/strict';
import * as nodeFs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { AnalysisSession } from '../../../src/core/analysis/session';
import type { GuardrailsProject } from '../../../src/core/analysis/project';
import { NodeFileSystem } from '../../../src/core/fs/nodeFileSystem';
import type { FileSystem } from '../../../src/core/fs/fileSystem';
import { OverlayFileSystem } from '../../../src/core/fs/overlayFileSystem';
import { loadRules } from '../../../src/core/rules/loadRules';
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
  project: GuardrailsProject;
  /** The file system the run reads through: buffers set on it are what an editor has unsaved. */
  fs: OverlayFileSystem;
}

/**
 * The real pipeline (an analysis session) over a fixture with a rules file that governs every
 * source file and checks nothing: what is left to see is discovery, parsing and resolution.
 */
export async function runGraph(root: string, base: FileSystem = new NodeFileSystem()): Promise<GraphRun> {
  const fs = new OverlayFileSystem(base);
  const rulesFile = path.join(root, 'guardrails.json');
  fs.setOverlay(rulesFile, '{ "include": ["**/*"] }');
  const loaded = loadRules(rulesFile, fs);
  assert.ok(loaded.ok, 'the test rules file loads');
  const session = AnalysisSession.forConfigs([loaded.config], root, { fs, today: '2026-11-27' });
  assert.ok(await session.load());
  const [{ project, result }] = session.results();
  return {
    root,
    files: project.knownFiles().sort(),
    edges: project.allEdges(),
    notices: result.notices,
    parseErrors: result.violations.filter((violation) => violation.ruleId === 'parse-error'),
    project,
    fs,
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
