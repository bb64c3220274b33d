import * as assert from 'node:assert/strict';
import { compilePattern, hasGlobChars, type CompiledPattern } from '../../../src/core/glob/pattern';

function compiled(source: string): CompiledPattern {
  const result = compilePattern(source);
  if (!result.ok) assert.fail(`"${source}" should compile: ${result.message}`);
  return result.pattern;
}

function rejection(source: string): string {
  const result = compilePattern(source);
  if (result.ok) assert.fail(`"${source}" should be rejected`);
  return result.message;
}

describe('compilePattern', () => {
  it('matches root-relative paths exactly, dot files included', () => {
    const ui = compiled('src/ui/**');
    assert.equal(ui.match('src/ui/button.ts'), true);
    assert.equal(ui.match('src/ui/.hidden/x.ts'), true);
    assert.equal(ui.match('src/uix/button.ts'), false);
    assert.equal(ui.match('lib/src/ui/button.ts'), false);
    assert.equal(compiled('src/ui').match('src/ui/button.ts'), false, 'a plain path is not a directory prefix');
    assert.equal(compiled('**/*.test.ts').match('a/b/c.test.ts'), true);
  });

  it('matches globstars in the middle and at the end as minimatch does', () => {
    const components = compiled('src/**/components/**');
    assert.equal(components.match('src/app/components/Button.tsx'), true);
    assert.equal(components.match('src/components/deep/x.ts'), true);
    assert.equal(components.match('src/app/view.ts'), false);
    assert.equal(compiled('src/**/__tests__/**/*.ts').match('src/a/__tests__/b/c.ts'), true);
    // A trailing /** is what lies below the folder, not the folder (or a file) of that name.
    const features = compiled('src/features/{feature}/**');
    assert.equal(features.match('src/features/index.ts'), false);
    assert.equal(features.capture('src/features/index.ts'), undefined);
    assert.deepEqual(features.capture('src/features/cart/index.ts'), { feature: 'cart' });
  });

  it('keeps brace expansion and character classes', () => {
    const pattern = compiled('src/{ui,app}/**/*.[jt]s');
    assert.deepEqual(pattern.captureNames, []);
    assert.equal(pattern.match('src/ui/a.ts'), true);
    assert.equal(pattern.match('src/app/x/b.js'), true);
    assert.equal(pattern.match('src/domain/a.ts'), false);
    assert.equal(pattern.match('src/ui/a.cs'), false);
    assert.equal(compiled('{src,lib/legacy}/**').match('lib/legacy/x.ts'), true);
  });

  it('captures whole segments with {name}', () => {
    const from = compiled('src/features/{feature}/**');
    assert.deepEqual(from.captureNames, ['feature']);
    assert.deepEqual(from.negatedNames, []);
    assert.equal(from.match('src/features/cart/ui/list.ts'), true);
    assert.deepEqual(from.capture('src/features/cart/ui/list.ts'), { feature: 'cart' });
    assert.equal(from.capture('src/shared/x.ts'), undefined);
  });

  it('compares captures in "to": {name} must equal, !{name} must differ', () => {
    const other = compiled('src/features/!{feature}/**');
    assert.deepEqual(other.captureNames, []);
    assert.deepEqual(other.negatedNames, ['feature']);
    const captures = { feature: 'cart' };
    assert.equal(other.matchWithCaptures('src/features/payments/api.ts', captures), true);
    assert.equal(other.matchWithCaptures('src/features/cart/api.ts', captures), false);
    assert.equal(other.matchWithCaptures('src/shared/api.ts', captures), false);
    assert.equal(other.match('src/features/cart/api.ts'), true, 'match alone treats captures as *');

    const same = compiled('src/features/{feature}/internal/**');
    assert.equal(same.matchWithCaptures('src/features/cart/internal/x.ts', captures), true);
    assert.equal(same.matchWithCaptures('src/features/payments/internal/x.ts', captures), false);
    assert.equal(same.matchWithCaptures('src/features/payments/internal/x.ts', { other: 'y' }), true, 'unknown names act as *');
  });

  it('requires a name used twice to capture the same text', () => {
    const pattern = compiled('{pkg}/src/{pkg}/**');
    assert.deepEqual(pattern.captureNames, ['pkg']);
    assert.deepEqual(pattern.capture('a/src/a/x.ts'), { pkg: 'a' });
    assert.equal(pattern.capture('a/src/b/x.ts'), undefined);
  });

  it('treats a leading capture and a leading !{name} as segments, not negation', () => {
    assert.deepEqual(compiled('{pkg}/**').capture('web/src/x.ts'), { pkg: 'web' });
    assert.equal(compiled('!{pkg}/**').matchWithCaptures('api/x.ts', { pkg: 'web' }), true);
    assert.equal(compiled('!{pkg}/**').matchWithCaptures('web/x.ts', { pkg: 'web' }), false);
  });

  it('accepts a leading ./ and matches as if it were absent', () => {
    assert.equal(compiled('./src/**').match('src/a.ts'), true);
    assert.equal(compiled('./src/**').source, './src/**');
  });

  it('rejects what would silently match nothing, with a message that says why', () => {
    assert.match(rejection(''), /empty pattern/);
    assert.match(rejection('/src/**'), /is absolute/);
    assert.match(rejection('C:/src/**'), /is absolute/);
    assert.match(rejection('src\\ui\\**'), /backslash/);
    assert.match(rejection('src/../lib/**'), /contains "\.\."/);
    assert.match(rejection('src/[ab/**'), /"\[" at column 5 is never closed/);
    assert.match(rejection('src/{a,b/**'), /"\{" is never closed/);
    assert.match(rejection('src/a}/**'), /"\}" at column 6 has no matching "\{"/);
    assert.match(rejection('src/ui/'), /ends with "\/": write "src\/ui\/\*\*"/);
    assert.match(rejection('src//ui'), /empty path segment/);
    assert.match(rejection('!src/**'), /negated patterns are not supported/);
  });

  it('allows captures only where they name a fixed segment, as whole segments', () => {
    assert.match(rejection('src/**/{feature}/x.ts'), /capture "\{feature\}" must come before any "\*\*"/);
    assert.match(rejection('{a,b/c}/{x}/**'), /must come before any/);
    assert.match(rejection('src/{feature}.ts'), /capture "\{feature\}" must be a whole path segment/);
  });
});

describe('hasGlobChars', () => {
  it('tells globs from plain names and paths', () => {
    for (const glob of ['src/**', 'a?.ts', '[ab].ts', '{a,b}', 'src/+(a|b)', '!(x)']) assert.equal(hasGlobChars(glob), true, glob);
    for (const plain of ['domain', 'src/ui', 'index.ts', 'my-layer', 'a!b']) assert.equal(hasGlobChars(plain), false, plain);
  });
});

describe('compilePattern against Minimatch.match', () => {
  it('answers exactly as minimatch does, for every pattern shape and path', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports, @typescript-eslint/consistent-type-imports
    const { Minimatch } = require('minimatch') as typeof import('minimatch');
    const segments = ['src', 'app', '**', '*', '*.ts', 'x?', '{a,b}', '[ab]*', '.hidden'];
    const patterns = new Set<string>();
    for (const a of segments) for (const b of segments) {
      patterns.add(`${a}/${b}`);
      for (const c of segments) patterns.add(`${a}/${b}/${c}`);
    }
    const paths = ['src', 'src/a.ts', 'src/app', 'src/app/x.ts', 'src/app/b/x.ts', 'app/src/a.ts', 'src/.hidden/a.ts', 'a/b', 'b/xy', 'src/app/components/x.ts', 'x1/a.ts', 'a', '.hidden/src/a.ts'];
    let compared = 0;
    for (const source of patterns) {
      const result = compilePattern(source);
      if (!result.ok) continue;
      const reference = new Minimatch(source, { dot: true, nonegate: true, nocomment: true });
      for (const rel of paths) {
        assert.equal(result.pattern.match(rel), reference.match(rel), `${source} against ${rel}`);
        compared++;
      }
    }
    assert.ok(compared > 5000, `${compared} comparisons`);
  });
});
