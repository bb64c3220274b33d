// What a project asks of a cache of file facts: the disk cache of `check --cache`, or the git
// history's in-memory one. Apart from the project so that helpers of both sides can name it.
import type { FileStat } from '../fs/fileSystem';
import type { FsQuery } from '../fs/recordingFileSystem';
import type { Notice, Target } from '../model/types';
import type { FileFacts } from './fileAnalysis';

/** Facts a cache may answer with: any, or (`parseErrors`) only those not read by the scanner alone. */
export function servesFacts(facts: FileFacts, parseErrors: boolean | undefined): boolean {
  return !(parseErrors && facts.withoutParseErrors);
}

/** Facts by file and exact text. Facts depend on the rules' debt policy too, and debt with a due date on the day: a cache keeps those apart. */
export interface FactsCache {
  /**
   * `parseErrors`: only facts that would hold a parse error (not read by the scanner alone, see
   * `FileFacts.withoutParseErrors`); others are a miss, as for a text never seen.
   */
  get(file: string, text: string, parseErrors?: boolean): FileFacts | undefined;
  set(file: string, text: string, facts: FileFacts): void;
  /**
   * What resolution asked of the file system in an earlier run, and the notices it gave (see
   * resolutionReuse.ts). When every question gets the same answer now, `targets` holds.
   */
  lastResolution?(): LastResolution | undefined;
  /** Where an unchanged file's imports led in that run. Only the first load asks: edits resolve afresh. */
  targets?(file: string): Target[] | undefined;
  storeResolution?(resolution: ResolutionToStore): void;
  /**
   * The facts of a file whose size and modification time prove it unchanged since they were
   * stored, so it need not even be read; undefined when only its text can tell. The stat of
   * every file read is offered too (`noteStat`), to be kept with the facts `set` stores.
   */
  knownUnchanged?(file: string, stat: FileStat, parseErrors?: boolean): FileFacts | undefined;
  noteStat?(file: string, stat: FileStat): void;
}

export interface LastResolution {
  /** What resolution depended on besides the file system's answers: the same, or the targets do not hold. */
  environment: string;
  queries: FsQuery[];
  notices: Notice[];
}

export interface ResolutionToStore extends LastResolution {
  targets: Map<string, Target[]>;
  /** Files resolved this run (the rest took their targets from the last one). */
  resolved: number;
}
