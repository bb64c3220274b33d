import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { FileStat } from '../fs/fileSystem';
import type { RulesConfig } from '../model/ruleTypes';
import type { CacheStats, Notice, Target } from '../model/types';
import { readFactsCache, writeFactsCache, type CacheContents, type CacheEntry, type CacheIdentity, type CheckedResult } from './factsCacheFile';
import type { FileFacts } from './fileAnalysis';
import { toRelative } from '../util/paths';
import { servesFacts, type FactsCache, type LastResolution, type ResolutionToStore } from './factsCache';

/**
 * A file modified this close to the moment it was looked at may change again within the same
 * clock tick (coarse file-system clocks tick in seconds): only older modification times vouch
 * for a file's content, as in git's index.
 */
const RACY_MS = 2000;

/**
 * What each file contributes (imports, debt, suppressions), kept on disk between runs and keyed by
 * the file's content, so `check --cache` re-parses only files that changed since the last run;
 * with where each file's imports led, and the findings. One cache per rules file. What facts
 * depend on besides the text (the engine's build, the rules' debt policy) is the cache's identity;
 * a cache of another identity, or one that does not read back whole, is not used (and said so).
 * On the machine and at the path that wrote it, a file whose size and modification time are those
 * seen when its facts were stored (and were not fresh then) is not even read, as git's index and
 * ESLint's metadata cache do; anywhere else every file is read and its text decides.
 */
export class DiskFactsCache implements FactsCache {
  private readonly files: Map<string, CacheEntry>;
  /** Stats taken this run, kept with the facts of the files they describe. */
  private readonly seen = new Map<string, { size: number; mtimeMs: number; seenAt: number }>();
  private readonly openedAt = Date.now();
  private readonly used = new Set<string>();
  /** Files whose text was found unchanged this run: only their imports may reuse old targets. */
  private readonly unchanged = new Set<string>();
  private contents: CacheContents;
  private dirty = false;
  readonly stats: CacheStats = { reused: 0, parsed: 0, read: 0, resolved: 0, findingsReused: false };

  private constructor(
    private readonly file: string,
    private readonly identity: CacheIdentity,
    private readonly root: string,
    private readonly today: string,
    private readonly stamp: string,
    read: CacheContents | undefined,
    /** Said once when a cache was there but could not be used. */
    readonly unusable: Notice | undefined,
  ) {
    this.contents = read ?? { files: new Map() };
    this.files = this.contents.files;
    // Sizes and times taken elsewhere (another machine, another path) vouch for nothing here.
    if (this.contents.stamp !== stamp) for (const entry of this.files.values()) entry.size = entry.mtimeMs = entry.seenAt = undefined;
    this.dirty = read === undefined;
  }

  /**
   * The cache file is named for the rules file's path relative to the cache folder: the same when
   * the workspace and its cache move together (a cache inside the workspace), or when neither
   * moves; one per project in a folder many projects share.
   */
  static open(dir: string, config: RulesConfig, today: string, engineVersion: string): DiskFactsCache {
    const name = createHash('sha1').update(toRelative(path.resolve(dir), config.file)).digest('hex').slice(0, 12);
    const file = path.join(dir, `facts-${name}.json`);
    const identity: CacheIdentity = { engine: engineVersion, policy: policyDigest(config) };
    const read = readFactsCache(file, identity, config.root);
    const unusable: Notice | undefined = !read.ok && read.why !== undefined
      ? { level: read.level, file, message: `the --cache file is not usable (${read.why}); this run is cold and writes a new one` }
      : undefined;
    return new DiskFactsCache(file, identity, config.root, today, localStamp(config.root), read.ok ? read.contents : undefined, unusable);
  }

  get(file: string, text: string, parseErrors?: boolean): FileFacts | undefined {
    this.stats.read++;
    const entry = this.files.get(file);
    if (entry && this.current(entry) && servesFacts(entry.facts, parseErrors) && entry.hash === hashText(text)) {
      const stat = this.seen.get(file);
      if (stat && (stat.size !== entry.size || stat.mtimeMs !== entry.mtimeMs || entry.seenAt === undefined || entry.mtimeMs >= entry.seenAt - RACY_MS)) {
        // Same text under a new stat (touched, checked out again, restored elsewhere): next time the stat vouches for it.
        this.files.set(file, { ...entry, ...stat });
        this.dirty = true;
      }
      return this.hit(file, entry.facts);
    }
    return undefined;
  }

  /**
   * The stored facts of `file` when taken from this very text, as `get` finds them, but not counted
   * as this run's use (another analysis asks: `check --since`'s merge base).
   */
  peek(file: string, text: string, parseErrors?: boolean): FileFacts | undefined {
    const entry = this.files.get(file);
    return entry && this.current(entry) && servesFacts(entry.facts, parseErrors) && entry.hash === hashText(text) ? entry.facts : undefined;
  }

  /** Facts of a file whose size and modification time are those stored, long enough ago to be sure. */
  knownUnchanged(file: string, stat: FileStat, parseErrors?: boolean): FileFacts | undefined {
    const entry = this.files.get(file);
    if (!entry || entry.seenAt === undefined || entry.mtimeMs === undefined || stat.mtimeMs === undefined || !this.current(entry)) return undefined;
    if (!servesFacts(entry.facts, parseErrors)) return undefined;
    if (entry.size !== stat.size || entry.mtimeMs !== stat.mtimeMs || stat.mtimeMs >= entry.seenAt - RACY_MS) return undefined;
    return this.hit(file, entry.facts);
  }

  noteStat(file: string, stat: FileStat): void {
    if (stat.mtimeMs !== undefined) this.seen.set(file, { size: stat.size, mtimeMs: stat.mtimeMs, seenAt: this.openedAt });
  }

  set(file: string, text: string, facts: FileFacts): void {
    const today = facts.debt.some((item) => item.due !== undefined) ? this.today : undefined;
    this.files.set(file, { hash: hashText(text), facts, today, ...this.seen.get(file) });
    this.used.add(file);
    this.unchanged.delete(file);
    this.stats.parsed++;
    this.dirty = true;
  }

  /** Digest of the text the file's facts were taken from (every file of this run has one). */
  contentHash(file: string): string | undefined {
    return this.files.get(file)?.hash;
  }

  lastResolution(): LastResolution | undefined {
    const stored = this.contents.resolution;
    return stored && { environment: stored.environment, queries: stored.queries, notices: stored.notices };
  }

  targets(file: string): Target[] | undefined {
    return this.unchanged.has(file) ? this.contents.resolution?.targets.get(file) : undefined;
  }

  storeResolution({ environment, queries, notices, targets, resolved }: ResolutionToStore): void {
    this.stats.resolved = resolved;
    const last = this.contents.resolution;
    // Nothing resolved afresh and no new question: the stored resolution is this run's.
    if (resolved === 0 && last && last.queries.length === queries.length && last.environment === environment) return;
    this.contents.resolution = { environment, queries, notices, targets };
    this.dirty = true;
  }

  /** The last run's findings, when `key` (a digest of every input of the checks) is the same. */
  reusableResult(key: string): CheckedResult | undefined {
    const checked = this.contents.checked;
    this.stats.findingsReused = checked?.key === key;
    return checked?.key === key ? checked.result : undefined;
  }

  storeResult(key: string, result: CheckedResult): void {
    this.contents.checked = { key, result };
    this.dirty = true;
  }

  /** Writes the facts of the files this run saw (others are dropped), atomically. */
  save(): void {
    if (!this.dirty && this.used.size === this.files.size) return;
    const files = new Map<string, CacheEntry>();
    for (const file of [...this.used].sort()) files.set(file, this.files.get(file)!);
    const targets = this.contents.resolution?.targets;
    if (targets) for (const file of targets.keys()) if (!this.used.has(file)) targets.delete(file);
    // A read-only cache folder only costs the next run its speed-up: the result is not looked at.
    writeFactsCache(this.file, this.identity, this.root, { ...this.contents, stamp: this.stamp, files });
  }

  /** Facts taken on another day are current only when the day does not matter to them. */
  private current(entry: CacheEntry): boolean {
    return entry.today === undefined || entry.today === this.today;
  }

  private hit(file: string, facts: FileFacts): FileFacts {
    this.used.add(file);
    this.unchanged.add(file);
    this.stats.reused++;
    return facts;
  }
}

function hashText(text: string): string {
  return createHash('sha1').update(text).digest('base64');
}

/** The debt policy as facts see it (where it is written in the rules file does not matter). */
function policyDigest(config: RulesConfig): string {
  const policy = JSON.stringify(config.debt, (key, value: unknown) => (key === 'location' ? undefined : value));
  return createHash('sha1').update(policy).digest('hex');
}

/**
 * This folder on this machine, as it is now: the path, the host, and the folder's device, inode
 * and birth time (a fresh clone or CI checkout at the same path is another folder). Stored as a
 * digest: the cache holds no path of the machine that wrote it.
 */
function localStamp(root: string): string {
  let folder = '';
  try {
    const stat = fs.statSync(root, { bigint: true });
    folder = `${stat.dev} ${stat.ino} ${stat.birthtimeNs}`;
  } catch {
    // No folder identity: the path and the host still tell machines apart.
  }
  return createHash('sha1').update(JSON.stringify([path.resolve(root), os.hostname(), folder])).digest('hex');
}
