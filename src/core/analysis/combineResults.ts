// The findings of several rules files as one report (what `check` prints).
import type { AnalysisResult, CacheStats, Violation } from '../model/types';
import { appendAll } from '../util/arrays';

/**
 * Rules-file problems first, then each part in order. Appended item by item: a 50,000-file
 * workspace has hundreds of thousands of edges, and a spread of those into push() overflows the
 * call stack (issue 14).
 */
export function combineResults(root: string, rulesFile: string | undefined, problems: readonly Violation[], parts: readonly AnalysisResult[]): AnalysisResult {
  const result: AnalysisResult = { root, rulesFile, files: 0, durationMs: 0, violations: [...problems], debt: [], edges: [], notices: [] };
  for (const part of parts) {
    result.files += part.files;
    appendAll(result.violations, part.violations);
    appendAll(result.debt, part.debt);
    appendAll(result.edges, part.edges);
    appendAll(result.notices, part.notices);
    if (part.cache) result.cache = addStats(result.cache, part.cache);
    if (part.tangles?.length) appendAll((result.tangles ??= []), part.tangles);
  }
  return result;
}

function addStats(sum: CacheStats | undefined, part: CacheStats): CacheStats {
  if (!sum) return { ...part };
  return {
    reused: sum.reused + part.reused, parsed: sum.parsed + part.parsed, read: sum.read + part.read,
    resolved: sum.resolved + part.resolved, findingsReused: sum.findingsReused && part.findingsReused,
  };
}
