// Where HEAD points in each workspace folder, looked at again when something under .git changes (a
// commit, a checkout, a pull write there; the client's file watcher reports it). A pull writes many
// files in a burst, so the look waits for the burst to end; a fetch moves no HEAD and fires nothing.
import { Emitter, type Event } from 'vscode-languageserver';
import { openRepository } from '../core';

/** How long .git stays quiet before HEAD is looked at. */
export const HEAD_SETTLE_MS = 300;

export class GitHeads {
  private readonly heads = new Map<string, string | undefined>();
  private timer: NodeJS.Timeout | undefined;
  private looking: Promise<void> = Promise.resolve();
  private readonly moved = new Emitter<void>();
  /** HEAD moved in a folder since it was last looked at. */
  readonly onDidMove: Event<void> = this.moved.event;

  constructor(
    private readonly folders: () => readonly string[],
    /** False in an untrusted workspace: git does not run. */
    private readonly gitAllowed: () => boolean,
    private readonly settleMs = HEAD_SETTLE_MS,
  ) {}

  dispose(): void {
    clearTimeout(this.timer);
    this.moved.dispose();
  }

  /** Notes where HEAD points now, without firing (a full load has just read everything anyway). */
  remember(): Promise<void> {
    return this.look(false);
  }

  /** Something under .git changed: look once it has been quiet a moment, and fire if HEAD moved. */
  poke(): void {
    if (!this.gitAllowed()) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.look(true), this.settleMs);
  }

  private look(fire: boolean): Promise<void> {
    // One look at a time, so a slow git cannot report an older HEAD after a newer one.
    this.looking = this.looking.then(async () => {
      if (!this.gitAllowed()) return;
      let changed = false;
      for (const folder of this.folders()) {
        const opened = await openRepository(folder);
        const head = opened.ok ? opened.repo.head : undefined;
        if (this.heads.has(folder) && this.heads.get(folder) !== head) changed = true;
        this.heads.set(folder, head);
      }
      if (changed && fire) this.moved.fire();
    }).catch(() => undefined);
    return this.looking;
  }
}
