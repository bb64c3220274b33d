import * as assert from 'node:assert/strict';
import type { Connection } from 'vscode-languageserver';
import { HistoryProgressReport } from '../../../src/server/historyProgress';

/** A client's side of work-done progress: what it was told, in order. */
function recordingConnection(): { connection: Connection; told: string[] } {
  const told: string[] = [];
  const reporter = {
    begin: (_title: string, percentage: number, message: string) => told.push(`begin ${percentage} ${message}`),
    report: (percentage: number, message: string) => told.push(`report ${percentage} ${message}`),
    done: () => told.push('done'),
  };
  const connection = { window: { createWorkDoneProgress: async () => reporter } };
  return { connection: connection as unknown as Connection, told };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('server: progress of reading git history', () => {
  it('begins at the first count, never goes back when more past commits are asked for, and ends', async () => {
    const { connection, told } = recordingConnection();
    const progress = new HistoryProgressReport(connection, true);
    progress.report(0, 4);
    progress.report(2, 4);
    progress.report(4, 4);
    progress.report(4, 5);
    progress.report(5, 5);
    progress.done();
    await settle();
    assert.deepEqual(told, [
      'begin 0 reading git history: 0/4 past commits analysed',
      'report 50 reading git history: 2/4 past commits analysed',
      'report 100 reading git history: 4/4 past commits analysed',
      'done',
    ]);
  });

  it('tells nothing to a client that cannot show progress, or when nothing is to be analysed', async () => {
    const off = recordingConnection();
    new HistoryProgressReport(off.connection, false).report(1, 2);
    const none = recordingConnection();
    const empty = new HistoryProgressReport(none.connection, true);
    empty.report(0, 0);
    empty.done();
    await settle();
    assert.deepEqual([off.told, none.told], [[], []]);
  });
});
