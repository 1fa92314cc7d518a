import type { Span } from './model';

/**
 * The document's text as recognizers read it: every run of whitespace (line breaks included) is one
 * space, words hyphenated at a line end by PDF extraction are joined again ("industriepo-\nlitiek" →
 * "industriepolitiek"; "Martens-\nAmerica" → "Martens-America"), soft hyphens and zero-width
 * characters are dropped. Every character keeps the offset it came from, so a match in the flat
 * text maps back to an exact span of the source.
 *
 * One linear pass; memory is one 32-bit offset per character.
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
  /** For each flat index, the source offset of that character; one extra entry for the end. */
  private readonly sourceOffsets: Int32Array;

  constructor(readonly source: string, omitted: readonly OmittedSpan[] = []) {
    const n = source.length;
    const omits = [...omitted].filter((o) => o.span.length > 0).sort((a, b) => a.span.offset - b.span.offset);
    let nextOmit = 0;
    const out: string[] = [];
    const offsets = new Int32Array(n + 1);
    let k = 0;
    let i = 0;
    // Build in chunks to avoid quadratic string concatenation on huge inputs.
    let chunk = '';
    let last = '';
    const push = (ch: string, at: number): void => {
      if (ch === ' ' && last === ' ') return;
      last = ch;
      chunk += ch;
      offsets[k++] = at;
      if (chunk.length >= 8192) {
        out.push(chunk);
        chunk = '';
      }
    };
    while (i < n) {
      while (nextOmit < omits.length && omits[nextOmit]!.span.offset + omits[nextOmit]!.span.length <= i) nextOmit++;
      const omit = omits[nextOmit];
      if (omit && omit.span.offset <= i) {
        if (omit.replacement === ' ' && k > 0) push(' ', i);
        i = omit.span.offset + omit.span.length;
        nextOmit++;
        continue;
      }
      const c = source.charCodeAt(i);
      if (isIgnorable(c)) {
        i++;
        continue;
      }
      if (isSpace(c)) {
        const start = i;
        while (i < n && (isSpace(source.charCodeAt(i)) || isIgnorable(source.charCodeAt(i)))) i++;
        push(' ', start);
        continue;
      }
      if (c === 45 /* - */ && k > 0 && isLetter(source.charCodeAt(i - 1))) {
        // A hyphen at the end of a line, between letters: PDF hyphenation or a compound broken over lines.
        let j = i + 1;
        let sawBreak = false;
        while (j < n && (isSpace(source.charCodeAt(j)) || isIgnorable(source.charCodeAt(j)))) {
          const d = source.charCodeAt(j);
          if (d === 10 || d === 13) sawBreak = true;
          j++;
        }
        if (sawBreak && j < n && isLetter(source.charCodeAt(j))) {
          if (isLowerLetter(source.charCodeAt(j))) {
            // "industriepo-\nlitiek": drop hyphen and break.
            i = j;
            continue;
          }
          // "Martens-\nAmerica": keep the hyphen, drop the break.
          push('-', i);
          i = j;
          continue;
        }
      }
      push(source[i]!, i);
      i++;
    }
    offsets[k] = n;
    out.push(chunk);
    this.text = out.join('');
    this.sourceOffsets = offsets.subarray(0, k + 1);
  }

  /** Source offset of a flat index (the end maps to the source's end). */
  sourceOffset(flatIndex: number): number {
    const i = Math.max(0, Math.min(flatIndex, this.text.length));
    return this.sourceOffsets[i]!;
  }

  /** The source span of flat [start, end). */
  sourceSpan(start: number, end: number): Span {
    const s = this.sourceOffset(start);
    if (end <= start) return { offset: s, length: 0 };
    const last = this.sourceOffsets[Math.min(end, this.text.length) - 1]!;
    return { offset: s, length: last + 1 - s };
  }

  /** The flat index of the first flat character at or after a source offset. */
  flatIndex(sourceOffset: number): number {
    let lo = 0;
    let hi = this.text.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.sourceOffsets[mid]! < sourceOffset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The exact source text of flat [start, end). */
  sourceText(start: number, end: number): string {
    const span = this.sourceSpan(start, end);
    return this.source.slice(span.offset, span.offset + span.length);
  }
}

function isSpace(c: number): boolean {
  return (
    c === 32 || c === 9 || c === 10 || c === 13 || c === 11 || c === 12 || c === 0xa0 ||
    (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0x2028 || c === 0x2029
  );
}

function isIgnorable(c: number): boolean {
  return c === 0xad /* soft hyphen */ || c === 0x200b || c === 0x200c || c === 0x200d || c === 0xfeff;
}

function isLowerLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 0xdf && c <= 0xff && c !== 0xf7) || (c >= 0x100 && c <= 0x24f && c % 2 === 1);
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7);
}
