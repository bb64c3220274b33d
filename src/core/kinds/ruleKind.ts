// What every rule kind provides, in one interface: the table in ruleKinds.ts holds one module per
// kind, so a kind missing a part (or a kind missing from the table) is a type error.
import type { RuleScope } from '../checks/checkContext';
import type { RuleGlob } from '../checks/unmatchedPatterns';
import type { Located } from '../json/jsonDocument';
import type { ConfigProblem, Rule, RuleBase, RulesConfig } from '../model/ruleTypes';
import type { GraphFindings } from '../checks/cycleGraph';
import type { FolderHints } from './folderHints';
import type { Edge, KnownFindings, Violation } from '../model/types';

export interface RuleKindModule<R extends Rule> {
  /** The rule object as written → the typed rule with defaults; problems of its own values go to `input`. */
  normalize(input: RuleInput): R;
  /** Problems that need the whole configuration: layer names, captures, glob syntax (`hints`: the folders that exist). */
  validate(rule: R, config: RulesConfig, hints?: FolderHints): ConfigProblem[];
  /** The rule's globs that should match something (exceptions aside), for the unmatched-pattern warning. */
  globs(rule: R): RuleGlob[];
  /** One line of human wording, for SARIF rule descriptors and hovers. */
  describe(rule: R): string;
  /** Selectors, globs and the edge filter compiled once per rule and project (`scope`). */
  compile(rule: R, scope: RuleScope, options?: CompileOptions): CompiledRule<R>;
}

export interface CompileOptions {
  /**
   * The editor: imports added after the first check are new, and a cycle through one is reported
   * on it (on the line just typed) rather than where a fresh analysis would put it.
   */
  trackNewImports?: boolean;
}

/** A rule object of the rules file, as `normalize` reads it. */
export interface RuleInput {
  /** The rule object itself. */
  entry: Located;
  /** The fields every kind shares, already read. */
  base: Omit<RuleBase, 'kind'>;
  /** `forbidden rule "domain-pure"`: how messages name the rule. */
  label: string;
  layerNames: ReadonlySet<string>;
  /** A property's value, or undefined when absent. */
  field(key: string): Located | undefined;
  /** An error at `at`, or at the rule's id when there is no better place. */
  error(message: string, at?: Located): void;
  warning(message: string, at: Located): void;
}

/** A rule ready to check: compiled once, asked many times. */
export type CompiledRule<R extends Rule = Rule> = ImportRule<R> | GraphRule<R>;

interface CompiledBase<R extends Rule> {
  readonly rule: R;
  /** True when the rule looks at this import, whether or not the import breaks it (hovers). */
  looksAt(edge: Edge): boolean;
}

/**
 * A rule whose verdict on an import depends only on that import (and the layers of its ends): it
 * can be re-run on the imports of the files that changed alone.
 */
export interface ImportRule<R extends Rule = Rule> extends CompiledBase<R> {
  readonly on: 'imports';
  check(edges: readonly Edge[]): Violation[];
}

/** A rule over the whole import graph (`no-cycle`): the caller keeps one graph per rule between checks. */
export interface GraphRule<R extends Rule = Rule> extends CompiledBase<R> {
  readonly on: 'graph';
  /** An empty graph for this rule. */
  graph(): RuleGraph;
}

export interface RuleGraph {
  /** True when one file's imports can be replaced alone; otherwise the graph is rebuilt from every import. */
  readonly incremental: boolean;
  addAll(edges: readonly Edge[]): void;
  /** A file's imports were read again (incremental graphs only): its outgoing edges are rebuilt. */
  replaceFile(file: string, edges: readonly Edge[]): void;
  /** The findings; `known` (the baseline) helps choose which import carries a new one. */
  check(known?: KnownFindings): GraphFindings;
}

/** Wrong types are the schema's to report; only a string or an array is counted by `normalize`. */
export function isTextOrList(value: Located): boolean {
  return value.node.type === 'string' || value.node.type === 'array';
}
