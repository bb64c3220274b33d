// Facts of files already analysed, by path and exact text. Over a month of daily states most files
// are the same blob day after day: each version is parsed once. The blob store hands out one string
// per blob, so a hit on an unchanged file compares a string with itself.
import type { FileFacts } from '../analysis/fileAnalysis';
import type { FactsCache } from '../analysis/project';

export class TextFactsCache implements FactsCache {
  private readonly byFile = new Map<string, Map<string, FileFacts>>();
  hits = 0;
  misses = 0;

  get(file: string, text: string): FileFacts | undefined {
    const facts = this.byFile.get(file)?.get(text);
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
    versions.set(text, facts);
  }
}
