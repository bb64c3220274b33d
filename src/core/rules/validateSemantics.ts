// Checks that need the whole loaded configuration: every selector names a layer or is a valid
// glob, captures used in "to" are captured in "from", and plain globs are valid. Each problem
// points at the value that causes it.
import type { ConfigProblem, PatternRef, Rule, RulesConfig, Selector } from '../model/ruleTypes';
import { compilePattern, hasGlobChars } from '../glob/pattern';
import { plainGlobProblem } from '../glob/globProblem';
import { suggestionSuffix } from '../util/didYouMean';

export function validateSemantics(config: RulesConfig): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const layerNames = config.layers.map((layer) => layer.name);
  const error = (message: string, at: PatternRef | Selector): void => {
    problems.push({ severity: 'error', message, location: at.location });
  };

  const plain = (refs: PatternRef[]): void => {
    for (const ref of refs) {
      const problem = plainGlobProblem(ref.pattern);
      if (problem) error(problem, ref);
    }
  };
  const names = (refs: PatternRef[], what: string): void => {
    for (const ref of refs) {
      const compiled = compilePattern(ref.pattern);
      if (!compiled.ok) error(`${compiled.message} (${what})`, ref);
    }
  };

  plain(config.include);
  plain(config.exclude);
  for (const layer of config.layers) plain(layer.files);

  for (const rule of config.rules) {
    plain(rule.exceptions);
    const selectors = new SelectorChecker(rule, layerNames, error);
    switch (rule.kind) {
      case 'forbidden':
      case 'allowed': {
        const captured = selectors.check(rule.from, 'from');
        selectors.check(rule.to, 'to', captured);
        names(rule.toPackages ?? [], 'package name or glob');
        names(rule.toBuiltins ?? [], 'built-in module name or glob');
        break;
      }
      case 'layers':
        selectors.check(rule.order, 'order');
        break;
      case 'no-cycle':
        plain(rule.scope);
        break;
      case 'entry-point':
        plain(rule.modules);
        break;
      case 'no-unresolved':
        break;
    }
  }
  return problems;
}

type Report = (message: string, at: Selector) => void;

class SelectorChecker {
  constructor(
    private readonly rule: Rule,
    private readonly layerNames: string[],
    private readonly report: Report,
  ) {}

  /** Checks selectors of one field; returns the names its globs capture. */
  check(selectors: Selector[], field: 'from' | 'to' | 'order', captured: ReadonlySet<string> = new Set()): Set<string> {
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

  private unknownLayer(name: string): string {
    if (this.layerNames.length === 0) {
      return `unknown layer "${name}": no layers are defined (add a "layers" section, or write a glob such as "src/${name}/**")`;
    }
    const suggestion = suggestionSuffix(name, this.layerNames);
    return `unknown layer "${name}"${suggestion || '.'} Layers: ${this.layerNames.join(', ')}`;
  }
}
