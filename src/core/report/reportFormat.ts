// Small wording helpers shared by the text reports, so summary lines read the same everywhere.

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Hours as people estimate: `4h` below a day, `3.5d` from a day on (1d = 8h). */
export function formatHours(hours: number): string {
  if (hours < 8) return `${trimNumber(hours)}h`;
  return `${trimNumber(hours / 8)}d`;
}

/** At most one decimal, no trailing `.0`. */
export function trimNumber(n: number): string {
  return String(Math.round(n * 10) / 10);
}

export function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

/** Collapses a possibly multi-line text to one line. */
export function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
