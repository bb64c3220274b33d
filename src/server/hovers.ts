import { getLocation } from 'jsonc-parser';
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { rangeContains, toLspRange } from './uris';
import { targetKind, toRelative, type GuardrailsProject, type ProjectResult } from '../core';

/** Hover on an import: where it leads, the layers at both ends, and the rules that guard it. */
export function importHover(project: GuardrailsProject, file: string, position: Position): Hover | undefined {
  const edge = project.edgesFrom(file).find((candidate) => rangeContains(toLspRange(candidate.range), position));
  if (!edge) return undefined;
  const ctx = project.context();
  const layer = (name: string | undefined): string => (name ? `layer **${name}**` : '_no layer_');
  const target = targetKind(edge.to) === 'file' ? `\`${toRelative(project.root, edge.to)}\` (${layer(ctx.layerOf(edge.to))})` : `\`${edge.to}\``;
  const lines = [
    `**Guardrails** · ${edge.kind}${edge.typeOnly && edge.kind !== 'type-only' ? ', type-only' : ''} import`,
    '',
    `\`${toRelative(project.root, file)}\` (${layer(ctx.layerOf(file))}) → ${target}`,
    '',
  ];
  const rules = project.rulesForEdge(edge);
  if (rules.length === 0) lines.push('No rule looks at this import.');
  else {
    lines.push('Rules that apply:', '');
    for (const rule of rules) lines.push(`- \`${rule.id}\` (${rule.kind}, ${rule.severity})${rule.why ? `: ${rule.why}` : ''}`);
  }
  return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n') }, range: toLspRange(edge.range) };
}

/** Hover on a layer name in a rules file: its globs and how many files it holds right now. */
export function rulesFileHover(entry: ProjectResult, document: TextDocument, position: Position): Hover | undefined {
  const location = getLocation(document.getText(), document.offsetAt(position));
  const node = location.previousNode;
  if (!node || (node.type !== 'string' && node.type !== 'property')) return undefined;
  const name = String(node.value);
  const layer = entry.project.config.layers.find((candidate) => candidate.name === name);
  if (!layer) return undefined;
  const ctx = entry.project.context();
  const count = ctx.files.filter((file) => ctx.layerOf(file) === name).length;
  const value = [
    `**Layer ${name}**${layer.description ? ` — ${layer.description}` : ''}`,
    '',
    layer.files.map((ref) => `\`${ref.pattern}\``).join(', '),
    '',
    count === 0 ? '⚠ matches no file' : `${count} file${count === 1 ? '' : 's'}`,
  ].join('\n');
  return { contents: { kind: MarkupKind.Markdown, value }, range: { start: document.positionAt(node.offset), end: document.positionAt(node.offset + node.length) } };
}
