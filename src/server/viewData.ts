// The rows of the Debt and Architecture views, the refactoring windows' panel data, the hotspots,
// and the debt report's files: what the custom requests answer. Measuring windows reads git
// history, so it runs only when asked, after full loads and saves rather than keystrokes, one at a
// time; what past commits measured is kept in the client's storage, so measuring again is quick.
import type { ChangeFrequency } from './changeFrequency';
import type { DebtAges } from './debtAges';
import type { Log } from './folderAnalysis';
import type { ProjectSnapshots } from './projectSnapshots';
import type { DashboardData, DashboardWindow, DebtReportFiles, DebtRow, HotspotsData, ViolationsOfProject, WindowsPanelData } from './protocol';
import type { WorkspaceAnalysis } from './workspaceAnalysis';
import type { HistoryProgressReporter } from './historyProgress';
import { SharedRun } from './sharedRun';
import type { CancellationToken } from 'vscode-languageserver';
import {
  appendAll, burndownSvg, compilePatterns, debtCsv, debtMarkdown, escapeControls, measureResult, measureWindowsAndTrend, rankHotspots, sumTrends, toRelative, todayIso,
  type CompiledPattern, type FileSystem, type Hotspot, type RefactoringWindow, type TrendPoint,
} from '../core';

const UNTRUSTED_GIT = 'git is not run in a workspace you have not trusted (Restricted Mode); trust it to measure from history';
/** Hotspots the dashboard lists per window. */
const HOTSPOTS_PER_WINDOW = 5;

export interface ViewDataOptions {
  /** False in an untrusted workspace: git is not run (see the README's security model). */
  gitAllowed?: () => boolean;
  /** A folder of the client's where what past commits measured is kept between measurements. */
  historyDir?: string;
  /** Part of that cache's key: numbers from another build of the engine are not reused. */
  engineVersion?: string;
  /** Shows a measurement's reading of git history in the client (one per measurement). */
  historyProgress?: () => HistoryProgressReporter;
}

export class ViewData {
  private windowsData: WindowsPanelData | undefined;
  /** Each rules file's weekly trend (by its root), measured with the windows, for the dashboard. */
  private trendsByRoot = new Map<string, TrendPoint[]>();
  private dashboardData: { from: WindowsPanelData; data: DashboardData } | undefined;
  private running: SharedRun<WindowsPanelData | undefined> | undefined;
  private stale = true;
  private readonly scopes = new WeakMap<RefactoringWindow, CompiledPattern[]>();

  constructor(
    private readonly analysis: WorkspaceAnalysis,
    private readonly ages: DebtAges,
    private readonly snapshots: ProjectSnapshots,
    private readonly fs: FileSystem,
    private readonly log: Log,
    private readonly changes: ChangeFrequency,
    private readonly options: ViewDataOptions = {},
  ) {}

  private gitAllowed(): boolean {
    return this.options.gitAllowed?.() ?? true;
  }

  private today(): string {
    return this.analysis.currentSettings.today || todayIso();
  }

  violations(): ViolationsOfProject[] {
    return this.analysis.results().map(({ project, result }) => ({ root: project.root, rulesFile: project.config.file, violations: result.violations, tangles: result.tangles ?? [] }));
  }

  debt(): DebtRow[] {
    const today = this.today();
    return this.analysis.results().flatMap(({ project, result }) => {
      const changes = this.changes.known(project.root, today);
      return result.debt.map((item) => ({
        item,
        root: project.root,
        windows: this.windowsOf(toRelative(project.root, item.file), project.config.windows).map((window) => window.title),
        ageDays: this.ages.ageInDays(item, today),
        changes: changes && (changes.get(item.file)?.changes ?? 0),
      }));
    });
  }

  /** Files with findings, hottest first, as `guardrails hotspots` ranks them (every rules file's together). */
  async hotspots(): Promise<HotspotsData> {
    await this.analysis.whenIdle();
    const today = this.today();
    const hotspots: HotspotsData['hotspots'] = [];
    const notes = new Set<string>();
    for (const { project, result } of this.analysis.results()) {
      const counts = await this.changes.counts(project.root, today);
      if (!counts.ok) {
        notes.add(counts.message);
        continue;
      }
      appendAll(hotspots, rankHotspots(result, counts.byFile).map((hotspot) => ({ ...hotspot, root: project.root })));
    }
    hotspots.sort((a, b) => b.score - a.score || b.changes - a.changes);
    return { today, days: this.changes.days, hotspots, ...(notes.size > 0 ? { note: [...notes].join('; ') } : {}) };
  }

  /** The refactoring windows whose scope holds a file (scopes compiled once per window). */
  private windowsOf(rel: string, windows: readonly RefactoringWindow[]): RefactoringWindow[] {
    return windows.filter((window) => {
      let scope = this.scopes.get(window);
      if (!scope) {
        scope = compilePatterns(window.scope);
        this.scopes.set(window, scope);
      }
      return scope.some((pattern) => pattern.match(rel));
    });
  }

  /** Something the windows depend on changed (a full load, a save): measure again when next asked. */
  invalidateWindows(): void {
    this.stale = true;
  }

  /**
   * The windows as last measured, measured again when something changed. A request cancelled
   * (`token`) stops the measurement when no other request waits for it; nothing of it is kept then.
   */
  async windows(force = false, token?: CancellationToken): Promise<WindowsPanelData> {
    if (this.running) await this.running.join(token);
    if (force) this.stale = true;
    while (this.stale || !this.windowsData) {
      this.running ??= this.startMeasuring();
      const measured = await this.running.join(token);
      if (measured) return measured;
      // Undefined: the measurement this request joined was stopped (every request that started it gave up).
    }
    return this.windowsData;
  }

  private startMeasuring(): SharedRun<WindowsPanelData | undefined> {
    const run = new SharedRun((isCancelled) => this.measure(isCancelled));
    const clear = (): void => {
      if (this.running === run) this.running = undefined;
    };
    run.result.then(clear, clear);
    return run;
  }

  /** Undefined when cancelled. */
  private async measure(isCancelled: () => boolean): Promise<WindowsPanelData | undefined> {
    this.stale = false;
    const today = this.today();
    const started = performance.now();
    const windows: WindowsPanelData['windows'] = [];
    const trends: TrendPoint[][] = [];
    const trendsByRoot = new Map<string, TrendPoint[]>();
    try {
      await this.analysis.whenIdle();
      const { historyDir, engineVersion } = this.options;
      for (const { project, result } of this.analysis.results()) {
        if (isCancelled()) break;
        if (project.config.windows.length === 0) continue;
        const now = measureResult(result, project.config, this.fs);
        const snapshotFile = this.snapshots.record(project, now, today);
        // One progress per rules file: each history counts its own past commits.
        const progress = this.options.historyProgress?.();
        const measured = await measureWindowsAndTrend(project.config, {
          today, now, snapshotFiles: snapshotFile ? [snapshotFile] : [], fs: this.fs, excludeDirs: [...project.excludeDirs],
          ...(historyDir ? { cacheDir: historyDir, engineVersion } : {}),
          ...(this.gitAllowed() ? {} : { git: false, gitOffReason: UNTRUSTED_GIT }),
          onHistoryProgress: (done, total) => progress?.report(done, total),
          isCancelled,
        }).finally(() => progress?.done());
        appendAll(windows, measured.windows.map((window) => ({ ...window, root: project.root, chart: burndownSvg(window, { standalone: false }) })));
        trends.push(measured.trend);
        trendsByRoot.set(project.root, measured.trend);
      }
      if (isCancelled()) {
        // What was measured is incomplete: nothing of it is kept here (the history cache keeps what past commits measured).
        this.stale = true;
        this.log.info(`measuring the refactoring windows was cancelled after ${Math.round(performance.now() - started)} ms`);
        return undefined;
      }
      this.windowsData = { today, windows, trend: sumTrends(trends) };
      this.trendsByRoot = trendsByRoot;
      this.log.info(`measured ${windows.length} refactoring window(s) in ${Math.round(performance.now() - started)} ms`);
    } catch (error) {
      this.log.error(`refactoring windows: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      this.windowsData = { today, windows: [], trend: [], error: 'The refactoring windows could not be measured; see the Guardrails output.' };
    }
    return this.windowsData;
  }

  /**
   * The dashboard: the windows as the panel has them, each with the hottest files in its scope (the
   * change counts the hotspots request uses) and its own rules file's trend.
   */
  async dashboard(force = false, token?: CancellationToken): Promise<DashboardData> {
    const measured = await this.windows(force, token);
    if (this.dashboardData?.from === measured) return this.dashboardData.data;
    const ranked = new Map<string, { hotspots: Hotspot[] } | { note: string }>();
    for (const { project, result } of this.analysis.results()) {
      if (!measured.windows.some((window) => window.root === project.root)) continue;
      if (!this.gitAllowed()) {
        ranked.set(project.root, { note: UNTRUSTED_GIT });
        continue;
      }
      const counts = await this.changes.counts(project.root, measured.today);
      ranked.set(project.root, counts.ok ? { hotspots: rankHotspots(result, counts.byFile) } : { note: counts.message });
    }
    const windows = measured.windows.map(({ chart: _chart, ...window }): DashboardWindow => {
      const forRoot = ranked.get(window.root);
      const scope = compilePatterns(window.scope);
      const hotspots = forRoot && 'hotspots' in forRoot
        ? forRoot.hotspots.filter((hotspot) => hotspot.changes > 0 && scope.some((pattern) => pattern.match(hotspot.file))).slice(0, HOTSPOTS_PER_WINDOW)
        : [];
      return { ...window, hotspots, ...(forRoot && 'note' in forRoot ? { hotspotsNote: forRoot.note } : {}), trend: this.trendsByRoot.get(window.root) ?? [] };
    });
    const data: DashboardData = { today: measured.today, hotspotDays: this.changes.days, windows, ...(measured.error ? { error: measured.error } : {}) };
    this.dashboardData = { from: measured, data };
    return data;
  }

  /** Markdown and CSV of the debt, with each window's burndown as SVG. */
  async debtReport(): Promise<DebtReportFiles> {
    await this.analysis.whenIdle();
    const entries = this.analysis.results();
    if (entries.length === 0) return { items: 0, files: [] };
    const root = entries[0].project.root;
    const today = this.today();
    const items = entries.flatMap((entry) => entry.result.debt);
    const { windows, trend } = await this.windows();
    const files: DebtReportFiles['files'] = [];
    const charts: Record<string, string> = {};
    for (const window of windows) {
      const svg = burndownSvg(window, { standalone: true });
      if (!svg) continue;
      charts[window.id] = `burndown-${window.id}.svg`;
      files.push({ name: charts[window.id], text: `${svg}\n` });
    }
    files.push({ name: 'debt.csv', text: debtCsv(items, root) });
    files.push({
      name: 'debt-report.md',
      text: debtMarkdown({ root, today, items, charts, windows: windows.length > 0 ? { version: '', root, today, durationMs: 0, windows, trend } : undefined }),
    });
    // Control characters and bidi overrides from comments are written escaped, as the CLI prints them.
    return { items: items.length, files: files.map((file) => ({ ...file, text: escapeControls(file.text) })) };
  }
}
