// Blob texts by object id. A blob's text never changes, so a month of daily states reads each
// version of each file once; and one string per blob means equal files are the same string.
import { decodeText } from '../fs/textFile';
import { readBlobs, readBlobSync } from './catFile';
import type { CatFileSession } from './catFileSession';
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

  /** `session`: a cat-file process kept open (a history); without it each prefetch starts one. */
  constructor(private readonly repo: GitRepository, private readonly session?: CatFileSession) {}

  /** Reads the blobs not read yet, all through one `git cat-file --batch`. */
  async prefetch(oids: Iterable<string>): Promise<{ ok: true; read: number } | { ok: false; failure: GitFailure }> {
    const wanted = [...new Set(oids)].filter((oid) => !this.texts.has(oid));
    if (wanted.length === 0) return { ok: true, read: 0 };
    if (this.session) {
      const read = await this.session.read(wanted);
      if (!read.ok) return read;
      let count = 0;
      for (const [oid, object] of read.objects) {
        if (object.type !== 'blob') continue;
        this.texts.set(oid, object.data.toString('utf8'));
        count++;
      }
      return { ok: true, read: count };
    }
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
