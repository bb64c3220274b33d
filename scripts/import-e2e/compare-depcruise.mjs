// Compares what dependency-cruiser reports with what Guardrails reports on the same code with the
// configuration `guardrails import dependency-cruiser` produced from dependency-cruiser's own.
//
//   depcruise SRC… --config CONFIG --output-type json > depcruise.json
//   guardrails import dependency-cruiser CONFIG --output guardrails.json
//   guardrails check . --format json > guardrails.json.out
//   node scripts/import-e2e/compare-depcruise.mjs depcruise.json guardrails.json.out
//
// Per rule: the violating imports (from → to) each tool reports, those both report and those only
// one does. Targets are compared in Guardrails' words: pkg:NAME, node:NAME, unresolved:SPECIFIER.
// For cycle rules the files on a reported cycle are compared (dependency-cruiser reports every
// import on a cycle, Guardrails each cycle once).
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';

const [depcruiseFile, guardrailsFile] = process.argv.slice(2);
if (!depcruiseFile || !guardrailsFile) {
  console.error('usage: node compare-depcruise.mjs DEPCRUISE.json GUARDRAILS.json');
  process.exit(2);
}
const depcruise = JSON.parse(readFileSync(depcruiseFile, 'utf8'));
const guardrails = JSON.parse(readFileSync(guardrailsFile, 'utf8'));

const resolvedOf = new Map();
for (const module of depcruise.modules ?? []) {
  for (const dependency of module.dependencies ?? []) resolvedOf.set(`${module.source}\0${dependency.resolved}`, dependency);
}

function target(from, to) {
  const dependency = resolvedOf.get(`${from}\0${to}`);
  if (dependency?.couldNotResolve) return `unresolved:${dependency.module}`;
  if (dependency?.coreModule || builtinModules.includes(to.replace(/^node:/, ''))) return `node:${to.replace(/^node:/, '')}`;
  const inPackage = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(to);
  return inPackage ? `pkg:${inPackage[1]}` : to;
}

const cycleRules = new Set(guardrails.violations.filter((v) => v.cycle).map((v) => v.ruleId));
const byRule = new Map();
const entry = (rule) => {
  if (!byRule.has(rule)) byRule.set(rule, { depcruise: new Set(), guardrails: new Set() });
  return byRule.get(rule);
};
for (const violation of depcruise.summary?.violations ?? []) {
  if (violation.type === 'cycle' || cycleRules.has(violation.rule.name) || violation.cycle) {
    entry(violation.rule.name).depcruise.add(violation.from);
    entry(violation.rule.name).depcruise.add(violation.to);
    continue;
  }
  if (violation.type && violation.type !== 'dependency') {
    entry(`${violation.rule.name} (${violation.type})`).depcruise.add(violation.from);
    continue;
  }
  entry(violation.rule.name).depcruise.add(`${violation.from} -> ${target(violation.from, violation.to)}`);
}
const other = new Map();
const depcruiseRules = new Set([...byRule.keys()]);
for (const violation of guardrails.violations) {
  // Rules split per literal name come back as "name/value".
  const rule = violation.ruleId.replace(/\/[^/]+$/, (suffix) => (depcruiseRules.has(violation.ruleId) ? suffix : ''));
  if (['unmatched-pattern', 'parse-error', 'unused-suppression'].includes(rule)) {
    other.set(rule, (other.get(rule) ?? 0) + 1);
    continue;
  }
  if (violation.cycle) {
    for (const file of violation.cycle) entry(rule).guardrails.add(file);
    continue;
  }
  entry(rule).guardrails.add(`${violation.file} -> ${violation.to}`);
}

// dependency-cruiser lists each cycle once among its violations, but marks every import on a
// cycle `circular` in its modules: those say which files and imports are on cycles.
const circularFiles = new Set();
const circularImports = new Set();
for (const module of depcruise.modules ?? []) {
  for (const dependency of module.dependencies ?? []) {
    if (!dependency.circular) continue;
    circularFiles.add(module.source);
    circularFiles.add(dependency.resolved);
    circularImports.add(`${module.source} -> ${dependency.resolved}`);
  }
}
const cycleImports = new Set();
for (const violation of guardrails.violations) {
  const cycle = violation.cycle ?? [];
  for (let i = 0; i + 1 < cycle.length; i++) cycleImports.add(`${cycle[i]} -> ${cycle[i + 1]}`);
}
if (circularFiles.size > 0 || cycleImports.size > 0) {
  const guardrailsFiles = new Set([...cycleImports].flatMap((edge) => edge.split(' -> ')));
  const filesBoth = [...circularFiles].filter((file) => guardrailsFiles.has(file)).length;
  const importsBoth = [...circularImports].filter((edge) => cycleImports.has(edge)).length;
  console.log(`files on a cycle: dependency-cruiser (marked circular) ${circularFiles.size}, Guardrails (on a reported cycle) ${guardrailsFiles.size}, both ${filesBoth}`);
  console.log(`imports on a cycle: dependency-cruiser ${circularImports.size}, on a cycle Guardrails reports ${cycleImports.size}, both ${importsBoth}`);
}

let same = 0;
let onlyDepcruise = 0;
let onlyGuardrails = 0;
for (const [rule, { depcruise: d, guardrails: g }] of [...byRule].sort()) {
  const both = [...d].filter((item) => g.has(item));
  const dOnly = [...d].filter((item) => !g.has(item));
  const gOnly = [...g].filter((item) => !d.has(item));
  same += both.length;
  onlyDepcruise += dOnly.length;
  onlyGuardrails += gOnly.length;
  const unit = cycleRules.has(rule) ? ' files on cycles' : '';
  console.log(`${rule}: dependency-cruiser ${d.size}, Guardrails ${g.size}, both ${both.length}${unit}`);
  for (const item of dOnly.slice(0, 5)) console.log(`  only dependency-cruiser: ${item}`);
  if (dOnly.length > 5) console.log(`  … ${dOnly.length - 5} more only in dependency-cruiser`);
  for (const item of gOnly.slice(0, 5)) console.log(`  only Guardrails: ${item}`);
  if (gOnly.length > 5) console.log(`  … ${gOnly.length - 5} more only in Guardrails`);
}
console.log(`total: both ${same}, only dependency-cruiser ${onlyDepcruise}, only Guardrails ${onlyGuardrails}`);
for (const [rule, count] of other) console.log(`other Guardrails findings: ${rule} ${count}`);
