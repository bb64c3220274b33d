// Loads rules fixtures from test/fixtures/rules/ and states their problems compactly.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { NodeFileSystem } from '../../../src/core/fs/nodeFileSystem';
import { loadRules } from '../../../src/core/rules/loadRules';
import type { ConfigProblem, LoadResult, RulesConfig } from '../../../src/core/model/ruleTypes';

/** Repository root, from out/test/unit/rules/ where the compiled tests run. */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..', __dirname.includes(`${path.sep}out${path.sep}`) ? '..' : '');

export const RULES_FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures', 'rules');

export function rulesFixture(...parts: string[]): string {
  return path.join(RULES_FIXTURES, ...parts);
}

export function loadFixture(...parts: string[]): LoadResult {
  return loadRules(rulesFixture(...parts), new NodeFileSystem());
}

export function loadedConfig(...parts: string[]): RulesConfig {
  const result = loadFixture(...parts);
  assert.deepEqual(result.problems.map(describe), []);
  assert.ok(result.ok);
  return result.config;
}

/** `file:line:column severity message`, file relative to test/fixtures/rules. */
export function describe(problem: ConfigProblem): string {
  const { file, range } = problem.location;
  const rel = path.relative(RULES_FIXTURES, file).split(path.sep).join('/');
  return `${rel}:${range.start.line}:${range.start.column} ${problem.severity} ${problem.message}`;
}

export interface Expected {
  line: number;
  column: number;
  severity?: 'error' | 'warning';
  /** Fragments the message must contain. */
  says: string[];
}

/** Asserts the exact list of problems (in order), each at its position, with its message fragments. */
export function assertProblems(result: LoadResult, file: string, expected: Expected[]): void {
  const all = result.problems.map(describe);
  assert.equal(result.problems.length, expected.length, `problems were:\n${all.join('\n')}`);
  expected.forEach((want, index) => {
    const got = result.problems[index];
    const where = `problem ${index + 1}: ${all[index]}`;
    assert.equal(got.location.file, rulesFixture(file), where);
    assert.deepEqual([got.location.range.start.line, got.location.range.start.column], [want.line, want.column], where);
    assert.equal(got.severity, want.severity ?? 'error', where);
    for (const fragment of want.says) assert.ok(got.message.includes(fragment), `${where}\n  should say: ${fragment}`);
  });
}
