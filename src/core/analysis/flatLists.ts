// Each file's imports, debt, problems or findings as one list in file order: what every check
// returns. Flattening 50,000 files' lists again after each keystroke costs more than the check
// itself, so the flat list is kept and only the changed files' places are replaced, in a copy
// (a result already handed out never changes under its holder): memory copies of the unchanged
// runs, not a walk over every file. Files coming or going rebuild it at the next `get`.

/** Beyond this many changed files at once (a branch switch), rebuilding is as cheap. */
const MAX_PATCHED = 500;

export class FlatLists<T> {
  private flat: T[] | undefined;
  /** Each file's position in the file order, and where its items start in `flat` (one more: the end). */
  private readonly positions = new Map<string, number>();
  private starts = new Int32Array(0);
  private readonly pending = new Map<string, readonly T[]>();

  /** A file's list is now `items`. A file new to the list (or unknown to the last `get`) rebuilds it. */
  set(file: string, items: readonly T[]): void {
    const position = this.positions.get(file);
    if (!this.flat || position === undefined || this.pending.size >= MAX_PATCHED) this.invalidate();
    // Empty before and after (most files' suppressions and problems): nothing to patch.
    else if (items.length > 0 || this.pending.has(file) || this.starts[position + 1] > this.starts[position]) this.pending.set(file, items);
  }

  /** Files came or went: rebuild at the next `get`. */
  invalidate(): void {
    // Called for each new file while a workspace loads: nothing to drop then.
    if (this.flat === undefined) return;
    this.flat = undefined;
    this.pending.clear();
  }

  /** The flat list of `files` (in that order, the same files as at the last rebuild); the caller must not change it. */
  get(files: readonly string[], listOf: (file: string) => readonly T[]): readonly T[] {
    if (!this.flat) this.rebuild(files, listOf);
    else if (this.pending.size > 0) this.patch();
    return this.flat!;
  }

  private rebuild(files: readonly string[], listOf: (file: string) => readonly T[]): void {
    const flat: T[] = [];
    this.positions.clear();
    this.starts = new Int32Array(files.length + 1);
    files.forEach((file, position) => {
      this.positions.set(file, position);
      this.starts[position] = flat.length;
      for (const item of listOf(file)) flat.push(item);
    });
    this.starts[files.length] = flat.length;
    this.flat = flat;
    this.pending.clear();
  }

  /** The unchanged runs between changed files are copied whole; later files' starts shift. */
  private patch(): void {
    const old = this.flat!;
    const changes = [...this.pending].map(([file, items]) => ({ position: this.positions.get(file)!, items })).sort((a, b) => a.position - b.position);
    this.pending.clear();
    if (changes.every(({ position, items }) => items.length === this.starts[position + 1] - this.starts[position])) {
      // The usual edit: as many imports (debt items, findings) as before, written over their place.
      const copy = old.slice();
      for (const { position, items } of changes) for (let i = 0; i < items.length; i++) copy[this.starts[position] + i] = items[i];
      this.flat = copy;
      return;
    }
    const pieces: (readonly T[])[] = [];
    let cursor = 0;
    for (const { position, items } of changes) {
      pieces.push(old.slice(cursor, this.starts[position]), items);
      cursor = this.starts[position + 1];
    }
    pieces.push(old.slice(cursor));
    this.flat = ([] as T[]).concat(...pieces);
    // Shift the starts after each changed file by what the changes before them added or removed.
    let shift = 0;
    let next = 0;
    for (let position = changes[0].position; position < this.starts.length; position++) {
      this.starts[position] += shift;
      if (next < changes.length && changes[next].position === position) {
        const end = this.starts[position + 1] + shift;
        shift += changes[next].items.length - (end - this.starts[position]);
        next++;
      }
    }
  }
}
