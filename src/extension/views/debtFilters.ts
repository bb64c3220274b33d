import type { DebtItem } from '../../core';
export { formatHours } from '../../core';

export type DebtGrouping = 'owner' | 'tag' | 'file' | 'window';
export const DEBT_GROUPINGS: readonly DebtGrouping[] = ['owner', 'tag', 'file', 'window'];

/** `position`: groups by name, items as they stand in the code; `hot`: what changes most first (git). */
export type DebtSort = 'position' | 'hot';
export const DEBT_SORTS: readonly DebtSort[] = ['position', 'hot'];

export interface DebtFilter {
  mine: boolean;
  overdue: boolean;
  inWindow: boolean;
  /** Only these tags; all when empty. */
  tags: string[];
}

export const NO_FILTER: DebtFilter = { mine: false, overdue: false, inWindow: false, tags: [] };

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
