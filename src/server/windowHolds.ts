// The ratchet in the editor: an ended window keeps what it reached, and a goal's number in its
// scope rising above its value at the window's end is a `window-regressed` finding on the window
// in the rules file, as `guardrails check` reports it. What each window reached comes from git
// (cached in the client's storage), read again only after a full load, when HEAD moves or when the
// workspace becomes trusted; the numbers now are the live analysis's, so an edit that regresses a
// window shows at once and undoing it clears it, with no git run per keystroke.
import { Emitter, type Event } from 'vscode-languageserver';
import type { Log } from './folderAnalysis';
import type { WorkspaceAnalysis } from './workspaceAnalysis';
import {
  appendAll, compareFindings, heldValues, measureResult, ratchetFindings, ratchetFindingsAt, todayIso,
  type AnalysisResult, type FileSystem, type HeldValues, type RefactoringWindow, type RulesConfig, type Violation,
} from '../core';

export interface RegressedWindow {
  violation: Violation;
  config: RulesConfig;
  /** With `guardrails.newSince`: it had already regressed at the merge base (shown softened). */
  existing: boolean;
}

interface Held {
  /** Window id → what it reached, and the window as it was defined when that was read. */
  values: Map<string, HeldValues>;
  definitions: Map<string, string>;
}

export interface WindowHoldsOptions {
  /** False in an untrusted workspace: git does not run, and there is no ratchet. */
  gitAllowed: () => boolean;
  /** Where what history measured is kept between runs (the client's storage), if anywhere. */
  historyDir: () => string | undefined;
  engineVersion?: string;
  /** With `guardrails.newSince`: a folder's merge-base analysis, once known. */
  baseResult?: (folder: string) => AnalysisResult | undefined;
}

export class WindowHolds {
  /** By rules file. */
  private held = new Map<string, Held>();
  private generation = 0;
  private saidRestricted = false;
  private readonly reported = new Set<string>();
  private readonly findingsByResult = new WeakMap<AnalysisResult, { held: Held; base: AnalysisResult | undefined; found: RegressedWindow[] }>();
  private readonly changeEmitter = new Emitter<void>();
  /** What the windows reached was read again. */
  readonly onDidChange: Event<void> = this.changeEmitter.event;

  constructor(private readonly analysis: WorkspaceAnalysis, private readonly fs: FileSystem, private readonly log: Log, private readonly options: WindowHoldsOptions) {}

  dispose(): void {
    this.generation++;
    this.changeEmitter.dispose();
  }

  /** Reads again, from git, what every ended window that holds reached by its end. */
  async refresh(): Promise<void> {
    const generation = ++this.generation;
    const today = this.today();
    const projects = this.analysis.results().map((entry) => entry.project)
      .filter((project) => project.config.windows.some((window) => window.hold !== 'off' && window.end < today));
    if (!this.options.gitAllowed()) {
      if (projects.length > 0 && !this.saidRestricted) {
        this.saidRestricted = true;
        this.log.info('refactoring windows: whether an ended window holds (window-regressed) is not checked in Restricted Mode, where git does not run; trust the workspace to check it');
      }
      this.replace(new Map());
      return;
    }
    const next = new Map<string, Held>();
    const started = performance.now();
    for (const project of projects) {
      const config = project.config;
      const historyDir = this.options.historyDir();
      let found: Awaited<ReturnType<typeof heldValues>>;
      try {
        found = await heldValues(config, {
          today, excludeDirs: [...project.excludeDirs], ...(historyDir ? { cacheDir: historyDir, engineVersion: this.options.engineVersion ?? '' } : {}),
        });
      } catch (error) {
        this.log.error(`refactoring windows: reading what ${config.file}'s windows reached failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
        continue;
      }
      if (generation !== this.generation) return; // a newer refresh started meanwhile
      for (const notice of found.notices) {
        if (this.reported.has(notice.message)) continue;
        this.reported.add(notice.message);
        this.log.info(`${notice.file ? `${notice.file}: ` : ''}${notice.message}`);
      }
      if (found.values.size === 0) continue;
      const definitions = new Map(config.windows.filter((window) => found.values.has(window.id)).map((window) => [window.id, definition(window)]));
      next.set(config.file, { values: found.values, definitions });
    }
    if (projects.length > 0) this.log.info(`refactoring windows: what ${next.size === 1 ? '1 rules file' : `${next.size} rules files`}' ended windows reached read in ${Math.round(performance.now() - started)} ms`);
    this.replace(next);
  }

  /** The windows that regressed, as the code is now (every project's live result). */
  regressed(): RegressedWindow[] {
    if (this.held.size === 0) return [];
    const found: RegressedWindow[] = [];
    for (const folder of this.analysis.folderAnalyses()) {
      const base = this.options.baseResult?.(folder.folder);
      for (const { project, result } of folder.projects()) {
        const held = this.held.get(project.config.file);
        if (!held) continue;
        const cached = this.findingsByResult.get(result);
        if (cached && cached.held === held && cached.base === base) {
          appendAll(found, cached.found);
          continue;
        }
        const config = project.config;
        // A window whose definition changed since it was read waits for the next read (a full load follows).
        const values = new Map([...held.values].filter(([id]) => {
          const window = config.windows.find((candidate) => candidate.id === id);
          return window !== undefined && held.definitions.get(id) === definition(window);
        }));
        const now = ratchetFindings(config, measureResult(result, config, this.fs, 'counts'), values);
        // With newSince, a window that had already regressed at the merge base is not the change's doing (as `check --since`).
        const existing = base ? new Set(compareFindings({ violations: now, debt: [] }, { violations: ratchetFindingsAt(project, base, values, this.fs), debt: [] }).existing.violations) : new Set<Violation>();
        const mine = now.map((violation) => ({ violation, config, existing: existing.has(violation) }));
        this.findingsByResult.set(result, { held, base, found: mine });
        appendAll(found, mine);
      }
    }
    return found;
  }

  private replace(next: Map<string, Held>): void {
    if (next.size === 0 && this.held.size === 0) return;
    this.held = next;
    this.changeEmitter.fire();
  }

  private today(): string {
    return this.analysis.currentSettings.today || todayIso();
  }
}

/** What a window's values at its end depend on in its definition. */
function definition(window: RefactoringWindow): string {
  return JSON.stringify([window.end, window.scope, window.goals]);
}
