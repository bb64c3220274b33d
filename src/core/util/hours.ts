/** `8.5d` for 68 hours, `4h` below a day: estimates add up in working days of 8 hours. */
export function formatHours(hours: number): string {
  return hours < 8 ? `${Math.round(hours * 10) / 10}h` : `${Math.round((hours / 8) * 10) / 10}d`;
}
