// Paid-down items with who removed them, from git. One bounded `git log -S` per item, a few at a
// time; the first git failure stops the look-ups (one note, never a loop of errors).
import { findRemovingCommit } from '../git/removals';
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

export const MAX_LOOKUPS = 200;
const PARALLEL = 4;

export async function attributePaidDown(candidates: readonly PaidDownCandidate[], range: AttributionRange | undefined): Promise<{ items: PaidDownItem[]; note?: string }> {
  const removedBy: (RemovedBy | null)[] = candidates.map(() => null);
  let note: string | undefined;
  if (range) {
    let next = 0;
    const worker = async (): Promise<void> => {
      while (note === undefined && next < Math.min(candidates.length, MAX_LOOKUPS)) {
        const index = next++;
        const { record } = candidates[index];
        if (!record.needle) continue;
        const found = await findRemovingCommit(range.repo, { needle: record.needle, file: range.repo.prefix + record.file, from: range.from, to: range.to, sinceDay: range.sinceDay });
        if (!found.ok) note ??= `who removed what is not shown: ${found.failure.message}`;
        else if (found.commit) {
          const c = found.commit;
          removedBy[index] = { name: c.authorName, email: c.authorEmail, commit: c.oid, date: c.authorDate, subject: c.subject };
        }
      }
    };
    await Promise.all(Array.from({ length: PARALLEL }, worker));
    if (note === undefined && candidates.length > MAX_LOOKUPS) note = `authors looked up for the first ${MAX_LOOKUPS} of ${candidates.length} paid-down items`;
  }
  const items = candidates.map((candidate, index): PaidDownItem => {
    if (candidate.kind === 'violation') {
      const v = candidate.record;
      return { kind: 'violation', ruleId: v.ruleId, file: v.file, line: v.line, to: v.to, count: candidate.count, removedBy: removedBy[index] };
    }
    const d = candidate.record;
    return {
      kind: 'debt', id: d.id, tag: d.tag, file: d.file, line: d.line, text: d.text,
      owner: d.owner ?? null, estimateHours: d.estimateHours ?? null, removedBy: removedBy[index],
    };
  });
  return { items, note };
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
    contributor.items += item.kind === 'violation' ? item.count : 1;
    if (item.kind === 'debt') contributor.estimateHours = Math.round((contributor.estimateHours + (item.estimateHours ?? 0)) * 100) / 100;
    byEmail.set(key, contributor);
  }
  return [...byEmail.values()].sort((a, b) => b.items - a.items || b.estimateHours - a.estimateHours || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
