// What each tool found, read back from its report: cycles, rule findings and debt items, and on a
// synthetic corpus how that compares with what the generator seeded.
import { existsSync, readFileSync } from 'node:fs';
import type { Corpus } from './corpora';
import type { SyntheticExpectation } from './synthetic';

export interface ToolFindings {
  /** Distinct cycles (as sets of files). Tools count cycles differently (see RESULTS.md). */
  cycles?: number;
  /** Files that lie on some cycle: the same for every tool that sees the same edges. */
  cycleFiles?: number;
  /** Findings by rule id (dependency-cruiser's split rules are merged back to the engine's ids). */
  byRule?: Record<string, number>;
  debt?: number;
  /** Synthetic corpora: debt items that are seeded debt, text inside literals, or neither. */
  debtTrue?: number;
  debtFalse?: number;
  debtMissed?: number;
  /** Synthetic corpora: the engine's findings equal what was seeded, exactly. */
  exact?: boolean;
  mismatches?: string[];
}

interface GuardrailsReport {
  violations: { ruleId: string; file: string; line: number; from: string; to: string; cycle?: string[] }[];
  debt: { tag: string; file: string; line: number; overdue: boolean }[];
}

function readJson<T>(file: string): T | undefined {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as T) : undefined;
}

const cycleKey = (files: readonly string[]): string => [...new Set(files)].sort().join('\u0000');

export function guardrailsFindings(file: string, corpus: Corpus): ToolFindings | undefined {
  const report = readJson<GuardrailsReport>(file);
  if (!report) return undefined;
  const byRule: Record<string, number> = {};
  for (const v of report.violations) byRule[v.ruleId] = (byRule[v.ruleId] ?? 0) + 1;
  const withCycle = report.violations.filter((v) => v.cycle);
  const cycles = new Set(withCycle.map((v) => cycleKey(v.cycle!)));
  const cycleFiles = new Set(withCycle.flatMap((v) => v.cycle!)).size;
  const findings: ToolFindings = { cycles: cycles.size, cycleFiles, byRule, debt: report.debt.length };
  if (corpus.expected) Object.assign(findings, compareWithSeeded(report, corpus.expected));
  return findings;
}

/** Exact comparison of the engine's report with the generator's expectation. */
export function compareWithSeeded(report: GuardrailsReport, expected: SyntheticExpectation): ToolFindings {
  const mismatches: string[] = [];
  const describe = (ruleId: string, from: string, line: number, to: string): string => `${ruleId} ${from}:${line} -> ${to}`;
  const found = report.violations
    .filter((v) => v.ruleId !== 'no-cycles' && v.ruleId !== 'debt-metadata')
    .map((v) => describe(v.ruleId, v.from, v.line, v.to)).sort();
  const seeded = expected.violations.map((v) => describe(v.ruleId, v.from, v.line, v.to)).sort();
  diff(found, seeded, 'violation', mismatches);
  const foundCycles = report.violations.filter((v) => v.cycle).map((v) => cycleKey(v.cycle!)).sort();
  diff(foundCycles, expected.cycles.map(cycleKey).sort(), 'cycle', mismatches);
  const foundDebt = report.debt.map((d) => `${d.tag} ${d.file}:${d.line}${d.overdue ? ' overdue' : ''}`).sort();
  diff(foundDebt, expected.debt.map((d) => `${d.tag} ${d.file}:${d.line}${d.overdue ? ' overdue' : ''}`).sort(), 'debt', mismatches);
  const problems = report.violations.filter((v) => v.ruleId === 'debt-metadata').map((v) => `${v.file}:${v.line}`).sort();
  diff(problems, expected.debt.filter((d) => d.problem).map((d) => `${d.file}:${d.line}`).sort(), 'debt-metadata', mismatches);
  const seededDebt = new Set(expected.debt.map((d) => `${d.file}:${d.line}`));
  const debtTrue = report.debt.filter((d) => seededDebt.has(`${d.file}:${d.line}`)).length;
  return {
    exact: mismatches.length === 0, mismatches: mismatches.slice(0, 20),
    debtTrue, debtFalse: report.debt.length - debtTrue, debtMissed: expected.debt.length - debtTrue,
  };
}

function diff(found: string[], wanted: string[], what: string, out: string[]): void {
  const wantedSet = new Set(wanted);
  const foundSet = new Set(found);
  for (const item of found) if (!wantedSet.has(item)) out.push(`unexpected ${what}: ${item}`);
  for (const item of wanted) if (!foundSet.has(item)) out.push(`missing ${what}: ${item}`);
  if (found.length !== wanted.length && out.length === 0) out.push(`${what}: ${found.length} found, ${wanted.length} seeded (duplicates)`);
}

interface DepcruiseViolation {
  rule: { name: string };
  cycle?: (string | { name: string })[];
  from: string;
  to: string;
}

export interface DepcruiseModule {
  source: string;
  dependencies: { resolved: string; module: string; couldNotResolve: boolean; coreModule: boolean; dependencyTypes: string[] }[];
}

export interface DepcruiseReport {
  modules: DepcruiseModule[];
  summary: { violations: DepcruiseViolation[] };
}

const MERGED_RULES: Record<string, string> = { 'layered-app': 'layered', 'layered-domain': 'layered', 'public-api-cross': 'public-api' };

export function depcruiseFindings(file: string): ToolFindings | undefined {
  const report = readJson<DepcruiseReport>(file);
  if (!report) return undefined;
  const byRule: Record<string, number> = {};
  const cycles = new Set<string>();
  const cycleFiles = new Set<string>();
  for (const v of report.summary.violations) {
    const id = MERGED_RULES[v.rule.name] ?? v.rule.name;
    byRule[id] = (byRule[id] ?? 0) + 1;
    if (!v.cycle) continue;
    const files = [v.from, ...v.cycle.map((step) => (typeof step === 'string' ? step : step.name))];
    cycles.add(cycleKey(files));
    for (const file of files) cycleFiles.add(file);
  }
  return { byRule, cycles: cycles.size, cycleFiles: cycleFiles.size };
}

export function madgeFindings(file: string): ToolFindings | undefined {
  const report = readJson<string[][]>(file);
  if (!report) return undefined;
  return { cycles: new Set(report.map(cycleKey)).size, cycleFiles: new Set(report.flat()).size };
}

interface LeasotItem {
  file: string;
  line: number;
  tag: string;
}

export function leasotFindings(file: string, corpus: Corpus): ToolFindings | undefined {
  const report = readJson<LeasotItem[]>(file);
  if (!report) return undefined;
  const findings: ToolFindings = { debt: report.length };
  const expected = corpus.expected;
  if (expected) {
    const seeded = new Set(expected.debt.map((d) => `${d.file}:${d.line}`));
    const traps = new Set(expected.traps.map((t) => `${t.file}:${t.line}`));
    const found = new Set(report.map((item) => `${item.file}:${item.line}`));
    findings.debtTrue = report.filter((item) => seeded.has(`${item.file}:${item.line}`)).length;
    findings.debtFalse = report.filter((item) => traps.has(`${item.file}:${item.line}`) || !seeded.has(`${item.file}:${item.line}`)).length;
    findings.debtMissed = expected.debt.filter((d) => !found.has(`${d.file}:${d.line}`)).length;
  }
  return findings;
}

/** Real corpora: debt items the engine and leasot disagree on, by `file:line`. */
export function debtDisagreement(guardrailsFile: string, leasotFile: string): { onlyGuardrails: string[]; onlyLeasot: string[] } | undefined {
  const g = readJson<GuardrailsReport>(guardrailsFile);
  const l = readJson<LeasotItem[]>(leasotFile);
  if (!g || !l) return undefined;
  const gs = new Set(g.debt.map((d) => `${d.file}:${d.line}`));
  const ls = new Set(l.map((d) => `${d.file}:${d.line}`));
  return { onlyGuardrails: [...gs].filter((k) => !ls.has(k)).sort(), onlyLeasot: [...ls].filter((k) => !gs.has(k)).sort() };
}
