import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { FileChangeType } from 'vscode-languageserver';
import { applyFileEvents } from '../../../src/server/fileEvents';
import type { WorkspaceAnalysis } from '../../../src/server/workspaceAnalysis';
import { MemoryFileSystem } from '../helpers/memoryFileSystem';

/** What the events asked of the analysis, in order. */
function recordingAnalysis(): { analysis: WorkspaceAnalysis; calls: string[] } {
  const calls: string[] = [];
  const analysis = {
    fileChanged: (file: string) => calls.push(`file ${path.basename(file)}`),
    tsconfigChanged: (onlyEdited: boolean) => calls.push(onlyEdited ? 'tsconfig edited' : 'tsconfig'),
    jsonChanged: (file: string) => calls.push(`json ${path.basename(file)}`),
    reload: async () => void calls.push('reload'),
    folderDeleted: (dir: string) => calls.push(`folder ${path.basename(dir)}`),
  };
  return { analysis: analysis as unknown as WorkspaceAnalysis, calls };
}

describe('server: files changed on disk', () => {
  const root = path.resolve('/work/app');
  const uri = (rel: string) => pathToFileURL(path.join(root, rel)).toString();

  it('reloads compiler options once for a batch that changes several tsconfig files (a checkout), after its sources', () => {
    const { analysis, calls } = recordingAnalysis();
    applyFileEvents([
      { uri: uri('tsconfig.json'), type: FileChangeType.Changed },
      { uri: uri('packages/a/tsconfig.json'), type: FileChangeType.Changed },
      { uri: uri('src/a.ts'), type: FileChangeType.Changed },
      { uri: uri('packages/b/tsconfig.build.json'), type: FileChangeType.Created },
    ], analysis, { textOf: () => undefined }, new MemoryFileSystem(new Map()));
    assert.deepEqual(calls, ['file a.ts', 'tsconfig']);
  });

  it('re-resolves only if need be when tsconfig files were only edited (a save)', () => {
    const { analysis, calls } = recordingAnalysis();
    applyFileEvents([
      { uri: uri('tsconfig.json'), type: FileChangeType.Changed },
      { uri: uri('packages/a/tsconfig.json'), type: FileChangeType.Changed },
    ], analysis, { textOf: () => undefined }, new MemoryFileSystem(new Map()));
    assert.deepEqual(calls, ['tsconfig edited']);
  });

  it('reloads nothing for a batch without a tsconfig file', () => {
    const { analysis, calls } = recordingAnalysis();
    applyFileEvents([{ uri: uri('src/a.ts'), type: FileChangeType.Deleted }, { uri: uri('baseline.json'), type: FileChangeType.Changed }], analysis, { textOf: () => undefined }, new MemoryFileSystem(new Map()));
    assert.deepEqual(calls, ['file a.ts', 'json baseline.json']);
  });
});
