// Set difference of globs, segment by segment: what "path but not pathNot" becomes when it can be
// written as globs (`src/**` minus `src/shared/**` is `src/*` and `src/!(shared)/**`). Where a
// difference has no exact glob form the answer says so, and the caller falls back to an
// approximation it reports.
import { Minimatch } from 'minimatch';
import { appendAll } from '../util/arrays';

const OPTIONS = { dot: true, nonegate: true, nocomment: true } as const;
const MAX_GLOBS = 48;

type Segments = string[];

export interface Difference {
  globs: string[];
  /** Globs of `remove` that could not be taken out of a kept glob: the result matches more than asked. */
  notApplied: Array<{ glob: string; from: string }>;
  /** Unanchored globs of `remove` (`**\/*src/cli/**`) taken out as anchored at the root. */
  anchored: string[];
}

/**
 * `keep` minus every glob of `remove`. Exact when `notApplied` and `anchored` are empty; otherwise
 * the result is a superset of the difference, and those lists say where.
 */
export function subtractGlobs(keep: readonly string[], remove: readonly string[]): Difference {
  let result: Segments[] = keep.map((glob) => glob.split('/'));
  const notApplied: Array<{ glob: string; from: string }> = [];
  const anchored = new Set<string>();
  for (const glob of remove) {
    const next: Segments[] = [];
    for (const kept of result) {
      let difference = subtractOne(kept, glob.split('/'), 0);
      const rooted = anchorAtRoot(glob);
      if (!difference && rooted) {
        difference = subtractOne(kept, rooted.split('/'), 0);
        if (difference) anchored.add(glob);
      }
      if (!difference || next.length + difference.length > MAX_GLOBS) {
        notApplied.push({ glob, from: kept.join('/') });
        difference = [kept];
      }
      appendAll(next, difference);
    }
    result = next;
  }
  let globs = result.map((segments) => segments.join('/'));
  for (let previous = ''; previous !== globs.join('\n'); ) {
    previous = globs.join('\n');
    globs = simplify(globs);
  }
  return { globs, notApplied, anchored: [...anchored] };
}

/** `**\/*src/cli/**` (an unanchored regex) read from the root: `src/cli/**`. */
function anchorAtRoot(glob: string): string | undefined {
  const match = /^\*\*\/\*([^*?[\]{}()!@+/][^/]*\/.*)$/.exec(glob);
  return match ? match[1] : undefined;
}

function isLiteral(segment: string): boolean {
  return !/[*?[\]{}]|[!@+]\(/.test(segment);
}

function isCapture(segment: string): boolean {
  return /^!?\{[A-Za-z_$][\w$]*\}$/.test(segment);
}

function segmentMatches(pattern: string, name: string): boolean {
  return new Minimatch(pattern, OPTIONS).match(name);
}

function subtractOne(p: Segments, n: Segments, i: number): Segments[] | undefined {
  const s = p[i];
  const x = n[i];
  if (s === undefined) return x === undefined ? [] : [p]; // p's path ends first: not in n ("a/**" never matches "a")
  if (x === '**' && i === n.length - 1) return []; // n takes everything below this point
  if (s === '**') {
    if (i !== p.length - 1) return undefined;
    // Zero segments here is the folder itself, never a file: "**" is "*" or "*/**".
    const files = subtractOne([...p.slice(0, i), '*'], n, i);
    const deeper = subtractOne([...p.slice(0, i), '*', '**'], n, i);
    return files && deeper ? [...files, ...deeper] : undefined;
  }
  if (x === '**') return suffixDifference(p, n, i);
  if (x === undefined) return [p]; // p goes deeper than n: nothing in common
  if (s === x) return subtractOne(p, n, i + 1);
  if (disjoint(s, x)) return [p];
  if (isCapture(s) || isCapture(x)) {
    if (s === '*' && isCapture(x)) return split(p, n, i, x);
    return undefined;
  }
  if (isLiteral(s) && isLiteral(x)) return [p]; // two different names
  if (isLiteral(s)) return segmentMatches(x, s) ? subtractOne(p, n, i + 1) : [p];
  if (isLiteral(x)) return segmentMatches(s, x) ? split(p, n, i, x) : [p];
  if (x === '*') return subtractOne(p, n, i + 1);
  return split(p, n, i, x);
}

/** `abc*` and `abd*`: no name starts with both. */
function disjointPrefixes(a: string, b: string): boolean {
  const prefix = (glob: string): string | undefined => (/^[^*?[\]{}()!@+]+\*$/.test(glob) ? glob.slice(0, -1) : undefined);
  const pa = prefix(a);
  const pb = prefix(b);
  return pa !== undefined && pb !== undefined && !pa.startsWith(pb) && !pb.startsWith(pa);
}

/** True when no segment name matches both (`!(a|b)` and `a`, two different names). */
function disjoint(s: string, x: string): boolean {
  if (s === `!(${x})` || x === `!(${s})`) return true;
  if ((s === `!${x}` && isCapture(x)) || (x === `!${s}` && isCapture(s))) return true;
  const negatedS = extglobAlternatives(s, '!');
  if (negatedS && bodyOf(x).every((alt) => negatedS.includes(alt))) return true;
  const negatedX = extglobAlternatives(x, '!');
  if (negatedX && bodyOf(s).every((alt) => negatedX.includes(alt))) return true;
  return false;
}

/** p's segment `i` is `x` (then subtract the rest) or anything else p allows there (kept). */
function split(p: Segments, n: Segments, i: number, x: string): Segments[] | undefined {
  const rest = intersectNot(p[i], x);
  if (rest === undefined) return undefined;
  const narrowed = narrow(p[i], x);
  if (narrowed === undefined) return undefined;
  const inside = subtractOne([...p.slice(0, i), narrowed, ...p.slice(i + 1)], n, i + 1);
  if (!inside) return undefined;
  const kept = rest === '' ? [] : [[...p.slice(0, i), rest, ...p.slice(i + 1)]];
  return [...kept, ...inside];
}

/** Segment `s` restricted to `x`; undefined when that has no one-segment form. */
function narrow(s: string, x: string): string | undefined {
  if (s === '*') return x;
  if (isLiteral(x)) return segmentMatches(s, x) ? x : undefined;
  // `!(a|b)` and `x*`: when no excluded name matches x, every name x matches is allowed.
  const negated = extglobAlternatives(s, '!');
  if (negated && negated.every((name) => (isLiteral(name) ? !segmentMatches(x, name) : disjointPrefixes(name, x)))) return x;
  return undefined;
}

/** Segment `s` without what `x` matches, '' when nothing is left, undefined when unsayable. */
function intersectNot(s: string, x: string): string | undefined {
  if (s === '*') return negate(x);
  const alternatives = extglobAlternatives(s, '@');
  if (alternatives && alternatives.every(isLiteral)) {
    const left = alternatives.filter((name) => !segmentMatches(x, name));
    return left.length === 0 ? '' : left.length === 1 ? left[0] : `@(${left.join('|')})`;
  }
  const negated = extglobAlternatives(s, '!');
  if (negated && !isCapture(x)) return `!(${[...negated, ...bodyOf(x)].join('|')})`;
  return undefined;
}

function negate(x: string): string {
  if (isCapture(x)) return x.startsWith('!') ? x.slice(1) : `!${x}`;
  const negated = extglobAlternatives(x, '!');
  if (negated) return negated.length === 1 ? negated[0] : `@(${negated.join('|')})`;
  return `!(${bodyOf(x).join('|')})`;
}

/**
 * The alternatives a segment pattern stands for, spelled so they nest inside `!( | )`: inner
 * `@(a|b)` groups are spelled out (`*.@(spec|test).ts` → `*.spec.ts`, `*.test.ts`), since
 * minimatch mis-reads a negation that ends in a nested group.
 */
function bodyOf(x: string): string[] {
  return (extglobAlternatives(x, '@') ?? [x]).flatMap(spellOut);
}

function spellOut(pattern: string): string[] {
  const group = /@\(([^()]*)\)/.exec(pattern);
  if (!group) return [pattern];
  const head = pattern.slice(0, group.index);
  const tail = pattern.slice(group.index + group[0].length);
  const out = group[1].split('|').flatMap((alternative) => spellOut(`${head}${alternative}${tail}`));
  return out.length > 64 ? [pattern] : out;
}

/** `a|b` of `@(a|b)` (or `!(a|b)`) when the whole segment is that one extglob. */
function extglobAlternatives(segment: string, kind: '@' | '!'): string[] | undefined {
  if (!segment.startsWith(`${kind}(`) || !segment.endsWith(')')) return undefined;
  const body = segment.slice(2, -1);
  if (/[()]/.test(body)) return undefined;
  return body.split('|');
}

/**
 * `n` is `…/**\/Y` from here: paths of p whose last segment matches Y. Supported when Y is one
 * segment and p's last segment can be narrowed to "not Y".
 */
function suffixDifference(p: Segments, n: Segments, i: number): Segments[] | undefined {
  if (n.length !== i + 2) return undefined;
  const y = n[i + 1];
  const last = p[p.length - 1];
  if (last === '**') return [[...p.slice(0, -1), '**', negate(y)]];
  if (isCapture(last)) return undefined;
  if (isLiteral(last)) return segmentMatches(y, last) ? [] : [p];
  const rest = intersectNot(last, y);
  if (rest === undefined) return undefined;
  return rest === '' ? [] : [[...p.slice(0, -1), rest]];
}

/** `A/*` with `A/*\/**` is `A/**`; `A/!(x)/B` with `A/x/B` is `A/*\/B`. */
function simplify(globs: string[]): string[] {
  let current = [...new Set(globs)];
  for (let changed = true; changed; ) {
    changed = false;
    for (const glob of current) {
      const segments = glob.split('/');
      for (const [index, segment] of segments.entries()) {
        if (isCapture(segment) && segment.startsWith('!')) {
          const partner = [...segments.slice(0, index), segment.slice(1), ...segments.slice(index + 1)].join('/');
          if (current.includes(partner)) {
            // eslint-disable-next-line no-restricted-syntax -- bounded: the globs of one rule, and the loop restarts after each merge
            current = [...current.filter((g) => g !== glob && g !== partner), [...segments.slice(0, index), '*', ...segments.slice(index + 1)].join('/')];
            changed = true;
            break;
          }
        }
        const negated = extglobAlternatives(segment, '!');
        if (!negated) continue;
        const at = (name: string): string => [...segments.slice(0, index), name, ...segments.slice(index + 1)].join('/');
        // Partners: the same glob with this segment one of the negated names (`x` or `@(x|y)`).
        const partners = current.filter((other) => {
          if (other === glob) return false;
          const otherSegments = other.split('/');
          if (otherSegments.length !== segments.length || at(otherSegments[index]) !== other) return false;
          return bodyOf(otherSegments[index]).every((name) => isLiteral(name) && negated.includes(name));
        });
        if (partners.length === 0) continue;
        const covered = new Set(partners.flatMap((other) => bodyOf(other.split('/')[index])));
        const left = negated.filter((name) => !covered.has(name));
        const merged = at(left.length ? `!(${left.join('|')})` : '*');
        const drop = new Set([glob, ...partners]);
        // eslint-disable-next-line no-restricted-syntax -- bounded: the globs of one rule, and the loop restarts after each merge
        current = [...current.filter((g) => !drop.has(g)), merged];
        changed = true;
        break;
      }
      if (changed) break;
    }
  }
  // `X` with `*\/**\/X` (and `A/X` with `A/*\/**\/X`) is `**\/X`.
  for (const glob of [...current]) {
    const deeper = glob.replace(/(^|\/)([^/]+)$/, '$1*/**/$2');
    if (deeper !== glob && current.includes(deeper) && !glob.split('/').includes('**')) {
      // eslint-disable-next-line no-restricted-syntax -- bounded: the globs of one rule, and the loop restarts after each merge
      current = [...current.filter((g) => g !== glob && g !== deeper), glob.replace(/(^|\/)([^/]+)$/, '$1**/$2')];
    }
  }
  const set = new Set(current);
  const out: string[] = [];
  for (const glob of current) {
    if (!set.has(glob)) continue;
    if (glob.endsWith('/*') && set.has(`${glob}/**`)) {
      out.push(`${glob.slice(0, -1)}**`);
      set.delete(`${glob}/**`);
    } else if (glob === '*' && set.has('*/**')) {
      out.push('**');
      set.delete('*/**');
    } else {
      out.push(glob);
    }
    set.delete(glob);
  }
  return out;
}
