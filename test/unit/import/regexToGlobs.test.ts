import * as assert from 'node:assert/strict';
import { compilePattern } from '../../../src/core/glob/pattern';
import { subtractGlobs } from '../../../src/core/import/globAlgebra';
import { regexToGlobs } from '../../../src/core/import/regex/regexToGlobs';
import { samplePaths } from './pathSamples';

function globs(source: string, options = {}): string[] {
  const result = regexToGlobs(source, options);
  if (!result.ok) assert.fail(`/${source}/ should convert: ${result.message}`);
  return result.globs;
}

/** Paths where the regex and the globs disagree (none, when the conversion is exact). */
function disagreements(regex: RegExp, list: string[], paths: string[]): string[] {
  const compiled = list.map((glob) => {
    const result = compilePattern(glob);
    if (!result.ok) assert.fail(`${glob}: ${result.message}`);
    return result.pattern;
  });
  return paths.filter((path) => regex.test(path) !== compiled.some((pattern) => pattern.match(path)));
}

// Patterns as real dependency-cruiser configurations write them.
const EXACT: Array<[string, string[]]> = [
  ['^src/common/', ['src/common/**']],
  ['^src/(casedata|supportmanagement)/', ['src/@(casedata|supportmanagement)/**']],
  ['^src/ui', ['src/ui*', 'src/ui*/**']],
  ['^(src)', ['src*', 'src*/**']],
  ['[.](?:spec|test)[.](?:js|mjs|cjs|jsx|ts|mts|cts|tsx)$', ['**/*.@(spec|test).@(js|mjs|cjs|jsx|ts|mts|cts|tsx)']],
  ['(^|/)tsconfig[.]json$', ['**/tsconfig.json']],
  ['(^|/)[.][^/]+[.](?:js|cjs|mjs|ts|cts|mts|json)$', ['**/.?*.@(js|cjs|mjs|ts|cts|mts|json)']],
  ['node_modules/@types/', ['**/*node_modules/@types/**']],
  ['zod', ['**/*zod*', '**/*zod*/**']],
  ['^src/(?!shared/)', ['src/*', 'src/!(shared)/**']],
  ['^src/[^/]+/(domain|services)/', ['src/*/@(domain|services)/**']],
  ['^src/(?!shared/|app/)([^/]+)/(?!index\\.ts$)', ['src/!(shared|app)/!(index.ts)', 'src/!(shared|app)/*/**']],
  ['/internal/', ['*/**/internal/**']],
  ['^src/.+\\.ts$', ['src/**/*.ts']],
  ['\\.spec\\.ts$', ['**/*.spec.ts']],
  ['^fs$', ['fs']],
  ['^packages/.*/tests?/.*', ['packages/*/**/test/**', 'packages/*/**/tests/**']],
  ['[.]d[.]m?ts$', ['**/*.d.ts', '**/*.d.mts']],
  ['^src/[^/]+/index[.]ts$|^src/app/main\\.ts$', ['src/*/index.ts', 'src/app/main.ts']],
  ['^[^/]+$', ['*']],
  ['ui.*ts', ['**/*ui*ts*', '**/*ui*ts*/**', '**/*ui*/**/*ts*', '**/*ui*/**/*ts*/**']],
];

describe('regexToGlobs: path regexes as globs', () => {
  const paths = samplePaths();

  for (const [source, expected] of EXACT) {
    it(`/${source}/ → ${expected.join(', ')}, exactly`, () => {
      const result = regexToGlobs(source);
      assert.ok(result.ok);
      assert.deepEqual(result.globs, expected);
      assert.equal(result.exact, true);
      assert.deepEqual(disagreements(new RegExp(source), result.globs, paths), []);
    });
  }

  it('says how a conversion differs when it is not exact', () => {
    const dot = regexToGlobs('.spec.ts$');
    assert.ok(dot.ok);
    assert.deepEqual(dot.globs, ['**/*?spec?ts']);
    assert.equal(dot.exact, false);
    assert.match(dot.notes[0], /unescaped "\." matches any character, "\/" too/);
    const crossing = regexToGlobs('^test/[^.]+[.]spec[.]js$');
    assert.ok(crossing.ok);
    assert.equal(crossing.exact, false);
    assert.match(crossing.notes[0], /\[\^\.\]\) is read as any characters/);
  });

  it('turns a group of from.path that to refers to into a capture, or one variant per name', () => {
    const captured = regexToGlobs('^src/features/([^/]+)/', { captureGroups: new Set([1]) });
    assert.ok(captured.ok);
    assert.deepEqual(captured.variants.map((v) => [v.globs, [...v.bindings]]), [[['src/features/{$1}/**'], [[1, '{$1}']]]]);
    const names = regexToGlobs('^src/(billing|support)/', { captureGroups: new Set([1]) });
    assert.ok(names.ok);
    assert.deepEqual(names.variants.map((v) => [v.globs, [...v.bindings]]), [
      [['src/billing/**'], [[1, 'billing']]],
      [['src/support/**'], [[1, 'support']]],
    ]);
    const literal = regexToGlobs('(^src/cli/)', { captureGroups: new Set([1]) });
    assert.ok(literal.ok);
    assert.deepEqual([...literal.variants[0].bindings], [[1, 'src/cli/']]);
    // `(.+)` spans folders: no capture can stand for it.
    const deep = regexToGlobs('^src/(.+)/[^/]+$', { captureGroups: new Set([1]) });
    assert.ok(deep.ok);
    assert.deepEqual([...deep.variants[0].bindings], [[1, null]]);
  });

  it('puts what a $1 stands for into a to pattern', () => {
    assert.deepEqual(globs('^src/$1/', { refs: new Map([[1, '{$1}']]) }), ['src/{$1}/**']);
    assert.deepEqual(globs('^src/features/(?!$1/)[^/]+/', { refs: new Map([[1, '{$1}']]) }), ['src/features/!{$1}/**']);
    const prefix = regexToGlobs('^src/features/(?!$1)[^/]+/', { refs: new Map([[1, '{$1}']]) });
    assert.ok(prefix.ok);
    assert.equal(prefix.exact, false, '(?!$1) also excludes names that start with the captured text');
    // A group that took no part in the match leaves "$1" as is: that alternative matches nothing.
    assert.deepEqual(globs('^src/$1/|^lib/', { refs: new Map() }), ['lib/**']);
    const unbound = regexToGlobs('^src/$1/', { refs: new Map([[1, null]]) });
    assert.equal(unbound.ok, false);
  });

  it('refuses what no glob can say, with the reason', () => {
    const cases: Array<[string, RegExp]> = [
      ['^src/features/(?!\\1)[^/]+/', /back-reference "\\1" is not supported/],
      ['(?<=src)/x', /look-behind is not supported/],
      ['\\bsrc', /word boundary/],
      ['^src/(a|b)+/', /repeated .*group has no glob equivalent/],
      ['^src/(?=a)', /positive look-ahead/],
      ['[', /missing "\]"/],
    ];
    for (const [source, message] of cases) {
      const result = regexToGlobs(source);
      assert.equal(result.ok, false, source);
      if (!result.ok) assert.match(result.message, message, source);
    }
  });
});

describe('subtractGlobs: path minus pathNot', () => {
  const paths = samplePaths();
  const cases: Array<[string | undefined, string, string[]]> = [
    ['^src/', '^src/(entities|gateways)/', ['src/!(entities|gateways)/**', 'src/*']],
    [undefined, '^src/cli|^test/cli', ['!(src|test)/**', 'test/!(cli*)', 'test/!(cli*)/**', 'src/!(cli*)', 'src/!(cli*)/**', '*']],
    ['^src/(?!shared/)', '[.]spec[.]ts$', ['src/!(*.spec.ts)', 'src/!(shared)/**/!(*.spec.ts)']],
    [undefined, '^test/|^tools/|^types/eslint[.]config[.]mjs', ['!(test|tools|types)/**', 'types/!(eslint.config.mjs*)', 'types/!(eslint.config.mjs*)/**', '*']],
    ['^src/(casedata|shared)/', '^src/shared/', ['src/casedata/**']],
    [undefined, '[.]test[.]ts$', ['**/!(*.test.ts)']],
    // minimatch mis-reads a negation ending in a nested group: the names are spelled out.
    ['^src/', '[.](?:spec|test)[.](?:js|ts)$', ['src/**/!(*.spec.js|*.spec.ts|*.test.js|*.test.ts)']],
  ];
  for (const [path, pathNot, expected] of cases) {
    it(`/${path ?? ''}/ minus /${pathNot}/ → ${expected.join(', ')}`, () => {
      const keep = path === undefined ? ['**'] : globs(path);
      const difference = subtractGlobs(keep, globs(pathNot));
      assert.deepEqual(difference.globs, expected);
      assert.deepEqual(difference.notApplied, []);
      const regex = { test: (p: string) => (path === undefined || new RegExp(path).test(p)) && !new RegExp(pathNot).test(p) } as RegExp;
      assert.deepEqual(disagreements(regex, difference.globs, paths), []);
    });
  }

  it('says which exclusions it could not apply (the result is then larger, never smaller)', () => {
    const difference = subtractGlobs(['src*', 'src*/**'], ['**/*.spec.ts']);
    assert.deepEqual(difference.globs, ['src*', 'src*/**/!(*.spec.ts)']);
    assert.deepEqual(difference.notApplied, [{ glob: '**/*.spec.ts', from: 'src*' }]);
    const rooted = subtractGlobs(['**'], ['**/*src/cli/**']);
    assert.deepEqual(rooted.anchored, ['**/*src/cli/**']);
    assert.deepEqual(rooted.globs, ['!(src)/**', 'src/!(cli)/**', '*', 'src/*']);
  });
});
