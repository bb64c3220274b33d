// Our program-free extraction + resolution must agree with TypeScript's own program on every
// import TypeScript resolves to a workspace file. (Tests may create a Program; the engine must not.)
import * as assert from 'node:assert/strict';
import * as nodeFs from 'node:fs';
import * as path from 'node:path';
import { ts } from 'ts-morph';
import { NodeFileSystem } from '../../../src/core/fs/nodeFileSystem';
import { loadCompilerOptions } from '../../../src/core/graph/compilerOptions';
import { isInside, toRelative } from '../../../src/core/util/paths';
import { cleanup, copyFixture, fixture, runGraph, type GraphRun } from './graphTestKit';

/** `Program.forEachResolvedModule` is internal; typed here for the test only. */
interface ProgramWithResolutions {
  forEachResolvedModule(
    callback: (resolution: ts.ResolvedModuleWithFailedLookupLocations, moduleName: string, mode: ts.ResolutionMode, filePath: string) => void,
    file?: ts.SourceFile,
  ): void;
}

/** `from specifier → to` for every import TypeScript resolves from one of our files into the workspace. */
function programEdges(run: GraphRun): string[] {
  const { options } = loadCompilerOptions(run.root, new NodeFileSystem());
  const program = ts.createProgram({ rootNames: run.files, options: { ...options, noEmit: true } });
  const rows = new Set<string>();
  for (const file of run.files) {
    const sourceFile = program.getSourceFile(file);
    assert.ok(sourceFile, `the program holds ${file}`);
    (program as unknown as ProgramWithResolutions).forEachResolvedModule((resolution, moduleName) => {
      const resolved = resolution.resolvedModule?.resolvedFileName;
      if (!resolved) return;
      const target = nodeFs.realpathSync(resolved);
      if (!isInside(run.root, target) || toRelative(run.root, target).split('/').includes('node_modules')) return;
      rows.add(`${toRelative(run.root, file)} ${moduleName} → ${toRelative(run.root, target)}`);
    }, sourceFile);
  }
  return [...rows].sort();
}

function ourEdges(run: GraphRun): Set<string> {
  return new Set(run.edges
    .filter((e) => path.isAbsolute(e.to))
    .map((e) => `${toRelative(run.root, e.from)} ${e.specifier} → ${toRelative(run.root, e.to)}`));
}

function crossCheck(run: GraphRun, atLeast: number): void {
  const expected = programEdges(run);
  const ours = ourEdges(run);
  assert.ok(expected.length >= atLeast, `TypeScript resolved ${expected.length} workspace imports`);
  assert.deepEqual(expected.filter((row) => !ours.has(row)), [], 'imports TypeScript resolves that we miss or resolve elsewhere');
}

describe('cross-check against a TypeScript program', () => {
  for (const [name, atLeast] of [['resolution', 17], ['forms', 19], ['paths-node', 3], ['exports-node16', 5], ['direct-relative', 10]] as const) {
    it(`agrees with TypeScript on ${name}`, async () => crossCheck(await runGraph(fixture(name)), atLeast));
  }

  it('agrees with TypeScript on a workspace with linked packages', async () => {
    const root = copyFixture('workspace');
    try {
      nodeFs.mkdirSync(path.join(root, 'node_modules/@acme'), { recursive: true });
      nodeFs.symlinkSync('../../packages/ui', path.join(root, 'node_modules/@acme/ui'), 'dir');
      nodeFs.symlinkSync('../packages/legacy', path.join(root, 'node_modules/legacy-lib'), 'dir');
      crossCheck(await runGraph(root), 5);
    } finally {
      cleanup(root);
    }
  });
});
