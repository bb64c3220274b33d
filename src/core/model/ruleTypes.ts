// The rules file after loading: `extends` merged, shorthand expanded, every value validated,
// and every element remembering where it was written so findings can point back at it.
import type { DependencyKind, Location, Severity } from './types';

export type RuleKind = 'forbidden' | 'allowed' | 'layers' | 'no-cycle' | 'entry-point' | 'no-unresolved';
export const RULE_KINDS: readonly RuleKind[] = ['forbidden', 'allowed', 'layers', 'no-cycle', 'entry-point', 'no-unresolved'];

/** A glob (relative to the root, forward slashes) with the place it was written. */
export interface PatternRef {
  pattern: string;
  location: Location;
}

export interface Layer {
  name: string;
  description?: string;
  files: PatternRef[];
  location: Location;
}

/**
 * A `from` / `to` selector: a layer name or a glob. Globs may hold whole-segment captures:
 * `{name}` in `from` captures a segment; `{name}` in `to` must equal it and `!{name}` must differ.
 */
export interface Selector {
  /** Text as written. */
  text: string;
  /** The layer it names, when it names one. */
  layer?: string;
  location: Location;
}

export interface RuleBase {
  id: string;
  kind: RuleKind;
  severity: Severity;
  why?: string;
  /** Dependencies whose `typeOnly` is true are ignored by this rule. */
  allowTypeOnly: boolean;
  /** When set, the rule looks only at dependencies of these kinds. */
  kinds?: DependencyKind[];
  /** Files (importer or imported) the rule does not apply to. */
  exceptions: PatternRef[];
  /** Where the rule object starts in its rules file (for "Open rule" and SARIF). */
  location: Location;
  /** Location of the `id` value, for diagnostics that point at a rule. */
  idLocation: Location;
}

export interface ForbiddenRule extends RuleBase {
  kind: 'forbidden';
  from: Selector[];
  to: Selector[];
  /** Package names or globs (`lodash`, `@aws-sdk/*`). */
  toPackages: PatternRef[];
  /** Built-in module names (`fs`, `child_process`); `*` for all. */
  toBuiltins: PatternRef[];
}

export interface AllowedRule extends RuleBase {
  kind: 'allowed';
  from: Selector[];
  /** Only these workspace targets are allowed (the `from` layer itself always is). */
  to: Selector[];
  /** When given, only these packages are allowed; when absent, packages are not restricted. */
  toPackages?: PatternRef[];
  /** When given, only these built-ins are allowed; when absent, built-ins are not restricted. */
  toBuiltins?: PatternRef[];
}

export interface LayersRule extends RuleBase {
  kind: 'layers';
  /** Outermost first: a layer may depend on layers after it, never on layers before it. */
  order: Selector[];
  /** A layered file that imports a workspace file in no layer is reported unless this is true. */
  allowUnlayered: boolean;
}

export interface NoCycleRule extends RuleBase {
  kind: 'no-cycle';
  /** Files taking part; all analysed files when empty. */
  scope: PatternRef[];
  /** `file`: cycles between files; `layer`: cycles between layers. */
  level: 'file' | 'layer';
  /**
   * `tangles`: one finding per import to cut, so each tangle of files is left without a cycle;
   * `cycles`: one finding per cycle (the shortest through each import). Layer-level rules report cycles.
   */
  report: 'tangles' | 'cycles';
}

export interface EntryPointRule extends RuleBase {
  kind: 'entry-point';
  /** Globs naming module directories (`src/features/*`). */
  modules: PatternRef[];
  /** File names (relative to a module directory) that outsiders may import. */
  entry: string[];
}

export interface NoUnresolvedRule extends RuleBase {
  kind: 'no-unresolved';
  /** Specifiers (globs) to ignore, such as virtual modules of a bundler. */
  ignore: string[];
}

export type Rule = ForbiddenRule | AllowedRule | LayersRule | NoCycleRule | EntryPointRule | NoUnresolvedRule;

export type DebtMatch = 'start' | 'anywhere';

export interface DebtPolicy {
  /** Tag word → severity. Tags are matched case-sensitively. */
  tags: Record<string, Severity>;
  /** Metadata field → tags that must carry it. */
  require: { owner: string[]; ticket: string[]; due: string[]; estimate: string[] };
  /** `https://…/{ticket}`; http and https only. */
  ticketUrl?: string;
  overdueSeverity: Severity;
  /** Days before the due date at which debt is raised one level (for the editor). */
  warnDaysBeforeDue: number;
  /**
   * Where a tag counts in a comment line: `start`, as its first word (the convention, default), or
   * `anywhere`, as a whole word after a space or an opening bracket (`// @ts-expect-error TODO: …`).
   */
  match: DebtMatch;
  location?: Location;
}

export type GoalMetric = 'debt' | 'violations' | 'estimate';

export interface WindowGoal {
  metric: GoalMetric;
  /** For `violations`: only this rule's findings. */
  rule?: string;
  /** For `debt`: only this tag. */
  tag?: string;
  /** Narrows the window's scope for this goal. */
  scope?: string[];
  target: number;
  location: Location;
}

export interface RefactoringWindow {
  id: string;
  title: string;
  /** ISO dates, inclusive. */
  start: string;
  end: string;
  scope: string[];
  goals: WindowGoal[];
  /** Severity of `window-regressed` once the window has ended (`off`: no ratchet). */
  hold: Severity;
  location: Location;
}

/** How git history is read (outcomes of windows). */
export interface HistoryPolicy {
  /** Words that make a commit a fix when its subject holds one as a whole word, any case. */
  fixWords: string[];
}

export interface RulesConfig {
  /** Absolute path of the rules file that was loaded (the one nearest the files). */
  file: string;
  /** Directory of `file`: globs are relative to it. */
  root: string;
  /** Every file that contributed, `file` first, then its `extends` chain. */
  sources: string[];
  include: PatternRef[];
  exclude: PatternRef[];
  layers: Layer[];
  rules: Rule[];
  debt: DebtPolicy;
  windows: RefactoringWindow[];
  history: HistoryPolicy;
  /** Absolute path of the baseline file, when one is configured. */
  baseline?: string;
  /** tsconfig to use, absolute; found next to the root when absent. */
  tsconfig?: string;
  /** Files larger than this are skipped with a notice. */
  maxFileBytes: number;
}

/** A problem in a rules file, with the exact place it was written. */
export interface ConfigProblem {
  severity: 'error' | 'warning';
  message: string;
  location: Location;
}

export type LoadResult =
  | { ok: true; config: RulesConfig; problems: ConfigProblem[] }
  | {
      ok: false;
      problems: ConfigProblem[];
      /**
       * Best effort despite errors (for editors that keep checking while the rules file is being
       * typed); absent when the file is missing or not an object. Its globs may be invalid.
       */
      partial?: RulesConfig;
    };
