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
 * How far past a window a search reads (to the next white space after that), for a pattern of the
 * default reach: the pattern runs over a slice of the text, so a word list never reads far beyond the
 * windows asked for.
 */
const AHEAD = 96;
/** How far before where a search starts its slice begins: lookbehinds and \b see the real text. */
const BEHIND = 64;

/**
 * How far a pattern's matches read past white space, which tells when a match in a slice that ends
 * before white space is the text's match (see ForwardMatches.search):
 *
 * - a match that reads on past the slice's end may differ in the text, or be missing from the slice,
 *   only where it starts at most `acrossSpace` characters before that end: 0 for a pattern none of
 *   whose matches holds white space (the slice's end is white space in the text); the length of its
 *   longest literal with a space ("laten weten") for one whose do.
 * - a lookahead after a match reads at most `lookahead` characters ("gaat(?! het )": 5); a negative
 *   lookahead that fails only on characters (not at the end of the input) never hides a match from
 *   the slice, but may show one the text does not have, so a match is trusted only where its
 *   lookahead lies within the slice.
 */
export interface ScanReach {
  readonly acrossSpace: number;
  readonly lookahead: number;
}

/**
 * The reach assumed where a pattern declares none: literal words up to 64 characters with spaces in
 * them ("Vaststelling van de begrotingsstaten") and lookaheads of a few characters.
 */
const DEFAULT_REACH: ScanReach = { acrossSpace: 64, lookahead: 8 };
/**
 * How far past a window a search reads for a pattern of small reach, beyond the reach itself: a little,
 * so that neighbouring windows share a slice now and then, but far less than AHEAD, since each search
 * only trusts its slice up to the reach before the slice's end and the rest is read again.
 */
const SMALL_REACH_AHEAD = 16;

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
  /** See ScanReach: a match in a slice is the text's when it starts `trust` before the slice's end and its lookahead ends in it. */
  private readonly trust: number;
  private readonly lookahead: number;
  /** How far past a window a slice reaches (before it is extended to white space). */
  private readonly ahead: number;

  /**
   * @param pattern a global pattern (copied, so its lastIndex is this scan's own); `onMatch` receives
   * its matches in order of position, with their index in the whole text. `reach`: how far the
   * pattern's matches read past white space (ScanReach); the less, the less of the text beyond the
   * windows is read, and read twice. A reach too small for the pattern may lose or change matches.
   */
  constructor(
    private readonly text: string,
    pattern: RegExp,
    private readonly onMatch: (match: RegExpExecArray) => void,
    reach: ScanReach = DEFAULT_REACH,
  ) {
    this.pattern = new RegExp(pattern.source, pattern.flags);
    this.trust = reach.acrossSpace;
    this.lookahead = reach.lookahead;
    this.ahead = reach === DEFAULT_REACH ? AHEAD : reach.acrossSpace + reach.lookahead + SMALL_REACH_AHEAD;
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
   * read less the pattern's reach across white space; otherwise undefined, and no match starts in [at, freeTo) (freeTo beyond `end`);
   * null when the text has no further match.
   */
  private search(at: number, end: number): RegExpExecArray | null | undefined {
    const text = this.text;
    const n = text.length;
    const want = Math.max(at, end) + this.trust + this.lookahead;
    // The last slice serves again while it reaches far enough (dense matches: one slice for many).
    if (!(this.slice !== undefined && (at - this.sliceFrom >= BEHIND || this.sliceFrom === 0) && want <= this.sliceTo)) {
      let hi = Math.max(at, end) + this.ahead;
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
      this.freeTo = hi - this.trust;
      return undefined;
    }
    const index = m.index + lo;
    if (index < hi - this.trust && index + m[0].length + this.lookahead <= hi) {
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

