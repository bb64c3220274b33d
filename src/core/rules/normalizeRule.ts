// One rule object → a typed Rule: the fields every kind shares are read here, the rest (defaults,
// and checks of its own values such as enough layers in an order) by its kind's module.
import { DEPENDENCY_KINDS, type DependencyKind } from '../model/types';
import { RULE_KINDS, type ConfigProblem, type Rule } from '../model/ruleTypes';
import { arrayItems, booleanValue, nodeLocation, propertyValue, stringValue, type Located } from '../json/jsonDocument';
import { locationOf, patternRefs, severityOf } from '../json/readValues';
import { RULE_KIND_MODULES } from '../kinds/ruleKinds';
import type { RuleInput } from '../kinds/ruleKind';

export function normalizeRule(entry: Located, layerNames: ReadonlySet<string>): { rule?: Rule; problems: ConfigProblem[] } {
  const { doc, node } = entry;
  const idNode = propertyValue(node, 'id');
  const id = stringValue(idNode);
  const kind = RULE_KINDS.find((k) => k === stringValue(propertyValue(node, 'kind')));
  // Without an id or a known kind the schema has already said what is wrong; nothing to build.
  if (!id || !idNode || !kind) return { problems: [] };

  const field = (key: string): Located | undefined => {
    const value = propertyValue(node, key);
    return value ? { doc, node: value } : undefined;
  };
  const problems: ConfigProblem[] = [];

  const base: RuleInput['base'] = {
    id,
    severity: severityOf(stringValue(propertyValue(node, 'severity')), 'error'),
    why: stringValue(propertyValue(node, 'why')),
    allowTypeOnly: booleanValue(propertyValue(node, 'allowTypeOnly')) ?? false,
    kinds: dependencyKinds(field('kinds')),
    exceptions: patternRefs(field('exceptions')),
    location: nodeLocation(doc, node),
    idLocation: nodeLocation(doc, idNode),
  };
  if (base.why === undefined) delete base.why;
  if (base.kinds === undefined) delete base.kinds;

  const rule = RULE_KIND_MODULES[kind].normalize({
    entry,
    base,
    label: `${kind} rule "${id}"`,
    layerNames,
    field,
    error: (message, at) => problems.push({ severity: 'error', message, location: at ? locationOf(at) : nodeLocation(doc, idNode) }),
    warning: (message, at) => problems.push({ severity: 'warning', message, location: locationOf(at) }),
  });
  return { rule, problems };
}

function dependencyKinds(value: Located | undefined): DependencyKind[] | undefined {
  if (!value) return undefined;
  return arrayItems(value.node)
    .map((item) => DEPENDENCY_KINDS.find((k) => k === item.value))
    .filter((k): k is DependencyKind => k !== undefined);
}
