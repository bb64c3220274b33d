// The glob and capture matcher on generated patterns and paths: never throws, bounded work per
// match, and minimatch's answers on everything both support.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { Minimatch } from 'minimatch';
import { compilePattern } from '../../../src/core/glob/pattern';
import { matchName } from '../../../src/core/glob/globMatcher';
import { segmentWork } from '../../../src/core/glob/segmentMatcher';
import { describeCounts, holds } from './propertyKit';

const TOKENS = ['a', 'b', 'ab', '.', '-', '*', '?', '[ab]', '[!a]', '[a-c]', '{a,b}', '{a,}', '{b,a*}', '*a', 'a*b'];
const segment = fc.array(fc.constantFrom(...TOKENS), { minLength: 1, maxLength: 4 }).map((tokens) => tokens.join(''));
const patternArb = fc.array(fc.oneof({ weight: 4, arbitrary: segment }, { weight: 1, arbitrary: fc.constant('**') }), { minLength: 1, maxLength: 5 })
  .map((segments) => segments.join('/'));
const pathSegment = fc.constantFrom('a', 'b', 'ab', 'ba', 'aab', '.a', 'a.b', 'x', 'c', '-');
const pathArb = fc.array(pathSegment, { minLength: 1, maxLength: 6 }).map((segments) => segments.join('/'));

/** Work allowed for one match: proportional to the glob's expanded size times the path's length. */
function stepBound(pattern: string, rel: string): number {
  const alternatives = (pattern.match(/\{[^}]*\}/g) ?? []).reduce((n, group) => n * group.split(',').length, 1);
  return 4 * alternatives * (pattern.length + 2) * (rel.length + 2);
}

const NAMES = [
  'globs: agree with minimatch on paths',
  'globs: any text as a pattern',
  'globs: name globs agree with minimatch',
  'globs: captures read back the segments they match',
];

describe('properties: the glob and capture matcher', function () {
  this.timeout(60_000);
  after(() => console.log(`      runs: ${describeCounts(NAMES)}`));

  it('answers as minimatch does, within (glob × path) steps', () => {
    holds(NAMES[0], fc.tuple(patternArb, fc.array(pathArb, { minLength: 1, maxLength: 8 })), 1500, ([pattern, paths]) => {
      const compiled = compilePattern(pattern);
      if (!compiled.ok) {
        assert.ok(compiled.message.length > 0);
        return;
      }
      // A leading ./ is dropped on purpose (globs are relative to the rules file's folder).
      const reference = new Minimatch(pattern.replace(/^\.\//, ''), { dot: true, nonegate: true, nocomment: true });
      for (const rel of paths) {
        const before = segmentWork.steps;
        assert.equal(compiled.pattern.match(rel), reference.match(rel), `${pattern} against ${rel}`);
        assert.ok(segmentWork.steps - before <= stepBound(pattern, rel), `${segmentWork.steps - before} steps for ${pattern} against ${rel}`);
      }
    });
  });

  it('takes any text as a pattern: a glob or a message, and matching never throws', () => {
    const text = fc.oneof(fc.string({ maxLength: 40, unit: 'binary' }), fc.array(fc.constantFrom('{', '}', ',', '[', ']', '!', '(', ')', '*', '/', '..', '\\', 'a', '{x}', '@(', '1..9'), { maxLength: 20 }).map((p) => p.join('')));
    holds(NAMES[1], fc.tuple(text, pathArb), 1500, ([pattern, rel]) => {
      const compiled = compilePattern(pattern);
      if (!compiled.ok) {
        assert.ok(compiled.message.length > 0 && compiled.message.length < 400, compiled.message);
        return;
      }
      compiled.pattern.match(rel);
      compiled.pattern.capture(rel);
      compiled.pattern.matchWithCaptures(rel, { x: 'a' });
    });
  });

  it('matches package names and specifiers as minimatch does by default (dot off, ! negates)', () => {
    const nameGlob = fc.tuple(fc.constantFrom('', '!', '#', '@s/', './', '../'), patternArb).map(([prefix, p]) => prefix + p);
    const name = fc.tuple(fc.constantFrom('', '@s/', './', '../', 'node:'), pathArb).map(([prefix, p]) => prefix + p);
    holds(NAMES[2], fc.tuple(nameGlob, fc.array(name, { minLength: 1, maxLength: 6 })), 1000, ([glob, names]) => {
      const reference = new Minimatch(glob);
      for (const n of names) assert.equal(matchName(n, glob), reference.match(n), `${glob} against ${n}`);
    });
  });

  it('captures: each {name} reads the segment it matched, and !{name} refuses that same value', () => {
    const captured = fc.tuple(fc.array(fc.constantFrom('src', 'a', '*', '[ab]'), { maxLength: 2 }), patternArb);
    holds(NAMES[3], fc.tuple(captured, pathArb), 1000, ([[prefix, rest], rel]) => {
      const source = [...prefix, '{x}', rest].join('/');
      const negated = [...prefix, '!{x}', rest].join('/');
      const pattern = compilePattern(source);
      const other = compilePattern(negated);
      if (!pattern.ok || !other.ok) return;
      const captures = pattern.pattern.capture(rel);
      if (captures === undefined) return;
      assert.equal(captures.x, rel.split('/')[prefix.length]);
      assert.equal(pattern.pattern.matchWithCaptures(rel, captures), true);
      assert.equal(other.pattern.matchWithCaptures(rel, captures), false);
    });
  });
});
