import { compilePatterns, type CompiledPattern } from '../../core/glob/pattern';
import type { RefactoringWindow } from '../../core/model/ruleTypes';
import type { DebtItem } from '../../core/model/types';
import { toRelative } from '../../core/util/paths';
export { formatHours } from '../../core/report/reportFormat';

export type DebtGrouping = 'owner' | 'tag' | 'file' | 'window';
export const DEBT_GROUPINGS: readonly DebtGrouping[] = ['owner', 'tag', 'file', 'window'];

export interface DebtFilter {
  mine: boolean;
  overdue: boolean;
  inWindow: boolean;
  /** Only these tags; all when empty. */
  tags: string[];
}

export const NO_FILTER: DebtFilter = { mine: false, overdue: false, inWindow: false, tags: [] };

const compiledScopes = new WeakMap<RefactoringWindow, CompiledPattern[]>();

/** The refactoring windows whose scope holds an item's file (scopes compiled once per window). */
export function windowsOf(item: DebtItem, root: string, windows: readonly RefactoringWindow[]): RefactoringWindow[] {
  const rel = toRelative(root, item.file);
  return windows.filter((window) => {
    let scope = compiledScopes.get(window);
    if (!scope) {
      scope = compilePatterns(window.scope);
      compiledScopes.set(window, scope);
    }
    return scope.some((pattern) => pattern.match(rel));
  });
}

export function passesFilter(item: DebtItem, filter: DebtFilter, me: string | undefined, inAnyWindow: boolean): boolean {
  if (filter.mine && (!me || item.owner?.toLowerCase() !== me.toLowerCase())) return false;
  if (filter.overdue && !item.overdue) return false;
  if (filter.inWindow && !inAnyWindow) return false;
  if (filter.tags.length > 0 && !filter.tags.includes(item.tag)) return false;
  return true;
}

export function describeFilter(filter: DebtFilter): string {
  return [filter.mine && 'mine', filter.overdue && 'overdue', filter.inWindow && 'in a window', filter.tags.length > 0 && filter.tags.join('/')]
    .filter(Boolean)
    .join(', ');
}
