import type { FileAnalysisContext, FileFacts } from './fileAnalysis';
import type { FactsRequest, FactsWorkers } from './factsWorkers';

/** Files the main thread parses between two looks at worker replies (a divisor of PROGRESS_EVERY). */
const MAIN_BATCH = 25;
/** Files sent to a worker at once: big enough that messaging is noise, small enough to balance. */
const WORKER_BATCH = 50;
const PROGRESS_EVERY = 250;

/** What the queue asks of the project for each file. */
export interface LoadSource {
  /** Facts known without parsing (cached), the text to parse, or undefined when unreadable. */
  read(file: string): { facts: FileFacts } | { text: string } | undefined;
  /** Parses on this thread (and caches). */
  analyse(file: string, text: string): FileFacts;
  /** Keeps what a worker parsed (caches it). */
  parsed(file: string, text: string, facts: FileFacts): void;
  /** Takes a file's facts in; called in file order. */
  adopt(facts: FileFacts): void;
  context(): FileAnalysisContext;
}

export interface QueueProgress {
  onProgress?(done: number, total: number): void;
  isCancelled?(): boolean;
}

/**
 * A first load: files are handed out in order, in batches, to the main thread and to worker
 * threads alike; whatever thread parsed a file, its facts are adopted in file order, so
 * resolution, notices and results never depend on the threads. Returns false when cancelled.
 */
export async function runLoadQueue(files: readonly string[], source: LoadSource, workers: FactsWorkers | undefined, progress: QueueProgress): Promise<boolean> {
  return new LoadQueue(files, source).run(workers, progress);
}

class LoadQueue {
  /** undefined: not analysed yet; null: unreadable, or already adopted. */
  private readonly slots: (FileFacts | null | undefined)[];
  /** Files handed out so far, to any thread. */
  private taken = 0;
  private adopted = 0;
  private cancelled = false;
  /** Wakes the main thread when it waits for a worker's batch. */
  private wake: (() => void) | undefined;
  /** An error a batch ended with: the load stops and `run` throws it, as a single thread would. */
  private failure: { error: unknown } | undefined;

  constructor(private readonly files: readonly string[], private readonly source: LoadSource) {
    this.slots = new Array<(typeof this.slots)[number]>(files.length);
  }

  async run(workers: FactsWorkers | undefined, progress: QueueProgress): Promise<boolean> {
    const workerCount = workers?.workersFor(this.files.length) ?? 0;
    // Small loads (`--concurrency N` on a small project) are still shared out evenly.
    const batch = Math.max(1, Math.min(WORKER_BATCH, Math.ceil(this.files.length / (4 * (workerCount + 1)))));
    // Two batches in flight per worker, so a worker never waits for the main thread to hand it one.
    const feeders = workers && workerCount > 0
      ? Array.from({ length: 2 * workerCount }, () => this.feed(workers, batch).catch((error: unknown) => {
        this.failure ??= { error };
        this.wake?.();
      }))
      : [];
    try {
      let reported = -1;
      while (this.adopted < this.files.length) {
        if (this.failure) throw this.failure.error;
        if (progress.isCancelled?.()) return false;
        const [start, end] = this.take(MAIN_BATCH);
        for (let i = start; i < end; i++) {
          const read = this.source.read(this.files[i]);
          this.slots[i] = read === undefined ? null : 'facts' in read ? read.facts : this.source.analyse(this.files[i], read.text);
        }
        this.adoptReady();
        if (Math.floor(this.adopted / PROGRESS_EVERY) !== reported) {
          reported = Math.floor(this.adopted / PROGRESS_EVERY);
          progress.onProgress?.(this.adopted, this.files.length);
        }
        if (this.adopted === this.files.length) break;
        if (start === end) {
          // Everything is handed out: wait for a worker's batch.
          await new Promise<void>((resolve) => (this.wake = resolve));
          this.wake = undefined;
        } else if (feeders.length > 0 || end % PROGRESS_EVERY === 0) {
          // Let worker replies (and the editor's events) in.
          await new Promise((resolve) => setImmediate(resolve));
        }
      }
      await Promise.all(feeders);
      if (this.failure) throw this.failure.error;
      progress.onProgress?.(this.files.length, this.files.length);
      return true;
    } finally {
      this.cancelled = true;
    }
  }

  private take(count: number): [number, number] {
    const start = this.taken;
    this.taken = Math.min(this.files.length, start + count);
    return [start, this.taken];
  }

  /** Adopts, in file order, every file whose facts have arrived. */
  private adoptReady(): void {
    for (; this.adopted < this.files.length && this.slots[this.adopted] !== undefined; this.adopted++) {
      const facts = this.slots[this.adopted];
      this.slots[this.adopted] = null;
      if (facts) this.source.adopt(facts);
    }
  }

  /** Hands batches to the workers until every file is taken. */
  private async feed(workers: FactsWorkers, batchSize: number): Promise<void> {
    const ctx = this.source.context();
    for (;;) {
      const [start, end] = this.take(batchSize);
      if (this.cancelled || this.failure || start === end) return;
      const batch: FactsRequest[] = [];
      const indices: number[] = [];
      for (let i = start; i < end; i++) {
        const read = this.source.read(this.files[i]);
        if (read === undefined || 'facts' in read) this.slots[i] = read?.facts ?? null;
        else {
          batch.push({ file: this.files[i], text: read.text });
          indices.push(i);
        }
      }
      const facts = batch.length > 0 ? await workers.analyze(batch, ctx) : [];
      facts.forEach((fileFacts, k) => {
        this.source.parsed(batch[k].file, batch[k].text, fileFacts);
        this.slots[indices[k]] = fileFacts;
      });
      this.wake?.();
    }
  }
}
