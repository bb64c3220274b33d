import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Violation } from '../../core/model/types';
import type { AnalysisService } from '../analysis/analysisService';
import { toVscodeRange } from '../diagnostics/convert';
import { toRelative } from '../../core/util/paths';

type Node =
  | { type: 'rule'; ruleId: string; violations: Violation[]; root: string; baselined: boolean }
  | { type: 'file'; file: string; violations: Violation[]; root: string }
  | { type: 'violation'; violation: Violation; root: string };

/** Violations grouped by rule, then file, with counts; baselined ones in a group of their own. */
export class ArchitectureTree implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly service: AnalysisService) {
    this.subscription = service.onDidChange(() => this.changed.fire(undefined));
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }

  /** Totals for the view's description. */
  summary(): string {
    const all = this.violations();
    const baselined = all.filter((violation) => violation.baselined).length;
    return `${all.length - baselined} open${baselined ? ` · ${baselined} baselined` : ''}`;
  }

  getChildren(node?: Node): Node[] {
    if (!node) return this.roots();
    if (node.type === 'rule') return groupBy(node.violations, (violation) => violation.location.file).map(([file, violations]) => ({ type: 'file', file, violations, root: node.root }));
    if (node.type === 'file') return node.violations.map((violation) => ({ type: 'violation', violation, root: node.root }));
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    switch (node.type) {
      case 'rule': {
        const label = node.baselined ? `Baselined: ${node.ruleId}` : node.ruleId;
        const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Expanded);
        item.description = `${node.violations.length}`;
        item.iconPath = new vscode.ThemeIcon(node.baselined ? 'archive' : severityIcon(node.violations[0]), severityColor(node.baselined ? undefined : node.violations[0]));
        item.contextValue = 'guardrails.rule';
        return item;
      }
      case 'file': {
        const item = new vscode.TreeItem(vscode.Uri.file(node.file), vscode.TreeItemCollapsibleState.Collapsed);
        item.description = `${toRelative(node.root, path.dirname(node.file))} · ${node.violations.length}`;
        return item;
      }
      case 'violation': {
        const { violation } = node;
        const item = new vscode.TreeItem(`${violation.location.range.start.line}:${violation.location.range.start.column}  ${violation.message}`);
        item.tooltip = violation.why ? `${violation.message}\n\nWhy: ${violation.why}` : violation.message;
        item.command = { title: 'Open', command: 'vscode.open', arguments: [vscode.Uri.file(violation.location.file), { selection: toVscodeRange(violation.location.range) }] };
        item.contextValue = 'guardrails.violation';
        return item;
      }
    }
  }

  private violations(): Violation[] {
    return this.service.results().flatMap((entry) => entry.result.violations);
  }

  private roots(): Node[] {
    const nodes: Node[] = [];
    for (const { project, result } of this.service.results()) {
      const open = result.violations.filter((violation) => !violation.baselined);
      const baselined = result.violations.filter((violation) => violation.baselined);
      for (const [ruleId, violations] of groupBy(open, (violation) => violation.ruleId)) nodes.push({ type: 'rule', ruleId, violations, root: project.root, baselined: false });
      for (const [ruleId, violations] of groupBy(baselined, (violation) => violation.ruleId)) nodes.push({ type: 'rule', ruleId, violations, root: project.root, baselined: true });
    }
    return nodes;
  }
}

export function groupBy<T>(items: readonly T[], key: (item: T) => string): [string, T[]][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const list = groups.get(key(item));
    if (list) list.push(item);
    else groups.set(key(item), [item]);
  }
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b));
}

function severityIcon(violation: Violation): string {
  return violation.severity === 'error' ? 'error' : violation.severity === 'warning' ? 'warning' : 'info';
}

function severityColor(violation: Violation | undefined): vscode.ThemeColor | undefined {
  if (!violation) return undefined;
  return new vscode.ThemeColor(violation.severity === 'error' ? 'problemsErrorIcon.foreground' : violation.severity === 'warning' ? 'problemsWarningIcon.foreground' : 'problemsInfoIcon.foreground');
}
