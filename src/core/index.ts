// The core's public entry: everything the adapters (the CLI, the language server, the VS Code
// client) may use. The project's own guardrails.json forbids them any other way in, so what is
// below this line is the engine's whole contract with the outside.

// The vocabulary: findings, debt, rules as loaded.
export type { AnalysisResult, CycleStep, DebtItem, DependencyKind, Edge, Notice, Range, ReportedSeverity, Severity, SinceSummary, Tangle, Violation } from './model/types';
export type { ConfigProblem, RefactoringWindow, Rule, RulesConfig } from './model/ruleTypes';

// Running an analysis: one session per folder (load, apply changes, check, baseline).
export { AnalysisSession, type OpenOptions, type ProjectResult, type SessionOptions } from './analysis/session';
export { analyzeDirectory, type AnalyzeOptions, type AnalyzeOutcome } from './analysis/analyze';
export { scanDebtDirectory } from './analysis/scanDebtDirectory';
export { narrowResult } from './analysis/narrowResult';
export type { FileChange, GuardrailsProject, LoadProgress } from './analysis/project';
export { FactsWorkerPool, serveFactsRequests, type Concurrency, type FactsWorkers } from './analysis/factsWorkers';

// New code against old: `check --since REF`, the editor's `newSince`.
export { analyseSinceBase, sinceCommits, type SinceBase, type SinceBaseResult } from './since/sinceBase';
export { compareFindings, type Findings, type FindingsComparison } from './since/compareFindings';
export { keepNewSince, narrowSince } from './since/newSince';
export { SinceTracker } from './since/sinceTracker';
export { TextFactsCache } from './windows/factsCache';

// Questions about single imports and files (hovers, the editor's own logic).
export { targetKind } from './checks/checkContext';
export { SOURCE_FILE } from './graph/discoverFiles';
export { compilePatterns, type CompiledPattern } from './glob/pattern';

// Files: the disk, and the disk with unsaved buffers over it.
export type { FileSystem } from './fs/fileSystem';
export { NodeFileSystem } from './fs/nodeFileSystem';
export { OverlayFileSystem } from './fs/overlayFileSystem';

// Rules files.
export { findRulesFile } from './rules/findRulesFile';
export { loadRules } from './rules/loadRules';
export { previewStarterRules, type RulesPreview } from './analysis/previewRules';

// Importing another tool's configuration (`guardrails import`).
export { importDependencyCruiser, type DependencyCruiserImport } from './import/dependencyCruiser/importDependencyCruiser';
export { mergeDependencyCruiserConfigs } from './import/dependencyCruiser/mergeConfigs';
export type { PackageJsonLists } from './import/dependencyCruiser/targets';
export { importEslintBoundaries, type EslintBoundariesImport } from './import/eslintBoundaries/importEslintBoundaries';
export { formatNote, type ImportNote, type ImportResult } from './import/importResult';
export { renderRulesFile } from './import/renderRulesFile';

// Baselines and suppressions.
export { addToBaseline } from './baseline/addToBaseline';
export { ENGINE_FINDING_IDS } from './baseline/baseline';
export { baselineFileOf } from './baseline/baselineTarget';
export { projectBaselineTarget, writeBaselineFor, type BaselineTarget, type BaselineWritten } from './baseline/updateBaseline';
export { DIRECTIVE } from './suppress/suppressions';

// Reports.
export { toJsonReport } from './report/jsonReport';
export { toSarif } from './report/sarifReport';
export { formatDebtText, formatText } from './report/textReport';
export { toDot } from './report/dotReport';
export { toGraphJson } from './report/graphJson';
export { debtCsv, debtMarkdown } from './report/debtReport';
export { burndownSvg } from './report/burndownSvg';
export { formatWindowsMarkdown } from './report/windowsMarkdown';
export { formatSinceMarkdown } from './report/sinceMarkdown';
export { formatWindowsText } from './report/windowsText';
export { holdLine, sourceLine, STATUS_WORDS, timeLine } from './report/windowsWording';
export { formatHours } from './report/reportFormat';
// Text that reaches a terminal or a file: control characters from a repository escaped.
export { CARRIAGE_RETURN, csi, toTerminal } from './report/ansi';
export { escapeControls, escapeControlsInLine } from './report/safeText';

// Refactoring windows and git.
export { measureWindows, measureWindowsAndTrend } from './windows/measureWindows';
export type { OutcomePeriod, WindowOutcomes } from './windows/outcomes';
export { sumTrends } from './windows/trend';
export { measureResult } from './windows/projectState';
export { heldValues, ratchetFindingsAt, windowRatchets } from './windows/windowRatchet';
export { ratchetFindings, WINDOW_REGRESSED, type HeldValues } from './windows/ratchet';
export { changeCounts, DEFAULT_DAYS, type ChangeCountsResult, type FileChanges } from './hotspots/changeCounts';
export { rankHotspots, type Hotspot, type HotspotsReport } from './hotspots/hotspots';
export { formatHotspotsText } from './report/hotspotsText';
export { readSnapshots, recordSnapshot, takeSnapshot } from './windows/snapshots';
export { snapshotDirectory, windowsForDirectory } from './windows/windowsForDirectory';
export type { MeasuredState } from './windows/records';
export type { TrendPoint, WindowProgress } from './windows/windowReport';
export { lineDates } from './git/blame';
export { openRepository, type GitRepository } from './git/repository';

// Small helpers the adapters share with the engine.
export { isCalendarDate } from './util/calendarDate';
export { daysBetween } from './util/dates';
export { isInside, toRelative } from './util/paths';
export { relativeTarget } from './util/relativePaths';
export { todayIso } from './util/today';
export { makeDirectories } from './util/makeDirectories';
export { appendAll, maxOf, minOf } from './util/arrays';
