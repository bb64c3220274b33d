import * as path from 'node:path';
import { ts } from 'ts-morph';
import type { FileSystem } from '../fs/fileSystem';
import { READ_LIMITS, readFailureText } from '../fs/textFile';
import type { Notice } from '../model/types';
import { tooDeepAt, tooDeepMessage } from '../json/jsonNesting';
import { toRelative } from '../util/paths';
import { LineIndex } from '../util/positions';
import { parseDiagnosticsOf } from './parseSource';
import { appendAll } from '../util/arrays';

export interface LoadedCompilerOptions {
  options: ts.CompilerOptions;
  /** Absolute path of the tsconfig (or jsconfig) that was read, when one was. */
  configFile?: string;
  notices: Notice[];
}

/** What a workspace without a tsconfig most likely means: modern bundled TS/JS. */
export const DEFAULT_COMPILER_OPTIONS: Readonly<ts.CompilerOptions> = {
  allowJs: true,
  jsx: ts.JsxEmit.Preserve,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  module: ts.ModuleKind.ESNext,
  resolveJsonModule: true,
  target: ts.ScriptTarget.Latest,
};
const DEFAULTS_TEXT = 'allowJs, jsx preserve, moduleResolution bundler, module esnext, resolveJsonModule';

/**
 * Options are used for module resolution only, so anything that only matters to a build is not
 * reported: deprecations TypeScript 6 still honours (`baseUrl`, `moduleResolution: node`), option
 * pairings a bundler-less build would need, and "no inputs" (we never ask TS for the file list).
 */
const IGNORED_CODES = new Set([
  5101, // Option '{0}' is deprecated …
  5107, // Option '{0}={1}' is deprecated …
  5110, // Option 'module' must be set to '{0}' when option 'moduleResolution' is set to '{1}'
  5111, // Visit https://aka.ms/ts6 for migration information
  18003, // No inputs were found in config file
]);

/**
 * Reads the workspace's tsconfig (following `extends`, also into node_modules) through the
 * FileSystem. Never throws: problems become notices and defaults fill in.
 */
export function loadCompilerOptions(root: string, fs: FileSystem, tsconfigPath?: string): LoadedCompilerOptions {
  return loadConfig(root, fs, tsconfigPath ?? findDefaultConfig(root, fs), new Set());
}

function loadConfig(root: string, fs: FileSystem, configFile: string | undefined, seen: Set<string>): LoadedCompilerOptions {
  if (!configFile) {
    return {
      options: forResolution({ ...DEFAULT_COMPILER_OPTIONS }),
      notices: [{ level: 'info', message: `no tsconfig.json found at ${root}; using defaults (${DEFAULTS_TEXT})` }],
    };
  }
  const first = fs.readText(configFile, READ_LIMITS.config);
  if (!first.ok) {
    const why = first.reason === 'missing' ? 'not found' : `cannot be read: ${readFailureText(first)}`;
    return {
      options: forResolution({ ...DEFAULT_COMPILER_OPTIONS }),
      notices: [{ level: 'warning', message: `${configFile} ${why}; using defaults (${DEFAULTS_TEXT})`, file: configFile }],
    };
  }

  const notices: Notice[] = [];
  const read = readShallowJson(fs, root, notices);
  // The JSON source file (rather than a plain object) keeps positions for every error.
  const json = ts.readJsonConfigFile(configFile, read);
  const parsed = ts.parseJsonSourceFileConfigFileContent(
    json, parseConfigHost(fs, read), path.dirname(configFile), undefined, configFile,
  );
  // Syntax errors stay on the JSON file; TypeScript reads what it can and carries on.
  for (const error of [...parseDiagnosticsOf(json), ...parsed.errors]) {
    if (!IGNORED_CODES.has(error.code)) notices.push(noticeOf(error, root, configFile));
  }
  seen.add(configFile);
  const referenced = isSolutionStyle(parsed) ? referencedConfig(root, fs, parsed, seen) : undefined;
  if (referenced?.configFile) {
    appendAll(notices, referenced.notices);
    notices.push({
      level: 'info',
      file: configFile,
      message: `${toRelative(root, configFile)} only references other projects; resolving imports with the options of ${toRelative(root, referenced.configFile)}`,
    });
    return { options: referenced.options, configFile: referenced.configFile, notices };
  }
  return { options: forResolution(parsed.options), configFile, notices };
}

/** `{ "files": [], "references": [...] }`: the options that matter live in the referenced configs (Vite, Nx). */
function isSolutionStyle(parsed: ts.ParsedCommandLine): boolean {
  const raw: unknown = parsed.raw;
  if (!parsed.projectReferences?.length || typeof raw !== 'object' || raw === null) return false;
  return 'files' in raw && Array.isArray(raw.files) && raw.files.length === 0 && !('include' in raw);
}

/** The referenced project that declares `paths` (the application's, usually), else the first one. */
function referencedConfig(
  root: string, fs: FileSystem, parsed: ts.ParsedCommandLine, seen: Set<string>,
): LoadedCompilerOptions | undefined {
  const loaded = (parsed.projectReferences ?? [])
    .map((reference) => path.resolve(ts.resolveProjectReferencePath(reference)))
    .filter((file) => !seen.has(file) && fs.fileExists(file))
    .map((file) => loadConfig(root, fs, file, seen));
  return loaded.find((config) => config.options.paths !== undefined) ?? loaded[0];
}

function findDefaultConfig(root: string, fs: FileSystem): string | undefined {
  for (const name of ['tsconfig.json', 'jsconfig.json']) {
    const candidate = path.join(root, name);
    // Anything by that name: a FIFO or a directory is then reported, not silently passed over.
    if (fs.stat(candidate) !== undefined) return candidate;
  }
  return undefined;
}

/**
 * JS files must resolve too, JSON imports are dependencies like any other, and TS 6's deprecation
 * switch keeps `baseUrl` / `moduleResolution: node` working quietly.
 */
function forResolution(options: ts.CompilerOptions): ts.CompilerOptions {
  return { ...options, allowJs: true, resolveJsonModule: true, ignoreDeprecations: '6.0' };
}

/** File listing is never needed (we discover files ourselves), so readDirectory answers nothing. */
function parseConfigHost(fs: FileSystem, read: (file: string) => string | undefined): ts.ParseConfigHost {
  return {
    useCaseSensitiveFileNames: ts.sys.useCaseSensitiveFileNames,
    readDirectory: () => [],
    fileExists: (file) => fs.fileExists(file),
    readFile: read,
  };
}

/**
 * Reads a tsconfig (or one it extends): bounded like every config read (a base can be a FIFO or a
 * device), and one nested too deeply for TypeScript's recursive parser reads as `{}`, with a
 * warning where the nesting goes too deep.
 */
function readShallowJson(fs: FileSystem, root: string, notices: Notice[]): (file: string) => string | undefined {
  return (file) => {
    const text = readConfigText(fs, file);
    const deep = text === undefined ? undefined : tooDeepAt(text);
    if (text === undefined || deep === undefined) return text;
    const { line, column } = new LineIndex(text).position(deep);
    notices.push({ level: 'warning', file, message: `${toRelative(root, file)}:${line}:${column}: ${tooDeepMessage('tsconfig')}; its options are ignored` });
    return '{}';
  };
}

/** A tsconfig, jsconfig or package.json: a regular file under the config cap, or undefined. */
export function readConfigText(fs: FileSystem, file: string): string | undefined {
  const read = fs.readText(file, READ_LIMITS.config);
  return read.ok ? read.text : undefined;
}

function noticeOf(diagnostic: ts.Diagnostic, root: string, configFile: string): Notice {
  const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
  const file = diagnostic.file?.fileName ? path.resolve(diagnostic.file.fileName) : configFile;
  let where = toRelative(root, file);
  if (diagnostic.file && diagnostic.start !== undefined) {
    const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
    where += `:${line + 1}:${character + 1}`;
  }
  return { level: 'warning', message: `${where}: ${message}`, file };
}
