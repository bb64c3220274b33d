// Validates a parsed rules file against guardrails.schema.json and words each problem for a
// person: one precise message at the exact value, never a pile of "does not match" noise.
// Rules pick their schema with `allOf: [{ if: { kind: const }, then: … }]`; the "kind" is
// checked first, so an unknown kind is one message and a known kind gets its own fields checked.
import type { ConfigProblem } from '../model/ruleTypes';
import { objectEntries, nodeLocation, propertyValue, startLocation, type JsonDocument, type JsonNode } from '../json/jsonDocument';
import { resolveRef, type JsonSchema, type JsonType } from './jsonSchema';
import { childContext, containerText, expectedText, foundText, patternPhrase, ROOT_CONTEXT, subjectText, type SchemaContext } from './schemaText';
import { didYouMean, suggestionSuffix } from '../util/didYouMean';
import { appendAll } from '../util/arrays';

interface Issue {
  message: string;
  node: JsonNode;
  /** Point at the first character only (objects span many lines). */
  start?: boolean;
  severity?: 'error' | 'warning';
}

/** A property whose value selects one of several schemas (a rule's "kind"). */
interface Discriminator {
  property: string;
  values: string[];
  branches: JsonSchema[];
  /** The value of this object, once its branch is chosen. */
  selected?: string;
}

export function validateSchema(doc: JsonDocument, schema: JsonSchema): ConfigProblem[] {
  if (!doc.root) return [];
  const seen = new Set<string>();
  const problems: ConfigProblem[] = [];
  for (const issue of validate(doc.root, schema, schema, ROOT_CONTEXT)) {
    // An object checked by its own schema and a selected branch may report the same thing twice.
    const key = `${issue.node.offset}:${issue.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push({
      severity: issue.severity ?? 'error',
      message: issue.message,
      location: issue.start ? startLocation(doc, issue.node) : nodeLocation(doc, issue.node),
    });
  }
  return problems;
}

function validate(node: JsonNode, schemaIn: JsonSchema, root: JsonSchema, ctx: SchemaContext, discriminator?: Discriminator): Issue[] {
  const schema = resolveRef(schemaIn, root);
  const branches = schema.oneOf ?? schema.anyOf;
  if (branches) return validateUnion(node, schema, branches, root, ctx);

  if (!typeMatches(node, schema.type)) {
    return [{ node, message: `${subjectText(ctx)}: expected ${expectedText(schema, root)}, found ${foundText(node, false)}` }];
  }
  if (schema.const !== undefined && node.value !== schema.const) {
    return [{ node, message: `${subjectText(ctx)}: expected ${JSON.stringify(schema.const)}, found ${foundText(node, true)}` }];
  }
  if (schema.enum && !schema.enum.includes(node.value as string)) {
    const options = schema.enum.filter((v): v is string => typeof v === 'string');
    const suffix = typeof node.value === 'string' ? suggestionSuffix(node.value, options) : '';
    return [{ node, message: `${subjectText(ctx)}: expected ${expectedText(schema, root)}, found ${foundText(node, true)}${suffix}` }];
  }
  switch (node.type) {
    case 'string':
      return validateString(node, schema, ctx);
    case 'number':
      if (schema.minimum !== undefined && (node.value as number) < schema.minimum) {
        return [{ node, message: `${subjectText(ctx)}: expected a number of at least ${schema.minimum}, found ${String(node.value)}` }];
      }
      return [];
    case 'array':
      return validateArray(node, schema, root, ctx);
    case 'object':
      return validateObject(node, schema, root, ctx, discriminator);
    default:
      return [];
  }
}

function validateString(node: JsonNode, schema: JsonSchema, ctx: SchemaContext): Issue[] {
  const value = node.value as string;
  if (schema.minLength !== undefined && value.length < schema.minLength) {
    return [{ node, message: `${subjectText(ctx)}: expected a non-empty string` }];
  }
  if (schema.pattern !== undefined && !new RegExp(schema.pattern, 'u').test(value)) {
    const expected = schema.patternErrorMessage ? patternPhrase(schema.patternErrorMessage) : `a string matching ${schema.pattern}`;
    return [{ node, message: `${subjectText(ctx)}: expected ${expected}, found ${JSON.stringify(value)}` }];
  }
  return [];
}

function validateArray(node: JsonNode, schema: JsonSchema, root: JsonSchema, ctx: SchemaContext): Issue[] {
  const items = node.children ?? [];
  const issues: Issue[] = [];
  if (schema.minItems !== undefined && items.length < schema.minItems) {
    issues.push({ node, message: `${subjectText(ctx)}: expected at least ${schema.minItems} item${schema.minItems === 1 ? '' : 's'}` });
  }
  if (schema.items) {
    items.forEach((item, index) => appendAll(issues, validate(item, schema.items as JsonSchema, root, childContext(ctx, index, item))));
  }
  return issues;
}

function validateObject(node: JsonNode, schema: JsonSchema, root: JsonSchema, ctx: SchemaContext, selectedBy?: Discriminator): Issue[] {
  const issues: Issue[] = [];
  const entries = objectEntries(node);
  const known = schema.properties ?? {};
  const isKnown = (key: string): boolean => Object.prototype.hasOwnProperty.call(known, key);
  const seen = new Set<string>();
  for (const { key, keyNode } of entries) {
    if (seen.has(key)) issues.push({ node: keyNode, severity: 'warning', message: `field "${key}" is written twice${containerText(ctx)}; the last one counts` });
    seen.add(key);
  }

  // A misspelt required field is reported once, as the unknown field with its suggestion.
  const suggested = new Set(entries.filter(({ key }) => !isKnown(key)).map(({ key }) => didYouMean(key, Object.keys(known))));
  const missing = (schema.required ?? []).filter((key) => !seen.has(key) && !suggested.has(key));
  if (missing.length) {
    const anchor = propertyValue(node, 'id') ?? node;
    const list = missing.map((key) => `"${key}"`).join(', ');
    issues.push({ node: anchor, start: anchor === node, message: `${subjectText(ctx)} is missing required field${missing.length > 1 ? 's' : ''} ${list}` });
  }

  const discriminator = findDiscriminator(schema, root);
  const selector = discriminator ? propertyValue(node, discriminator.property) : undefined;
  const selected = discriminator && selector ? discriminator.values.indexOf(String(selector.value)) : -1;
  for (const { key, keyNode, value } of entries) {
    const child = childContext(ctx, key, value);
    if (discriminator && value === selector && (selected < 0 || selector.type !== 'string')) {
      issues.push(unknownSelector(selector, discriminator, ctx));
      continue;
    }
    if (isKnown(key)) {
      appendAll(issues, validate(value, known[key], root, child));
      continue;
    }
    if (schema.propertyNames) {
      const nameIssues = validateName(key, keyNode, schema.propertyNames, root, ctx);
      appendAll(issues, nameIssues);
      if (nameIssues.length) continue;
    }
    if (schema.additionalProperties === false) {
      issues.push({ node: keyNode, message: unknownFieldMessage(key, Object.keys(known), ctx, selectedBy) });
    } else if (typeof schema.additionalProperties === 'object') {
      appendAll(issues, validate(value, schema.additionalProperties, root, child));
    }
  }

  for (const part of schema.allOf ?? []) {
    if (!part.if) {
      appendAll(issues, validate(node, part, root, ctx));
      continue;
    }
    const branch = validate(node, part.if, root, ctx).length === 0 ? part.then : part.else;
    const chosen = discriminator && selected >= 0 ? { ...discriminator, selected: discriminator.values[selected] } : discriminator;
    if (branch) appendAll(issues, validate(node, branch, root, ctx, chosen));
  }
  return issues;
}

/** `allOf: [{ if: { properties: { P: { const } }, required: [P] }, then }]` over one property P. */
function findDiscriminator(schema: JsonSchema, root: JsonSchema): Discriminator | undefined {
  const parts = (schema.allOf ?? []).filter((part) => part.if && part.then);
  if (parts.length < 2) return undefined;
  const property = Object.keys(parts[0].if?.properties ?? {})[0];
  if (property === undefined) return undefined;
  const values = parts.map((part) => part.if?.properties?.[property]?.const);
  if (!values.every((value): value is string => typeof value === 'string')) return undefined;
  return { property, values, branches: parts.map((part) => resolveRef(part.then as JsonSchema, root)) };
}

function unknownSelector(node: JsonNode, discriminator: Discriminator, ctx: SchemaContext): Issue {
  const { property, values } = discriminator;
  const label = ctx.noun ? `${ctx.noun} ${property}` : property;
  const found = node.type === 'string' ? JSON.stringify(node.value) : foundText(node, true);
  const suffix = typeof node.value === 'string' ? suggestionSuffix(node.value, values) : '';
  return { node, message: `unknown ${label} ${found}${containerText(ctx)}${suffix || '.'} Valid ${property}s: ${values.join(', ')}` };
}

function validateName(key: string, keyNode: JsonNode, schema: JsonSchema, root: JsonSchema, ctx: SchemaContext): Issue[] {
  const s = resolveRef(schema, root);
  if (s.pattern === undefined || new RegExp(s.pattern, 'u').test(key)) return [];
  const expected = s.patternErrorMessage ? patternPhrase(s.patternErrorMessage) : `a name matching ${s.pattern}`;
  return [{ node: keyNode, message: `invalid name ${JSON.stringify(key)}${containerText(ctx)}: expected ${expected}` }];
}

function unknownFieldMessage(key: string, known: string[], ctx: SchemaContext, selectedBy?: Discriminator): string {
  const where = containerText(ctx);
  if (selectedBy) {
    const owners = selectedBy.branches
      .filter((branch) => branch.properties && Object.prototype.hasOwnProperty.call(branch.properties, key))
      .map((branch) => `"${String(branch.properties?.[selectedBy.property]?.const)}"`);
    if (owners.length) {
      const when = selectedBy.selected === undefined ? '' : ` when ${selectedBy.property} is "${selectedBy.selected}"`;
      return `field "${key}"${where} is not allowed${when} (only ${selectedBy.property} ${owners.join(', ')} ${owners.length > 1 ? 'have' : 'has'} it)`;
    }
  }
  return `unknown field "${key}"${where}${suggestionSuffix(key, known)}`;
}

/** string | string[] and similar: the branch whose type fits is checked, with its own messages. */
function validateUnion(node: JsonNode, schema: JsonSchema, branchesIn: JsonSchema[], root: JsonSchema, ctx: SchemaContext): Issue[] {
  const candidates = branchesIn.map((branch) => resolveRef(branch, root)).filter((branch) => typeMatches(node, branch.type));
  if (candidates.length === 0) {
    return [{ node, message: `${subjectText(ctx)}: expected ${expectedText(schema, root)}, found ${foundText(node, false)}` }];
  }
  let best: Issue[] | undefined;
  for (const branch of candidates) {
    const issues = validate(node, branch, root, ctx);
    if (issues.length === 0) return [];
    if (!best || issues.length < best.length) best = issues;
  }
  return best ?? [];
}

function typeMatches(node: JsonNode, type: JsonType | JsonType[] | undefined): boolean {
  if (type === undefined) return true;
  const types = Array.isArray(type) ? type : [type];
  return types.some((t) => (t === 'integer' ? node.type === 'number' && Number.isInteger(node.value) : node.type === t));
}
