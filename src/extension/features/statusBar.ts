import * as vscode from 'vscode';
import type { GuardrailsClient } from '../client/guardrailsClient';
import { COMMANDS } from '../commands/commandIds';
import { DisposableStore } from '../util/dispose';

/** Error, warning and debt counts, and the analysis state; a click opens the Guardrails view. */
export class StatusBar extends DisposableStore {
  private readonly item = this.register(vscode.window.createStatusBarItem('guardrails.status', vscode.StatusBarAlignment.Left, 50));

  constructor(private readonly client: GuardrailsClient) {
    super();
    this.item.name = 'Guardrails';
    this.item.command = COMMANDS.showView;
    this.register(client.onDidChangeStatus(() => this.render()));
    this.render();
    this.item.show();
  }

  get text(): string {
    return this.item.text;
  }

  /** The tooltip as a user reads it (Markdown source). */
  get tooltipText(): string {
    const tooltip = this.item.tooltip;
    return typeof tooltip === 'string' ? tooltip : tooltip?.value ?? '';
  }

  private render(): void {
    const { state, errors, warnings, debt, overdue, rulesBroken, notices } = this.client.status;
    const icon = state === 'analysing' ? '$(sync~spin)' : rulesBroken || state === 'failed' ? '$(warning)' : '$(shield)';
    this.item.text = `${icon} $(error) ${errors} $(warning) ${warnings} · ${debt} debt`;
    this.item.backgroundColor = rulesBroken || state === 'failed' ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    const lines = [
      state === 'analysing' ? 'Guardrails: analysing…' : 'Guardrails',
      `${errors} error(s), ${warnings} warning(s) · ${debt} debt item(s), ${overdue} overdue`,
    ];
    if (rulesBroken) lines.push('The rules file has errors: showing the last good analysis. See Problems.');
    if (state === 'failed') lines.push('The last analysis failed: see the Guardrails output.');
    for (const notice of notices.slice(0, 3)) lines.push(`⚠ ${notice.message}`);
    if (notices.length > 3) lines.push(`…and ${notices.length - 3} more in the Guardrails output.`);
    // The tooltip's links run commands: only these two are trusted.
    const tooltip = new vscode.MarkdownString(lines.map(escapeMarkdown).join('  \n'), true);
    tooltip.isTrusted = { enabledCommands: [COMMANDS.showView, COMMANDS.openDashboard] };
    tooltip.appendMarkdown(`\n\n[$(dashboard) Open Dashboard](command:${COMMANDS.openDashboard}) · [$(shield) Show View](command:${COMMANDS.showView})`);
    this.item.tooltip = tooltip;
  }
}

/** Notices quote file names and messages: shown as text, not as Markdown. */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>$]/g, (ch) => `\\${ch}`);
}
