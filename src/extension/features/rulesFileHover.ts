import { getLocation } from 'jsonc-parser';
import * as vscode from 'vscode';
import type { AnalysisService } from '../analysis/analysisService';

/** Hover on a layer name in a rules file: its globs and how many files it holds right now. */
export class RulesFileHover implements vscode.HoverProvider {
  constructor(private readonly service: AnalysisService) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const entry = this.service.results().find(({ project }) => project.config.file === document.uri.fsPath);
    if (!entry) return undefined;
    const location = getLocation(document.getText(), document.offsetAt(position));
    const node = location.previousNode;
    if (!node || (node.type !== 'string' && node.type !== 'property')) return undefined;
    const name = String(node.value);
    const layer = entry.project.config.layers.find((candidate) => candidate.name === name);
    if (!layer) return undefined;
    const ctx = entry.project.context();
    const count = ctx.files.filter((file) => ctx.layerOf(file) === name).length;
    const markdown = new vscode.MarkdownString();
    markdown.appendMarkdown(`**Layer ${name}**${layer.description ? ` — ${layer.description}` : ''}\n\n`);
    markdown.appendMarkdown(`${layer.files.map((ref) => `\`${ref.pattern}\``).join(', ')}\n\n`);
    markdown.appendMarkdown(count === 0 ? '⚠ matches no file' : `${count} file${count === 1 ? '' : 's'}`);
    const range = new vscode.Range(document.positionAt(node.offset), document.positionAt(node.offset + node.length));
    return new vscode.Hover(markdown, range);
  }
}
