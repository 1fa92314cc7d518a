/**
 * Where a pattern matches in a text, found only where a reader asks and as it moves forward.
 *
 * The deadline and amount recognizers judge a phrase by the words around it (plans, past tense, money
 * words, sentence ends), a few hundred characters either way. Scanning the whole text for those words
 * costs as much as the rest of the analysis together, while most of a letter holds no deadline or
 * bare amount at all. A reader that moves forward asks `cover(from, to)` before it looks at the
 * matches in [from, to) (both ends only ever move forward); the pattern then runs over the part of
 * that window not scanned before. Each
 * character is scanned at most once (a match found beyond the window is kept for the next call), so
 * the cost is at most one pass over the text, and far less when the windows are few.
 *
 * A window may start inside a word: the scan then starts at that word's start, so that patterns that
 * test for word edges (\b) see the text as a scan of the whole would.
 */
import { isLatinWordCode, isSpaceCode } from '../chars';

/**
 * How far past a window a search reads (to the next white space after that): the pattern runs over
 * a slice of the text, so a word list never reads far beyond the windows asked for.
 */
const AHEAD = 96;
/** How far before where a search starts its slice begins: lookbehinds and \b see the real text. */
const BEHIND = 64;
/**
 * A match the slice shows is the text's match when it starts at least this far before the slice's
 * end and ends at least LOOKAHEAD before it: the patterns read past white space only through
 * literal words (at most 40 characters: "Vaststelling van de begrotingsstaten") and look ahead a few
 * characters ("gaat(?! het )"). Where the slice shows none, none starts before its end less TRUST.
 */
const TRUST = 64;
const LOOKAHEAD = 8;

export class ForwardMatches {
  private readonly pattern: RegExp;
  /** Everything before this has been scanned (or will never be asked for). */
  private scannedTo = 0;
  /**
   * The scan's next match beyond the last window: a match not yet handed on; null once the pattern
   * matches no more; undefined when not looked for beyond what a search found free.
   */
  private pending: RegExpExecArray | null | undefined;
  /** Where the scan goes on (after `pending` when that is a match). */
  private resumeAt = 0;
  /** No match starts at any position in [freeFrom, freeTo) (freeFrom <= resumeAt while pending is undefined). */
  private freeFrom = 0;
  private freeTo = 0;
  /** Up to here the text was found without white space to end a slice at. */
  private spacelessTo = 0;

  /**
   * @param pattern a global pattern (copied, so its lastIndex is this scan's own); `onMatch` receives
   * its matches in order of position, with their index in the whole text.
   */
  constructor(
    private readonly text: string,
    pattern: RegExp,
    private readonly onMatch: (match: RegExpExecArray) => void,
  ) {
    this.pattern = new RegExp(pattern.source, pattern.flags);
  }

  /**
   * Makes every match that starts in [from, to) known to `onMatch`; neither `from` nor `to` may
   * decrease between calls. The matches are those of one scan of the whole text that skips each gap
   * before a window (and a match found in it), starting again at the window's first word.
   */
  cover(from: number, to: number): void {
    const text = this.text;
    const end = Math.min(to, text.length);
    if (end <= this.scannedTo) return;
    if (this.pending === null) {
      this.scannedTo = end;
      return;
    }
    let m: RegExpExecArray | null | undefined = this.pending;
    let at = this.resumeAt;
    if (from > this.scannedTo) {
      // A gap before `from` that no window asks for is skipped, and so is a match found in it.
      const restart = Math.max(this.scannedTo, wordStart(text, from));
      if (m === undefined && from > this.freeTo && restart < this.resumeAt) {
        // Whether the scan goes on or starts again depends on its next match, wherever that is.
        m = this.exactFrom(this.resumeAt);
        if (m === null) {
          this.pending = null;
          this.scannedTo = end;
          return;
        }
      }
      if (m) {
        if (m.index < from) {
          m = undefined;
          at = restart;
        }
      } else if (from > this.freeTo) at = restart;
    }
    while (true) {
      if (m === undefined) {
        // No match starts in [freeFrom, freeTo): a search from `at` there may start at freeTo.
        if (this.freeFrom <= at && at < this.freeTo) at = this.freeTo;
        if (end <= at) break;
        m = this.search(at, end);
        if (m === undefined) break;
      }
      if (m === null || m.index >= end) break;
      this.onMatch(m);
      at = m[0].length === 0 ? m.index + 1 : m.index + m[0].length;
      this.freeFrom = this.freeTo = at;
      m = undefined;
    }
    this.pending = m;
    if (m === undefined) this.resumeAt = at;
    this.scannedTo = end;
  }

  /**
   * The first match at or after `at` (its index in the text), when it starts before what the search
   * read less TRUST; otherwise undefined, and no match starts in [at, freeTo) (freeTo beyond `end`);
   * null when the text has no further match.
   */
  private search(at: number, end: number): RegExpExecArray | null | undefined {
    const text = this.text;
    const n = text.length;
    const want = Math.max(at, end) + TRUST + LOOKAHEAD;
    // The last slice serves again while it reaches far enough (dense matches: one slice for many).
    if (!(this.slice !== undefined && (at - this.sliceFrom >= BEHIND || this.sliceFrom === 0) && want <= this.sliceTo)) {
      let hi = Math.max(at, end) + AHEAD;
      if (hi >= n || hi < this.spacelessTo) return this.exactFrom(at);
      // The slice ends before white space, which no pattern reads through but with a literal word.
      const cap = hi + AHEAD;
      while (hi < n && hi < cap && !isSpaceCode(text.charCodeAt(hi))) hi++;
      if (hi >= n || hi >= cap) {
        // A long stretch without white space: searched in the whole text until past it.
        while (hi < n && !isSpaceCode(text.charCodeAt(hi))) hi++;
        this.spacelessTo = hi;
        return this.exactFrom(at);
      }
      this.sliceFrom = Math.max(0, at - BEHIND);
      this.sliceTo = hi;
      this.slice = text.slice(this.sliceFrom, hi);
    }
    const lo = this.sliceFrom;
    const hi = this.sliceTo;
    const re = this.pattern;
    re.lastIndex = at - lo;
    const m = re.exec(this.slice);
    if (!m) {
      this.freeFrom = at;
      this.freeTo = hi - TRUST;
      return undefined;
    }
    const index = m.index + lo;
    if (index < hi - TRUST && index + m[0].length + LOOKAHEAD <= hi) {
      m.index = index;
      return m;
    }
    return this.exactFrom(at);
  }

  /** The slice of the last search: text [sliceFrom, sliceTo), ending before white space. */
  private slice: string | undefined;
  private sliceFrom = 0;
  private sliceTo = 0;

  /** The first match at or after `at`, found in the whole text; null when there is none. */
  private exactFrom(at: number): RegExpExecArray | null {
    const re = this.pattern;
    re.lastIndex = at;
    return re.exec(this.text);
  }
}

/** The start of the word (letters and digits) that holds `at`, at most 40 characters back. */
function wordStart(text: string, at: number): number {
  let i = at;
  while (i > 0 && at - i < 40 && isLatinWordCode(text.charCodeAt(i - 1))) i--;
  return i;
}

