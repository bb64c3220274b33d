// Globs from a rules file cannot hold a run: matching takes at most about (glob length × path
// length) steps, and what would expand without bound is turned away with a message.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Minimatch } from 'minimatch';
import { compilePattern } from '../../../src/core/glob/pattern';
import { matchName, nameGlobProblem } from '../../../src/core/glob/globMatcher';
import { segmentWork } from '../../../src/core/glob/segmentMatcher';
import { NodeFileSystem } from '../../../src/core/fs/nodeFileSystem';
import { loadRules } from '../../../src/core/rules/loadRules';

/** Segment-matching steps `run` takes. */
function stepsOf(run: () => void): number {
  const before = segmentWork.steps;
  run();
  return segmentWork.steps - before;
}

function rejection(source: string): string {
  const result = compilePattern(source);
  if (result.ok) assert.fail(`"${source}" should be rejected`);
  return result.message;
}

describe('globs: bounded work per path', function () {
  // Before the bounded matcher, the first case alone took 22 s: these guard against a hang, the
  // assertions below count steps.
  this.timeout(10_000);

  it('matches many stars against a long name in at most (glob × name) steps', () => {
    const source = '**/*a*a*a*a*a*a*a*a*a*a*a*b';
    const pattern = compilePattern(source);
    assert.ok(pattern.ok);
    for (const length of [42, 200, 2000]) {
      const rel = `src/${'a'.repeat(length)}`;
      const steps = stepsOf(() => assert.equal(pattern.pattern.match(rel), false));
      assert.ok(steps <= source.length * rel.length, `${steps} steps for a ${length}-character name`);
    }
    const hit = compilePattern('**/*a*a*b');
    assert.ok(hit.ok);
    assert.equal(hit.pattern.match(`src/${'a'.repeat(50)}b`), true);
  });

  it('matches name globs (toPackages, ignore) in bounded steps, as minimatch answers', () => {
    const glob = '*a*a*a*a*a*a*a*a*a*a*a*b';
    const name = 'a'.repeat(5000);
    const steps = stepsOf(() => assert.equal(matchName(name, glob), false));
    assert.ok(steps <= glob.length * name.length, `${steps} steps`);
    const names = ['lodash', 'lodash/fp', '@aws-sdk/client-s3', '@aws-sdk', '.hidden', 'virtual:routes', '../up/x', './a/b', 'a/./b', 'fs', 'node:fs'];
    const globs = ['lodash', 'lodash*', 'lodash/**', '@aws-sdk/*', '@aws-sdk/**', '*', '**', '.*', 'virtual:*', '!virtual:*', '#x', '../**', './a/*', 'a/*/b', '{fs,path}', 'node:*', '[ln]*', '**/x'];
    for (const g of globs) {
      for (const n of names) assert.equal(matchName(n, g), new Minimatch(g).match(n), `${g} against ${n}`);
    }
  });

  it('turns away a brace expansion past 256 alternatives, saying so', () => {
    assert.match(rejection(`src/${'{a,b}'.repeat(40)}`), /the braces expand to more than 256 alternatives/);
    assert.match(rejection('src/{1..100000}/**'), /more than 256 alternatives/);
    assert.match(rejection(`src/${'{'.repeat(300)}a${'}'.repeat(300)}`), /.+/, 'deep nesting is an answer, not a stack overflow');
    assert.equal(compilePattern(`src/${'{a,b}'.repeat(8)}/**`).ok, true, '256 alternatives are fine');
    assert.match(nameGlobProblem('{a,b}'.repeat(9)) ?? '', /more than 256/);
  });

  it('turns away globs longer than 1000 characters and the extended globs that repeat', () => {
    assert.match(rejection(`src/${'x'.repeat(1000)}`), /at most 1000 characters/);
    assert.match(rejection('src/+(a|b)/**'), /"\+\(" at column 5 is an extended glob that repeats, which is not supported: write alternatives as "@\(a\|b\)" or "\{a,b\}"/);
    assert.match(rejection('src/*(a)/**'), /"\*\(" at column 5 is an extended glob that repeats/);
    assert.match(rejection('src/x!(a)/**'), /"!\(" at column 6 must be a whole path segment, as in "src\/!\(shared\)\/\*\*"/);
    assert.match(rejection('src/@(a|@(b|c))/**'), /may not hold "\("/);
    assert.match(rejection('src/@(a||b)/**'), /has an empty alternative/);
    assert.match(rejection('src/@(a|b/**'), /"@\(" at column 5 is never closed with "\)"/);
    assert.match(nameGlobProblem('@(pg|mysql)') ?? '', /extended glob/, 'package and specifier globs take braces');
    assert.equal(compilePattern('app/(group)/**').ok, true, 'parentheses alone are literal, as in route groups');
  });

  it('reads "@(a|b)" as braces and a whole-segment "!(a|b)" as any other name, as minimatch does', () => {
    const globs = ['src/@(a|b)/**', '**/*.@(spec|test).@(ts|js)', 'src/!(shared|app)/**', 'src/!(*.spec.ts)', 'src/**/!(*.test.ts|*.spec.ts)', 'src/*/@(domain|services)/**'];
    const paths = ['src/a/x.ts', 'src/b/c/x.ts', 'src/c/x.ts', 'src/shared/x.ts', 'src/sharedx/x.ts', 'src/app/x.ts', 'src/x.spec.ts', 'src/x.ts',
      'src/y/x.test.ts', 'src/y/x.test.js', 'lib/x.spec.js', 'src/.hidden/x.ts', 'src/f/domain/x.ts', 'src/f/services/x.ts', 'src/f/ui/x.ts', 'src/a'];
    for (const glob of globs) {
      const ours = compilePattern(glob);
      assert.ok(ours.ok, glob);
      const reference = new Minimatch(glob, { dot: true });
      for (const rel of paths) assert.equal(ours.pattern.match(rel), reference.match(rel), `${glob} against ${rel}`);
    }
    // minimatch reads a leading "!" as "not the pattern"; here "!(" opens a negated segment.
    const top = compilePattern('!(test|tools)/**');
    assert.ok(top.ok);
    assert.deepEqual(['src/x.ts', 'test/x.ts', 'tools/a/b.ts', 'x.ts'].map((rel) => top.pattern.match(rel)), [true, false, false, false]);
  });

  it('reports a bad specifier glob in no-unresolved "ignore" where it is written', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guardrails-ignore-'));
    const file = path.join(dir, 'guardrails.json');
    fs.writeFileSync(file, '{\n  "rules": [\n    { "id": "u", "kind": "no-unresolved", "ignore": ["virtual:*", "+(a|b)"] }\n  ]\n}\n');
    const result = loadRules(file, new NodeFileSystem());
    const messages = result.problems.map((p) => `${p.location.range.start.line}:${p.location.range.start.column} ${p.message}`);
    assert.deepEqual(messages, ['3:67 "+(a|b)": "+(" at column 1 is an extended glob, which is not supported: write alternatives with braces, as in "{a,b}" (specifier glob)']);
  });
});
