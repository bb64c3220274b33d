import * as path from 'node:path';
import type { CliIo } from '../output';
import {
  NodeFileSystem, projectBaselineTarget, writeBaselineFor,
  type AnalysisResult, type BaselineTarget, type FileSystem, type GuardrailsProject,
} from '../../core';

/**
 * `--update-baseline`: records every current rule finding as known. Each rules file keeps its own
 * baseline (paths relative to its root); an explicit `--baseline FILE` takes them all, relative to
 * the report's root. Returns the exit code.
 */
export function updateBaselines(result: AnalysisResult, projects: readonly GuardrailsProject[], explicitFile: string | undefined, io: CliIo, fs: FileSystem = new NodeFileSystem()): number {
  const shown = (file: string): string => path.relative(io.cwd, file) || file;
  const targets: BaselineTarget[] = [];
  if (explicitFile) {
    targets.push({ file: explicitFile, root: result.root, violations: result.violations, ruleIds: projects.flatMap((p) => p.config.rules.map((r) => r.id)) });
  } else {
    for (const project of projects) {
      const target = projectBaselineTarget(project.config, result.violations.filter((v) => project.governs(v.location.file)), fs);
      if (!target.ok) {
        io.stderr.write(`guardrails: ${target.message}\n`);
        return 2;
      }
      targets.push(target.target);
    }
  }
  for (const target of targets) {
    const written = writeBaselineFor(target, result.notices, fs);
    if (!written.ok) {
      io.stderr.write(`guardrails: ${written.message.replace(target.file, shown(target.file))}\n`);
      return 2;
    }
    const keptNote = written.kept > 0 ? ` (${written.kept} kept from ${written.unreadFiles} file(s) that could not be read)` : '';
    io.stderr.write(`guardrails: wrote ${written.count} known violation(s) to ${shown(target.file)}${keptNote}\n`);
  }
  return 0;
}
