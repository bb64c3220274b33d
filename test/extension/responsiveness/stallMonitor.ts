// How long the extension host's event loop is held up, measured from inside it two ways: Node's
// event-loop delay histogram (perf_hooks, 10 ms resolution) and a 10 ms interval timer whose
// lateness is the time nothing else could run. Every extension shares this loop, so a stall here
// is a stall of every other extension's hovers, completions and commands.
//
// On a busy machine the process is also simply off the CPU at times, which looks the same from
// inside. So each stall also says how much of it the process spent on the CPU (its user + system
// time over the same interval, at most the stall): that part was work done in this process.
import { monitorEventLoopDelay, performance, type IntervalHistogram } from 'node:perf_hooks';

const TICK_MS = 10;
/** Stalls longer than this are listed one by one (when, how long, what the analysis was doing). */
export const LISTED_STALL_MS = 50;

export interface Stall {
  /** Milliseconds after the measurement started. */
  atMs: number;
  ms: number;
  /** How much of it the process was on the CPU. */
  busyMs: number;
  /** What `label()` returned when the loop came back (the analysis state, say). */
  during: string;
}

export interface StallReport {
  name: string;
  durationMs: number;
  /** The longest time the loop was held up: the larger of the two measures. */
  maxMs: number;
  /** The interval timer: largest and 99th-percentile lateness, ticks seen. */
  timer: { maxMs: number; p99Ms: number; ticks: number };
  /** The longest stall counting only the time the process was on the CPU: work, not a busy machine. */
  busyMaxMs: number;
  /** perf_hooks.monitorEventLoopDelay: largest and 99th-percentile delay. */
  histogram: { maxMs: number; p99Ms: number };
  /** Every stall over LISTED_STALL_MS, in order. */
  stalls: Stall[];
  /** The labels seen at the ticks (e.g. 'analysing', 'idle'), to show the measurement saw the work. */
  seen: Set<string>;
}

export class StallMonitor {
  private readonly histogram: IntervalHistogram = monitorEventLoopDelay({ resolution: TICK_MS });
  private readonly lateness: number[] = [];
  private readonly stalls: Stall[] = [];
  private readonly seen = new Set<string>();
  private readonly started = performance.now();
  private last = this.started;
  private lastCpu = cpuMs();
  private busyMax = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly name: string, private readonly label: () => string = () => '') {
    this.histogram.enable();
    this.seen.add(label());
    this.timer = setInterval(() => this.tick(), TICK_MS);
  }

  private tick(): void {
    const now = performance.now();
    const cpu = cpuMs();
    const late = Math.max(0, now - this.last - TICK_MS);
    const busy = Math.min(late, cpu - this.lastCpu);
    this.last = now;
    this.lastCpu = cpu;
    this.lateness.push(late);
    this.busyMax = Math.max(this.busyMax, busy);
    const during = this.label();
    this.seen.add(during);
    if (late > LISTED_STALL_MS) this.stalls.push({ atMs: Math.round(now - late - this.started), ms: Math.round(late), busyMs: Math.round(busy), during });
  }

  stop(): StallReport {
    clearInterval(this.timer);
    this.tick();
    this.histogram.disable();
    const sorted = [...this.lateness].sort((a, b) => a - b);
    const p99 = sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))] ?? 0;
    const timer = { maxMs: round(sorted[sorted.length - 1] ?? 0), p99Ms: round(p99), ticks: sorted.length };
    const histogram = { maxMs: round(this.histogram.max / 1e6), p99Ms: round(this.histogram.percentile(99) / 1e6) };
    return {
      name: this.name,
      durationMs: Math.round(performance.now() - this.started),
      maxMs: Math.max(timer.maxMs, histogram.maxMs),
      timer,
      busyMaxMs: round(this.busyMax),
      histogram,
      stalls: this.stalls,
      seen: this.seen,
    };
  }
}

const round = (ms: number): number => Math.round(ms * 10) / 10;

/** This process's CPU time so far (user + system), in milliseconds. */
export function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** One line a person reads, then the stalls over LISTED_STALL_MS with when they happened. */
export function formatReport(report: StallReport): string {
  const head = `${report.name}: max ${report.maxMs} ms held up (timer ${report.timer.maxMs}, histogram ${report.histogram.maxMs}; ` +
    `on the CPU for at most ${report.busyMaxMs} ms of a stall), ` +
    `p99 ${report.timer.p99Ms} ms (histogram ${report.histogram.p99Ms}), ${report.stalls.length} stall(s) > ${LISTED_STALL_MS} ms, ` +
    `over ${(report.durationMs / 1000).toFixed(1)} s`;
  const stalls = report.stalls.map((stall) => `    ${stall.ms} ms at +${stall.atMs} ms, ${stall.busyMs} ms on the CPU${stall.during ? ` (${stall.during})` : ''}`);
  return [head, ...stalls].join('\n');
}

/**
 * Waits until the loop has gone `quietMs` without a stall over LISTED_STALL_MS, so a phase starts
 * after what VS Code's own extensions were doing (the TypeScript service loading a project, the
 * JSON support starting). Resolves with the milliseconds waited; gives up quietly after `timeoutMs`
 * (the phase then measures that noise too, which only makes it stricter).
 */
export async function untilQuiet(quietMs = 2000, timeoutMs = 60_000): Promise<{ waitedMs: number; quiet: boolean }> {
  const started = performance.now();
  for (;;) {
    const monitor = new StallMonitor('quiet');
    await new Promise((resolve) => setTimeout(resolve, quietMs));
    const quiet = monitor.stop().timer.maxMs <= LISTED_STALL_MS;
    const waitedMs = Math.round(performance.now() - started);
    if (quiet || waitedMs > timeoutMs) return { waitedMs, quiet };
  }
}
