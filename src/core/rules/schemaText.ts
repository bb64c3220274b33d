// Words for schema problems: what a schema expects ("an array of strings"), what was found
// ("a number"), and where ("\"to\" in rule \"domain-pure\"").
import type { JsonNode } from '../json/jsonDocument';
import { propertyValue, stringValue } from '../json/jsonDocument';
import { resolveRef, type JsonSchema } from './jsonSchema';

export function expectedText(schema: JsonSchema, root: JsonSchema): string {
  const s = resolveRef(schema, root);
  if (s.enum) return `one of ${s.enum.map((v) => JSON.stringify(v)).join(', ')}`;
  if (s.const !== undefined) return JSON.stringify(s.const);
  const union = s.anyOf ?? s.oneOf;
  if (union) {
    if (s.title) return `a ${s.title} object`;
    return joinOr([...new Set(union.map((branch) => expectedText(branch, root)))]);
  }
  const types = s.type === undefined ? [] : Array.isArray(s.type) ? s.type : [s.type];
  return joinOr(types.map((type) => typeText(type, s, root)));
}

function typeText(type: string, s: JsonSchema, root: JsonSchema): string {
  switch (type) {
    case 'string':
      return s.patternErrorMessage ? patternPhrase(s.patternErrorMessage) : 'a string';
    case 'number':
      return 'a number';
    case 'integer':
      return 'a whole number';
    case 'boolean':
      return 'true or false';
    case 'null':
      return 'null';
    case 'object':
      return s.title ? `a ${s.title} object` : 'an object';
    case 'array':
      return s.items ? `an array of ${plural(expectedText(s.items, root))}` : 'an array';
    default:
      return type;
  }
}

/** VS Code's "Expected a date written YYYY-MM-DD." → "a date written YYYY-MM-DD", to follow our own "expected". */
export function patternPhrase(message: string): string {
  return message.replace(/^Expected\s+/i, '').replace(/\.$/, '');
}

/** "a string" → "strings", "a rule object" → "rule objects"; other phrases are kept whole. */
function plural(phrase: string): string {
  const match = /^an? ([\w -]+)$/.exec(phrase);
  if (match && !/\b(or|and)\b/.test(match[1])) return `${match[1]}s`;
  return `items that are each ${phrase}`;
}

function joinOr(parts: string[]): string {
  if (parts.length <= 1) return parts[0] ?? 'a value';
  return `${parts.slice(0, -1).join(', ')} or ${parts[parts.length - 1]}`;
}

/** What a value is, for "found …": the value itself for short scalars, its kind otherwise. */
export function foundText(node: JsonNode, showValue: boolean): string {
  switch (node.type) {
    case 'string':
      return showValue ? JSON.stringify(node.value) : 'a string';
    case 'number':
      return showValue ? String(node.value) : 'a number';
    case 'boolean':
      return String(node.value);
    case 'null':
      return 'null';
    case 'array':
      return 'an array';
    case 'object':
      return 'an object';
    default:
      return 'a value';
  }
}

/**
 * Where a value sits: the entity it belongs to (rule, window, goal, layer) named by its id,
 * and the field path inside that entity.
 */
export interface SchemaContext {
  path: Array<string | number>;
  /** `rule "domain-pure"`, `window #2`, … */
  entity?: string;
  /** `rule`, `window`, … */
  noun?: string;
  /** Length of `path` where the entity starts. */
  entityDepth: number;
}

export const ROOT_CONTEXT: SchemaContext = { path: [], entityDepth: 0 };

export function childContext(ctx: SchemaContext, key: string | number, node: JsonNode): SchemaContext {
  const path = [...ctx.path, key];
  const shape = path.map((part) => (typeof part === 'number' ? '#' : part)).join('/');
  const depth = path.length;
  const ordinal = typeof key === 'number' ? key + 1 : 0;
  switch (shape) {
    case 'rules/#':
      return { path, entityDepth: depth, noun: 'rule', entity: named('rule', node, ordinal) };
    case 'windows/#':
      return { path, entityDepth: depth, noun: 'window', entity: named('window', node, ordinal) };
    case 'windows/#/goals/#':
      return { path, entityDepth: depth, noun: 'goal', entity: `goal #${ordinal} of ${ctx.entity ?? 'a window'}` };
    default:
      if (path.length === 2 && path[0] === 'layers') {
        return { path, entityDepth: depth, noun: 'layer', entity: `layer "${String(key)}"` };
      }
      return { ...ctx, path };
  }
}

function named(noun: string, node: JsonNode, ordinal: number): string {
  const id = stringValue(propertyValue(node, 'id'));
  return id ? `${noun} "${id}"` : `${noun} #${ordinal}`;
}

/** `"to" item 2` for the field path inside the entity; empty for the entity itself. */
export function fieldText(ctx: SchemaContext): string {
  const rest = ctx.path.slice(ctx.entityDepth);
  const names = rest.filter((part): part is string => typeof part === 'string');
  const last = rest[rest.length - 1];
  const field = names.length ? `"${names.join('.')}"` : '';
  return typeof last === 'number' ? `${field ? `${field} ` : ''}item ${last + 1}` : field;
}

/** `"to" in rule "x"`, `rule "x"`, `"debt.tags"`, or `the rules file`. */
export function subjectText(ctx: SchemaContext): string {
  const field = fieldText(ctx);
  if (field && ctx.entity) return `${field} in ${ctx.entity}`;
  return field || ctx.entity || 'the rules file';
}

/** ` in rule "x"` / ` in "debt"` / `` for the place that holds an unknown field. */
export function containerText(ctx: SchemaContext): string {
  const subject = subjectText(ctx);
  return subject === 'the rules file' ? '' : ` in ${subject}`;
}
