// A parsed rules file: its text, the jsonc syntax tree, and the means to turn any node
// into a Location. Everything downstream reads values through these helpers so that each
// value keeps the place where it was written.
import type { Node } from 'jsonc-parser';
import type { Location } from '../model/types';
import { type LineIndex } from '../util/positions';

export type { Node as JsonNode } from 'jsonc-parser';

export interface JsonDocument {
  /** Absolute path of the file. */
  file: string;
  text: string;
  /** Undefined when the text holds no value at all. */
  root: Node | undefined;
  lines: LineIndex;
  /** True when the text is not valid JSONC (the tree is then the parser's best guess). */
  hasSyntaxError: boolean;
}

/** A node together with the document it belongs to (values travel between files through `extends`). */
export interface Located {
  doc: JsonDocument;
  node: Node;
}

export function nodeLocation(doc: JsonDocument, node: Node): Location {
  return { file: doc.file, range: doc.lines.range(node.offset, node.offset + node.length) };
}

/** Location of the first character of a node: for objects, whose full range spans many lines. */
export function startLocation(doc: JsonDocument, node: Node): Location {
  return { file: doc.file, range: doc.lines.range(node.offset, node.offset + 1) };
}

export function fileStartLocation(file: string): Location {
  return { file, range: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } } };
}

/** The value node of `key` in an object node. */
export function propertyValue(node: Node | undefined, key: string): Node | undefined {
  return propertyNode(node, key)?.children?.[1];
}

/** The property node (key and value) of `key`; the last one when a key is repeated, as JSON.parse does. */
export function propertyNode(node: Node | undefined, key: string): Node | undefined {
  if (node?.type !== 'object') return undefined;
  let found: Node | undefined;
  for (const property of node.children ?? []) {
    if (property.children?.[0]?.value === key) found = property;
  }
  return found;
}

/** Key/value pairs of an object node, in the order written; properties without a value are skipped. */
export function objectEntries(node: Node | undefined): Array<{ key: string; keyNode: Node; value: Node }> {
  if (node?.type !== 'object') return [];
  const entries: Array<{ key: string; keyNode: Node; value: Node }> = [];
  for (const property of node.children ?? []) {
    const [keyNode, value] = property.children ?? [];
    if (keyNode && value && typeof keyNode.value === 'string') entries.push({ key: keyNode.value, keyNode, value });
  }
  return entries;
}

export function arrayItems(node: Node | undefined): Node[] {
  return node?.type === 'array' ? node.children ?? [] : [];
}

export function stringValue(node: Node | undefined): string | undefined {
  return node?.type === 'string' && typeof node.value === 'string' ? node.value : undefined;
}

export function numberValue(node: Node | undefined): number | undefined {
  return node?.type === 'number' && typeof node.value === 'number' ? node.value : undefined;
}

export function booleanValue(node: Node | undefined): boolean | undefined {
  return node?.type === 'boolean' && typeof node.value === 'boolean' ? node.value : undefined;
}

/** A string, or each string of an array, with its node; other values are skipped (the schema reports them). */
export function stringsOf(node: Node | undefined): Array<{ value: string; node: Node }> {
  if (!node) return [];
  if (node.type === 'string') return [{ value: String(node.value), node }];
  return arrayItems(node)
    .filter((item) => item.type === 'string')
    .map((item) => ({ value: String(item.value), node: item }));
}
