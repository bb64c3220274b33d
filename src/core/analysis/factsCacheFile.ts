// The file `check --cache` keeps for one rules file, read back whole and checked, or not used at
// all. Everything in it is keyed by content (text digests, answers of the file system) and every
// path in it is relative to the rules file's folder, so the folder and its cache can be restored
// elsewhere (CI runners, other clones) and still be used.
import type { FileFacts } from './fileAnalysis';
import type { FsQuery } from '../fs/recordingFileSystem';
import { readDiskText, readFailureText } from '../fs/textFile';
import type { AnalysisResult, Notice, Target } from '../model/types';
import { writeFileAtomic } from '../util/writeFileAtomic';
import { count, decode, encode, fileFacts, fsQuery, list, notice, object, optional, record, tangle, target, text, violation, type Shape } from './cacheCodec';
import { fromStored, toStored, type PathMap } from './portablePaths';

/** Bumped whenever the stored shape changes. */
export const CACHE_FORMAT = 5;

/** What the checks found, before the baseline: reused when none of their inputs changed. */
export type CheckedResult = Pick<AnalysisResult, 'violations' | 'tangles' | 'notices'>;

/** One file's facts, with the digest of the text they were taken from. */
export interface CacheEntry {
  hash: string;
  facts: FileFacts;
  /** Size and modification time when read, and when that was: a fast check on the machine and path that took them. */
  size?: number;
  mtimeMs?: number;
  seenAt?: number;
  /** The day the facts were taken, when they depend on it (debt with a due date is overdue or not). */
  today?: string;
}

/** Where every file's imports led, and what resolution asked of the file system to get there. */
export interface StoredResolution {
  /** What resolution depends on besides the file system (see `resolutionEnvironment`). */
  environment: string;
  queries: FsQuery[];
  /** Notices resolution gave (problems of nested tsconfig files). */
  notices: Notice[];
  targets: Map<string, Target[]>;
}

export interface StoredChecked {
  /** Digest of every input of the checks (see checkedCache.ts). */
  key: string;
  result: CheckedResult;
}

export interface CacheContents {
  /** Where and on what machine the sizes and modification times were taken (see `localStamp`). */
  stamp?: string;
  files: Map<string, CacheEntry>;
  resolution?: StoredResolution;
  checked?: StoredChecked;
}

/** What facts depend on besides a file's text and path: another engine or policy, another cache. */
export interface CacheIdentity {
  engine: string;
  policy: string;
}

export type CacheRead =
  | { ok: true; contents: CacheContents }
  /** `why` is absent when there is simply no cache yet. */
  | { ok: false; why?: string; level: 'info' | 'warning' };

const MAX_CACHE_BYTES = 256 * 1024 * 1024;

const entryShape = object<CacheEntry>({
  hash: text, facts: fileFacts, size: optional(count), mtimeMs: optional(count), seenAt: optional(count), today: optional(text),
});
const storedKeys = <T>(shape: Shape<T>): Shape<Map<string, T>> => record(shape, (name, how) => how.paths(name));
const resolutionShape = object<StoredResolution>({ environment: text, queries: list(fsQuery), notices: list(notice), targets: storedKeys(list(target)) });
const checkedShape = object<StoredChecked>({ key: text, result: object<CheckedResult>({ violations: list(violation), tangles: optional(list(tangle)), notices: list(notice) }) });
const contentsShape = object<CacheContents>({
  stamp: optional(text), files: storedKeys(entryShape), resolution: optional(resolutionShape), checked: optional(checkedShape),
});

/** The cache for `identity`, with paths made absolute under `root`; or why it cannot be used. */
export function readFactsCache(file: string, identity: CacheIdentity, root: string): CacheRead {
  const read = readDiskText(file, MAX_CACHE_BYTES);
  if (!read.ok) return read.reason === 'missing' ? { ok: false, level: 'info' } : { ok: false, level: 'warning', why: readFailureText(read).replace(/^it is /, '') };
  let parsed: unknown;
  try {
    parsed = JSON.parse(read.text);
  } catch {
    return { ok: false, level: 'warning', why: 'not JSON: cut short?' };
  }
  if (typeof parsed !== 'object' || parsed === null) return { ok: false, level: 'warning', why: 'not an object' };
  const stored = parsed as Record<string, unknown>;
  if (stored.format !== CACHE_FORMAT) return { ok: false, level: 'info', why: 'written in another format, by another version of Guardrails' };
  if (stored.engine !== identity.engine) return { ok: false, level: 'info', why: 'written by another build of Guardrails' };
  if (stored.policy !== identity.policy) return { ok: false, level: 'info', why: 'written under another debt policy: the rules\' "debt" changed' };
  const contents = decode(contentsShape, stored, fromStored(root));
  return contents.ok ? { ok: true, contents: contents.value } : { ok: false, level: 'warning', why: `malformed: ${contents.why}` };
}

/** Writes the cache whole (a killed run leaves the old one); failing to only costs the next run its speed. */
export function writeFactsCache(file: string, identity: CacheIdentity, root: string, contents: CacheContents): void {
  const paths: PathMap = toStored(root);
  const files: Record<string, unknown> = {};
  for (const [name, entry] of contents.files) files[paths(name)] = encode(entryShape, entry, paths);
  let resolution: unknown;
  if (contents.resolution) {
    const targets: Record<string, unknown> = {};
    for (const [name, list_] of contents.resolution.targets) targets[paths(name)] = list_.map(paths);
    const { environment, queries, notices } = contents.resolution;
    resolution = { environment, queries: encode(list(fsQuery), queries, paths), notices: encode(list(notice), notices, paths), targets };
  }
  const checked = contents.checked && encode(checkedShape, contents.checked, paths);
  writeFileAtomic(file, JSON.stringify({ format: CACHE_FORMAT, ...identity, stamp: contents.stamp, files, resolution, checked }), 'facts cache');
}
