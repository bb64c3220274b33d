// `extends` as dependency-cruiser applies it: the extending configuration wins. Named forbidden
// rules merge by name (the extending rule's fields win), anonymous rules are kept once, allowed
// rules are joined, options are merged field by field at the top level.
import { isDeepStrictEqual } from 'node:util';
import { isDict, type Dict } from './configShape';

export function mergeDependencyCruiserConfigs(extending: Dict, base: Dict): Dict {
  const forbidden = mergeRules(list(extending.forbidden), list(base.forbidden));
  const required = mergeRules(list(extending.required), list(base.required));
  const allowed = unique([...list(extending.allowed), ...list(base.allowed)]);
  const merged: Dict = {};
  if (forbidden.length > 0) merged.forbidden = forbidden;
  if (required.length > 0) merged.required = required;
  if (allowed.length > 0) {
    merged.allowed = allowed;
    merged.allowedSeverity = extending.allowedSeverity ?? base.allowedSeverity ?? 'warn';
  }
  merged.options = { ...(isDict(base.options) ? base.options : {}), ...(isDict(extending.options) ? extending.options : {}) };
  return merged;
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function nameOf(rule: unknown): string | undefined {
  return isDict(rule) && typeof rule.name === 'string' && rule.name !== '' ? rule.name : undefined;
}

function mergeRules(extending: unknown[], base: unknown[]): unknown[] {
  const named = extending.filter(nameOf).map((rule) => {
    const sameName = base.filter((other) => nameOf(other) === nameOf(rule));
    return sameName.reduce<Dict>((merged, other) => ({ ...(other as Dict), ...merged }), rule as Dict);
  });
  const seen = new Set<string>();
  const namedOnce = [...named, ...base.filter(nameOf)].filter((rule) => {
    const name = nameOf(rule)!;
    if (seen.has(name)) return false;
    seen.add(name);
    return true;
  });
  const anonymous = unique([...extending, ...base].filter((rule) => !nameOf(rule)));
  return [...namedOnce, ...anonymous];
}

function unique(rules: unknown[]): unknown[] {
  const out: unknown[] = [];
  for (const rule of rules) if (!out.some((kept) => isDeepStrictEqual(kept, rule))) out.push(rule);
  return out;
}
