import * as path from 'node:path';
import type { CliIo } from '../output';
import { createBaseline, writeBaselineAtomic, type AnalysisResult, type GuardrailsProject } from '../../core';

/**
 * `--update-baseline`: records every current rule finding as known. Each rules file keeps its own
 * baseline (paths relative to its root); an explicit `--baseline FILE` takes them all, relative to
 * the report's root. Returns the exit code.
 */
export function updateBaselines(result: AnalysisResult, projects: readonly GuardrailsProject[], explicitFile: string | undefined, io: CliIo): number {
  const targets = explicitFile
    ? [{ file: explicitFile, root: result.root, violations: result.violations, ruleIds: projects.flatMap((p) => p.config.rules.map((r) => r.id)) }]
    : projects.map((project) => ({
        file: project.config.baseline ?? path.join(project.root, '.guardrails', 'baseline.json'),
        root: project.root,
        violations: result.violations.filter((v) => project.governs(v.location.file)),
        ruleIds: project.config.rules.map((rule) => rule.id),
      }));
  for (const target of targets) {
    const baseline = createBaseline(target.violations, target.root, { ruleIds: target.ruleIds });
    const written = writeBaselineAtomic(target.file, baseline);
    const shown = path.relative(io.cwd, target.file) || target.file;
    if (!written.ok) {
      io.stderr.write(`guardrails: cannot write the baseline ${shown}: ${written.message}\n`);
      return 2;
    }
    const count = baseline.violations.reduce((sum, entry) => sum + entry.count, 0);
    io.stderr.write(`guardrails: wrote ${count} known violation(s) to ${shown}\n`);
  }
  return 0;
}
