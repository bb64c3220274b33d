// The merged rules files → RulesConfig: shorthand expanded, defaults filled in, paths made
// absolute. Globs stay root-relative: the root is the folder of the file being loaded.
import * as path from 'node:path';
import type { ConfigProblem, Layer, PatternRef, Rule, RulesConfig } from '../model/ruleTypes';
import { fileStartLocation, nodeLocation, numberValue, propertyValue, stringsOf, stringValue, type Located } from '../json/jsonDocument';
import type { LocatedEntry, MergedConfig } from './mergeConfigs';
import { patternRefs } from '../json/readValues';
import { normalizeRule } from './normalizeRule';
import { normalizeDebt } from './normalizeDebt';
import { normalizeWindows } from './normalizeWindows';
import { appendAll } from '../util/arrays';

export const DEFAULT_INCLUDE = ['**/*'];
/** Always excluded, whatever the rules file says. */
export const ALWAYS_EXCLUDED = ['**/node_modules/**', '**/.git/**'];
export const DEFAULT_MAX_FILE_BYTES = 1024 * 1024;
/** Words that make a commit a fix (`history.fixWords`). */
export const DEFAULT_FIX_WORDS: readonly string[] = ['fix', 'fixes', 'fixed', 'bug', 'bugfix', 'hotfix', 'revert'];

export function normalizeConfig(merged: MergedConfig, file: string): { config: RulesConfig; problems: ConfigProblem[] } {
  const root = path.dirname(file);
  const problems: ConfigProblem[] = [];
  const defaults = (patterns: string[]): PatternRef[] => patterns.map((pattern) => ({ pattern, location: fileStartLocation(file) }));

  const layers = [...merged.layers.values()].map((entry) => normalizeLayer(entry, problems));
  const layerNames = new Set(layers.map((layer) => layer.name));

  const rules: Rule[] = [];
  for (const entry of merged.rules) {
    const result = normalizeRule(entry, layerNames);
    appendAll(problems, result.problems);
    if (result.rule) rules.push(result.rule);
  }

  const debt = normalizeDebt(merged.debt);
  appendAll(problems, debt.problems);
  const windows = normalizeWindows(merged.windows, {
    ruleIds: new Set(rules.map((rule) => rule.id)),
    tags: new Set(Object.keys(debt.policy.tags)),
  });
  appendAll(problems, windows.problems);

  const config: RulesConfig = {
    file,
    root,
    sources: [file],
    include: merged.include ? patternRefs(merged.include) : defaults(DEFAULT_INCLUDE),
    exclude: [...defaults(ALWAYS_EXCLUDED), ...patternRefs(merged.exclude)],
    layers,
    rules,
    debt: debt.policy,
    windows: windows.windows,
    history: { fixWords: fixWords(merged.history) },
    maxFileBytes: maxFileBytes(merged.maxFileSizeKb),
  };
  const baseline = rootPath(root, merged.baseline);
  if (baseline) config.baseline = baseline;
  const tsconfig = rootPath(root, merged.tsconfig);
  if (tsconfig) config.tsconfig = tsconfig;
  return { config, problems };
}

/** `"ui": "src/ui/**"`, `"ui": ["…"]` or `"ui": { "files": …, "description": … }`. */
function normalizeLayer(entry: LocatedEntry, problems: ConfigProblem[]): Layer {
  const { doc, node, key, keyNode } = entry;
  const isObject = node.type === 'object';
  const filesNode = isObject ? propertyValue(node, 'files') : node;
  const files = patternRefs(filesNode ? { doc, node: filesNode } : undefined);
  const layer: Layer = { name: key, files, location: nodeLocation(doc, keyNode) };
  const description = isObject ? stringValue(propertyValue(node, 'description')) : undefined;
  if (description !== undefined) layer.description = description;
  if (files.length === 0 && filesNode && (filesNode.type === 'array' || filesNode.type === 'string')) {
    problems.push({ severity: 'warning', message: `layer "${key}" has no files`, location: nodeLocation(doc, filesNode) });
  }
  return layer;
}

/** Paths other than `extends` are relative to the root, wherever they were written. */
function rootPath(root: string, value: Located | undefined): string | undefined {
  const text = stringValue(value?.node);
  return text ? path.resolve(root, text) : undefined;
}

function maxFileBytes(value: Located | undefined): number {
  const kb = numberValue(value?.node);
  return kb !== undefined && kb > 0 ? Math.round(kb * 1024) : DEFAULT_MAX_FILE_BYTES;
}

/** `history.fixWords`, or the defaults when it is not written. */
function fixWords(history: Located | undefined): string[] {
  const node = propertyValue(history?.node, 'fixWords');
  return node ? stringsOf(node).map((item) => item.value) : [...DEFAULT_FIX_WORDS];
}
