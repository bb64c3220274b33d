// Blob texts by object id. A blob's text never changes, so a month of daily states reads each
// version of each file once; and one string per blob means equal files are the same string.
import { decodeText } from '../fs/textFile';
import { readBlobs, readBlobSync } from './catFile';
import type { GitFailure } from './gitRunner';
import type { GitRepository } from './repository';

export interface BlobSource {
  /** Text of a blob (decoded as files on disk are); undefined when it cannot be read. */
  text(oid: string): string | undefined;
}

export class BlobStore implements BlobSource {
  private readonly texts = new Map<string, string>();
  /** Blobs read one at a time because nobody prefetched them (kept low by prefetching). */
  syncReads = 0;

  constructor(private readonly repo: GitRepository) {}

  /** Reads the blobs not read yet, all through one `git cat-file --batch`. */
  async prefetch(oids: Iterable<string>): Promise<{ ok: true; read: number } | { ok: false; failure: GitFailure }> {
    const wanted = [...new Set(oids)].filter((oid) => !this.texts.has(oid));
    const result = await readBlobs(this.repo, wanted);
    if (!result.ok) return result;
    for (const [oid, data] of result.blobs) this.texts.set(oid, decodeText(data));
    return { ok: true, read: result.blobs.size };
  }

  text(oid: string): string | undefined {
    const known = this.texts.get(oid);
    if (known !== undefined) return known;
    const data = readBlobSync(this.repo, oid);
    if (data === undefined) return undefined;
    this.syncReads++;
    const text = decodeText(data);
    this.texts.set(oid, text);
    return text;
  }
}
