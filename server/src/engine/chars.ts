/**
 * Character classes, by UTF-16 code unit, as every recognizer and rule reads text. One definition
 * each: a letter is a letter everywhere.
 *
 * Latin letters (ASCII and U+00C0–U+024F without × and ÷) are decided by range, which is what Dutch
 * text holds almost always; other scripts as Unicode says.
 */
import { lazily } from './lazily';

export function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** ASCII letters and the Latin-1 Supplement and Latin Extended-A/B letters (é, ë, ć, ş, …). */
export function isLatinLetterCode(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || isAccentedLetterCode(c);
}

/** Latin letters beyond ASCII: U+00C0–U+024F without × and ÷. */
export function isAccentedLetterCode(c: number): boolean {
  return c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7;
}

const LETTER = lazily(() => /\p{L}/u);

/** A letter of any script (a surrogate half counts as part of a letter when Unicode says the pair is one). */
export function isLetterCode(c: number): boolean {
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  if (c <= 0x24f) return isAccentedLetterCode(c);
  return LETTER().test(String.fromCharCode(c));
}

/** The first character of `ch` is a letter; false for undefined (out of the text). */
export function isLetter(ch: string | undefined): boolean {
  return ch !== undefined && ch.length > 0 && isLetterCode(ch.charCodeAt(0));
}

/** A lower-case Latin letter (ASCII, Latin-1, and the odd code points of Latin Extended-A/B). */
export function isLowerLatinLetterCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 0xdf && c <= 0xff && c !== 0xf7) || (c >= 0x100 && c <= 0x24f && c % 2 === 1);
}

/** A digit or a Latin letter: what a word of Dutch text is made of, decided by range. */
export function isLatinWordCode(c: number): boolean {
  return isDigitCode(c) || isLatinLetterCode(c);
}

const WORD_CHAR = lazily(() => /[\p{L}\p{N}\p{M}]/u);

/** A letter, digit or combining mark of any script at text[i] (a surrogate pair read whole). */
export function isWordCodeAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  if (c >= 0xd800 && c <= 0xdbff) return WORD_CHAR().test(text.slice(i, i + 2));
  return WORD_CHAR().test(text[i]!);
}

/** Bits of `codePointClass`: \p{L}, \p{Lu}, \p{N} exactly as Unicode (and regular expressions with /u) say. */
export const CP_LETTER = 1;
export const CP_UPPER = 2;
export const CP_NUMBER = 4;
/** Per BMP code point its class bits plus 8 once decided (0: not yet). */
const BMP_CLASSES = new Uint8Array(0x10000);
const CLASS_TESTS = lazily(() => [/^\p{L}$/u, /^\p{Lu}$/u, /^\p{N}$/u] as const);

function classOfString(ch: string): number {
  const [letter, upper, number] = CLASS_TESTS();
  return (letter.test(ch) ? CP_LETTER : 0) | (upper.test(ch) ? CP_UPPER : 0) | (number.test(ch) ? CP_NUMBER : 0);
}

/**
 * Whether a code point is a letter, an upper-case letter, a number (CP_LETTER | CP_UPPER | CP_NUMBER),
 * as `\p{L}`, `\p{Lu}` and `\p{N}` decide: ASCII by range, any other BMP code point decided once
 * and kept, astral ones asked each time. A lone surrogate is none.
 */
export function codePointClass(cp: number): number {
  if (cp < 128) return cp >= 65 && cp <= 90 ? CP_LETTER | CP_UPPER : cp >= 97 && cp <= 122 ? CP_LETTER : cp >= 48 && cp <= 57 ? CP_NUMBER : 0;
  if (cp < 0x10000) {
    let k = BMP_CLASSES[cp]!;
    if (k === 0) BMP_CLASSES[cp] = k = 8 | classOfString(String.fromCharCode(cp));
    return k & 7;
  }
  return classOfString(String.fromCodePoint(cp));
}

/**
 * Whether a word (not empty: an empty one stands nowhere) stands in `text` with no letter or number
 * (\p{L}, \p{N}) right before or after it: what `(?<![\p{L}\p{N}])word(?![\p{L}\p{N}])` with /u
 * finds, without making a pattern of each word (every pattern made anew is compiled anew: a few
 * hundred of them cost a first check 25 ms).
 */
export function standsAsWord(text: string, word: string): boolean {
  if (!word) return false;
  const letterOrNumber = CP_LETTER | CP_NUMBER;
  for (let i = text.indexOf(word); i >= 0; i = i < text.length ? text.indexOf(word, i + 1) : -1) {
    // A pattern with /u never starts or ends a match inside a surrogate pair.
    if (i > 0 && isLowSurrogate(text.charCodeAt(i)) && isHighSurrogate(text.charCodeAt(i - 1))) continue;
    const end = i + word.length;
    if (end < text.length && isHighSurrogate(text.charCodeAt(end - 1)) && isLowSurrogate(text.charCodeAt(end))) continue;
    if (i > 0 && codePointClass(codePointBefore(text, i)) & letterOrNumber) continue;
    if (end < text.length && codePointClass(text.codePointAt(end)!) & letterOrNumber) continue;
    return true;
  }
  return false;
}

/** The code point that ends right before `i` (a surrogate pair read whole). */
function codePointBefore(text: string, i: number): number {
  const c = text.charCodeAt(i - 1);
  if (isLowSurrogate(c) && i >= 2) {
    const h = text.charCodeAt(i - 2);
    if (isHighSurrogate(h)) return (h - 0xd800) * 0x400 + (c - 0xdc00) + 0x10000;
  }
  return c;
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** White space: the ASCII controls, no-break space, the Unicode spaces and the line and paragraph separators. */
export function isSpaceCode(c: number): boolean {
  return (
    c === 32 || c === 9 || c === 10 || c === 13 || c === 11 || c === 12 || c === 0xa0 ||
    (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0x2028 || c === 0x2029
  );
}

/** What a regular expression's \s matches: white space and line terminators as ECMAScript counts them. */
export function isRegExpSpaceCode(c: number): boolean {
  return isSpaceCode(c) || c === 0x1680 || c === 0xfeff;
}

/** Space within a line: space, tab and no-break space. */
export function isLineSpaceCode(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0;
}

/** Characters that take no room and carry no meaning in running text: soft hyphen, zero-width (non-)joiners, BOM. */
export function isIgnorableCode(c: number): boolean {
  return c === 0xad || c === 0x200b || c === 0x200c || c === 0x200d || c === 0xfeff;
}

/** The first index at or after `from` (before `to`) that is not space within a line. */
export function skipLineSpace(text: string, from: number, to: number = text.length): number {
  let i = from;
  while (i < to && isLineSpaceCode(text.charCodeAt(i))) i++;
  return i;
}

/** The first index at or after `from` that is not white space. */
export function skipSpace(text: string, from: number): number {
  let i = from;
  while (i < text.length && isSpaceCode(text.charCodeAt(i))) i++;
  return i;
}

/** `to` moved back over white space, not before `from`. */
export function trimSpaceEnd(text: string, from: number, to: number): number {
  let end = to;
  while (end > from && isSpaceCode(text.charCodeAt(end - 1))) end--;
  return end;
}

/** Text on one line: white space collapsed, shortened with an ellipsis to at most `max` characters. */
export function oneLine(text: string, max = Infinity): string {
  const s = text.replace(/\s+/g, ' ').trim();
  return s.length > max ? s.slice(0, max - 1) + '…' : s;
}

/**
 * The text with each lone carriage return (a classic Mac line end) written as a line feed, one for
 * one: offsets stay the same, and code that looks for "\n" finds every line end, as LSP counts them
 * (\n, \r\n and \r). A "\r\n" stays as it is. The same string when there is no lone "\r".
 */
export function withLfLineEnds(text: string): string {
  return text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
}

/**
 * The shortest cut of a string that V8 keeps as a view of the string it was cut from (a "sliced
 * string"): `slice`, `substring` and a regular expression's match of 13 or more characters hold on
 * to the whole text they were cut from.
 */
const SLICED_FROM = 13;

/**
 * A string equal to `s` that holds on to no other text. What a document version hands on to its
 * next version (references, descriptions, words and sentences taken over after an edit) is made of
 * these: a cut of the text kept beyond its version would keep that version's whole text in memory,
 * and every edit would add one.
 */
export function detached(s: string): string {
  // The joined string is written out whole (flattened) before it is cut, so the cut is a view of that
  // copy, not of `s`'s text.
  return s.length < SLICED_FROM ? s : (' ' + s).slice(1);
}

/**
 * A copy of plain data (objects, arrays, strings, numbers; no cycles) with every string in it
 * detached (see `detached`).
 */
export function detachedData<T>(value: T): T {
  const copy = (v: unknown): unknown => (typeof v === 'string' ? detached(v) : typeof v === 'object' && v !== null ? (Array.isArray(v) ? v.slice() : { ...v }) : v);
  const top = copy(value);
  // Each copied object's members copied in turn, from a work list (no recursion).
  const work: Record<string, unknown>[] = typeof top === 'object' && top !== null ? [top as Record<string, unknown>] : [];
  for (let o = work.pop(); o; o = work.pop()) {
    for (const key of Object.keys(o)) {
      const c = copy(o[key]);
      o[key] = c;
      if (typeof c === 'object' && c !== null) work.push(c as Record<string, unknown>);
    }
  }
  return top as T;
}
