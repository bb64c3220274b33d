import type { Position, Range } from '../model/types';

/**
 * Converts character offsets to 1-based line/column. Line starts are found as far as a lookup
 * needs them (imports sit at the top: most files are never indexed to the end); lookups are a
 * binary search.
 */
export class LineIndex {
  private readonly lineStarts: number[] = [0];
  /** Offset up to which every line start is known. */
  private scanned = 0;
  /** `\r` alone also ends a line: only texts that contain one need the slower scan. */
  private readonly hasCarriageReturn: boolean;

  constructor(readonly text: string) {
    this.hasCarriageReturn = text.includes('\r');
  }

  position(offset: number): Position {
    this.scanThrough(offset);
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - this.lineStarts[low] + 1 };
  }

  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(end) };
  }

  /** Offset of a 1-based position. */
  offset(position: Position): number {
    this.scanThrough(this.text.length);
    const start = this.lineStarts[Math.min(position.line - 1, this.lineStarts.length - 1)] ?? 0;
    return start + position.column - 1;
  }

  /** Records every line start at or before `offset` (and the first one after it). */
  private scanThrough(offset: number): void {
    const text = this.text;
    while (this.scanned <= offset && this.scanned < text.length) {
      if (!this.hasCarriageReturn) {
        const newline = text.indexOf('\n', this.scanned);
        if (newline < 0) {
          this.scanned = text.length;
          return;
        }
        this.lineStarts.push(newline + 1);
        this.scanned = newline + 1;
        continue;
      }
      const ch = text.charCodeAt(this.scanned);
      this.scanned++;
      if (ch === 10 /* \n */) this.lineStarts.push(this.scanned);
      else if (ch === 13 /* \r */) {
        if (text.charCodeAt(this.scanned) === 10) this.scanned++;
        this.lineStarts.push(this.scanned);
      }
    }
  }
}

export function pointRange(line: number, column: number): Range {
  return { start: { line, column }, end: { line, column } };
}
