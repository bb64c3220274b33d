// `check --cache` and module resolution. While a project loads, resolution reads the file system
// through a recorder: every question it asks (this tsconfig and the ones it extends, package.json
// `exports` and `imports`, folder listings, where links lead) is kept with its answer, beside where
// each file's imports led. The next run asks those questions again; when every answer is the same,
// resolution would come out the same, so files whose text did not change keep their targets. What
// resolution depends on is thus what it read, never a list of files kept by hand.
import { createHash } from 'node:crypto';
import { builtinModules } from 'node:module';
import { ts } from 'ts-morph';
import type { FileSystem } from '../fs/fileSystem';
import { RecordingFileSystem, stillAnswered } from '../fs/recordingFileSystem';
import type { Edge, Notice, Target } from '../model/types';
import type { FileFacts } from './fileAnalysis';
import { rootShape } from './portablePaths';
import type { FactsCache } from './factsCache';

type ResolutionCache = Required<Pick<FactsCache, 'lastResolution' | 'targets' | 'storeResolution'>>;

/** A cache that keeps resolution between runs (the disk cache; not the git history's in-memory one). */
export function keepsResolution(cache: FactsCache | undefined): cache is FactsCache & ResolutionCache {
  return cache?.lastResolution !== undefined && cache.targets !== undefined && cache.storeResolution !== undefined;
}

export class ResolutionReuse {
  private readonly recorder: RecordingFileSystem;
  /** The last run's questions get the same answers: its targets hold for files whose text is the same. */
  private trusted = false;
  private ended = false;
  /** Notices resolution gave in the last run (resolving a file again gives them again). */
  private lastNotices: readonly Notice[] = [];
  private resolved = 0;
  private readonly environment: string;

  constructor(private readonly fs: FileSystem, private readonly cache: ResolutionCache, root: string) {
    this.recorder = new RecordingFileSystem(fs);
    this.environment = resolutionEnvironment(root);
  }

  /** The file system resolution reads through: recorded until the load ends. */
  get resolutionFs(): FileSystem {
    return this.recorder;
  }

  /** At the start of the load: asks the last run's questions again. */
  begin(): void {
    const last = this.cache.lastResolution();
    this.trusted = last !== undefined && last.environment === this.environment && stillAnswered(this.fs, last.queries);
    if (last && this.trusted) {
      this.recorder.adopt(last.queries);
      this.lastNotices = last.notices;
    }
  }

  /** Where the file's imports led in the last run, when that still holds; otherwise it is resolved (and counted). */
  known(facts: FileFacts): Target[] | undefined {
    if (this.ended) return undefined;
    const known = this.trusted ? this.cache.targets(facts.file) : undefined;
    if (known && known.length === facts.imports.length) return known;
    this.resolved++;
    return undefined;
  }

  /** At the end of the load: stores this run's questions, notices and targets, and stops recording. */
  end(edges: ReadonlyMap<string, readonly Edge[]>, resolverNotices: readonly Notice[]): void {
    if (this.ended) return;
    const targets = new Map<string, Target[]>();
    for (const [file, list] of edges) targets.set(file, list.map((edge) => edge.to));
    this.cache.storeResolution({ environment: this.environment, queries: this.recorder.queries(), notices: this.notices(resolverNotices), targets, resolved: this.resolved });
    this.ended = true;
    this.trusted = false;
    this.recorder.stop();
  }

  /** Resolution's notices: the last run's (for files not resolved again) and this run's, each once. */
  notices(resolverNotices: readonly Notice[]): Notice[] {
    const seen = new Set<string>();
    return [...this.lastNotices, ...resolverNotices].filter((notice) => {
      const key = `${notice.level}\0${notice.file ?? ''}\0${notice.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }

  /** Everything is resolved again (a tsconfig edit in the editor): only the resolver's own notices hold. */
  forget(): void {
    this.lastNotices = [];
  }
}

/**
 * What resolution depends on that no file says: where the root lies (the shape of its path, see
 * `rootShape`), whether file names are case-sensitive, and which names Node.js has built in.
 */
function resolutionEnvironment(root: string): string {
  const builtins = createHash('sha1').update([...builtinModules].sort().join(',')).digest('hex');
  return `${rootShape(root)} case-${ts.sys.useCaseSensitiveFileNames ? 'sensitive' : 'insensitive'} builtins-${builtins}`;
}
