// `graph --format dot`: a Graphviz digraph. Files are clustered by folder (the first level below
// the folder all files share), packages and built-ins are boxes, type-only edges are dashed and
// edges that break a rule are red. Output is sorted so equal graphs print equal text.
import type { AnalysisResult } from '../model/types';
import { toGraphJson } from './graphJson';
import { compareStrings, relativeFile, relativeTarget } from '../util/relativePaths';

export function toDot(result: AnalysisResult): string {
  const edges = toGraphJson(result).edges;
  const files = new Set<string>();
  const externals = new Set<string>();
  // One drawn edge per pair; solid wins over dashed when a pair has both kinds of import.
  const pairs = new Map<string, { from: string; to: string; typeOnly: boolean }>();
  for (const e of edges) {
    files.add(e.from);
    (isExternal(e.to) ? externals : files).add(e.to);
    const key = `${e.from}\0${e.to}`;
    const typeOnly = e.typeOnly || e.kind === 'type-only';
    const known = pairs.get(key);
    pairs.set(key, { from: e.from, to: e.to, typeOnly: (known?.typeOnly ?? true) && typeOnly });
  }
  const violating = new Set<string>();
  const mark = (from: string, to: string) => violating.add(`${relativeFile(result.root, from)}\0${relativeTarget(result.root, to)}`);
  for (const v of result.violations) {
    if (v.to !== '') mark(v.from, v.to);
    for (const step of v.cycle ?? []) mark(step.from, step.to);
  }

  const lines = [
    'digraph guardrails {',
    '  rankdir=LR;',
    '  node [shape=ellipse, fontname="Helvetica", fontsize=10];',
    '  edge [color="#555555"];',
  ];
  for (const [folder, members] of clusters([...files])) {
    if (folder === '') {
      for (const f of members) lines.push(`  ${quote(f)};`);
      continue;
    }
    lines.push(`  subgraph ${quote(`cluster_${folder}`)} {`, `    label=${quote(folder)};`, '    style=rounded;');
    for (const f of members) lines.push(`    ${quote(f)} [label=${quote(f.slice(folder.length + 1))}];`);
    lines.push('  }');
  }
  for (const x of [...externals].sort(compareStrings)) lines.push(`  ${quote(x)} [${externalStyle(x)}];`);
  for (const key of [...pairs.keys()].sort(compareStrings)) {
    const { from, to, typeOnly } = pairs.get(key)!;
    const attrs = [typeOnly ? 'style=dashed' : '', violating.has(key) ? 'color=red' : ''].filter((a) => a !== '');
    lines.push(`  ${quote(from)} -> ${quote(to)}${attrs.length > 0 ? ` [${attrs.join(', ')}]` : ''};`);
  }
  lines.push('}');
  return lines.join('\n') + '\n';
}

function isExternal(to: string): boolean {
  return /^(pkg|node|unresolved):/.test(to);
}

function externalStyle(target: string): string {
  const label = quote(target.slice(target.indexOf(':') + 1));
  if (target.startsWith('pkg:')) return `shape=box, label=${label}`;
  if (target.startsWith('node:')) return `shape=box, style=rounded, label=${quote(target)}`;
  return `shape=octagon, color=red, label=${label}`;
}

/** Folder → files, sorted; the folder is '' for files directly in the shared folder. */
function clusters(files: string[]): [string, string[]][] {
  const dirs = files.map((f) => f.split('/').slice(0, -1));
  let common = 0;
  while (dirs.length > 0 && dirs.every((d) => d.length > common && d[common] === dirs[0][common])) common++;
  const groups = new Map<string, string[]>();
  files.forEach((f, i) => {
    const folder = dirs[i].length > common ? dirs[i].slice(0, common + 1).join('/') : '';
    groups.set(folder, [...(groups.get(folder) ?? []), f]);
  });
  return [...groups.entries()]
    .sort(([a], [b]) => compareStrings(a, b))
    .map(([folder, members]) => [folder, members.sort(compareStrings)]);
}

/** A DOT double-quoted ID. */
function quote(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}
