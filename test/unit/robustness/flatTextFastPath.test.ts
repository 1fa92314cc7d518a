/**
 * FlatText's fast construction (issue 14) gives exactly what the plain one gave: the same flat text
 * and the same mapping to the source for every index (flatIndices as flatIndex of each), compared on generated texts (fast-check, a
 * fixed seed) with a copy of the code it replaced, kept here as the reference. Texts both below and
 * above the length from which the flat text is written into a buffer, with and without left-out
 * spans; and the same without Node's Buffer (the way of writing outside Node).
 */
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { isIgnorableCode, isLatinLetterCode, isLowerLatinLetterCode, isSpaceCode } from '../../../server/src/engine/chars';
import { FlatText, type OmittedSpan } from '../../../server/src/engine/flatText';
import type { Span } from '../../../server/src/engine/model';
import { params, unicodeText, vocabularyText } from '../../support/textArbitraries';

/** FlatText as it was: the special characters found by one pattern, the text joined from slices. */
class ReferenceFlatText {
  readonly text: string;
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
const SPECIAL = new RegExp(
  `[${SPACE_CLASS.slice(1)}${IGNORABLE_CLASS}]| (?=[${SPACE_CLASS}${IGNORABLE_CLASS}])|-(?=[${SPACE_CLASS}${IGNORABLE_CLASS}])`,
  'g',
);

function isSpaceOrIgnorableCode(c: number): boolean {
  return isSpaceCode(c) || isIgnorableCode(c);
}

/** Characters flattening looks at, often, among letters. */
const spacey = fc.string({
  unit: fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom('a', 'b', 'Z', 'é', '1', '.', ',', '¹', '€') },
    { weight: 4, arbitrary: fc.constantFrom(' ', ' ', '  ', '\n', '\n\n', '-', '-\n', ' -\n', '- ', '\t', '\r\n', '\r') },
    { weight: 2, arbitrary: fc.constantFrom('\u00a0', '\u00ad', '\u200b', '\u200d', '\ufeff', '\u2003', '\u202f', '\u3000', '\u2028', '\v', '\f') },
  ),
  maxLength: 300,
});

/** A text, at times long enough to be written into a buffer, with left-out spans that do not overlap. */
const input = fc
  .tuple(fc.oneof(spacey, unicodeText(300), vocabularyText(80)), fc.nat({ max: 40 }), fc.array(fc.tuple(fc.nat(), fc.nat({ max: 6 }), fc.boolean()), { maxLength: 8 }))
  .map(([unit, times, cuts]) => {
    const text = times > 30 && unit.length ? unit.repeat(Math.ceil(5000 / unit.length)) : unit;
    const omitted: OmittedSpan[] = [];
    let from = 0;
    for (const [at, length, spaced] of cuts.sort((a, b) => a[0] - b[0])) {
      const offset = text.length ? Math.max(from, at % (text.length + 1)) : 0;
      if (offset + length > text.length) break;
      omitted.push({ span: { offset, length }, replacement: spaced ? ' ' : '' });
      from = offset + length;
    }
    return { text, omitted };
  });

function sameAsReference(text: string, omitted: readonly OmittedSpan[]): void {
  const expected = new ReferenceFlatText(text, omitted);
  const actual = new FlatText(text, omitted);
  assert.equal(actual.text, expected.text);
  for (let i = 0; i <= expected.text.length; i++) assert.equal(actual.sourceOffset(i), expected.sourceOffset(i), `sourceOffset(${i})`);
  for (let o = 0; o <= text.length; o++) assert.equal(actual.flatIndex(o), expected.flatIndex(o), `flatIndex(${o})`);
  for (let i = 0; i + 3 <= expected.text.length; i += 7) assert.deepEqual(actual.sourceSpan(i, i + 3), expected.sourceSpan(i, i + 3));
  // flatIndices walks the runs once for offsets in order, and starts again where one goes back.
  const offsets = Array.from({ length: text.length + 1 }, (_, o) => o);
  assert.deepEqual(actual.flatIndices(offsets), offsets.map((o) => expected.flatIndex(o)));
  const mixed = offsets.filter((o) => o % 3 === 0).concat(offsets.filter((o) => o % 3 !== 0));
  assert.deepEqual(actual.flatIndices(mixed), mixed.map((o) => expected.flatIndex(o)));
}

describe('FlatText: the fast construction flattens as the plain one did', () => {
  it('the same flat text and offsets, with and without left-out spans', () => {
    fc.assert(
      fc.property(input, ({ text, omitted }) => {
        sameAsReference(text, omitted);
        sameAsReference(text, []);
      }),
      params(300),
    );
  });

  it('the same without Node’s Buffer (slices joined, as outside Node)', () => {
    const global = globalThis as { Buffer?: typeof Buffer };
    const saved = global.Buffer;
    fc.assert(
      fc.property(input, ({ text, omitted }) => {
        global.Buffer = undefined;
        try {
          sameAsReference(text, omitted);
        } finally {
          global.Buffer = saved;
        }
      }),
      params(100),
    );
  });

  it('a text longer than one decoded chunk: the same text, a surrogate pair across the chunks kept whole', () => {
    // The flat text is decoded in chunks of 2^18 code units; an emoji straddles the first boundary.
    const head = 'zal binnen zes weken '.repeat(12_483).slice(0, (1 << 18) - 1);
    const text = `${head}😀 en verder\n${'Kamerstuk 29826, nr. 250 '.repeat(20_000)}`;
    const flat = new FlatText(text);
    assert.equal(flat.text.slice((1 << 18) - 1, (1 << 18) + 1), '😀');
    sameAsReference(text, []);
  });
});

