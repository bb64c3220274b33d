// How often each file changed lately (git), per rules file's folder: what ranks hotspots and what
// debt rows carry so the Debt view can put the hottest first. Looked up in the background, once
// per full load: the views never wait on git, and get a status notification when counts arrive.
import { Emitter, type Event } from 'vscode-languageserver';
import { changeCounts, DEFAULT_DAYS, type ChangeCountsResult, type FileChanges } from '../core';

interface Lookup {
  today: string;
  result: Promise<ChangeCountsResult>;
  known?: ChangeCountsResult;
  /** A view asked before the counts were known: say when they are. */
  announce?: boolean;
}

export class ChangeFrequency {
  private readonly learned = new Emitter<void>();
  /** Counts arrived that a view asked for before they were known. */
  readonly onDidLearn: Event<void> = this.learned.event;
  private readonly byRoot = new Map<string, Lookup>();
  readonly days = DEFAULT_DAYS;

  constructor(
    /** Where commits' changed files are kept between lookups (the client's storage), if anywhere. */
    private readonly cacheDir: () => string | undefined,
    /** False in an untrusted workspace: git is not run. */
    private readonly gitAllowed: () => boolean,
  ) {}

  /** A full load (commits may have come), or trust was granted: look up again when next asked. */
  reset(): void {
    this.byRoot.clear();
  }

  /**
   * HEAD moved (a commit, a checkout, a pull): every root asked about is looked up again in the
   * background; the counts known meanwhile stay, and the views hear when the new ones arrive.
   */
  refresh(): void {
    for (const [root, previous] of [...this.byRoot]) {
      this.byRoot.delete(root);
      const lookup = this.lookUp(root, previous.today);
      if (!lookup) continue;
      lookup.known ??= previous.known;
      void lookup.result.then(() => {
        this.learned.fire();
      });
    }
  }

  dispose(): void {
    this.learned.dispose();
  }

  /** The counts under `root` if known (absolute paths); otherwise undefined, and they are looked up. */
  known(root: string, today: string): ReadonlyMap<string, FileChanges> | undefined {
    const lookup = this.lookUp(root, today);
    if (!lookup) return undefined;
    if (!lookup.known && !lookup.announce) {
      lookup.announce = true;
      void lookup.result.then(() => {
        this.learned.fire();
      });
    }
    return lookup.known?.ok ? lookup.known.byFile : undefined;
  }

  /** The counts under `root`, once looked up; a failure says why (not a repository, git missing, Restricted Mode). */
  counts(root: string, today: string): Promise<ChangeCountsResult> {
    return this.lookUp(root, today)?.result ?? Promise.resolve({ ok: false, message: 'git is not run in a workspace you have not trusted (Restricted Mode)' });
  }

  private lookUp(root: string, today: string): Lookup | undefined {
    if (!this.gitAllowed()) return undefined;
    let lookup = this.byRoot.get(root);
    if (!lookup || lookup.today !== today) {
      const started: Lookup = {
        today,
        result: changeCounts(root, today, this.days, { cacheDir: this.cacheDir() }).then((result) => {
          started.known = result;
          return result;
        }),
      };
      lookup = started;
      this.byRoot.set(root, lookup);
    }
    return lookup;
  }
}
