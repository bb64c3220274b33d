import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ViolationsOfProject } from '../../server/protocol';
import type { GuardrailsClient } from '../client/guardrailsClient';
import { toVscodeRange } from '../util/ranges';
import { relativeTarget, toRelative, type CycleStep, type Tangle, type Violation } from '../../core';

type Node =
  | { type: 'rule'; ruleId: string; violations: Violation[]; root: string; baselined: boolean }
  | { type: 'file'; file: string; violations: Violation[]; root: string }
  | { type: 'violation'; violation: Violation; root: string }
  | { type: 'tangles'; tangles: { tangle: Tangle; root: string }[] }
  | { type: 'tangle'; tangle: Tangle; root: string }
  | { type: 'cut'; step: CycleStep; root: string };

/**
 * Violations grouped by rule, then file, with counts; baselined ones in a group of their own.
 * Then the cycle tangles, largest first, each with the imports to cut (a click opens the import).
 */
export class ArchitectureTree implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;
  /** The server's answer, until the analysis changes. */
  private rows: Promise<ViolationsOfProject[]> | undefined;
  private latest: ViolationsOfProject[] = [];
  private readonly fetched = new vscode.EventEmitter<void>();
  /** New rows arrived from the server (the view's totals can be updated). */
  readonly onDidFetch = this.fetched.event;

  constructor(private readonly client: GuardrailsClient) {
    this.subscription = client.onDidChangeStatus(() => {
      this.rows = undefined;
      this.changed.fire(undefined);
    });
  }

  private fetch(): Promise<ViolationsOfProject[]> {
    this.rows ??= this.client.violations().then((rows) => {
      this.latest = rows;
      this.fetched.fire();
      return rows;
    }, () => this.latest);
    return this.rows;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
    this.fetched.dispose();
  }

  /** Totals for the view's description (as last fetched). */
  summary(): string {
    const all = this.latest.flatMap((project) => project.violations);
    const baselined = all.filter((violation) => violation.baselined).length;
    return `${all.length - baselined} open${baselined ? ` · ${baselined} baselined` : ''}`;
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (!node) return this.roots(await this.fetch());
    if (node.type === 'rule') return groupBy(node.violations, (violation) => violation.location.file).map(([file, violations]) => ({ type: 'file', file, violations, root: node.root }));
    if (node.type === 'file') return node.violations.map((violation) => ({ type: 'violation', violation, root: node.root }));
    if (node.type === 'tangles') return node.tangles.map(({ tangle, root }) => ({ type: 'tangle', tangle, root }));
    if (node.type === 'tangle') return node.tangle.cut.map((step) => ({ type: 'cut', step, root: node.root }));
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
      case 'tangles': {
        const item = new vscode.TreeItem('Tangles', vscode.TreeItemCollapsibleState.Expanded);
        item.description = `${node.tangles.length}`;
        item.iconPath = new vscode.ThemeIcon('sync');
        item.tooltip = 'Files that all reach each other through imports, and the imports to cut so that no cycle is left.';
        return item;
      }
      case 'tangle': {
        const { tangle } = node;
        const item = new vscode.TreeItem(`${tangle.files.length} files`, vscode.TreeItemCollapsibleState.Collapsed);
        item.description = `${tangle.ruleId} · ${count(tangle.cycles, 'cycle')} · cut ${count(tangle.cut.length, 'import')}`;
        item.tooltip = tangle.files.map((file) => toRelative(node.root, file)).join('\n');
        return item;
      }
      case 'cut': {
        const { step } = node;
        const item = new vscode.TreeItem(`${toRelative(node.root, step.from)} → ${relativeTarget(node.root, step.to)}`);
        item.description = `line ${step.location.range.start.line}`;
        item.tooltip = 'Cut this import (with any other between the same two files).';
        item.iconPath = new vscode.ThemeIcon('debug-disconnect');
        item.command = { title: 'Open', command: 'vscode.open', arguments: [vscode.Uri.file(step.location.file), { selection: toVscodeRange(step.location.range) }] };
        return item;
      }
    }
  }

  private roots(projects: readonly ViolationsOfProject[]): Node[] {
    const nodes: Node[] = [];
    for (const { root, violations: all } of projects) {
      const open = all.filter((violation) => !violation.baselined);
      const baselined = all.filter((violation) => violation.baselined);
      for (const [ruleId, violations] of groupBy(open, (violation) => violation.ruleId)) nodes.push({ type: 'rule', ruleId, violations, root, baselined: false });
      for (const [ruleId, violations] of groupBy(baselined, (violation) => violation.ruleId)) nodes.push({ type: 'rule', ruleId, violations, root, baselined: true });
    }
    const tangles = projects.flatMap(({ root, tangles: list }) => (list ?? []).map((tangle) => ({ tangle, root })));
    tangles.sort((a, b) => b.tangle.files.length - a.tangle.files.length || a.tangle.files[0].localeCompare(b.tangle.files[0]));
    if (tangles.length > 0) nodes.push({ type: 'tangles', tangles });
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

function count(n: number, one: string): string {
  return `${n} ${n === 1 ? one : `${one}s`}`;
}

function severityIcon(violation: Violation): string {
  return violation.severity === 'error' ? 'error' : violation.severity === 'warning' ? 'warning' : 'info';
}

function severityColor(violation: Violation | undefined): vscode.ThemeColor | undefined {
  if (!violation) return undefined;
  return new vscode.ThemeColor(violation.severity === 'error' ? 'problemsErrorIcon.foreground' : violation.severity === 'warning' ? 'problemsWarningIcon.foreground' : 'problemsInfoIcon.foreground');
}
