import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { RulesConfig } from '../model/ruleTypes';
import type { FileStat } from '../fs/fileSystem';
import type { AnalysisResult, Target } from '../model/types';
import { writeFileAtomic } from '../util/writeFileAtomic';
import type { FileFacts } from './fileAnalysis';
import type { FactsCache } from './project';

const FORMAT = 2;
/**
 * A file modified this close to the moment it was looked at may change again within the same
 * clock tick (coarse file-system clocks tick in seconds): only older modification times vouch
 * for a file's content, as in git's index.
 */
const RACY_MS = 2000;

/** Size and modification time when the file was read, and when that was. */
interface SeenStat {
  size: number;
  mtimeMs: number;
  seenAt: number;
}

interface Entry extends Partial<SeenStat> {
  hash: string;
  facts: FileFacts;
}

interface Stored {
  format: number;
  key: string;
  files: Record<string, Entry>;
  /** The file list and configuration the targets were resolved under. */
  signature?: string;
  targets?: Record<string, Target[]>;
  /** The findings of the last run, and the rules they were checked with. */
  checked?: { rulesKey: string; result: CheckedResult };
}

/** What the checks found, before the baseline: reused when nothing at all changed. */
export type CheckedResult = Pick<AnalysisResult, 'violations' | 'debt' | 'notices'>;

/**
 * What each file contributes (imports, debt, suppressions), kept on disk between runs and keyed by
 * the file's content, so `check --cache` re-parses only files that changed since the last run.
 * One cache per rules file; anything the facts depend on besides the text (the engine's version,
 * the rules' debt policy, today's date for overdue debt) is in its key, and a key that differs
 * starts the cache afresh. A cache that cannot be read or written only costs speed.
 * A file whose size and modification time are those seen when its facts were stored (and were
 * not fresh then) is not even read, as git's index and ESLint's metadata cache do; any other file
 * is read and its text decides.
 */
export class DiskFactsCache implements FactsCache {
  private readonly files = new Map<string, Entry>();
  /** Stats taken this run, kept with the facts of the files they describe. */
  private readonly stats = new Map<string, SeenStat>();
  private readonly openedAt = Date.now();
  private readonly used = new Set<string>();
  /** Files whose text was found unchanged this run: only their imports may reuse old targets. */
  private readonly unchanged = new Set<string>();
  private signature: string | undefined;
  private readonly targetsByFile = new Map<string, Target[]>();
  private targetsWritten = false;
  private checked: Stored['checked'];
  private dirty = false;
  hits = 0;
  misses = 0;

  private constructor(private readonly file: string, private readonly key: string) {}

  static open(dir: string, config: RulesConfig, today: string, engineVersion: string): DiskFactsCache {
    const id = createHash('sha1').update(config.file).digest('hex').slice(0, 12);
    const key = createHash('sha1').update(JSON.stringify([FORMAT, engineVersion, today, config.debt.tags, config.debt.require, config.debt.match])).digest('hex');
    const cache = new DiskFactsCache(path.join(dir, `facts-${id}.json`), key);
    try {
      const stored = JSON.parse(fs.readFileSync(cache.file, 'utf8')) as Stored;
      if (stored.format === FORMAT && stored.key === key) {
        for (const [file, entry] of Object.entries(stored.files)) cache.files.set(file, entry);
        cache.signature = stored.signature;
        for (const [file, targets] of Object.entries(stored.targets ?? {})) cache.targetsByFile.set(file, targets);
        cache.checked = stored.checked;
      }
    } catch {
      // No cache yet, or an unreadable one: start empty.
    }
    return cache;
  }

  get(file: string, text: string): FileFacts | undefined {
    const entry = this.files.get(file);
    if (entry && entry.hash === hashText(text)) {
      const stat = this.stats.get(file);
      if (stat && (stat.size !== entry.size || stat.mtimeMs !== entry.mtimeMs || entry.seenAt === undefined || entry.mtimeMs >= entry.seenAt - RACY_MS)) {
        // Same text under a new stat (touched, checked out again): next time the stat vouches for it.
        this.files.set(file, { ...entry, ...stat });
        this.dirty = true;
      }
      return this.hit(file, entry.facts);
    }
    this.misses++;
    return undefined;
  }

  /** Facts of a file whose size and modification time are those stored, long enough ago to be sure. */
  knownUnchanged(file: string, stat: FileStat): FileFacts | undefined {
    const entry = this.files.get(file);
    if (!entry || entry.seenAt === undefined || stat.mtimeMs === undefined) return undefined;
    if (entry.size !== stat.size || entry.mtimeMs !== stat.mtimeMs || stat.mtimeMs >= entry.seenAt - RACY_MS) return undefined;
    return this.hit(file, entry.facts);
  }

  noteStat(file: string, stat: FileStat): void {
    if (stat.mtimeMs !== undefined) this.stats.set(file, { size: stat.size, mtimeMs: stat.mtimeMs, seenAt: this.openedAt });
  }

  set(file: string, text: string, facts: FileFacts): void {
    this.files.set(file, { hash: hashText(text), facts, ...this.stats.get(file) });
    this.used.add(file);
    this.dirty = true;
  }

  private hit(file: string, facts: FileFacts): FileFacts {
    this.used.add(file);
    this.unchanged.add(file);
    this.hits++;
    return facts;
  }

  /** Cached targets of a file whose text is unchanged, when the file list and configuration are too. */
  targets(signature: string, file: string): Target[] | undefined {
    return signature === this.signature && this.unchanged.has(file) ? this.targetsByFile.get(file) : undefined;
  }

  setTargets(signature: string, file: string, targets: Target[]): void {
    if (signature !== this.signature) {
      this.signature = signature;
      this.targetsByFile.clear();
    }
    this.targetsByFile.set(file, targets);
    this.targetsWritten = true;
    this.dirty = true;
  }

  /**
   * The last run's findings, when this run changed nothing: every file's text and imports were
   * found unchanged and the rules (`rulesKey`, a hash of the rules files) are the same.
   */
  reusableResult(rulesKey: string): CheckedResult | undefined {
    const unchanged = this.misses === 0 && !this.targetsWritten && this.used.size === this.files.size;
    return unchanged && this.checked?.rulesKey === rulesKey ? this.checked.result : undefined;
  }

  storeResult(rulesKey: string, result: CheckedResult): void {
    this.checked = { rulesKey, result };
    this.dirty = true;
  }

  /** Writes the facts of the files this run saw (others are dropped), atomically. */
  save(): void {
    if (!this.dirty && this.used.size === this.files.size) return;
    const stored: Stored = { format: FORMAT, key: this.key, files: {}, signature: this.signature, targets: {}, checked: this.checked };
    for (const file of [...this.used].sort()) {
      stored.files[file] = this.files.get(file)!;
      const targets = this.targetsByFile.get(file);
      if (targets) stored.targets![file] = targets;
    }
    // A read-only cache folder only costs the next run its speed-up: the result is not looked at.
    writeFileAtomic(this.file, JSON.stringify(stored), 'facts cache');
  }
}

function hashText(text: string): string {
  return createHash('sha1').update(text).digest('base64');
}
