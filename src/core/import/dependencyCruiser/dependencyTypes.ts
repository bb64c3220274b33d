// dependency-cruiser's `dependencyTypes` mix two questions: where a dependency leads (local,
// npm, core) and how it is written (import, require, export …). Guardrails asks them apart:
// the target fields of a rule (`to`, `toPackages`, `toBuiltins`) and `kinds`.
import { DEPENDENCY_KINDS, type DependencyKind } from '../../model/types';

export type Domain = 'local' | 'packages' | 'core' | 'unresolved';
/** package.json sections, named as dependency-cruiser names their dependency types. */
export type PackageSection = 'npm' | 'npm-dev' | 'npm-optional' | 'npm-peer' | 'npm-bundled';
export const PACKAGE_SECTIONS: readonly PackageSection[] = ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-bundled'];

// `localmodule` and the `aliased*` types narrow local dependencies in a way Guardrails cannot.
const DOMAIN_OF: Record<string, Domain> = {
  local: 'local',
  npm: 'packages',
  'npm-dev': 'packages',
  'npm-optional': 'packages',
  'npm-peer': 'packages',
  'npm-bundled': 'packages',
  'npm-no-pkg': 'packages',
  'npm-unknown': 'packages',
  core: 'core',
  unknown: 'unresolved',
  undetermined: 'unresolved',
};

/** How a dependency is written, in Guardrails' words. */
const KINDS_OF: Record<string, DependencyKind[]> = {
  import: ['static', 'type-only'],
  export: ['re-export'],
  require: ['require'],
  'dynamic-import': ['dynamic'],
  'import-equals': ['import-equals'],
  'triple-slash-directive': ['reference'],
  'triple-slash-file-reference': ['reference'],
  'type-only': ['type-only'],
  'type-import': ['type-only'],
};

/** Types Guardrails never sees: excluding them changes nothing. */
const NEVER_SEEN = new Set(['jsdoc', 'jsdoc-bracket-import', 'jsdoc-import-tag', 'triple-slash-type-reference', 'triple-slash-amd-dependency', 'amd-define', 'amd-require', 'amd-exotic-require', 'exotic-require']);
const TYPE_ONLY = new Set(['type-only', 'type-import']);

export interface TypeSelection {
  /** Where the rule looks; every domain when no type names one. */
  domains: Set<Domain>;
  /** Packages of these package.json sections only (all packages when undefined). */
  sections?: Set<PackageSection>;
  /** Packages of these sections are left out (`dependencyTypesNot: ["npm"]`). */
  sectionsNot: Set<PackageSection>;
  /** Packages not declared in package.json (`npm-no-pkg`, `npm-unknown`): no Guardrails form. */
  undeclaredPackages: boolean;
  /** Every type named has no Guardrails form: the rule selects nothing Guardrails can see. */
  nothing: boolean;
  kinds?: DependencyKind[];
  allowTypeOnly: boolean;
  /** Field → message for what has no Guardrails form (the rule covers less). */
  unmapped: Array<{ field: string; message: string }>;
  /** An exclusion with no Guardrails form: without it the rule would cover too much. */
  blocking?: { field: string; message: string };
  approximations: Array<{ field: string; message: string }>;
}

export function selectTypes(types: readonly string[] | undefined, typesNot: readonly string[] | undefined): TypeSelection {
  const selection: TypeSelection = {
    domains: new Set<Domain>(['local', 'packages', 'core', 'unresolved']),
    sectionsNot: new Set(),
    undeclaredPackages: false,
    nothing: false,
    allowTypeOnly: false,
    unmapped: [],
    approximations: [],
  };
  if (types && types.length > 0) readTypes(types, selection);
  if (typesNot && typesNot.length > 0) readTypesNot(typesNot, selection);
  return selection;
}

function readTypes(types: readonly string[], selection: TypeSelection): void {
  const domains = new Set<Domain>();
  const kinds = new Set<DependencyKind>();
  const sections = new Set<PackageSection>();
  let allPackages = false;
  let undeclared = false;
  for (const type of types) {
    const domain = DOMAIN_OF[type];
    if (domain) {
      domains.add(domain);
      if (type === 'npm-no-pkg' || type === 'npm-unknown') undeclared = true;
      else if (isSection(type)) sections.add(type);
      else if (domain === 'packages') allPackages = true;
    } else if (KINDS_OF[type]) {
      KINDS_OF[type].forEach((kind) => kinds.add(kind));
    } else {
      selection.unmapped.push({ field: `to.dependencyTypes "${type}"`, message: reasonFor(type) });
    }
  }
  if (domains.size > 0 && kinds.size > 0) {
    selection.unmapped.push({
      field: 'to.dependencyTypes',
      message: `mixes where a dependency leads (${[...domains].join(', ')}) with how it is written (${types.filter((t) => KINDS_OF[t]).join(', ')}); dependency-cruiser matches either, a Guardrails rule needs both: only the first is imported`,
    });
  }
  // Only undeclared packages: Guardrails cannot say "not in package.json", so no package at all.
  if (undeclared) {
    selection.undeclaredPackages = true;
    if (!allPackages && sections.size === 0) domains.delete('packages');
  }
  selection.nothing = domains.size === 0 && kinds.size === 0;
  if (domains.size > 0) {
    selection.domains = domains;
    if (!allPackages && sections.size > 0) selection.sections = sections;
  } else if (kinds.size > 0) {
    selection.kinds = [...kinds];
    if (types.includes('type-only') || types.includes('type-import')) {
      selection.approximations.push({ field: 'to.dependencyTypes', message: 'type-only dependencies are read as Guardrails\' "type-only" kind; an `export type … from` is a "re-export" there' });
    }
  }
}

function readTypesNot(typesNot: readonly string[], selection: TypeSelection): void {
  const kindsNot = new Set<DependencyKind>();
  for (const type of typesNot) {
    if (TYPE_ONLY.has(type)) {
      selection.allowTypeOnly = true;
    } else if (NEVER_SEEN.has(type)) {
      // Guardrails does not see these dependencies at all: leaving them out changes nothing.
    } else if (isSection(type) && selection.sections) {
      selection.sectionsNot.add(type);
    } else if (type === 'npm' && selection.domains.has('packages')) {
      selection.domains.delete('packages');
      selection.approximations.push({
        field: 'to.dependencyTypesNot "npm"',
        message: 'Guardrails cannot leave out only the production dependencies: no package is checked by this rule',
      });
    } else if (type === 'core' || type === 'local' || type === 'unknown' || type === 'undetermined') {
      selection.domains.delete(DOMAIN_OF[type]);
    } else if (KINDS_OF[type] && type !== 'import') {
      KINDS_OF[type].forEach((kind) => kindsNot.add(kind));
    } else {
      selection.blocking ??= { field: `to.dependencyTypesNot "${type}"`, message: `${reasonFor(type)}; without it the rule would report those too` };
    }
  }
  if (kindsNot.size > 0) selection.kinds = (selection.kinds ?? [...DEPENDENCY_KINDS]).filter((kind) => !kindsNot.has(kind));
}

function isSection(type: string): type is PackageSection {
  return (PACKAGE_SECTIONS as readonly string[]).includes(type);
}

function reasonFor(type: string): string {
  if (type.startsWith('aliased')) return 'Guardrails resolves aliases like TypeScript does and does not tell aliased imports apart';
  if (type === 'deprecated') return 'Guardrails does not know which packages are deprecated';
  if (type === 'pre-compilation-only') return 'Guardrails does not tell imports that vanish after compilation apart (see allowTypeOnly)';
  if (type === 'process-get-builtin-module') return 'Guardrails does not see process.getBuiltinModule() calls';
  if (type.startsWith('amd') || type === 'exotic-require' || type.startsWith('jsdoc') || type.startsWith('triple-slash')) return 'Guardrails does not see this kind of dependency';
  if (DOMAIN_OF[type] === 'packages') return 'Guardrails cannot leave one kind of package out of "every package"';
  if (type === 'import') return 'Guardrails has no form for "not an ES import"';
  return 'unknown to Guardrails';
}
