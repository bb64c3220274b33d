// Which lines of a new text are unchanged lines of an old one: the part of a line diff that blame
// needs to carry dates from a commit onto the working text. Common ends are matched directly;
// small middles by a longest common subsequence; large ones through lines unique to both sides
// (patience diff), so the work stays bounded on any input.

/** Largest middle (old lines × new lines) matched cell by cell. */
const MAX_TABLE_CELLS = 1_000_000;

/** New line index → old line index, for every line the two texts share in order. */
export function alignLines(before: readonly string[], after: readonly string[]): Map<number, number> {
  const matches = new Map<number, number>();
  align(before, after, 0, before.length, 0, after.length, matches);
  return matches;
}

function align(a: readonly string[], b: readonly string[], aLo: number, aHi: number, bLo: number, bHi: number, out: Map<number, number>): void {
  while (aLo < aHi && bLo < bHi && a[aLo] === b[bLo]) out.set(bLo++, aLo++);
  while (aLo < aHi && bLo < bHi && a[aHi - 1] === b[bHi - 1]) out.set(--bHi, --aHi);
  if (aLo === aHi || bLo === bHi) return;
  if ((aHi - aLo) * (bHi - bLo) <= MAX_TABLE_CELLS) {
    lcs(a, b, aLo, aHi, bLo, bHi, out);
    return;
  }
  const anchors = uniqueAnchors(a, b, aLo, aHi, bLo, bHi);
  if (anchors.length === 0) return; // nothing in common we can find cheaply: those lines stay undated
  let [prevA, prevB] = [aLo, bLo];
  for (const [i, j] of anchors) {
    align(a, b, prevA, i, prevB, j, out);
    out.set(j, i);
    [prevA, prevB] = [i + 1, j + 1];
  }
  align(a, b, prevA, aHi, prevB, bHi, out);
}

/** Classic dynamic programming over the (bounded) middle. */
function lcs(a: readonly string[], b: readonly string[], aLo: number, aHi: number, bLo: number, bHi: number, out: Map<number, number>): void {
  const n = aHi - aLo;
  const m = bHi - bLo;
  const table = new Uint32Array((n + 1) * (m + 1));
  const at = (i: number, j: number): number => i * (m + 1) + j;
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[at(i, j)] = a[aLo + i] === b[bLo + j] ? table[at(i + 1, j + 1)] + 1 : Math.max(table[at(i + 1, j)], table[at(i, j + 1)]);
    }
  }
  let [i, j] = [0, 0];
  while (i < n && j < m) {
    if (a[aLo + i] === b[bLo + j]) out.set(bLo + j++, aLo + i++);
    else if (table[at(i + 1, j)] >= table[at(i, j + 1)]) i++;
    else j++;
  }
}

/** Lines that occur once on each side, as pairs in an order both sides agree on (longest such chain). */
function uniqueAnchors(a: readonly string[], b: readonly string[], aLo: number, aHi: number, bLo: number, bHi: number): [number, number][] {
  const count = (lines: readonly string[], lo: number, hi: number): Map<string, number> => {
    const seen = new Map<string, number>();
    for (let k = lo; k < hi; k++) seen.set(lines[k], seen.has(lines[k]) ? -1 : k);
    return seen;
  };
  const inA = count(a, aLo, aHi);
  const inB = count(b, bLo, bHi);
  const pairs: [number, number][] = [];
  for (const [line, j] of inB) {
    const i = inA.get(line);
    if (j >= 0 && i !== undefined && i >= 0) pairs.push([i, j]);
  }
  pairs.sort((x, y) => x[1] - y[1]);
  return longestIncreasing(pairs);
}

/** Longest chain of pairs increasing in the old index (pairs come sorted by the new index). */
function longestIncreasing(pairs: [number, number][]): [number, number][] {
  const tails: number[] = [];
  const previous: number[] = new Array<number>(pairs.length).fill(-1);
  for (let k = 0; k < pairs.length; k++) {
    let [lo, hi] = [0, tails.length];
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pairs[tails[mid]][0] < pairs[k][0]) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[k] = tails[lo - 1];
    tails[lo] = k;
  }
  const chain: [number, number][] = [];
  for (let k = tails.length > 0 ? tails[tails.length - 1] : -1; k >= 0; k = previous[k]) chain.push(pairs[k]);
  return chain.reverse();
}
