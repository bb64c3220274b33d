import * as path from 'node:path';
import * as vscode from 'vscode';
import { isInside } from '../../core/util/paths';
import { SOURCE_FILE } from '../../core/graph/discoverFiles';

const TSCONFIG = /(?:^|[\\/])(?:tsconfig[^\\/]*|jsconfig)\.json$/;

export interface WatchHandlers {
  sourceChanged(file: string, deleted: boolean): void;
  /** VS Code reports a deleted folder as one event for the folder, not one per file. */
  folderDeleted(dir: string): void;
  tsconfigChanged(): void;
  /** A JSON file changed on disk: maybe a rules file or a baseline. */
  jsonChanged(file: string): void;
  /** Something only a full reload handles (a new rules file, a new folder of sources). */
  reload(): void;
}

interface Watched {
  onDidLoad: vscode.Event<void>;
  rulesSources(): string[];
}

/**
 * The file-system watchers the analysis needs: sources, folders, tsconfigs, JSON (rules files and
 * baselines), and the rules files a workspace's rules `extends` from outside its folders.
 */
export function watchWorkspace(service: Watched, handlers: WatchHandlers): vscode.Disposable {
  const disposables: vscode.Disposable[] = [];
  const everything = vscode.workspace.createFileSystemWatcher('**/*');
  disposables.push(
    everything,
    everything.onDidCreate((uri) => {
      const file = uri.fsPath;
      if (SOURCE_FILE.test(file)) handlers.sourceChanged(file, false);
      else if (path.basename(file) === 'guardrails.json') handlers.reload();
      else if (TSCONFIG.test(file)) handlers.tsconfigChanged();
      else if (file.endsWith('.json')) handlers.jsonChanged(file);
      // A folder moved or copied in arrives as one event: its files are found here.
      else void sourcesIn(uri).then((files) => files.forEach((source) => handlers.sourceChanged(source, false)));
    }),
    everything.onDidChange((uri) => {
      const file = uri.fsPath;
      if (SOURCE_FILE.test(file)) handlers.sourceChanged(file, false);
      else if (TSCONFIG.test(file)) handlers.tsconfigChanged();
      else if (file.endsWith('.json')) handlers.jsonChanged(file);
    }),
    everything.onDidDelete((uri) => {
      const file = uri.fsPath;
      if (SOURCE_FILE.test(file)) handlers.sourceChanged(file, true);
      else if (TSCONFIG.test(file)) handlers.tsconfigChanged();
      else if (file.endsWith('.json')) handlers.jsonChanged(file);
      else handlers.folderDeleted(file);
    }),
  );

  // Rules files outside every workspace folder (a team file that is `extends`-ed) get watchers of their own.
  let outside: vscode.Disposable[] = [];
  const watchOutside = (): void => {
    for (const watcher of outside) watcher.dispose();
    const folders = (vscode.workspace.workspaceFolders ?? []).map((folder) => folder.uri.fsPath);
    outside = service.rulesSources()
      .filter((file) => !folders.some((folder) => isInside(folder, file)))
      .flatMap((file) => {
        const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(path.dirname(file)), path.basename(file)));
        return [watcher, watcher.onDidChange(() => handlers.jsonChanged(file)), watcher.onDidDelete(() => handlers.reload())];
      });
  };
  disposables.push(service.onDidLoad(watchOutside), { dispose: () => outside.forEach((watcher) => watcher.dispose()) });
  return vscode.Disposable.from(...disposables);
}

/** Source files below a path that turned out to be a folder; none when it is a file. */
async function sourcesIn(uri: vscode.Uri): Promise<string[]> {
  try {
    if ((await vscode.workspace.fs.stat(uri)).type !== vscode.FileType.Directory) return [];
    const found = await vscode.workspace.findFiles(new vscode.RelativePattern(uri, '**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}'), '**/node_modules/**');
    return found.map((file) => file.fsPath);
  } catch {
    return [];
  }
}
