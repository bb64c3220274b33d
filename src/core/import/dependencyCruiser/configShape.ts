// Reading a dependency-cruiser configuration as plain data: it comes from the user's file, so
// every field is checked for its type before it is used.

export type Dict = Record<string, unknown>;

export function isDict(value: unknown): value is Dict {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A `path`-like field: a regex or a list of them (dependency-cruiser joins lists with "|"). */
export function regexField(value: unknown): string | undefined | { invalid: true } {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value.length === 0 ? undefined : value.join('|');
  return { invalid: true };
}

export function stringList(value: unknown): string[] | undefined {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  return undefined;
}

export function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** dependency-cruiser severity → Guardrails severity (an unknown one is "warn" there too). */
export function severityOf(value: unknown): 'error' | 'warning' | 'info' | 'off' {
  switch (value) {
    case 'error':
      return 'error';
    case 'info':
      return 'info';
    case 'ignore':
      return 'off';
    default:
      return 'warning';
  }
}
