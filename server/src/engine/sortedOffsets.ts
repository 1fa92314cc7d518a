/** Binary searches in lists sorted by text offset (cue words, clause boundaries, spans, markers). */
import type { Span } from './model';

/**
 * The index of the first value at or above `limit` in an ascending list (its length when none is);
 * with `from` and `to`, within that part of the list (`to` when none is).
 */
export function lowerBound(sorted: ArrayLike<number>, limit: number, from = 0, to = sorted.length): number {
  let lo = from;
  let hi = to;
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

/** A set of spans, asked "does this span overlap any?" or "does any hold this offset?" in log time. */
export class SpanSet {
  private readonly starts: number[];
  /** For each span in order of start, the farthest end among it and those before it. */
  private readonly farthestEnds: number[];

  constructor(spans: Iterable<Span>) {
    const sorted = [...spans].sort((a, b) => a.offset - b.offset);
    this.starts = sorted.map((s) => s.offset);
    this.farthestEnds = [];
    let farthest = -1;
    for (const s of sorted) {
      farthest = Math.max(farthest, s.offset + s.length);
      this.farthestEnds.push(farthest);
    }
  }

  /** True when a span of the set shares a character with `span`. */
  overlaps(span: Span): boolean {
    // The last span that starts before this one ends; any of those up to it that reaches past this
    // one's start overlaps it.
    const end = span.offset + span.length;
    const lo = lowerBound(this.starts, end);
    return lo > 0 && this.farthestEnds[lo - 1]! > span.offset;
  }

  /** True when a span of the set holds the character at `offset`. */
  holds(offset: number): boolean {
    return this.overlaps({ offset, length: 1 });
  }
}
