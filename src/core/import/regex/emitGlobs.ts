// One branch of tokens → root-relative globs. A path regex is tested with `RegExp.test`, so an
// unanchored side may match anywhere: that is `.*` on that side, and every `.*` becomes `*`, `**`
// or both, depending on whether a `/` stands next to it. Negative look-aheads at the start of a
// segment (`^src/(?!shared/)`) become negated segments (`!(shared)`).
import { Unsupported, type Token } from './linearize';
import { appendAll } from '../../util/arrays';

export interface BranchGlobs {
  globs: string[];
  /**
   * For each captured group that was asked for and takes part in this branch: the glob text it
   * stands for ("{$1}", "src/cli/"), or null when no glob can stand for it (`(.+)`).
   */
  bindings: Map<number, string | null>;
}

export interface EmitOptions {
  /**
   * Glob text for `$n` references (a `to` pattern); null: the group has no glob form; absent:
   * the group took no part in the match, so dependency-cruiser leaves "$n" as is and the
   * pattern matches nothing.
   */
  refs?: ReadonlyMap<number, string | null>;
  /** Groups whose text is referred to elsewhere: whole wildcard segments inside become `{$n}`. */
  captureGroups?: ReadonlySet<number>;
}

/** Globs for one branch, or undefined when the branch can never match (an anchor mid-way). */
export function emitBranch(branch: Token[], options: EmitOptions, notes: Set<string>): BranchGlobs | undefined {
  const anchored = stripAnchors(branch);
  if (!anchored) return undefined;
  const replaced = replaceRefs(anchored.tokens, options.refs);
  if (!replaced) return undefined;
  let tokens = replaced;
  if (!anchored.start) tokens = [{ t: 'any', min: 0 }, ...tokens];
  if (!anchored.end) tokens = [...tokens, { t: 'any', min: 0 }];
  tokens = mergeAnys(tokens);
  const bindings = new Map<number, string | null>();
  for (const n of options.captureGroups ?? []) {
    if (!tokens.some((token) => token.t === 'open' && token.n === n)) continue;
    const binding = bindGroup(tokens, n);
    if (binding !== undefined) tokens = binding.tokens;
    bindings.set(n, binding?.text ?? null);
  }
  const variants = expandLookaheads(tokens, notes);
  const globs = variants.flatMap((variant) => expandAnys(variant)).map(cleanGlob);
  return { globs: [...new Set(globs)], bindings };
}

const isSlash = (token: Token | undefined): boolean => token?.t === 'ch' && token.s === '/';
/** A wildcard that takes a whole segment when it stands alone in one: `*`, `?*`, `{$1}`. */
const isRun = (s: string): boolean => s === '*' || s === '?*' || /^\{\$\d+(_\d+)?\}$/.test(s);
const zeroWidth = (token: Token): boolean => token.t === 'open' || token.t === 'close';

function stripAnchors(branch: Token[]): { tokens: Token[]; start: boolean; end: boolean } | undefined {
  let start = false;
  let end = false;
  let consumed = false;
  const tokens: Token[] = [];
  for (const token of branch) {
    if (token.t === 'start') {
      if (consumed) return undefined;
      start = true;
    } else if (token.t === 'end') {
      end = true;
    } else {
      if (!zeroWidth(token) && token.t !== 'look') {
        if (end) return undefined; // text after "$"
        consumed = true;
      }
      tokens.push(token);
    }
  }
  return { tokens, start, end };
}

/** Tokens with each `$n` replaced by its glob; undefined when a reference makes the branch unmatchable. */
function replaceRefs(tokens: Token[], refs: ReadonlyMap<number, string | null> | undefined): Token[] | undefined {
  const out: Token[] = [];
  for (const token of tokens) {
    if (token.t === 'look') {
      const branches = token.branches.map((b) => replaceRefs(b, refs)).filter((b): b is Token[] => b !== undefined);
      out.push({ ...token, branches });
    } else if (token.t === 'ref') {
      const text = refs?.get(token.n);
      if (text === undefined) return undefined; // "$n" stays as is: "$" is an anchor, nothing matches
      if (text === null) throw new Unsupported(`"$${token.n}" refers to a group of from.path that`);
      appendAll(out, globTokens(text));
    } else {
      out.push(token);
    }
  }
  return out;
}

/** Glob text split into tokens: `/` apart, each segment one token. */
function globTokens(text: string): Token[] {
  const parts = text.split('/');
  return parts.flatMap((part, index): Token[] => {
    const out: Token[] = part === '' ? [] : [{ t: 'ch', s: part, wild: /[*?[{]|[!@+]\(/.test(part) }];
    return index < parts.length - 1 ? [...out, { t: 'ch', s: '/' }] : out;
  });
}

function mergeAnys(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (const token of tokens) {
    const last = out[out.length - 1];
    if (token.t === 'any' && last?.t === 'any') last.min = (last.min || token.min);
    else out.push(token.t === 'any' ? { ...token } : token);
  }
  return out;
}

/**
 * Replaces the whole wildcard segments of group `n` with `{$n}` and returns the group's glob
 * text; undefined (left as is) when the group spans `.*` or a partial segment.
 */
function bindGroup(tokens: Token[], n: number): { tokens: Token[]; text: string } | undefined {
  const open = tokens.findIndex((token) => token.t === 'open' && token.n === n);
  const close = tokens.findIndex((token) => token.t === 'close' && token.n === n);
  if (open < 0 || close < open) return undefined;
  const inner = tokens.slice(open + 1, close).filter((token) => !zeroWidth(token));
  if (inner.some((token) => token.t !== 'ch')) return undefined;
  const before = (i: number): Token | undefined => tokens.slice(0, i).filter((t) => !zeroWidth(t)).pop();
  const after = (i: number): Token | undefined => tokens.slice(i + 1).find((t) => !zeroWidth(t));
  const result = [...tokens];
  let captures = 0;
  for (let i = open + 1; i < close; i++) {
    const token = tokens[i];
    if (token.t !== 'ch' || !token.wild) continue;
    const prev = before(i);
    const next = after(i);
    // A greedy run followed by ".*" and then nothing or "/" still takes the whole segment.
    const trailingAny = next?.t === 'any' && (() => {
      const afterAny = after(tokens.indexOf(next));
      return afterAny === undefined || isSlash(afterAny);
    })();
    const wholeSegment = (prev === undefined || isSlash(prev)) && (next === undefined || isSlash(next) || trailingAny);
    if (!wholeSegment || !(token.s === '*' || token.s === '?*')) return undefined;
    captures++;
    result[i] = { t: 'ch', s: captures === 1 ? `{$${n}}` : `{$${n}_${captures}}`, wild: true };
  }
  const text = result.slice(open + 1, close).map((token) => (token.t === 'ch' ? token.s : '')).join('');
  return { tokens: result, text };
}

interface LookNames {
  dirs: string[];
  files: string[];
  prefixes: string[];
}

function lookNames(branches: Token[][], notes: Set<string>): LookNames {
  const names: LookNames = { dirs: [], files: [], prefixes: [] };
  for (const branch of branches) {
    let text = '';
    let kind: keyof LookNames = 'prefixes';
    for (const [index, token] of branch.entries()) {
      if (token.t === 'end' && index === branch.length - 1) kind = 'files';
      else if (isSlash(token) && index === branch.length - 1) kind = 'dirs';
      else if (token.t === 'ch' && token.s !== '/' && (!token.wild || /^\{\$\d+\}$/.test(token.s))) text += token.s;
      else throw new Unsupported('a look-ahead other than names of one path segment');
    }
    if (text === '') throw new Unsupported('an empty look-ahead');
    if (kind === 'prefixes' && text.startsWith('{')) {
      // `(?!$1)[^/]+`: strictly, any name that starts with the captured text; read as that name.
      notes.add('"(?!$n)" also excludes names that only start with the captured text; imported as that exact name');
      names.dirs.push(text);
      names.files.push(text);
      continue;
    }
    names[kind].push(text);
  }
  return names;
}

/** `!(a|b)` for literal names (prefixes with `*`), `!{$1}` for one captured name. */
function negatedSegment(names: string[], prefixes: string[]): string {
  const captured = [...names, ...prefixes].filter((name) => name.startsWith('{'));
  if (captured.length > 0) {
    if (names.length + prefixes.length !== 1) throw new Unsupported('a look-ahead mixing a $-reference with names');
    return `!${captured[0]}`;
  }
  const all = [...names, ...prefixes.map((prefix) => `${prefix}*`)];
  return all.length === 0 ? '*' : `!(${all.join('|')})`;
}

function expandLookaheads(tokens: Token[], notes: Set<string>): Token[][] {
  const index = tokens.findIndex((token) => token.t === 'look');
  if (index < 0) return [tokens];
  const look = tokens[index] as Extract<Token, { t: 'look' }>;
  if (!look.negative) throw new Unsupported('a positive look-ahead');
  const prev = tokens.slice(0, index).filter((t) => !zeroWidth(t)).pop();
  if (prev !== undefined && !isSlash(prev)) throw new Unsupported('a look-ahead inside a path segment');
  const names = lookNames(look.branches, notes);
  const rest = tokens.slice(index + 1);
  const next = rest.find((t) => !zeroWidth(t));
  const head = tokens.slice(0, index);
  const nextIndex = next ? rest.indexOf(next) : -1;
  const afterNext = rest.slice(nextIndex + 1).find((t) => !zeroWidth(t));
  if (next?.t === 'ch' && next.s.startsWith('{')) throw new Unsupported('a look-ahead on a captured segment');
  if (next?.t === 'ch' && isRun(next.s) && (isSlash(afterNext) || afterNext === undefined)) {
    // A whole segment: a folder when "/" follows, else the file name.
    const segment = isSlash(afterNext) ? negatedSegment(names.dirs, names.prefixes) : negatedSegment(names.files, names.prefixes);
    const replaced = [...rest];
    replaced[nextIndex] = { t: 'ch', s: segment, wild: true };
    return expandLookaheads([...head, ...replaced], notes);
  }
  const runThenAny = next?.t === 'ch' && isRun(next.s) && afterNext?.t === 'any' && rest.slice(rest.indexOf(afterNext) + 1).every(zeroWidth);
  if ((next?.t === 'any' && next.min === 0 && afterNext === undefined) || runThenAny) {
    return [
      [...head, { t: 'ch', s: negatedSegment(names.files, names.prefixes), wild: true }],
      [...head, { t: 'ch', s: negatedSegment(names.dirs, names.prefixes), wild: true }, { t: 'ch', s: '/' }, { t: 'any', min: 0 }],
    ];
  }
  throw new Unsupported('a look-ahead that is not followed by a whole path segment');
}

/** Each `.*` as `*`, `**` or both, by what stands on either side of it. */
function expandAnys(tokens: Token[]): string[] {
  const index = tokens.findIndex((token) => token.t === 'any');
  const text = (list: Token[]): string => list.map((token) => (token.t === 'ch' ? token.s : '')).join('');
  if (index < 0) return [text(tokens)];
  const any = tokens[index] as Extract<Token, { t: 'any' }>;
  const prev = tokens.slice(0, index).filter((t) => !zeroWidth(t)).pop();
  const next = tokens.slice(index + 1).find((t) => !zeroWidth(t));
  const prevIndex = prev ? tokens.indexOf(prev) : -1;
  const beforePrev = tokens.slice(0, Math.max(prevIndex, 0)).filter((t) => !zeroWidth(t)).pop();
  const afterRun = prev?.t === 'ch' && isRun(prev.s) && (beforePrev === undefined || isSlash(beforePrev));
  const left = prev === undefined || isSlash(prev) ? 'edge' : 'text';
  const right = next === undefined ? 'end' : isSlash(next) ? 'slash' : 'text';
  const head = tokens.slice(0, index);
  const tail = tokens.slice(index + 1);
  const ch = (s: string): Token => ({ t: 'ch', s, wild: true });
  let variants: Token[][];
  if (afterRun && right === 'end') variants = [[], [ch('/'), ch('**')]]; // the run already took the segment
  else if (afterRun && right === 'slash') variants = [[], [ch('/'), ch('*'), ch('/'), ch('**')]];
  else if (left === 'edge' && right === 'slash') variants = [[ch('*'), ch('/'), ch('**')]];
  else if (left === 'edge' && right === 'end') variants = [[ch('**')]];
  else if (left === 'edge') variants = [[ch('**'), ch('/'), ch('*')]];
  else if (right === 'slash') variants = [[ch('*'), ch('/'), ch('**')]];
  else if (right === 'end') variants = [[ch(any.min ? '?*' : '*')], [ch('*'), ch('/'), ch('**')]];
  else variants = [[ch(any.min ? '?*' : '*')], [ch('*'), ch('/'), ch('**'), ch('/'), ch('*')]];
  return variants.flatMap((middle) => expandAnys([...head, ...middle, ...tail]));
}

function cleanGlob(glob: string): string {
  let out = glob;
  while (out.includes('**/**')) out = out.replace('**/**', '**');
  out = out.replace(/\*\*\*+/g, '**').replace(/\*\*\/\*\*$/, '**');
  // Path segments are never empty, so a whole segment "?*" is simply "*".
  return out.split('/').map((segment) => (segment === '?*' ? '*' : segment)).join('/');
}
