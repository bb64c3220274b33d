// Open documents and the analysis: unsaved text is analysed as it is typed (a rules file's is
// checked for problems), a save is the disk again, a buffer closed without saving goes back to the
// disk. Clients spell URIs their own ways, so open documents are kept by file path.
import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { uriToFile } from './uris';
import type { WorkspaceAnalysis } from './workspaceAnalysis';
import type { FileSystem } from '../core';

export class DocumentSync {
  private readonly openByFile = new Map<string, TextDocument>();

  constructor(
    documents: TextDocuments<TextDocument>,
    analysis: WorkspaceAnalysis,
    private readonly fs: FileSystem,
    /** A document was saved (git state and measured windows may have moved). */
    onSave: () => void,
  ) {
    documents.onDidOpen(({ document }) => {
      const file = uriToFile(document.uri);
      if (file) this.openByFile.set(file, document);
    });
    documents.onDidChangeContent(({ document }) => {
      const file = uriToFile(document.uri);
      if (!file) return;
      const text = document.getText();
      if (analysis.isRulesSource(file)) {
        analysis.validateRulesText(file, text);
        return;
      }
      // Opening a file sends its text: nothing to re-check when it is what the disk holds.
      if (document.version <= 1 && text === fs.readFile(file)) return;
      analysis.fileChanged(file, { text });
    });
    documents.onDidSave(({ document }) => {
      const file = uriToFile(document.uri);
      if (!file) return;
      onSave();
      if (analysis.isRulesSource(file)) void analysis.reload();
      else analysis.fileChanged(file, {});
    });
    documents.onDidClose(({ document }) => {
      const file = uriToFile(document.uri);
      if (!file) return;
      this.openByFile.delete(file);
      // Problems of unsaved rules text go with the buffer; the saved file's stay.
      if (analysis.isRulesSource(file)) analysis.validateRulesText(file);
      // A buffer closed without saving: the disk is the truth again.
      else analysis.fileChanged(file, {});
    });
  }

  /** An open document's text, if the file is open. */
  textOf(file: string): string | undefined {
    return this.openByFile.get(file)?.getText();
  }

  /** What the user sees of a file: its open document, else the disk. */
  documentText(file: string): string | undefined {
    return this.textOf(file) ?? this.fs.readFile(file);
  }
}
