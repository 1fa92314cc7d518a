/**
 * Where a pattern matches in a text — what a global scan (`matchAll`) finds — kept from one version
 * of a document to the next. An edited version's matches are the previous version's before the edit,
 * those found again around it, and the previous version's after it, moved: found without scanning the
 * whole text again, and the same matches as scanning it (a pattern says how far around a match it
 * reads, so what it finds where the texts are the same is decided the same).
 *
 * The recognizers that read a whole document on every edit (footnote markup: features of a few
 * characters searched for in 5 MB) ask their scans of a `PatternScans`.
 */
import { detached } from './chars';
import type { ChangedStretch } from './incremental';
import { lowerBound } from './sortedOffsets';

export interface ScanPattern {
  /** What is looked for: a global pattern that never matches the empty string. */
  readonly re: RegExp;
  /** How many characters before a place the pattern reads to decide a match there (`^` with the m flag, `\b`: 1). */
  readonly behind: number;
  /** How many characters from a place on the pattern reads at most to decide a match there (the longest match, and what a lookahead after it reads). */
  readonly reach: number;
  /** The same matches as scanning with `re`, found some quicker way in a whole text (optional). */
  readonly scanWhole?: (text: string) => Matches;
  /** Keep what the pattern's first group took of each match (`Matches.labels`): a footnote's label. */
  readonly label?: boolean;
}

/** Matches as their starts and ends, in text order (they do not overlap: a scan goes on after each). */
export interface Matches {
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  /** With a pattern that keeps its label: what its first group took of each match ('' for none). */
  readonly labels?: readonly string[];
}

/** Matches as they are found (lists that grow). */
interface Found {
  readonly starts: number[];
  readonly ends: number[];
  readonly labels: string[] | undefined;
}

/** The matches of a global scan of `text`. */
export function scanWhole(pattern: ScanPattern, text: string): Matches {
  if (pattern.scanWhole) return pattern.scanWhole(text);
  const found = scanFrom(pattern, text, 0, text.length);
  return { starts: Int32Array.from(found.starts), ends: Int32Array.from(found.ends), ...(found.labels ? { labels: found.labels } : {}) };
}

/**
 * The matches of scanning `text` from `from` (where a scan stands between matches) whose place is
 * decided within [from - behind, to): those starting at or before `to - reach`, or any when `to` is
 * the text's end.
 */
function scanFrom(pattern: ScanPattern, text: string, from: number, to: number): Found {
  const starts: number[] = [];
  const ends: number[] = [];
  const labels: string[] | undefined = pattern.label ? [] : undefined;
  const cut = Math.max(0, from - pattern.behind);
  const whole = cut === 0 && to >= text.length;
  const part = whole ? text : text.slice(cut, to);
  const last = to >= text.length ? Infinity : to - pattern.reach;
  const re = new RegExp(pattern.re.source, pattern.re.flags.includes('g') ? pattern.re.flags : `${pattern.re.flags}g`);
  re.lastIndex = from - cut;
  for (let m = re.exec(part); m; m = re.exec(part)) {
    const at = m.index + cut;
    if (at > last) break;
    starts.push(at);
    ends.push(at + m[0].length);
    // (A label kept as a copy: a cut of a text would keep the whole text in memory.)
    if (labels) labels.push(detached(m[1] ?? ''));
    if (m[0].length === 0) re.lastIndex++;
  }
  return { starts, ends, labels };
}

/**
 * The matches of `text`, edited from a text with matches `previous` where `change` says the two differ
 * (the same before `start`, and after `oldEnd` in the old text as after `newEnd` in the new one; a
 * wider stretch than the least one is fine).
 */
export function scanEdited(pattern: ScanPattern, previous: Matches, text: string, change: ChangedStretch): Matches {
  const { start, oldEnd, newEnd } = change;
  const delta = newEnd - oldEnd;
  const { behind, reach } = pattern;
  // Kept: the matches decided before the change (what they read ends before it), and the scan stands
  // after the last of them as it stood before.
  const kept = lowerBound(previous.starts, start - reach + 1);
  // No match starts between the last of them and there (the old scan found none where the texts read
  // the same): the scan stands between matches there too, and goes on from there.
  const from = Math.max(kept > 0 ? previous.ends[kept - 1]! : 0, start - reach + 1, 0);
  // Scanned again from there, until a place after the change where neither scan is within a match:
  // from there on both scans read the same text from the same state, and find the same matches.
  let at = Math.max(newEnd + behind, from);
  let found: Found;
  for (;;) {
    const to = Math.min(text.length, at + reach);
    found = scanFrom(pattern, text, from, to);
    if (to >= text.length) {
      // Scanned to the end: every match from there on was found again.
      at = text.length + 1;
      break;
    }
    let next = at;
    for (let i = 0; i < found.starts.length; i++) if (found.starts[i]! < next && found.ends[i]! > next) next = found.ends[i]!;
    // A match of the old text over the place (starting before it and ending after it).
    const o = lowerBound(previous.starts, next - delta) - 1;
    if (o >= 0 && previous.ends[o]! > next - delta) next = previous.ends[o]! + delta;
    if (next === at) break;
    at = next;
  }
  // The matches found again that start before that place, then the old ones from it on, moved.
  let n = 0;
  while (n < found.starts.length && found.starts[n]! < at) n++;
  const after = lowerBound(previous.starts, at - delta);
  const count = kept + n + (previous.starts.length - after);
  const starts = new Int32Array(count);
  const ends = new Int32Array(count);
  starts.set(previous.starts.subarray(0, kept));
  ends.set(previous.ends.subarray(0, kept));
  for (let i = 0; i < n; i++) {
    starts[kept + i] = found.starts[i]!;
    ends[kept + i] = found.ends[i]!;
  }
  for (let j = after, k = kept + n; j < previous.starts.length; j++, k++) {
    starts[k] = previous.starts[j]! + delta;
    ends[k] = previous.ends[j]! + delta;
  }
  if (!pattern.label) return { starts, ends };
  const before = previous.labels ?? [];
  return { starts, ends, labels: before.slice(0, kept).concat(found.labels!.slice(0, n), before.slice(after)) };
}

/**
 * The scans one document version's whole-text recognizers ask for, each made once: from the previous
 * version's (where the texts differ only in `change`) when that version made it, else of the whole
 * text. Only what a version asked for is handed on to the next.
 */
export class PatternScans {
  private readonly made = new Map<ScanPattern, Matches>();
  private previous: { readonly scans: PatternScans; readonly change: ChangedStretch } | undefined;

  constructor(
    readonly text: string,
    previous?: { readonly scans: PatternScans; readonly change: ChangedStretch },
  ) {
    this.previous = previous;
  }

  /** How many scans read a whole text (the tests count them: an edited version's are made from the previous one's). */
  static wholeScans = 0;

  matches(pattern: ScanPattern): Matches {
    let matches = this.made.get(pattern);
    if (matches) return matches;
    const before = this.previous?.scans.made.get(pattern);
    if (before && this.previous) matches = scanEdited(pattern, before, this.text, this.previous.change);
    else {
      PatternScans.wholeScans++;
      matches = scanWhole(pattern, this.text);
    }
    this.made.set(pattern, matches);
    return matches;
  }

  /** Lets go of the previous version (its scans were asked for): no chain of old versions is kept. */
  settle(): void {
    this.previous = undefined;
  }
}
