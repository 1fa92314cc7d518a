/** Binary searches in lists sorted by text offset (cue words, clause boundaries, spans, markers). */

/** The index of the first value at or above `limit` in an ascending list (its length when none is). */
export function lowerBound(sorted: ArrayLike<number>, limit: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < limit) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The index of the first item whose offset is at or above `limit`, in a list sorted by that offset. */
export function lowerBoundBy<T>(sorted: readonly T[], limit: number, offsetOf: (item: T) => number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (offsetOf(sorted[mid]!) < limit) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The last value below `limit` in an ascending list. */
export function lastBelow(sorted: readonly number[], limit: number): number | undefined {
  const i = lowerBound(sorted, limit);
  return i > 0 ? sorted[i - 1] : undefined;
}

/** The first value at or above `limit` in an ascending list. */
export function firstAtOrAbove(sorted: readonly number[], limit: number): number | undefined {
  return sorted[lowerBound(sorted, limit)];
}
