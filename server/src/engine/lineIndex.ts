import type { Position, Range, Span } from './model';
import { lowerBound } from './sortedOffsets';

/** How many line indexes were made from another's (`edited`): the tests count them. */
export const lineIndexEdits = { count: 0 };

/**
 * Converts between UTF-16 offsets and zero-based line/character positions.
 * Line breaks are \n, \r\n and \r, as LSP defines them.
 */
export class LineIndex {
  /** Where each line starts: found (an array), or taken over (a typed array). */
  private readonly starts: ArrayLike<number>;

  /**
   * The line index of a text whose line starts are known (made elsewhere, as the analysis worker
   * makes them): `starts` must be what the constructor finds.
   */
  static withStarts(text: string, starts: ArrayLike<number>): LineIndex {
    return new LineIndex(text, starts);
  }

  /** The line starts, as plain data (to hand over to another thread). */
  startsData(): Int32Array {
    return Int32Array.from(this.starts);
  }

  constructor(
    private readonly text: string,
    known?: ArrayLike<number>,
  ) {
    if (known) {
      this.starts = known;
      return;
    }
    const starts = [0];
    if (text.indexOf('\r') < 0) {
      // The common case: only \n, found by indexOf, which is much faster than a loop over characters.
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    } else {
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 13 /* \r */) {
          if (text.charCodeAt(i + 1) === 10) i++;
          starts.push(i + 1);
        } else if (c === 10 /* \n */) {
          starts.push(i + 1);
        }
      }
    }
    this.starts = starts;
  }

  /**
   * The line index of `text`, an edited version of this one that differs from it in
   * [change.start, change.oldEnd) (here) / [change.start, change.newEnd) (there), as
   * `changedStretch` finds it (never between "\r" and "\n"): the starts before the change kept,
   * those after it moved, the lines around it read again. The same starts as `new LineIndex(text)`.
   */
  edited(text: string, change: { readonly start: number; readonly oldEnd: number; readonly newEnd: number }): LineIndex {
    lineIndexEdits.count++;
    const old = this.starts;
    const delta = change.newEnd - change.oldEnd;
    // Kept: the starts whose line break ends before the change.
    const keep = lowerBound(old, change.start + 1);
    // Read again: the breaks from the change to two characters past it (a "\r\n" there is one break).
    const read: number[] = [];
    const to = Math.min(text.length, change.newEnd + 2);
    for (let i = change.start; i < to; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        read.push(i + 1);
      } else if (c === 10 /* \n */) read.push(i + 1);
    }
    // Moved: the starts whose break lies past what was read again.
    let from = Math.max(keep, lowerBound(old, change.oldEnd + 3));
    const last = read.length ? read[read.length - 1]! : change.start;
    while (from < old.length && old[from]! + delta <= last) from++;
    const starts = new Int32Array(keep + read.length + old.length - from);
    for (let k = 0; k < keep; k++) starts[k] = old[k]!;
    starts.set(read, keep);
    for (let j = from, k = keep + read.length; j < old.length; j++, k++) starts[k] = old[j]! + delta;
    return new LineIndex(text, starts);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** Offset of the first character of a zero-based line (clamped). */
  lineStart(line: number): number {
    if (line <= 0) return 0;
    if (line >= this.starts.length) return this.text.length;
    return this.starts[line]!;
  }

  /** Offset just past the last character of a line, before its line break. */
  lineEnd(line: number): number {
    const next = line + 1 < this.starts.length ? this.starts[line + 1]! : this.text.length;
    let end = next;
    if (end > this.lineStart(line) && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > this.lineStart(line) && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  positionAt(offset: number): Position {
    return positionAmong(this.starts, this.text.length, offset);
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.starts.length) return this.text.length;
    const start = this.starts[position.line]!;
    return Math.min(start + Math.max(0, position.character), this.lineEnd(position.line));
  }

  rangeOf(span: Span): Range {
    return { start: this.positionAt(span.offset), end: this.positionAt(span.offset + span.length) };
  }

  /** The line holding `offset`, as a span (without its line break). */
  lineAround(offset: number): Span {
    const line = this.positionAt(offset).line;
    const start = this.lineStart(line);
    return { offset: start, length: this.lineEnd(line) - start };
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStart(line), this.lineEnd(line));
  }
}

/**
 * The line/character position of an offset (clamped to [0, length]) among ascending line starts, the
 * first of them 0: a binary search for the last start at or before it.
 */
export function positionAmong(starts: ArrayLike<number>, length: number, offset: number): Position {
  const o = Math.max(0, Math.min(offset, length));
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= o) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, character: o - starts[lo]! };
}

