// What a computation asked of the file system, and what it was told. `check --cache` keeps, with
// where each import led, every question module resolution asked (does this file exist, what does
// this package.json or tsconfig say, what is in this folder, where does this link lead) and the
// answer. Those answers and the importing files' own texts are the whole input of resolution: a
// later run that gets the same answers to the same questions resolves every import the same way,
// whatever else changed, and no list of "files resolution depends on" has to be kept by hand.
import { createHash } from 'node:crypto';
import type { DirectoryEntry, FileStat, FileSystem, TextRead } from './fileSystem';

export type FsQueryKind = 'readFile' | 'readText' | 'fileExists' | 'directoryExists' | 'readDirectory' | 'realpath' | 'stat';

export const FS_QUERY_KINDS: readonly FsQueryKind[] = ['readFile', 'readText', 'fileExists', 'directoryExists', 'readDirectory', 'realpath', 'stat'];

/** One question and its answer as compared: a digest of the text or listing, yes/no, or a path. */
export interface FsQuery {
  kind: FsQueryKind;
  path: string;
  /** The cap of a `readText`. */
  maxBytes?: number;
  answer: string;
}

/**
 * Passes every call to `base` and, until `stop`, remembers each distinct question with its first
 * answer. A `stat` says what the path is and how large, never when it changed: modification times
 * do not travel between machines, so nothing that is recorded may depend on them.
 */
export class RecordingFileSystem implements FileSystem {
  readonly stableTree?: boolean;
  private readonly asked = new Map<string, FsQuery>();
  private recording = true;

  constructor(private readonly base: FileSystem) {
    this.stableTree = base.stableTree;
  }

  /** Every question asked so far, with its answer. */
  queries(): FsQuery[] {
    return [...this.asked.values()];
  }

  /** Takes questions asked in another run as asked in this one (they were answered the same). */
  adopt(queries: readonly FsQuery[]): void {
    if (!this.recording) return;
    for (const query of queries) if (!this.asked.has(keyOf(query))) this.asked.set(keyOf(query), query);
  }

  /** From now on a plain pass-through (a long-lived session must not grow). */
  stop(): void {
    this.recording = false;
    this.asked.clear();
  }

  readFile(path: string): string | undefined {
    return this.record(answerReadFile(this.base, path));
  }

  readText(path: string, maxBytes: number): TextRead {
    return this.record(answerReadText(this.base, path, maxBytes));
  }

  fileExists(path: string): boolean {
    return this.record(answerBoolean(this.base, 'fileExists', path));
  }

  directoryExists(path: string): boolean {
    return this.record(answerBoolean(this.base, 'directoryExists', path));
  }

  readDirectory(path: string): DirectoryEntry[] {
    return this.record(answerReadDirectory(this.base, path));
  }

  realpath(path: string): string {
    return this.record(answerRealpath(this.base, path));
  }

  stat(path: string): FileStat | undefined {
    return this.record(answerStat(this.base, path));
  }

  private record<T>({ value, query }: Answered<T>): T {
    if (this.recording) {
      const key = keyOf(query);
      if (!this.asked.has(key)) this.asked.set(key, query);
    }
    return value;
  }
}

/** True when every question gets the answer it got when recorded (asked of `fs` now). */
export function stillAnswered(fs: FileSystem, queries: readonly FsQuery[]): boolean {
  return queries.every((query) => ask(fs, query).answer === query.answer);
}

/** The question asked again, with today's answer. */
export function ask(fs: FileSystem, query: Omit<FsQuery, 'answer'>): FsQuery {
  switch (query.kind) {
    case 'readFile': return answerReadFile(fs, query.path).query;
    case 'readText': return answerReadText(fs, query.path, query.maxBytes ?? 0).query;
    case 'fileExists':
    case 'directoryExists': return answerBoolean(fs, query.kind, query.path).query;
    case 'readDirectory': return answerReadDirectory(fs, query.path).query;
    case 'realpath': return answerRealpath(fs, query.path).query;
    case 'stat': return answerStat(fs, query.path).query;
  }
}

interface Answered<T> {
  value: T;
  query: FsQuery;
}

function keyOf(query: Omit<FsQuery, 'answer'>): string {
  return `${query.kind}\0${query.maxBytes ?? ''}\0${query.path}`;
}

function answerReadFile(fs: FileSystem, path: string): Answered<string | undefined> {
  const value = fs.readFile(path);
  return { value, query: { kind: 'readFile', path, answer: value === undefined ? '-' : digest(value) } };
}

function answerReadText(fs: FileSystem, path: string, maxBytes: number): Answered<TextRead> {
  const value = fs.readText(path, maxBytes);
  return { value, query: { kind: 'readText', path, maxBytes, answer: value.ok ? digest(value.text) : `!${value.reason}` } };
}

function answerBoolean(fs: FileSystem, kind: 'fileExists' | 'directoryExists', path: string): Answered<boolean> {
  const value = kind === 'fileExists' ? fs.fileExists(path) : fs.directoryExists(path);
  return { value, query: { kind, path, answer: value ? 'yes' : 'no' } };
}

function answerReadDirectory(fs: FileSystem, path: string): Answered<DirectoryEntry[]> {
  const value = fs.readDirectory(path);
  const listing = value.map((entry) => `${entry.name}\0${entry.kind}`).sort().join('\n');
  return { value, query: { kind: 'readDirectory', path, answer: digest(listing) } };
}

function answerRealpath(fs: FileSystem, path: string): Answered<string> {
  const value = fs.realpath(path);
  return { value, query: { kind: 'realpath', path, answer: value } };
}

function answerStat(fs: FileSystem, path: string): Answered<FileStat | undefined> {
  const stat = fs.stat(path);
  // Without the modification time (see the class); a folder's size says nothing portable either.
  const value = stat && { isFile: stat.isFile, isDirectory: stat.isDirectory, size: stat.isFile ? stat.size : 0 };
  const answer = value === undefined ? '-' : `${value.isFile ? 'file' : value.isDirectory ? 'directory' : 'other'} ${value.size}`;
  return { value, query: { kind: 'stat', path, answer } };
}

function digest(text: string): string {
  return createHash('sha1').update(text).digest('base64');
}
