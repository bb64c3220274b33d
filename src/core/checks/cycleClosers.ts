// Which import of each cycle carries its finding (`"report": "cycles"`). By default the step back
// to the cycle's smallest file, so a cycle's finding stays put from run to run. Two things move it
// to the import that made the cycle, so a new cycle is reported where it was written:
//   - an import added since the editor's first check (a cycle through it is new);
//   - a baseline: when more cycles close on a known import than the baseline lists there, the
//     extra ones are new. They move to the import not in the baseline that explains the most of
//     them while taking along the fewest of the others: the import whose removal brings the
//     counts back to what the baseline knows, which is the import that closed them.
import type { PairFacts } from './tangleAnalysis';

/** For each cycle (nodes from its smallest, step back implied), the index i of its closing step nodes[i] → nodes[i + 1]. */
export function closingSteps(cycles: readonly (readonly string[])[], facts: (from: string, to: string) => PairFacts): number[] {
  const step = (cycle: readonly string[], i: number): [string, string] => [cycle[i], cycle[(i + 1) % cycle.length]];
  const closers = cycles.map((cycle) => {
    // The default first, then round the cycle from its start.
    for (let k = 0; k < cycle.length; k++) {
      const i = (cycle.length - 1 + k) % cycle.length;
      if (facts(...step(cycle, i)).fresh) return i;
    }
    return cycle.length - 1;
  });

  // Cycles on each known import, beyond what the baseline lists there.
  const byKey = new Map<string, number[]>();
  cycles.forEach((cycle, c) => {
    const key = pairKey(...step(cycle, closers[c]));
    const list = byKey.get(key);
    if (list) list.push(c);
    else byKey.set(key, [c]);
  });
  const excess = new Map<string, number>();
  const pool = new Map<string, number[]>();
  for (const [key, list] of byKey) {
    const known = facts(...splitKey(key)).known;
    if (known > 0 && list.length > known) {
      excess.set(key, list.length - known);
      pool.set(key, list);
    }
  }

  while (excess.size > 0) {
    // Imports not in the baseline, with the pooled cycles through them, by the known import they close on.
    const candidates = new Map<string, Map<string, number[]>>();
    for (const [over, list] of pool) {
      for (const c of list) {
        const cycle = cycles[c];
        for (let i = 0; i < cycle.length; i++) {
          const pair = step(cycle, i);
          if (facts(...pair).known > 0) continue;
          const key = pairKey(...pair);
          let through = candidates.get(key);
          if (!through) candidates.set(key, (through = new Map<string, number[]>()));
          const cyclesOf = through.get(over);
          if (cyclesOf) cyclesOf.push(c);
          else through.set(over, [c]);
        }
      }
    }
    let best: { key: string; explained: number; waste: number; fresh: boolean } | undefined;
    for (const [key, through] of candidates) {
      let explained = 0;
      let total = 0;
      for (const [over, list] of through) {
        explained += Math.min(excess.get(over)!, list.length);
        total += list.length;
      }
      const candidate = { key, explained, waste: total - explained, fresh: facts(...splitKey(key)).fresh };
      if (!best || better(candidate, best)) best = candidate;
    }
    if (!best || best.explained === 0) break;
    for (const [over, list] of candidates.get(best.key)!) {
      const moved = list.slice(0, excess.get(over));
      for (const c of moved) closers[c] = cycles[c].findIndex((_, i) => pairKey(...step(cycles[c], i)) === best.key);
      const left = excess.get(over)! - moved.length;
      if (left > 0) {
        excess.set(over, left);
        pool.set(over, pool.get(over)!.filter((c) => !moved.includes(c)));
      } else {
        excess.delete(over);
        pool.delete(over);
      }
    }
  }
  return closers;
}

function better(a: { key: string; explained: number; waste: number; fresh: boolean }, b: typeof a): boolean {
  if (a.explained !== b.explained) return a.explained > b.explained;
  if (a.waste !== b.waste) return a.waste < b.waste;
  if (a.fresh !== b.fresh) return a.fresh;
  return a.key < b.key;
}

function pairKey(from: string, to: string): string {
  return `${from}\u0000${to}`;
}

function splitKey(key: string): [string, string] {
  const at = key.indexOf('\u0000');
  return [key.slice(0, at), key.slice(at + 1)];
}
