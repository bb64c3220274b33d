import * as assert from 'node:assert/strict';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadCompilerOptions } from '../../../src/core/graph/compilerOptions';
import { compilerOptionsDiffer } from '../../../src/core/graph/compilerOptionsChange';
import { MemoryFileSystem } from '../helpers/memoryFileSystem';

/** A history step skips re-resolving every import only when an edited tsconfig resolves as before. */
describe('windows: an edited tsconfig', () => {
  const root = path.join(os.tmpdir(), 'guardrails-options-change');
  const tsconfig = path.join(root, 'tsconfig.json');
  const base = { module: 'ESNext', moduleResolution: 'bundler', strict: true, paths: { '@io/*': ['./src/io/*'] } };
  const read = (compilerOptions: Record<string, unknown> | string) =>
    loadCompilerOptions(root, new MemoryFileSystem(new Map([[tsconfig, typeof compilerOptions === 'string' ? compilerOptions : JSON.stringify({ compilerOptions })]])), tsconfig);

  it('changes nothing resolution reads when only checking options change', () => {
    assert.equal(compilerOptionsDiffer(read(base), read({ ...base, strict: false, noImplicitThis: true, useUnknownInCatchVariables: true })), false);
  });

  it('changes resolution when an alias, the resolution mode, the module kind or the target (which defaults them) changes', () => {
    for (const changed of [{ target: 'es5' }, { paths: { '@io/*': ['./src/store/*'] } }, { moduleResolution: 'node16', module: 'node16' }, { module: 'CommonJS' }, { baseUrl: './src' }]) {
      assert.equal(compilerOptionsDiffer(read(base), read({ ...base, ...changed })), true, JSON.stringify(changed));
    }
  });

  it('changes resolution when an alias moves to the config that extends the one it was in, or build outputs move', () => {
    const baseFile = path.join(root, 'configs', 'tsconfig.base.json');
    const files = (base: object, own: object) => new MemoryFileSystem(new Map([
      [baseFile, JSON.stringify({ compilerOptions: base })],
      [tsconfig, JSON.stringify({ extends: './configs/tsconfig.base.json', compilerOptions: own })],
    ]));
    const paths = { '@io/*': ['./src/io/*'] };
    const before = loadCompilerOptions(root, files({ module: 'ESNext', paths }, {}), tsconfig);
    const after = loadCompilerOptions(root, files({ module: 'ESNext' }, { paths }), tsconfig);
    assert.equal(compilerOptionsDiffer(before, after), true, 'the same text, written in another folder, leads elsewhere');
    for (const changed of [{ outDir: './lib' }, { declarationDir: './types' }, { rootDir: './source' }]) {
      assert.equal(compilerOptionsDiffer(read(base), read({ ...base, ...changed })), true, JSON.stringify(changed));
    }
  });

  it('counts as changed when what is wrong with the file changes', () => {
    assert.equal(compilerOptionsDiffer(read(base), read(`{ "compilerOptions": ${JSON.stringify(base)}, }`.replace('"strict"', 'strict'))), true);
  });
});
