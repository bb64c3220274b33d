import * as path from 'node:path';
import type { Connection } from 'vscode-languageserver';
import type { Log } from './folderAnalysis';
import { ServerCommands } from './protocol';
import { fileToUri, toLspRange } from './uris';
import type { WorkspaceAnalysis } from './workspaceAnalysis';
import { addToBaseline, baselineFileOf, projectBaselineTarget, writeBaselineFor, type FileSystem, type Violation } from '../core';

interface CommandContext {
  connection: Connection;
  analysis: WorkspaceAnalysis;
  fs: FileSystem;
  log: Log;
}

/** `workspace/executeCommand`: what the quick fixes run on the server. Returns what a client may show. */
export async function runServerCommand(command: string, args: readonly unknown[], ctx: CommandContext): Promise<boolean> {
  switch (command) {
    case ServerCommands.addToBaseline:
      return addViolationToBaseline(args[0] as Violation, String(args[1]), ctx);
    case ServerCommands.updateBaseline:
      return setBaselines(ctx);
    case ServerCommands.openRule: {
      const [file, line, column] = args as [string, number, number];
      const position = { line: Math.max(0, line - 1), column: Math.max(1, column) };
      const range = toLspRange({ start: { line: position.line + 1, column: position.column }, end: { line: position.line + 1, column: position.column } });
      return (await ctx.connection.window.showDocument({ uri: fileToUri(file), selection: range, takeFocus: true })).success;
    }
    case ServerCommands.openTicket: {
      const url = String(args[0]);
      // Only web pages: a rules file must not be able to make an editor open another scheme.
      if (!/^https?:\/\//i.test(url)) return false;
      return (await ctx.connection.window.showDocument({ uri: url, external: true })).success;
    }
    default:
      return false;
  }
}

async function addViolationToBaseline(violation: Violation, rulesFile: string, ctx: CommandContext): Promise<boolean> {
  const entry = ctx.analysis.results().find(({ project }) => project.config.file === rulesFile);
  if (!entry) return false;
  const config = entry.project.config;
  const refuse = (message: string): false => {
    ctx.log.warn(`cannot add to the baseline: ${message}`);
    void ctx.connection.window.showWarningMessage(`Guardrails: cannot add to the baseline: ${message}`);
    return false;
  };
  // The rules file's baseline, or `.guardrails/baseline.json` when that does not lead outside its folder.
  const target = baselineFileOf(config, ctx.fs);
  if (!target.ok) return refuse(target.message);
  const file = target.file;
  const written = addToBaseline(file, violation, config.root, ctx.fs);
  if (!written.ok) return refuse(written.message);
  ctx.analysis.baselineChanged(file);
  return true;
}

/** Set Baseline: every current finding of every rules file becomes known, in its own baseline. */
async function setBaselines(ctx: CommandContext): Promise<boolean> {
  await ctx.analysis.whenIdle();
  const written: string[] = [];
  for (const { project, result } of ctx.analysis.results()) {
    const target = projectBaselineTarget(project.config, result.violations, ctx.fs);
    const done = target.ok ? writeBaselineFor(target.target, result.notices, ctx.fs) : target;
    if (!done.ok) {
      ctx.log.warn(`cannot set the baseline: ${done.message}`);
      void ctx.connection.window.showWarningMessage(`Guardrails: cannot set the baseline: ${done.message}`);
      return false;
    }
    written.push(`${done.count} in ${path.relative(project.root, done.file)}`);
    ctx.analysis.baselineChanged(done.file);
  }
  if (written.length === 0) return false;
  ctx.log.info(`baseline set: ${written.join('; ')}`);
  void ctx.connection.window.showInformationMessage(`Guardrails recorded the current findings as known (${written.join('; ')}); only new ones count from now on. Commit the baseline so CI reads it too.`);
  return true;
}
