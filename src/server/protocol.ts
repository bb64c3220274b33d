// The messages between the Guardrails language server and the clients that show its views. Plain
// data only: the VS Code client imports this file and nothing else from the server.
import type { DebtItem, Hotspot, Notice, RefactoringWindow, RulesPreview, Tangle, TrendPoint, Violation, WindowProgress } from '../core';

/** Settings under `guardrails.*`, as the server reads them through `workspace/configuration`. */
export interface ServerSettings {
  enable: boolean;
  debounceMs: number;
  /** Kinds of findings published as diagnostics (the CLI always reports all). */
  show: FindingKind[];
  include: string[];
  exclude: string[];
  maxFiles: number;
  /** `YYYY-MM-DD`, or empty for the real date. */
  today: string;
  /**
   * A git ref (`origin/main`): findings already there at the merge base of it and HEAD are shown
   * softened, new ones at full severity. Empty: off.
   */
  newSince: string;
}

export type FindingKind = 'architecture' | 'cycles' | 'unresolved' | 'debt' | 'suppressions';
export const FINDING_KINDS: readonly FindingKind[] = ['architecture', 'cycles', 'unresolved', 'debt', 'suppressions'];

export const DEFAULT_SETTINGS: ServerSettings = {
  enable: true,
  debounceMs: 300,
  show: [...FINDING_KINDS],
  include: [],
  exclude: [],
  maxFiles: 50_000,
  today: '',
  newSince: '',
};

/** What a client may pass in `initializationOptions`. */
export interface InitializationOptions {
  /** A folder the server may write to (daily snapshots for refactoring windows without git). */
  storagePath?: string;
  /** Settings to use when the client does not answer `workspace/configuration`. */
  settings?: Partial<ServerSettings>;
  /**
   * `false` in a workspace the user has not trusted (VS Code's Restricted Mode): the server then
   * never runs git (no debt ages, windows measured from snapshots) until `workspaceTrusted` comes.
   */
  trusted?: boolean;
}

export type AnalysisState = 'idle' | 'analysing' | 'failed';

/** Sent after every analysis or change: what a status bar shows. */
export interface StatusSummary {
  state: AnalysisState;
  /** Findings not softened by a baseline. */
  errors: number;
  warnings: number;
  debt: number;
  overdue: number;
  /** A rules file has errors (the last good analysis is shown meanwhile). */
  rulesBroken: boolean;
  /** Rules files loaded. */
  rulesFiles: number;
  files: number;
  /** Warnings worth a user's attention (files skipped, baseline trouble). */
  notices: Notice[];
  /** Bumped on every change, so a client can tell its rows are stale. */
  generation: number;
}

/** One rules file's findings for the Architecture view. */
export interface ViolationsOfProject {
  root: string;
  rulesFile: string;
  violations: Violation[];
  /** The tangles of its file-level no-cycle rules, each with the imports to cut. */
  tangles: Tangle[];
}

/** A debt item with what the Debt view groups and filters by. */
export interface DebtRow {
  item: DebtItem;
  root: string;
  /** Titles of the refactoring windows whose scope holds the item's file. */
  windows: string[];
  /** Days since its line was written (git blame), once known. */
  ageDays?: number;
  /** Commits that changed its file in the last 90 days (as `guardrails hotspots` counts), once known; absent without git. */
  changes?: number;
}

/** The refactoring windows as the panel shows them (each with its outcomes and hold, as `guardrails windows` reports them). */
export interface WindowsPanelData {
  today: string;
  windows: (WindowProgress & { root: string; chart?: string })[];
  /** Violations and debt per week, the last 12 weeks, of the rules files with windows (summed); empty without git. */
  trend: TrendPoint[];
  error?: string;
}

/** Files with findings ranked by how often they change, as `guardrails hotspots` ranks them, every rules file's together. */
export interface HotspotsData {
  today: string;
  /** Changes are counted over the `days` days ending `today`. */
  days: number;
  hotspots: (Hotspot & { root: string })[];
  /** Why some or all rules files have none (no git, Restricted Mode). */
  note?: string;
}

/** One window of the dashboard: its progress, the hottest files in its scope, its rules file's trend. */
export interface DashboardWindow extends WindowProgress {
  root: string;
  /** Files in the window's scope with findings, most worth paying down first (at most 5). */
  hotspots: Hotspot[];
  /** Why there are no hotspots (no git, Restricted Mode), when that is the reason. */
  hotspotsNote?: string;
  /** Violations and debt per week, the last 12 weeks, of the rules file that declares the window. */
  trend: TrendPoint[];
}

/** What the dashboard in the editor area shows. */
export interface DashboardData {
  today: string;
  /** Days the hotspots' changes are counted over. */
  hotspotDays: number;
  windows: DashboardWindow[];
  error?: string;
}

/** The files "Export Debt Report" writes, by name. */
export interface DebtReportFiles {
  items: number;
  files: { name: string; text: string }[];
}

export interface ViewRequest {
  /** The client's own date override, when it has one. */
  today?: string;
}

/** Custom methods. Requests answer once the analysis they depend on is done. */
export const GuardrailsMethods = {
  /** Notification, server → client: `StatusSummary`. */
  status: 'guardrails/status',
  /** Request: → `ViolationsOfProject[]`. */
  violations: 'guardrails/violations',
  /** Request: → `DebtRow[]` (ages as far as known; a `status` notification follows when more are). */
  debt: 'guardrails/debt',
  /** Request `{ force?: boolean }`: → `WindowsPanelData`. */
  windows: 'guardrails/windows',
  /** Request: → `HotspotsData` (needs git: a note says why there are none without it). */
  hotspots: 'guardrails/hotspots',
  /** Request `{ force?: boolean }`: → `DashboardData` (the windows with their hotspots and trend). */
  dashboard: 'guardrails/dashboard',
  /** Request: → `DebtReportFiles` (Markdown, CSV and one SVG burndown per window). */
  debtReport: 'guardrails/debtReport',
  /** Request `{ folder }`: → `RulesPreview`, a starter rules file for that folder and what it would find. */
  previewRules: 'guardrails/previewRules',
  /** Request: resolves when the current analysis and every change received so far are done. */
  whenIdle: 'guardrails/whenIdle',
  /** Request: analyse everything again from scratch. */
  reload: 'guardrails/reload',
  /** Notification, client → server: stop the full load in progress (the user cancelled it). */
  cancelLoad: 'guardrails/cancelLoad',
  /** Notification, client → server: the user trusted the workspace; git may run from now on. */
  workspaceTrusted: 'guardrails/workspaceTrusted',
} as const;

/** Commands the server executes (`workspace/executeCommand`). */
export const ServerCommands = {
  /** `[violation: Violation, rulesFile: string]`: records the finding in the rules file's baseline. */
  addToBaseline: 'guardrails.server.addToBaseline',
  /** No arguments: records every current finding in each rules file's baseline (Set Baseline). */
  updateBaseline: 'guardrails.server.updateBaseline',
  /** `[file, line, column]`: shows the rule in its rules file (`window/showDocument`). */
  openRule: 'guardrails.server.openRule',
  /** `[url]`: opens a ticket's http(s) page externally. */
  openTicket: 'guardrails.server.openTicket',
} as const;

/** What a code action carries for clients that turn it into a richer edit (a snippet with a placeholder). */
export type CodeActionData =
  | { type: 'ignoreLine'; uri: string; line: number; ruleId: string }
  | { type: 'addOwner'; uri: string; line: number; character: number; endCharacter: number };

export type { RefactoringWindow, RulesPreview };
