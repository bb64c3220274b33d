// ISO calendar dates as written in rules files (YYYY-MM-DD).

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `text` is YYYY-MM-DD and names a real day (no February 30th). */
export function isCalendarDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

export function looksLikeIsoDate(text: string): boolean {
  return ISO_DATE.test(text);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}
