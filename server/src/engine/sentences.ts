/**
 * Where sentences end: one rule for every recognizer and rule that asks "is this in the same
 * sentence?".
 *
 * A sentence ends at ".", "!" or "?" followed by the end of the text, or by white space (after an
 * optional closing quote or bracket) and something that opens a sentence: a capital, a digit (a
 * footnote number, a list item), an opening quote or bracket, a bullet or a dash. A period that
 * closes an abbreviation ("nr.", "o.a.", "blz.") or an initial ("V.P.G. Karremans") ends nothing.
 * Beside sentences, the marks between list items, table cells and footnotes (";", "•", "▪", "●",
 * "↩"), a new table row, a list item's line and a paragraph break separate as firmly as a full stop.
 *
 * `Sentences` finds every boundary of a text in one linear pass and answers "where does the sentence
 * around this place start and end?" by binary search.
 */
import { isAccentedLetterCode, isSpaceCode } from './chars';
import type { FlatText } from './flatText';
import { lowerBound } from './sortedOffsets';
import { lazily } from './lazily';

/** Abbreviations (lower case, without the final period) whose period does not end a sentence. */
export const ABBREVIATIONS: ReadonlySet<string> = new Set([
  'nr', 'nrs', 'p', 'pp', 'blz', 'jl', 'j.l', 'bijv', 'bv', 'o.a', 'd.d', 'e.a', 'e.d', 'e.v', 'i.v.m', 'm.b.t', 't.a.v', 'z.g.a', 'ca', 'vgl',
  'art', 'mr', 'drs', 'dr', 'ir', 'ing', 'prof', 'mw', 'mevr', 'dhr', 'resp', 'incl', 'excl', 'max', 'st', 'stb', 'stcrt', 'kst', 'zgn', 'evt', 'etc', 'jo',
]);

/** The length of the longest of ABBREVIATIONS. */
const LONGEST_ABBREVIATION = [...ABBREVIATIONS].reduce((most, a) => Math.max(most, a.length), 0);

/** The numbers of both lists in ascending order; `sorted` is ascending, `more` need not be. */
function merged(sorted: number[], more: readonly number[]): number[] {
  let inOrder = true;
  for (let i = 1; i < more.length && inOrder; i++) inOrder = more[i - 1]! <= more[i]!;
  if (!inOrder) {
    for (const b of more) sorted.push(b);
    return sorted.sort((a, b) => a - b);
  }
  const out = new Array<number>(sorted.length + more.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < sorted.length && j < more.length) out[k++] = sorted[i]! <= more[j]! ? sorted[i++]! : more[j++]!;
  while (i < sorted.length) out[k++] = sorted[i++]!;
  while (j < more.length) out[k++] = more[j++]!;
  return out;
}

/** True when the character at `at` is a mark that may end a sentence. */
function isStop(c: number): boolean {
  return c === 46 /* . */ || c === 33 /* ! */ || c === 63 /* ? */;
}

/** Marks that separate list items and footnotes as firmly as a full stop (a table row is one sentence; its cells are not). */
export function isItemMark(c: number): boolean {
  return c === 59 /* ; */ || c === 0x2022 /* • */ || c === 0x25aa || c === 0x25cf || c === 0x21a9 /* ↩ */;
}

const OPENS = lazily(() => /[\p{Lu}\d"“‘'(\[•–\-]/u);

/** True when the ".", "!" or "?" at `at` ends a sentence. */
export function endsSentence(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (!isStop(c)) return false;
  let i = at + 1;
  while (i < text.length && i - at <= 2 && isClosingCode(text.charCodeAt(i))) i++;
  if (i >= text.length) return true;
  if (!isSpaceCode(text.charCodeAt(i))) return false;
  while (i < text.length && isSpaceCode(text.charCodeAt(i))) i++;
  if (i >= text.length) return true;
  if (!opensSentence(text, i)) return false;
  if (c !== 46) return true;
  return !closesAbbreviation(text, at);
}

/** CLOSES, by code unit: " ” ’ ' ) ]. */
function isClosingCode(c: number): boolean {
  return c === 34 || c === 39 || c === 41 || c === 93 || c === 0x201d || c === 0x2019;
}

/** OPENS at text[i] (one code unit, as `OPENS.test(text[i])` reads it); ASCII decided by range. */
function opensSentence(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 34 || c === 39 || c === 40 || c === 91 || c === 45;
  return OPENS().test(text[i]!);
}

/** True when the period at `at` closes an abbreviation or an initial. */
export function closesAbbreviation(text: string, at: number): boolean {
  // ASCII letters and periods before it (what almost every period follows): read in place, and a
  // string made only for a word short enough to be an abbreviation.
  const from = Math.max(0, at - 8);
  let i = at;
  while (i > from) {
    const c = text.charCodeAt(i - 1);
    if (c === 46 || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) i--;
    else break;
  }
  if (i === from || text.charCodeAt(i - 1) < 128) {
    while (i < at && text.charCodeAt(i) === 46) i++;
    const length = at - i;
    if (length === 0) return false;
    if (length <= LONGEST_ABBREVIATION && ABBREVIATIONS.has(text.slice(i, at).toLowerCase())) return true;
    // Initials ("V.P.G. Karremans") and single letters: a letter, then period and letter pairs.
    if (length % 2 === 0) return false;
    for (let k = i; k < at; k++) if ((text.charCodeAt(k) === 46) !== ((k - i) % 2 === 1)) return false;
    return true;
  }
  const word = wordBeforePeriod(text, at);
  const bare = word.replace(/^\.+/, '').toLowerCase();
  if (!bare) return false;
  if (ABBREVIATIONS.has(bare)) return true;
  // Initials ("V.P.G. Karremans") and single letters.
  return /^(?:\p{L}\.)*\p{L}$/u.test(bare);
}

/**
 * The letters and periods just before `at`, within the 8 code units before it: what
 * `/([\p{L}.]{1,8})$/u` finds at the end of that stretch. Latin letters and periods are read by
 * range; any other character beyond ASCII there is left to the pattern.
 */
function wordBeforePeriod(text: string, at: number): string {
  const from = Math.max(0, at - 8);
  let i = at;
  while (i > from) {
    const c = text.charCodeAt(i - 1);
    if (c === 46 || (c < 128 ? (c >= 65 && c <= 90) || (c >= 97 && c <= 122) : isAccentedLetterCode(c))) {
      i--;
      continue;
    }
    if (c >= 128) return /([\p{L}.]{1,8})$/u.exec(text.slice(from, at))?.[1] ?? '';
    break;
  }
  return text.slice(i, at);
}

/**
 * Boundaries that only the line structure shows: a paragraph break (an empty line) before something
 * that opens a sentence (a PDF's page break in mid-sentence goes on in lower case), a table row, a
 * line that starts a list item ("- ", "• ", "1. ", "2) ").
 */
const LINE_BOUNDARY = lazily(() => /\n[ \t]*\r?\n(?=\s*[\p{Lu}\d"“‘'(•–|])|\n(?=[ \t]*(?:\||(?:[-•*–]|\d{1,2}[.)])[ \t]))/gu);
/** The marks that may end a sentence or separate items. */
const MARK = /[.!?;\u2022\u25aa\u25cf\u21a9]/;
const BOUNDARY = lazily(() => new RegExp(`${MARK.source}|${LINE_BOUNDARY().source}`, 'gu'));
/** The characters of MARK, one by one. */
const MARK_CHARS: readonly string[] = ['.', '!', '?', ';', '\u2022', '\u25aa', '\u25cf', '\u21a9'];

/**
 * Where the characters of MARK stand in a text, in order: what a global scan with MARK finds. Each
 * character is looked for with indexOf, which finds one character in native code several times
 * quicker than the pattern reads the text through (none of them shares its higher byte with a
 * frequent character, which would slow indexOf down); the nearest of the characters' next places is
 * the next mark.
 */
export class MarkScan {
  /** Per character of MARK_CHARS, its next place not yet handed on (text.length when none is left). */
  private readonly ahead: number[];
  private readonly chars: readonly string[];

  constructor(private readonly text: string) {
    // Characters the text does not hold are left out at once: most texts hold few of them.
    const chars: string[] = [];
    const ahead: number[] = [];
    for (const c of MARK_CHARS) {
      const at = text.indexOf(c);
      if (at >= 0) {
        chars.push(c);
        ahead.push(at);
      }
    }
    this.chars = chars;
    this.ahead = ahead;
  }

  /** The next mark's offset, or -1 when none is left. */
  next(): number {
    const ahead = this.ahead;
    const n = this.text.length;
    let first = n;
    let k = -1;
    for (let i = 0; i < ahead.length; i++) {
      if (ahead[i]! < first) {
        first = ahead[i]!;
        k = i;
      }
    }
    if (k < 0) return -1;
    const again = this.text.indexOf(this.chars[k]!, first + 1);
    ahead[k] = again < 0 ? n : again;
    return first;
  }
}

/**
 * The sentence boundaries of a text. A boundary is the offset just after a sentence's final mark (or
 * the item mark, or the paragraph break); the sentence around a place runs from the last boundary at
 * or before it to the first boundary after it.
 */
export class Sentences {
  /** Sorted boundaries; the first is 0. Found on the first question. */
  private found: number[] | undefined;

  /**
   * @param text the text to split (a document's source or a recognizer's flat text)
   * @param extraBoundaries further boundaries the text itself does not show (a flat text's paragraph breaks), found on the first question
   */
  constructor(
    private readonly text: string,
    private readonly extraBoundaries: () => readonly number[] = () => [],
  ) {}

  private get starts(): number[] {
    if (this.found) return this.found;
    const starts: number[] = [0];
    const text = this.text;
    const oneLine = text.indexOf('\n') < 0;
    if (oneLine) {
      // Without a line feed (a flat text), only the marks can be boundaries.
      const marks = new MarkScan(text);
      for (let at = marks.next(); at >= 0; at = marks.next()) {
        if (isItemMark(text.charCodeAt(at)) || endsSentence(text, at)) starts.push(at + 1);
      }
    }
    const re = new RegExp(BOUNDARY().source, BOUNDARY().flags);
    for (let m = oneLine ? null : re.exec(text); m; m = re.exec(text)) {
      const c = text.charCodeAt(m.index);
      if (c === 10 /* \n */) {
        starts.push(m.index + m[0].length);
        re.lastIndex = Math.max(m.index + 1, m.index + m[0].length - 1);
      } else if (isItemMark(c) || endsSentence(text, m.index)) {
        starts.push(m.index + 1);
      }
    }
    const extra = this.extraBoundaries();
    this.found = extra.length ? merged(starts, extra) : starts;
    return this.found;
  }

  /** The sentences of a flat text: its own marks, and the paragraph breaks and table rows of its source. */
  static ofFlat(flat: FlatText): Sentences {
    return new Sentences(flat.text, () => {
      const breaks: number[] = [];
      const re = new RegExp(LINE_BOUNDARY().source, LINE_BOUNDARY().flags);
      for (let m = re.exec(flat.source); m; m = re.exec(flat.source)) breaks.push(m.index);
      return flat.flatIndices(breaks);
    });
  }

  /** The number of sentences. */
  get count(): number {
    return this.starts.length;
  }

  /** The index of the sentence that holds `pos`. */
  indexOf(pos: number): number {
    return Math.max(0, lowerBound(this.starts, pos + 1) - 1);
  }

  /** Where sentence `index` starts. */
  start(index: number): number {
    return this.starts[index] ?? this.text.length;
  }

  /** Where sentence `index` ends (exclusive; its final mark included). */
  end(index: number): number {
    return index + 1 < this.starts.length ? this.starts[index + 1]! : this.text.length;
  }

  /** Where the sentence holding `pos` starts. */
  startOf(pos: number): number {
    return this.start(this.indexOf(pos));
  }

  /** Where the sentence holding `pos` ends (exclusive). */
  endOf(pos: number): number {
    return this.end(this.indexOf(pos));
  }
}
