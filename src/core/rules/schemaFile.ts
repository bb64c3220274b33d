// Finds and reads schema/guardrails.schema.json, the single truth for the file format (VS Code
// validates with it too). The module runs from out/src/core/rules/ (tests) and from the bundles
// in dist/, so the file is found by walking up from this module's directory.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { JsonSchema } from './jsonSchema';

const RELATIVE = path.join('schema', 'guardrails.schema.json');

/** Absolute path of guardrails.schema.json, or undefined when the installation lacks it. */
export function guardrailsSchemaPath(): string | undefined {
  let dir = __dirname;
  for (;;) {
    const candidate = path.join(dir, RELATIVE);
    if (fs.existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

let cached: JsonSchema | undefined;

/** The parsed schema (read once: it ships with the program and does not change while it runs). */
export function loadGuardrailsSchema(): JsonSchema | undefined {
  if (cached) return cached;
  const file = guardrailsSchemaPath();
  if (!file) return undefined;
  try {
    cached = JSON.parse(fs.readFileSync(file, 'utf8')) as JsonSchema;
  } catch {
    return undefined;
  }
  return cached;
}
