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
import { isLatinWordCode } from '../chars';
export class ForwardMatches {
  private readonly pattern: RegExp;
  /** Everything before this has been scanned (or will never be asked for). */
  private scannedTo = 0;
  /** A match found beyond the last window, not yet handed on; null once the pattern matches no more. */
  private pending: RegExpExecArray | null | undefined;
  /** Where the scan goes on after `pending`. */
  private resumeAt = 0;

  /**
   * @param pattern a global pattern (copied, so its lastIndex is this scan's own); `onMatch` receives
   * its matches in order of position.
   */
  constructor(
    private readonly text: string,
    pattern: RegExp,
    private readonly onMatch: (match: RegExpExecArray) => void,
  ) {
    this.pattern = new RegExp(pattern.source, pattern.flags);
  }

  /** Makes every match that starts in [from, to) known to `onMatch`; neither `from` nor `to` may decrease between calls. */
  cover(from: number, to: number): void {
    const end = Math.min(to, this.text.length);
    if (end <= this.scannedTo) return;
    if (this.pending === null) {
      this.scannedTo = end;
      return;
    }
    const re = this.pattern;
    // A gap before `from` that no window asks for is skipped, and so is a match found in it.
    if (this.pending && from > this.scannedTo && this.pending.index < from) this.pending = undefined;
    let m: RegExpExecArray | null;
    if (this.pending) {
      m = this.pending;
      re.lastIndex = this.resumeAt;
    } else {
      re.lastIndex = Math.max(this.scannedTo, from > this.scannedTo ? wordStart(this.text, from) : this.scannedTo);
      m = re.exec(this.text);
    }
    while (m && m.index < end) {
      this.onMatch(m);
      if (m[0].length === 0) re.lastIndex = m.index + 1;
      m = re.exec(this.text);
    }
    this.pending = m;
    this.resumeAt = re.lastIndex;
    this.scannedTo = end;
  }
}

/** The start of the word (letters and digits) that holds `at`, at most 40 characters back. */
function wordStart(text: string, at: number): number {
  let i = at;
  while (i > 0 && at - i < 40 && isLatinWordCode(text.charCodeAt(i - 1))) i--;
  return i;
}

