// The Guardrails language server: the engine in its own process, so no analysis holds up an
// editor, and any editor with an LSP client gets the same diagnostics, quick fixes and hovers.
// This file wires the protocol to the analysis; each feature lives in its own module.
import * as path from 'node:path';
import {
  CodeActionKind, CodeLensRefreshRequest, DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, TextDocumentSyncKind, TextDocuments,
  type Connection, type InitializeParams, type InitializeResult, type WorkspaceFolder,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { codeActions } from './codeActions';
import { DebtAges } from './debtAges';
import { DiagnosticsPublisher } from './diagnosticsPublisher';
import { DocumentSync } from './documentSync';
import { NewCodeBases } from './newCode';
import { applyFileEvents } from './fileEvents';
import { FileCapWarnings } from './fileCapWarnings';
import { importHover, rulesFileHover } from './hovers';
import { LoadProgress } from './loadProgress';
import { HistoryProgressReport } from './historyProgress';
import { ProjectSnapshots } from './projectSnapshots';
import { DEFAULT_SETTINGS, GuardrailsMethods, ServerCommands, type InitializationOptions, type ServerSettings } from './protocol';
import { ruleCodeLenses } from './ruleCodeLens';
import { runServerCommand } from './serverCommands';
import { readSettings } from './settings';
import { statusSummary } from './statusSummary';
import { fileToUri, uriToFile } from './uris';
import { ViewData } from './viewData';
import { registerViewRequests } from './viewRequests';
import { ChangeFrequency } from './changeFrequency';
import { GitHeads } from './gitHead';
import { WindowHolds } from './windowHolds';
import { WorkspaceAnalysis } from './workspaceAnalysis';
import { NodeFileSystem, type FactsWorkers } from '../core';

export interface ServerOptions {
  /** Threads that parse part of a large first load. */
  workers?: FactsWorkers;
  /** This build of the engine: what past commits measured by another build is not reused. */
  engineVersion?: string;
}

export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const documents = new TextDocuments(TextDocument);
  const fs = new NodeFileSystem();
  const log = {
    info: (message: string) => connection.console.info(message),
    warn: (message: string) => connection.console.warn(message),
    error: (message: string) => connection.console.error(message),
  };
  let canConfigure = false;
  let canRegisterConfiguration = false;
  let canWatch = false;
  let canReportProgress = false;
  let canRefreshLenses = false;
  let canFollowFolders = false;
  let canShowDocument = false;
  /** Settings from `initializationOptions`, and those as a client without `configuration` last pushed them. */
  let initialSettings = DEFAULT_SETTINGS;
  let fallbackSettings = DEFAULT_SETTINGS;
  let generation = 0;
  let errorShown = false;
  const progress = new LoadProgress(connection, () => canReportProgress);

  const analysis = new WorkspaceAnalysis(DEFAULT_SETTINGS, log, progress, options.workers);
  let folders: string[] = [];
  /** Git runs only in a trusted workspace (the client says; other editors have no such notion). */
  let trusted = true;
  const gitAllowed = (): boolean => trusted;
  const newCode = new NewCodeBases(analysis, log, gitAllowed);
  const ages = new DebtAges(() => (trusted ? folders[0] : undefined));
  /** The client's storage (`initializationOptions.storagePath`): snapshots, and what history measured. */
  let storagePath: string | undefined;
  const historyDir = (): string | undefined => storagePath && path.join(storagePath, 'history');
  const changes = new ChangeFrequency(historyDir, gitAllowed);
  const holds = new WindowHolds(analysis, fs, log, {
    gitAllowed, historyDir, engineVersion: options.engineVersion, baseResult: (folder) => newCode.baseResult(folder),
  });
  const publisher = new DiagnosticsPublisher(connection, analysis, newCode, holds);
  const heads = new GitHeads(() => folders, gitAllowed);
  const createViewData = (): ViewData => new ViewData(analysis, ages, new ProjectSnapshots(storagePath, fs, log), fs, log, changes, {
    gitAllowed, historyDir: historyDir(), engineVersion: options.engineVersion,
    historyProgress: () => new HistoryProgressReport(connection, canReportProgress),
  });
  let viewData = createViewData();

  const sync = new DocumentSync(documents, analysis, fs, () => {
    viewData.invalidateWindows();
    newCode.poke();
  });
  const textOf = (file: string): string | undefined => sync.textOf(file);

  const sendStatus = (): void => {
    void connection.sendNotification(GuardrailsMethods.status, statusSummary(analysis, newCode, holds, ++generation));
  };

  analysis.onDidChange(() => {
    publisher.update();
    sendStatus();
    if (canRefreshLenses) void connection.sendRequest(CodeLensRefreshRequest.type);
  });
  analysis.onDidChangeState((state) => {
    sendStatus();
    if (state === 'failed' && !errorShown) {
      errorShown = true;
      void connection.window.showErrorMessage('Guardrails: the analysis failed. See the Guardrails output for details.');
    }
  });
  newCode.onDidChange(() => {
    publisher.update();
    sendStatus();
  });
  const capWarnings = new FileCapWarnings();
  analysis.onDidLoad(() => {
    newCode.refresh();
    viewData.invalidateWindows();
    changes.reset();
    void heads.remember();
    void holds.refresh();
    void watchOutsideRules();
    for (const notice of capWarnings.fresh(analysis.folderAnalyses().flatMap((folder) => folder.notices()))) {
      void connection.window.showWarningMessage(`Guardrails: ${notice.message}`);
    }
  });
  holds.onDidChange(() => {
    publisher.update();
    sendStatus();
  });
  // A commit, a checkout or a pull: what ended windows reached and how often files changed may differ.
  heads.onDidMove(() => {
    log.info('git HEAD moved: reading the windows\' ends and the change counts again');
    void holds.refresh();
    changes.refresh();
    viewData.invalidateWindows();
  });
  ages.onDidLearn(sendStatus);
  changes.onDidLearn(sendStatus);

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const capabilities = params.capabilities;
    canConfigure = capabilities.workspace?.configuration === true;
    // Neovim answers `configuration` but registers nothing dynamically (and warns when asked to).
    canRegisterConfiguration = capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    canWatch = capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    canReportProgress = capabilities.window?.workDoneProgress === true;
    canRefreshLenses = capabilities.workspace?.codeLens?.refreshSupport === true;
    canFollowFolders = capabilities.workspace?.workspaceFolders === true;
    canShowDocument = capabilities.window?.showDocument?.support === true;
    const init = (params.initializationOptions ?? {}) as InitializationOptions;
    initialSettings = fallbackSettings = readSettings(init.settings);
    trusted = init.trusted !== false;
    storagePath = init.storagePath;
    viewData = createViewData();
    setFolders(params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: '' }] : []));
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        hoverProvider: true,
        codeLensProvider: { resolveProvider: false },
        executeCommandProvider: { commands: Object.values(ServerCommands) },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'guardrails' },
    };
  });

  const setFolders = (workspaceFolders: readonly WorkspaceFolder[]): void => {
    folders = workspaceFolders.map((folder) => uriToFile(folder.uri)).filter((folder): folder is string => folder !== undefined);
    analysis.setWorkspaceFolders(folders);
    ages.reset();
  };

  /**
   * The `guardrails` section over the initialization options' settings. A client that answers with
   * an error (or not at all to a `configuration` it announced) must still get its analysis.
   */
  const clientSettings = async (): Promise<ServerSettings> => {
    if (!canConfigure) return fallbackSettings;
    try {
      return readSettings(await connection.workspace.getConfiguration('guardrails'), fallbackSettings);
    } catch (error) {
      log.warn(`the client did not answer workspace/configuration (${error instanceof Error ? error.message : String(error)}); using the initialization options`);
      return fallbackSettings;
    }
  };

  connection.onInitialized(async () => {
    if (canRegisterConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'guardrails' });
    if (canWatch) void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*' }] });
    if (canFollowFolders) {
      connection.workspace.onDidChangeWorkspaceFolders(async () => {
        setFolders((await connection.workspace.getWorkspaceFolders()) ?? []);
        void analysis.reload();
      });
    }
    analysis.useSettings(await clientSettings());
    void analysis.reload();
  });

  /** Rules files a workspace `extends` from outside its folders get watchers of their own. */
  let outsideRegistration: { dispose(): void } | undefined;
  const watchOutsideRules = async (): Promise<void> => {
    if (!canWatch) return;
    outsideRegistration?.dispose();
    outsideRegistration = undefined;
    const outside = analysis.rulesSources().filter((file) => !folders.some((folder) => !path.relative(folder, file).startsWith('..')));
    if (outside.length === 0) return;
    outsideRegistration = await connection.client.register(DidChangeWatchedFilesNotification.type, {
      watchers: outside.map((file) => ({ globPattern: { baseUri: fileToUri(path.dirname(file)), pattern: path.basename(file) } })),
    });
  };

  connection.onDidChangeConfiguration(async (params) => {
    // A client that cannot be asked pushes its settings instead, as `{ guardrails: { ... } }` (Neovim 0.7 does).
    const pushed = canConfigure ? undefined : (params.settings as { guardrails?: unknown } | null | undefined)?.guardrails;
    if (pushed !== undefined) fallbackSettings = readSettings(pushed, initialSettings);
    const before = analysis.currentSettings.newSince;
    analysis.updateSettings(await clientSettings());
    if (analysis.currentSettings.newSince !== before) newCode.refresh();
  });
  connection.onDidChangeWatchedFiles((params) => {
    applyFileEvents(params.changes, analysis, { textOf }, fs);
    // A commit, a checkout or a fetch writes under .git: HEAD or the ref may have moved.
    if (params.changes.some((change) => /[\\/]\.git(?:[\\/]|$)/.test(uriToFile(change.uri) ?? ''))) {
      newCode.poke();
      heads.poke();
    }
  });

  connection.onCodeAction((params) => {
    const file = uriToFile(params.textDocument.uri);
    return file ? codeActions(params, file, publisher, (other) => sync.documentText(other), { canShowDocument }) : [];
  });

  connection.onHover((params) => {
    const file = uriToFile(params.textDocument.uri);
    if (!file) return undefined;
    const rules = analysis.results().find(({ project }) => project.config.file === file);
    const document = documents.get(params.textDocument.uri);
    if (rules) return document ? rulesFileHover(rules, document, params.position) : undefined;
    for (const folder of analysis.folderAnalyses()) {
      const project = folder.projectFor(file);
      if (project) return importHover(project, file, params.position);
    }
    return undefined;
  });

  connection.onCodeLens((params) => {
    const file = uriToFile(params.textDocument.uri);
    return file ? ruleCodeLenses(analysis.results(), file) : [];
  });

  connection.onExecuteCommand((params) => runServerCommand(params.command, params.arguments ?? [], { connection, analysis, fs, log }));

  registerViewRequests(connection, analysis, () => viewData, fs);
  connection.onNotification(GuardrailsMethods.cancelLoad, () => progress.cancelCurrent());
  connection.onNotification(GuardrailsMethods.workspaceTrusted, () => {
    if (trusted) return;
    trusted = true;
    newCode.refresh();
    ages.reset();
    changes.reset();
    void heads.remember();
    void holds.refresh();
    viewData.invalidateWindows();
    sendStatus();
  });

  connection.onShutdown(() => {
    newCode.dispose();
    analysis.dispose();
    ages.dispose();
    changes.dispose();
    heads.dispose();
    holds.dispose();
    options.workers?.close();
  });

  documents.listen(connection);
  connection.listen();
}

