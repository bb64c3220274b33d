// A deterministic synthetic workspace of N source files, in layers and features, with tsconfig
// `paths`, seeded cycles, seeded rule violations, debt comments of every form and comment-like text
// inside literals (traps). The generator knows exactly what it seeded, so a run can be checked.
//
// Why the graph is exact: every ordinary import goes to a file earlier in one global order (a DAG).
// Seeded violations and the ordinary imports of cycle members only target "leaf" files, which
// import no workspace file; so the only cycles are the seeded ones, each a chordless ring.
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { appendAll } from '../../src/core/util/arrays';
import { CandidatePools, type Pool } from './syntheticPools';
import { seededRandom } from '../../src/core/util/seededRandom';

export const SYNTHETIC_VERSION = 4;
/** `--today` for every run on a synthetic corpus: fixes which DEBT items are overdue. */
export const SYNTHETIC_TODAY = '2026-06-01';

export interface SeededViolation {
  ruleId: string;
  /** Root-relative paths with `/`; `to` is `unresolved:SPEC` for an unresolved import. */
  from: string;
  to: string;
  /** 1-based line of the import. */
  line: number;
}

export interface SeededDebt {
  tag: string;
  file: string;
  line: number;
  overdue: boolean;
  /** Metadata the policy finds wrong or missing: one `debt-metadata` finding. */
  problem: boolean;
}

export interface SyntheticExpectation {
  sourceFiles: number;
  violations: SeededViolation[];
  /** Each cycle's files, sorted. */
  cycles: string[][];
  debt: SeededDebt[];
  /** Comment-looking text inside string, template and regex literals: not debt. */
  traps: { file: string; line: number; tag: string }[];
  /** Internal (file to file) import statements, seeded ones included. */
  fileEdges: number;
}

export interface SyntheticCorpus {
  /** Root-relative path → content (sources, tsconfig.json, package.json, guardrails.json). */
  files: Map<string, string>;
  expected: SyntheticExpectation;
}

type Category = 'shared' | 'domain' | 'infra' | 'feature' | 'app' | 'ui';

interface SourceFile {
  index: number;
  rel: string;
  category: Category;
  module: string;
  /** Position in its module (features: in the feature, index.ts last). */
  position: number;
  leaf: boolean;
  isFeatureIndex: boolean;
  cycleGroup?: number;
  lines: string[];
  imports: ImportLine[];
}

type ImportStyle = 'named' | 'type' | 'namespace' | 'reexport' | 'dynamic';

interface ImportLine {
  target: SourceFile | { unresolved: string };
  style: ImportStyle;
  seeded?: string[];
}

const MODULE_SIZE = 25;
const SHARES: [Category, number][] = [['shared', 0.1], ['domain', 0.2], ['infra', 0.1], ['feature', 0.3], ['app', 0.15], ['ui', 0.15]];
const PREFIX: Record<Category, string> = { shared: 'util', domain: 'entity', infra: 'adapter', feature: 'part', app: 'useCase', ui: 'view' };
const PACKAGES: Record<Category, string[]> = {
  shared: ['node:path', 'lodash-es'], domain: ['zod'], infra: ['pg', 'node:fs'], feature: ['zod', 'lodash-es'], app: ['lodash-es'], ui: ['react'],
};


export function generateSynthetic(count: number, seed = 1): SyntheticCorpus {
  if (count < 100) throw new Error('the synthetic corpus needs at least 100 files');
  const rand = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)];
  const files = layout(count);
  const categories = new Map<Category, SourceFile[]>();
  const byCategory = (c: Category): SourceFile[] => {
    let list = categories.get(c);
    if (!list) categories.set(c, (list = files.filter((f) => f.category === c)));
    return list;
  };
  const leaves = (c: Category): SourceFile[] => byCategory(c).filter((f) => f.leaf);
  const featureNames = [...new Set(byCategory('feature').map((f) => f.module))];
  const scale = Math.max(1, Math.floor(count / 200));

  // Cycle groups first: their members' ordinary imports are restricted to leaves.
  const cycleCount = Math.max(3, Math.floor(count / 100));
  const cycles: SourceFile[][] = [];
  const ringHomes = files.filter((f) => (f.category === 'domain' || f.category === 'feature' || f.category === 'shared'));
  const modules = [...new Set(ringHomes.map((f) => `${f.category}:${f.module}`))];
  for (let g = 0, attempt = 0; g < cycleCount && attempt < cycleCount * 50; attempt++) {
    const size = 2 + (g % 4);
    const home = pick(modules);
    const candidates = ringHomes.filter((f) => `${f.category}:${f.module}` === home && !f.leaf && !f.isFeatureIndex && f.cycleGroup === undefined);
    if (candidates.length < size) continue;
    const start = Math.floor(rand() * (candidates.length - size + 1));
    const ring = candidates.slice(start, start + size);
    for (const member of ring) member.cycleGroup = g;
    cycles.push(ring);
    g++;
  }

  // Ordinary imports: always to earlier files of an allowed category (a DAG).
  const pools = new CandidatePools(files, SHARES.map(([category]) => category), ALLOWED);
  const pickIn = (pool: Pool<SourceFile>): SourceFile => pool.at(Math.floor(rand() * pool.length));
  const featureParts = new Map<string, SourceFile[]>();
  for (const f of byCategory('feature')) {
    if (f.isFeatureIndex) continue;
    const parts = featureParts.get(f.module);
    if (parts) parts.push(f);
    else featureParts.set(f.module, [f]);
  }
  for (const file of files) {
    if (file.leaf) continue;
    if (file.isFeatureIndex) {
      for (const part of featureParts.get(file.module) ?? []) {
        file.imports.push({ target: part, style: 'reexport' });
      }
      continue;
    }
    const { pool, sameModule } = pools.forFile(file, file.cycleGroup !== undefined);
    const wanted = 2 + Math.floor(rand() * 5);
    const chosen = new Set<SourceFile>();
    for (let k = 0; k < wanted * 3 && chosen.size < wanted && pool.length > 0; k++) {
      chosen.add(sameModule.length > 0 && rand() < 0.6 ? pickIn(sameModule) : pickIn(pool));
    }
    for (const target of chosen) file.imports.push({ target, style: styleFor(rand(), target) });
  }

  // Seeded cycles: a chordless ring m0 → m1 → … → m0; every third ring closes with a type-only import.
  cycles.forEach((ring, g) => {
    ring.forEach((member, k) => {
      const next = ring[(k + 1) % ring.length];
      const closing = k === ring.length - 1;
      member.imports.push({ target: next, style: closing && g % 3 === 1 ? 'type' : 'named', seeded: [] });
    });
  });

  // Seeded violations, each on its own source file, each targeting a leaf (no new cycle).
  const used = new Set<SourceFile>(cycles.flat());
  const sourceFrom = (list: SourceFile[]): SourceFile | undefined => {
    const free = list.filter((f) => !used.has(f) && !f.leaf && !f.isFeatureIndex);
    const chosen = free.length > 0 ? pick(free) : undefined;
    if (chosen) used.add(chosen);
    return chosen;
  };
  const seed1 = (fromList: SourceFile[], toList: SourceFile[], rules: string[]): void => {
    const from = sourceFrom(fromList);
    if (!from || toList.length === 0) return;
    from.imports.push({ target: pick(toList), style: 'named', seeded: rules });
  };
  for (let k = 0; k < scale; k++) {
    seed1(byCategory('domain'), leaves('infra'), ['domain-pure']);
    seed1(byCategory('domain'), leaves('ui'), ['layered', 'domain-pure']);
    seed1(byCategory('app'), leaves('ui'), ['layered']);
    // Deep import into a feature from outside features: only the entry-point rule.
    seed1(byCategory('app'), byCategory('feature').filter((f) => !f.isFeatureIndex), ['public-api']);
    // One feature into another's internals: isolation and entry point; into its index: isolation
    // only. An index re-exports its whole feature, so a feature only reaches into the index of a
    // later feature: two features importing each other's index would close a cycle nobody seeded.
    if (featureNames.length > 1) {
      const a = pick(featureNames.slice(0, -1));
      const others = featureNames.filter((name) => name !== a);
      const inA = byCategory('feature').filter((f) => f.module === a);
      const otherSet = new Set(others);
      seed1(inA, byCategory('feature').filter((f) => f.leaf && otherSet.has(f.module)), ['features-isolated', 'public-api']);
      const b = pick(featureNames.filter((name) => name > a));
      seed1(inA, byCategory('feature').filter((f) => f.isFeatureIndex && f.module === b), ['features-isolated']);
    }
  }
  const unresolved = Math.max(1, Math.floor(count / 500));
  for (let k = 0; k < unresolved; k++) {
    const from = sourceFrom(files);
    if (from) from.imports.push({ target: { unresolved: `./missing-${k}` }, style: 'named', seeded: ['no-unresolved'] });
  }

  const expected: SyntheticExpectation = { sourceFiles: files.length, violations: [], cycles: [], debt: [], traps: [], fileEdges: 0 };
  for (const file of files) render(file, rand, expected);
  expected.cycles = cycles.map((ring) => ring.map((f) => f.rel).sort());
  const sortKey = (v: SeededViolation): string => `${v.ruleId}\u0000${v.from}\u0000${String(v.line).padStart(6, '0')}`;
  expected.violations.sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : 1));

  const out = new Map<string, string>();
  for (const file of files) out.set(file.rel, file.lines.join('\n') + '\n');
  out.set('tsconfig.json', TSCONFIG);
  out.set('package.json', JSON.stringify({ name: `synthetic-${count}`, private: true, type: 'module' }, null, 2) + '\n');
  out.set('guardrails.json', RULES);
  return { files: out, expected };
}

/** Files in the global order: shared, domain, infra, features (index last), app, ui. */
function layout(count: number): SourceFile[] {
  const files: SourceFile[] = [];
  let remaining = count;
  SHARES.forEach(([category, share], i) => {
    const n = i === SHARES.length - 1 ? remaining : Math.round(count * share);
    remaining -= n;
    const groups = Math.max(1, Math.ceil(n / MODULE_SIZE));
    for (let g = 0, made = 0; g < groups; g++) {
      const size = Math.ceil((n - made) / (groups - g));
      const module = category === 'feature' ? `f${pad(g, 3)}` : `m${pad(g, 3)}`;
      for (let p = 0; p < size; p++) {
        const isFeatureIndex = category === 'feature' && p === size - 1;
        const dir = category === 'feature' ? `src/features/${module}` : `src/${category}/${module}`;
        const ext = category === 'ui' && p % 3 === 1 ? '.tsx' : '.ts';
        const name = isFeatureIndex ? 'index' : `${PREFIX[category]}${pad(p, 3)}`;
        files.push({
          index: files.length, rel: `${dir}/${name}${ext}`, category, module, position: p,
          leaf: p % 8 === 0 && !isFeatureIndex, isFeatureIndex, lines: [], imports: [],
        });
      }
      made += size;
    }
  });
  return files;
}

const ALLOWED: Record<Category, Category[]> = {
  shared: ['shared'], domain: ['domain', 'shared'], infra: ['infra', 'domain', 'shared'],
  feature: ['feature', 'shared', 'domain'], app: ['app', 'domain', 'shared', 'infra', 'feature'],
  ui: ['ui', 'app', 'domain', 'shared', 'feature'],
};

function styleFor(r: number, target: SourceFile): ImportStyle {
  if (target.isFeatureIndex) return r < 0.8 ? 'named' : 'namespace';
  if (r < 0.66) return 'named';
  if (r < 0.76) return 'type';
  if (r < 0.84) return 'reexport';
  if (r < 0.93) return 'namespace';
  return 'dynamic';
}

function specifier(from: SourceFile, to: SourceFile, rand: () => number): string {
  const fromDir = path.posix.dirname(from.rel);
  const withoutExt = to.rel.replace(/\.tsx?$/, '');
  if (to.isFeatureIndex) {
    const dir = path.posix.dirname(to.rel);
    const r = rand();
    if (r < 0.5) return `@features/${to.module}`;
    const rel = path.posix.relative(fromDir, dir);
    return r < 0.75 ? rel : `${rel}/index.js`;
  }
  const r = rand();
  if (to.category === 'shared' && r < 0.5) return `@shared/${withoutExt.slice('src/shared/'.length)}`;
  if (to.category === 'domain' && from.category !== 'domain' && r < 0.4) return `@domain/${withoutExt.slice('src/domain/'.length)}`;
  let rel = path.posix.relative(fromDir, withoutExt);
  if (!rel.startsWith('.')) rel = `./${rel}`;
  // ESM-style TypeScript writes the emitted name: `./x.js` for `./x.ts`.
  return rand() < 0.25 ? `${rel}.js` : rel;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

interface DebtForm {
  tag: string;
  lines: (name: string) => string[];
  /** Index of the line holding the tag. */
  at: number;
  overdue?: boolean;
  problem?: boolean;
}

const DEBT_FORMS: DebtForm[] = [
  { tag: 'TODO', lines: (n) => [`// TODO: tidy the ${n} loop`], at: 0 },
  { tag: 'TODO', lines: () => ['// TODO(alice): owner in parentheses'], at: 0 },
  { tag: 'FIXME', lines: (n) => [`// FIXME: handle an empty ${n} /PAY-12`], at: 0 },
  { tag: 'DEBT', lines: () => ['// DEBT(@alice, PAY-123, due 2027-12-31, est 2d, interest high): replace the legacy client'], at: 0 },
  { tag: 'HACK', lines: () => ['/* HACK(@bob): block comment workaround */'], at: 0 },
  { tag: 'TODO', lines: (n) => ['/**', ` * Helper for ${n}.`, ' * TODO(carol): document the edge cases', ' */'], at: 2 },
  { tag: 'FIXME', lines: (n) => ['/*', `  Notes on ${n}:`, '  FIXME(@dave): second line of a block without stars', '*/'], at: 2 },
  { tag: 'DEBT', lines: () => ['// DEBT(@erin, OPS-7, due 2024-03-01, est 1w): overdue migration'], at: 0, overdue: true },
  { tag: 'DEBT', lines: () => ['// DEBT(@frank): no ticket yet'], at: 0, problem: true },
  { tag: 'HACK', lines: () => ['// HACK(@gina, due someday): unparseable due date'], at: 0, problem: true },
  { tag: 'TODO', lines: (n) => [`export const trailing${n} = 1; // TODO: trailing comment after code`], at: 0 },
];

/** Comment-like text inside literals: a scanner that does not parse reports these. */
const TRAPS: { tag: string; lines: (n: string) => string[]; at: number }[] = [
  { tag: 'TODO', lines: (n) => [`export const banner${n} = \``, '// TODO: this line is text in a template literal', '`;'], at: 1 },
  { tag: 'FIXME', lines: (n) => [`export const help${n} = '/* FIXME: text in a string, not a comment */';`], at: 0 },
  { tag: 'HACK', lines: (n) => [`export const css${n} = \`a { color: red; }`, ' * HACK: inside a template too', '`;'], at: 1 },
];

function render(file: SourceFile, rand: () => number, expected: SyntheticExpectation): void {
  const lines = file.lines;
  const id = file.index;
  lines.push('/**', ` * ${file.rel}: generated by bench/src/synthetic.ts.`, ' * Part of a deterministic synthetic workspace used to benchmark Guardrails.', ' */');
  const usedValues: string[] = [];
  const dynamic: string[] = [];
  for (const pkg of PACKAGES[file.category].filter(() => rand() < 0.5)) {
    const local = `pkg${id}_${pkg.replace(/\W/g, '_')}`;
    lines.push(`import * as ${local} from '${pkg}';`);
    usedValues.push(`Object.keys(${local}).length`);
  }
  for (const imp of file.imports) {
    const isUnresolved = 'unresolved' in imp.target;
    const spec = 'unresolved' in imp.target ? imp.target.unresolved : specifier(file, imp.target, rand);
    const j = 'unresolved' in imp.target ? `missing${id}` : String(imp.target.index);
    if (!isUnresolved) expected.fileEdges++;
    const line = lines.length + 1;
    switch (imp.style) {
      case 'named':
        lines.push(`import { v${j}, type T${j} } from '${spec}';`);
        usedValues.push(`v${j}.weight`);
        break;
      case 'type':
        lines.push(`import type { T${j} } from '${spec}';`);
        break;
      case 'namespace':
        lines.push(`import * as ns${j} from '${spec}';`);
        usedValues.push(`ns${j}.v${j}.weight`);
        break;
      case 'reexport':
        lines.push(file.isFeatureIndex ? `export * from '${spec}';` : `export { v${j} as again${j} } from '${spec}';`);
        break;
      case 'dynamic':
        dynamic.push(spec);
        break;
    }
    if (imp.seeded) {
      const to = 'unresolved' in imp.target ? `unresolved:${spec}` : imp.target.rel;
      for (const ruleId of imp.seeded) expected.violations.push({ ruleId, from: file.rel, to, line });
    }
  }
  lines.push('');
  if (file.isFeatureIndex) {
    lines.push(`export const v${id} = { name: '${file.module}', weight: ${id % 97} } as const;`, `export type T${id} = typeof v${id};`);
    return;
  }
  lines.push(
    `export interface T${id} {`, '  id: string;', '  value: number;', '  tags: readonly string[];', '}', '',
    `export const v${id} = { name: '${path.posix.basename(file.rel)}', weight: ${id % 97} } as const;`, '',
    `/** Folds a T${id} into a number; the body only has to look like real code. */`,
    `export function f${id}(input: T${id}): number {`,
    '  let total = input.value;',
    `  for (let k = 0; k < input.tags.length; k++) total += input.tags[k].length * ${(id % 13) + 1};`,
    `  return total${usedValues.map((u) => ` + ${u}`).join('')};`,
    '}', '',
    `/**`, ` * Describes a T${id} for logs. Typical application code has a few of these small`, ' * helpers per file, with a switch or two and some string building.', ' */',
    `export function describe${id}(input: T${id}, mode: 'short' | 'long' | 'json'): string {`,
    '  switch (mode) {',
    "    case 'short':",
    '      return `${input.id}:${input.value}`;',
    "    case 'long':",
    "      return `${input.id} has value ${input.value} and tags ${input.tags.join(', ')}`;",
    '    default:',
    '      return JSON.stringify({ id: input.id, value: input.value, tags: [...input.tags] });',
    '  }',
    '}', '',
  );
  // Debt (0–2 forms) and traps (about one file in eight).
  const debtCount = rand() < 0.45 ? 0 : rand() < 0.7 ? 1 : 2;
  for (let k = 0; k < debtCount; k++) {
    const form = DEBT_FORMS[Math.floor(rand() * DEBT_FORMS.length)];
    const start = lines.length;
    appendAll(lines, form.lines(`${id}_${k}`));
    expected.debt.push({ tag: form.tag, file: file.rel, line: start + form.at + 1, overdue: form.overdue === true, problem: form.problem === true });
    lines.push('');
  }
  if (rand() < 0.125) {
    const trap = TRAPS[Math.floor(rand() * TRAPS.length)];
    const start = lines.length;
    appendAll(lines, trap.lines(String(id)));
    expected.traps.push({ file: file.rel, line: start + trap.at + 1, tag: trap.tag });
    lines.push('');
  }
  const isTsx = file.rel.endsWith('.tsx');
  lines.push(
    `export class C${id} {`,
    '  private readonly seen = new Map<string, number>();',
    `  constructor(private readonly base: T${id}) {}`,
    '  /** Counts one more visit of a key. */',
    '  visit(key: string): number {',
    '    const next = (this.seen.get(key) ?? 0) + 1;',
    '    this.seen.set(key, next);',
    '    return next + this.base.value;',
    '  }',
    '}',
  );
  if (isTsx) lines.push('', `export function Widget${id}(props: { label: string }) {`, '  return <section className="widget"><h2>{props.label}</h2><p>Total: {props.label.length}</p></section>;', '}');
  if (dynamic.length > 0) {
    lines.push('', `export async function load${id}(): Promise<number> {`);
    dynamic.forEach((spec, k) => lines.push(`  const m${k} = await import('${spec}');`));
    lines.push(`  return ${dynamic.map((_, k) => `Object.keys(m${k}).length`).join(' + ')};`, '}');
  }
}

const TSCONFIG = `${JSON.stringify({
  compilerOptions: {
    target: 'ES2022', module: 'ESNext', moduleResolution: 'bundler', jsx: 'react-jsx', strict: true, noEmit: true, skipLibCheck: true,
    baseUrl: '.',
    paths: { '@shared/*': ['src/shared/*'], '@domain/*': ['src/domain/*'], '@features/*': ['src/features/*'] },
  },
  include: ['src'],
}, null, 2)}\n`;

const RULES = `{
  "include": ["src/**"],
  "layers": {
    "ui": "src/ui/**",
    "app": "src/app/**",
    "domain": "src/domain/**",
    "infra": "src/infra/**"
  },
  "rules": [
    { "id": "layered", "kind": "layers", "order": ["ui", "app", "domain"], "allowUnlayered": true },
    { "id": "domain-pure", "kind": "forbidden", "from": "domain", "to": ["infra", "ui"] },
    { "id": "no-cycles", "kind": "no-cycle", "scope": "src/**" },
    { "id": "features-isolated", "kind": "forbidden", "from": "src/features/{feature}/**", "to": "src/features/!{feature}/**" },
    { "id": "public-api", "kind": "entry-point", "modules": "src/features/*", "entry": ["index.ts"] },
    { "id": "no-unresolved", "kind": "no-unresolved", "severity": "warning" }
  ],
  "debt": {
    "tags": { "TODO": "info", "FIXME": "warning", "HACK": "warning", "DEBT": "warning" },
    "require": { "owner": ["DEBT", "HACK"], "ticket": ["DEBT"] },
    "overdueSeverity": "error"
  }
}
`;

/** Writes the corpus under `dir` (which should be empty or absent). */
export function writeCorpus(dir: string, corpus: SyntheticCorpus): void {
  const made = new Set<string>();
  for (const [rel, text] of corpus.files) {
    const file = path.join(dir, rel);
    const parent = path.dirname(file);
    if (!made.has(parent)) {
      mkdirSync(parent, { recursive: true });
      made.add(parent);
    }
    writeFileSync(file, text);
  }
}
