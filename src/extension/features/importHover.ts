import * as vscode from 'vscode';
import { targetKind } from '../../core/checks/checkContext';
import { rulesForEdge } from '../../core/checks/rulesForEdge';
import type { AnalysisService } from '../analysis/analysisService';
import { toRelative } from '../../core/util/paths';
import { toVscodeRange } from '../diagnostics/convert';

/** Hover on an import: where it leads, the layers at both ends, and the rules that guard it. */
export class ImportHover implements vscode.HoverProvider {
  constructor(private readonly service: AnalysisService) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const file = document.uri.fsPath;
    for (const folder of this.service.folderAnalyses()) {
      const project = folder.projectFor(file);
      if (!project) continue;
      const edge = project.edgesFrom(file).find((candidate) => toVscodeRange(candidate.range).contains(position));
      if (!edge) return undefined;
      const ctx = project.context();
      const isFile = targetKind(edge.to) === 'file';
      const layer = (layerName: string | undefined): string => (layerName ? `layer **${layerName}**` : '_no layer_');
      const target = isFile ? `\`${toRelative(project.root, edge.to)}\` (${layer(ctx.layerOf(edge.to))})` : `\`${edge.to}\``;
      const markdown = new vscode.MarkdownString(undefined, true);
      markdown.appendMarkdown(`**Guardrails** · ${edge.kind}${edge.typeOnly && edge.kind !== 'type-only' ? ', type-only' : ''} import\n\n`);
      markdown.appendMarkdown(`\`${toRelative(project.root, file)}\` (${layer(ctx.layerOf(file))}) → ${target}\n\n`);
      const rules = rulesForEdge(edge, ctx);
      if (rules.length === 0) markdown.appendMarkdown('No rule looks at this import.');
      else {
        markdown.appendMarkdown('Rules that apply:\n');
        for (const rule of rules) markdown.appendMarkdown(`\n- \`${rule.id}\` (${rule.kind}, ${rule.severity})${rule.why ? `: ${rule.why}` : ''}`);
      }
      return new vscode.Hover(markdown, toVscodeRange(edge.range));
    }
    return undefined;
  }
}
