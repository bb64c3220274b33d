import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { ts } from 'ts-morph';
import { NodeFileSystem } from '../../../src/core/fs/nodeFileSystem';
import { OverlayFileSystem } from '../../../src/core/fs/overlayFileSystem';
import { loadCompilerOptions } from '../../../src/core/graph/compilerOptions';
import { fixture } from './graphTestKit';

const fs = new NodeFileSystem();

describe('loadCompilerOptions', () => {
  it('uses defaults and says so when there is no tsconfig', () => {
    const root = fixture('forms');
    const loaded = loadCompilerOptions(root, fs);
    assert.equal(loaded.configFile, undefined);
    assert.deepEqual(loaded.notices, [{
      level: 'info',
      message: `no tsconfig.json found at ${root}; using defaults (allowJs, jsx preserve, moduleResolution bundler, module esnext, resolveJsonModule)`,
    }]);
    assert.equal(loaded.options.moduleResolution, ts.ModuleResolutionKind.Bundler);
    assert.equal(loaded.options.module, ts.ModuleKind.ESNext);
    assert.equal(loaded.options.jsx, ts.JsxEmit.Preserve);
    assert.equal(loaded.options.allowJs, true);
    assert.equal(loaded.options.resolveJsonModule, true);
  });

  it('follows extends through a relative file and a package in node_modules', () => {
    const root = fixture('tsconfig-extends');
    const loaded = loadCompilerOptions(root, fs);
    assert.equal(loaded.configFile, path.join(root, 'tsconfig.json'));
    assert.deepEqual(loaded.notices, []);
    assert.equal(loaded.options.strict, true); // from the package
    assert.deepEqual(loaded.options.customConditions, ['source']);
    assert.deepEqual(loaded.options.paths, { '~/*': ['../src/*'] }); // from configs/base.json
    assert.equal(loaded.options.jsx, ts.JsxEmit.ReactJSX); // from tsconfig.json itself
  });

  it('keeps baseUrl and moduleResolution node working without deprecation noise, and forces allowJs', () => {
    const root = fixture('paths-node');
    const loaded = loadCompilerOptions(root, fs);
    assert.deepEqual(loaded.notices, []);
    assert.equal(loaded.options.moduleResolution, ts.ModuleResolutionKind.Node10);
    assert.equal(loaded.options.baseUrl, root);
    assert.equal(loaded.options.allowJs, true);
    assert.equal(loaded.options.ignoreDeprecations, '6.0');
  });

  it('reports tsconfig errors with file, line and column, and never throws', () => {
    const root = fixture('tsconfig-broken');
    const file = path.join(root, 'tsconfig.json');
    const loaded = loadCompilerOptions(root, fs);
    assert.deepEqual(loaded.notices, [
      { level: 'warning', file, message: "tsconfig.json:7:3: ',' expected." },
      { level: 'warning', file, message: "tsconfig.json:4:5: Unknown compiler option 'notAnOption'." },
      { level: 'warning', file, message: `tsconfig.json: Cannot read file '${path.join(root, 'missing-base.json')}'.` },
    ]);
    // what could be read still applies
    assert.equal(loaded.options.moduleResolution, ts.ModuleResolutionKind.Bundler);
  });

  it('reads an explicit tsconfig path, and warns when it is missing', () => {
    const root = fixture('resolution');
    const overlay = new OverlayFileSystem(fs);
    const custom = path.join(root, 'tsconfig.custom.json');
    overlay.setOverlay(custom, '{ "compilerOptions": { "moduleResolution": "node16", "module": "node16" } }');
    const loaded = loadCompilerOptions(root, overlay, custom);
    assert.equal(loaded.configFile, custom);
    assert.equal(loaded.options.moduleResolution, ts.ModuleResolutionKind.Node16);

    const missing = path.join(root, 'nope.json');
    assert.deepEqual(loadCompilerOptions(root, fs, missing).notices, [{
      level: 'warning',
      file: missing,
      message: `${missing} not found; using defaults (allowJs, jsx preserve, moduleResolution bundler, module esnext, resolveJsonModule)`,
    }]);
  });
});
