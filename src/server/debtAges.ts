import { Emitter, type Event } from 'vscode-languageserver';
import { daysBetween, lineDates, openRepository, type DebtItem, type GitRepository } from '../core';

const MAX_BLAMES = 4;

/**
 * How old each debt item is, from `git blame` of its line. Looked up lazily, once per file and
 * content, in the background: the tree shows ages as they arrive and never waits on git.
 */
export class DebtAges {
  private readonly learned = new Emitter<void>();
  /** Fires once for a burst of answers. */
  readonly onDidLearn: Event<void> = this.learned.event;
  private readonly dates = new Map<string, Map<number, string> | 'pending' | 'unknown'>();
  private repository: Promise<GitRepository | undefined> | undefined;
  /** Files waiting for `git blame`; a few run at once so opening the view never forks hundreds of processes. */
  private readonly queue: string[] = [];
  private running = 0;
  private announceTimer: NodeJS.Timeout | undefined;

  constructor(private readonly folder: () => string | undefined) {}

  /** The folder changed (a new workspace): repositories are looked up again. */
  reset(): void {
    this.dates.clear();
    this.repository = undefined;
  }

  dispose(): void {
    clearTimeout(this.announceTimer);
    this.learned.dispose();
  }

  /** Forget a file's dates (it changed). */
  invalidate(file: string): void {
    this.dates.delete(file);
  }

  ageInDays(item: DebtItem, today: string): number | undefined {
    const known = this.dates.get(item.file);
    if (known === undefined) {
      this.lookUp(item.file);
      return undefined;
    }
    if (typeof known === 'string') return undefined;
    const written = known.get(item.range.start.line);
    if (!written) return undefined;
    return Math.max(0, daysBetween(written, today));
  }

  private lookUp(file: string): void {
    this.dates.set(file, 'pending');
    this.queue.push(file);
    this.next();
  }

  private next(): void {
    while (this.running < MAX_BLAMES && this.queue.length > 0) {
      const file = this.queue.shift()!;
      this.running++;
      void this.repo()
        .then((repo) => (repo ? lineDates(repo, file) : undefined))
        .then((dates) => {
          this.dates.set(file, dates ?? 'unknown');
          if (dates) this.announce();
        }, () => this.dates.set(file, 'unknown'))
        .finally(() => {
          this.running--;
          this.next();
        });
    }
  }

  /** One refresh for a burst of answers, not one per file. */
  private announce(): void {
    clearTimeout(this.announceTimer);
    this.announceTimer = setTimeout(() => {
      this.learned.fire();
    }, 250);
  }

  private repo(): Promise<GitRepository | undefined> {
    const folder = this.folder();
    if (!folder) return Promise.resolve(undefined);
    this.repository ??= openRepository(folder).then((opened) => (opened.ok ? opened.repo : undefined));
    return this.repository;
  }
}
