// Merges rules files base-first, keeping every value as the node it was written as (so each
// later finding can point at its own file and line):
// - include, exclude, tsconfig, baseline, maxFileSizeKb, history: the last file that sets them wins;
// - layers: by name, a later file replaces a layer (it keeps its place in the order);
// - rules, windows: concatenated; a later one with the same id replaces the earlier in place;
// - debt: field by field, `tags` tag by tag, `require` list by list.
import type { ConfigProblem } from '../model/ruleTypes';
import { arrayItems, nodeLocation, objectEntries, propertyValue, stringValue, type JsonDocument, type JsonNode, type Located } from '../json/jsonDocument';

export interface LocatedEntry extends Located {
  key: string;
  keyNode: JsonNode;
}

export const REQUIRE_FIELDS = ['owner', 'ticket', 'due', 'estimate'] as const;
export type RequireField = (typeof REQUIRE_FIELDS)[number];

export interface MergedDebt {
  /** The debt section of the last file that has one. */
  section?: Located;
  tagsWritten: boolean;
  tags: Map<string, LocatedEntry>;
  require: Map<RequireField, Located>;
  ticketUrl?: Located;
  overdueSeverity?: Located;
  warnDaysBeforeDue?: Located;
  match?: Located;
}

export interface MergedConfig {
  include?: Located;
  exclude?: Located;
  tsconfig?: Located;
  baseline?: Located;
  maxFileSizeKb?: Located;
  history?: Located;
  layers: Map<string, LocatedEntry>;
  rules: Located[];
  windows: Located[];
  debt: MergedDebt;
}

const SCALARS = ['include', 'exclude', 'tsconfig', 'baseline', 'maxFileSizeKb', 'history'] as const;

export function mergeConfigs(documents: JsonDocument[]): { merged: MergedConfig; problems: ConfigProblem[] } {
  const merged: MergedConfig = { layers: new Map(), rules: [], windows: [], debt: { tagsWritten: false, tags: new Map(), require: new Map() } };
  const problems: ConfigProblem[] = [];
  for (const doc of documents) {
    const root = doc.root;
    if (root?.type !== 'object') continue;
    for (const key of SCALARS) {
      const node = propertyValue(root, key);
      if (node) merged[key] = { doc, node };
    }
    for (const entry of objectEntries(propertyValue(root, 'layers'))) merged.layers.set(entry.key, { doc, key: entry.key, keyNode: entry.keyNode, node: entry.value });
    merged.rules = mergeById(merged.rules, doc, propertyValue(root, 'rules'), 'rule', problems);
    merged.windows = mergeById(merged.windows, doc, propertyValue(root, 'windows'), 'window', problems);
    mergeDebt(merged.debt, doc, propertyValue(root, 'debt'));
  }
  return { merged, problems };
}

/** Appends `list`'s objects, replacing earlier ones with the same id; a repeated id within one file is an error. */
function mergeById(current: Located[], doc: JsonDocument, list: JsonNode | undefined, noun: string, problems: ConfigProblem[]): Located[] {
  const result = [...current];
  const inThisFile = new Map<string, JsonNode>();
  for (const node of arrayItems(list)) {
    const idNode = propertyValue(node, 'id');
    const id = stringValue(idNode);
    if (id === undefined || idNode === undefined) {
      result.push({ doc, node }); // the schema reports the missing id
      continue;
    }
    const first = inThisFile.get(id);
    if (first) {
      const line = doc.lines.position(first.offset).line;
      problems.push({ severity: 'error', message: `duplicate ${noun} id "${id}" (first defined on line ${line})`, location: nodeLocation(doc, idNode) });
      continue;
    }
    inThisFile.set(id, idNode);
    const replaced = result.findIndex((entry) => stringValue(propertyValue(entry.node, 'id')) === id);
    if (replaced >= 0) result[replaced] = { doc, node };
    else result.push({ doc, node });
  }
  return result;
}

function mergeDebt(debt: MergedDebt, doc: JsonDocument, section: JsonNode | undefined): void {
  if (section?.type !== 'object') return;
  debt.section = { doc, node: section };
  const tags = propertyValue(section, 'tags');
  if (tags) {
    debt.tagsWritten = true;
    for (const entry of objectEntries(tags)) debt.tags.set(entry.key, { doc, key: entry.key, keyNode: entry.keyNode, node: entry.value });
  }
  for (const field of REQUIRE_FIELDS) {
    const node = propertyValue(propertyValue(section, 'require'), field);
    if (node) debt.require.set(field, { doc, node });
  }
  for (const key of ['ticketUrl', 'overdueSeverity', 'warnDaysBeforeDue', 'match'] as const) {
    const node = propertyValue(section, key);
    if (node) debt[key] = { doc, node };
  }
}
