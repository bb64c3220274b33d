// Loads a rules file: read, follow `extends`, validate each file against the schema, merge,
// normalise, check meaning. Every problem a user can cause comes back as a value with its
// file and position; nothing here throws on user input.
import * as path from 'node:path';
import type { FileSystem } from '../fs/fileSystem';
import type { ConfigProblem, LoadResult } from '../model/ruleTypes';
import { fileStartLocation } from '../json/jsonDocument';
import { resolveExtends } from './resolveExtends';
import { loadGuardrailsSchema } from './schemaFile';
import { validateSchema } from './validateSchema';
import { mergeConfigs } from './mergeConfigs';
import { normalizeConfig } from './normalizeConfig';
import { validateSemantics } from './validateSemantics';
import { confineRulesPaths } from './confineRulesPaths';
import { appendAll } from '../util/arrays';

export function loadRules(file: string, fs: FileSystem): LoadResult {
  const absolute = path.resolve(file);
  // Anything that exists is read through the bounded reader, which says what is wrong with a FIFO or a device.
  if (fs.stat(absolute) === undefined) {
    return { ok: false, problems: [problem(`rules file not found: ${absolute}`, absolute)] };
  }
  const chain = resolveExtends(absolute, fs);
  const problems: ConfigProblem[] = [...chain.problems];
  const own = chain.documents[chain.documents.length - 1];
  if (!own) return { ok: false, problems: problems.length > 0 ? problems : [problem(`rules file cannot be read: ${absolute}`, absolute)] };

  const schema = loadGuardrailsSchema();
  if (!schema) problems.push(problem('Guardrails cannot find schema/guardrails.schema.json next to its program; rules were not validated', absolute));
  // In a file with a syntax error, what the parser recovered is guesswork: report the syntax
  // error alone there, and check the other files as usual.
  const broken = new Set(chain.documents.filter((doc) => doc.hasSyntaxError).map((doc) => doc.file));
  for (const doc of chain.documents) {
    if (doc.root && schema && !broken.has(doc.file)) appendAll(problems, validateSchema(doc, schema));
  }
  if (own.root?.type !== 'object') return { ok: false, problems: sortProblems(problems) };

  const merged = mergeConfigs(chain.documents);
  appendAll(problems, merged.problems);
  const normalized = normalizeConfig(merged.merged, absolute);
  appendAll(problems, normalized.problems);
  const config = normalized.config;
  appendAll(problems, confineRulesPaths(config, merged.merged, fs));
  config.sources = chain.documents.map((doc) => doc.file).reverse();
  appendAll(problems, validateSemantics(config, fs));

  const sorted = sortProblems(problems.filter((p) => !broken.has(p.location.file) || chain.problems.includes(p)));
  if (sorted.some((p) => p.severity === 'error')) return { ok: false, problems: sorted, partial: config };
  return { ok: true, config, problems: sorted };
}

function problem(message: string, file: string): ConfigProblem {
  return { severity: 'error', message, location: fileStartLocation(file) };
}

/** By file, then position, so reports read top to bottom. */
export function sortProblems(problems: ConfigProblem[]): ConfigProblem[] {
  return [...problems].sort((a, b) => {
    if (a.location.file !== b.location.file) return a.location.file < b.location.file ? -1 : 1;
    const x = a.location.range.start;
    const y = b.location.range.start;
    return x.line - y.line || x.column - y.column;
  });
}
