// What the windows measured of past commits, kept on disk between runs: a commit's code never
// changes, so its numbers hold for as long as the rules do. Keyed by what the findings depend on
// (the rules as loaded, windows and places left out, so adding a window or a comment keeps it),
// the engine's build and the nested rules files left out. A cache that cannot be read or written
// only costs speed.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { RefactoringWindow, RulesConfig } from '../model/ruleTypes';
import { writeFileAtomic } from '../util/writeFileAtomic';
import type { MeasuredState } from './records';
import { decodeHistory, type StoredHistory } from './historyCacheShape';
import type { RemovedBy } from './windowReport';

const FORMAT = 2;

export interface Totals {
  violations: number;
  debt: number;
}

type Stored = StoredHistory;

export class HistoryCache {
  private dirty: boolean;

  /**
   * @param problem why the file on disk was not usable (a field without its shape): the run
   *   starts empty and writes the cache again.
   */
  private constructor(private readonly file: string | undefined, private readonly stored: Stored, readonly problem?: string) {
    // A cache thrown away is written back whole even if this run measures nothing new.
    this.dirty = problem !== undefined;
  }

  /** A cache that keeps nothing between runs. */
  static none(): HistoryCache {
    return new HistoryCache(undefined, empty(''));
  }

  /** `history-<rules file>.json` in `dir`; `excludeDirs` (nested rules files' folders) are part of the key. */
  static open(dir: string, config: RulesConfig, engineVersion: string, excludeDirs: readonly string[] = []): HistoryCache {
    const key = createHash('sha1').update(JSON.stringify([FORMAT, engineVersion, [...excludeDirs].sort(), findingsConfig(config)])).digest('hex');
    const file = path.join(dir, `history-${createHash('sha1').update(config.file).digest('hex').slice(0, 12)}.json`);
    let parsed: unknown;
    try {
      parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch {
      // No cache yet, or an unreadable one: start empty.
      return new HistoryCache(file, empty(key));
    }
    // Another format or other rules: not this run's numbers, and not worth checking field by field.
    const header = parsed as Partial<Stored> | null;
    if (typeof header !== 'object' || header === null || header.format !== FORMAT || header.key !== key) return new HistoryCache(file, empty(key));
    const decoded = decodeHistory(parsed);
    return new HistoryCache(file, decoded.ok ? decoded.value : empty(key), decoded.ok ? undefined : decoded.why);
  }

  values(commit: string, window: RefactoringWindow): number[] | undefined {
    return this.stored.values[commit]?.[windowKey(window)];
  }

  setValues(commit: string, window: RefactoringWindow, values: number[]): void {
    (this.stored.values[commit] ??= {})[windowKey(window)] = values;
    this.dirty = true;
  }

  totals(commit: string): Totals | undefined {
    return this.stored.totals[commit];
  }

  setTotals(commit: string, totals: Totals): void {
    this.stored.totals[commit] = totals;
    this.dirty = true;
  }

  start(commit: string, window: RefactoringWindow): MeasuredState | undefined {
    return this.stored.starts[`${commit} ${windowKey(window)}`];
  }

  setStart(commit: string, window: RefactoringWindow, state: MeasuredState): void {
    this.stored.starts[`${commit} ${windowKey(window)}`] = { debt: state.debt, violations: state.violations };
    this.dirty = true;
  }

  removals(range: string): Record<string, RemovedBy | null> | undefined {
    return this.stored.removals[range];
  }

  setRemovals(range: string, found: Record<string, RemovedBy | null>): void {
    this.stored.removals[range] = found;
    this.dirty = true;
  }

  moves(range: string): [string, string][] | undefined {
    return this.stored.moves[range];
  }

  setMoves(range: string, moves: [string, string][]): void {
    this.stored.moves[range] = moves;
    this.dirty = true;
  }

  save(): void {
    if (!this.dirty || !this.file) return;
    writeFileAtomic(this.file, JSON.stringify(this.stored), 'history cache');
    this.dirty = false;
  }
}

/** What a window's numbers depend on: its scope and what its goals count (not its title, dates or targets). */
export function windowKey(window: RefactoringWindow): string {
  const goals = window.goals.map((goal) => [goal.metric, goal.rule ?? null, goal.tag ?? null, goal.scope ?? null]);
  return createHash('sha1').update(JSON.stringify([window.scope, goals])).digest('hex').slice(0, 16);
}

function empty(key: string): Stored {
  return { format: FORMAT, key, values: {}, totals: {}, starts: {}, removals: {}, moves: {} };
}

/** The parts of the rules that findings depend on, without where each was written. */
function findingsConfig(config: RulesConfig): string {
  const { include, exclude, layers, rules, debt, baseline, tsconfig, maxFileBytes, root } = config;
  return JSON.stringify({ root, include, exclude, layers, rules, debt, baseline, tsconfig, maxFileBytes }, (key, value: unknown) => (key === 'location' || key === 'idLocation' ? undefined : value));
}
