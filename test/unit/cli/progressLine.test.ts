import * as assert from 'node:assert/strict';
import { ProgressLine } from '../../../src/cli/progress';
import { CARRIAGE_RETURN, csi } from '../../../src/core/report/ansi';

/** A terminal's stderr as far as the progress line uses it: what was written, in order. */
function terminal(): { stream: NodeJS.WriteStream; written: string[] } {
  const written: string[] = [];
  return { stream: { write: (text: string) => written.push(text) } as unknown as NodeJS.WriteStream, written };
}

/** Back to the line's start and erase it, as markers the CLI's stderr turns into escape codes. */
const CLEAR = `${CARRIAGE_RETURN}${csi('2K')}`;

describe('cli: the progress line on a terminal', () => {
  it('says how far the files and then the past commits of `windows` have come, and erases itself', () => {
    const { stream, written } = terminal();
    const line = new ProgressLine(stream, true, 0);
    line.update(250, 2161);
    line.history(30, 79);
    line.clear();
    assert.deepEqual(written, [
      `${CLEAR}guardrails: analysing 250/2161 files…`,
      `${CLEAR}guardrails: reading git history: 30/79 past commits analysed…`,
      CLEAR,
    ]);
  });

  it('writes nothing when stderr is not a terminal', () => {
    const { stream, written } = terminal();
    const line = new ProgressLine(stream, false, 0);
    line.history(1, 2);
    line.clear();
    assert.deepEqual(written, []);
  });
});
