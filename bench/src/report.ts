// The tables: one markdown document printed by `npm run bench` and spliced into bench/RESULTS.md.
import type { Agreement } from './agreement';
import type { Corpus } from './corpora';
import type { ToolFindings } from './findings';
import type { FloorResult } from './floor';
import type { IncrementalResult } from './incremental';
import type { Summary } from './measure';
import type { ToolName } from './tools';
import type { WarmStartResult } from './warmStart';
import type { WindowsBenchResult } from './windowsBench';
import { appendAll } from '../../src/core/util/arrays';

export interface CorpusResult {
  corpus: Corpus;
  cold: Partial<Record<ToolName, Summary>>;
  findings: Partial<Record<ToolName, ToolFindings>>;
  incremental?: IncrementalResult;
  /** Listing, reading and parsing every source once, alone (large corpora). */
  floor?: FloorResult;
  agreement?: { typescript: Agreement & { implicitJsxImports: number }; depcruise?: Agreement };
  debtOnlyGuardrails?: number;
  debtOnlyLeasot?: number;
}

export interface BenchResults {
  date: string;
  machine: string;
  versions: Record<string, string>;
  runs: number;
  /** Runs of each peer on the 20,000-file corpus (no warm-up round there). */
  largeRuns?: number;
  command: string;
  corpora: CorpusResult[];
  /** False for the smoke run: one run, no warm-up round. */
  warmUp?: boolean;
}

const ms = (s: Summary | undefined): string => (s ? `${fmt(s.wallMs)} ms` : '–');
const mb = (s: Summary | undefined): string => (s ? `${Math.round(s.peakMb)} MB` : '–');
const fmt = (n: number): string => (n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(1));
const ratio = (a: Summary | undefined, b: Summary | undefined): string => (a && b ? `${(b.wallMs / a.wallMs).toFixed(1)}×` : '–');

export function renderTables(results: BenchResults): string {
  const out: string[] = [];
  const rows = results.corpora;
  out.push(`Measured ${results.date} on ${results.machine}; Guardrails ${results.versions.guardrails ?? ''}. Median of ${results.runs} run${results.runs === 1 ? '' : 's'} per tool, run round-robin${results.warmUp === false ? ' (no warm-up round)' : ' after one discarded warm-up round'}`
    + `${results.largeRuns !== undefined && results.largeRuns < results.runs ? ` (peers on the 20,000-file corpus: ${results.largeRuns} runs, no warm-up: dependency-cruiser takes minutes per run there)` : ''}.`, '');

  out.push('### Cold run: whole process, wall time and peak memory', '');
  out.push('| corpus | files | source | guardrails check | peak | dependency-cruiser | peak | guardrails faster | madge | peak | guardrails faster |');
  out.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    const g = r.cold.guardrails;
    out.push(`| ${r.corpus.name}${r.corpus.version ? `@${r.corpus.version}` : ''} | ${r.corpus.files.toLocaleString('en-US')} | ${(r.corpus.bytes / 1024 / 1024).toFixed(1)} MB | ${ms(g)} | ${mb(g)} | ${ms(r.cold['dependency-cruiser'])} | ${mb(r.cold['dependency-cruiser'])} | ${ratio(g, r.cold['dependency-cruiser'])} | ${ms(r.cold.madge)} | ${mb(r.cold.madge)} | ${ratio(g, r.cold.madge)} |`);
  }
  out.push('');

  out.push('### Debt scan: `guardrails debt` against leasot on the same files', '');
  out.push('| corpus | guardrails debt | peak | leasot | peak | guardrails faster | items (guardrails / leasot) | leasot: in literals or not debt / missed |');
  out.push('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    const g = r.cold['guardrails debt'];
    const l = r.cold.leasot;
    const gf = r.findings['guardrails debt'] ?? r.findings.guardrails;
    const lf = r.findings.leasot;
    const falses = lf?.debtFalse !== undefined ? `${lf.debtFalse} / ${lf.debtMissed}` : `${r.debtOnlyLeasot ?? '–'} / ${r.debtOnlyGuardrails ?? '–'} (vs guardrails)`;
    out.push(`| ${r.corpus.name} | ${ms(g)} | ${mb(g)} | ${ms(l)} | ${mb(l)} | ${ratio(g, l)} | ${gf?.debt ?? '–'} / ${lf?.debt ?? '–'} | ${falses} |`);
  }
  out.push('');

  const withEdits = rows.filter((r) => r.incremental);
  if (withEdits.length > 0) {
    out.push('### Warm re-check after one edit (`AnalysisSession.applyChanges` with the buffer\'s text, as the language server does)', '');
    out.push('| corpus | files | load | p50 | p95 | body edit p50 | add cycle p50 | remove cycle p50 | CPU p50 / p95 | heap | cycles tracked |');
    out.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|:---:|');
    for (const r of withEdits) {
      const i = r.incremental!;
      out.push(`| ${r.corpus.name} | ${i.files.toLocaleString('en-US')} | ${fmt(i.loadMs)} ms | ${fmt(i.p50)} ms | ${fmt(i.p95)} ms | ${fmt(i.byKind.body.p50)} ms | ${fmt(i.byKind['add-cycle'].p50)} ms | ${fmt(i.byKind['remove-cycle'].p50)} ms | ${fmt(i.cpuP50)} / ${fmt(i.cpuP95)} ms | ${Math.round(i.heapMb)} MB | ${i.cyclesTracked ? 'yes' : 'NO'} |`);
    }
    out.push('');
  }

  const synthetic = rows.filter((r) => r.corpus.kind === 'synthetic').sort((a, b) => a.corpus.files - b.corpus.files);
  if (synthetic.length > 1) {
    out.push('### Growth with size (synthetic corpora)', '');
    out.push('| files | × files | guardrails | × time | µs per file | dependency-cruiser | × time | madge | × time |');
    out.push('|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
    const base = synthetic[0];
    const grow = (r: CorpusResult, tool: ToolName): string => {
      const a = base.cold[tool];
      const b = r.cold[tool];
      return a && b ? `${(b.wallMs / a.wallMs).toFixed(1)}×` : '–';
    };
    for (const r of synthetic) {
      const g = r.cold.guardrails;
      out.push(`| ${r.corpus.files.toLocaleString('en-US')} | ${(r.corpus.files / base.corpus.files).toFixed(0)}× | ${ms(g)} | ${grow(r, 'guardrails')} | ${g ? Math.round((g.wallMs * 1000) / r.corpus.files) : '–'} | ${ms(r.cold['dependency-cruiser'])} | ${grow(r, 'dependency-cruiser')} | ${ms(r.cold.madge)} | ${grow(r, 'madge')} |`);
    }
    out.push('');
  }

  const floored = rows.filter((r) => r.floor && r.cold.guardrails);
  if (floored.length > 0) {
    out.push('### The physical floor: listing, reading and parsing every file once, on one thread', '');
    out.push('| corpus | files | list | read | parse | floor | guardrails check | check ÷ floor |');
    out.push('|---|---:|---:|---:|---:|---:|---:|---:|');
    for (const r of floored) {
      const f = r.floor!;
      const total = f.listMs + f.readMs + f.parseMs;
      const g = r.cold.guardrails!;
      out.push(`| ${r.corpus.name} | ${f.files.toLocaleString('en-US')} | ${fmt(f.listMs)} ms | ${fmt(f.readMs)} ms | ${fmt(f.parseMs)} ms | ${fmt(total)} ms | ${ms(g)} | ${(g.wallMs / total).toFixed(2)}× |`);
    }
    out.push('');
  }

  out.push('### What each tool found', '');
  out.push('| corpus | cycles: guardrails / dependency-cruiser / madge | files on a cycle: guardrails / dependency-cruiser / madge | guardrails findings by rule | dependency-cruiser findings by rule | synthetic: guardrails = seeded |');
  out.push('|---|---:|---:|---|---|:---:|');
  for (const r of rows) {
    const g = r.findings.guardrails;
    const d = r.findings['dependency-cruiser'];
    const m = r.findings.madge;
    const rules = (f: ToolFindings | undefined): string => (f?.byRule ? Object.entries(f.byRule).sort().map(([k, v]) => `${k} ${v}`).join(', ') : '–');
    const exact = g?.exact === undefined ? 'n/a' : g.exact ? 'yes' : `NO (${g.mismatches?.length} differences)`;
    out.push(`| ${r.corpus.name} | ${g?.cycles ?? '–'} / ${d?.cycles ?? '–'} / ${m?.cycles ?? '–'} | ${g?.cycleFiles ?? '–'} / ${d?.cycleFiles ?? '–'} / ${m?.cycleFiles ?? '–'} | ${rules(g)} | ${rules(d)} | ${exact} |`);
  }
  out.push('');

  const agreed = rows.filter((r) => r.agreement);
  if (agreed.length > 0) {
    out.push('### Edges: the engine against TypeScript (a ts.Program) and dependency-cruiser', '');
    out.push('| corpus | (file, specifier) pairs | internal edges: guardrails / TypeScript / dependency-cruiser | differ from TypeScript | TypeScript\'s implicit jsx-runtime imports (left out) | differ from dependency-cruiser |');
    out.push('|---|---:|---:|---:|---:|---:|');
    for (const r of agreed) {
      const t = r.agreement!.typescript;
      const d = r.agreement!.depcruise;
      out.push(`| ${r.corpus.name} | ${t.compared.toLocaleString('en-US')} | ${t.engineFileEdges} / ${t.otherFileEdges} / ${d?.otherFileEdges ?? '–'} | ${t.disagreements.length} | ${t.implicitJsxImports} | ${d ? d.disagreements.length : '–'} |`);
    }
    out.push('');
  }
  return out.join('\n');
}

export interface Goal {
  goal: string;
  measured: string;
  met: boolean | undefined;
}

export function evaluateGoals(results: BenchResults, warmStarts: Readonly<Record<string, WarmStartResult>>, windows?: WindowsBenchResult): Goal[] {
  const warmStart = warmStarts['synthetic-5000'];
  const find = (name: string): CorpusResult | undefined => results.corpora.find((r) => r.corpus.name === name);
  const goals: Goal[] = [];
  const five = find('synthetic-5000');
  const g5 = five?.cold.guardrails;
  const d5 = five?.cold['dependency-cruiser'];
  if (g5) {
    goals.push({ goal: 'cold check, 5,000 files: ≤ 2 s wall', measured: `${fmt(g5.wallMs)} ms`, met: g5.wallMs <= 2000 });
    goals.push({ goal: 'cold check, 5,000 files: < 400 MB peak', measured: `${Math.round(g5.peakMb)} MB`, met: g5.peakMb < 400 });
    if (d5) goals.push({ goal: 'cold check, 5,000 files: ≥ 3× faster than dependency-cruiser (aim 5×)', measured: ratio(g5, d5), met: d5.wallMs / g5.wallMs >= 3 });
  }
  if (warmStart) {
    goals.push({
      goal: 'warm start from a content-keyed cache (`check --cache`), 5,000 files: ≤ 0.5 s',
      measured: `${fmt(warmStart.unchangedMs)} ms unchanged, ${fmt(warmStart.editedMs)} ms after one edit`,
      met: warmStart.unchangedMs <= 500,
    });
  }
  const i5 = five?.incremental;
  if (i5) {
    goals.push({ goal: 're-check after one edit, 5,000 files: ≤ 20 ms median', measured: `${fmt(i5.p50)} ms`, met: i5.p50 <= 20 });
    goals.push({ goal: 're-check after one edit, 5,000 files: ≤ 50 ms p95 (cycle updates included)', measured: `${fmt(i5.p95)} ms${i5.cyclesTracked ? '' : ', cycles NOT tracked'}`, met: i5.p95 <= 50 && i5.cyclesTracked });
  }
  const debtRows = results.corpora.filter((r) => r.cold['guardrails debt'] && r.cold.leasot);
  if (debtRows.length > 0) {
    const slower = debtRows.filter((r) => r.cold['guardrails debt']!.wallMs > r.cold.leasot!.wallMs);
    const falsePositives = results.corpora.reduce((sum, r) => sum + (r.findings.guardrails?.debtFalse ?? 0), 0);
    goals.push({ goal: 'debt scan at least as fast as leasot', measured: `slower on ${slower.length} of ${debtRows.length} corpora`, met: slower.length === 0 });
    goals.push({ goal: 'no debt false positives inside literals', measured: `${falsePositives} false positives on the synthetic corpora`, met: falsePositives === 0 });
  }
  const twenty = find('synthetic-20000')?.cold.guardrails;
  if (twenty) {
    const one = find('synthetic-1000')?.cold.guardrails;
    goals.push({ goal: 'cold check, 20,000 files: ≤ 8 s (about linear)', measured: `${fmt(twenty.wallMs)} ms${g5 ? `, ${(twenty.wallMs / g5.wallMs).toFixed(1)}× the 5,000-file time` : ''}${one ? `, ${(twenty.wallMs / one.wallMs).toFixed(1)}× the 1,000-file time` : ''}`, met: twenty.wallMs <= 8000 });
  }
  appendAll(goals, scaleGoals(results, warmStarts));
  if (windows) {
    const where = `${windows.repo}, ${windows.files.toLocaleString('en-US')} files, ${windows.points} daily points`;
    goals.push({ goal: `windows cold on real history (${where}): ≤ 10 s`, measured: `${fmt(windows.cold.wallMs)} ms`, met: windows.cold.wallMs <= 10_000 });
    goals.push({ goal: 'windows cold on real history: ≤ 400 MB peak', measured: `${Math.round(windows.cold.peakMb)} MB`, met: windows.cold.peakMb <= 400 });
    goals.push({ goal: 'windows with nothing changed (cache keyed by commit and rules): ≤ 1 s', measured: `${fmt(windows.warm.wallMs)} ms`, met: windows.warm.wallMs <= 1000 });
  }
  return goals;
}

export function renderGoals(goals: readonly Goal[]): string {
  const lines = ['| goal | measured | met |', '|---|---:|:---:|'];
  for (const g of goals) lines.push(`| ${g.goal} | ${g.measured} | ${g.met === undefined ? '–' : g.met ? 'yes' : '**no**'} |`);
  return lines.join('\n');
}

/** Issue 14: 50,000 and 100,000 files, their cache and edits, and the monorepo. */
function scaleGoals(results: BenchResults, warmStarts: Readonly<Record<string, WarmStartResult>>): Goal[] {
  const find = (name: string): CorpusResult | undefined => results.corpora.find((r) => r.corpus.name === name);
  const goals: Goal[] = [];
  const twenty = find('synthetic-20000')?.cold.guardrails;
  const linear = (s: Summary, files: number): string => (twenty ? `, ${(s.wallMs / twenty.wallMs).toFixed(1)}× the 20,000-file time for ${files / 20_000}× the files` : '');
  for (const [files, seconds, gb] of [[50_000, 20, 2], [100_000, 45, 3]] as const) {
    const r = find(`synthetic-${files}`);
    const g = r?.cold.guardrails;
    if (!g) continue;
    const label = files.toLocaleString('en-US');
    const exact = r.findings.guardrails?.exact;
    goals.push({ goal: `cold check, ${label} files: ≤ ${seconds} s, findings as seeded`, measured: `${fmt(g.wallMs)} ms${linear(g, files)}${exact === false ? ', findings DIFFER' : ''}`, met: g.wallMs <= seconds * 1000 && exact !== false });
    goals.push({ goal: `cold check, ${label} files: ≤ ${gb} GB peak`, measured: `${Math.round(g.peakMb)} MB`, met: g.peakMb <= gb * 1024 });
  }
  const hundred = find('synthetic-100000')?.cold.guardrails;
  if (hundred && twenty) {
    const ratio = hundred.wallMs / twenty.wallMs;
    goals.push({ goal: 'about linear from 20,000 to 100,000 files (≤ 6× the time for 5× the files)', measured: `${ratio.toFixed(1)}×`, met: ratio <= 6 });
  }
  const warm50 = warmStarts['synthetic-50000'];
  if (warm50) {
    goals.push({ goal: 'warm start (`check --cache`), nothing changed, 50,000 files: ≤ 3 s', measured: `${fmt(warm50.unchangedMs)} ms unchanged, ${fmt(warm50.editedMs)} ms after one edit`, met: warm50.unchangedMs <= 3000 });
  }
  const edits50 = find('synthetic-50000')?.incremental;
  if (edits50) {
    goals.push({ goal: 're-check after one edit in the engine, 50,000 files: ≤ 50 ms p95', measured: `${fmt(edits50.p95)} ms (p50 ${fmt(edits50.p50)} ms)${edits50.cyclesTracked ? '' : ', cycles NOT tracked'}`, met: edits50.p95 <= 50 && edits50.cyclesTracked });
  }
  const mono = find('monorepo-100');
  const gm = mono?.cold.guardrails;
  if (mono && gm) {
    goals.push({ goal: `monorepo of 100 packages (${mono.corpus.files.toLocaleString('en-US')} files): findings as seeded`, measured: `${fmt(gm.wallMs)} ms, ${Math.round(gm.peakMb)} MB`, met: mono.findings.guardrails?.exact === true });
  }
  return goals;
}
