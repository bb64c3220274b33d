// One dependency-cruiser `forbidden` rule → Guardrails rules: `circular` → no-cycle,
// `couldNotResolve` → no-unresolved, anything else → forbidden (one per literal name a `$1`
// group stands for). A condition Guardrails cannot check would widen the rule if dropped, so
// the rule is then left out and the condition named.
import { DEPENDENCY_KINDS, type DependencyKind } from '../../model/types';
import { subtractGlobs } from '../globAlgebra';
import { type Notes, uniqueId, type RuleJson } from '../importResult';
import { regexToGlobs } from '../regex/regexToGlobs';
import { isDict, regexField, severityOf, stringList, text, type Dict } from './configShape';
import { selectTypes } from './dependencyTypes';
import { fromVariants, referencedGroups, type FieldNote, type PathNotes } from './pathSelectors';
import { mapTargets, type TargetContext } from './targets';
import { nameCaptures, sourceFiles, withoutUnmatched } from './tidyGlobs';
import { appendAll } from '../../util/arrays';

const KNOWN_FROM = new Set(['path', 'pathNot', 'orphan']);
const KNOWN_TO = new Set(['path', 'pathNot', 'circular', 'couldNotResolve', 'dependencyTypes', 'dependencyTypesNot', 'dynamic', 'exoticallyRequired', 'via', 'viaOnly', 'viaNot', 'viaSomeNot', 'preCompilationOnly']);

/** Conditions with no Guardrails form, each the reason a rule cannot be imported. */
const BLOCKING: Record<string, string> = {
  'from.orphan': 'Guardrails has no orphan check',
  'to.reachable': 'Guardrails does not check reachability',
  'to.license': 'Guardrails does not read package licenses',
  'to.licenseNot': 'Guardrails does not read package licenses',
  'to.moreThanOneDependencyType': 'Guardrails does not compare imports with package.json',
  'to.moreUnstable': 'Guardrails does not compute stability metrics',
  'to.ancestor': 'Guardrails has no "ancestor folder" selector',
  'to.exoticRequire': 'Guardrails does not see exotic requires',
  'to.exoticRequireNot': 'Guardrails does not see exotic requires',
  'to.preCompilationOnly': 'Guardrails does not tell imports that vanish after compilation apart',
  module: 'Guardrails has no module-level (dependents count) rules',
};

export interface RuleContext extends TargetContext {
  ids: Set<string>;
  notes: Notes;
  /** `options.tsPreCompilationDeps` is off: dependency-cruiser never sees type-only imports. */
  typeOnlyInvisible: boolean;
}

export function mapForbiddenRule(raw: unknown, index: number, ctx: RuleContext): RuleJson[] {
  const rule: Dict = isDict(raw) ? raw : {};
  const name = text(rule.name) ?? `unnamed-${index + 1}`;
  const notMapped = (field: string, message: string): RuleJson[] => {
    ctx.notes.notMapped(name, field, message);
    return [];
  };
  if (!isDict(raw)) return notMapped('rule', 'is not an object');
  const from: Dict = isDict(rule.from) ? rule.from : {};
  const to: Dict = isDict(rule.to) ? rule.to : {};
  if (rule.scope === 'folder') return notMapped('scope', 'Guardrails has no folder-level rules');
  for (const [field, message] of Object.entries(BLOCKING)) {
    const [side, key] = field.includes('.') ? field.split('.') : ['', field];
    const container = side === 'from' ? from : side === 'to' ? to : rule;
    if (container[key] !== undefined) return notMapped(field, message);
  }
  if (to.exoticallyRequired === true) return notMapped('to.exoticallyRequired', 'Guardrails does not see exotic requires');
  for (const key of Object.keys(from)) if (!KNOWN_FROM.has(key)) return notMapped(`from.${key}`, 'unknown to Guardrails');
  for (const key of Object.keys(to)) if (!KNOWN_TO.has(key) && !BLOCKING[`to.${key}`]) return notMapped(`to.${key}`, 'unknown to Guardrails');

  const base = {
    severity: severityOf(rule.severity),
    why: text(rule.comment),
  };
  if (to.circular === true) return noCycle(name, base, from, to, ctx);
  if (to.circular === false) return notMapped('to.circular', '"false" (only dependencies outside cycles) has no Guardrails form');
  if (to.couldNotResolve === true) return noUnresolved(name, base, from, to, ctx);
  for (const key of ['via', 'viaOnly', 'viaNot', 'viaSomeNot']) if (to[key] !== undefined) return notMapped(`to.${key}`, 'only applies to circular rules');
  return forbidden(name, base, from, to, ctx);
}

interface Base {
  severity: string;
  why?: string;
}

function paths(container: Dict, side: string, name: string, ctx: RuleContext): { path?: string; pathNot?: string } | undefined {
  const path = regexField(container.path);
  const pathNot = regexField(container.pathNot);
  if (typeof path === 'object' || typeof pathNot === 'object') {
    ctx.notes.notMapped(name, `${side}.${typeof path === 'object' ? 'path' : 'pathNot'}`, 'is neither a regular expression nor a list of them');
    return undefined;
  }
  return { path, pathNot };
}

function forbidden(name: string, base: Base, fromDict: Dict, toDict: Dict, ctx: RuleContext): RuleJson[] {
  const from = paths(fromDict, 'from', name, ctx);
  const to = paths(toDict, 'to', name, ctx);
  if (!from || !to) return [];
  const types = selectTypes(stringList(toDict.dependencyTypes), stringList(toDict.dependencyTypesNot));
  if (types.blocking) {
    ctx.notes.notMapped(name, types.blocking.field, types.blocking.message);
    return [];
  }
  types.unmapped.forEach(({ field, message }) => ctx.notes.notMapped(name, field, message));
  types.approximations.forEach(({ field, message }) => ctx.notes.approximated(name, field, message));
  if (types.nothing) {
    if (types.undeclaredPackages) ctx.notes.notMapped(name, 'to.dependencyTypes', 'packages missing from package.json (npm-no-pkg, npm-unknown): Guardrails does not compare imports with package.json');
    else if (types.unmapped.length === 0) ctx.notes.notMapped(name, 'to.dependencyTypes', 'selects only dependencies Guardrails cannot tell apart');
    return [];
  }
  let kinds = types.kinds;
  if (toDict.dynamic === true) kinds = (kinds ?? [...DEPENDENCY_KINDS]).filter((kind) => kind === 'dynamic');
  if (toDict.dynamic === false) kinds = (kinds ?? [...DEPENDENCY_KINDS]).filter((kind) => kind !== 'dynamic');

  const pathNotes: PathNotes & { notMapped: FieldNote[] } = { approximated: [], notMapped: [] };
  const variants = fromVariants(from.path, from.pathNot, referencedGroups(to.path, to.pathNot), pathNotes);
  if (!Array.isArray(variants)) {
    ctx.notes.notMapped(name, variants.field, variants.message);
    return [];
  }
  const rules: RuleJson[] = [];
  for (const variant of variants) {
    const targets = mapTargets(to, variant.bindings, types, ctx, pathNotes);
    if ('field' in targets) {
      ctx.notes.notMapped(name, targets.field, targets.message);
      return [];
    }
    if (targets.local.length + targets.packages.length + targets.builtins.length === 0) continue;
    const id = uniqueId(variants.length > 1 && variant.label ? `${name}/${variant.label}` : name, ctx.ids);
    const fromKept = withoutUnmatched(variant.globs, sourceFiles(ctx.files));
    const toKept = withoutUnmatched(targets.local, ctx.files);
    const dropped = [...fromKept.dropped, ...toKept.dropped];
    if (dropped.length > 0) pathNotes.approximated.push({ field: 'from/to', message: `left out ${dropped.join(', ')}: no file matches them now (import again if such files appear)` });
    const named = nameCaptures(fromKept.kept, toKept.kept);
    rules.push(ruleJson({
      id,
      kind: 'forbidden',
      severity: base.severity,
      from: selector(named.from),
      to: named.to.length ? selector(named.to) : undefined,
      toPackages: targets.packages.length ? targets.packages : undefined,
      toBuiltins: targets.builtins.length ? targets.builtins : undefined,
      allowTypeOnly: types.allowTypeOnly || ctx.typeOnlyInvisible || undefined,
      kinds: kindsField(kinds),
      why: base.why,
    }));
  }
  pathNotes.approximated.forEach(({ field, message }) => ctx.notes.approximated(name, field, message));
  pathNotes.notMapped.forEach(({ field, message }) => ctx.notes.notMapped(name, field, message));
  if (rules.length === 0 && pathNotes.notMapped.length === 0) ctx.notes.notMapped(name, 'to', 'leads to nothing Guardrails can check');
  return rules;
}

function noCycle(name: string, base: Base, fromDict: Dict, toDict: Dict, ctx: RuleContext): RuleJson[] {
  const from = paths(fromDict, 'from', name, ctx);
  if (!from) return [];
  let scope: string[] | undefined;
  if (from.path !== undefined || from.pathNot !== undefined) {
    const pathNotes: PathNotes = { approximated: [] };
    const variants = fromVariants(from.path, from.pathNot, new Set(), pathNotes);
    if (!Array.isArray(variants)) {
      ctx.notes.notMapped(name, variants.field, variants.message);
      return [];
    }
    scope = variants.flatMap((variant) => variant.globs);
    pathNotes.approximated.forEach(({ field, message }) => ctx.notes.approximated(name, field, message));
    ctx.notes.approximated(name, 'from', 'becomes the no-cycle scope: Guardrails reports cycles among these files only, dependency-cruiser reports their dependencies on any cycle');
  }
  if (toDict.path !== undefined || toDict.pathNot !== undefined) ctx.notes.approximated(name, 'to.path', 'not applied: Guardrails reports every cycle in scope');
  let allowTypeOnly = ctx.typeOnlyInvisible;
  const viaOnly = isDict(toDict.viaOnly) ? toDict.viaOnly : undefined;
  const viaKeys = ['via', 'viaNot', 'viaSomeNot'].filter((key) => toDict[key] !== undefined);
  if (viaOnly && Object.keys(viaOnly).every((key) => key === 'dependencyTypesNot') && stringList(viaOnly.dependencyTypesNot)?.every((type) => type === 'type-only')) {
    allowTypeOnly = true;
  } else if (viaOnly) {
    viaKeys.push('viaOnly');
  }
  for (const key of viaKeys) ctx.notes.approximated(name, `to.${key}`, 'not applied: Guardrails reports cycles through any file');
  const types = selectTypes(stringList(toDict.dependencyTypes), stringList(toDict.dependencyTypesNot));
  if (types.allowTypeOnly) {
    allowTypeOnly = true;
    ctx.notes.approximated(name, 'to.dependencyTypesNot', 'type-only imports are left out of the whole cycle, not only the reported import');
  }
  if (toDict.dependencyTypes !== undefined) ctx.notes.approximated(name, 'to.dependencyTypes', 'not applied to cycles');
  return [ruleJson({ id: uniqueId(name, ctx.ids), kind: 'no-cycle', severity: base.severity, scope, allowTypeOnly: allowTypeOnly || undefined, why: base.why })];
}

function noUnresolved(name: string, base: Base, fromDict: Dict, toDict: Dict, ctx: RuleContext): RuleJson[] {
  const from = paths(fromDict, 'from', name, ctx);
  const to = paths(toDict, 'to', name, ctx);
  if (!from || !to) return [];
  const exceptions: string[] = [];
  if (from.path !== undefined) {
    const converted = regexToGlobs(from.path);
    const outside = converted.ok ? subtractGlobs(['**'], converted.globs) : undefined;
    if (outside && outside.notApplied.length === 0 && outside.anchored.length === 0 && converted.ok && converted.exact) appendAll(exceptions, outside.globs);
    else ctx.notes.approximated(name, 'from.path', 'not applied: unresolved imports are reported in every file');
  }
  if (from.pathNot !== undefined) {
    const converted = regexToGlobs(from.pathNot);
    if (converted.ok) {
      appendAll(exceptions, converted.globs);
      converted.notes.forEach((message) => ctx.notes.approximated(name, 'from.pathNot', message));
    } else {
      ctx.notes.approximated(name, 'from.pathNot', `not applied (${converted.message})`);
    }
  }
  if (to.path !== undefined || to.pathNot !== undefined) ctx.notes.approximated(name, 'to.path', 'not applied: every unresolved import is reported');
  if (toDict.dependencyTypes !== undefined || toDict.dependencyTypesNot !== undefined) ctx.notes.approximated(name, 'to.dependencyTypes', 'not applied to unresolved imports');
  ctx.notes.approximated(name, 'to.couldNotResolve', 'dependency-cruiser also reports packages that are not installed; Guardrails reports relative and aliased imports that lead to no file');
  return [ruleJson({ id: uniqueId(name, ctx.ids), kind: 'no-unresolved', severity: base.severity, exceptions: exceptions.length ? exceptions : undefined, why: base.why })];
}

/** One glob as a string, several as a list. */
export function selector(globs: string[]): string | string[] {
  return globs.length === 1 ? globs[0] : globs;
}

function kindsField(kinds: DependencyKind[] | undefined): DependencyKind[] | undefined {
  if (!kinds || kinds.length === DEPENDENCY_KINDS.length) return undefined;
  return kinds;
}

/** Drops undefined fields, keeping the order given. */
export function ruleJson(fields: Record<string, unknown> & { id: string; kind: string }): RuleJson {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as RuleJson;
}
