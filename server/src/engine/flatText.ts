import { isIgnorableCode, isLatinLetterCode, isLowerLatinLetterCode, isSpaceCode } from './chars';
import type { Span } from './model';

/**
 * The document's text as recognizers read it: every run of whitespace (line breaks included) is one
 * space, words hyphenated at a line end by PDF extraction are joined again ("industriepo-\nlitiek" →
 * "industriepolitiek"; "Martens-\nAmerica" → "Martens-America"), soft hyphens and zero-width
 * characters are dropped. Every character keeps the offset it came from, so a match in the flat
 * text maps back to an exact span of the source.
 *
 * One linear pass that copies runs of the source as slices; memory is one 32-bit offset per character.
 */
/** A part of the source that recognizers must not see (a footnote marker, YAML front matter). */
export interface OmittedSpan {
  readonly span: Span;
  /** '' when the part is glued to a word ("verdienvermogen¹"), ' ' when it separates words. */
  readonly replacement: '' | ' ';
}

export class FlatText {
  /** The flattened text. */
  readonly text: string;
  /**
   * Where the flat text comes from, as runs: flat [runFlat[r], runFlat[r + 1]) is source
   * [runSource[r], runSource[r] + its length). A run ends at every collapsed space, dropped character
   * or left-out span, so a letter has about as many runs as lines.
   */
  private readonly runFlat: Int32Array;
  private readonly runSource: Int32Array;

  constructor(readonly source: string, omitted: readonly OmittedSpan[] = []) {
    const n = source.length;
    const omits = omitted.filter((o) => o.span.length > 0).sort((a, b) => a.span.offset - b.span.offset);
    const parts: string[] = [];
    const runFlat: number[] = [];
    const runSource: number[] = [];
    let k = 0;
    let lastSpace = false;
    /** Appends source [from, to) as it is. */
    const copy = (from: number, to: number): void => {
      if (to <= from) return;
      parts.push(source.slice(from, to));
      runFlat.push(k);
      runSource.push(from);
      k += to - from;
      lastSpace = source.charCodeAt(to - 1) === 32;
    };
    /** Appends one space that stands for the source from `at`. */
    const space = (at: number): void => {
      parts.push(' ');
      runFlat.push(k);
      runSource.push(at);
      k++;
      lastSpace = true;
    };
    // The characters that need more than copying: white space other than one space between words,
    // characters to drop, and a hyphen before white space (a word broken at a line end).
    const special = new RegExp(SPECIAL.source, 'g');
    /** The first special character at or after the last position looked from (n when none is left). */
    let nextSpecial = -1;
    let nextOmit = 0;
    let i = 0;
    while (i < n) {
      while (nextOmit < omits.length && omits[nextOmit]!.span.offset + omits[nextOmit]!.span.length <= i) nextOmit++;
      const omit = omits[nextOmit];
      if (omit && omit.span.offset <= i) {
        if (omit.replacement === ' ' && k > 0 && !lastSpace) space(i);
        i = omit.span.offset + omit.span.length;
        continue;
      }
      // A space right after a space already written (after a left-out part) is white space to collapse.
      const c = source.charCodeAt(i);
      if (!(lastSpace && c === 32)) {
        if (nextSpecial < i) {
          // Every alternative of SPECIAL matches one character, so the match ends right after it.
          special.lastIndex = i;
          nextSpecial = special.test(source) ? special.lastIndex - 1 : n;
        }
        const stop = Math.min(nextSpecial, omit ? omit.span.offset : n);
        if (stop > i) {
          copy(i, stop);
          i = stop;
          continue;
        }
      }
      // At a special character (or a space after a space).
      if (isIgnorableCode(c)) {
        i++;
        continue;
      }
      if (isSpaceCode(c)) {
        const start = i;
        while (i < n && isSpaceOrIgnorableCode(source.charCodeAt(i))) i++;
        if (!lastSpace) space(start);
        continue;
      }
      if (c === 45 /* - */ && k > 0 && isLatinLetterCode(source.charCodeAt(i - 1))) {
        // A hyphen at the end of a line, between letters: PDF hyphenation or a compound broken over lines.
        let j = i + 1;
        let sawBreak = false;
        while (j < n && isSpaceOrIgnorableCode(source.charCodeAt(j))) {
          const d = source.charCodeAt(j);
          if (d === 10 || d === 13) sawBreak = true;
          j++;
        }
        if (sawBreak && j < n && isLatinLetterCode(source.charCodeAt(j))) {
          // "Martens-\nAmerica": keep the hyphen, drop the break; "industriepo-\nlitiek": drop both.
          if (!isLowerLatinLetterCode(source.charCodeAt(j))) copy(i, i + 1);
          i = j;
          continue;
        }
      }
      copy(i, i + 1);
      i++;
    }
    this.text = parts.length === 1 ? parts[0]! : parts.join('');
    this.runFlat = Int32Array.from(runFlat);
    this.runSource = Int32Array.from(runSource);
  }

  /** The run that holds flat index `i` (0 <= i < text.length). */
  private runAt(i: number): number {
    const runs = this.runFlat;
    let lo = 0;
    let hi = runs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (runs[mid]! <= i) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Source offset of a flat index (the end maps to the source's end). */
  sourceOffset(flatIndex: number): number {
    const i = Math.max(0, Math.min(flatIndex, this.text.length));
    if (i === this.text.length) return this.source.length;
    const r = this.runAt(i);
    return this.runSource[r]! + (i - this.runFlat[r]!);
  }

  /** The source span of flat [start, end). */
  sourceSpan(start: number, end: number): Span {
    const s = this.sourceOffset(start);
    if (end <= start) return { offset: s, length: 0 };
    const last = this.sourceOffset(Math.min(end, this.text.length) - 1);
    return { offset: s, length: last + 1 - s };
  }

  /** The flat index of the first flat character at or after a source offset. */
  flatIndex(sourceOffset: number): number {
    // The first run that reaches to or past the offset; within it, the character at the offset.
    const runs = this.runSource;
    const count = runs.length;
    let lo = 0;
    let hi = count;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (runs[mid]! + this.runLength(mid) - 1 < sourceOffset) lo = mid + 1;
      else hi = mid;
    }
    if (lo === count) return this.text.length;
    return this.runFlat[lo]! + Math.max(0, sourceOffset - runs[lo]!);
  }

  /** The exact source text of flat [start, end). */
  sourceText(start: number, end: number): string {
    const span = this.sourceSpan(start, end);
    return this.source.slice(span.offset, span.offset + span.length);
  }

  private runLength(r: number): number {
    return (r + 1 < this.runFlat.length ? this.runFlat[r + 1]! : this.text.length) - this.runFlat[r]!;
  }
}

const SPACE_CLASS = ' \\t\\n\\v\\f\\r\\u00a0\\u2000-\\u200a\\u202f\\u205f\\u3000\\u2028\\u2029';
const IGNORABLE_CLASS = '\\u00ad\\u200b\\u200c\\u200d\\ufeff';
/** What flattening must look at: see the constructor. */
const SPECIAL = new RegExp(
  `[${SPACE_CLASS.slice(1)}${IGNORABLE_CLASS}]| (?=[${SPACE_CLASS}${IGNORABLE_CLASS}])|-(?=[${SPACE_CLASS}${IGNORABLE_CLASS}])`,
  'g',
);

function isSpaceOrIgnorableCode(c: number): boolean {
  return isSpaceCode(c) || isIgnorableCode(c);
}
