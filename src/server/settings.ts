import { isCalendarDate } from '../core';
import { DEFAULT_SETTINGS, FINDING_KINDS, type FindingKind, type ServerSettings } from './protocol';

/**
 * Settings as a client sent them (any shape: `workspace/configuration`, initialization options),
 * checked value by value: what is missing or malformed takes its default.
 */
export function readSettings(raw: unknown, fallback: ServerSettings = DEFAULT_SETTINGS): ServerSettings {
  const value = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const strings = (input: unknown, otherwise: string[]): string[] =>
    Array.isArray(input) && input.every((item) => typeof item === 'string') ? [...input] : otherwise;
  const number = (input: unknown, otherwise: number, min: number, max: number): number =>
    typeof input === 'number' && Number.isFinite(input) ? Math.min(max, Math.max(min, input)) : otherwise;
  const show = strings(value.show, fallback.show).filter((kind): kind is FindingKind => (FINDING_KINDS as readonly string[]).includes(kind));
  return {
    enable: typeof value.enable === 'boolean' ? value.enable : fallback.enable,
    debounceMs: number(value.debounceMs, fallback.debounceMs, 0, 5000),
    show,
    include: strings(value.include, fallback.include),
    exclude: strings(value.exclude, fallback.exclude),
    maxFiles: number(value.maxFiles, fallback.maxFiles, 1, 1_000_000),
    // A day that exists (2026-02-30 does not), or empty for the real date.
    today: typeof value.today === 'string' && (value.today === '' || isCalendarDate(value.today)) ? value.today : fallback.today,
    newSince: typeof value.newSince === 'string' ? value.newSince.trim() : fallback.newSince,
  };
}
