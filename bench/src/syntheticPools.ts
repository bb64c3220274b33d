// The import candidates of each synthetic file: every earlier file of a category it may import
// (and, from a feature, only its own feature's parts; from elsewhere, only feature entries). Built
// as views over lists sorted once, not copied per file: copying made generation quadratic (a
// 100,000-file corpus took minutes). The views hold exactly the files, in exactly the order, the
// copies held, so the same seed generates the same workspace.

export interface PoolFile {
  index: number;
  category: string;
  module: string;
  leaf: boolean;
  isFeatureIndex: boolean;
}

/** The first `length` items of a list, without copying them. */
interface Prefix<T> {
  list: readonly T[];
  length: number;
}

/** Prefixes of sorted lists, read as one list. */
export class Pool<T> {
  readonly length: number;
  constructor(private readonly parts: readonly Prefix<T>[]) {
    this.length = parts.reduce((sum, part) => sum + part.length, 0);
  }
  at(i: number): T {
    for (const part of this.parts) {
      if (i < part.length) return part.list[i];
      i -= part.length;
    }
    throw new RangeError(`index ${i} past the pool`);
  }
}

interface Lists<T> {
  all: T[];
  leaves: T[];
}

export class CandidatePools<T extends PoolFile> {
  private readonly byCategory = new Map<string, Lists<T>>();
  private readonly byModule = new Map<string, Lists<T>>();
  private readonly featureEntries: Lists<T> = { all: [], leaves: [] };

  /** `order`: the categories in the files' global order; `allowed`: what each category may import. */
  constructor(files: readonly T[], private readonly order: readonly string[], private readonly allowed: Readonly<Record<string, readonly string[]>>) {
    const add = <K>(map: Map<K, Lists<T>>, key: K, file: T): void => {
      let lists = map.get(key);
      if (!lists) map.set(key, (lists = { all: [], leaves: [] }));
      lists.all.push(file);
      if (file.leaf) lists.leaves.push(file);
    };
    for (const file of files) {
      add(this.byCategory, file.category, file);
      if (file.category === 'feature' && file.isFeatureIndex) {
        this.featureEntries.all.push(file);
        if (file.leaf) this.featureEntries.leaves.push(file);
      } else {
        add(this.byModule, `${file.category}:${file.module}`, file);
      }
    }
  }

  /** Earlier files `file` may import (only leaves, for a member of a seeded cycle), and those of its own module. */
  forFile(file: T, leavesOnly: boolean): { pool: Pool<T>; sameModule: Pool<T> } {
    const pick = (lists: Lists<T> | undefined): Prefix<T> => prefixBefore(lists ? (leavesOnly ? lists.leaves : lists.all) : [], file.index);
    const parts: Prefix<T>[] = [];
    for (const category of this.order) {
      if (!this.allowed[file.category].includes(category)) continue;
      if (category !== 'feature') parts.push(pick(this.byCategory.get(category)));
      else parts.push(file.category === 'feature' ? pick(this.byModule.get(`feature:${file.module}`)) : pick(this.featureEntries));
    }
    const own = pick(this.byModule.get(`${file.category}:${file.module}`));
    return { pool: new Pool(parts), sameModule: new Pool([own]) };
  }
}

/** The files of a list sorted by index that come before `index`. */
function prefixBefore<T extends PoolFile>(list: readonly T[], index: number): Prefix<T> {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (list[mid].index < index) low = mid + 1;
    else high = mid;
  }
  return { list, length: low };
}
