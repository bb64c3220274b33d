// Calendar arithmetic on `YYYY-MM-DD` days (no time zones: a day is a name, as in rules files).

const DAY_MS = 86_400_000;

/** Midnight UTC that starts the day, in milliseconds. */
export function dayStartMs(day: string): number {
  return Date.parse(`${day}T00:00:00Z`);
}

export function addDays(day: string, days: number): string {
  return new Date(dayStartMs(day) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Days from `from` to `to` (`to` − `from`); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((dayStartMs(to) - dayStartMs(from)) / DAY_MS);
}

/** Every day from `from` to `to`, both included; empty when `to` is before `from`. */
export function eachDay(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
}

export function minDay(a: string, b: string): string {
  return a < b ? a : b;
}
