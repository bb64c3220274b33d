// Seeded property runs: the same inputs on every run, so a failure replays. fast-check prints the
// seed and the path of a failing input; replay it with
//   GUARDRAILS_PROPERTY_SEED=<seed> GUARDRAILS_PROPERTY_PATH=<path> npm run test:unit
// and GUARDRAILS_PROPERTY_RUNS=<factor> runs every property that many times longer.
import fc from 'fast-check';

export const SEED = Number(process.env.GUARDRAILS_PROPERTY_SEED ?? 20_260_412);
const FACTOR = Number(process.env.GUARDRAILS_PROPERTY_RUNS ?? 1);
const REPLAY_PATH = process.env.GUARDRAILS_PROPERTY_PATH;

/** No single input may take longer than this: a hang guard, far above any input's real cost. */
export const PER_INPUT_MS = 2_000;

/** Runs per property, for the report. */
export const runCounts = new Map<string, number>();

/** Asserts `check` for `runs` generated inputs: it must return within PER_INPUT_MS and not throw. */
export function holds<T>(name: string, arbitrary: fc.Arbitrary<T>, runs: number, check: (value: T) => void): void {
  const numRuns = Math.max(1, Math.round(runs * FACTOR));
  fc.assert(
    fc.property(arbitrary, (value) => {
      const started = process.hrtime.bigint();
      check(value);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (ms > PER_INPUT_MS) throw new Error(`one input took ${ms.toFixed(0)} ms (bound ${PER_INPUT_MS} ms)`);
    }),
    { seed: SEED, numRuns, ...(REPLAY_PATH ? { path: REPLAY_PATH } : {}) },
  );
  runCounts.set(name, numRuns);
}

/** One line for the closing note: each property and its number of runs. */
export function describeCounts(names: readonly string[]): string {
  return names.map((name) => `${name}: ${runCounts.get(name) ?? 0}`).join(', ');
}

export { MemoryFileSystem } from '../helpers/memoryFileSystem';
