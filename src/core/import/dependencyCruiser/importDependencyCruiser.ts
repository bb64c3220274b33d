// A dependency-cruiser configuration (already read, `extends` already merged) → the equivalent
// Guardrails rules file and the list of what could not be said the same way.
import { Notes, type ImportResult, type RuleJson } from '../importResult';
import { isDict } from './configShape';
import { mapAllowedRules } from './mapAllowed';
import { mapOptions } from './mapOptions';
import { mapForbiddenRule } from './mapRule';
import type { TargetContext } from './targets';
import { sourceFiles, withoutUnmatched } from './tidyGlobs';
import { appendAll } from '../../util/arrays';

const KNOWN = new Set(['forbidden', 'allowed', 'allowedSeverity', 'required', 'options', 'extends', '$schema']);

export type DependencyCruiserImport = { ok: true; result: ImportResult } | { ok: false; message: string };

export function importDependencyCruiser(config: unknown, context: TargetContext): DependencyCruiserImport {
  if (!isDict(config)) return { ok: false, message: 'the file does not export a dependency-cruiser configuration (an object with "forbidden", "allowed" or "options")' };
  const notes = new Notes();
  for (const key of Object.keys(config)) if (!KNOWN.has(key)) notes.notMapped('configuration', key, 'unknown to dependency-cruiser and Guardrails');
  if (config.extends !== undefined) notes.notMapped('configuration', 'extends', 'was not followed');
  const options = mapOptions(config.options, notes, context.files);
  const ids = new Set<string>();
  const ctx = { ...context, ids, notes, typeOnlyInvisible: options.typeOnlyInvisible };
  const rules: RuleJson[] = [];
  const forbidden = Array.isArray(config.forbidden) ? config.forbidden : [];
  forbidden.forEach((rule, index) => appendAll(rules, mapForbiddenRule(rule, index, ctx)));
  appendAll(rules, mapAllowedRules(config.allowed, config.allowedSeverity, ctx));
  // Exceptions that match no source file would only draw "matches no file" warnings.
  const sources = sourceFiles(context.files);
  const exceptions = sources ? options.exceptions.filter((glob) => withoutUnmatched([glob, '**'], sources).kept.includes(glob)) : options.exceptions;
  if (exceptions.length > 0) {
    notes.approximated('options', 'exclude', 'becomes an exception of every rule: dependency-cruiser does not see imports of excluded files, and Guardrails would still check the imports that lead into them; the files are still read (add them to "exclude" too if they should not be)');
  } else if (options.exceptions.length > 0) {
    notes.approximated('options', 'exclude', `${options.exceptions.join(', ')} matches no file now: nothing to leave out (import again if such files appear)`);
  }
  if (exceptions.length > 0) {
    for (const rule of rules) rule.exceptions = [...new Set([...((rule.exceptions as string[] | undefined) ?? []), ...exceptions])];
  }
  const required = Array.isArray(config.required) ? config.required : [];
  required.forEach((rule, index) => {
    const name = isDict(rule) && typeof rule.name === 'string' ? rule.name : `required[${index}]`;
    notes.notMapped(name, 'required', 'Guardrails has no "must depend on" rules');
  });
  return { ok: true, result: { config: { ...options.config, rules }, notes: notes.list } };
}
