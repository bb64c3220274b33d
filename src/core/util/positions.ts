import type { Position, Range } from '../types';

/**
 * Converts character offsets to 1-based line/column. Built once per text; lookups are a binary search.
 */
export class LineIndex {
  private readonly lineStarts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 10 /* \n */) this.lineStarts.push(i + 1);
      else if (ch === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.lineStarts.push(i + 1);
      }
    }
  }

  position(offset: number): Position {
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
    const start = this.lineStarts[Math.min(position.line - 1, this.lineStarts.length - 1)] ?? 0;
    return start + position.column - 1;
  }
}

export function pointRange(line: number, column: number): Range {
  return { start: { line, column }, end: { line, column } };
}
