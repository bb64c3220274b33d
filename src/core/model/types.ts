// Shared vocabulary of the engine. Everything here is plain data so that the CLI, the extension
// and the tests can pass it around, serialise it and compare it.

/** Severity as written in rules files. `off` disables a rule. */
export type Severity = 'error' | 'warning' | 'info' | 'off';
/** Severity of a finding that is actually reported. */
export type ReportedSeverity = Exclude<Severity, 'off'>;

/** A position in a file: 1-based line, 1-based column (as editors and SARIF count). */
export interface Position {
  line: number;
  column: number;
}

/** A range in a file, 1-based lines and columns; `end` is exclusive. */
export interface Range {
  start: Position;
  end: Position;
}

/** A place in a file. `file` is an absolute path with the platform's separators. */
export interface Location {
  file: string;
  range: Range;
}

/**
 * How a dependency is written in source:
 * - `static`        `import x from 'y'`, `import 'y'` (side effect)
 * - `type-only`     `import type x from 'y'`, `import { type A } from 'y'` (all type), `typeof import('y')`
 * - `dynamic`       `import('y')` with a string literal
 * - `require`       `require('y')`
 * - `re-export`     `export … from 'y'`, `export * as ns from 'y'` (also `export type … from`, with typeOnly)
 * - `import-equals` `import x = require('y')`
 * - `reference`     `/// <reference path="y" />`
 */
export type DependencyKind = 'static' | 'type-only' | 'dynamic' | 'require' | 're-export' | 'import-equals' | 'reference';

export const DEPENDENCY_KINDS: readonly DependencyKind[] = [
  'static', 'type-only', 'dynamic', 'require', 're-export', 'import-equals', 'reference',
];

/** One import as written in a source file, before resolution. */
export interface ImportRef {
  specifier: string;
  kind: DependencyKind;
  /** True when the import carries only types (erased at run time). */
  typeOnly: boolean;
  /** Range of the specifier string literal, quotes included. */
  range: Range;
}

/**
 * Where an import leads:
 * - workspace file: absolute path (platform separators)
 * - `pkg:NAME`       a bare specifier no alias maps (scoped names whole, subpath dropped)
 * - `node:NAME`      a Node.js built-in (`fs`, `node:fs`, `fs/promises` → `node:fs/promises`)
 * - `unresolved:SPECIFIER` a relative or aliased specifier that points at nothing
 */
export type Target = string;

export interface Edge extends ImportRef {
  /** Absolute path of the importing file. */
  from: string;
  to: Target;
}

/** A finding of a rule or of the engine itself (config problems, parse errors, suppressions). */
export interface Violation {
  ruleId: string;
  severity: ReportedSeverity;
  message: string;
  /** The rule's "why", when it has one. */
  why?: string;
  location: Location;
  /** Importing file (absolute) for dependency findings; the file of the finding otherwise. */
  from: string;
  /** Target of the dependency (see `Target`); empty when the finding is not about a dependency. */
  to: string;
  /** Kind of the dependency, when the finding is about one. */
  kind?: DependencyKind;
  /** For cycles: each step, starting at `from`, ending back at it. */
  cycle?: CycleStep[];
  /** For a `no-cycle` finding on an import to cut: the tangle it breaks. */
  tangle?: TangleRef;
  /** Set when a baseline lists this finding; its severity is then lowered to `info`. */
  baselined?: boolean;
  /** Severity the rule gave before the baseline softened it. */
  originalSeverity?: ReportedSeverity;
}

export interface CycleStep {
  from: string;
  to: string;
  /** Where `from` imports `to`. */
  location: Location;
}

/** The tangle a cut import belongs to, as its finding tells it. */
export interface TangleRef {
  /** How many files the tangle holds. */
  files: number;
  /** How many cycle findings it holds (see `Tangle.cycles`). */
  cycles: number;
  /** Every import to cut in the tangle, this finding's first. */
  cut: CycleStep[];
}

/**
 * Files of a file-level `no-cycle` rule that all reach each other through imports (a strongly
 * connected component with a cycle), and the imports to cut so none is left: removing every
 * import from `from` to `to` of each cut step leaves the tangle without a cycle.
 */
export interface Tangle {
  ruleId: string;
  /** Absolute paths, sorted. */
  files: string[];
  /**
   * How many findings the rule reports for the tangle with `"report": "cycles"`: the shortest
   * cycle through each import of the tangle, each distinct cycle once.
   */
  cycles: number;
  /** The same count with type-only imports left out, as `"allowTypeOnly": true` would. */
  cyclesWithoutTypeOnly: number;
  /** One step per pair of files to cut, at the first import between them. */
  cut: CycleStep[];
}

/** What a baseline (or the merge base of `--since`) knows, for checks that choose where a finding goes (paths absolute). */
export interface KnownFindings {
  /** How many findings of `ruleId` on imports from `file` to `to` the baseline lists. */
  count(ruleId: string, file: string, to: string): number;
  /**
   * Whether an import from `file` to `to` was there before (at the merge base of `--since`). An
   * import that was not is new, and a new cycle goes on it. Absent: no import is known to be new.
   */
  existed?(file: string, to: string): boolean;
}

export interface DebtMetadata {
  owner?: string;
  ticket?: string;
  /** ISO date `YYYY-MM-DD`. */
  due?: string;
  /** As written (`2d`, `4h`, `1w`). */
  estimate?: string;
  /** Estimate in hours (1d = 8h, 1w = 40h). */
  estimateHours?: number;
  /** Interest or priority as written (`high`, `low`, …). */
  interest?: string;
}

export interface DebtItem extends DebtMetadata {
  tag: string;
  /** The note after the tag and its metadata. */
  text: string;
  file: string;
  /** Range of the tag word itself. */
  range: Range;
  /** Range of the whole comment line that holds the tag. */
  commentRange: Range;
  overdue: boolean;
  severity: ReportedSeverity;
  /** Identity that survives line moves: tag, normalised text and file (relative). */
  id: string;
}

/** Something the user should know that is not a finding: defaults used, files skipped. */
export interface Notice {
  level: 'info' | 'warning';
  message: string;
  file?: string;
  /** `file` exists but could not be read: its findings are unknown, so a baseline keeps its entries. */
  unreadable?: boolean;
  /** `max-files`: more files matched than the cap (the editor's `maxFiles`); the rest is left out. */
  code?: 'max-files';
}

/** What `check --cache` made of the cache in one run (summed over rules files). */
export interface CacheStats {
  /** Files whose facts came from the cache. */
  reused: number;
  /** Files parsed: not in the cache, or changed. */
  parsed: number;
  /** Files read to compare with the cache (the others were vouched for by their size and modification time). */
  read: number;
  /** Files whose imports were resolved this run (the others took where they led from the cache). */
  resolved: number;
  /** The last run's findings were reused: none of the checks' inputs had changed. */
  findingsReused: boolean;
}

export interface AnalysisResult {
  /** Absolute path of the root (the directory of the governing rules file). */
  root: string;
  rulesFile?: string;
  files: number;
  durationMs: number;
  violations: Violation[];
  debt: DebtItem[];
  edges: Edge[];
  notices: Notice[];
  /** With `check --cache`: what the cache saved this run. */
  cache?: CacheStats;
  /** The tangles of file-level `no-cycle` rules (absent where nothing computed them). */
  tangles?: Tangle[];
}

/**
 * `check --since REF`: the report holds only what is new against `commit` (the merge base of REF
 * and HEAD); this says what it was compared with and what the change fixed.
 */
export interface SinceSummary {
  /** The ref as written (`main`, `origin/main`). */
  ref: string;
  /** The merge base of the ref and HEAD. */
  commit: string;
  /** Present at the merge base, gone now (as they were there). */
  fixed: { violations: Violation[]; debt: DebtItem[] };
  /** Findings and debt items that were already there: left out of the report, counted here. */
  existing: { violations: number; debt: number };
}
