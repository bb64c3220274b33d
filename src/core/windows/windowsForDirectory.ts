// What the CLI runs: analyse a folder as `check` does, then measure every rules file's windows
// (`guardrails windows`) or record today's snapshot of them (`guardrails snapshot`).
import * as path from 'node:path';
import { analyzeDirectory, type AnalyzeOptions } from '../analysis/analyze';
import { nestedRoots } from '../analysis/loadConfigs';
import { todayIso } from '../util/today';
import { escapesRoot } from '../fs/confinePath';
import { NodeFileSystem } from '../fs/nodeFileSystem';
import type { ConfigProblem } from '../model/ruleTypes';
import type { Notice } from '../model/types';
import { measureResult } from './projectState';
import { measureWindows, type MeasureWindowsOptions } from './measureWindows';
import { recordSnapshot, SNAPSHOTS_FILE, takeSnapshot } from './snapshots';
import type { WindowsReport } from './windowReport';
import { appendAll } from '../util/arrays';

export interface WindowsForDirectoryOptions extends Pick<AnalyzeOptions, 'config' | 'onProgress' | 'isCancelled'> {
  today?: string;
  version?: string;
  snapshotFiles?: string[];
  git?: MeasureWindowsOptions['git'];
}

export type WindowsOutcome =
  | { ok: true; report: WindowsReport; notices: Notice[] }
  | { ok: false; message: string; problems: ConfigProblem[] };

export async function windowsForDirectory(dir: string, options: WindowsForDirectoryOptions = {}): Promise<WindowsOutcome> {
  const started = performance.now();
  const today = options.today ?? todayIso();
  const analysed = await analyzeDirectory(dir, { config: options.config, today, onProgress: options.onProgress, isCancelled: options.isCancelled });
  if (!analysed.ok) return analysed;
  const fs = new NodeFileSystem();
  const report: WindowsReport = { version: options.version ?? '', root: analysed.result.root, today, durationMs: 0, windows: [] };
  const entries = analysed.session.results();
  for (const entry of entries) {
    const { config } = entry.project;
    if (config.windows.length === 0) continue;
    appendAll(report.windows, await measureWindows(config, {
      today,
      now: measureResult(entry.result, config, fs),
      reportRoot: analysed.result.root,
      excludeDirs: nestedRoots(config, entries.map((other) => other.project.config)),
      snapshotFiles: options.snapshotFiles,
      git: options.git,
    }));
  }
  report.durationMs = Math.round(performance.now() - started);
  return { ok: true, report, notices: analysed.result.notices };
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

