type Level = 'debug' | 'info' | 'warn' | 'error';

// One JSON object per line, so the log shipper needs no parsing rules.
export function log(level: Level, message: string, fields: Readonly<Record<string, unknown>> = {}): void {
  const line = JSON.stringify({ at: new Date().toISOString(), level, message, ...fields });
  if (level === 'error' || level === 'warn') console.error(line);
  else console.log(line);
}
