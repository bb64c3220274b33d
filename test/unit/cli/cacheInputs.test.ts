// `check --cache` must report what a run without it reports, whatever changed among the inputs of
// module resolution (issue 12, item 3): tsconfig `extends` chains, nested tsconfigs, the
// package.json files resolution reads (`exports`, `imports`), workspace packages linked into
// node_modules, and a monorepo's packages found from its manifest with nothing installed. And a
// cache file that is malformed where it matters must not end the run.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from '../helpers/analyzeFixture';
import { runCliCapture } from '../helpers/runCliCapture';
import { removeWorkspace, workspace } from '../security/hostileWorkspace';

const json = (value: unknown): string => JSON.stringify(value, null, 2);
const BUNDLER = { compilerOptions: { module: 'esnext', moduleResolution: 'bundler' } };

/** One forbidden rule: the domain layer must not import the infra layer. */
function rules(domain: string, infra: string): string {
  return json({
    layers: { domain: `${domain}/**`, infra: `${infra}/**` },
    rules: [{ id: 'domain-pure', kind: 'forbidden', from: 'domain', to: ['infra'] }],
  });
}

interface Scenario {
  what: string;
  files: Record<string, string>;
  links?: Record<string, string>;
  /** Changes one input of resolution (never a source file): the import now leads into infra. */
  change(dir: string): void;
}

const SCENARIOS: Scenario[] = [
  {
    what: 'the tsconfig that tsconfig.json extends moves an alias onto a forbidden layer',
    files: {
      'guardrails.json': rules('src/domain', 'src/infra'),
      'tsconfig.json': json({ extends: './config/tsconfig.base.json' }),
      'config/tsconfig.base.json': json({ compilerOptions: { ...BUNDLER.compilerOptions, paths: { '@x/*': ['../src/lib/*'] } } }),
      'src/domain/a.ts': "import { v } from '@x/thing';\nexport const a = v;\n",
      'src/lib/thing.ts': 'export const v = 1;\n',
      'src/infra/thing.ts': 'export const v = 2;\n',
    },
    change: (dir) => edit(dir, 'config/tsconfig.base.json', (text) => text.replace('../src/lib/*', '../src/infra/*')),
  },
  {
    what: 'a nested package’s own tsconfig changes its paths',
    files: {
      'guardrails.json': rules('packages/app/src/domain', 'packages/app/src/infra'),
      'tsconfig.json': json(BUNDLER),
      'packages/app/tsconfig.json': json({ compilerOptions: { ...BUNDLER.compilerOptions, paths: { '@x/*': ['./src/lib/*'] } } }),
      'packages/app/src/domain/a.ts': "import { v } from '@x/thing';\nexport const a = v;\n",
      'packages/app/src/lib/thing.ts': 'export const v = 1;\n',
      'packages/app/src/infra/thing.ts': 'export const v = 2;\n',
    },
    change: (dir) => edit(dir, 'packages/app/tsconfig.json', (text) => text.replace('./src/lib/*', './src/infra/*')),
  },
  {
    what: 'a workspace package’s package.json points an export at another file',
    files: {
      'guardrails.json': rules('src/domain', 'packages/lib/internal'),
      'tsconfig.json': json(BUNDLER),
      'src/domain/a.ts': "import { v } from '@ws/lib/feature';\nexport const a = v;\n",
      'packages/lib/package.json': json({ name: '@ws/lib', exports: { './feature': './public.ts' } }),
      'packages/lib/public.ts': 'export const v = 1;\n',
      'packages/lib/internal/db.ts': 'export const v = 2;\n',
    },
    links: { 'node_modules/@ws/lib': '../../packages/lib' },
    change: (dir) => edit(dir, 'packages/lib/package.json', (text) => text.replace('./public.ts', './internal/db.ts')),
  },
  {
    what: 'a nested package.json maps a subpath import (#db) elsewhere',
    files: {
      'guardrails.json': rules('packages/app/src/domain', 'packages/app/src/infra'),
      'tsconfig.json': json(BUNDLER),
      'packages/app/package.json': json({ name: 'app', imports: { '#db': './src/lib/db.ts' } }),
      'packages/app/src/domain/a.ts': "import { v } from '#db';\nexport const a = v;\n",
      'packages/app/src/lib/db.ts': 'export const v = 1;\n',
      'packages/app/src/infra/db.ts': 'export const v = 2;\n',
    },
    change: (dir) => edit(dir, 'packages/app/package.json', (text) => text.replace('./src/lib/db.ts', './src/infra/db.ts')),
  },
  {
    what: 'the workspace package linked into node_modules is linked to another folder',
    files: {
      'guardrails.json': rules('src/domain', 'packages/infra-lib'),
      'tsconfig.json': json(BUNDLER),
      'src/domain/a.ts': "import { v } from '@ws/lib';\nexport const a = v;\n",
      'packages/lib/package.json': json({ name: '@ws/lib', main: './index.ts' }),
      'packages/lib/index.ts': 'export const v = 1;\n',
      'packages/infra-lib/package.json': json({ name: '@ws/lib', main: './index.ts' }),
      'packages/infra-lib/index.ts': 'export const v = 2;\n',
    },
    links: { 'node_modules/@ws/lib': '../../packages/lib' },
    change: (dir) => {
      fs.unlinkSync(path.join(dir, 'node_modules/@ws/lib'));
      fs.symlinkSync('../../packages/infra-lib', path.join(dir, 'node_modules/@ws/lib'));
    },
  },
  // Monorepos with nothing installed (issue 14): package names lead to the workspace's packages.
  {
    what: 'two packages of an uninstalled workspace swap names in their package.json',
    files: {
      'guardrails.json': rules('src/domain', 'packages/infra-lib'),
      'tsconfig.json': json(BUNDLER),
      'package.json': json({ name: 'root', private: true }),
      'pnpm-workspace.yaml': "packages:\n  - 'packages/*'\n",
      'src/domain/a.ts': "import { v } from '@ws/lib';\nexport const a = v;\n",
      'packages/lib/package.json': json({ name: '@ws/lib', main: './index.ts' }),
      'packages/lib/index.ts': 'export const v = 1;\n',
      'packages/infra-lib/package.json': json({ name: '@ws/infra', main: './index.ts' }),
      'packages/infra-lib/index.ts': 'export const v = 2;\n',
    },
    change: (dir) => {
      edit(dir, 'packages/lib/package.json', (text) => text.replace('@ws/lib', '@ws/old'));
      edit(dir, 'packages/infra-lib/package.json', (text) => text.replace('@ws/infra', '@ws/lib'));
    },
  },
  {
    what: 'the workspace\'s package globs (package.json "workspaces") take in another folder',
    files: {
      'guardrails.json': rules('src/domain', 'libs/infra'),
      'tsconfig.json': json(BUNDLER),
      'package.json': json({ name: 'root', private: true, workspaces: ['packages/*'] }),
      'src/domain/a.ts': "import { v } from '@ws/lib';\nexport const a = v;\n",
      'packages/other/package.json': json({ name: '@ws/other', main: './index.ts' }),
      'packages/other/index.ts': 'export const v = 1;\n',
      'libs/infra/package.json': json({ name: '@ws/lib', main: './index.ts' }),
      'libs/infra/index.ts': 'export const v = 2;\n',
    },
    change: (dir) => edit(dir, 'package.json', (text) => text.replace('"packages/*"', '"packages/*",\n    "libs/*"')),
  },
];

function edit(dir: string, rel: string, change: (text: string) => string): void {
  const file = path.join(dir, rel);
  fs.writeFileSync(file, change(fs.readFileSync(file, 'utf8')));
}

function withLinks(files: Record<string, string>, links: Record<string, string> = {}): string {
  const dir = workspace(files, 'guardrails-cache-');
  for (const [link, target] of Object.entries(links)) {
    fs.mkdirSync(path.dirname(path.join(dir, link)), { recursive: true });
    fs.symlinkSync(target, path.join(dir, link));
  }
  return dir;
}

interface Checked {
  code: number;
  findings: string[];
  notices: string[];
  stderr: string;
}

async function check(dir: string, cache: boolean): Promise<Checked> {
  const run = await runCliCapture(['check', dir, '--format', 'json', ...(cache ? ['--cache-location', path.join(dir, '.cache')] : [])], REPO_ROOT);
  assert.ok(run.code === 0 || run.code === 1, `exit ${run.code}: ${run.stderr}`);
  const report = JSON.parse(run.stdout) as { violations: { ruleId: string; file: string; line: number; to: string }[]; notices: { message: string }[] };
  return {
    code: run.code,
    findings: report.violations.map((v) => `${v.ruleId} ${v.file}:${v.line} -> ${v.to}`),
    notices: report.notices.map((n) => n.message),
    stderr: run.stderr,
  };
}

describe('check --cache and the inputs of module resolution', () => {
  for (const scenario of SCENARIOS) {
    it(`reports what a run without the cache reports when ${scenario.what}`, async () => {
      const dir = withLinks(scenario.files, scenario.links);
      try {
        const before = await check(dir, true);
        assert.deepEqual(before.findings, [], 'the import is allowed at first');
        assert.deepEqual((await check(dir, true)).findings, [], 'and so it stays, from the cache');
        scenario.change(dir);
        const uncached = await check(dir, false);
        assert.equal(uncached.findings.length, 1, 'the change moves the import onto the forbidden layer');
        const cached = await check(dir, true);
        assert.deepEqual(cached.findings, uncached.findings);
        assert.equal(cached.code, 1);
      } finally {
        removeWorkspace(dir);
      }
    });
  }
});

describe('check --cache with a malformed cache file', () => {
  const damages: [string, (stored: Record<string, unknown>) => void][] = [
    ['a file entry whose imports are not a list', (stored) => {
      const files = stored.files as Record<string, { facts: Record<string, unknown> }>;
      Object.values(files)[0].facts.imports = 'x';
    }],
    ['an import whose range is not four numbers', (stored) => {
      const files = stored.files as Record<string, { facts: { imports: unknown[][] } }>;
      const withImport = Object.values(files).find((entry) => entry.facts.imports.length > 0)!;
      withImport.facts.imports[0][3] = [1, 2, 'x', 4];
    }],
    ['stored findings that are not findings', (stored) => {
      const checked = stored.checked as { result: Record<string, unknown> };
      checked.result = { violations: 'x', debt: [{ file: 7 }], notices: null };
    }],
    ['a file entry that is not an object', (stored) => {
      const files = stored.files as Record<string, unknown>;
      files[Object.keys(files)[0]] = null;
    }],
    ['no files at all', (stored) => {
      stored.files = 'x';
    }],
  ];
  for (const [what, damage] of damages) {
    it(`says so once, runs cold with the right findings, and writes a good cache over ${what}`, async () => {
      const dir = withLinks({
        'guardrails.json': rules('src/domain', 'src/infra'),
        'tsconfig.json': json(BUNDLER),
        'src/domain/a.ts': "import { v } from '../infra/db';\nexport const a = v;\n// TODO: a note\n",
        'src/infra/db.ts': 'export const v = 2;\n',
      });
      try {
        const expected = await check(dir, false);
        assert.equal(expected.findings.length, 1);
        await check(dir, true);
        const [cacheFile] = fs.readdirSync(path.join(dir, '.cache')).map((name) => path.join(dir, '.cache', name));
        const stored = JSON.parse(fs.readFileSync(cacheFile, 'utf8')) as Record<string, unknown>;
        damage(stored);
        fs.writeFileSync(cacheFile, JSON.stringify(stored));

        const damaged = await check(dir, true);
        assert.deepEqual(damaged.findings, expected.findings);
        const said = damaged.notices.filter((message) => /cache/.test(message));
        assert.equal(said.length, 1, `one notice about the cache: ${JSON.stringify(damaged.notices)}`);
        assert.match(said[0], /not usable/);
        assert.match(said[0], /this run is cold/);

        const next = await check(dir, true);
        assert.deepEqual(next.findings, expected.findings);
        assert.deepEqual(next.notices.filter((message) => /cache/.test(message)), [], 'the bad cache was written over');
      } finally {
        removeWorkspace(dir);
      }
    });
  }
});
