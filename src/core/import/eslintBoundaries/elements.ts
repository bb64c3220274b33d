// `boundaries/elements` → layers. An element's pattern is a micromatch glob matched from the
// right of a file's path ("folder" mode: the folder it names and everything in it; "file": the
// file; "full": the whole path from the root). A Guardrails layer glob is matched from the root,
// so patterns that start with a folder name are anchored at the root (and said so), others get
// a leading `**/`. Captured path segments stay known, for rules that compare them.
import { compilePattern } from '../../glob/pattern';
import { isDict, type Dict } from '../dependencyCruiser/configShape';
import type { Notes } from '../importResult';

export interface ElementPattern {
  /** The layer glob's segments. */
  segments: string[];
  /** Capture name → index of its segment, for whole-segment `*` captures before any `**`. */
  slots: Map<string, number>;
  /** Segments that tell one element from another of its type (folder mode); undefined: unknown. */
  instance?: number[];
  /** "file" and "full" elements are single files: no dependency is internal to one. */
  singleFile: boolean;
  /** The descriptor's mode: "full" patterns match the whole path, before the plugin walks up. */
  mode: 'folder' | 'file' | 'full';
}

export interface Element {
  type: string;
  layer: string;
  patterns: ElementPattern[];
}

const LAYER_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

export function readElements(settings: Dict, notes: Notes, files?: readonly string[]): Element[] {
  const descriptors = settings['boundaries/elements'];
  if (!Array.isArray(descriptors)) return [];
  const elements: Element[] = [];
  const anchored: string[] = [];
  const full: Element[] = [];
  for (const [index, raw] of descriptors.entries()) {
    const field = `boundaries/elements[${index}]`;
    if (!isDict(raw)) continue;
    const type = typeof raw.type === 'string' && raw.type !== '' ? raw.type : undefined;
    if (!type) {
      notes.notMapped('settings', field, 'has no type (categories are not imported)');
      continue;
    }
    const mode = raw.mode === 'file' || raw.mode === 'full' ? raw.mode : 'folder';
    const patterns = typeof raw.pattern === 'string' ? [raw.pattern] : Array.isArray(raw.pattern) ? raw.pattern.filter((p): p is string => typeof p === 'string') : [];
    const captures = Array.isArray(raw.capture) ? raw.capture.map(String) : [];
    const base = typeof raw.basePattern === 'string' ? raw.basePattern : undefined;
    if (base !== undefined || raw.baseCapture !== undefined) notes.approximated('settings', `${field}.basePattern`, 'is joined in front of the pattern with "/**/"; its captures are not imported');
    let element = elements.find((known) => known.type === type) ?? full.find((known) => known.type === type);
    if (!element) {
      const layer = LAYER_NAME.test(type) ? type : type.replace(/^[^A-Za-z_]+/, '_').replace(/[^A-Za-z0-9_.-]/g, '-');
      if (layer !== type) notes.approximated('settings', `${field}.type`, `"${type}" is not a valid layer name: the layer is "${layer}"`);
      element = { type, layer, patterns: [] };
      // "full" descriptors match before the others (boundaries tries them on the whole path first).
      (mode === 'full' ? full : elements).push(element);
    }
    for (const pattern of patterns) {
      const built = buildPattern(base ? `${base}/**/${pattern}` : pattern, mode, base ? [] : captures, files);
      if (typeof built === 'string') {
        notes.notMapped('settings', `${field}.pattern`, built);
        continue;
      }
      if (built.anchored) anchored.push(built.glob);
      element.patterns.push(built.pattern);
    }
  }
  if (anchored.length > 0) notes.approximated('settings', 'boundaries/elements', anchoringNote(anchored, files));
  return [...full, ...elements].filter((element) => element.patterns.length > 0);
}

function buildPattern(source: string, mode: 'folder' | 'file' | 'full', captures: string[], files: readonly string[] | undefined): { pattern: ElementPattern; glob: string; anchored: boolean } | string {
  // micromatch reads "(a|b)" as a group; minimatch needs "@(a|b)".
  const pattern = source.replace(/^\.\//, '').replace(/(^|[^@!?+*])\((?=[^()]*\|)/g, '$1@(');
  const raw = pattern.split('/');
  let segments = [...raw];
  if (mode === 'folder') {
    while (segments.length > 0 && (segments[segments.length - 1] === '**' || segments[segments.length - 1] === '*') && segments.length > 1 && segments[segments.length - 2] === '**') segments.pop();
    if (segments[segments.length - 1] !== '**') segments.push('**');
  }
  // A pattern that starts with a folder name usually names it from the root ("src/features/*");
  // where the project's files show that it does not ("helpers/*" under src/), it stays unanchored.
  const anchorable = mode !== 'full' && !/[*?[{(]/.test(raw[0]) && raw[0] !== '';
  const anchored = anchorable && (files === undefined || matchesSome(segments.join('/'), files) || !matchesSome(`**/${segments.join('/')}`, files));
  const rightToLeft = mode !== 'full' && !anchored && raw[0] !== '**';
  if (rightToLeft) segments = ['**', ...segments];
  const offset = rightToLeft ? 1 : 0;
  // micromatch captures one value per wildcard: a whole "*" segment is one Guardrails can name.
  const slots = new Map<string, number>();
  const wildcards: number[] = [];
  let deep = rightToLeft;
  let next = 0;
  for (const [index, segment] of raw.entries()) {
    if (segment === '**') deep = true;
    const count = segment === '*' || segment === '**' ? 1 : (segment.match(/\*+|\?/g) ?? []).length;
    for (let k = 0; k < count; k++) {
      const name = captures[next++];
      if (name !== undefined && segment === '*' && !deep && k === 0) slots.set(name, index + offset);
    }
    if (/[*?[{(]/.test(segment) && !deep) wildcards.push(index + offset);
  }
  const glob = segments.join('/');
  const compiled = compilePattern(glob);
  if (!compiled.ok) return `"${source}" has no Guardrails glob form (${compiled.message})`;
  const instance = mode === 'folder' && !raw.includes('**') && !rightToLeft ? wildcards : undefined;
  return { pattern: { segments, slots, instance, singleFile: mode !== 'folder', mode }, glob, anchored };
}

function matchesSome(glob: string, files: readonly string[]): boolean {
  const compiled = compilePattern(glob);
  return compiled.ok && files.some((file) => compiled.pattern.match(file));
}

function anchoringNote(globs: string[], files: readonly string[] | undefined): string {
  const base = `patterns that start with a folder name are anchored at the root (${globs.join(', ')}); eslint-plugin-boundaries also matches them below other folders`;
  if (!files) return base;
  const deeper = globs.flatMap((glob) => {
    const rooted = compilePattern(glob);
    const anywhere = compilePattern(`**/${glob}`);
    if (!rooted.ok || !anywhere.ok) return [];
    return files.filter((file) => anywhere.pattern.match(file) && !rooted.pattern.match(file));
  });
  return deeper.length === 0
    ? `${base} (no file below another folder matches them now)`
    : `${base}: ${deeper.length} file${deeper.length === 1 ? '' : 's'} such as ${deeper[0]} match only there and are in no layer`;
}
