// Which element a file is, in eslint-plugin-boundaries and in the imported layers. The plugin walks
// up from the file and gives it to the element whose pattern matches nearest to it (the shortest
// tail of its path), the first declared among those. A Guardrails file belongs to the layer with
// the most specific glob, the first declared on a tie (checks/layerMap). So where an element is
// declared after another whose root-anchored glob contains its own, the plugin never gives it those
// files but the more specific layer would take them: the earlier layer gets that glob too (a tie,
// which it wins by being declared first). With the project's files at hand, any file the layers
// still place differently is counted in a note, never left unsaid.
import { LayerMap, compareRanks, specificity } from '../../checks/layerMap';
import { compilePattern, type CompiledPattern } from '../../glob/pattern';
import type { Layer } from '../../model/ruleTypes';
import type { Location } from '../../model/types';
import { subtractGlobs } from '../globAlgebra';
import type { Notes } from '../importResult';
import type { Element, ElementPattern } from './elements';

/** The layers are checked before any rules file exists: they have no place in one. */
const NOWHERE: Location = { file: '', range: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } } };

/** Each element's layer globs, in the order layers are declared, placing files as the plugin does where globs can say so. */
export function layersOf(elements: readonly Element[], notes: Notes, files?: readonly string[]): Record<string, string | string[]> {
  const globs = elements.map((element) => unique(element.patterns.map(globOf)));
  const claimed: string[] = [];
  for (const [j, later] of elements.entries()) {
    for (const pattern of later.patterns) {
      const glob = globOf(pattern);
      if (!anchored(pattern)) continue;
      // The first earlier element that holds this glob wholly gets it; later ones never see these files.
      const earlier = elements.slice(0, j).findIndex((element) => element.patterns.some((outer) => anchored(outer) && holds(globOf(outer), glob)));
      if (earlier < 0 || globs[earlier].includes(glob)) continue;
      const outer = elements[earlier].patterns.map(globOf).find((candidate) => holds(candidate, glob))!;
      if (compareRanks(specificity(glob), specificity(outer)) <= 0) continue;
      globs[earlier].push(glob);
      claimed.push(`${glob} (element "${later.type}") in layer ${elements[earlier].layer}`);
    }
  }
  if (claimed.length > 0) {
    notes.approximated('settings', 'boundaries/elements', `the first matching element wins in eslint-plugin-boundaries and the most specific glob in Guardrails: ${claimed.join(', ')}, declared first, so its files stay where the plugin puts them`);
  }
  const layers: Record<string, string | string[]> = {};
  for (const [i, element] of elements.entries()) layers[element.layer] = globs[i].length === 1 ? globs[i][0] : globs[i];
  if (files) compareWithPlugin(elements, layers, files, notes);
  return layers;
}

/** Files the layers place in another element than the plugin does, counted in a note. */
function compareWithPlugin(elements: readonly Element[], layers: Record<string, string | string[]>, files: readonly string[], notes: Notes): void {
  const map = new LayerMap(Object.entries(layers).map(([name, value]): Layer => ({ name, files: [value].flat().map((pattern) => ({ pattern, location: NOWHERE })), location: NOWHERE })));
  const matchers = elements.map((element) => element.patterns.map((pattern) => ({ pattern, nearest: nearestMatcher(pattern) })));
  const differ: { file: string; here: string; plugin: string }[] = [];
  for (const file of files) {
    const plugin = pluginElement(file, elements, matchers);
    const here = map.layerOf(file);
    if (plugin !== undefined && here !== undefined && plugin !== here) differ.push({ file, here, plugin });
  }
  if (differ.length === 0) return;
  const [first] = differ;
  notes.approximated('settings', 'boundaries/elements', `${differ.length} file${differ.length === 1 ? '' : 's'} such as ${first.file} ${differ.length === 1 ? 'is' : 'are'} in another layer than the plugin's element (${first.file} is in ${first.here} here, ${first.plugin} in eslint-plugin-boundaries): the plugin takes the element that matches nearest to the file, a Guardrails layer the most specific glob`);
}

interface PatternMatcher {
  pattern: ElementPattern;
  /** How many trailing segments of a path the pattern matches first (the plugin's level), or undefined. */
  nearest: (segments: string[]) => number | undefined;
}

/** The plugin's element for a file (its layer name): nearest match first, then the first declared. */
function pluginElement(file: string, elements: readonly Element[], matchers: PatternMatcher[][]): string | undefined {
  const segments = file.split('/');
  let best: { level: number; layer: string } | undefined;
  for (const [i, element] of elements.entries()) {
    for (const { nearest } of matchers[i]) {
      const level = nearest(segments);
      if (level !== undefined && (best === undefined || level < best.level)) best = { level, layer: element.layer };
    }
  }
  return best?.layer;
}

function nearestMatcher(pattern: ElementPattern): (segments: string[]) => number | undefined {
  // "full" patterns are tried on the whole path before the walk up goes any further.
  if (pattern.mode === 'full') return matchWhole(compilePattern(globOf(pattern)), 1);
  if (anchored(pattern)) return matchWhole(compilePattern(globOf(pattern)));
  const rest = pattern.segments.slice(1).join('/');
  const compiled = rest === '' ? undefined : compilePattern(rest);
  if (!compiled?.ok) return () => undefined;
  return (segments) => {
    for (let k = 1; k <= segments.length; k++) if (compiled.pattern.match(segments.slice(segments.length - k).join('/'))) return k;
    return undefined;
  };
}

function matchWhole(compiled: ReturnType<typeof compilePattern>, level?: number): (segments: string[]) => number | undefined {
  if (!compiled.ok) return () => undefined;
  const pattern: CompiledPattern = compiled.pattern;
  return (segments) => (pattern.match(segments.join('/')) ? level ?? segments.length : undefined);
}

/** Matched from the root: the plugin's walk up reaches it only with the whole path. */
function anchored(pattern: ElementPattern): boolean {
  return pattern.segments[0] !== '**';
}

/** Every path `inner` matches, `outer` matches too (an exact set difference that is empty). */
function holds(outer: string, inner: string): boolean {
  const difference = subtractGlobs([inner], [outer]);
  return difference.globs.length === 0 && difference.notApplied.length === 0 && difference.anchored.length === 0;
}

function globOf(pattern: ElementPattern): string {
  return pattern.segments.join('/');
}

function unique(globs: string[]): string[] {
  return [...new Set(globs)];
}
