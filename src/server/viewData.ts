// The rows of the Debt and Architecture views, the refactoring windows' panel data, and the debt
// report's files: what the custom requests answer. Measuring windows reads git history, so it runs
// only when asked, after full loads and saves rather than keystrokes, one at a time.
import type { DebtAges } from './debtAges';
import type { Log } from './folderAnalysis';
import type { ProjectSnapshots } from './projectSnapshots';
import type { DebtReportFiles, DebtRow, ViolationsOfProject, WindowsPanelData } from './protocol';
import type { WorkspaceAnalysis } from './workspaceAnalysis';
import { appendAll, burndownSvg, compilePatterns, debtCsv, debtMarkdown, escapeControls, measureResult, measureWindows, toRelative, todayIso, type CompiledPattern, type FileSystem, type RefactoringWindow } from '../core';

const UNTRUSTED_GIT = 'git is not run in a workspace you have not trusted (Restricted Mode); trust it to measure from history';

export class ViewData {
  private windowsData: WindowsPanelData | undefined;
  private running: Promise<WindowsPanelData> | undefined;
  private stale = true;
  private readonly scopes = new WeakMap<RefactoringWindow, CompiledPattern[]>();

  constructor(
    private readonly analysis: WorkspaceAnalysis,
    private readonly ages: DebtAges,
    private readonly snapshots: ProjectSnapshots,
    private readonly fs: FileSystem,
    private readonly log: Log,
    /** False in an untrusted workspace: git is not run (see the README's security model). */
    private readonly gitAllowed: () => boolean = () => true,
  ) {}

  private today(): string {
    return this.analysis.currentSettings.today || todayIso();
  }

  violations(): ViolationsOfProject[] {
    return this.analysis.results().map(({ project, result }) => ({ root: project.root, rulesFile: project.config.file, violations: result.violations }));
  }

  debt(): DebtRow[] {
    const today = this.today();
    return this.analysis.results().flatMap(({ project, result }) =>
      result.debt.map((item) => ({
        item,
        root: project.root,
        windows: this.windowsOf(toRelative(project.root, item.file), project.config.windows).map((window) => window.title),
        ageDays: this.ages.ageInDays(item, today),
      })),
    );
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

  async windows(force = false): Promise<WindowsPanelData> {
    if (this.running) await this.running;
    if (force) this.stale = true;
    if (!this.stale && this.windowsData) return this.windowsData;
    this.running = this.measure().finally(() => (this.running = undefined));
    return this.running;
  }

  private async measure(): Promise<WindowsPanelData> {
    this.stale = false;
    const today = this.today();
    const started = performance.now();
    const windows: WindowsPanelData['windows'] = [];
    try {
      await this.analysis.whenIdle();
      for (const { project, result } of this.analysis.results()) {
        if (project.config.windows.length === 0) continue;
        const now = measureResult(result, project.config, this.fs);
        const snapshotFile = this.snapshots.record(project, now, today);
        const measured = await measureWindows(project.config, {
          today, now, snapshotFiles: snapshotFile ? [snapshotFile] : [], fs: this.fs,
          ...(this.gitAllowed() ? {} : { git: false, gitOffReason: UNTRUSTED_GIT }),
        });
        appendAll(windows, measured.map((window) => ({ ...window, root: project.root, chart: burndownSvg(window, { standalone: false }) })));
      }
      this.windowsData = { today, windows };
      this.log.info(`measured ${windows.length} refactoring window(s) in ${Math.round(performance.now() - started)} ms`);
    } catch (error) {
      this.log.error(`refactoring windows: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      this.windowsData = { today, windows: [], error: 'The refactoring windows could not be measured; see the Guardrails output.' };
    }
    return this.windowsData;
  }

  /** Markdown and CSV of the debt, with each window's burndown as SVG. */
  async debtReport(): Promise<DebtReportFiles> {
    await this.analysis.whenIdle();
    const entries = this.analysis.results();
    if (entries.length === 0) return { items: 0, files: [] };
    const root = entries[0].project.root;
    const today = this.today();
    const items = entries.flatMap((entry) => entry.result.debt);
    const windows = (await this.windows()).windows;
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
      text: debtMarkdown({ root, today, items, charts, windows: windows.length > 0 ? { version: '', root, today, durationMs: 0, windows } : undefined }),
    });
    // Control characters and bidi overrides from comments are written escaped, as the CLI prints them.
    return { items: items.length, files: files.map((file) => ({ ...file, text: escapeControls(file.text) })) };
  }
}
