// LinkedIn recomputes the SSI for everyone from time to time. When that happens most of a team moves the same
// way by a similar amount in the same few days; a manager should not read it as the team slipping (or surging).

export type RecalibrationRule = {
  /** Fewest members with a score on both sides of the week before we judge at all. */
  minMembers: number;
  /** Share of those members that must move with the median, by a similar amount. */
  minShare: number;
  /** The median change must be at least this large (SSI points). */
  minMedianChange: number;
  /** "Similar amount": within this many points of the median change, or half of it, whichever is larger. */
  tolerance: number;
};

export const RECALIBRATION_RULE: RecalibrationRule = { minMembers: 3, minShare: 0.6, minMedianChange: 3, tolerance: 2 };

export type RecalibrationVerdict = {
  likely: boolean;
  direction: "up" | "down" | null;
  /** Median of the members' changes, rounded to 2 decimals; null when nobody had scores on both sides. */
  medianChange: number | null;
  /** Members that moved with the median by a similar amount, and how many were compared. */
  similar: number;
  compared: number;
};

export function medianOf(values: number[]): number | null {
  if (values.length === 0) return null;
  // Selection, not a sort: a 52-week dashboard of 1,000 members takes 52 medians of ≈ 1,000 changes per view,
  // and sorting them (with a comparator) was the largest part of the page's own CPU (docs/PERFORMANCE.md).
  const s = Float64Array.from(values);
  const mid = s.length >> 1;
  const upper = selectNth(s, mid);
  if (s.length % 2) return upper;
  // After selection everything before `mid` is ≤ s[mid]: the lower middle value is the largest of them.
  let lower = s[0]!;
  for (let i = 1; i < mid; i++) if (s[i]! > lower) lower = s[i]!;
  return (lower + upper) / 2;
}

/** The k-th smallest value of `s` (0-based), reordering `s` so that s[i] ≤ s[k] for i < k and s[i] ≥ s[k] for i > k. */
function selectNth(s: Float64Array, k: number): number {
  let lo = 0;
  let hi = s.length - 1;
  while (hi > lo) {
    const pivot = s[(lo + hi) >> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (s[i]! < pivot) i++;
      while (s[j]! > pivot) j--;
      if (i <= j) {
        const t = s[i]!;
        s[i] = s[j]!;
        s[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break; // s[j + 1 .. i - 1] all equal the pivot, and k is among them
  }
  return s[k]!;
}

/**
 * Judges one week: `changes` holds, per member with a score both in the week and shortly before it, their
 * latest total in the week minus their last total before it. Likely LinkedIn-wide when enough members were
 * compared, the median moved by at least `minMedianChange`, and at least `minShare` of the members moved the
 * same way within `tolerance` (or half the median change) of the median.
 */
export function detectRecalibration(changes: number[], rule: RecalibrationRule = RECALIBRATION_RULE): RecalibrationVerdict {
  const median = medianOf(changes);
  if (median === null) return { likely: false, direction: null, medianChange: null, similar: 0, compared: 0 };
  const direction = median > 0 ? "up" : median < 0 ? "down" : null;
  const band = Math.max(rule.tolerance, Math.abs(median) / 2);
  const similar = changes.filter((c) => Math.sign(c) === Math.sign(median) && Math.abs(c - median) <= band).length;
  const likely =
    direction !== null &&
    changes.length >= rule.minMembers &&
    Math.abs(median) >= rule.minMedianChange &&
    similar / changes.length >= rule.minShare;
  return { likely, direction, medianChange: Math.round(median * 100) / 100, similar, compared: changes.length };
}
