// An ESLint configuration using eslint-plugin-boundaries → layers (one per element type) and
// forbidden rules equivalent to its element-types rule.
import { Notes, type ImportResult, type RuleJson } from '../importResult';
import type { DependencyKind } from '../../model/types';
import { readEslintConfig } from './eslintConfig';
import { readElements } from './elements';
import { layersOf } from './elementPrecedence';
import { mapElementTypes } from './elementTypesRule';
import { sourceFiles, withoutUnmatched } from '../dependencyCruiser/tidyGlobs';

export type EslintBoundariesImport = { ok: true; result: ImportResult } | { ok: false; message: string };

const NODE_KINDS: Record<string, DependencyKind[]> = {
  import: ['static', 'type-only'],
  export: ['re-export'],
  require: ['require'],
  'dynamic-import': ['dynamic'],
};

export function importEslintBoundaries(value: unknown, context: { files?: readonly string[] } = {}): EslintBoundariesImport {
  const notes = new Notes();
  const eslint = readEslintConfig(value, notes);
  if (typeof eslint === 'string') return { ok: false, message: eslint };
  const { settings } = eslint;
  if (!Array.isArray(settings['boundaries/elements'])) {
    return { ok: false, message: 'no "boundaries/elements" setting: this configuration does not use eslint-plugin-boundaries elements' };
  }
  const elements = readElements(settings, notes, context.files);
  let exceptions = [...new Set([...globList(settings['boundaries/ignore']), ...eslint.offFor])];
  const sources = sourceFiles(context.files);
  if (sources) {
    // An exception that matches no file changes nothing now, and would draw a warning per rule.
    const unused = exceptions.filter((glob) => !withoutUnmatched([glob, '**'], sources).kept.includes(glob));
    if (unused.length > 0) notes.approximated('settings', 'boundaries/ignore', `left out ${unused.join(', ')}: no file matches them now (import again if such files appear)`);
    exceptions = exceptions.filter((glob) => !unused.includes(glob));
  }
  if (eslint.offFor.length > 0) notes.approximated(eslint.rule?.name ?? 'boundaries/element-types', 'rules', `turned off for ${eslint.offFor.join(', ')}: those files are exceptions, which also leaves out imports of them`);
  const config: ImportResult['config'] = { rules: [] };
  const include = globList(settings['boundaries/include']);
  if (include.length > 0) config.include = include;
  if (eslint.ignores.length > 0) config.exclude = eslint.ignores;
  for (const key of Object.keys(settings)) {
    if (['boundaries/elements', 'boundaries/ignore', 'boundaries/include', 'boundaries/dependency-nodes'].includes(key)) continue;
    if (key === 'boundaries/root-path' && (settings[key] === '.' || settings[key] === './')) continue; // the config's own folder
    notes.notMapped('settings', key, key === 'boundaries/root-path' ? 'globs are relative to the rules file\'s folder: keep it at the root path' : 'has no Guardrails form');
  }
  config.layers = layersOf(elements, notes, sources);
  if (!eslint.rule) {
    notes.notMapped('boundaries/element-types', 'rules', 'is not turned on for every file: only the layers are imported');
    return { ok: true, result: { config, notes: notes.list } };
  }
  const kinds = dependencyKinds(settings['boundaries/dependency-nodes'], notes);
  const rules: RuleJson[] = mapElementTypes({ name: eslint.rule.name, severity: eslint.rule.severity, options: eslint.rule.options, exceptions, kinds }, elements, new Set(), notes);
  config.rules = rules;
  return { ok: true, result: { config, notes: notes.list } };
}

function globList(value: unknown): string[] {
  const list = typeof value === 'string' ? [value] : Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
  return list.map((glob) => glob.replace(/^\.\//, ''));
}

function dependencyKinds(value: unknown, notes: Notes): string[] | undefined {
  if (value === undefined) {
    notes.approximated('settings', 'boundaries/dependency-nodes', 'not set: eslint-plugin-boundaries 6 checks import, export, require and import() (5 and older: import only); every kind of import is checked');
    return undefined;
  }
  const nodes = typeof value === 'string' ? [value] : Array.isArray(value) ? value.map(String) : [];
  const kinds = new Set<DependencyKind>();
  for (const node of nodes) {
    if (NODE_KINDS[node]) NODE_KINDS[node].forEach((kind) => kinds.add(kind));
    else notes.notMapped('settings', `boundaries/dependency-nodes "${node}"`, 'unknown kind of dependency node');
  }
  return [...kinds];
}

