// dependency-cruiser `options` → the rules file's include / exclude / tsconfig. Options that only
// shape dependency-cruiser's reports are named together; options about how it resolves and
// parses are named one by one, since Guardrails resolves the way TypeScript does.
import type { GuardrailsJson } from '../importResult';
import type { Notes } from '../importResult';
import { regexToGlobs } from '../regex/regexToGlobs';
import { isDict, regexField, stringList, text } from './configShape';

const SUBJECT = 'options';

const REPORTING_ONLY = new Set(['reporterOptions', 'prefix', 'progress', 'cache', 'outputType', 'metrics', 'experimentalStats', 'skipAnalysisNotInRules', 'highlight', 'collapse', 'focus', 'focusDepth', 'reaches', 'validate', 'ruleSet', 'rulesFile', 'outputTo', 'affected', 'showMetrics']);
const RESOLUTION: Record<string, string> = {
  enhancedResolveOptions: 'Guardrails resolves imports the way TypeScript does, with the tsconfig',
  webpackConfig: 'Guardrails does not read webpack aliases; tsconfig paths are read',
  babelConfig: 'Guardrails parses with TypeScript, not Babel',
  moduleSystems: 'Guardrails reads ES modules and CommonJS (import, export, require, import())',
  parser: 'Guardrails parses with TypeScript',
  preserveSymlinks: 'Guardrails follows symbolic links the way TypeScript does',
  extraExtensionsToScan: 'Guardrails analyses TypeScript and JavaScript files',
  combinedDependencies: 'Guardrails does not compare imports with package.json',
  externalModuleResolutionStrategy: 'Guardrails resolves imports the way TypeScript does',
  builtInModules: 'Guardrails knows the Node.js built-ins of the Node.js it runs on',
  baseDir: 'globs are relative to the rules file\'s folder',
  detectJSDocImports: 'Guardrails sees import() types in the JSDoc comments of JavaScript files, as type-only imports',
  detectProcessBuiltinModuleCalls: 'Guardrails does not see process.getBuiltinModule() calls',
  exoticRequireStrings: 'Guardrails does not see exotic requires',
  maxDepth: 'Guardrails analyses every included file, at any depth',
  knownViolations: 'write a Guardrails baseline instead: guardrails check --update-baseline',
  doNotFollow: 'Guardrails analyses every included file; dependency-cruiser does not look inside the files this matches',
};

export interface OptionsResult {
  config: Pick<GuardrailsJson, 'include' | 'tsconfig'>;
  /** options.exclude: an exception of every rule (dependency-cruiser sees neither end of such imports). */
  exceptions: string[];
  /** dependency-cruiser does not see type-only imports (tsPreCompilationDeps off). */
  typeOnlyInvisible: boolean;
}

export function mapOptions(options: unknown, notes: Notes, files?: readonly string[]): OptionsResult {
  const result: OptionsResult = { config: {}, exceptions: [], typeOnlyInvisible: true };
  const dict = isDict(options) ? options : {};
  const reporting: string[] = [];
  for (const [key, value] of Object.entries(dict)) {
    if (REPORTING_ONLY.has(key)) reporting.push(key);
    else if (key === 'tsConfig') tsconfig(value, result, notes);
    else if (key === 'tsPreCompilationDeps') result.typeOnlyInvisible = value !== true && value !== 'specify';
    else if (key === 'includeOnly') result.config.include = globsOf(value, 'includeOnly', notes);
    else if (key === 'exclude') result.exceptions = globsOf(value, 'exclude', notes) ?? [];
    else if (key === 'doNotFollow') doNotFollow(value, notes);
    else if (key === 'detectJSDocImports' || (key === 'parser' && value === 'tsc')) continue; // both see JSDoc imports
    else notes.notMapped(SUBJECT, key, RESOLUTION[key] ?? 'unknown to Guardrails');
  }
  if (reporting.length > 0) notes.notMapped(SUBJECT, reporting.join(', '), 'only shape dependency-cruiser\'s reports');
  const javascript = (files ?? []).some((file) => /(^|\/)[^./][^/]*\.[cm]?jsx?$/.test(file) && !file.includes('node_modules/'));
  if (javascript && dict.detectJSDocImports !== true && dict.parser !== 'tsc') {
    notes.approximated(SUBJECT, 'detectJSDocImports', 'is off: Guardrails sees import() types in the JSDoc comments of JavaScript files (as type-only imports), dependency-cruiser does not');
  }
  if (result.typeOnlyInvisible) {
    notes.approximated(SUBJECT, 'tsPreCompilationDeps', 'is off, so dependency-cruiser never sees type-only imports: every imported rule gets "allowTypeOnly": true (imports TypeScript drops because they are only used as types are still seen)');
  }
  return result;
}

function tsconfig(value: unknown, result: OptionsResult, notes: Notes): void {
  const fileName = isDict(value) ? text(value.fileName) : undefined;
  if (fileName === undefined) {
    if (isDict(value)) return; // `tsConfig: {}`: ./tsconfig.json, as Guardrails does by default
    notes.notMapped(SUBJECT, 'tsConfig', 'has no fileName');
    return;
  }
  const normalized = fileName.replace(/^\.\//, '');
  if (normalized !== 'tsconfig.json') result.config.tsconfig = normalized;
}

function globsOf(value: unknown, key: string, notes: Notes): string[] | undefined {
  const container = isDict(value) ? value : { path: value };
  for (const other of Object.keys(container).filter((k) => k !== 'path')) notes.notMapped(SUBJECT, `${key}.${other}`, 'has no Guardrails form');
  const path = regexField(container.path);
  if (path === undefined) return undefined;
  if (typeof path === 'object') {
    notes.notMapped(SUBJECT, `${key}.path`, 'is neither a regular expression nor a list of them');
    return undefined;
  }
  const converted = regexToGlobs(path);
  if (!converted.ok) {
    notes.notMapped(SUBJECT, `${key}.path`, converted.message);
    return undefined;
  }
  converted.notes.forEach((message) => notes.approximated(SUBJECT, `${key}.path`, message));
  return converted.globs;
}

function doNotFollow(value: unknown, notes: Notes): void {
  const container = isDict(value) ? value : { path: value };
  const paths = stringList(container.path) ?? [];
  const types = stringList(container.dependencyTypes) ?? [];
  const onlyPackages = paths.every((path) => /^\^?\(?node_modules\)?\/?$/.test(path)) && types.every((type) => type.startsWith('npm') || type === 'core');
  // Guardrails never analyses node_modules: that much is the same.
  if (!onlyPackages || Object.keys(container).some((key) => key !== 'path' && key !== 'dependencyTypes')) notes.notMapped(SUBJECT, 'doNotFollow', RESOLUTION.doNotFollow);
}
