import * as assert from 'node:assert/strict';
import * as nodeFs from 'node:fs';
import * as path from 'node:path';
import { AnalysisSession } from '../../../src/core/analysis/session';
import { loadCompilerOptions } from '../../../src/core/graph/compilerOptions';
import { ImportResolver } from '../../../src/core/graph/resolveImport';
import { pnpmPackages, workspaceGlobs } from '../../../src/core/graph/workspaceManifest';
import { NodeFileSystem } from '../../../src/core/fs/nodeFileSystem';
import { toRelative } from '../../../src/core/util/paths';
import { cleanup, tempDir } from './graphTestKit';

// A monorepo (test/fixtures/monorepo): npm/yarn `workspaces` and pnpm-workspace.yaml, packages
// with `exports` (@acme/core's name its build output in dist/, @acme/ui's its sources), tsconfig
// project references, and a rules file of its own in packages/ui. Imports by package name lead to
// the packages' sources however the workspace was installed, built or not (issue 14).

const FIXTURE = path.resolve(__dirname, '../../../../test/fixtures/monorepo');

/** The root rules file's edges (root-relative), then packages/ui's (relative to packages/ui). */
const EDGES = [
  'apps/web/src/index.ts:1 → packages/core/src/index.ts',
  'apps/web/src/index.ts:2 → packages/core/src/money.ts',
  'apps/web/src/index.ts:3 → packages/ui/src/index.ts',
  'apps/web/src/index.ts:4 → packages/ui/src/button.tsx',
  // not in @acme/ui's exports: as for any package, the import stays a package import
  'apps/web/src/index.ts:5 → pkg:@acme/ui',
  'packages/core/src/index.ts:1 → packages/core/src/money.ts',
  'packages/core/src/index.ts:2 → packages/core/src/report.ts',
  'packages/core/src/report.ts:2 → apps/web/src/index.ts',
  // packages/ui's own rules file: its sibling packages are packages to it
  'ui: src/button.tsx:1 → pkg:@acme/core',
  'ui: src/debug.ts:1 → pkg:@acme/web',
  'ui: src/index.ts:1 → src/button.tsx',
  'ui: src/index.ts:2 → pkg:@acme/core',
];

const FINDINGS = [
  'libraries-not-apps packages/core/src/report.ts:2 → apps/web/src/index.ts',
  'no-cycles packages/core/src/report.ts:2 → apps/web/src/index.ts',
  'ui-no-apps packages/ui/src/debug.ts:1 → pkg:@acme/web',
];

async function analyse(root: string): Promise<{ edges: string[]; findings: string[] }> {
  const opened = AnalysisSession.open(root, { today: '2026-11-27', baseline: false });
  assert.ok(opened.ok, opened.ok ? '' : opened.message);
  assert.ok(await opened.session.load());
  const edges = opened.session.results().flatMap(({ project }) => {
    const prefix = project.root === root ? '' : `${path.basename(project.root)}: `;
    const show = (target: string): string => (path.isAbsolute(target) ? toRelative(project.root, target) : target);
    return project.allEdges().map((edge) => `${prefix}${show(edge.from)}:${edge.range.start.line} → ${show(edge.to)}`);
  });
  const result = opened.session.result();
  const findings = result.violations.map((v) => `${v.ruleId} ${toRelative(root, v.location.file)}:${v.location.range.start.line} → ${path.isAbsolute(v.to) ? toRelative(root, v.to) : v.to}`).sort();
  return { edges, findings };
}

/** The disk, saying which paths came or went since a mark, as the git history's file system does. */
class DiskWithChanges extends NodeFileSystem {
  changeMark = 0;
  private readonly steps: ReadonlySet<string>[] = [];

  changed(paths: readonly string[]): void {
    this.steps.push(new Set(paths));
    this.changeMark++;
  }

  pathsChangedSince(mark: number): ReadonlySet<string> {
    return new Set(this.steps.slice(mark).flatMap((step) => [...step]));
  }
}

function link(root: string, from: string, to: string): void {
  nodeFs.mkdirSync(path.dirname(path.join(root, from)), { recursive: true });
  nodeFs.symlinkSync(path.relative(path.dirname(path.join(root, from)), path.join(root, to)), path.join(root, from), 'dir');
}

describe('monorepo workspaces: imports by package name', () => {
  let root: string;

  beforeEach(() => {
    root = tempDir('monorepo');
    nodeFs.cpSync(FIXTURE, root, { recursive: true });
  });
  afterEach(() => cleanup(root));

  it('lead to the sources before any install or build, through exports and the build output they name', async () => {
    assert.deepEqual(await analyse(root), { edges: EDGES, findings: FINDINGS });
  });

  it('lead to the same sources once npm or yarn linked the packages into node_modules', async () => {
    for (const name of ['core', 'ui']) link(root, `node_modules/@acme/${name}`, `packages/${name}`);
    link(root, 'node_modules/@acme/web', 'apps/web');
    assert.deepEqual(await analyse(root), { edges: EDGES, findings: FINDINGS });
  });

  it('lead to the same sources in pnpm\'s layout (links in each package\'s own node_modules)', async () => {
    link(root, 'apps/web/node_modules/@acme/core', 'packages/core');
    link(root, 'apps/web/node_modules/@acme/ui', 'packages/ui');
    link(root, 'packages/ui/node_modules/@acme/core', 'packages/core');
    link(root, 'packages/core/node_modules/@acme/web', 'apps/web');
    assert.deepEqual(await analyse(root), { edges: EDGES, findings: FINDINGS });
  });

  it('lead to the sources, not the build output, once a package is built', async () => {
    const dist = path.join(root, 'packages/core/dist');
    nodeFs.mkdirSync(dist);
    for (const name of ['index', 'money', 'report']) {
      nodeFs.writeFileSync(path.join(dist, `${name}.js`), 'export {};\n');
      nodeFs.writeFileSync(path.join(dist, `${name}.d.ts`), 'export {};\n');
    }
    assert.deepEqual(await analyse(root), { edges: EDGES, findings: FINDINGS });
  });

  it('lead where a fresh resolution leads after a step of the history deletes or brings back a package\'s source', () => {
    // The history re-resolves only what a created or deleted path can change: an answer that rests
    // on a source (the build output the package's exports name) must go with it.
    const disk = new NodeFileSystem();
    const fs = new DiskWithChanges();
    const resolver = new ImportResolver(root, loadCompilerOptions(root, fs).options, fs);
    const from = path.join(root, 'apps/web/src/index.ts');
    const money = path.join(root, 'packages/core/src/money.ts');
    const resolve = (): string[] => ['@acme/core/money', '@acme/core'].map((specifier) => resolver.resolve(specifier, from, 'static'));
    const fresh = (): string[] => {
      const other = new ImportResolver(root, loadCompilerOptions(root, disk).options, disk);
      return ['@acme/core/money', '@acme/core'].map((specifier) => other.resolve(specifier, from, 'static'));
    };
    assert.deepEqual(resolve(), [money, path.join(root, 'packages/core/src/index.ts')]);
    const text = nodeFs.readFileSync(money, 'utf8');
    nodeFs.rmSync(money);
    fs.changed([money]);
    resolver.clearCache();
    assert.notEqual(fresh()[0], money);
    assert.deepEqual(resolve(), fresh());
    nodeFs.writeFileSync(money, text);
    fs.changed([money]);
    resolver.clearCache();
    assert.deepEqual(resolve(), fresh());
    assert.equal(resolve()[0], money);
  });

  it('reads the package globs of package.json (both forms) and pnpm-workspace.yaml (both forms)', () => {
    assert.deepEqual(workspaceGlobs(root, new NodeFileSystem()), ['packages/*', 'apps/*']);
    nodeFs.rmSync(path.join(root, 'pnpm-workspace.yaml'));
    assert.deepEqual(workspaceGlobs(root, new NodeFileSystem()), ['packages/*', 'apps/*']);
    nodeFs.writeFileSync(path.join(root, 'package.json'), '{ "workspaces": { "packages": ["libs/**"], "nohoist": ["**/x"] } }');
    assert.deepEqual(workspaceGlobs(root, new NodeFileSystem()), ['libs/**']);
    nodeFs.writeFileSync(path.join(root, 'package.json'), '{ "name": "not-a-workspace" }');
    assert.equal(workspaceGlobs(root, new NodeFileSystem()), undefined);
    assert.deepEqual(pnpmPackages("packages: ['a/*', \"b\"]\ncatalog:\n  react: ^19\n"), ['a/*', 'b']);
    assert.deepEqual(pnpmPackages('# tools too\npackages:\n  - "packages/*"   # libraries\n  - \'!**/test/**\'\n\nonlyBuiltDependencies:\n  - esbuild\n'), ['packages/*', '!**/test/**']);
  });
});
