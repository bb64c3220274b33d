// `check --cache`: each rules file's facts on disk, and its last findings reused when none of the
// checks' inputs changed since the run that stored them. (Debt is each file's own: it comes with
// the file's facts, and is not stored twice.)
import { createHash } from 'node:crypto';
import type { FileSystem } from '../fs/fileSystem';
import type { AnalysisResult, KnownFindings } from '../model/types';
import type { DiskFactsCache } from './diskFactsCache';
import { toStored } from './portablePaths';
import type { GuardrailsProject } from './project';

/**
 * The project's findings: the stored ones when their inputs are the same, else checked afresh and
 * stored. The baseline (`known`, read from `baselineFile`) decides where new cycle findings go, so
 * its text is one of those inputs.
 */
export function checkWithCache(project: GuardrailsProject, cache: DiskFactsCache, fs: FileSystem, today: string, known?: KnownFindings, baselineFile?: string): AnalysisResult {
  const key = checksKey(project, cache, fs, today, known ? baselineFile : undefined);
  const reused = cache.reusableResult(key);
  if (reused) {
    return {
      root: project.root, rulesFile: project.config.file, durationMs: 0, files: project.fileCount,
      violations: reused.violations, debt: project.debtItems(), edges: project.allEdges(),
      notices: [...project.currentNotices(), ...(reused.notices ?? [])], tangles: reused.tangles,
    };
  }
  const checked = project.check(known);
  // The checks' own notices (most cycles through type-only imports); the project's are its own.
  const current = new Set(project.currentNotices());
  cache.storeResult(key, { violations: checked.violations, tangles: checked.tangles, notices: checked.notices.filter((notice) => !current.has(notice)) });
  return checked;
}

/**
 * A digest of everything the checks read: the rules (the text of every file they were loaded
 * from, and the baseline's when it guides them), the day, and each file's path, text (by its
 * digest), whether its facts lack parse errors, and where its imports lead. The
 * engine and the debt policy are the cache's own identity. Paths are relative to the root, so a
 * restored copy elsewhere has the same key.
 */
function checksKey(project: GuardrailsProject, cache: DiskFactsCache, fs: FileSystem, today: string, baselineFile: string | undefined): string {
  const paths = toStored(project.root);
  const sources = [...project.config.sources, ...(baselineFile ? [baselineFile] : [])];
  // One digest update: thousands of small ones cost more than the text.
  const parts = [JSON.stringify([today, sources.map((source) => [paths(source), fs.readFile(source) ?? null])])];
  for (const file of project.filesInOrder()) {
    // Findings from facts read without parse errors do not serve a check that reports them.
    parts.push(`\0${paths(file)}\0${cache.contentHash(file) ?? '?'}${project.readWithoutParseErrors(file) ? '\0scanned' : ''}`);
    for (const edge of project.edgesFrom(file)) parts.push(paths(edge.to));
  }
  return createHash('sha1').update(parts.join('\n')).digest('hex');
}
