import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { guardrailsSchemaPath, loadGuardrailsSchema } from '../../../src/core/rules/schemaFile';
import { resolveRef, type JsonSchema } from '../../../src/core/rules/jsonSchema';
import { RULE_KINDS } from '../../../src/core/model/ruleTypes';
import { DEPENDENCY_KINDS } from '../../../src/core/model/types';
import { REPO_ROOT } from './rulesTestKit';

function schema(): JsonSchema {
  const loaded = loadGuardrailsSchema();
  assert.ok(loaded, 'schema loads');
  return loaded;
}

/** Every `properties` entry in the schema, with its path, following nested schemas. */
function everyProperty(node: JsonSchema, at: string, out: Array<[string, JsonSchema]> = []): Array<[string, JsonSchema]> {
  for (const [name, property] of Object.entries(node.properties ?? {})) {
    out.push([`${at}.${name}`, property]);
    everyProperty(property, `${at}.${name}`, out);
  }
  for (const [key, child] of [['items', node.items], ['additionalProperties', node.additionalProperties]] as const) {
    if (child && typeof child === 'object') everyProperty(child, `${at}.${key}`, out);
  }
  [...(node.oneOf ?? []), ...(node.anyOf ?? []), ...(node.allOf ?? [])].forEach((branch, index) => everyProperty(branch, `${at}|${index}`, out));
  for (const [name, definition] of Object.entries(node.definitions ?? {})) everyProperty(definition, `#${name}`, out);
  return out;
}

describe('guardrails.schema.json', () => {
  it('is found from the compiled module, in the repository', () => {
    assert.equal(guardrailsSchemaPath(), path.join(REPO_ROOT, 'schema', 'guardrails.schema.json'));
  });

  it('describes every property (VS Code shows descriptions on hover)', () => {
    const missing = everyProperty(schema(), '$').filter(([, property]) => !property.description).map(([where]) => where);
    assert.deepEqual(missing, []);
  });

  it('has one rule definition per rule kind, each with the common fields and no others allowed', () => {
    const root = schema();
    const item = root.properties?.rules.items;
    assert.deepEqual(item?.properties?.kind.enum, [...RULE_KINDS]);
    assert.deepEqual(item?.allOf?.map((part) => part.if?.properties?.kind.const), [...RULE_KINDS]);
    const branches = (item?.allOf ?? []).map((part) => resolveRef(part.then ?? {}, root));
    assert.deepEqual(branches.map((b) => b.properties?.kind.const), [...RULE_KINDS]);
    for (const branch of branches) {
      assert.equal(branch.additionalProperties, false);
      for (const common of ['id', 'kind', 'severity', 'why', 'allowTypeOnly', 'kinds', 'exceptions']) {
        assert.ok(branch.properties?.[common], `${String(branch.properties?.kind.const)} has ${common}`);
      }
      assert.deepEqual(branch.properties?.kinds.items?.enum, [...DEPENDENCY_KINDS]);
      assert.deepEqual(branch.properties?.severity.enum, ['error', 'warning', 'info', 'off']);
    }
  });
});
