import { CARRIAGE_RETURN, csi } from '../core';

/**
 * A one-line progress indicator on a terminal's stderr, shown only when a run takes long enough to
 * wonder about, and erased before the report is printed.
 */
export class ProgressLine {
  private readonly started = Date.now();
  private shown = false;

  constructor(private readonly stream: NodeJS.WriteStream, private readonly enabled: boolean, private readonly delayMs = 400) {}

  update(done: number, total: number): void {
    this.show(`analysing ${done}/${total} files…`);
  }

  /** `guardrails windows` after the working tree: the past commits its windows and trend need. */
  history(done: number, total: number): void {
    this.show(`reading git history: ${done}/${total} past commits analysed…`);
  }

  private show(message: string): void {
    if (!this.enabled || Date.now() - this.started < this.delayMs) return;
    this.shown = true;
    this.stream.write(`${CLEAR_LINE}guardrails: ${message}`);
  }

  clear(): void {
    if (this.shown) this.stream.write(CLEAR_LINE);
    this.shown = false;
  }
}

/** Back to the start of the line and erase it (trusted markers: the stream escapes anything else). */
const CLEAR_LINE = `${CARRIAGE_RETURN}${csi('2K')}`;
