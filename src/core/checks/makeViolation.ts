import type { Edge, ReportedSeverity, Violation } from '../model/types';
import type { Rule } from '../model/ruleTypes';
import { targetKind, targetName, type RuleScope } from './checkContext';
import type { SelectorSet } from './selectors';

/** A finding on the import that breaks the rule, carrying the rule's id, severity and why. */
export function dependencyViolation(rule: Rule, edge: Edge, message: string): Violation {
  return {
    ruleId: rule.id,
    severity: rule.severity as ReportedSeverity,
    message,
    why: rule.why,
    location: { file: edge.from, range: edge.range },
    from: edge.from,
    to: edge.to,
    kind: edge.kind,
  };
}

/** How a message names the thing imported: `'@infra/db' (src/infra/db.ts, layer infra)`. */
export function describeTarget(edge: Edge, scope: RuleScope): string {
  const written = `'${edge.specifier}'`;
  switch (targetKind(edge.to)) {
    case 'file': {
      const rel = scope.rel(edge.to);
      const layer = scope.layerOf(edge.to);
      const where = layer ? `${rel}, layer ${layer}` : rel;
      return edge.specifier === rel ? written : `${written} (${where})`;
    }
    case 'package':
      // With its subpath when one was written (`react-dom/server`): rules can name subpaths.
      return `package '${edge.specifier.startsWith(`${targetName(edge.to)}/`) ? edge.specifier : targetName(edge.to)}'`;
    case 'builtin':
      return `Node.js built-in '${targetName(edge.to)}'`;
    case 'unresolved':
      return `${written} (unresolved)`;
  }
}

/**
 * How a message names the importer's group: its layer, or the `from` glob that matched it with its
 * captures filled in (`src/features/checkout/**`), or else its path.
 */
export function describeSource(edge: Edge, scope: RuleScope, from?: SelectorSet): string {
  const layer = scope.layerOf(edge.from);
  const rel = scope.rel(edge.from);
  const selector = from?.matchingSelector(rel, layer);
  if (selector && selector.layer === undefined) {
    const captures = from!.matchFrom(rel, layer) ?? {};
    return selector.text.replace(/\{([A-Za-z_][\w-]*)\}/g, (whole, name: string) => captures[name] ?? whole);
  }
  return layer ? `layer ${layer}` : rel;
}
