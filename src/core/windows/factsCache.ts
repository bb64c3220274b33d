// Facts of files already analysed, by path and exact text. Over months of daily states most files
// are the same blob day after day: each version is parsed once. The blob store hands out one string
// per blob, so a hit on an unchanged file compares a string with itself. A seed (the live
// analysis's disk cache) answers for versions this history has not seen yet.
import type { FileFacts } from '../analysis/fileAnalysis';
import type { FactsCache } from '../analysis/project';
import { servesFacts } from '../analysis/factsCache';

/**
 * Versions kept per file. A history steps forward through time and rarely meets an old version
 * again; keeping a few bounds memory on a long history of a busy file.
 */
const VERSIONS_PER_FILE = 4;

export class TextFactsCache implements FactsCache {
  private readonly byFile = new Map<string, Map<string, FileFacts>>();
  hits = 0;
  misses = 0;
  /** Hits answered by the seed. */
  seeded = 0;

  constructor(private readonly seed?: Pick<FactsCache, 'get'>) {}

  get(file: string, text: string, parseErrors?: boolean): FileFacts | undefined {
    let facts = this.byFile.get(file)?.get(text);
    if (facts && !servesFacts(facts, parseErrors)) facts = undefined;
    if (!facts && this.seed) {
      facts = this.seed.get(file, text, parseErrors);
      if (facts) {
        this.seeded++;
        this.set(file, text, facts);
      }
    }
    if (facts) this.hits++;
    else this.misses++;
    return facts;
  }

  set(file: string, text: string, facts: FileFacts): void {
    let versions = this.byFile.get(file);
    if (!versions) {
      versions = new Map();
      this.byFile.set(file, versions);
    }
    versions.delete(text);
    versions.set(text, facts);
    if (versions.size > VERSIONS_PER_FILE) versions.delete(versions.keys().next().value!);
  }
}

/**
 * A seed opened on first use: reading the live analysis's cache file costs a run whose history is
 * all in the history cache (nothing changed) a good part of its time, for nothing.
 */
export function lazySeed(open: () => Pick<FactsCache, 'get'>): Pick<FactsCache, 'get'> {
  let seed: Pick<FactsCache, 'get'> | undefined;
  return { get: (file, text, parseErrors) => (seed ??= open()).get(file, text, parseErrors) };
}
