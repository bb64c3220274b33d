import type { CodeLens } from 'vscode-languageserver';
import { toLspRange } from './uris';
import type { ProjectResult } from '../core';

/** The client command a lens runs: VS Code opens the Guardrails view; other editors may ignore it. */
export const SHOW_VIEW_COMMAND = 'guardrails.showView';

/** Above each rule in a rules file: how many violations it has right now (and how many are baselined). */
export function ruleCodeLenses(entries: readonly ProjectResult[], file: string): CodeLens[] {
  const lenses: CodeLens[] = [];
  for (const { project, result } of entries) {
    for (const rule of project.config.rules) {
      if (rule.location.file !== file) continue;
      const mine = result.violations.filter((violation) => violation.ruleId === rule.id);
      const baselined = mine.filter((violation) => violation.baselined).length;
      const open = mine.length - baselined;
      const title = rule.severity === 'off'
        ? 'off'
        : `${open === 0 ? '✓ no violations' : `${open} violation${open === 1 ? '' : 's'}`}${baselined ? ` · ${baselined} baselined` : ''}`;
      lenses.push({ range: toLspRange(rule.location.range), command: { title, command: SHOW_VIEW_COMMAND, arguments: [rule.id] } });
    }
  }
  return lenses;
}
