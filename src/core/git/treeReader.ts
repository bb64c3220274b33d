// Commits' files read as tree objects through a cat-file session. A tree that did not change
// between two commits is the same object, so the difference between one day's commit and the next
// is found by reading only the folders that changed: the work follows the diff, not the repository.
// Sizes are not in tree objects (undefined here).
import type { GitFailure } from './gitRunner';
import type { CatFileSession } from './catFileSession';
import type { TreeEntry } from './lsTree';

interface Child {
  name: string;
  mode: string;
  oid: string;
  type: TreeEntry['type'];
}

/** One path that differs: only `after` (created), only `before` (deleted), or both (changed). */
export interface TreeChange {
  path: string;
  before?: TreeEntry;
  after?: TreeEntry;
}

export type TreeDiffResult = { ok: true; changes: TreeChange[] } | { ok: false; failure: GitFailure };

/** A folder of both commits (or of one: the other side undefined) still to compare. */
interface Pair {
  prefix: string;
  before: string | undefined;
  after: string | undefined;
}

export class TreeReader {
  /** Tree object id → its direct children. */
  private readonly trees = new Map<string, Child[]>();

  constructor(private readonly session: CatFileSession) {}

  /**
   * Every file (blobs, links, submodules) that differs between two commits, by repository-relative
   * path, in the order a level-by-level walk meets them. A file whose mode changed is changed here
   * (the caller decides what that means); a file that became a folder is deleted, and the files in
   * the folder created.
   */
  async diff(from: string, to: string): Promise<TreeDiffResult> {
    const roots = [`${from}^{tree}`, `${to}^{tree}`];
    const read = await this.session.read(roots);
    if (!read.ok) return read;
    const rootIds: string[] = [];
    for (const [name, commit] of [[roots[0], from], [roots[1], to]]) {
      const object = read.objects.get(name);
      if (!object || object.type !== 'tree') return { ok: false, failure: { kind: 'failed', message: `git has no tree for commit ${commit.slice(0, 7)}` } };
      const oid = `root:${commit}`;
      if (!this.trees.has(oid)) this.trees.set(oid, parseTree(object.data, commit.length === 64 ? 32 : 20));
      rootIds.push(oid);
    }
    const changes: TreeChange[] = [];
    let level: Pair[] = rootIds[0] === rootIds[1] ? [] : [{ prefix: '', before: rootIds[0], after: rootIds[1] }];
    // Level by level: one request for every tree not seen before at each depth.
    while (level.length > 0) {
      const unknown = level.flatMap((pair) => [pair.before, pair.after]).filter((oid): oid is string => oid !== undefined && !this.trees.has(oid));
      if (unknown.length > 0) {
        const fetched = await this.session.read(unknown);
        if (!fetched.ok) return fetched;
        for (const oid of new Set(unknown)) {
          const object = fetched.objects.get(oid);
          if (!object || object.type !== 'tree') return { ok: false, failure: { kind: 'failed', message: `git has no tree ${oid.slice(0, 7)}` } };
          this.trees.set(oid, parseTree(object.data, oid.length === 64 ? 32 : 20));
        }
      }
      const next: Pair[] = [];
      for (const pair of level) compareFolders(pair, this.trees, changes, next);
      level = next;
    }
    return { ok: true, changes };
  }
}

/** Adds the files that differ between two versions of one folder, and the subfolders to compare next. */
function compareFolders(pair: Pair, trees: ReadonlyMap<string, Child[]>, changes: TreeChange[], next: Pair[]): void {
  const before = new Map((pair.before === undefined ? [] : trees.get(pair.before)!).map((child) => [child.name, child]));
  const entry = (child: Child): TreeEntry => ({ path: pair.prefix + child.name, mode: child.mode, type: child.type, oid: child.oid, size: undefined });
  for (const child of pair.after === undefined ? [] : trees.get(pair.after)!) {
    const old = before.get(child.name);
    before.delete(child.name);
    if (old && old.oid === child.oid && old.mode === child.mode) continue;
    const path = pair.prefix + child.name;
    const oldTree = old?.type === 'tree' ? old.oid : undefined;
    const newTree = child.type === 'tree' ? child.oid : undefined;
    if (oldTree !== undefined || newTree !== undefined) next.push({ prefix: `${path}/`, before: oldTree, after: newTree });
    if (newTree === undefined) changes.push(old && !oldTree ? { path, before: entry(old), after: entry(child) } : { path, after: entry(child) });
    else if (old && !oldTree) changes.push({ path, before: entry(old) });
  }
  for (const old of before.values()) {
    if (old.type === 'tree') next.push({ prefix: `${pair.prefix}${old.name}/`, before: old.oid, after: undefined });
    else changes.push({ path: pair.prefix + old.name, before: entry(old) });
  }
}

/** `<mode> <name>\0<binary id>` repeated. */
export function parseTree(data: Buffer, idBytes: number): Child[] {
  const children: Child[] = [];
  let at = 0;
  while (at < data.length) {
    const space = data.indexOf(0x20, at);
    const nul = data.indexOf(0x00, space);
    if (space < 0 || nul < 0 || nul + 1 + idBytes > data.length) break;
    const mode = data.toString('latin1', at, space).padStart(6, '0');
    const name = data.toString('utf8', space + 1, nul);
    const oid = data.toString('hex', nul + 1, nul + 1 + idBytes);
    const type = mode === '040000' ? 'tree' : mode === '160000' ? 'commit' : 'blob';
    children.push({ name, mode, oid, type });
    at = nul + 1 + idBytes;
  }
  return children;
}
