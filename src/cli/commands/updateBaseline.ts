import * as path from 'node:path';
import type { CliIo } from '../output';
import {
  baselineFileOf, baselineToReplace, createBaseline, isInside, NodeFileSystem, normalizeBaseline, toRelative, writeBaselineAtomic,
  type AnalysisResult, type FileSystem, type GuardrailsProject,
} from '../../core';

/**
 * `--update-baseline`: records every current rule finding as known. Each rules file keeps its own
 * baseline (paths relative to its root); an explicit `--baseline FILE` takes them all, relative to
 * the report's root. Only a missing, empty or Guardrails-written baseline is replaced, and the
 * entries of files that could not be read are kept as they were. Returns the exit code.
 */
export function updateBaselines(result: AnalysisResult, projects: readonly GuardrailsProject[], explicitFile: string | undefined, io: CliIo, fs: FileSystem = new NodeFileSystem()): number {
  const shown = (file: string): string => path.relative(io.cwd, file) || file;
  const targets: { file: string; root: string; violations: AnalysisResult['violations']; ruleIds: string[] }[] = [];
  if (explicitFile) {
    targets.push({ file: explicitFile, root: result.root, violations: result.violations, ruleIds: projects.flatMap((p) => p.config.rules.map((r) => r.id)) });
  } else {
    for (const project of projects) {
      const target = baselineFileOf(project.config, fs);
      if (!target.ok) {
        io.stderr.write(`guardrails: ${target.message}\n`);
        return 2;
      }
      targets.push({
        file: target.file,
        root: project.root,
        violations: result.violations.filter((v) => project.governs(v.location.file)),
        ruleIds: project.config.rules.map((rule) => rule.id),
      });
    }
  }
  const unreadable = result.notices.filter((notice) => notice.unreadable && notice.file !== undefined).map((notice) => notice.file!);
  for (const target of targets) {
    const replaceable = baselineToReplace(target.file, fs);
    if (!replaceable.ok) {
      io.stderr.write(`guardrails: ${replaceable.message.replace(target.file, shown(target.file))}\n`);
      return 2;
    }
    // A file that could not be read has unknown findings: its known ones stay known.
    const unread = new Set(unreadable.filter((file) => isInside(target.root, file)).map((file) => toRelative(target.root, file)));
    const kept = replaceable.previous.violations.filter((entry) => unread.has(entry.file));
    const created = createBaseline(target.violations, target.root, { ruleIds: target.ruleIds });
    const baseline = normalizeBaseline({ version: created.version, violations: [...created.violations, ...kept] });
    const written = writeBaselineAtomic(target.file, baseline);
    if (!written.ok) {
      io.stderr.write(`guardrails: cannot write the baseline ${shown(target.file)}: ${written.message}\n`);
      return 2;
    }
    const count = baseline.violations.reduce((sum, entry) => sum + entry.count, 0);
    const keptCount = kept.reduce((sum, entry) => sum + entry.count, 0);
    const keptNote = keptCount > 0 ? ` (${keptCount} kept from ${unread.size} file(s) that could not be read)` : '';
    io.stderr.write(`guardrails: wrote ${count} known violation(s) to ${shown(target.file)}${keptNote}\n`);
  }
  return 0;
}
