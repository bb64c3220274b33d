import * as vscode from 'vscode';
import { todayIso } from '../core/util/today';

/** Kinds of findings a user can hide from the editor (the CLI always reports all). */
export type FindingKind = 'architecture' | 'cycles' | 'unresolved' | 'debt' | 'suppressions';
export const FINDING_KINDS: readonly FindingKind[] = ['architecture', 'cycles', 'unresolved', 'debt', 'suppressions'];

/** Settings read once into a frozen snapshot; rebuilt when the user changes them. */
export interface Settings {
  readonly enable: boolean;
  readonly debounceMs: number;
  readonly show: ReadonlySet<FindingKind>;
  /** Extra globs, on top of the rules file's own. */
  readonly include: readonly string[];
  readonly exclude: readonly string[];
  /** Stop reading a workspace folder after this many source files. */
  readonly maxFiles: number;
  /** `YYYY-MM-DD` fixed by the user (reproducible reports, demos); empty for the real date. */
  readonly today: string;
}

/** The date due dates and windows are measured against. */
export function effectiveToday(settings: Settings): string {
  return settings.today || todayIso();
}

export function readSettings(scope?: vscode.ConfigurationScope): Settings {
  const config = vscode.workspace.getConfiguration('guardrails', scope);
  const show = config.get<string[]>('show', [...FINDING_KINDS]);
  return Object.freeze({
    enable: config.get<boolean>('enable', true),
    debounceMs: clamp(config.get<number>('debounceMs', 300), 0, 5000),
    show: new Set(FINDING_KINDS.filter((kind) => show.includes(kind))),
    include: config.get<string[]>('include', []),
    exclude: config.get<string[]>('exclude', []),
    maxFiles: clamp(config.get<number>('maxFiles', 50000), 1, 1_000_000),
    today: /^\d{4}-\d{2}-\d{2}$/.test(config.get<string>('today', '')) ? config.get<string>('today', '') : '',
  });
}

function clamp(value: number, min: number, max: number): number {
  return Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : min;
}
