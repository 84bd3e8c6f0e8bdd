/** Edit distance with adjacent swaps (Damerau's optimal string alignment): a typo costs 1. */
function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number): number => d[i]?.[j] ?? Number.POSITIVE_INFINITY;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, at(i - 2, j - 2) + 1);
      (d[i] as number[])[j] = v;
    }
  }
  return at(a.length, b.length);
}

/**
 * The candidate a mistyped word most likely meant, or undefined when none is close: at most a third
 * of the word's letters wrong (two at least), as git's and npm's "did you mean" allow. A candidate
 * the word is a prefix of (--rep for --report-dir) counts as close too.
 */
export function suggest(word: string, candidates: readonly string[]): string | undefined {
  const w = word.toLowerCase();
  let best: { c: string; d: number } | undefined;
  for (const c of candidates) {
    const d = c.startsWith(w) && w.length >= 3 ? 1 : distance(w, c.toLowerCase());
    if (d <= Math.max(2, Math.floor(w.length / 3)) && (!best || d < best.d)) best = { c, d };
  }
  return best?.c;
}

/** "; did you mean X?" or nothing: the tail every "unknown …" message gets. */
export const didYouMean = (word: string, candidates: readonly string[], show = (c: string) => c): string => {
  const s = suggest(word, candidates);
  return s ? `; did you mean ${show(s)}?` : "";
};
