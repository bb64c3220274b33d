// What the CLI runs: analyse a folder as `check` does, then measure every rules file's windows
// (`guardrails windows`) or record today's snapshot of them (`guardrails snapshot`).
import * as path from 'node:path';
import { analyzeDirectory, type AnalyzeOptions } from '../analysis/analyze';
import { nestedRoots } from '../analysis/loadConfigs';
import { todayIso } from '../util/today';
import { escapesRoot } from '../fs/confinePath';
import { NodeFileSystem } from '../fs/nodeFileSystem';
import type { ConfigProblem, RulesConfig } from '../model/ruleTypes';
import type { Notice } from '../model/types';
import { measureResult } from './projectState';
import { recordState, type MeasuredState } from './records';
import { DiskFactsCache } from '../analysis/diskFactsCache';
import { lazySeed } from './factsCache';
import { measureWindowsAndTrend, openWindowsGit, type MeasureWindowsOptions } from './measureWindows';
import { finishContext } from './gitSource';
import { sumTrends } from './trend';
import { recordSnapshot, SNAPSHOTS_FILE, takeSnapshot } from './snapshots';
import type { TrendPoint, WindowsReport } from './windowReport';
import { appendAll } from '../util/arrays';

export interface WindowsForDirectoryOptions extends Pick<AnalyzeOptions, 'config' | 'onProgress' | 'isCancelled' | 'workers'> {
  today?: string;
  version?: string;
  snapshotFiles?: string[];
  git?: MeasureWindowsOptions['git'];
  /**
   * Keep each file's facts (as `check --cache` does) and what past commits measured here, so a
   * second run with nothing changed reads no history; nothing is kept without it.
   */
  cacheDir?: string;
  /** Part of the caches' keys: nothing from another build of the engine is reused. */
  engineVersion?: string;
  /** How far the analysis of past commits has come, after the working tree's (`onProgress`). */
  onHistoryProgress?: MeasureWindowsOptions['onHistoryProgress'];
}

export type WindowsOutcome =
  | { ok: true; report: WindowsReport; notices: Notice[] }
  | { ok: false; message: string; problems: ConfigProblem[] };

export async function windowsForDirectory(dir: string, options: WindowsForDirectoryOptions = {}): Promise<WindowsOutcome> {
  const started = performance.now();
  const today = options.today ?? todayIso();
  const { cacheDir, engineVersion = '' } = options;
  const live = await measureLive(dir, today, options, (config, excludeDirs, reportRoot) => ({
    today,
    reportRoot,
    excludeDirs,
    snapshotFiles: options.snapshotFiles,
    git: options.git,
    cacheDir,
    engineVersion,
    onHistoryProgress: options.onHistoryProgress,
    // The live analysis stores every file's facts there: past commits look theirs up by content.
    seedFacts: cacheDir ? lazySeed(() => DiskFactsCache.open(cacheDir, config, today, engineVersion)) : undefined,
  }));
  if (!live.ok) return live;
  const report: WindowsReport = { version: options.version ?? '', root: live.root, today, durationMs: 0, windows: [], trend: [] };
  const trends: TrendPoint[][] = [];
  for (const { config, now, measure } of live.projects) {
    const measured = await measureWindowsAndTrend(config, { ...measure, now });
    appendAll(report.windows, measured.windows);
    trends.push(measured.trend);
  }
  report.trend = sumTrends(trends);
  report.durationMs = Math.round(performance.now() - started);
  return { ok: true, report, notices: live.notices };
}

/** How a rules file's windows are measured, but for the code now. */
type MeasureOptions = Omit<MeasureWindowsOptions, 'now'>;

type LiveOutcome =
  | { ok: true; root: string; notices: Notice[]; projects: { config: RulesConfig; now: MeasuredState; measure: MeasureOptions }[] }
  | { ok: false; message: string; problems: ConfigProblem[] };

/**
 * The working tree analysed as `check` does, kept only as records: the projects are let go before
 * history is read. Git is opened for each rules file with windows meanwhile: its answers (the
 * commits, the log outcomes count) come from processes of their own while this thread analyses.
 */
async function measureLive(dir: string, today: string, options: WindowsForDirectoryOptions, measureOptions: (config: RulesConfig, excludeDirs: string[], reportRoot: string) => MeasureOptions): Promise<LiveOutcome> {
  const measures = new Map<RulesConfig, MeasureOptions>();
  const analysed = await analyzeDirectory(dir, {
    config: options.config, today, onProgress: options.onProgress, isCancelled: options.isCancelled,
    workers: options.workers, cacheDir: options.cacheDir, engineVersion: options.engineVersion,
    // Records keep only the rules' findings and debt (recordState): no file needs a syntax tree for its parse errors.
    withoutParseErrors: true,
  }, (session) => {
    const configs = session.configs();
    for (const config of configs.filter((each) => each.windows.length > 0)) {
      const measure = measureOptions(config, nestedRoots(config, configs), session.reportRoot);
      measures.set(config, { ...measure, opened: openWindowsGit(config, measure) });
    }
  });
  if (!analysed.ok) {
    for (const { opened: git } of measures.values()) void git?.then((result) => result?.ok && finishContext(result.context));
    return analysed;
  }
  const projects = analysed.session.results().filter((entry) => measures.has(entry.project.config)).map(({ project, result }) => ({
    config: project.config,
    // Without needles: they are what git is searched for to find who removed an item, and only
    // the start's are (reading every file with a finding again cost a run with nothing to do a tenth).
    now: recordState(result, project.config),
    measure: measures.get(project.config)!,
  }));
  return { ok: true, root: analysed.result.root, notices: analysed.result.notices, projects };
}

export interface RecordedSnapshot {
  /** Absolute path of the snapshot file written. */
  file: string;
  date: string;
  windows: string[];
}

export type SnapshotOutcome =
  | { ok: true; recorded: RecordedSnapshot[] }
  | { ok: false; message: string; problems: ConfigProblem[] };

/** Adds today's records of every window that has not ended to `<root>/.guardrails/snapshots.json`. */
export async function snapshotDirectory(dir: string, options: Pick<WindowsForDirectoryOptions, 'config' | 'today'> = {}): Promise<SnapshotOutcome> {
  const today = options.today ?? todayIso();
  const analysed = await analyzeDirectory(dir, { config: options.config, today });
  if (!analysed.ok) return analysed;
  const fs = new NodeFileSystem();
  const recorded: RecordedSnapshot[] = [];
  for (const entry of analysed.session.results()) {
    const { config } = entry.project;
    const day = takeSnapshot(config.windows, measureResult(entry.result, config, fs), today);
    const windows = Object.keys(day.windows);
    if (windows.length === 0) continue;
    const file = path.join(config.root, ...SNAPSHOTS_FILE.split('/'));
    const outside = escapesRoot(config.root, file, fs);
    if (outside) return { ok: false, message: `${outside}; not writing there`, problems: [] };
    const written = recordSnapshot(file, day, fs);
    if (!written.ok) return { ok: false, message: written.message, problems: [] };
    recorded.push({ file, date: today, windows });
  }
  return { ok: true, recorded };
}

