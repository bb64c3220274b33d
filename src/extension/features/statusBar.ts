import * as vscode from 'vscode';
import type { AnalysisService } from '../analysis/analysisService';
import { COMMANDS } from '../commands/commandIds';
import { DisposableStore } from '../util/dispose';

/** Error, warning and debt counts, and the analysis state; a click opens the Guardrails view. */
export class StatusBar extends DisposableStore {
  private readonly item = this.register(vscode.window.createStatusBarItem('guardrails.status', vscode.StatusBarAlignment.Left, 50));

  constructor(private readonly service: AnalysisService) {
    super();
    this.item.name = 'Guardrails';
    this.item.command = COMMANDS.showView;
    this.register(service.onDidChange(() => this.render()));
    this.register(service.onDidChangeState(() => this.render()));
    this.render();
    this.item.show();
  }

  get text(): string {
    return this.item.text;
  }

  private render(): void {
    const results = this.service.results().map((entry) => entry.result);
    const live = results.flatMap((result) => result.violations.filter((violation) => !violation.baselined));
    const errors = live.filter((violation) => violation.severity === 'error').length;
    const warnings = live.filter((violation) => violation.severity === 'warning').length;
    const debt = results.reduce((sum, result) => sum + result.debt.length, 0);
    const overdue = results.reduce((sum, result) => sum + result.debt.filter((item) => item.overdue).length, 0);
    const rulesBroken = this.service.folderAnalyses().some((folder) => folder.rulesProblems.some((problem) => problem.severity === 'error'));
    const state = this.service.state;

    const icon = state === 'analysing' ? '$(sync~spin)' : rulesBroken || state === 'failed' ? '$(warning)' : '$(shield)';
    this.item.text = `${icon} $(error) ${errors} $(warning) ${warnings} · ${debt} debt`;
    this.item.backgroundColor = rulesBroken || state === 'failed' ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    const lines = [
      state === 'analysing' ? 'Guardrails: analysing…' : 'Guardrails',
      `${errors} error(s), ${warnings} warning(s) · ${debt} debt item(s), ${overdue} overdue`,
    ];
    if (rulesBroken) lines.push('The rules file has errors: showing the last good analysis. See Problems.');
    if (state === 'failed') lines.push('The last analysis failed: see the Guardrails output.');
    const notices = this.service.folderAnalyses().flatMap((folder) => folder.notices()).filter((notice) => notice.level === 'warning');
    for (const notice of notices.slice(0, 3)) lines.push(`⚠ ${notice.message}`);
    if (notices.length > 3) lines.push(`…and ${notices.length - 3} more in the Guardrails output.`);
    this.item.tooltip = lines.join('\n');
  }
}
