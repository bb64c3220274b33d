// `check --cache`: each rules file's facts on disk, and its last findings reused when nothing at all
// changed since the run that stored them (same files, same texts, same rules files).
import { createHash } from 'node:crypto';
import type { FileSystem } from '../fs/fileSystem';
import type { RulesConfig } from '../model/ruleTypes';
import type { AnalysisResult } from '../model/types';
import type { DiskFactsCache } from './diskFactsCache';
import type { GuardrailsProject } from './project';

/** The project's findings: the stored ones when the cache vouches nothing changed, else checked afresh and stored. */
export function checkWithCache(project: GuardrailsProject, cache: DiskFactsCache, fs: FileSystem): AnalysisResult {
  const rulesKey = rulesFingerprint(project.config, fs);
  const reused = cache.reusableResult(rulesKey);
  if (reused) return { root: project.root, rulesFile: project.config.file, durationMs: 0, ...reused, files: project.fileCount, edges: project.allEdges() };
  const checked = project.check();
  cache.storeResult(rulesKey, { violations: checked.violations, debt: checked.debt, notices: checked.notices });
  return checked;
}

/** The rules files' own text: findings from another version of the rules are never reused. */
function rulesFingerprint(config: RulesConfig, fs: FileSystem): string {
  const hash = createHash('sha1');
  for (const source of config.sources) hash.update(source).update('\0').update(fs.readFile(source) ?? '').update('\0');
  return hash.digest('hex');
}
