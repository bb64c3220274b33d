import * as assert from 'node:assert/strict';
import * as nodeFs from 'node:fs';
import * as path from 'node:path';
import { NodeFileSystem } from '../../../src/core/fs/nodeFileSystem';
import { OverlayFileSystem } from '../../../src/core/fs/overlayFileSystem';
import { loadCompilerOptions } from '../../../src/core/graph/compilerOptions';
import { ImportResolver } from '../../../src/core/graph/resolveImport';
import { cleanup, copyFixture, edgeRow, edgeRows, fixture, runGraph } from './graphTestKit';

describe('ImportResolver', () => {
  it('resolves relative paths, index files, every source extension, .js → .ts, JSON and assets', async () => {
    const run = await runGraph(fixture('resolution'));
    assert.deepEqual(edgeRows(run), [
      'src/cjs.cts:1:22 static → src/util.ts',
      'src/common.cjs:1:22 require → src/data.json',
      'src/esm.mts:1:21 static → src/cjs.cts',
      'src/legacy.jsx:1:27 require → src/plain.js',
      'src/main.ts:1:26 static → src/dir/index.ts',
      'src/main.ts:2:22 static → src/util.ts',
      'src/main.ts:3:21 static → src/esm.mts',
      'src/main.ts:4:21 static → src/cjs.cts',
      'src/main.ts:5:22 static → src/view.tsx',
      'src/main.ts:6:24 static → src/legacy.jsx',
      'src/main.ts:7:23 static → src/plain.js',
      'src/main.ts:8:21 static → src/module.mjs',
      'src/main.ts:9:25 import-equals → src/common.cjs',
      'src/main.ts:10:18 static → src/data.json',
      // TypeScript prefers the declaration next to a JS file; we keep its answer
      'src/main.ts:11:23 static → src/typed.d.ts',
      // not a module TypeScript resolves, but a file that exists
      'src/main.ts:12:8 static → src/styles.css',
      'src/main.ts:13:22 static → unresolved:./missing',
      'src/module.mjs:1:21 static → src/esm.mts',
      'src/plain.js:1:22 static → src/util.ts',
      'src/view.tsx:1:22 static → src/util.ts',
    ]);
    assert.deepEqual(run.notices, []);
  });

  it('resolves baseUrl and paths under moduleResolution node without deprecation notices', async () => {
    const run = await runGraph(fixture('paths-node'));
    assert.deepEqual(edgeRows(run), [
      'src/app/main.ts:1:24 static → src/lib/format.ts',
      'src/app/main.ts:2:24 static → src/config/index.ts',
      'src/app/main.ts:3:38 static → src/lib/format.ts',
      // an alias that matches but leads nowhere is unresolved, not a package
      'src/app/main.ts:4:25 static → unresolved:@lib/missing',
      'src/app/main.ts:5:18 static → assets/logo.svg',
      'src/app/main.ts:6:26 static → pkg:lodash',
    ]);
    assert.deepEqual(run.notices, []);
  });

  it('follows package.json exports and imports under node16, with the condition the import form asks for', async () => {
    const run = await runGraph(fixture('exports-node16'));
    assert.deepEqual(edgeRows(run), [
      // self-reference through the package's own exports, and a subpath import (#…)
      'src/index.ts:1:22 static → src/utils.ts',
      'src/index.ts:2:24 static → src/internal/secret.ts',
      'src/index.ts:3:25 static → unresolved:#internal/missing',
      'src/index.ts:4:22 static → pkg:dual-pkg',
      'src/index.ts:5:25 static → pkg:dual-pkg',
      'src/index.ts:6:19 static → pkg:typed-pkg',
      // an ES module file imports with the `import` condition …
      'src/index.ts:7:22 static → src/mode-esm.ts',
      'src/legacy.cts:1:23 import-equals → pkg:dual-pkg',
      // … `import x = require` takes `require`, and import() is ESM even in a .cts file
      'src/legacy.cts:2:23 import-equals → src/mode-cjs.ts',
      'src/legacy.cts:3:43 dynamic → src/mode-esm.ts',
    ]);
    assert.deepEqual(run.notices, []);
  });

  it('resolves workspace packages linked into node_modules to their real sources, through exports and types', async () => {
    const root = copyFixture('workspace');
    try {
      nodeFs.mkdirSync(path.join(root, 'node_modules/@acme'), { recursive: true });
      nodeFs.symlinkSync('../../packages/ui', path.join(root, 'node_modules/@acme/ui'), 'dir');
      nodeFs.symlinkSync('../packages/legacy', path.join(root, 'node_modules/legacy-lib'), 'dir');
      const run = await runGraph(root);
      assert.deepEqual(edgeRows(run), [
        'apps/web/src/app.ts:1:24 static → packages/ui/src/index.ts',
        'apps/web/src/app.ts:2:34 static → packages/ui/src/button.tsx',
        // not exported: the package hides it, so it stays a package import
        'apps/web/src/app.ts:3:23 static → pkg:@acme/ui',
        'apps/web/src/app.ts:4:24 static → packages/legacy/src/main.ts',
        'apps/web/src/app.ts:5:23 static → pkg:third-party',
        'apps/web/src/app.ts:6:23 static → pkg:react',
        'packages/ui/src/button.tsx:1:23 static → packages/ui/src/internal.ts',
        'packages/ui/src/index.ts:1:24 re-export → packages/ui/src/button.tsx',
      ]);
      // the links are not walked: each source file is listed once, under its real path
      assert.equal(run.files.length, 5);
    } finally {
      cleanup(root);
    }
  });

  it('names built-ins, packages and unresolved specifiers', async () => {
    const run = await runGraph(fixture('targets'));
    assert.deepEqual(edgeRows(run), [
      'src/targets.ts:1:30 static → node:fs',
      'src/targets.ts:2:26 static → node:fs/promises',
      'src/targets.ts:3:22 static → node:test',
      'src/targets.ts:4:23 static → node:path/posix',
      'src/targets.ts:5:19 static → pkg:react',
      'src/targets.ts:6:28 static → pkg:react-dom',
      'src/targets.ts:7:23 static → pkg:@scope/pkg',
      'src/targets.ts:8:22 static → unresolved:./nope',
      'src/targets.ts:9:24 static → unresolved:#internal/hidden',
      'src/targets.ts:10:20 static → unresolved:https://esm.sh/preact',
    ]);
  });

  it('resolves /// <reference path> relative to the file, without module resolution', async () => {
    const run = await runGraph(fixture('reference'));
    assert.deepEqual(edgeRows(run), [
      'src/app.ts:1:21 reference → src/types/globals.d.ts',
      'src/app.ts:2:21 reference → src/helpers.ts',
      'src/app.ts:3:21 reference → unresolved:./types/missing.d.ts',
    ]);
  });

  it('uses paths from a tsconfig extended through a package in node_modules', async () => {
    const run = await runGraph(fixture('tsconfig-extends'));
    assert.deepEqual(edgeRows(run), ['src/main.ts:1:19 static → src/lib/x.ts']);
  });

  it('sees files created after a clearCache, and not before', async () => {
    const root = fixture('resolution');
    const fs = new OverlayFileSystem(new NodeFileSystem());
    const resolver = new ImportResolver(root, loadCompilerOptions(root, fs).options, fs);
    const from = path.join(root, 'src/main.ts');
    assert.equal(resolver.resolve('./missing', from, 'static'), 'unresolved:./missing');
    fs.setOverlay(path.join(root, 'src/missing.ts'), 'export const gone = 1;');
    assert.equal(resolver.resolve('./missing', from, 'static'), 'unresolved:./missing');
    resolver.clearCache();
    assert.equal(resolver.resolve('./missing', from, 'static'), path.join(root, 'src/missing.ts'));
  });

  it('in the editor, sees an asset created next to files it already resolved (no source event clears it)', async () => {
    const root = copyFixture('resolution');
    try {
      const fs = new OverlayFileSystem(new NodeFileSystem());
      const resolver = new ImportResolver(root, loadCompilerOptions(root, fs).options, fs);
      const from = path.join(root, 'src/main.ts');
      assert.equal(resolver.resolve('./util', from, 'static'), path.join(root, 'src/util.ts'));
      nodeFs.writeFileSync(path.join(root, 'src/logo.svg'), '<svg/>');
      assert.equal(resolver.resolve('./logo.svg', from, 'static'), path.join(root, 'src/logo.svg'));
    } finally {
      cleanup(root);
    }
  });
});

describe('ImportResolver with several tsconfig files', () => {
  it('resolves each file with the nearest tsconfig below the root, and reports its problems', async () => {
    const run = await runGraph(fixture('nested-configs'));
    assert.deepEqual(edgeRows(run), [
      'apps/web/src/page.ts:1:20 static → apps/web/src/lib/db.ts',
      // no tsconfig of its own: the root's, which has no `@/*` alias
      'packages/core/src/index.ts:1:20 static → pkg:@/lib',
    ]);
    const config = path.join(run.root, 'apps/web/tsconfig.json');
    assert.deepEqual(run.notices, [
      { level: 'warning', file: config, message: "apps/web/tsconfig.json:7:5: Unknown compiler option 'notAnOption'." },
    ]);
  });

  it('resolves again after an edit of a nested tsconfig only when what resolution reads changed', async () => {
    const run = await runGraph(fixture('nested-configs'));
    const config = path.join(run.root, 'apps/web/tsconfig.json');
    const original = run.fs.readFile(config)!;
    const rows = () => run.project.allEdges().map((edge) => edgeRow(run.root, edge)).sort();
    run.fs.setOverlay(config, original.replace('"notAnOption": 1', '"notAnOption": 1, "strict": true'));
    assert.equal(run.project.reloadCompilerOptions(true), false, 'a strictness flag changes no import');
    run.fs.setOverlay(config, original.replace('"@/*": ["./src/*"]', '"@/*": ["./src/lib/*"]'));
    assert.equal(run.project.reloadCompilerOptions(true), true);
    assert.deepEqual(rows(), ['apps/web/src/page.ts:1:20 static → unresolved:@/lib/db', 'packages/core/src/index.ts:1:20 static → pkg:@/lib']);
  });

  it('resolves again after a workspace package\'s tsconfig moves its build output, which its exports name', async () => {
    const root = copyFixture('workspace-outputs');
    // Both output folders exist, empty (git keeps no empty folder): the sources stand in for them.
    for (const out of ['compiled', 'elsewhere']) nodeFs.mkdirSync(path.join(root, 'packages/lib', out));
    try {
      const run = await runGraph(root);
      const rows = () => run.project.allEdges().map((edge) => edgeRow(run.root, edge)).sort();
      assert.deepEqual(rows(), ['apps/web/src/index.ts:1:19 static → packages/lib/src/helper.ts']);
      const config = path.join(run.root, 'packages/lib/tsconfig.json');
      run.fs.setOverlay(config, run.fs.readFile(config)!.replace('"compiled"', '"elsewhere"'));
      assert.equal(run.project.reloadCompilerOptions(true), true);
      assert.deepEqual(rows(), ['apps/web/src/index.ts:1:19 static → pkg:@acme/lib']);
    } finally {
      cleanup(root);
    }
  });

  it('uses only the root options when nested configs are turned off', async () => {
    const root = fixture('nested-configs');
    const fs = new NodeFileSystem();
    const resolver = new ImportResolver(root, loadCompilerOptions(root, fs).options, fs, { nestedConfigs: false });
    assert.equal(resolver.resolve('@/lib/db', path.join(root, 'apps/web/src/page.ts'), 'static'), 'pkg:@/lib');
  });

  it('resolves with the referenced project of a solution-style tsconfig', async () => {
    const run = await runGraph(fixture('solution-style'));
    assert.deepEqual(edgeRows(run), ['src/main.ts:1:22 static → src/lib/util.ts']);
    assert.deepEqual(run.notices, [{
      level: 'info',
      file: path.join(run.root, 'tsconfig.json'),
      message: 'tsconfig.json only references other projects; resolving imports with the options of tsconfig.app.json',
    }]);
  });
});
