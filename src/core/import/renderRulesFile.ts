// Prints an imported configuration as guardrails.json text: a comment header saying where it
// came from (and what did not come along), keys in a stable order, 2-space indent, short lists on
// one line so the rules read like hand-written ones. No `$schema`: the extension gives every
// guardrails.json its schema by name, and a URL there would send VS Code to the network for it.
import { formatNote, type ImportResult } from './importResult';

const TOP_ORDER = ['include', 'exclude', 'tsconfig', 'layers', 'rules'];
const RULE_ORDER = ['id', 'kind', 'severity', 'from', 'to', 'toPackages', 'toBuiltins', 'order', 'allowUnlayered', 'scope', 'level', 'modules', 'entry', 'ignore', 'allowTypeOnly', 'kinds', 'exceptions', 'why'];
const INLINE_WIDTH = 100;

export interface RenderOptions {
  /** The tool, as in the command: "dependency-cruiser", "eslint-boundaries". */
  tool: string;
  /** The imported file, as the user named it. */
  file: string;
  version: string;
}

export function renderRulesFile(result: ImportResult, options: RenderOptions): string {
  const header = [
    `// Imported from ${options.file} by \`guardrails import ${options.tool}\` (Guardrails ${options.version}).`,
    '// Globs are relative to the folder of this file: keep it where the imported configuration was.',
  ];
  if (result.notes.length > 0) {
    header.push('// What did not come along, or came with a difference (the import printed the same list):');
    for (const note of result.notes) header.push(`//   ${formatNote(note)}`);
  }
  const ordered = orderKeys({ ...result.config }, TOP_ORDER);
  if (Array.isArray(ordered.rules)) ordered.rules = ordered.rules.map((rule) => orderKeys(rule as Record<string, unknown>, RULE_ORDER));
  return `${header.join('\n')}\n${print(ordered, '')}\n`;
}

function orderKeys(object: Record<string, unknown>, order: readonly string[]): Record<string, unknown> {
  const rank = (key: string): number => (order.includes(key) ? order.indexOf(key) : order.length);
  const keys = Object.keys(object).filter((key) => object[key] !== undefined);
  keys.sort((a, b) => rank(a) - rank(b));
  return Object.fromEntries(keys.map((key) => [key, object[key]]));
}

function print(value: unknown, indent: string): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const inline = `[${value.map((item) => print(item, '')).join(', ')}]`;
    if (value.every((item) => typeof item !== 'object' || item === null) && inline.length + indent.length <= INLINE_WIDTH) return inline;
    const inner = `${indent}  `;
    return `[\n${value.map((item) => `${inner}${print(item, inner)}`).join(',\n')}\n${indent}]`;
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value);
    if (entries.length === 0) return '{}';
    const inner = `${indent}  `;
    return `{\n${entries.map(([key, item]) => `${inner}${JSON.stringify(key)}: ${print(item, inner)}`).join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value);
}
