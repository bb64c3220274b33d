// Where a dependency-cruiser `to` leads, split the way Guardrails splits targets: local files
// (globs), packages (names) and Node.js built-ins. dependency-cruiser tests `to.path` against the
// resolved path, `node_modules/lodash/index.js` for a package and `fs` for a built-in, so one
// regex can speak of all three.
import { minimatch } from 'minimatch';
import type { PackageSection, TypeSelection } from './dependencyTypes';
import { toGlobs, type FieldNote, type PathNotes } from './pathSelectors';
import { appendAll } from '../../util/arrays';

export interface PackageJsonLists {
  sections: Partial<Record<PackageSection, string[]>>;
}

export interface TargetContext {
  builtinModules: readonly string[];
  packageJson?: PackageJsonLists;
  /** The project's files, root-relative, when known: globs that match none are left out of lists. */
  files?: readonly string[];
}

export interface ToSpec {
  path?: string;
  pathNot?: string;
}

export interface Targets {
  local: string[];
  packages: string[];
  builtins: string[];
}

const NODE_MODULES = /^\*?node_modules$/;

export function mapTargets(to: ToSpec, bindings: ReadonlyMap<number, string | null>, types: TypeSelection, context: TargetContext, notes: PathNotes & { notMapped: FieldNote[] }): Targets | FieldNote {
  // Where the path regex leads, before pathNot: packages are read from it, local files below.
  const reached = toGlobs(to.path, undefined, bindings, { approximated: [] });
  if (!Array.isArray(reached)) return reached;
  const packageGlobs = reached.filter(isPackageGlob);
  const builtinNames = new Set(context.builtinModules);
  let local: string[] = [];
  if (types.domains.has('local')) {
    const all = toGlobs(to.path, to.pathNot, bindings, notes);
    if (!Array.isArray(all)) return all;
    local = all.filter((glob) => !isPackageGlob(glob) && !builtinNames.has(glob.replace(/^\.\//, '')));
  }

  let packages: string[] = [];
  if (types.domains.has('packages')) {
    packages = to.path === undefined ? ['**'] : packagePatterns(packageGlobs, notes);
    const inside = reached.filter((glob) => !isPackageGlob(glob) && glob.startsWith('**/') && !/^\*\*\/\*\./.test(glob));
    if (to.path !== undefined && inside.length > 0) {
      notes.approximated.push({ field: 'to.path', message: `${inside.join(', ')} may also match files inside packages (node_modules/…), which Guardrails checks by package name only: packages are not checked by this rule` });
    }
    if (types.sections) {
      const lists = context.packageJson?.sections;
      if (!lists) return { field: 'to.dependencyTypes', message: 'names package.json sections, and no package.json was found next to the configuration' };
      const excluded = new Set([...types.sectionsNot].flatMap((section) => lists[section] ?? []));
      const names = [...new Set([...types.sections].flatMap((section) => lists[section] ?? []))].filter((name) => !excluded.has(name));
      packages = names.filter((name) => packages.some((pattern) => pattern === name || minimatch(name, pattern)));
      const sections = [...types.sections].map(sectionName).join(', ');
      if (packages.length > 0) {
        notes.approximated.push({ field: 'to.dependencyTypes', message: `the packages of ${sections} in package.json, listed by name as they are now: import again when they change` });
      } else if (names.length === 0) {
        notes.notMapped.push({ field: 'to.dependencyTypes', message: `package.json has no ${sections} now: nothing to check (import again when it has)` });
      }
    }
    packages = withoutPackages(packages, to.pathNot, bindings, notes);
    if (types.undeclaredPackages) notes.notMapped.push({ field: 'to.dependencyTypes', message: 'packages missing from package.json (npm-no-pkg, npm-unknown): Guardrails does not compare imports with package.json' });
  }

  let builtins: string[] = [];
  if (types.domains.has('core')) builtins = builtinTargets(to, context.builtinModules, notes);
  return { local, packages, builtins };
}

function isPackageGlob(glob: string): boolean {
  return glob.split('/').some((segment) => NODE_MODULES.test(segment));
}

/** `**\/*node_modules/@types/**` → `@types/*`; `node_modules/lodash*\/**` → `lodash*`. */
function packagePatterns(globs: string[], notes: PathNotes): string[] {
  const patterns: string[] = [];
  for (const glob of globs) {
    const segments = glob.split('/');
    const at = segments.findIndex((segment) => NODE_MODULES.test(segment));
    const [first, second, ...rest] = segments.slice(at + 1);
    if (first === undefined || first === '**') {
      patterns.push('**');
      continue;
    }
    const scoped = first.startsWith('@') && !first.startsWith('@(');
    const name = scoped ? `${first}/${second === undefined || second === '**' ? '*' : second}` : first;
    const inside = scoped ? rest : [second, ...rest].filter((segment) => segment !== undefined);
    if (inside.length > 0 && !(inside.length === 1 && inside[0] === '**')) {
      notes.approximated.push({ field: 'to.path', message: `"${glob}" names files inside a package; Guardrails checks the whole package ${name}` });
    }
    // `@(pg|mongodb)` reads better as two names.
    const alternatives = /^@\(([^()*?[\]{}]+)\)$/.exec(name);
    appendAll(patterns, alternatives ? alternatives[1].split('|') : [name]);
  }
  return [...new Set(patterns)];
}

function withoutPackages(packages: string[], pathNot: string | undefined, bindings: ReadonlyMap<number, string | null>, notes: PathNotes): string[] {
  if (pathNot === undefined || packages.length === 0) return packages;
  const removed = toGlobs(pathNot, undefined, bindings, { approximated: [] });
  if (!Array.isArray(removed)) return packages;
  const removedPatterns = packagePatterns(removed.filter(isPackageGlob), { approximated: [] });
  if (removedPatterns.length === 0) return packages;
  if (removedPatterns.includes('**')) return [];
  const kept = packages.filter((pattern) => !removedPatterns.some((removedPattern) => removedPattern === pattern || minimatch(pattern, removedPattern)));
  if (kept.some((pattern) => /[*?[{]/.test(pattern))) {
    notes.approximated.push({ field: 'to.pathNot', message: `Guardrails cannot leave ${removedPatterns.join(', ')} out of ${kept.join(', ')}: those packages are checked too` });
  }
  return kept;
}

/** Built-ins the path regex names (tested on their names, as dependency-cruiser does). */
function builtinTargets(to: ToSpec, builtinModules: readonly string[], notes: PathNotes): string[] {
  if (to.path === undefined && to.pathNot === undefined) return ['*'];
  if (/\$\d/.test(`${to.path ?? ''}${to.pathNot ?? ''}`)) return [];
  let path: RegExp | undefined;
  let pathNot: RegExp | undefined;
  try {
    path = to.path === undefined ? undefined : new RegExp(to.path);
    pathNot = to.pathNot === undefined ? undefined : new RegExp(to.pathNot);
  } catch {
    return [];
  }
  const names = builtinModules.filter((name) => (!path || path.test(name)) && !pathNot?.test(name));
  if (names.length === builtinModules.length) return ['*'];
  // Guardrails' "fs" also covers "fs/promises": say so when the regex keeps them apart.
  const widened = names.filter((name) => builtinModules.some((other) => other.startsWith(`${name}/`) && !names.includes(other)));
  if (widened.length > 0) notes.approximated.push({ field: 'to.path', message: `built-in ${widened.join(', ')} also covers ${widened.map((name) => `${name}/…`).join(', ')} in Guardrails` });
  return names.filter((name) => !names.some((other) => name.startsWith(`${other}/`)));
}

function sectionName(section: PackageSection): string {
  return { npm: 'dependencies', 'npm-dev': 'devDependencies', 'npm-optional': 'optionalDependencies', 'npm-peer': 'peerDependencies', 'npm-bundled': 'bundledDependencies' }[section];
}
