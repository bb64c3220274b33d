// Which files one rules file governs: inside its folder, a source file, matched by `include`, not
// by `exclude`, and not in the folder of a nested rules file. Its own module so that a caller can
// ask before any project exists (the git history reads only the governed files' blobs).
import { compilePatterns, type CompiledPattern } from '../glob/pattern';
import { isSourcePath } from '../graph/discoverFiles';
import type { RulesConfig } from '../model/ruleTypes';
import { isInside, toRelative } from '../util/paths';

export interface ScopeOptions {
  /** Directories governed by other (nested) rules files. */
  excludeDirs?: readonly string[];
  /** Editor overrides: globs that replace the rules file's `include` (when not empty)… */
  include?: readonly string[];
  /** …and globs excluded on top of its `exclude`. */
  exclude?: readonly string[];
}

export class FileScope {
  private readonly include: CompiledPattern[];
  private readonly exclude: CompiledPattern[];
  readonly excludeDirs: readonly string[];

  private readonly root: string;

  constructor(config: RulesConfig, options: ScopeOptions = {}) {
    this.root = config.root;
    this.include = compilePatterns(options.include?.length ? [...options.include] : config.include.map((ref) => ref.pattern));
    this.exclude = compilePatterns([...config.exclude.map((ref) => ref.pattern), ...(options.exclude ?? [])]);
    this.excludeDirs = options.excludeDirs ?? [];
  }

  /** A root-relative path `include` matches. */
  includes(rel: string): boolean {
    return this.include.some((pattern) => pattern.match(rel));
  }

  /** A root-relative path `exclude` matches. */
  excludes(rel: string): boolean {
    return this.exclude.some((pattern) => pattern.match(rel));
  }

  /** True when the rules govern this file (inside the root, included, not excluded or nested). */
  governs(file: string): boolean {
    if (!isInside(this.root, file) || file === this.root) return false;
    if (this.excludeDirs.some((dir) => isInside(dir, file))) return false;
    const rel = toRelative(this.root, file);
    return isSourcePath(rel) && this.includes(rel) && !this.excludes(rel);
  }
}
