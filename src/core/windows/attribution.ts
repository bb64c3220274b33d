// Paid-down items with who removed them, from git: one `git log -p` over the window's range and
// the files the items were in, however many items there are.
import { findRemovals } from '../git/removals';
import type { GitRepository } from '../git/repository';
import type { PaidDownCandidate } from './paidDown';
import type { Contributor, PaidDownItem, RemovedBy } from './windowReport';

export interface AttributionRange {
  repo: GitRepository;
  /** The commit the window's start state was read from; commits after it are searched. */
  from?: string;
  /** The commit "now" was read from (HEAD for the working tree). */
  to?: string;
  /** Without `from` (a snapshot start): commits since this day. */
  sinceDay?: string;
}

/**
 * `known`: what an earlier run found for the same range (`file NUL needle` → who), asked again only
 * for the rest. `found` holds every answer, to keep for the next run.
 */
export async function attributePaidDown(
  candidates: readonly PaidDownCandidate[], range: AttributionRange | undefined, known: Readonly<Record<string, RemovedBy | null>> = {},
): Promise<{ items: PaidDownItem[]; note?: string; found: Record<string, RemovedBy | null> }> {
  const keyOf = ({ record }: PaidDownCandidate): string => `${record.file}\u0000${record.needle ?? ''}`;
  const found: Record<string, RemovedBy | null> = {};
  let note: string | undefined;
  const unknown = candidates.filter((candidate) => !(keyOf(candidate) in known));
  if (range && unknown.length > 0) {
    const queries = unknown.map(({ record }) => ({ needle: record.needle ?? '', file: range.repo.prefix + record.file }));
    const removals = await findRemovals(range.repo, queries, { from: range.from, to: range.to, sinceDay: range.sinceDay });
    if (!removals.ok) note = `who removed what is not shown: ${removals.failure.message}`;
    else {
      removals.commits.forEach((c, i) => {
        found[keyOf(unknown[i])] = c ? { name: c.authorName, email: c.authorEmail, commit: c.oid, date: c.authorDate, subject: c.subject } : null;
      });
    }
  }
  for (const candidate of candidates) {
    const key = keyOf(candidate);
    if (key in known) found[key] = known[key];
  }
  const removedBy = candidates.map((candidate) => found[keyOf(candidate)] ?? null);
  const items = candidates.map((candidate, index): PaidDownItem => {
    if (candidate.kind === 'violation') {
      const v = candidate.record;
      return { kind: 'violation', ruleId: v.ruleId, file: v.file, line: v.line, to: v.to, count: 1, findings: candidate.findings, removedBy: removedBy[index] };
    }
    const d = candidate.record;
    return {
      kind: 'debt', id: d.id, tag: d.tag, file: d.file, line: d.line, text: d.text,
      owner: d.owner ?? null, estimateHours: d.estimateHours ?? null, removedBy: removedBy[index],
    };
  });
  return { items, note, found };
}

/** Estimated hours of the paid-down debt. */
export function estimateBurned(items: readonly PaidDownItem[]): number {
  const hours = items.reduce((sum, item) => sum + (item.kind === 'debt' ? item.estimateHours ?? 0 : 0), 0);
  return Math.round(hours * 100) / 100;
}

/** Who removed what, most items first (by e-mail, so one person with two spellings stays one). */
export function contributorsOf(items: readonly PaidDownItem[]): Contributor[] {
  const byEmail = new Map<string, Contributor>();
  for (const item of items) {
    if (!item.removedBy) continue;
    const key = item.removedBy.email.toLowerCase() || item.removedBy.name;
    const contributor = byEmail.get(key) ?? { name: item.removedBy.name, email: item.removedBy.email, items: 0, estimateHours: 0 };
    contributor.items += 1;
    if (item.kind === 'debt') contributor.estimateHours = Math.round((contributor.estimateHours + (item.estimateHours ?? 0)) * 100) / 100;
    byEmail.set(key, contributor);
  }
  return [...byEmail.values()].sort((a, b) => b.items - a.items || b.estimateHours - a.estimateHours || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
