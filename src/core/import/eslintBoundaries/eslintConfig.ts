// An ESLint configuration (flat: a list of blocks; or .eslintrc: one object with overrides) →
// what the boundaries import needs: the merged `boundaries/*` settings, and the element-types
// rule's severity and options where it applies to every file. Blocks limited to some files are
// named in notes (or, where they turn the rule off, become exceptions).
import { isDict, type Dict } from '../dependencyCruiser/configShape';
import type { Notes } from '../importResult';
import { appendAll } from '../../util/arrays';

export const RULE_NAMES = ['boundaries/element-types', 'boundaries/dependencies'];
const OTHER_RULES = ['boundaries/entry-point', 'boundaries/external', 'boundaries/no-private', 'boundaries/no-unknown', 'boundaries/no-unknown-files', 'boundaries/no-ignored'];
/** `files` that every source file matches do not limit anything. */
const EVERY_SOURCE = /^(\*\*\/)?\*(\.\{[a-z,]+\}|\.[a-z]+)?$/;

export interface EslintBoundaries {
  settings: Dict;
  /** The rule as it applies everywhere, or undefined when it is never turned on everywhere. */
  rule?: { name: string; severity: 'error' | 'warning'; options: Dict };
  /** Files for which a later block turns the rule off. */
  offFor: string[];
  /** Global ignores (flat config blocks with only `ignores`). */
  ignores: string[];
}

export function readEslintConfig(value: unknown, notes: Notes): EslintBoundaries | string {
  const read = blocksOf(value);
  if (!read) return 'the file does not export an ESLint configuration (a list of configuration objects, or an object with "rules")';
  const { blocks, flat } = read;
  const result: EslintBoundaries = { settings: {}, offFor: [], ignores: [] };
  const others = new Set<string>();
  for (const [index, block] of blocks.entries()) {
    // Flat: the block's place in the exported list; .eslintrc: the file itself, then overrides.
    const label = flat ? `[${index}]${typeof block.name === 'string' ? ` "${block.name}"` : ''}` : index === 0 ? '' : `overrides[${index - 1}]`;
    const files = scopedFiles(block);
    const keys = Object.keys(block).filter((key) => block[key] !== undefined && key !== 'name');
    if (keys.length === 1 && keys[0] === 'ignores') appendAll(result.ignores, strings(block.ignores));
    if (isDict(block.settings)) {
      if (files && Object.keys(block.settings).length > 0) notes.approximated('ESLint configuration', `${label ? `${label}.` : ''}settings`, `given for ${files.join(', ')} only; applied to every file`);
      Object.assign(result.settings, block.settings);
    }
    for (const [name, entry] of Object.entries(isDict(block.rules) ? block.rules : {})) {
      if (OTHER_RULES.includes(name) && severityOf(entry) !== 'off') others.add(name);
      if (!RULE_NAMES.includes(name)) continue;
      const severity = severityOf(entry);
      const options = Array.isArray(entry) && isDict(entry[1]) ? entry[1] : undefined;
      if (files) {
        if (severity === 'off') appendAll(result.offFor, files.filter((file) => !file.startsWith('!')));
        else notes.notMapped(name, `${label ? `${label}.` : ''}rules`, `configured for ${files.join(', ')} only; the configuration that applies to every file is imported`);
        continue;
      }
      if (severity === 'off') {
        result.rule = undefined;
        continue;
      }
      const kept = options ?? (result.rule?.name === name ? result.rule.options : undefined);
      result.rule = kept ? { name, severity, options: kept } : undefined;
      if (!kept) notes.notMapped(name, `${label ? `${label}.` : ''}rules`, 'has no options (default, rules): nothing to import');
    }
    if (typeof block.extends === 'string' || Array.isArray(block.extends)) {
      notes.notMapped('ESLint configuration', `${label ? `${label}.` : ''}extends`, `${strings(block.extends).join(', ')} not followed: boundaries settings or rules in shared configurations are not imported`);
    }
  }
  for (const name of others) notes.notMapped(name, 'rules', 'has no Guardrails import (only the element-types rule is imported)');
  return result;
}

function blocksOf(value: unknown): { blocks: Dict[]; flat: boolean } | undefined {
  const eslintrc = (config: unknown): { blocks: Dict[]; flat: boolean } | undefined => {
    const blocks = eslintrcBlocks(config);
    return blocks && { blocks, flat: false };
  };
  if (isDict(value) && (value.format === 'flat' || value.format === 'eslintrc') && Array.isArray(value.blocks)) {
    return value.format === 'flat' ? { blocks: value.blocks.filter(isDict), flat: true } : eslintrc(value.blocks[0]);
  }
  if (Array.isArray(value)) return { blocks: value.flat(Infinity as 1).filter(isDict), flat: true };
  return eslintrc(value);
}

/** .eslintrc: the object itself, then each override as a block limited to its files. */
function eslintrcBlocks(config: unknown): Dict[] | undefined {
  if (!isDict(config)) return undefined;
  const overrides = Array.isArray(config.overrides) ? config.overrides.filter(isDict) : [];
  return [{ ...config, overrides: undefined }, ...overrides.map((override) => ({ ...override, files: override.files ?? [] }))];
}

function scopedFiles(block: Dict): string[] | undefined {
  const files = strings(block.files);
  const ignores = [...strings(block.ignores), ...strings(block.excludedFiles)];
  const scoped = files.filter((file) => !EVERY_SOURCE.test(file));
  if (block.files === undefined && ignores.length === 0) return undefined;
  if (scoped.length === 0 && ignores.length === 0) return undefined;
  return [...(scoped.length ? scoped : files), ...ignores.map((glob) => `!${glob}`)];
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flat(Infinity as 1).filter((item): item is string => typeof item === 'string');
  return [];
}

function severityOf(entry: unknown): 'error' | 'warning' | 'off' {
  const level: unknown = Array.isArray(entry) ? (entry as unknown[])[0] : entry;
  if (level === 2 || level === 'error') return 'error';
  if (level === 1 || level === 'warn') return 'warning';
  return 'off';
}
