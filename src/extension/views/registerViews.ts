import * as vscode from 'vscode';
import type { GuardrailsClient } from '../client/guardrailsClient';
import { ArchitectureTree } from './architectureTree';
import { DEBT_GROUPINGS, DEBT_SORTS, type DebtGrouping, type DebtSort } from './debtFilters';
import { DebtTree } from './debtTree';

export const VIEW_IDS = { windows: 'guardrails.windows', debt: 'guardrails.debt', architecture: 'guardrails.architecture' } as const;

/** A tree's rows as a user reads them (label and description), for tests and exports. */
export interface RenderedRow {
  label: string;
  description: string;
  children: RenderedRow[];
  /** What a click runs, when anything. */
  command?: vscode.Command;
}

export interface Views {
  debt: DebtTree;
  architecture: ArchitectureTree;
  render(view: 'debt' | 'architecture'): Promise<RenderedRow[]>;
}

/** The Debt and Architecture trees, their titles' totals, and the grouping, sorting and filter commands. */
export function registerViews(client: GuardrailsClient, context: vscode.ExtensionContext): Views {
  const me = (): string | undefined => vscode.workspace.getConfiguration('guardrails').get<string>('me') || undefined;
  const debt = new DebtTree(client, me);
  const architecture = new ArchitectureTree(client);
  const debtView = vscode.window.createTreeView(VIEW_IDS.debt, { treeDataProvider: debt, showCollapseAll: true });
  const architectureView = vscode.window.createTreeView(VIEW_IDS.architecture, { treeDataProvider: architecture, showCollapseAll: true });
  // Totals cost a pass over every item: only for views someone can see, once their rows arrived.
  const describe = (): void => {
    if (debtView.visible) debtView.description = debt.summary();
    if (architectureView.visible) architectureView.description = architecture.summary();
  };
  context.subscriptions.push(
    debt, architecture, debtView, architectureView,
    debt.onDidFetch(describe),
    architecture.onDidFetch(describe),
    debtView.onDidChangeVisibility(describe),
    architectureView.onDidChangeVisibility(describe),
    vscode.commands.registerCommand('guardrails.debt.groupBy', async (grouping?: DebtGrouping) => {
      const chosen = grouping ?? (await vscode.window.showQuickPick(DEBT_GROUPINGS.map((label) => ({ label, picked: label === debt.grouping })), { placeHolder: 'Group debt by' }))?.label;
      if (!chosen) return;
      debt.grouping = chosen;
      debt.refresh();
      describe();
    }),
    vscode.commands.registerCommand('guardrails.debt.sortBy', async (sort?: DebtSort) => {
      const labels: Record<DebtSort, string> = { position: 'Position in the code', hot: 'Hot first: files that changed most in the last 90 days (git)' };
      const chosen = sort ?? (await vscode.window.showQuickPick(DEBT_SORTS.map((key) => ({ label: labels[key], key, picked: key === debt.sort })), { placeHolder: 'Sort debt by' }))?.key;
      if (!chosen) return;
      debt.sort = chosen;
      debt.refresh();
      describe();
    }),
    vscode.commands.registerCommand('guardrails.debt.filter', async (filter?: Partial<typeof debt.filter>) => {
      if (filter) debt.filter = { ...debt.filter, ...filter };
      else {
        const tags = await debt.tags();
        const options = [
          { label: 'Mine', key: 'mine', picked: debt.filter.mine, description: me() ? `owner ${me()}` : 'set guardrails.me to your owner name' },
          { label: 'Overdue', key: 'overdue', picked: debt.filter.overdue },
          { label: 'In a refactoring window', key: 'inWindow', picked: debt.filter.inWindow },
          ...tags.map((tag) => ({ label: tag, key: `tag:${tag}`, picked: debt.filter.tags.includes(tag) })),
        ];
        const picked = await vscode.window.showQuickPick(options, { canPickMany: true, placeHolder: 'Show only debt that is…' });
        if (!picked) return;
        const keys = new Set(picked.map((option) => option.key));
        debt.filter = {
          mine: keys.has('mine'), overdue: keys.has('overdue'), inWindow: keys.has('inWindow'),
          tags: tags.filter((tag) => keys.has(`tag:${tag}`)),
        };
      }
      debt.refresh();
      describe();
    }),
  );
  describe();
  return { debt, architecture, render: (view) => (view === 'debt' ? renderTree(debt) : renderTree(architecture)) };
}

async function renderTree<T>(provider: vscode.TreeDataProvider<T>, node?: T): Promise<RenderedRow[]> {
  const children = (await provider.getChildren(node)) ?? [];
  const rows: RenderedRow[] = [];
  for (const child of children) {
    const item = await provider.getTreeItem(child);
    const label = typeof item.label === 'string' ? item.label : item.label?.label ?? (item.resourceUri ? item.resourceUri.path.split('/').pop() ?? '' : '');
    const description = typeof item.description === 'string' ? item.description : '';
    const expandable = item.collapsibleState !== undefined && item.collapsibleState !== vscode.TreeItemCollapsibleState.None;
    rows.push({ label, description, children: expandable ? await renderTree(provider, child) : [], ...(item.command ? { command: item.command } : {}) });
  }
  return rows;
}
