import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type DocumentSelector, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import type { CodeActionData, InitializationOptions } from '../../server/protocol';
import { COMMANDS } from '../commands/commandIds';

/** Sources the server analyses, and rules files it checks as they are typed. */
const DOCUMENTS: DocumentSelector = [
  { scheme: 'file', language: 'typescript' }, { scheme: 'file', language: 'typescriptreact' },
  { scheme: 'file', language: 'javascript' }, { scheme: 'file', language: 'javascriptreact' },
  { scheme: 'file', pattern: '**/*guardrails*.json' },
];

/**
 * The language client: the server (`dist/server.js`) runs in its own Node process over IPC, so no
 * analysis ever holds up the extension host.
 */
export function createLanguageClient(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  // Asked again on every (re)start: Restricted Mode keeps git from running (see the README).
  const initializationOptions = (): InitializationOptions => ({ storagePath: context.storageUri?.fsPath, trusted: vscode.workspace.isTrusted });
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENTS,
    outputChannel: log,
    diagnosticCollectionName: 'guardrails',
    initializationOptions,
    middleware: { provideCodeActions: async (document, range, context, token, next) => withSnippets(await next(document, range, context, token)) },
  };
  return new LanguageClient('guardrails', 'Guardrails', serverOptions, clientOptions);
}

/**
 * The server's plain-text quick fixes that VS Code can do better: "Ignore this line" and "Add an
 * owner" become snippets that leave the cursor on the reason or the owner to type.
 */
function withSnippets(actions: (vscode.Command | vscode.CodeAction)[] | null | undefined): (vscode.Command | vscode.CodeAction)[] | undefined {
  return actions?.map((action) => {
    const data = (action as { data?: CodeActionData }).data;
    if (!(action instanceof vscode.CodeAction) || !data) return action;
    const uri = vscode.Uri.parse(data.uri);
    if (data.type === 'ignoreLine') {
      action.edit = undefined;
      action.command = { title: action.title, command: COMMANDS.ignoreLine, arguments: [uri, data.line, data.ruleId] };
    } else if (data.type === 'addOwner') {
      action.edit = undefined;
      action.command = { title: action.title, command: COMMANDS.addOwner, arguments: [uri, new vscode.Range(data.line, data.character, data.line, data.endCharacter)] };
    }
    return action;
  });
}
