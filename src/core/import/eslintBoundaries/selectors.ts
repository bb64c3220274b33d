// eslint-plugin-boundaries element selectors, in their legacy forms (`"helper"`,
// `["helper", { domain: "users" }]`, a list of those) and their object form
// (`{ type: "helper", captured: { … } }`, or `{ to: … }` inside allow/disallow).
import { minimatch } from 'minimatch';
import { isDict } from '../dependencyCruiser/configShape';
import type { Value } from './conditions';

export interface ElementSelector {
  /** Type patterns (micromatch), any of which may match. */
  types: string[];
  captured: Record<string, Value>;
}

export class UnsupportedSelector extends Error {}

/** Selectors of a `from`, `allow` or `disallow` value (any of them may match). */
export function parseSelectors(value: unknown): ElementSelector[] {
  if (value === undefined) return [];
  if (typeof value === 'string') return [{ types: value.split('|'), captured: {} }];
  if (Array.isArray(value)) {
    if (value.length === 2 && typeof value[0] === 'string' && isDict(value[1])) return [tuple(value[0], value[1])];
    return value.flatMap((item) => parseSelectors(item));
  }
  if (isDict(value)) {
    if ('to' in value || 'from' in value || 'dependency' in value) {
      const extra = Object.keys(value).filter((key) => key !== 'to');
      if (extra.length > 0) throw new UnsupportedSelector(`a dependency selector with "${extra[0]}"`);
      return parseSelectors(value.to);
    }
    const extra = Object.keys(value).filter((key) => key !== 'type' && key !== 'captured');
    if (extra.length > 0) throw new UnsupportedSelector(`an element selector with "${extra[0]}"`);
    const types = typeof value.type === 'string' ? [value.type] : Array.isArray(value.type) ? value.type.map(String) : ['*'];
    return [{ types, captured: isDict(value.captured) ? captured(value.captured) : {} }];
  }
  throw new UnsupportedSelector(`the selector ${JSON.stringify(value)}`);
}

function tuple(type: string, values: Record<string, unknown>): ElementSelector {
  return { types: type.split('|'), captured: captured(values) };
}

/** `"${from.family}"`, `"${family}"`, `"{{ from.captured.family }}"`: the importing file's value. */
function captured(values: Record<string, unknown>): Record<string, Value> {
  const out: Record<string, Value> = {};
  for (const [key, raw] of Object.entries(values)) {
    if (typeof raw !== 'string') throw new UnsupportedSelector(`the captured value ${JSON.stringify(raw)} of "${key}"`);
    const template = /^\$\{\s*(?:from\.)?([\w$]+)\s*\}$/.exec(raw) ?? /^\{\{\s*from\.(?:captured\.)?([\w$]+)\s*\}\}$/.exec(raw);
    if (template) out[key] = { fromKey: template[1] };
    else if (/\$\{|\{\{/.test(raw)) throw new UnsupportedSelector(`the captured value "${raw}" of "${key}"`);
    else out[key] = { literal: raw };
  }
  return out;
}

export function typeMatches(selector: ElementSelector, type: string): boolean {
  return selector.types.some((pattern) => pattern === type || minimatch(type, pattern));
}
