import { isBuiltin } from 'node:module';
import * as path from 'node:path';
import { ts } from 'ts-morph';
import type { FileSystem } from '../fs/fileSystem';
import type { DependencyKind, Notice, Target } from '../model/types';
import { isInside } from '../util/paths';
import { loadCompilerOptions, type LoadedCompilerOptions } from './compilerOptions';
import { compilerOptionsDiffer } from './compilerOptionsChange';
import { PathAliases } from './pathAliases';
import { CachingResolutionHost, memo } from './resolutionHost';
import { WorkspacePackages } from './workspacePackages';
import {
  isInNodeModules, isPathSpecifier, isUrlSpecifier, packageNameFromPath, packageNameOf,
} from './specifiers';
import { appendAll } from '../util/arrays';

export interface ImportResolverOptions {
  /**
   * Resolve each file with the nearest tsconfig.json / jsconfig.json between it and the root, as
   * the editor does (monorepo packages with their own `paths`). Default true; the root uses the
   * options given to the constructor.
   */
  nestedConfigs?: boolean;
}

/** TypeScript records the symlinked path it left when it followed a link (internal field). */
interface WithOriginalPath {
  originalPath?: string;
}

/** Compiler options and what is derived from them, for the files one tsconfig governs. */
interface ResolutionContext {
  options: ts.CompilerOptions;
  /** Replaced (keeping its package.json facts) when files come or go on a tracking file system. */
  cache: ts.ModuleResolutionCache;
  configDir: string;
  aliases: PathAliases;
  /** Relative imports of an existing `.ts` file may skip the resolver (see `directRelative`). */
  direct: boolean;
}

/** `./x`, `../x` (not `.`, `..` or a trailing slash; a last segment `.` or `..` is checked apart). */
const RELATIVE = /^\.\.?\/.*[^/]$/;
/** A JavaScript extension in a specifier names the TypeScript source TypeScript probes first. */
const TS_FOR_JS: Readonly<Record<string, string>> = { '.js': '.ts', '.mjs': '.mts', '.cjs': '.cts' };
/** Extensions TypeScript resolves in its own ways (`./a.ts`, `./a.json`, `./a.d.ts`...): left to it. */
const OWN_EXTENSION = /^\.(?:[cm]?tsx?|jsx|json)$/i;

/** `getEmitModuleResolutionKind` is internal to TypeScript (stable for years): the effective `moduleResolution`. */
const effectiveResolution = (ts as unknown as { getEmitModuleResolutionKind(options: ts.CompilerOptions): ts.ModuleResolutionKind }).getEmitModuleResolutionKind;

const CONFIG_NAMES = ['tsconfig.json', 'jsconfig.json'];

/**
 * Turns specifiers into graph targets (see `Target`) with TypeScript's own module resolution.
 * One instance serves a whole analysis: resolutions and file-system probes are cached until
 * `clearCache` (call it when files are created or deleted, or a nested tsconfig changes).
 */
export class ImportResolver {
  private readonly host: CachingResolutionHost;
  private readonly rootContext: ResolutionContext;
  private readonly realRoot: string;
  private readonly nestedConfigs: boolean;
  /** Directory → context, and nested config file → context. */
  private readonly directoryContexts = new Map<string, ResolutionContext>();
  private readonly configContexts = new Map<string, ResolutionContext>();
  /** What each nested config file said when it was read (see configsChanged). */
  private readonly configsRead = new Map<string, LoadedCompilerOptions>();
  private readonly fileFormats = new Map<string, ts.ResolutionMode>();
  private readonly configNotices: Notice[] = [];
  private readonly workspacePaths = new Map<string, string | undefined>();
  private lastFile: string | undefined;
  private lastContext: ResolutionContext | undefined;
  /**
   * On a file system that says which paths came and went (`pathsChangedSince`, the git history):
   * each resolution by directory, mode and specifier, with every path it looked at, so that after
   * a step only the resolutions that looked at a created or deleted path are redone.
   */
  private readonly results: Map<string, Map<string, { target: Target; probes: string[] }>> | undefined;
  private mark: number | undefined;
  /** Folders of files with a `/// <reference path>` (answered without the cache above). */
  private readonly referencingDirs = new Set<string>();
  /** The directory of the last file resolved from (its imports come one after another). */
  private lastDirFile: string | undefined;
  private lastDir = '';

  private readonly root: string;

  constructor(root: string, options: ts.CompilerOptions, private readonly fs: FileSystem, settings: ImportResolverOptions = {}) {
    this.root = path.resolve(root);
    this.host = new CachingResolutionHost(fs, this.root, WorkspacePackages.find(this.root, fs));
    this.rootContext = this.createContext(options, this.root);
    this.realRoot = fs.realpath(this.root);
    this.nestedConfigs = settings.nestedConfigs ?? true;
    if (fs.pathsChangedSince && fs.changeMark !== undefined) {
      this.results = new Map();
      this.mark = fs.changeMark;
    }
  }

  /**
   * True when a nested tsconfig read so far, read again, differs in anything module resolution
   * depends on (see compilerOptionsDiffer), or a workspace package's names other build outputs.
   * Which folder a config governs depends only on where config files are, so an edit (no file
   * created or deleted) changes nothing else.
   */
  configsChanged(): boolean {
    for (const [config, read] of this.configsRead) {
      if (compilerOptionsDiffer(read, loadCompilerOptions(this.root, this.fs, config))) return true;
    }
    return this.host.packageOutputsChanged();
  }

  /** Problems found in nested tsconfig files read so far (the root's come from `loadCompilerOptions`). */
  get notices(): readonly Notice[] {
    return this.configNotices;
  }

  resolve(specifier: string, fromFile: string, kind: DependencyKind): Target {
    if (kind === 'reference') {
      // Not kept with the probes below: a file with a reference is resolved again after every change.
      if (this.results) this.referencingDirs.add(path.dirname(fromFile));
      return this.resolveReference(specifier, fromFile);
    }
    if (isBuiltin(specifier)) return `node:${specifier.replace(/^node:/, '')}`;

    const context = this.contextFor(fromFile);
    const mode = this.modeFor(kind, fromFile, context);
    if (!this.results) return this.resolveModule(specifier, fromFile, context, mode);
    if (fromFile !== this.lastDirFile) {
      this.lastDirFile = fromFile;
      this.lastDir = path.dirname(fromFile);
    }
    let inDirectory = this.results.get(this.lastDir);
    if (!inDirectory) {
      inDirectory = new Map();
      this.results.set(this.lastDir, inDirectory);
    }
    const key = mode === undefined ? specifier : `${mode}\0${specifier}`;
    const known = inDirectory.get(key);
    if (known) return known.target;
    const probes: string[] = [];
    this.host.probes = probes;
    try {
      const target = this.resolveModule(specifier, fromFile, context, mode);
      // TypeScript may answer from what it cached for another folder: the file found is always a dependency.
      if (path.isAbsolute(target)) probes.push(target);
      inDirectory.set(key, { target, probes });
      return target;
    } finally {
      this.host.probes = undefined;
    }
  }

  private resolveModule(specifier: string, fromFile: string, context: ResolutionContext, mode: ts.ResolutionMode): Target {
    const direct = this.directRelative(specifier, fromFile, context);
    if (direct !== undefined) return direct;
    const { resolvedModule } = ts.resolveModuleName(specifier, fromFile, context.options, this.host, context.cache, undefined, mode);
    if (resolvedModule) {
      const file = path.resolve(resolvedModule.resolvedFileName);
      const original = (resolvedModule as ts.ResolvedModuleFull & WithOriginalPath).originalPath;
      return this.targetOfFile(file, specifier, original === undefined ? undefined : path.resolve(original));
    }
    return this.unresolvedTarget(specifier, fromFile, context);
  }

  /**
   * Most imports in TypeScript code are `./x` or `../y/z` naming a `.ts` file next to them (or
   * `./x.js` for it). Under bundler and node10 resolution TypeScript's first probe for those is
   * that `.ts` file: when it exists, is not a link and no option can redirect relative imports
   * (`rootDirs`, `moduleSuffixes`), the answer is known without running the resolver.
   */
  private directRelative(specifier: string, fromFile: string, context: ResolutionContext): Target | undefined {
    if (!context.direct || !RELATIVE.test(specifier)) return undefined;
    // `../..`, `./x/.`: a directory import (its index file), never `x.ts` beside the folder.
    const lastSegment = specifier.slice(specifier.lastIndexOf('/') + 1);
    if (lastSegment === '.' || lastSegment === '..') return undefined;
    const absolute = path.resolve(path.dirname(fromFile), specifier);
    const name = path.basename(absolute);
    const dot = name.lastIndexOf('.');
    let file: string;
    if (dot < 0) file = `${absolute}.ts`;
    else {
      const extension = name.slice(dot);
      if (dot === 0 || OWN_EXTENSION.test(extension)) return undefined;
      const stem = absolute.slice(0, -extension.length);
      if (TS_FOR_JS[extension] !== undefined) file = `${stem}${TS_FOR_JS[extension]}`;
      // `./a.service`: TypeScript first looks for a declaration of an arbitrary extension, `a.d.service.ts`.
      else if (this.host.fileExists(`${stem}.d${extension}.ts`)) return undefined;
      else file = `${absolute}.ts`;
    }
    if (!this.host.fileExists(file) || this.host.realpath(file) !== file) return undefined;
    return this.targetOfFile(file, specifier);
  }

  /**
   * Files were created or deleted. On a tracking file system only what the created or deleted
   * paths can change is forgotten, and the answer is the folders whose importing files may now
   * resolve differently (every other import resolves as before, from the cache); otherwise every
   * resolution and probe is forgotten, and the answer is undefined: any import may change.
   */
  clearCache(): ReadonlySet<string> | undefined {
    const changed = this.mark === undefined ? undefined : this.fs.pathsChangedSince?.(this.mark);
    this.mark = this.fs.changeMark;
    if (changed && this.results) {
      if (changed.size === 0) return new Set();
      const redo = new Set(this.referencingDirs);
      this.host.forget(changed);
      for (const context of [this.rootContext, ...this.configContexts.values()]) {
        context.cache = this.freshCache(context.configDir, context.options, context.cache.getPackageJsonInfoCache());
      }
      for (const [directory, inDirectory] of this.results) {
        for (const [key, entry] of inDirectory) {
          if (!entry.probes.some((probe) => changed.has(probe))) continue;
          inDirectory.delete(key);
          redo.add(directory);
        }
      }
      return redo;
    }
    this.results?.clear();
    this.host.clear();
    this.host.usePackages(WorkspacePackages.find(this.root, this.fs));
    this.rootContext.cache.clear();
    this.directoryContexts.clear();
    this.configContexts.clear();
    this.configsRead.clear();
    this.fileFormats.clear();
    this.workspacePaths.clear();
    this.lastFile = this.lastContext = undefined;
    this.configNotices.length = 0;
    return undefined;
  }

  /** `shared`: package.json facts do not depend on compiler options, so all contexts share the root's. */
  private createContext(options: ts.CompilerOptions, configDir: string, shared?: ts.PackageJsonInfoCache): ResolutionContext {
    const cache = this.freshCache(configDir, options, shared);
    const kind = effectiveResolution(options);
    const direct = (kind === ts.ModuleResolutionKind.Bundler || kind === ts.ModuleResolutionKind.Node10)
      && !options.rootDirs?.length && !(options.moduleSuffixes?.length && options.moduleSuffixes.some((suffix) => suffix !== ''));
    return { options, cache, configDir, aliases: new PathAliases(options, configDir), direct };
  }

  private freshCache(configDir: string, options: ts.CompilerOptions, shared?: ts.PackageJsonInfoCache): ts.ModuleResolutionCache {
    const canonical = this.host.useCaseSensitiveFileNames ? (s: string) => s : (s: string) => s.toLowerCase();
    return ts.createModuleResolutionCache(configDir, canonical, options, shared);
  }

  private contextFor(file: string): ResolutionContext {
    if (!this.nestedConfigs) return this.rootContext;
    // A file's imports are resolved one after another: look its directory up once.
    if (file !== this.lastFile) {
      this.lastFile = file;
      this.lastContext = this.contextOfDirectory(path.dirname(file));
    }
    return this.lastContext!;
  }

  private contextOfDirectory(directory: string): ResolutionContext {
    if (directory === this.root || !isInside(this.root, directory)) return this.rootContext;
    return memo(this.directoryContexts, directory, () => {
      const config = CONFIG_NAMES.map((name) => path.join(directory, name)).find((file) => this.host.fileExists(file));
      if (config === undefined) return this.contextOfDirectory(path.dirname(directory));
      return memo(this.configContexts, config, () => {
        const loaded = loadCompilerOptions(this.root, this.fs, config);
        this.configsRead.set(config, loaded);
        appendAll(this.configNotices, loaded.notices);
        return this.createContext(loaded.options, directory, this.rootContext.cache.getPackageJsonInfoCache());
      });
    });
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
  private modeFor(kind: DependencyKind, fromFile: string, context: ResolutionContext): ts.ResolutionMode {
    if (kind === 'require' || kind === 'import-equals') return ts.ModuleKind.CommonJS;
    if (kind === 'dynamic') return ts.ModuleKind.ESNext;
    return memo(this.fileFormats, fromFile, () =>
      ts.getImpliedNodeFormatForFile(fromFile, context.cache.getPackageJsonInfoCache(), this.host, context.options)
      ?? ts.ModuleKind.ESNext);
  }

  /**
   * A resolved file is a workspace file when it lies in the root outside node_modules, judged on
   * its real path first (workspace packages linked into node_modules), then on the path as
   * written (a directory linked in from outside the root).
   */
  private targetOfFile(file: string, specifier: string, originalPath?: string): Target {
    for (const candidate of [this.host.realpath(file), file]) {
      // A workspace package's build output (`dist/index.d.ts`) stands for its source.
      const inRoot = this.workspacePath(this.host.sourceOfOutput(candidate) ?? candidate);
      if (inRoot !== undefined) return inRoot;
    }
    const name = isPathSpecifier(specifier)
      ? packageNameFromPath(originalPath ?? file) ?? packageNameFromPath(file) ?? this.host.nearestPackageName(file)
      : packageNameOf(specifier);
    return name === undefined ? file : `pkg:${name}`;
  }

  /** The path under `root` when the file is a workspace file (a real root reached through a link maps back). */
  private workspacePath(file: string): string | undefined {
    // Thousands of imports lead to the same few thousand files: each is placed once.
    const known = this.workspacePaths.get(file);
    if (known !== undefined || this.workspacePaths.has(file)) return known;
    const placed = this.placeInWorkspace(file);
    this.workspacePaths.set(file, placed);
    return placed;
  }

  private placeInWorkspace(file: string): string | undefined {
    for (const base of [this.root, this.realRoot]) {
      if (!isInside(base, file)) continue;
      const relative = path.relative(base, file);
      return isInNodeModules(relative) ? undefined : path.join(this.root, relative);
    }
    return undefined;
  }

  private unresolvedTarget(specifier: string, fromFile: string, context: ResolutionContext): Target {
    // Files TypeScript does not resolve but that exist (styles, images, .vue) are still dependencies.
    const candidates = isPathSpecifier(specifier)
      ? [path.resolve(path.dirname(fromFile), specifier)]
      : context.aliases.candidates(specifier);
    const existing = candidates.find((file) => this.host.fileExists(file));
    if (existing !== undefined) return this.targetOfFile(existing, specifier);

    if (isPathSpecifier(specifier) || context.aliases.matches(specifier)) return `unresolved:${specifier}`;
    if (specifier.startsWith('#') || isUrlSpecifier(specifier)) return `unresolved:${specifier}`;
    return `pkg:${packageNameOf(specifier)}`;
  }
}
