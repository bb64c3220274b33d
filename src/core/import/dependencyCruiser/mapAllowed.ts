// dependency-cruiser's `allowed` list: a dependency is fine when any allowed rule matches it,
// and reported as "not-in-allowed" (at `allowedSeverity`) otherwise. Guardrails' `allowed` rule
// says the same for the files in its `from`, so rules with the same `from` (or none) are joined
// into one; rules with different `from`s become separate rules, which a file in several of them
// must all satisfy (stricter than dependency-cruiser, and said so).
import { uniqueId, type RuleJson } from '../importResult';
import { isDict, regexField, severityOf, stringList, type Dict } from './configShape';
import { selectTypes } from './dependencyTypes';
import { fromVariants, referencedGroups, type FieldNote, type PathNotes } from './pathSelectors';
import type { RuleContext } from './mapRule';
import { ruleJson, selector } from './mapRule';
import { mapTargets, type Targets } from './targets';

const SUBJECT = 'allowed';

interface Group {
  from: string[];
  targets: Targets;
}

export function mapAllowedRules(allowed: unknown, allowedSeverity: unknown, ctx: RuleContext): RuleJson[] {
  if (!Array.isArray(allowed) || allowed.length === 0) return [];
  const groups = new Map<string, Group>();
  const everyFile: Targets[] = [];
  for (const [index, raw] of allowed.entries()) {
    const field = `allowed[${index}]`;
    const rule: Dict = isDict(raw) ? raw : {};
    const from: Dict = isDict(rule.from) ? rule.from : {};
    const to: Dict = isDict(rule.to) ? rule.to : {};
    const unknown = [...Object.keys(from).filter((k) => k !== 'path' && k !== 'pathNot').map((k) => `from.${k}`), ...Object.keys(to).filter((k) => !['path', 'pathNot', 'dependencyTypes', 'dependencyTypesNot'].includes(k)).map((k) => `to.${k}`)];
    if (unknown.length > 0) {
      ctx.notes.notMapped(SUBJECT, `${field}.${unknown[0]}`, 'has no Guardrails form in an allowed rule: dependencies it allows are reported');
      continue;
    }
    const fromPath = regexField(from.path);
    const fromPathNot = regexField(from.pathNot);
    const toPath = regexField(to.path);
    const toPathNot = regexField(to.pathNot);
    if ([fromPath, fromPathNot, toPath, toPathNot].some((value) => typeof value === 'object')) {
      ctx.notes.notMapped(SUBJECT, field, 'has a path that is neither a regular expression nor a list of them');
      continue;
    }
    const notes: PathNotes & { notMapped: FieldNote[] } = { approximated: [], notMapped: [] };
    const referenced = referencedGroups(toPath as string | undefined, toPathNot as string | undefined);
    if (referenced.size > 0) {
      ctx.notes.notMapped(SUBJECT, `${field}.to.path`, '"$n" references in allowed rules are not imported: dependencies it allows are reported');
      continue;
    }
    const variants = fromVariants(fromPath as string | undefined, fromPathNot as string | undefined, referenced, notes);
    if (!Array.isArray(variants)) {
      ctx.notes.notMapped(SUBJECT, `${field}.${variants.field}`, variants.message);
      continue;
    }
    const types = selectTypes(stringList(to.dependencyTypes), stringList(to.dependencyTypesNot));
    types.unmapped.forEach((note) => ctx.notes.notMapped(SUBJECT, `${field}.${note.field}`, note.message));
    if (types.blocking) ctx.notes.approximated(SUBJECT, `${field}.${types.blocking.field}`, 'not applied: this allowed rule also allows those dependencies');
    const targets = types.nothing ? undefined : mapTargets({ path: toPath as string | undefined, pathNot: toPathNot as string | undefined }, new Map(), types, ctx, notes);
    notes.approximated.forEach((note) => ctx.notes.approximated(SUBJECT, `${field}.${note.field}`, note.message));
    notes.notMapped.forEach((note) => ctx.notes.notMapped(SUBJECT, `${field}.${note.field}`, note.message));
    if (!targets || 'field' in targets) {
      if (targets) ctx.notes.notMapped(SUBJECT, `${field}.${targets.field}`, targets.message);
      continue;
    }
    if (types.allowTypeOnly) ctx.notes.approximated(SUBJECT, `${field}.to.dependencyTypesNot`, 'type-only imports are allowed by this rule in dependency-cruiser; Guardrails cannot narrow an allowed target to them and checks them like the others');
    const globs = variants.flatMap((variant) => variant.globs);
    if (globs.length === 1 && globs[0] === '**') {
      everyFile.push(targets);
      continue;
    }
    const key = JSON.stringify([...globs].sort());
    const group = groups.get(key) ?? { from: globs, targets: { local: [], packages: [], builtins: [] } };
    groups.set(key, group);
    join(group.targets, targets);
  }
  if (groups.size > 1) {
    ctx.notes.approximated(SUBJECT, 'from', 'rules with different "from" become separate Guardrails rules: a file that several of them match must satisfy each of them, where dependency-cruiser needs one');
  }
  const all: Group[] = groups.size === 0 ? [{ from: ['**'], targets: { local: [], packages: [], builtins: [] } }] : [...groups.values()];
  if (groups.size === 0 && everyFile.length === 0) return [];
  ctx.notes.approximated(SUBJECT, 'to', 'Guardrails\' allowed rules do not report unresolved imports (use a no-unresolved rule)');
  return all.map((group) => {
    for (const targets of everyFile) join(group.targets, targets);
    const { local, packages, builtins } = group.targets;
    return ruleJson({
      id: uniqueId('not-in-allowed', ctx.ids),
      kind: 'allowed',
      severity: severityOf(allowedSeverity ?? 'warn'),
      from: selector(group.from),
      to: selector(local.includes('**') ? ['**'] : local),
      toPackages: packages.includes('**') ? undefined : packages,
      toBuiltins: builtins.includes('*') ? undefined : builtins,
      allowTypeOnly: ctx.typeOnlyInvisible || undefined,
    });
  });
}

function join(into: Targets, more: Targets): void {
  for (const key of ['local', 'packages', 'builtins'] as const) {
    for (const value of more[key]) if (!into[key].includes(value)) into[key].push(value);
  }
}
