// Checks the kinds' `validate` share: selectors name a layer or are valid globs with captures used
// where they mean something, and plain or name globs are valid. Each problem points at its value.
import { plainGlobProblem } from '../glob/globProblem';
import { compilePattern, hasGlobChars } from '../glob/pattern';
import type { ConfigProblem, PatternRef, Rule, RulesConfig, Selector } from '../model/ruleTypes';
import { suggestionSuffix } from '../util/didYouMean';
import type { FolderHints } from './folderHints';

const error = (message: string, at: PatternRef | Selector): ConfigProblem => ({ severity: 'error', message, location: at.location });

/** Globs without captures (`scope`, `modules`, `exceptions`, layers' files). */
export function plainGlobProblems(refs: readonly PatternRef[]): ConfigProblem[] {
  return refs.flatMap((ref) => {
    const problem = plainGlobProblem(ref.pattern);
    return problem ? [error(problem, ref)] : [];
  });
}

/** Package or built-in names, which may be globs; `what` says which in the message. */
export function nameGlobProblems(refs: readonly PatternRef[], what: string): ConfigProblem[] {
  return refs.flatMap((ref) => {
    const compiled = compilePattern(ref.pattern);
    return compiled.ok ? [] : [error(`${compiled.message} (${what})`, ref)];
  });
}

/** Checks the selectors of one rule, field by field. */
export class SelectorChecker {
  readonly problems: ConfigProblem[] = [];
  private readonly layerNames: string[];

  /** `hints`: the folders that exist, so a hint names real paths. */
  constructor(private readonly rule: Rule, config: RulesConfig, private readonly hints?: FolderHints) {
    this.layerNames = config.layers.map((layer) => layer.name);
  }

  /** Checks selectors of one field; returns the names its globs capture. */
  check(selectors: readonly Selector[], field: 'from' | 'to' | 'order', captured: ReadonlySet<string> = new Set()): Set<string> {
    const names = new Set<string>();
    for (const selector of selectors) {
      if (selector.layer !== undefined) continue;
      if (!hasGlobChars(selector.text) && !selector.text.includes('/')) {
        this.report(this.unknownLayer(selector.text), selector);
        continue;
      }
      const compiled = compilePattern(selector.text);
      if (!compiled.ok) {
        this.report(compiled.message, selector);
        continue;
      }
      const { captureNames, negatedNames } = compiled.pattern;
      if (field === 'to') {
        const missing = [...captureNames, ...negatedNames].find((name) => !captured.has(name));
        if (missing !== undefined) {
          const hint = captured.size ? `; "from" captures ${[...captured].map((n) => `{${n}}`).join(', ')}` : '';
          this.report(`capture "{${missing}}" in "to" of rule "${this.rule.id}" is not captured in "from"${hint}${suggestionSuffix(missing, captured)}`, selector);
        }
      } else if (field === 'from') {
        if (negatedNames.length) this.report(`"!{${negatedNames[0]}}" only works in "to": in "from", write "{${negatedNames[0]}}" to capture the segment`, selector);
        captureNames.forEach((name) => names.add(name));
      } else if (captureNames.length + negatedNames.length) {
        this.report(`captures only work in a rule's "from" and "to", not in "${field}"`, selector);
      }
    }
    return names;
  }

  private report(message: string, at: Selector): void {
    this.problems.push(error(message, at));
  }

  private unknownLayer(name: string): string {
    if (this.layerNames.length === 0) return noLayersMessage(name, this.hints);
    const suggestion = suggestionSuffix(name, this.layerNames);
    return `unknown layer "${name}"${suggestion || '.'} Layers: ${this.layerNames.join(', ')}`;
  }
}

function noLayersMessage(name: string, hints: FolderHints | undefined): string {
  const start = `unknown layer "${name}": no layers are defined`;
  if (!hints) return `${start} (add a "layers" section, or write a glob such as "src/${name}/**")`;
  const globs = hints.globsFor(name);
  if (globs.length > 0) return `${start} (add a "layers" section, or write a glob such as ${globs.map((glob) => `"${glob}"`).join(' or ')})`;
  const example = hints.someFolder();
  return `${start} and no folder is named "${name}" (add a "layers" section, or write a glob of its files${example ? `, such as "${example}/**"` : ''})`;
}

/** `from` then `to` (captures in `to` must be captured in `from`): forbidden and allowed rules. */
export function fromToProblems(rule: Rule & { from: Selector[]; to: Selector[] }, config: RulesConfig, hints?: FolderHints): ConfigProblem[] {
  const selectors = new SelectorChecker(rule, config, hints);
  const captured = selectors.check(rule.from, 'from');
  selectors.check(rule.to, 'to', captured);
  return selectors.problems;
}
