// One-line, human wording of a configured rule, for SARIF rule descriptors and hovers.
import type { Rule, Selector, PatternRef } from '../model/ruleTypes';

const list = (items: readonly { text: string }[] | readonly { pattern: string }[]): string =>
  items.map((i) => ('text' in i ? i.text : i.pattern)).join(', ');

export function describeRule(rule: Rule): string {
  switch (rule.kind) {
    case 'forbidden': {
      const targets = [list(rule.to), packages(rule.toPackages), builtins(rule.toBuiltins)].filter((s) => s !== '');
      return `${list(rule.from)} must not depend on ${targets.join('; ') || 'the listed targets'}`;
    }
    case 'allowed': {
      // A given but empty list means "none allowed"; an absent one leaves that kind unrestricted.
      const only = (refs: PatternRef[] | undefined, what: string) =>
        refs === undefined ? '' : refs.length === 0 ? `no ${what}` : `${what} ${list(refs)}`;
      const targets = [list(rule.to), only(rule.toPackages, 'packages'), only(rule.toBuiltins, 'built-ins')].filter((s) => s !== '');
      return `${list(rule.from)} may depend only on ${targets.join('; ') || 'itself'}`;
    }
    case 'layers':
      return `Layers depend inwards only: ${rule.order.map((s: Selector) => s.text).join(' → ')}`;
    case 'no-cycle':
      return `No dependency cycles between ${rule.level === 'layer' ? 'layers' : 'files'}${rule.scope.length > 0 ? ` in ${list(rule.scope)}` : ''}`;
    case 'entry-point':
      return `Modules ${list(rule.modules)} are imported only through ${rule.entry.join(', ')}`;
    case 'no-unresolved':
      return 'Relative and aliased imports must resolve to a file';
  }
}

function packages(refs: PatternRef[]): string {
  return refs.length > 0 ? `packages ${list(refs)}` : '';
}

function builtins(refs: PatternRef[]): string {
  return refs.length > 0 ? `built-ins ${list(refs)}` : '';
}
