import { isBuiltin } from 'node:module';
import * as path from 'node:path';
import { ts } from 'ts-morph';
import type { FileSystem } from '../fs/fileSystem';
import type { DependencyKind, Target } from '../types';
import { isInside } from '../util/paths';
import { PathAliases } from './pathAliases';
import {
  isInNodeModules, isPathSpecifier, isUrlSpecifier, packageNameFromPath, packageNameOf,
} from './specifiers';

/** TypeScript records the symlinked path it left when it followed a link (internal field). */
interface WithOriginalPath {
  originalPath?: string;
}

/**
 * Turns specifiers into graph targets (see `Target`) with TypeScript's own module resolution.
 * One instance serves a whole analysis: resolutions and file-system probes are cached until
 * `clearCache` (call it when files are created or deleted).
 */
export class ImportResolver {
  private readonly host: CachingResolutionHost;
  private readonly cache: ts.ModuleResolutionCache;
  private readonly aliases: PathAliases;
  private readonly realRoot: string;
  private readonly fileFormats = new Map<string, ts.ResolutionMode>();

  constructor(private readonly root: string, private readonly options: ts.CompilerOptions, fs: FileSystem) {
    this.host = new CachingResolutionHost(fs, root);
    const canonical = this.host.useCaseSensitiveFileNames ? (s: string) => s : (s: string) => s.toLowerCase();
    this.cache = ts.createModuleResolutionCache(root, canonical, options);
    this.aliases = new PathAliases(options, root);
    this.realRoot = fs.realpath(root);
  }

  resolve(specifier: string, fromFile: string, kind: DependencyKind): Target {
    if (kind === 'reference') return this.resolveReference(specifier, fromFile);
    if (isBuiltin(specifier)) return `node:${specifier.replace(/^node:/, '')}`;

    const { resolvedModule } = ts.resolveModuleName(
      specifier, fromFile, this.options, this.host, this.cache, undefined, this.modeFor(kind, fromFile),
    );
    if (resolvedModule) {
      const file = path.resolve(resolvedModule.resolvedFileName);
      const original = (resolvedModule as ts.ResolvedModuleFull & WithOriginalPath).originalPath;
      return this.targetOfFile(file, specifier, original === undefined ? undefined : path.resolve(original));
    }
    return this.unresolvedTarget(specifier, fromFile);
  }

  clearCache(): void {
    this.host.clear();
    this.cache.clear();
    this.fileFormats.clear();
  }

  /** `/// <reference path>` is a path relative to the file, never a module name. */
  private resolveReference(specifier: string, fromFile: string): Target {
    const file = path.resolve(path.dirname(fromFile), specifier);
    return this.host.fileExists(file) ? this.targetOfFile(file, specifier) : `unresolved:${specifier}`;
  }

  /**
   * `require` and `import =` load CommonJS; `import()` is ESM everywhere; other forms follow the
   * importing file's format under node16/nodenext (package.json `type`, .mts/.cts) and ESM otherwise.
   */
  private modeFor(kind: DependencyKind, fromFile: string): ts.ResolutionMode {
    if (kind === 'require' || kind === 'import-equals') return ts.ModuleKind.CommonJS;
    if (kind === 'dynamic') return ts.ModuleKind.ESNext;
    return memo(this.fileFormats, fromFile, () =>
      ts.getImpliedNodeFormatForFile(fromFile, this.cache.getPackageJsonInfoCache(), this.host, this.options)
      ?? ts.ModuleKind.ESNext);
  }

  /**
   * A resolved file is a workspace file when it lies in the root outside node_modules, judged on
   * its real path first (workspace packages linked into node_modules), then on the path as
   * written (a directory linked in from outside the root).
   */
  private targetOfFile(file: string, specifier: string, originalPath?: string): Target {
    for (const candidate of [this.host.realpath(file), file]) {
      const inRoot = this.workspacePath(candidate);
      if (inRoot !== undefined) return inRoot;
    }
    const name = isPathSpecifier(specifier)
      ? packageNameFromPath(originalPath ?? file) ?? packageNameFromPath(file) ?? this.host.nearestPackageName(file)
      : packageNameOf(specifier);
    return name === undefined ? file : `pkg:${name}`;
  }

  /** The path under `root` when the file is a workspace file (a real root reached through a link maps back). */
  private workspacePath(file: string): string | undefined {
    for (const base of [this.root, this.realRoot]) {
      if (!isInside(base, file)) continue;
      const relative = path.relative(base, file);
      return isInNodeModules(relative) ? undefined : path.join(this.root, relative);
    }
    return undefined;
  }

  private unresolvedTarget(specifier: string, fromFile: string): Target {
    // Files TypeScript does not resolve but that exist (styles, images, .vue) are still dependencies.
    const candidates = isPathSpecifier(specifier)
      ? [path.resolve(path.dirname(fromFile), specifier)]
      : this.aliases.candidates(specifier);
    const existing = candidates.find((file) => this.host.fileExists(file));
    if (existing !== undefined) return this.targetOfFile(existing, specifier);

    if (isPathSpecifier(specifier) || this.aliases.matches(specifier)) return `unresolved:${specifier}`;
    if (specifier.startsWith('#') || isUrlSpecifier(specifier)) return `unresolved:${specifier}`;
    return `pkg:${packageNameOf(specifier)}`;
  }
}

/** TypeScript probes the same paths over and over; each answer is asked of the FileSystem once. */
class CachingResolutionHost implements ts.ModuleResolutionHost {
  readonly useCaseSensitiveFileNames = ts.sys.useCaseSensitiveFileNames;
  private readonly files = new Map<string, boolean>();
  private readonly directories = new Map<string, boolean>();
  private readonly realpaths = new Map<string, string>();
  private readonly packageNames = new Map<string, string | undefined>();

  constructor(private readonly fs: FileSystem, private readonly root: string) {}

  fileExists(file: string): boolean {
    return memo(this.files, file, () => this.fs.fileExists(file));
  }

  directoryExists(directory: string): boolean {
    return memo(this.directories, directory, () => this.fs.directoryExists(directory));
  }

  realpath(file: string): string {
    return memo(this.realpaths, file, () => this.fs.realpath(file));
  }

  readFile(file: string): string | undefined {
    return this.fs.readFile(file);
  }

  getCurrentDirectory(): string {
    return this.root;
  }

  /** Name in the nearest package.json above a file outside the workspace. */
  nearestPackageName(file: string): string | undefined {
    const directory = path.dirname(file);
    return memo(this.packageNames, directory, () => {
      const text = this.fileExists(path.join(directory, 'package.json')) ? this.readFile(path.join(directory, 'package.json')) : undefined;
      const name = text === undefined ? undefined : nameInPackageJson(text);
      if (name !== undefined) return name;
      const parent = path.dirname(directory);
      return parent === directory ? undefined : this.nearestPackageName(directory);
    });
  }

  clear(): void {
    this.files.clear();
    this.directories.clear();
    this.realpaths.clear();
    this.packageNames.clear();
  }
}

function memo<T>(map: Map<string, T>, key: string, compute: () => T): T {
  if (map.has(key)) return map.get(key) as T;
  const value = compute();
  map.set(key, value);
  return value;
}

function nameInPackageJson(text: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null && 'name' in parsed && typeof parsed.name === 'string') return parsed.name;
  } catch {
    // a broken package.json names nothing
  }
  return undefined;
}
