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
  private readonly starts: Float64Array;
  /** For each span in order of start, the farthest end among it and those before it. */
  private readonly farthestEnds: Float64Array;

  constructor(spans: Iterable<Span>) {
    const list = Array.isArray(spans) ? (spans as readonly Span[]) : [...spans];
    const n = list.length;
    const starts = new Float64Array(n);
    const ends = new Float64Array(n);
    /** Where each run of spans in order of start begins (several sorted lists put together: the rules' references and instruments). */
    const runs: number[] = [0];
    for (let i = 0; i < n; i++) {
      const s = list[i]!;
      starts[i] = s.offset;
      ends[i] = s.offset + s.length;
      if (i > 0 && starts[i]! < starts[i - 1]!) runs.push(i);
    }
    const order = runs.length === 1 ? undefined : runs.length <= MERGED_RUNS ? mergedRuns(starts, runs) : Array.from({ length: n }, (_, i) => i).sort((a, b) => starts[a]! - starts[b]!);
    this.starts = order ? inOrder(starts, order) : starts;
    this.farthestEnds = farthest(order ? inOrder(ends, order) : ends);
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

/** Up to this many sorted runs are merged (in linear passes); more are sorted. */
const MERGED_RUNS = 8;

/** The places of the spans in order of start (equal starts in place order), from the runs in which they are already in order. */
function mergedRuns(starts: Float64Array, runs: readonly number[]): Int32Array {
  const n = starts.length;
  let order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  let other = new Int32Array(n);
  let bounds = [...runs, n];
  // Adjacent runs merged pairwise until one is left; the earlier run first at equal starts.
  while (bounds.length > 2) {
    const next: number[] = [0];
    for (let r = 0; r + 1 < bounds.length; r += 2) {
      const [from, middle, to] = [bounds[r]!, bounds[r + 1]!, bounds[r + 2] ?? bounds[r + 1]!];
      let a = from;
      let b = middle;
      let k = from;
      while (a < middle && b < to) other[k++] = starts[order[b]!]! < starts[order[a]!]! ? order[b++]! : order[a++]!;
      while (a < middle) other[k++] = order[a++]!;
      while (b < to) other[k++] = order[b++]!;
      next.push(to);
    }
    bounds = next;
    [order, other] = [other, order];
  }
  return order;
}

/** The values at the places `order` gives, in that order. */
function inOrder(values: Float64Array, order: ArrayLike<number>): Float64Array {
  const out = new Float64Array(order.length);
  for (let i = 0; i < order.length; i++) out[i] = values[order[i]!]!;
  return out;
}

/** Each end replaced by the farthest end among it and those before it. */
function farthest(ends: Float64Array): Float64Array {
  let most = -1;
  for (let i = 0; i < ends.length; i++) {
    most = Math.max(most, ends[i]!);
    ends[i] = most;
  }
  return ends;
}
