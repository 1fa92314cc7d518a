/** Searches in sorted lists of text offsets (positions of cue words, clause boundaries). */

/** The last value below `limit` in an ascending list, by binary search. */
export function lastBelow(sorted: readonly number[], limit: number): number | undefined {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < limit) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? sorted[lo - 1] : undefined;
}
