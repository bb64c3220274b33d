import * as vscode from 'vscode';
import type { DebtRow } from '../../server/protocol';
import type { GuardrailsClient } from '../client/guardrailsClient';
import { toVscodeRange } from '../util/ranges';
import { groupBy } from './architectureTree';
import { describeFilter, formatHours, NO_FILTER, passesFilter, type DebtFilter, type DebtGrouping, type DebtSort } from './debtFilters';
import { toRelative } from '../../core';

type Entry = DebtRow;

type Node = { type: 'group'; label: string; entries: Entry[] } | { type: 'item'; entry: Entry };

/** The debt in the code, grouped by owner, tag, file or window, with filters and totals. */
export class DebtTree implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];
  grouping: DebtGrouping = 'owner';
  filter: DebtFilter = NO_FILTER;
  sort: DebtSort = 'position';
  /** The server's answer, until the analysis changes (or more debt ages are known). */
  private rows: Promise<DebtRow[]> | undefined;
  private latest: DebtRow[] = [];
  private readonly fetched = new vscode.EventEmitter<void>();
  /** New rows arrived from the server (the view's totals can be updated). */
  readonly onDidFetch = this.fetched.event;

  constructor(private readonly client: GuardrailsClient, private readonly me: () => string | undefined) {
    this.subscriptions = [client.onDidChangeStatus(() => {
      this.rows = undefined;
      this.refresh();
    })];
  }

  private fetch(): Promise<DebtRow[]> {
    this.rows ??= this.client.debt().then((rows) => {
      this.latest = rows;
      this.fetched.fire();
      return rows;
    }, () => this.latest);
    return this.rows;
  }

  /** Every tag in the debt, for the filter's choices. */
  async tags(): Promise<string[]> {
    return [...new Set((await this.fetch()).map((row) => row.item.tag))].sort();
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.changed.dispose();
    this.fetched.dispose();
  }

  refresh(): void {
    this.changed.fire(undefined);
  }

  /** "12 items · 8.5d (mine, overdue)" for the view's description (as last fetched). */
  summary(): string {
    const entries = this.filtered(this.latest);
    const hours = entries.reduce((sum, entry) => sum + (entry.item.estimateHours ?? 0), 0);
    const filter = describeFilter(this.filter);
    const sort = this.sortLabel;
    return `${entries.length} item${entries.length === 1 ? '' : 's'}${hours ? ` · ${formatHours(hours)}` : ''}${sort ? ` · ${sort}` : ''}${filter ? ` (${filter})` : ''}`;
  }

  private filtered(rows: readonly DebtRow[]): Entry[] {
    const me = this.me();
    return rows.filter((entry) => passesFilter(entry.item, this.filter, me, entry.windows.length > 0));
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (node?.type === 'group') return node.entries.map((entry) => ({ type: 'item', entry }));
    if (node) return [];
    const groups = groupBy(this.filtered(await this.fetch()).flatMap((entry) => this.keys(entry).map((key) => ({ key, entry }))), (pair) => pair.key);
    const nodes = groups.map(([label, pairs]): Node & { type: 'group' } => ({ type: 'group', label, entries: pairs.map((pair) => pair.entry) }));
    if (this.sort === 'hot') {
      // Paying debt where the code changes most pays most: the groups and items that changed most first.
      for (const node of nodes) node.entries.sort((a, b) => (b.changes ?? 0) - (a.changes ?? 0));
      nodes.sort((a, b) => changesOf(b.entries) - changesOf(a.entries));
    }
    return nodes;
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.type === 'group') {
      const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Expanded);
      const hours = node.entries.reduce((sum, entry) => sum + (entry.item.estimateHours ?? 0), 0);
      item.description = `${node.entries.length}${hours ? ` · ${formatHours(hours)}` : ''}`;
      item.iconPath = new vscode.ThemeIcon(this.grouping === 'owner' ? 'person' : this.grouping === 'tag' ? 'tag' : this.grouping === 'window' ? 'calendar' : 'file');
      return item;
    }
    const { item, root } = node.entry;
    const treeItem = new vscode.TreeItem(item.text || `(${item.tag} with no text)`);
    const age = node.entry.ageDays;
    const changes = node.entry.changes;
    treeItem.description = [
      this.sort === 'hot' && changes !== undefined && `${changes} change${changes === 1 ? '' : 's'}`,
      item.tag,
      item.ticket,
      item.due && (item.overdue ? `overdue ${item.due}` : `due ${item.due}`),
      item.estimate && `est ${item.estimate}`,
      age !== undefined && `${age}d old`,
    ].filter(Boolean).join(' · ');
    treeItem.tooltip = new vscode.MarkdownString(
      `**${item.tag}** ${item.text}\n\n${toRelative(root, item.file)}:${item.range.start.line}` +
      `${item.owner ? `\n\nowner: ${item.owner}` : ''}${item.ticket ? `\n\nticket: ${item.ticket}` : ''}${item.due ? `\n\ndue: ${item.due}` : ''}` +
      `${changes !== undefined ? `\n\nits file changed in ${changes} commit${changes === 1 ? '' : 's'} of the last 90 days` : ''}`,
    );
    treeItem.iconPath = item.overdue
      ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsErrorIcon.foreground'))
      : new vscode.ThemeIcon('note');
    treeItem.contextValue = item.overdue ? 'guardrails.debt.overdue' : 'guardrails.debt';
    treeItem.command = { title: 'Open', command: 'vscode.open', arguments: [vscode.Uri.file(item.file), { selection: toVscodeRange(item.range) }] };
    return treeItem;
  }

  /** "… · hot first" in the view's description when sorted by changes. */
  get sortLabel(): string {
    return this.sort === 'hot' ? 'hot first' : '';
  }

  private keys(entry: Entry): string[] {
    switch (this.grouping) {
      case 'owner':
        return [entry.item.owner ? `@${entry.item.owner}` : 'No owner'];
      case 'tag':
        return [entry.item.tag];
      case 'file':
        return [toRelative(entry.root, entry.item.file)];
      case 'window':
        return entry.windows.length > 0 ? entry.windows : ['In no window'];
    }
  }
}

/** Changes of a group's files, each file counted once. */
function changesOf(entries: readonly Entry[]): number {
  const byFile = new Map<string, number>();
  for (const entry of entries) byFile.set(entry.item.file, entry.changes ?? 0);
  let sum = 0;
  for (const changes of byFile.values()) sum += changes;
  return sum;
}
