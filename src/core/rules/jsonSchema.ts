// The subset of JSON Schema (draft-07) that guardrails.schema.json uses, and that validateSchema
// understands. Editor-only keywords (defaultSnippets, enumDescriptions, …) are listed so the
// schema type-checks as a whole, and are ignored by the validator.

export type JsonType = 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array' | 'null';
export type JsonLiteral = string | number | boolean | null;

export interface JsonSchema {
  $schema?: string;
  $id?: string;
  $ref?: string;
  title?: string;
  description?: string;
  type?: JsonType | JsonType[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  enum?: JsonLiteral[];
  const?: JsonLiteral;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  allOf?: JsonSchema[];
  if?: JsonSchema;
  then?: JsonSchema;
  else?: JsonSchema;
  pattern?: string;
  /** VS Code's message for a value that does not match `pattern` ("Expected …."); we use it too. */
  patternErrorMessage?: string;
  /** VS Code's message for a value outside `enum`. */
  errorMessage?: string;
  minLength?: number;
  minimum?: number;
  default?: unknown;
  /** Sample values: completion proposals in VS Code, and the examples of docs/rules-file.md. */
  examples?: unknown[];
  definitions?: Record<string, JsonSchema>;
  enumDescriptions?: string[];
  defaultSnippets?: unknown[];
}

/** Follows a local `$ref` (`#/definitions/name`); keywords beside the `$ref` override the target's. */
export function resolveRef(schema: JsonSchema, root: JsonSchema): JsonSchema {
  let current = schema;
  for (let depth = 0; current.$ref !== undefined && depth < 32; depth++) {
    const { $ref, ...rest } = current;
    const target = lookupPointer(root, $ref);
    current = target ? { ...target, ...rest } : rest;
  }
  return current;
}

function lookupPointer(root: JsonSchema, ref: string): JsonSchema | undefined {
  if (!ref.startsWith('#/')) return undefined;
  let node: unknown = root;
  for (const part of ref.slice(2).split('/')) {
    const key = part.replace(/~1/g, '/').replace(/~0/g, '~');
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return typeof node === 'object' && node !== null ? (node) : undefined;
}
