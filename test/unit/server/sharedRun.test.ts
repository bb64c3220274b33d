import * as assert from 'node:assert/strict';
import { CancellationTokenSource, LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import { SharedRun } from '../../../src/server/sharedRun';

/** A run whose work waits until the test lets it finish, and says whether it was told to stop by then. */
function controlledRun(): { run: SharedRun<string>; finish: () => void } {
  let finish!: () => void;
  const run = new SharedRun(async (isCancelled) => {
    await new Promise<void>((resolve) => (finish = resolve));
    return isCancelled() ? 'stopped' : 'done';
  });
  return { run, finish };
}

const cancelledError = (error: unknown): boolean => error instanceof ResponseError && error.code === LSPErrorCodes.RequestCancelled;

describe('server: a measurement several requests wait for', () => {
  it('stops only once every request waiting for it is cancelled, and each cancelled request is answered RequestCancelled', async () => {
    const { run, finish } = controlledRun();
    const first = new CancellationTokenSource();
    const second = new CancellationTokenSource();
    const a = run.join(first.token);
    const b = run.join(second.token);
    first.cancel();
    await assert.rejects(a, cancelledError);
    second.cancel();
    await assert.rejects(b, cancelledError);
    finish();
    assert.equal(await run.result, 'stopped');
  });

  it('goes on for a request that still waits, which gets the result', async () => {
    const { run, finish } = controlledRun();
    const leaving = new CancellationTokenSource();
    const a = run.join(leaving.token);
    const b = run.join(new CancellationTokenSource().token);
    leaving.cancel();
    await assert.rejects(a, cancelledError);
    finish();
    assert.equal(await b, 'done');
  });

  it('never stops for a caller without a token (a report the server builds for itself)', async () => {
    const { run, finish } = controlledRun();
    const pinned = run.join();
    const leaving = new CancellationTokenSource();
    const a = run.join(leaving.token);
    leaving.cancel();
    await assert.rejects(a, cancelledError);
    finish();
    assert.equal(await pinned, 'done');
  });

  it('answers a request cancelled before it joined at once, without stopping the others', async () => {
    const { run, finish } = controlledRun();
    const staying = run.join(new CancellationTokenSource().token);
    const late = new CancellationTokenSource();
    late.cancel();
    await assert.rejects(run.join(late.token), cancelledError);
    finish();
    assert.equal(await staying, 'done');
  });

  it('gives a request cancelled after the result came the result, and stops nothing', async () => {
    const { run, finish } = controlledRun();
    const source = new CancellationTokenSource();
    const joined = run.join(source.token);
    finish();
    assert.equal(await joined, 'done');
    source.cancel();
    assert.equal(await run.result, 'done');
  });
});
