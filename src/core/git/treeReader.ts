// A commit's files read as tree objects through a cat-file session: a tree that did not change
// since another commit is the same object, read once, so stepping from one day's commit to the
// next reads only the folders that changed. Sizes are not in tree objects (undefined here).
import type { GitFailure } from './gitRunner';
import type { CatFileSession } from './catFileSession';
import type { TreeEntry } from './lsTree';

interface Child {
  name: string;
  mode: string;
  oid: string;
  type: TreeEntry['type'];
}

export type TreeResult = { ok: true; entries: TreeEntry[] } | { ok: false; failure: GitFailure };

export class TreeReader {
  /** Tree object id → its direct children. */
  private readonly trees = new Map<string, Child[]>();

  constructor(private readonly session: CatFileSession) {}

  /** Every file of `commit` (blobs, links, submodules), with repository-relative paths. */
  async entries(commit: string): Promise<TreeResult> {
    const root = `${commit}^{tree}`;
    const rootRead = await this.session.read([root]);
    if (!rootRead.ok) return rootRead;
    const rootObject = rootRead.objects.get(root);
    if (!rootObject || rootObject.type !== 'tree') return { ok: false, failure: { kind: 'failed', message: `git has no tree for commit ${commit.slice(0, 7)}` } };
    const entries: TreeEntry[] = [];
    let level: { oid: string; prefix: string; children?: Child[] }[] = [{ oid: '', prefix: '', children: parseTree(rootObject.data, commit.length === 64 ? 32 : 20) }];
    // Folder by folder, level by level: one request for every tree not seen before at each depth.
    while (level.length > 0) {
      const unknown = level.filter((dir) => !dir.children && !this.trees.has(dir.oid)).map((dir) => dir.oid);
      if (unknown.length > 0) {
        const read = await this.session.read(unknown);
        if (!read.ok) return read;
        for (const oid of unknown) {
          const object = read.objects.get(oid);
          if (!object || object.type !== 'tree') return { ok: false, failure: { kind: 'failed', message: `git has no tree ${oid.slice(0, 7)}` } };
          this.trees.set(oid, parseTree(object.data, oid.length === 64 ? 32 : 20));
        }
      }
      const next: typeof level = [];
      for (const dir of level) {
        for (const child of dir.children ?? this.trees.get(dir.oid)!) {
          const childPath = dir.prefix + child.name;
          if (child.type === 'tree') next.push({ oid: child.oid, prefix: `${childPath}/` });
          else entries.push({ path: childPath, mode: child.mode, type: child.type, oid: child.oid, size: undefined });
        }
      }
      level = next;
    }
    return { ok: true, entries };
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
