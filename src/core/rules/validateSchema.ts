// Validates a parsed rules file against guardrails.schema.json and words each problem for a
// person: one precise message at the exact value, never a pile of "does not match oneOf" noise.
// Rules are a oneOf discriminated by "kind", so the right branch is chosen by that value first.
import type { ConfigProblem } from './ruleTypes';
import { nodeLocation, objectEntries, propertyValue, startLocation, type JsonDocument, type JsonNode } from './jsonDocument';
import { resolveRef, type JsonSchema, type JsonType } from './jsonSchema';
import { childContext, containerText, expectedText, foundText, ROOT_CONTEXT, subjectText, type SchemaContext } from './schemaText';
import { didYouMean, suggestionSuffix } from './didYouMean';

interface Issue {
  message: string;
  node: JsonNode;
  /** Point at the first character only (objects span many lines). */
  start?: boolean;
  severity?: 'error' | 'warning';
}

/** Sibling branches of a discriminated union, to tell "wrong kind for this field" from a typo. */
interface Discriminated {
  property: string;
  value: string;
  branches: JsonSchema[];
}

export function validateSchema(doc: JsonDocument, schema: JsonSchema): ConfigProblem[] {
  if (!doc.root) return [];
  return validate(doc.root, schema, schema, ROOT_CONTEXT).map((issue) => ({
    severity: issue.severity ?? 'error',
    message: issue.message,
    location: issue.start ? startLocation(doc, issue.node) : nodeLocation(doc, issue.node),
  }));
}

function validate(node: JsonNode, schemaIn: JsonSchema, root: JsonSchema, ctx: SchemaContext, union?: Discriminated): Issue[] {
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
      return validateObject(node, schema, root, ctx, union);
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
    const expected = schema.patternErrorMessage ?? `a string matching ${schema.pattern}`;
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
    items.forEach((item, index) => issues.push(...validate(item, schema.items as JsonSchema, root, childContext(ctx, index, item))));
  }
  return issues;
}

function validateObject(node: JsonNode, schema: JsonSchema, root: JsonSchema, ctx: SchemaContext, union?: Discriminated): Issue[] {
  const issues: Issue[] = [];
  const entries = objectEntries(node);
  const seen = new Set<string>();
  for (const { key, keyNode } of entries) {
    if (seen.has(key)) issues.push({ node: keyNode, severity: 'warning', message: `field "${key}" is written twice${containerText(ctx)}; the last one counts` });
    seen.add(key);
  }
  const known = schema.properties ?? {};
  // A misspelt required field is reported once, as the unknown field with its suggestion.
  const suggested = new Set(
    entries.filter(({ key }) => !Object.prototype.hasOwnProperty.call(known, key)).map(({ key }) => didYouMean(key, Object.keys(known))),
  );
  const missing = (schema.required ?? []).filter((key) => !seen.has(key) && !suggested.has(key));
  if (missing.length) {
    const anchor = propertyValue(node, 'id') ?? node;
    const list = missing.map((key) => `"${key}"`).join(', ');
    issues.push({ node: anchor, start: anchor === node, message: `${subjectText(ctx)} is missing required field${missing.length > 1 ? 's' : ''} ${list}` });
  }
  for (const { key, keyNode, value } of entries) {
    const child = childContext(ctx, key, value);
    const propertySchema = Object.prototype.hasOwnProperty.call(known, key) ? known[key] : undefined;
    if (propertySchema) {
      issues.push(...validate(value, propertySchema, root, child));
      continue;
    }
    if (schema.propertyNames) {
      const nameIssues = validateName(key, keyNode, schema.propertyNames, root, ctx);
      issues.push(...nameIssues);
      if (nameIssues.length) continue;
    }
    if (schema.additionalProperties === false) {
      issues.push({ node: keyNode, message: unknownFieldMessage(key, Object.keys(known), root, ctx, union) });
    } else if (typeof schema.additionalProperties === 'object') {
      issues.push(...validate(value, schema.additionalProperties, root, child));
    }
  }
  return issues;
}

function validateName(key: string, keyNode: JsonNode, schema: JsonSchema, root: JsonSchema, ctx: SchemaContext): Issue[] {
  const s = resolveRef(schema, root);
  if (s.pattern === undefined || new RegExp(s.pattern, 'u').test(key)) return [];
  const expected = s.patternErrorMessage ?? `a name matching ${s.pattern}`;
  return [{ node: keyNode, message: `invalid name ${JSON.stringify(key)}${containerText(ctx)}: expected ${expected}` }];
}

function unknownFieldMessage(key: string, known: string[], root: JsonSchema, ctx: SchemaContext, union?: Discriminated): string {
  const where = containerText(ctx);
  if (union) {
    const owners = union.branches
      .map((branch) => resolveRef(branch, root))
      .filter((branch) => branch.properties && Object.prototype.hasOwnProperty.call(branch.properties, key))
      .map((branch) => `"${String(branch.properties?.[union.property]?.const)}"`);
    if (owners.length) {
      return `field "${key}"${where} is not allowed when ${union.property} is "${union.value}" (only ${union.property} ${owners.join(', ')} ${owners.length > 1 ? 'have' : 'has'} it)`;
    }
  }
  return `unknown field "${key}"${where}${suggestionSuffix(key, known)}`;
}

function validateUnion(node: JsonNode, schema: JsonSchema, branchesIn: JsonSchema[], root: JsonSchema, ctx: SchemaContext): Issue[] {
  const branches = branchesIn.map((branch) => resolveRef(branch, root));
  const discriminator = findDiscriminator(branches);
  if (discriminator && node.type === 'object') return validateDiscriminated(node, branches, discriminator, root, ctx);

  const candidates = branches.filter((branch) => typeMatches(node, branch.type));
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

/** A property that every branch requires and fixes with `const` (here: a rule's "kind"). */
function findDiscriminator(branches: JsonSchema[]): string | undefined {
  const first = branches[0];
  if (!first?.properties) return undefined;
  return Object.keys(first.properties).find((key) =>
    branches.every((branch) => branch.required?.includes(key) && typeof branch.properties?.[key]?.const === 'string'),
  );
}

function validateDiscriminated(node: JsonNode, branches: JsonSchema[], property: string, root: JsonSchema, ctx: SchemaContext): Issue[] {
  const values = branches.map((branch) => String(branch.properties?.[property]?.const));
  const valueNode = propertyValue(node, property);
  const label = ctx.noun ? `${ctx.noun} ${property}` : property;
  if (!valueNode) {
    const anchor = propertyValue(node, 'id') ?? node;
    return [{ node: anchor, start: anchor === node, message: `${subjectText(ctx)} is missing required field "${property}" (${values.join(', ')})` }];
  }
  const value = valueNode.value;
  const index = typeof value === 'string' ? values.indexOf(value) : -1;
  if (index < 0) {
    const found = valueNode.type === 'string' ? `"${String(value)}"` : foundText(valueNode, true);
    const suffix = typeof value === 'string' ? suggestionSuffix(value, values) : '';
    const prefix = `unknown ${label} ${found}${containerText(ctx)}`;
    return [{ node: valueNode, message: `${prefix}${suffix}${suffix ? ' ' : '. '}Valid ${property}s: ${values.join(', ')}` }];
  }
  return validate(node, branches[index], root, ctx, { property, value: values[index], branches });
}

function typeMatches(node: JsonNode, type: JsonType | JsonType[] | undefined): boolean {
  if (type === undefined) return true;
  const types = Array.isArray(type) ? type : [type];
  return types.some((t) => {
    if (t === 'integer') return node.type === 'number' && Number.isInteger(node.value);
    return node.type === t;
  });
}
