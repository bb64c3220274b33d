import type { Notice } from '../core';

/**
 * A workspace larger than the `maxFiles` setting is said so once per rules file and cap, with what
 * to do, rather than on every reload (the notice stays in the status bar's tooltip and the log).
 */
export class FileCapWarnings {
  private readonly shown = new Set<string>();

  /** The file-cap notices among `notices` not shown before. */
  fresh(notices: readonly Notice[]): Notice[] {
    const fresh: Notice[] = [];
    for (const notice of notices) {
      if (notice.code !== 'max-files') continue;
      const key = `${notice.file ?? ''}\0${notice.message}`;
      if (this.shown.has(key)) continue;
      this.shown.add(key);
      fresh.push(notice);
    }
    return fresh;
  }
}
