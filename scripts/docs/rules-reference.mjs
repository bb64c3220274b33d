// Writes docs/rules-file.md, the rules-file reference, from schema/guardrails.schema.json (the
// single truth for the format): every field with its type, default, description and an example
// taken from the field's `examples`, shown where it goes in a rules file.
//
//   node scripts/docs/rules-reference.mjs          (npm run docs:rules) writes the reference
//   node scripts/docs/rules-reference.mjs --check  exits 1 when the committed one is out of date
//
// test/unit/docs/rulesReference.test.ts regenerates it in memory and compares, and loads every
// example through the real rules loader.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SCHEMA_FILE = path.join(ROOT, 'schema', 'guardrails.schema.json');
export const REFERENCE_FILE = path.join(ROOT, 'docs', 'rules-file.md');
export const REGENERATE = 'npm run docs:rules';

/** Example lines wider than this are broken over several lines. */
const WIDTH = 100;

const INTRO = `# The rules file: reference

<!-- Generated from schema/guardrails.schema.json by \`${REGENERATE}\`: edit the schema, not this file. -->

\`guardrails.json\` (JSON with comments) governs the files below it; in a monorepo the nearest one
above a file wins. In VS Code the file gets completion, hovers and validation from the same schema
as this page; the [README](../README.md#the-rules-file) shows a whole file and what each rule kind
reports. Each example below is a part of a rules file, shown where it goes from the top of the file
(a test loads every one through the rules loader).
`;

/** Follows a local `$ref` (#/definitions/name). */
function resolve(node, schema) {
  if (!node?.$ref) return node;
  const name = node.$ref.replace(/^#\/definitions\//, '');
  const target = schema.definitions?.[name];
  if (!target) throw new Error(`${SCHEMA_FILE}: unknown $ref ${node.$ref}`);
  return target;
}

const json = (value) => JSON.stringify(value);

/** Schema text as Markdown: outside code spans, "*" and "<" are only characters (globs, tags). */
const prose = (text) => text.split(/(`[^`]*`)/).map((part, index) => (index % 2 === 1 ? part : part.replace(/[\\*]/g, '\\$&').replace(/</g, '&lt;'))).join('');

/** JSON on one line, with a space after colons and commas, as a person writes it. */
function compact(value) {
  if (Array.isArray(value)) return `[${value.map(compact).join(', ')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value);
    return entries.length === 0 ? '{}' : `{ ${entries.map(([k, v]) => `${json(k)}: ${compact(v)}`).join(', ')} }`;
  }
  return json(value);
}

/** Compact where it fits in WIDTH, otherwise one member per line. */
function pretty(value, indent, prefix = '') {
  const flat = compact(value);
  if (indent.length + prefix.length + flat.length <= WIDTH || value === null || typeof value !== 'object') return flat;
  const inner = `${indent}  `;
  const lines = Array.isArray(value)
    ? value.map((item) => inner + pretty(item, inner))
    : Object.entries(value).map(([k, v]) => `${inner}${json(k)}: ${pretty(v, inner, `${json(k)}: `)}`);
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  return `${open}\n${lines.join(',\n')}\n${indent}${close}`;
}

/** A rules-file fragment: the members of the top-level object, without its braces. */
function fragment(root) {
  return Object.entries(root).map(([k, v]) => `${json(k)}: ${pretty(v, '', `${json(k)}: `)}`).join(',\n');
}

const objectBranch = (node) => node.anyOf?.find((branch) => branch.type === 'object' && branch.properties);

/** What kind of container a property is, if it holds fields of its own worth listing. */
function containerOf(node) {
  if (node.type === 'object' && node.properties) return { kind: 'object', node };
  if (node.type === 'array' && node.items?.type === 'object' && node.items.properties) return { kind: 'array', node: node.items };
  const value = node.additionalProperties;
  if (node.type === 'object' && value && typeof value === 'object' && objectBranch(value)) return { kind: 'map', node: value };
  return undefined;
}

function typeOf(node, schema) {
  node = resolve(node, schema);
  if (node.const !== undefined) return json(node.const);
  if (node.enum) return node.enum.map(json).join(' | ');
  if (node.anyOf) return node.anyOf.map((branch) => typeOf(branch, schema)).join(' | ');
  if (node.type === 'array') {
    const item = node.items ? (node.items.title ?? typeOf(node.items, schema)) : 'unknown';
    return /[ |]/.test(item) ? `(${item})[]` : `${item}[]`;
  }
  if (node.type === 'object') {
    if (node.title) return node.title;
    if (node.properties) return `{ ${Object.keys(node.properties).join(', ')} }`;
    if (node.additionalProperties && typeof node.additionalProperties === 'object') return `{ [name]: ${typeOf(node.additionalProperties, schema)} }`;
    return 'object';
  }
  return Array.isArray(node.type) ? node.type.join(' | ') : (node.type ?? 'any');
}

const firstExample = (node) => (Array.isArray(node?.examples) && node.examples.length > 0 ? { value: node.examples[0] } : undefined);

/**
 * An object of a container that loads, to show `field` in. Items of a list (a rule, a window, a
 * goal) are shown as the first sample of the container (an example of it, or of a field holding
 * it) that has the field, so that its siblings fit it (a goal's "rule" comes with "metric":
 * "violations"). Otherwise: the required fields in the schema's order, from that sample or their
 * own examples, then the field. `fixed` sets members such as a rule's kind.
 */
function skeleton(container, samples, fixed, field, value, { whole = false } = {}) {
  const found = samples.find((item) => item && typeof item === 'object' && !Array.isArray(item) && field in item);
  if (whole && found) return { ...found, ...fixed, [field]: value };
  const sample = found ?? {};
  const out = {};
  const required = new Set(container.required ?? []);
  for (const [name, property] of Object.entries(container.properties ?? {})) {
    if (name === field && required.has(name)) out[name] = value;
    else if (name in fixed) out[name] = fixed[name];
    else if (required.has(name)) out[name] = name in sample ? sample[name] : firstExample(property)?.value;
  }
  if (!(field in out)) out[field] = value;
  return out;
}

/** The examples of a field as samples of the container it is: its items when it is an array. */
function samplesOf(node, inherited = []) {
  const own = Array.isArray(node.examples) ? node.examples : [];
  const values = [...own, ...inherited];
  return node.type === 'array' ? values.filter(Array.isArray).flat() : values;
}

/** The values that `samples` (objects) hold at `key`. */
const at = (samples, key) => samples.filter((item) => item && typeof item === 'object' && key in item).map((item) => item[key]);

/**
 * Builds the reference's blocks: headings, paragraphs and field entries. Each field's example is
 * wrapped by `place`, which puts a value where the field lives, from the top of the file.
 */
class Reference {
  constructor(schema) {
    this.schema = schema;
    this.out = [INTRO];
    this.missing = [];
  }

  heading(level, text, paragraph) {
    this.out.push(`${'#'.repeat(level)} ${text}\n`);
    if (paragraph) this.out.push(`${paragraph}\n`);
  }

  field(level, label, node, place, { required = false } = {}) {
    node = resolve(node, this.schema);
    const facts = [`\`${typeOf(node, this.schema)}\``];
    if (required) facts.push('required');
    if (node.default !== undefined) facts.push(`default \`${compact(node.default)}\``);
    this.out.push(`${'#'.repeat(level)} \`${label}\`\n`);
    this.out.push(`${facts.join(' · ')}\n`);
    if (node.description) this.out.push(`${prose(node.description)}\n`);
    if (node.enumDescriptions && node.enum) {
      this.out.push(`${node.enum.map((value, index) => `- \`${json(value)}\`: ${prose(node.enumDescriptions[index])}`).join('\n')}\n`);
    }
    const example = firstExample(node);
    if (!example) {
      this.missing.push(label);
      return;
    }
    this.out.push(`\`\`\`jsonc\n${fragment(place(example.value))}\n\`\`\`\n`);
  }

  /** The fields of an object container; nested containers get their fields below them. */
  fields(level, prefix, container, samples, place, { whole = false } = {}) {
    const required = new Set(container.required ?? []);
    for (const [name, property] of Object.entries(container.properties ?? {})) {
      const inner = (value) => place(skeleton(container, samples, {}, name, value, { whole }));
      this.property(level, `${prefix}${name}`, property, at(samples, name), inner, required.has(name));
    }
  }

  /** A property: a field entry, and below it the fields it holds when it is a container. */
  property(level, label, node, inherited, place, required) {
    this.field(level, label, node, place, { required });
    const container = containerOf(node);
    if (!container) return;
    const samples = samplesOf(node, inherited);
    if (container.kind === 'object') return this.fields(level + 1, `${label}.`, container.node, samples, place);
    if (container.kind === 'map') {
      const key = firstExample(node.propertyNames)?.value ?? 'name';
      const entry = (value) => place({ [key]: value });
      this.field(level + 1, `${label}.NAME`, container.node, entry);
      const layers = samples.flatMap((map) => Object.values(map ?? {}));
      return this.fields(level + 1, `${label}.NAME.`, objectBranch(container.node), layers, entry);
    }
    if (container.node.allOf?.some((part) => part.then)) return this.rules(level + 1, label, container.node, samples, place);
    return this.fields(level + 1, `${label}[].`, container.node, samples, (value) => place([value]), { whole: true });
  }

  /** Rules: the fields every kind takes once, then each kind's own fields. */
  rules(level, label, item, samples, place) {
    const branches = item.allOf.filter((part) => part.then).map((part) => resolve(part.then, this.schema));
    const kindOf = (branch) => branch.properties.kind.const;
    const strip = ({ examples: _examples, ...rest }) => JSON.stringify(rest);
    const inRule = (branch, name) => (value) => {
      const kind = kindOf(branch);
      const fixed = { kind, id: firstExample(branch.properties.id)?.value };
      return place([skeleton(branch, samples.filter((rule) => rule?.kind === kind), fixed, name, value, { whole: true })]);
    };
    const first = branches[0];
    const shared = (name) => branches.every((b) => b.properties[name] && strip(b.properties[name]) === strip(first.properties[name]));
    const common = Object.keys(first.properties).filter((name) => !(name in item.properties) && shared(name));
    // Fields every rule takes are shown on the kind that needs the fewest others; "kind" on its example's kind.
    const plainest = [...branches].sort((a, b) => (a.required?.length ?? 0) - (b.required?.length ?? 0))[0];
    const branchFor = (name) => branches.find((b) => name === 'kind' && kindOf(b) === firstExample(item.properties.kind)?.value) ?? plainest;

    this.heading(level, 'Fields every rule takes');
    for (const name of Object.keys(item.properties)) this.field(level + 1, `${label}[].${name}`, item.properties[name], inRule(branchFor(name), name), { required: item.required?.includes(name) });
    for (const name of common) this.field(level + 1, `${label}[].${name}`, first.properties[name], inRule(plainest, name));
    for (const branch of branches) {
      this.heading(level, `Kind \`${kindOf(branch)}\``, prose(branch.description));
      const own = Object.keys(branch.properties).filter((name) => !(name in item.properties) && !common.includes(name));
      if (own.length === 0) this.out.push('No fields beyond those every rule takes.\n');
      for (const name of own) this.field(level + 1, `${label}[].${name}`, branch.properties[name], inRule(branch, name), { required: branch.required?.includes(name) });
    }
  }

  render() {
    const { schema } = this;
    if (schema.description) this.out.push(`${prose(schema.description)}\n`);
    const top = Object.entries(schema.properties);
    this.heading(2, 'Top level');
    for (const [name, property] of top) {
      if (!containerOf(property)) this.field(3, name, property, (value) => ({ [name]: value }));
    }
    for (const [name, property] of top) {
      if (containerOf(property)) this.property(2, name, property, [], (value) => ({ [name]: value }), false);
    }
    if (this.missing.length > 0) {
      throw new Error(`${path.relative(ROOT, SCHEMA_FILE)}: fields without an example (add "examples": [ … ] to each, then run ${REGENERATE}): ${this.missing.join(', ')}`);
    }
    return this.out.join('\n');
  }
}

/** The reference as Markdown; throws when a field has no example. */
export function renderRulesReference(schema) {
  return new Reference(schema).render();
}

function main(args) {
  const schema = JSON.parse(fs.readFileSync(SCHEMA_FILE, 'utf8'));
  const text = renderRulesReference(schema);
  const relative = path.relative(ROOT, REFERENCE_FILE);
  if (args.includes('--check')) {
    const current = fs.existsSync(REFERENCE_FILE) ? fs.readFileSync(REFERENCE_FILE, 'utf8') : '';
    if (current === text) return 0;
    console.error(`${relative} is out of date with the schema: run ${REGENERATE}`);
    return 1;
  }
  fs.mkdirSync(path.dirname(REFERENCE_FILE), { recursive: true });
  fs.writeFileSync(REFERENCE_FILE, text);
  console.log(`wrote ${relative}`);
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  }
}
