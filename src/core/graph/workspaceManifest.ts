// Where an npm, yarn or pnpm workspace declares its packages: `workspaces` in the root
// package.json (an array, or yarn's `{ "packages": [...] }`) and `packages:` in
// pnpm-workspace.yaml. Globs name package folders (`packages/*`, `apps/**`, `!**/test/**`).
import * as path from 'node:path';
import type { FileSystem } from '../fs/fileSystem';
import { compilePattern, type CompiledPattern } from '../glob/pattern';
import { maxOf } from '../util/arrays';
import { readConfigText } from './compilerOptions';

export interface WorkspaceManifest {
  /** The folder of the root package.json or pnpm-workspace.yaml. */
  root: string;
  /** Package folders (absolute), each holding a package.json. */
  packageDirs: string[];
}

/** Folders never searched for packages. */
const SKIPPED = new Set(['node_modules', '.git']);
/** How far up from a project root a workspace manifest is looked for. */
const MAX_ASCENT = 12;
/** How deep a `**` glob looks for package folders. */
const MAX_GLOB_DEPTH = 6;

/** The workspace holding `dir` (the nearest manifest at or above it), if any. */
export function findWorkspaceManifest(dir: string, fs: FileSystem): WorkspaceManifest | undefined {
  let current = path.resolve(dir);
  for (let i = 0; i < MAX_ASCENT; i++) {
    const globs = workspaceGlobs(current, fs);
    if (globs !== undefined) return { root: current, packageDirs: expandPackageGlobs(current, globs, fs) };
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  return undefined;
}

/** The package globs a folder declares, or undefined when it is no workspace root. */
export function workspaceGlobs(dir: string, fs: FileSystem): string[] | undefined {
  const yaml = readConfigText(fs, path.join(dir, 'pnpm-workspace.yaml'));
  if (yaml !== undefined) return pnpmPackages(yaml);
  const text = readConfigText(fs, path.join(dir, 'package.json'));
  if (text === undefined) return undefined;
  let manifest: unknown;
  try {
    manifest = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof manifest !== 'object' || manifest === null || !('workspaces' in manifest)) return undefined;
  const workspaces = manifest.workspaces;
  const list = Array.isArray(workspaces) ? workspaces
    : typeof workspaces === 'object' && workspaces !== null && 'packages' in workspaces && Array.isArray(workspaces.packages) ? workspaces.packages
      : [];
  return (list as unknown[]).filter((glob): glob is string => typeof glob === 'string');
}

/**
 * `packages:` of pnpm-workspace.yaml, in the two forms people write: a block list (`- 'apps/*'`)
 * or a flow list (`packages: ['apps/*']`). Other keys (catalogs, settings) are skipped.
 */
export function pnpmPackages(yaml: string): string[] {
  const globs: string[] = [];
  const unquote = (value: string): string => value.trim().replace(/^(['"])(.*)\1$/, '$2');
  let inPackages = false;
  for (const raw of yaml.split(/\r?\n/)) {
    const line = raw.replace(/\s+#.*$/, '');
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    const key = /^packages\s*:\s*(.*)$/.exec(line);
    if (key) {
      const flow = /^\[(.*)\]$/.exec(key[1].trim());
      if (flow) for (const item of flow[1].split(',')) if (item.trim()) globs.push(unquote(item));
      inPackages = !flow;
      continue;
    }
    if (!/^\s/.test(line)) inPackages = false;
    const item = inPackages ? /^\s*-\s*(.+)$/.exec(line) : null;
    if (item) globs.push(unquote(item[1]));
  }
  return globs;
}

/** Folders below `root` that a glob names and a negated glob (`!…`) does not, holding a package.json. */
function expandPackageGlobs(root: string, globs: readonly string[], fs: FileSystem): string[] {
  const compile = (list: string[]): CompiledPattern[] =>
    list.flatMap((glob) => {
      const compiled = compilePattern(glob.replace(/^\.\//, '').replace(/\/+$/, ''));
      return compiled.ok ? [compiled.pattern] : [];
    });
  const include = compile(globs.filter((glob) => !glob.startsWith('!')));
  const exclude = compile(globs.filter((glob) => glob.startsWith('!')).map((glob) => glob.slice(1)));
  const depth = maxOf(include.map((pattern) => (pattern.source.includes('**') ? MAX_GLOB_DEPTH : pattern.source.split('/').length)), 0);
  // Only folders on the way to a glob's literal start are walked (`packages/**` never enters `docs/`).
  const prefixes = include.map((pattern) => {
    const segments = pattern.source.split('/');
    const literal = segments.findIndex((segment) => /[*?[{]/.test(segment));
    return (literal < 0 ? segments : segments.slice(0, literal)).join('/');
  });
  const onTheWay = (rel: string): boolean => prefixes.some((prefix) => prefix === '' || `${prefix}/`.startsWith(`${rel}/`) || rel.startsWith(`${prefix}/`));
  const found: string[] = [];
  const walk = (dir: string, rel: string, level: number): void => {
    if (level >= depth) return;
    for (const entry of fs.readDirectory(dir)) {
      if (entry.kind !== 'directory' || SKIPPED.has(entry.name) || entry.name.startsWith('.')) continue;
      const childRel = rel ? `${rel}/${entry.name}` : entry.name;
      const child = path.join(dir, entry.name);
      if (include.some((pattern) => pattern.match(childRel)) && !exclude.some((pattern) => pattern.match(childRel)) && fs.fileExists(path.join(child, 'package.json'))) {
        found.push(child);
      }
      if (onTheWay(childRel)) walk(child, childRel, level + 1);
    }
  };
  walk(root, '', 0);
  return found.sort();
}

/** The `name` a package.json gives, if any (a broken file names nothing). */
export function nameInPackageJson(text: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null && 'name' in parsed && typeof parsed.name === 'string') return parsed.name;
  } catch {
    // nothing to name
  }
  return undefined;
}
