// `guardrails.newSince`: findings that were already there where the branch left the ref are shown
// softened, new ones at full severity, so a team can adopt the rules on a codebase with a thousand
// old findings and still see at once what a change adds. The core keeps each folder's merge base
// (SinceTracker); this decides when to look again and which current findings are old.
import { Emitter, type Event } from 'vscode-languageserver';
import type { Log } from './folderAnalysis';
import type { WorkspaceAnalysis } from './workspaceAnalysis';
import { compareFindings, SinceTracker, todayIso, type AnalysisResult, type DebtItem, type Notice, type Violation } from '../core';

/** HEAD moves with a commit, a checkout or a pull: looked for at most this often on saves. */
const CHECK_INTERVAL_MS = 5000;

export interface ExistingFindings {
  violations: ReadonlySet<Violation>;
  debt: ReadonlySet<DebtItem>;
}

export class NewCodeBases {
  private trackers = new Map<string, SinceTracker>();
  private ref = '';
  private lastCheck = 0;
  private timer: NodeJS.Timeout | undefined;
  private readonly reported = new Set<string>();
  private readonly changeEmitter = new Emitter<void>();
  /** A merge base was analysed again, or could no longer be. */
  readonly onDidChange: Event<void> = this.changeEmitter.event;

  constructor(
    private readonly analysis: WorkspaceAnalysis,
    private readonly log: Log,
    /** Git runs only in a trusted workspace: in Restricted Mode every finding keeps its severity. */
    private readonly gitAllowed: () => boolean = () => true,
  ) {}

  dispose(): void {
    clearTimeout(this.timer);
    this.changeEmitter.dispose();
  }

  /** The analysis (re)loaded, or the setting changed: every folder's merge base analysed afresh. */
  refresh(): void {
    const ref = this.analysis.currentSettings.newSince;
    if (ref !== this.ref) {
      this.ref = ref;
      this.trackers = new Map();
      for (const folder of this.analysis.folderAnalyses()) folder.compareWithBase(undefined);
      this.reported.clear();
      this.changeEmitter.fire();
    }
    void this.check(true);
  }

  /** Something may have moved HEAD or the ref (a save, a change under .git): look, at most every few seconds. */
  poke(): void {
    if (this.ref === '' || this.timer) return;
    const wait = Math.max(0, this.lastCheck + CHECK_INTERVAL_MS - Date.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.check(false);
    }, wait);
  }

  /** Current findings that were already there, by identity; undefined when new-code mode is off. */
  existing(): ExistingFindings | undefined {
    if (this.ref === '' || !this.gitAllowed()) return undefined;
    const violations = new Set<Violation>();
    const debt = new Set<DebtItem>();
    for (const folder of this.analysis.folderAnalyses()) {
      const base = this.trackers.get(folder.folder)?.base;
      if (!base) continue;
      const results = folder.projects().map((entry) => entry.result);
      const now = { violations: results.flatMap((result) => result.violations), debt: results.flatMap((result) => result.debt) };
      const compared = compareFindings(now, base.result);
      for (const violation of compared.existing.violations) violations.add(violation);
      for (const item of compared.existing.debt) debt.add(item);
    }
    return { violations, debt };
  }

  /** A folder's merge-base analysis, once known; undefined when new-code mode is off. */
  baseResult(folder: string): AnalysisResult | undefined {
    if (this.ref === '' || !this.gitAllowed()) return undefined;
    return this.trackers.get(folder)?.base?.result;
  }

  /** Why new-code mode cannot work in a folder (an unknown ref, no git): for the status bar. */
  notices(): Notice[] {
    if (this.ref !== '' && !this.gitAllowed()) {
      return [{ level: 'warning', message: 'guardrails.newSince needs git, which does not run in Restricted Mode: every finding is shown at its own severity until the workspace is trusted' }];
    }
    return [...this.trackers.values()].flatMap((tracker) => (tracker.problem ? [{ level: 'warning' as const, message: `guardrails.newSince: ${tracker.problem}`, file: tracker.dir }] : []));
  }

  private async check(force: boolean): Promise<void> {
    if (this.ref === '' || !this.gitAllowed()) return;
    this.lastCheck = Date.now();
    const settings = this.analysis.currentSettings;
    const options = { today: settings.today || todayIso(), include: settings.include, exclude: settings.exclude, maxFiles: settings.maxFiles };
    for (const folder of this.analysis.folderAnalyses()) {
      let tracker = this.trackers.get(folder.folder);
      if (!tracker) {
        tracker = new SinceTracker(folder.folder, this.ref);
        this.trackers.set(folder.folder, tracker);
      }
      const configs = folder.projects().map((entry) => entry.project.config);
      if (configs.length === 0) continue;
      const started = performance.now();
      const changed = await tracker.update(configs, folder.folder, options, force);
      if (tracker !== this.trackers.get(folder.folder)) return; // the setting changed meanwhile
      // The current findings are checked again knowing the merge base: a tangle keeps its cut there.
      if (changed) folder.compareWithBase(tracker.base?.result);
      if (tracker.base && changed) {
        this.log.info(`new code since ${this.ref}: merge base ${tracker.base.commit.slice(0, 12)} analysed for ${folder.folder} in ${Math.round(performance.now() - started)} ms`);
      }
      if (tracker.problem && !this.reported.has(tracker.problem)) {
        this.reported.add(tracker.problem);
        this.log.warn(`guardrails.newSince: ${tracker.problem}`);
      }
      if (changed) this.changeEmitter.fire();
    }
  }
}
