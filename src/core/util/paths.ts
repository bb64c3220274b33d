import * as path from 'node:path';

/** Path of `file` relative to `root` with forward slashes, as rules files and reports write paths. */
export function toRelative(root: string, file: string): string {
  // Most paths lie below the root: slicing is much cheaper than path.relative's normalisation.
  // (Only `.` segments below the root need normalising: the root itself may well be in a dot folder.)
  if (file.length > root.length + 1 && file.startsWith(root) && file[root.length] === path.sep && !file.includes(`${path.sep}.`, root.length)) {
    const rel = file.slice(root.length + 1);
    return path.sep === '/' ? rel : rel.split(path.sep).join('/');
  }
  return path.relative(root, file).split(path.sep).join('/');
}

/** True when `file` is `dir` or lies below it. */
export function isInside(dir: string, file: string): boolean {
  const rel = path.relative(dir, file);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}
