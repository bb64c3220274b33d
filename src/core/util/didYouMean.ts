// Suggestions for misspelt names: fields, layers, rule kinds, tags.

/** Optimal string alignment distance: Levenshtein where a swap of two neighbours costs 1. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[rows - 1][cols - 1];
}

/**
 * The candidate closest to `word` (case-insensitive) within edit distance 2, or one that `word` is a
 * prefix of (at least 3 characters); undefined when nothing is close enough to help.
 */
export function didYouMean(word: string, candidates: Iterable<string>): string | undefined {
  const typed = word.toLowerCase();
  let best: string | undefined;
  let bestScore = Infinity;
  for (const candidate of candidates) {
    const lower = candidate.toLowerCase();
    if (lower === typed) return candidate;
    const distance = editDistance(typed, lower);
    // Two edits turn "to" into "id": when every letter changes, it is another word, not a typo.
    const close = distance <= 2 && distance < Math.max(typed.length, lower.length);
    const prefix = typed.length >= 3 && lower.startsWith(typed);
    const score = close ? distance : prefix ? 2.5 : Infinity;
    if (score < bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}

/** ` — did you mean "x"?` or the empty string. */
export function suggestionSuffix(word: string, candidates: Iterable<string>): string {
  const suggestion = didYouMean(word, candidates);
  return suggestion === undefined ? '' : ` — did you mean "${suggestion}"?`;
}
