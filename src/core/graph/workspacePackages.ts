// The packages of a monorepo as module resolution should see them: `import '@acme/ui'` leads to
// @acme/ui's sources whether or not an install linked the package into node_modules, and whether
// its `exports` name the sources or the build output. TypeScript's own resolver does the work
// (exports, conditions, typesVersions); this only tells it two things about the file system, as
// TypeScript's language service does for project references:
//   - `<workspace root>/node_modules/<name>` is a link to the package's folder when no install made one;
//   - a build output (`dist/index.d.ts`, `dist/index.js`) exists when its source does, and stands for it.
import * as path from 'node:path';
import type { FileSystem } from '../fs/fileSystem';
import { isInside } from '../util/paths';
import { loadCompilerOptions, readConfigText } from './compilerOptions';
import { findWorkspaceManifest, nameInPackageJson } from './workspaceManifest';

interface PackageFolder {
  name: string;
  dir: string;
  /** Build output folders, each with the folder its sources are in (read when first needed). */
  outputs?: Output[];
}

interface Output {
  outDir: string;
  sourceDir: string;
  /** Named by the package's tsconfig (else a conventional folder). */
  declared: boolean;
}

/** Where builds put their output when no tsconfig says (tsup, vite, tsc with defaults). */
const CONVENTIONAL_OUTPUTS = ['dist', 'lib', 'build', 'out'];
/** An output's extension and the source extensions it may come from, most likely first. */
const SOURCE_EXTENSIONS: readonly [RegExp, string[]][] = [
  [/\.d\.ts$/, ['.ts', '.tsx']],
  [/\.d\.mts$/, ['.mts']],
  [/\.d\.cts$/, ['.cts']],
  [/\.jsx?$/, ['.ts', '.tsx', '.js', '.jsx']],
  [/\.mjs$/, ['.mts', '.mjs']],
  [/\.cjs$/, ['.cts', '.cjs']],
];

export class WorkspacePackages {
  private readonly byName = new Map<string, PackageFolder>();
  private readonly byDir = new Map<string, PackageFolder>();
  private readonly linkRoot: string;
  private readonly scopes = new Set<string>();
  private readonly installed = new Map<string, boolean>();

  private constructor(root: string, packages: readonly PackageFolder[], private readonly fs: FileSystem) {
    this.linkRoot = path.join(root, 'node_modules');
    for (const pkg of packages) {
      if (!this.byName.has(pkg.name)) this.byName.set(pkg.name, pkg);
      this.byDir.set(pkg.dir, pkg);
      if (pkg.name.startsWith('@')) this.scopes.add(pkg.name.slice(0, pkg.name.indexOf('/')));
    }
  }

  /**
   * True when a package whose build outputs were read names others now (its tsconfig's `outDir`,
   * `declarationDir` or `rootDir` edited): imports of its outputs may lead elsewhere.
   */
  outputsChanged(): boolean {
    for (const pkg of this.byDir.values()) {
      if (pkg.outputs && JSON.stringify(pkg.outputs) !== JSON.stringify(outputsOf(pkg.dir, this.fs))) return true;
    }
    return false;
  }

  /** The workspace that holds `dir`, with every package that has a name; undefined outside one. */
  static find(dir: string, fs: FileSystem): WorkspacePackages | undefined {
    const manifest = findWorkspaceManifest(dir, fs);
    if (!manifest) return undefined;
    const packages = manifest.packageDirs.flatMap((packageDir) => {
      const name = packageName(readConfigText(fs, path.join(packageDir, 'package.json')));
      return name === undefined ? [] : [{ name, dir: packageDir }];
    });
    return packages.length > 0 ? new WorkspacePackages(manifest.root, packages, fs) : undefined;
  }

  get size(): number {
    return this.byName.size;
  }

  /**
   * For a path under `<workspace root>/node_modules/<name>` of a workspace package that no install
   * linked, the same path in the package's folder; otherwise undefined.
   */
  linked(file: string): string | undefined {
    if (!file.startsWith(this.linkRoot + path.sep)) return undefined;
    const parts = file.slice(this.linkRoot.length + 1).split(path.sep);
    const name = parts[0].startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
    const pkg = this.byName.get(name);
    if (!pkg || this.isInstalled(name)) return undefined;
    return path.join(pkg.dir, ...parts.slice(name.split('/').length));
  }

  /** `<workspace root>/node_modules` and its `@scope` folders, where no install made them. */
  isLinkFolder(dir: string): boolean {
    if (dir === this.linkRoot) return true;
    return path.dirname(dir) === this.linkRoot && this.scopes.has(path.basename(dir));
  }

  /**
   * The source a build output of a workspace package stands for (`dist/x.d.ts` → `src/x.ts`), when
   * that source exists. `exists` answers for real files only. Outputs in a folder the package's
   * tsconfig declares (`outDir`, `declarationDir`) always map; in a conventional one (`dist`, `lib`
   * …) only declarations and files that do not exist do, since such a folder may hold sources.
   */
  sourceOf(file: string, exists: (file: string) => boolean): string | undefined {
    const pkg = this.packageOf(file);
    if (!pkg) return undefined;
    pkg.outputs ??= outputsOf(pkg.dir, this.fs);
    for (const { outDir, sourceDir, declared } of pkg.outputs) {
      if (!isInside(outDir, file) || file === outDir) continue;
      const rule = SOURCE_EXTENSIONS.find(([pattern]) => pattern.test(file));
      if (!rule) continue;
      if (!declared && !/\.d\.[cm]?ts$/.test(file) && exists(file)) continue;
      const stem = path.join(sourceDir, path.relative(outDir, file)).replace(rule[0], '');
      const source = rule[1].map((extension) => `${stem}${extension}`).find(exists);
      if (source !== undefined) return source;
    }
    return undefined;
  }

  private packageOf(file: string): PackageFolder | undefined {
    for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
      const pkg = this.byDir.get(dir);
      if (pkg) return pkg;
      if (path.dirname(dir) === dir) return undefined;
    }
  }

  private isInstalled(name: string): boolean {
    let known = this.installed.get(name);
    if (known === undefined) {
      known = this.fs.stat(path.join(this.linkRoot, ...name.split('/'))) !== undefined;
      this.installed.set(name, known);
    }
    return known;
  }
}

/** The package's name; an empty one names no package. */
function packageName(text: string | undefined): string | undefined {
  const name = text === undefined ? undefined : nameInPackageJson(text);
  return name === '' ? undefined : name;
}

/** The package's tsconfig `outDir` / `declarationDir` (sources in `rootDir`), else the conventional folders. */
function outputsOf(dir: string, fs: FileSystem): Output[] {
  const sourceDefault = fs.directoryExists(path.join(dir, 'src')) ? path.join(dir, 'src') : dir;
  const tsconfig = path.join(dir, 'tsconfig.json');
  const options = fs.fileExists(tsconfig) ? loadCompilerOptions(dir, fs, tsconfig).options : {};
  const sourceDir = options.rootDir ? path.resolve(dir, options.rootDir) : sourceDefault;
  const declared = [options.outDir, options.declarationDir].filter((out): out is string => typeof out === 'string').map((out) => path.resolve(dir, out));
  const outputs = declared.map((outDir) => ({ outDir, sourceDir, declared: true }));
  for (const name of CONVENTIONAL_OUTPUTS) {
    const outDir = path.join(dir, name);
    if (!declared.includes(outDir) && outDir !== sourceDir) outputs.push({ outDir, sourceDir: sourceDefault, declared: false });
  }
  return outputs;
}
