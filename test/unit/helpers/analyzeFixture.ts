import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { analyzeDirectory, type AnalyzeOptions } from '../../../src/core/analysis/analyze';
import type { AnalysisResult, Violation } from '../../../src/core/model/types';
import { toRelative } from '../../../src/core/util/paths';

/** Repository root, from the compiled test's location (out/test/unit/helpers) or the source's. */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..', __dirname.includes(`${path.sep}out${path.sep}`) ? '..' : '');

export function fixturePath(...parts: string[]): string {
  return path.join(REPO_ROOT, 'test', 'fixtures', ...parts);
}

export async function analyzeFixture(parts: string[], options: AnalyzeOptions = {}): Promise<AnalysisResult> {
  const outcome = await analyzeDirectory(fixturePath(...parts), { today: '2026-11-27', ...options });
  if (!outcome.ok) assert.fail(`analysis failed: ${outcome.message}\n${outcome.problems.map((p) => p.message).join('\n')}`);
  return outcome.result;
}

/** `ruleId file:line:col -> target`: one string per finding, easy to compare exactly. */
export function describeViolation(result: AnalysisResult, violation: Violation): string {
  const file = toRelative(result.root, violation.location.file);
  const { line, column } = violation.location.range.start;
  const to = violation.to && path.isAbsolute(violation.to) ? toRelative(result.root, violation.to) : violation.to;
  return `${violation.ruleId} ${file}:${line}:${column}${to ? ` -> ${to}` : ''}`;
}

export function describeAll(result: AnalysisResult, filter: (v: Violation) => boolean = () => true): string[] {
  return result.violations.filter(filter).map((v) => describeViolation(result, v)).sort();
}
