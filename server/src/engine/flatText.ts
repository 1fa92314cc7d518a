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
    const runFlat: number[] = [];
    const runSource: number[] = [];
    let k = 0;
    let lastSpace = false;
    // Where the last run ends in the source while the next one may go on from there (else -1): runs
    // that follow each other in the source are one run.
    let runTo = -1;
    // The flat text is written in one of two ways. In Node, for a text of some length: into a copy of
    // the source as UTF-16 code units, moved down over what is left out (native copies, and one
    // decoding at the end). Otherwise as slices of the source with every line feed a space (a line
    // feed that stands alone between words is the space it flattens to), joined at the end.
    const NodeBuffer = n >= BUFFER_FROM ? (globalThis as { Buffer?: typeof Buffer }).Buffer : undefined;
    const buffer = NodeBuffer ? NodeBuffer.from(source, 'utf16le') : undefined;
    const spaced = buffer || source.indexOf('\n') < 0 ? source : source.replaceAll('\n', ' ');
    const parts: string[] = [];
    /** The start of the slice of `spaced` being written, up to runTo (-1: none, and always with a buffer). */
    let partFrom = -1;
    const flush = (): void => {
      if (partFrom >= 0) parts.push(spaced.slice(partFrom, runTo));
      partFrom = -1;
    };
    /** Starts a run at `from` unless the last one goes on there. */
    const run = (from: number): void => {
      if (runTo === from) return;
      flush();
      runFlat.push(k);
      runSource.push(from);
      if (!buffer) partFrom = from;
    };
    /** Appends source [from, to) as it is. */
    const copy = (from: number, to: number): void => {
      if (to <= from) return;
      run(from);
      if (buffer && from !== k) buffer.copyWithin(2 * k, 2 * from, 2 * to);
      runTo = to;
      k += to - from;
      lastSpace = source.charCodeAt(to - 1) === 32;
    };
    /** Appends one space that stands for the source at `at`. */
    const space = (at: number): void => {
      if (buffer || spaced.charCodeAt(at) === 32) {
        run(at);
        if (buffer) {
          buffer[2 * k] = 32;
          buffer[2 * k + 1] = 0;
        }
        runTo = at + 1;
      } else literalSpace(at);
      k++;
      lastSpace = true;
    };
    /** A run of one space, whatever the source holds at `at`. */
    const literalSpace = (at: number): void => {
      flush();
      runFlat.push(k);
      runSource.push(at);
      if (buffer) {
        buffer[2 * k] = 32;
        buffer[2 * k + 1] = 0;
      } else parts.push(' ');
      runTo = -1;
    };
    // The characters that need more than copying (SPECIAL): white space other than one space between
    // words, characters to drop, and a hyphen before white space (a word broken at a line end). Found
    // as the first of: a line feed, another white space or dropped character, two spaces, a hyphen and
    // a space, and a space or hyphen right before a line feed or such a character. The no-break space
    // and the soft hyphen are looked for on their own: in the pattern, they would stop the engine at
    // every space and hyphen (which share their low bits).
    const rare = new RegExp(RARE.source, 'g');
    let nextLf = -1;
    let nextRare = -1;
    let nextNbsp = -1;
    let nextSoft = -1;
    let nextSpaces = -1;
    let nextHyphen = -1;
    /** A space or hyphen right before `j` (at or after `from`) is special too. */
    const withBefore = (j: number, from: number): number => {
      if (j >= n || j - 1 < from) return j;
      const c = source.charCodeAt(j - 1);
      return c === 32 || c === 45 ? j - 1 : j;
    };
    /** The first special character at or after `from` (n when none is left). */
    const specialFrom = (from: number): number => {
      if (nextLf < from) {
        nextLf = source.indexOf('\n', from);
        if (nextLf < 0) nextLf = n;
      }
      if (nextRare < from) {
        rare.lastIndex = from;
        nextRare = rare.test(source) ? rare.lastIndex - 1 : n;
      }
      if (nextNbsp < from) {
        nextNbsp = source.indexOf('\u00a0', from);
        if (nextNbsp < 0) nextNbsp = n;
      }
      if (nextSoft < from) {
        nextSoft = source.indexOf('\u00ad', from);
        if (nextSoft < 0) nextSoft = n;
      }
      if (nextSpaces < from) {
        nextSpaces = source.indexOf('  ', from);
        if (nextSpaces < 0) nextSpaces = n;
      }
      if (nextHyphen < from) {
        nextHyphen = source.indexOf('- ', from);
        if (nextHyphen < 0) nextHyphen = n;
      }
      return Math.min(nextSpaces, nextHyphen, withBefore(nextLf, from), withBefore(Math.min(nextRare, nextNbsp, nextSoft), from));
    };
    /** The first special character at or after the last position looked from (n when none is left). */
    let nextSpecial = -1;
    let nextOmit = 0;
    let i = 0;
    while (i < n) {
      while (nextOmit < omits.length && omits[nextOmit]!.span.offset + omits[nextOmit]!.span.length <= i) nextOmit++;
      const omit = omits[nextOmit];
      if (omit && omit.span.offset <= i) {
        if (omit.replacement === ' ' && k > 0 && !lastSpace) {
          // A space for the left-out part, whatever character stands at `i`.
          literalSpace(i);
          k++;
          lastSpace = true;
        }
        i = omit.span.offset + omit.span.length;
        continue;
      }
      // A space right after a space already written (after a left-out part) is white space to collapse.
      const c = source.charCodeAt(i);
      if (!(lastSpace && c === 32)) {
        if (nextSpecial < i) nextSpecial = specialFrom(i);
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
    flush();
    this.text = buffer ? decodeUtf16(buffer, k) : parts.length === 1 ? parts[0]! : parts.join('');
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

  /** flatIndex of each of a list of source offsets: for offsets in ascending order, in one walk over the runs. */
  flatIndices(sourceOffsets: readonly number[]): number[] {
    const runs = this.runSource;
    const count = runs.length;
    const out = new Array<number>(sourceOffsets.length);
    let r = 0;
    let last = -Infinity;
    for (let k = 0; k < sourceOffsets.length; k++) {
      const offset = sourceOffsets[k]!;
      // An offset before the last one: the walk starts again (never, for offsets in order).
      if (offset < last) r = 0;
      last = offset;
      while (r < count && runs[r]! + this.runLength(r) - 1 < offset) r++;
      out[k] = r === count ? this.text.length : this.runFlat[r]! + Math.max(0, offset - runs[r]!);
    }
    return out;
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

/** From this length on, the flat text is written into a buffer (see the constructor). */
const BUFFER_FROM = 4096;

const SPACE_CLASS = ' \\t\\n\\v\\f\\r\\u00a0\\u2000-\\u200a\\u202f\\u205f\\u3000\\u2028\\u2029';
const IGNORABLE_CLASS = '\\u00ad\\u200b\\u200c\\u200d\\ufeff';
/**
 * What flattening must look at is SPECIAL,
 * `[${SPACE_CLASS.slice(1)}${IGNORABLE_CLASS}]| (?=[${SPACE_CLASS}${IGNORABLE_CLASS}])|-(?=[${SPACE_CLASS}${IGNORABLE_CLASS}])`,
 * found in parts (see the constructor); these are its characters other than a space, a line feed, a
 * no-break space and a soft hyphen.
 */
const RARE = new RegExp(`[${SPACE_CLASS.slice(1).replace('\\n', '').replace('\\u00a0', '')}${IGNORABLE_CLASS.replace('\\u00ad', '')}]`, 'g');

function isSpaceOrIgnorableCode(c: number): boolean {
  return isSpaceCode(c) || isIgnorableCode(c);
}

/** Code units decoded from a buffer at a time (below the length from which Node makes an external string). */
const DECODE_CHUNK = 1 << 18;

/**
 * The first `k` UTF-16 code units of a buffer as a string. Node makes an external string of a long
 * decoded text, and V8's regular expressions read slices of an external string many times slower
 * (16× measured on a 1 MB text): the text is decoded in chunks below that length and joined, which
 * gives an ordinary string. A surrogate pair split between chunks is joined again unchanged.
 */
function decodeUtf16(buffer: Buffer, k: number): string {
  if (k <= DECODE_CHUNK) return buffer.toString('utf16le', 0, 2 * k);
  const parts: string[] = [];
  for (let from = 0; from < k; from += DECODE_CHUNK) parts.push(buffer.toString('utf16le', 2 * from, 2 * Math.min(k, from + DECODE_CHUNK)));
  return parts.join('');
}
