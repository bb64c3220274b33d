// One rule object → a typed Rule with defaults, plus the checks that concern its own values
// (enough layers in an order, a non-empty entry list, something to forbid).
import { DEPENDENCY_KINDS, type DependencyKind } from '../model/types';
import { RULE_KINDS, type ConfigProblem, type Rule, type RuleKind } from '../model/ruleTypes';
import { arrayItems, booleanValue, nodeLocation, propertyValue, stringsOf, stringValue, type Located } from '../json/jsonDocument';
import { locationOf, patternRefs, selectors, severityOf } from '../json/readValues';

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
  const error = (message: string, at: Located | undefined): void => {
    problems.push({ severity: 'error', message, location: at ? locationOf(at) : nodeLocation(doc, idNode) });
  };
  const label = `${kind} rule "${id}"`;

  const base = {
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

  const from = selectors(field('from'), layerNames);
  const to = selectors(field('to'), layerNames);
  const rule = build(kind);
  return { rule, problems };

  function build(k: RuleKind): Rule {
    switch (k) {
      case 'forbidden': {
        const toPackages = patternRefs(field('toPackages'));
        const toBuiltins = patternRefs(field('toBuiltins'));
        if (to.length + toPackages.length + toBuiltins.length === 0) {
          error(`${label} forbids nothing: add "to", "toPackages" or "toBuiltins"`, undefined);
        }
        return { ...base, kind: k, from, to, toPackages, toBuiltins };
      }
      case 'allowed': {
        const rule: Rule = { ...base, kind: k, from, to };
        if (field('toPackages')) rule.toPackages = patternRefs(field('toPackages'));
        if (field('toBuiltins')) rule.toBuiltins = patternRefs(field('toBuiltins'));
        return rule;
      }
      case 'layers': {
        const order = selectors(field('order'), layerNames);
        const orderField = field('order');
        if (orderField && isTextOrList(orderField) && order.length < 2) {
          error(`${label} needs at least 2 layers in "order", found ${order.length}`, orderField);
        }
        return { ...base, kind: k, order, allowUnlayered: booleanValue(propertyValue(node, 'allowUnlayered')) ?? false };
      }
      case 'no-cycle': {
        const level = stringValue(propertyValue(node, 'level')) === 'layer' ? 'layer' : 'file';
        if (level === 'layer' && layerNames.size === 0) {
          problems.push({ severity: 'warning', message: `${label} checks cycles between layers, but no layers are defined`, location: locationOf(field('level') ?? entry) });
        }
        return { ...base, kind: k, scope: patternRefs(field('scope')), level };
      }
      case 'entry-point': {
        const entryField = field('entry');
        const entries = stringsOf(entryField?.node);
        for (const item of entries) {
          if (item.value.trim() === '') error(`${label} has an empty file name in "entry"`, { doc, node: item.node });
        }
        if (entryField && isTextOrList(entryField) && entries.length === 0) error(`${label} needs at least one file in "entry" (such as "index.ts")`, entryField);
        return { ...base, kind: k, modules: patternRefs(field('modules')), entry: entries.map((item) => item.value).filter((v) => v.trim() !== '') };
      }
      case 'no-unresolved':
        return { ...base, kind: k, ignore: stringsOf(field('ignore')?.node).map((item) => item.value) };
    }
  }
}

function dependencyKinds(value: Located | undefined): DependencyKind[] | undefined {
  if (!value) return undefined;
  return arrayItems(value.node)
    .map((item) => DEPENDENCY_KINDS.find((k) => k === item.value))
    .filter((k): k is DependencyKind => k !== undefined);
}

/** Wrong types are the schema's to report; only a string or an array is counted here. */
function isTextOrList(value: Located): boolean {
  return value.node.type === 'string' || value.node.type === 'array';
}
