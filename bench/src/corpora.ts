// The corpora: TypeScript sources shipped inside npm packages (pinned in bench/package.json and
// copied into the bench cache with a tsconfig that mirrors the upstream repository's aliases),
// and the synthetic workspaces. Each corpus gets the same rules for Guardrails and its peers.
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { generateMonorepo, MONOREPO_TODAY, MONOREPO_VERSION } from './monorepo';
import { generateSynthetic, SYNTHETIC_TODAY, SYNTHETIC_VERSION, writeCorpus, type SyntheticCorpus, type SyntheticExpectation } from './synthetic';

export interface Corpus {
  name: string;
  kind: 'real' | 'synthetic' | 'monorepo';
  dir: string;
  /** Source files (.ts/.tsx, declarations left out). */
  files: number;
  bytes: number;
  version?: string;
  today: string;
  expected?: SyntheticExpectation;
}

interface RealSpec {
  name: string;
  pkg: string;
  /** tsconfig `paths` (relative to the corpus root) that stand in for the upstream repository's. */
  paths?: Record<string, string[]>;
  jsx?: boolean;
  /** package.json `imports` (msw's `#core/*`). */
  imports?: Record<string, string>;
}

export const REAL_SPECS: readonly RealSpec[] = [
  {
    name: 'rxjs', pkg: 'rxjs',
    paths: {
      rxjs: ['./src/index'], 'rxjs/operators': ['./src/operators/index'], 'rxjs/testing': ['./src/testing/index'],
      'rxjs/ajax': ['./src/ajax/index'], 'rxjs/webSocket': ['./src/webSocket/index'], 'rxjs/fetch': ['./src/fetch/index'],
      'rxjs/internal/*': ['./src/internal/*'],
    },
  },
  { name: 'effect', pkg: 'effect', paths: { effect: ['./src/index.ts'], 'effect/*': ['./src/*.ts'] } },
  {
    name: 'zod', pkg: 'zod',
    paths: {
      zod: ['./src/index.ts'], 'zod/v3': ['./src/v3/index.ts'], 'zod/v4': ['./src/v4/index.ts'],
      'zod/v4/core': ['./src/v4/core/index.ts'], 'zod/v4-mini': ['./src/v4-mini/index.ts'],
    },
  },
  { name: 'tldraw-editor', pkg: '@tldraw/editor', jsx: true },
  { name: 'tiptap-core', pkg: '@tiptap/core' },
  {
    name: 'msw', pkg: 'msw', imports: { '#core': './src/core/index.ts', '#core/*': './src/core/*.ts' },
    paths: { msw: ['./src/core/index.ts'], 'msw/experimental': ['./src/core/experimental/index.ts'] },
  },
  {
    name: 'redux-toolkit', pkg: '@reduxjs/toolkit', jsx: true,
    paths: {
      '@internal/*': ['./src/*'], '@reduxjs/toolkit': ['./src/index.ts'], '@reduxjs/toolkit/query': ['./src/query/index.ts'],
      '@reduxjs/toolkit/query/react': ['./src/query/react/index.ts'], '@reduxjs/toolkit/react': ['./src/react/index.ts'],
    },
  },
];

export const REAL_TODAY = '2026-06-01';

export function isSource(name: string): boolean {
  return /\.(?:[cm]?ts|tsx)$/.test(name) && !/\.d\.[cm]?ts$/.test(name);
}

/** Every source file under `dir` (absolute paths, sorted), node_modules left out. */
export function listSources(dir: string): string[] {
  const out: string[] = [];
  const walk = (current: string): void => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      if (entry.name === 'node_modules') continue;
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && isSource(entry.name)) out.push(full);
    }
  };
  walk(dir);
  return out.sort();
}

function stats(dir: string, sources = 'src'): { files: number; bytes: number } {
  const files = listSources(path.join(dir, sources));
  return { files: files.length, bytes: files.reduce((sum, file) => sum + statSync(file).size, 0) };
}

/** Copies a package's shipped `src/` into the cache (again when its version changed). */
export function prepareReal(spec: RealSpec, benchDir: string, cacheDir: string): Corpus {
  const pkgDir = path.join(benchDir, 'node_modules', ...spec.pkg.split('/'));
  const version = (JSON.parse(readFileSync(path.join(pkgDir, 'package.json'), 'utf8')) as { version: string }).version;
  const dir = path.join(cacheDir, 'corpora', spec.name);
  const stamp = path.join(dir, '.prepared');
  const wanted = `${spec.pkg}@${version} layout 2`;
  if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== wanted) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    cpSync(path.join(pkgDir, 'src'), path.join(dir, 'src'), {
      recursive: true,
      // Only the sources and declarations: the shipped src/ sometimes holds build configs too.
      filter: (source) => statSync(source).isDirectory() || isSource(source) || /\.d\.[cm]?ts$/.test(source),
    });
    const compilerOptions: Record<string, unknown> = {
      target: 'ES2022', module: 'ESNext', moduleResolution: 'bundler', strict: true, noEmit: true, skipLibCheck: true,
      lib: ['ES2022', 'DOM'], types: [],
    };
    if (spec.jsx) compilerOptions.jsx = 'react-jsx';
    if (spec.paths) compilerOptions.paths = spec.paths;
    writeJson(path.join(dir, 'tsconfig.json'), { compilerOptions, include: ['src'] });
    writeJson(path.join(dir, 'package.json'), { name: `corpus-${spec.name}`, private: true, type: 'module', ...(spec.imports ? { imports: spec.imports } : {}) });
    writeJson(path.join(dir, 'guardrails.json'), {
      include: ['src/**'],
      rules: [{ id: 'no-cycles', kind: 'no-cycle', scope: 'src/**' }],
      debt: { tags: { TODO: 'info', FIXME: 'warning', HACK: 'warning', DEBT: 'warning' } },
    });
    writeFileSync(path.join(dir, '.dependency-cruiser.cjs'), depcruiseConfig(false));
    writeFileSync(stamp, wanted);
  }
  return { name: spec.name, kind: 'real', dir, version, today: REAL_TODAY, ...stats(dir) };
}

/** Generates (once per generator version) a synthetic workspace of `count` files. */
export function prepareSynthetic(count: number, cacheDir: string): Corpus {
  const name = `synthetic-${count}`;
  const dir = generated(path.join(cacheDir, 'corpora', name), `synthetic v${SYNTHETIC_VERSION}`, () => generateSynthetic(count), (target) => {
    writeFileSync(path.join(target, '.dependency-cruiser.cjs'), depcruiseConfig(true));
  });
  const expected = JSON.parse(readFileSync(path.join(dir, '.expected.json'), 'utf8')) as SyntheticExpectation;
  return { name, kind: 'synthetic', dir, today: SYNTHETIC_TODAY, expected, ...stats(dir) };
}

/** Generates (once per generator version) a monorepo of `packages` packages of `filesPerPackage` files. */
export function prepareMonorepo(packages: number, filesPerPackage: number, cacheDir: string): Corpus {
  const name = `monorepo-${packages}`;
  const dir = generated(path.join(cacheDir, 'corpora', name), `monorepo v${MONOREPO_VERSION} ${filesPerPackage} files each`, () => generateMonorepo(packages, filesPerPackage));
  const expected = JSON.parse(readFileSync(path.join(dir, '.expected.json'), 'utf8')) as SyntheticExpectation;
  return { name, kind: 'monorepo', dir, today: MONOREPO_TODAY, expected, ...stats(dir, '.') };
}

/** `dir` as `generate` writes it, with its expectation, written again when `version` changed. */
function generated(dir: string, version: string, generate: () => SyntheticCorpus, extra?: (dir: string) => void): string {
  const stamp = path.join(dir, '.prepared');
  const expectedFile = path.join(dir, '.expected.json');
  if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== version || !existsSync(expectedFile)) {
    rmSync(dir, { recursive: true, force: true });
    const corpus = generate();
    writeCorpus(dir, corpus);
    extra?.(dir);
    writeFileSync(expectedFile, JSON.stringify(corpus.expected));
    writeFileSync(stamp, version);
  }
  return dir;
}

function writeJson(file: string, value: unknown): void {
  writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}

/**
 * dependency-cruiser rules equivalent to the corpus's guardrails.json: type-only imports count
 * (tsPreCompilationDeps), aliases come from the tsconfig, cycles are found by `circular`.
 */
export function depcruiseConfig(synthetic: boolean): string {
  const forbidden: unknown[] = [{ name: 'no-cycles', severity: 'error', from: { path: '^src/' }, to: { circular: true } }];
  if (synthetic) {
    forbidden.push(
      { name: 'layered-app', severity: 'error', from: { path: '^src/app/' }, to: { path: '^src/ui/' } },
      { name: 'layered-domain', severity: 'error', from: { path: '^src/domain/' }, to: { path: '^src/(app|ui)/' } },
      { name: 'domain-pure', severity: 'error', from: { path: '^src/domain/' }, to: { path: '^src/(infra|ui)/' } },
      { name: 'features-isolated', severity: 'error', from: { path: '^src/features/([^/]+)/' }, to: { path: '^src/features/', pathNot: '^src/features/$1/' } },
      { name: 'public-api', severity: 'error', from: { path: '^src/', pathNot: '^src/features/' }, to: { path: '^src/features/[^/]+/', pathNot: '^src/features/[^/]+/index\\.ts$' } },
      { name: 'public-api-cross', severity: 'error', from: { path: '^src/features/([^/]+)/' }, to: { path: '^src/features/[^/]+/', pathNot: ['^src/features/$1/', '^src/features/[^/]+/index\\.ts$'] } },
      { name: 'no-unresolved', severity: 'warn', from: {}, to: { couldNotResolve: true, path: '^[.]' } },
    );
  }
  const config = {
    forbidden,
    options: {
      doNotFollow: { path: 'node_modules' },
      tsPreCompilationDeps: true,
      tsConfig: { fileName: 'tsconfig.json' },
      // The engine reads .ts/.tsx/.mts/.cts sources; declarations are not code.
      exclude: { path: '\\.d\\.[cm]?ts$' },
    },
  };
  return `// Generated by bench/src/corpora.ts: the same rules as guardrails.json, for dependency-cruiser.\nmodule.exports = ${JSON.stringify(config, null, 2)};\n`;
}
