/**
 * The words of one document version, read once and shared by every rule that needs the whole text's
 * words: each run of letters and digits ("[\p{L}\p{N}]+") with its place, its folded form
 * (`foldForSearch`, folded once per distinct word) and, on first use, where each folded word occurs.
 * One index per text (keyed by the version's line index, which every copy of an indexed document of
 * that text shares), so a rule asks it instead of scanning the text again.
 */
import { codePointClass, CP_LETTER, CP_NUMBER, detached } from '../engine/chars';
import { foldForSearch } from '../engine/folding';
import { changedStretch } from '../engine/incremental';
import type { LineIndex } from '../engine/lineIndex';
import type { Span } from '../engine/model';
import { lowerBound, lowerBoundBy, SpanSet } from '../engine/sortedOffsets';
import type { IndexedDocument } from './model';

const cache = new WeakMap<LineIndex, DocumentWords>();

type Version = Pick<IndexedDocument, 'text' | 'lines'>;

/**
 * The version whose values (kept per line index in `values`) a version's are made from when first
 * asked for, where only a stretch changed: the previous version when it made its values, else the one
 * that version would have been made from (a version nobody asked is skipped). A version that made its
 * values is made from nothing any more: each version would otherwise hold the one before it, and no
 * old version would ever leave memory.
 */
class VersionLink<V> {
  private readonly source = new WeakMap<LineIndex, { readonly text: string; readonly lines: LineIndex }>();

  constructor(
    private readonly values: WeakMap<LineIndex, V>,
    private readonly textOf: (value: V) => string,
  ) {}

  /** The values a version made (for its text), if it did. */
  made(doc: Version): V | undefined {
    const value = this.values.get(doc.lines);
    return value !== undefined && this.textOf(value) === doc.text ? value : undefined;
  }

  follows(doc: Version, previous: Version): void {
    if (this.made(doc)) return;
    const previousMade = !!this.made(previous);
    if (previousMade) this.source.delete(previous.lines);
    const source = previousMade ? { text: previous.text, lines: previous.lines } : this.source.get(previous.lines);
    if (source) this.source.set(doc.lines, source);
  }

  /** The values to make a version's from, with the text they were made of (once: the link goes). */
  take(doc: Version): { readonly text: string; readonly value: V } | undefined {
    const source = this.source.get(doc.lines);
    this.source.delete(doc.lines);
    const value = source && this.made(source);
    return source && value !== undefined ? { text: source.text, value } : undefined;
  }

  /** The version is made from nothing (its link goes). */
  drop(doc: Pick<Version, 'lines'>): void {
    this.source.delete(doc.lines);
  }
}

/** ASCII letters and digits. */
const ASCII_WORD = new Uint8Array(128).map((_, c) => (/[A-Za-z0-9]/.test(String.fromCharCode(c)) ? 1 : 0));
/** A letter or digit (\p{L}, \p{N}): decided once per BMP code point (codePointClass). */
function isWordCodePoint(cp: number): boolean {
  return (codePointClass(cp) & (CP_LETTER | CP_NUMBER)) !== 0;
}

/** A run of lower-case ASCII letters and digits folds to itself. */
const PLAIN = /^[a-z0-9]+$/;

/**
 * A document's words as plain data (typed arrays and strings), as the analysis worker makes them
 * beside the analysis: the main thread takes them over without reading the text again.
 */
export interface DocumentWordsData {
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  /** The distinct folded words. */
  readonly words: readonly string[];
  /** Per run, the index of its folded word in `words`. */
  readonly wordOf: Int32Array;
  /** Per word, where its runs start in `runsByWord` (one more entry than words: the end). */
  readonly firstRun: Int32Array;
  /** The runs grouped by word, each group in text order. */
  readonly runsByWord: Int32Array;
}

export class DocumentWords {
  /** Start (UTF-16 offset) of each run, in text order. */
  readonly starts: Int32Array;
  /** End (exclusive) of each run. */
  readonly ends: Int32Array;
  private grouped: Omit<DocumentWordsData, 'starts' | 'ends'> | undefined;
  private wordIds: Map<string, number> | undefined;
  private newWordIds: Map<string, number> | undefined;

  /** The runs' hashes (Runs.hashes) until they are grouped; read texts only (the others come grouped). */
  private hashes: Int32Array | undefined;

  private constructor(
    private readonly text: string,
    runs: { readonly starts: Int32Array; readonly ends: Int32Array; readonly hashes?: Int32Array },
    grouped?: Omit<DocumentWordsData, 'starts' | 'ends'>,
  ) {
    this.starts = runs.starts;
    this.ends = runs.ends;
    this.grouped = grouped;
    if (!grouped) this.hashes = runs.hashes;
  }

  /** How many texts were read whole (the tests count them: an edited version's words are not). */
  static wholeReads = 0;

  /** The words of a text, read now. */
  static read(text: string): DocumentWords {
    DocumentWords.wholeReads++;
    return new DocumentWords(text, scanRuns(text));
  }

  /**
   * The words of a document version (built on first use, then shared): made from the words of its
   * previous version (see `follows`) when they were read, else read.
   */
  static of(doc: Pick<IndexedDocument, 'text' | 'lines'>): DocumentWords {
    let words = DocumentWords.link.made(doc);
    if (words) DocumentWords.link.drop(doc);
    else {
      const before = DocumentWords.link.take(doc);
      words = before ? before.value.edited(doc.text) : DocumentWords.read(doc.text);
      cache.set(doc.lines, words);
    }
    return words;
  }

  /** Which version's words a version's are made from (see `follows`). */
  private static readonly link = new VersionLink<DocumentWords>(cache, (words) => words.text);

  /** Says that a document version follows another (of the same document): its words are made from the other's. */
  static follows(doc: Pick<IndexedDocument, 'text' | 'lines'>, previous: Pick<IndexedDocument, 'text' | 'lines'>): void {
    if (doc.lines === previous.lines) return;
    urlsLink.follows(doc, previous);
    DocumentWords.link.follows(doc, previous);
  }

  /**
   * The words of `text`, an edited version of this text: the runs before and after the changed
   * stretch are taken over (moved), the runs around it read again, and the runs grouped by word again
   * (one linear pass over typed arrays; the words are folded only for the runs read again). The
   * same words as `read(text)` gives, by every question asked of them.
   */
  edited(text: string): DocumentWords {
    const g = this.group();
    const change = changedStretch(this.text, text);
    const { start, oldEnd } = change;
    const delta = text.length - this.text.length;
    // Runs [0, a) end before the change and are kept; runs [b, count) start after it and move.
    let a = lowerBound(this.ends, start);
    let b = lowerBound(this.starts, oldEnd + 1);
    if (a > b) a = b;
    const from = a < this.count ? Math.min(this.starts[a]!, start) : start;
    const to = b < this.count ? this.starts[b]! + delta : text.length;
    const mid = scanRuns(text.slice(from, to));
    const count = a + mid.starts.length + (this.count - b);
    const starts = new Int32Array(count);
    const ends = new Int32Array(count);
    const wordOf = new Int32Array(count);
    starts.set(this.starts.subarray(0, a));
    ends.set(this.ends.subarray(0, a));
    wordOf.set(g.wordOf.subarray(0, a));
    // The words read again get the ids of the words known, or new ones (the list grows; each version
    // counts its own words).
    const words = g.words.slice();
    const ids = this.ids();
    let newIds: Map<string, number> | undefined;
    for (let k = 0; k < mid.starts.length; k++) {
      const i = a + k;
      starts[i] = mid.starts[k]! + from;
      ends[i] = mid.ends[k]! + from;
      const raw = text.slice(starts[i]!, ends[i]!);
      // Later versions take the list of words over: a word holds no cut of this text (see detached).
      const folded = detached(PLAIN.test(raw) ? raw : foldForSearch(raw));
      let id = ids.get(folded) ?? newIds?.get(folded);
      if (id === undefined) {
        (newIds ??= new Map()).set(folded, (id = words.length));
        words.push(folded);
      }
      wordOf[i] = id;
    }
    const moved = a + mid.starts.length;
    for (let j = b; j < this.count; j++) {
      starts[moved + j - b] = this.starts[j]! + delta;
      ends[moved + j - b] = this.ends[j]! + delta;
    }
    wordOf.set(g.wordOf.subarray(b), moved);
    const edited = new DocumentWords(text, { starts, ends }, regroupRuns(g, words, wordOf, a, b, mid.starts.length));
    // The capitalized (and abbreviation-like) runs, when this version's were found: this version's
    // before and after the change (moved), the runs read again.
    const carried = (list: Int32Array | undefined, test: (text: string, start: number, end: number) => boolean): Int32Array | undefined => {
      if (!list) return undefined;
      const lo = lowerBound(list, a);
      const hi = lowerBound(list, b);
      const read: number[] = [];
      for (let i = a; i < moved; i++) if (test(text, starts[i]!, ends[i]!)) read.push(i);
      const out = new Int32Array(lo + read.length + list.length - hi);
      out.set(list.subarray(0, lo));
      out.set(read, lo);
      const shift = moved - b;
      for (let j = hi, k = lo + read.length; j < list.length; j++, k++) out[k] = list[j]! + shift;
      return out;
    };
    edited.capitalRuns = carried(this.capitalRuns, isCapitalRun);
    edited.abbreviationLikeRuns = carried(this.abbreviationLikeRuns, isAbbreviationLikeRun);
    // The ids: this version's, and the new words' (the earlier ids hold: the word list only grows).
    edited.wordIds = this.wordIds;
    edited.newWordIds = newIds ? new Map([...(this.newWordIds ?? []), ...newIds]) : this.newWordIds;
    return edited;
  }

  /** The id of each folded word (those added since the words were read apart: see `edited`). */
  private ids(): { get(word: string): number | undefined } {
    const g = this.group();
    const read = (this.wordIds ??= new Map(g.words.map((w, i) => [w, i])));
    const added = this.newWordIds;
    return added ? { get: (word) => read.get(word) ?? added.get(word) } : read;
  }

  /** Makes words read elsewhere (the analysis worker) a document version's words. */
  static adopt(doc: Pick<IndexedDocument, 'text' | 'lines'>, data: DocumentWordsData): void {
    const { starts, ends, ...grouped } = data;
    cache.set(doc.lines, new DocumentWords(doc.text, { starts, ends }, grouped));
    // Made elsewhere: nothing is made from an earlier version (its link goes, or old versions would stay).
    DocumentWords.link.drop(doc);
  }

  /**
   * A version analyzed elsewhere whose words were not sent (the main thread asks for them only where
   * a pass reads a whole text): made from nothing earlier, so that no earlier version's words and
   * text stay for it; read whole if they are ever asked for.
   */
  static notFollowing(doc: Pick<IndexedDocument, 'lines'>): void {
    DocumentWords.link.drop(doc);
  }

  /** The words of a document version when they were made (read, made from the previous version's or taken over), without making them. */
  static made(doc: Pick<IndexedDocument, 'text' | 'lines'>): DocumentWords | undefined {
    return DocumentWords.link.made(doc);
  }

  /**
   * The words of `text` in [from, to) only (a run cut at either end is cut there too), at their
   * offsets in the text: what a line pass reads around an edit (features/lineItems.ts) without the
   * words of the whole text. Not a version's words (not kept, not returned by `of`).
   */
  static around(text: string, from: number, to: number): DocumentWords {
    const runs = scanRuns(text.slice(from, to));
    if (from > 0) {
      for (let i = 0; i < runs.starts.length; i++) {
        runs.starts[i]! += from;
        runs.ends[i]! += from;
      }
    }
    return new DocumentWords(text, runs);
  }

  /** Everything read, as plain data (folding every run now if not yet done). */
  data(): DocumentWordsData {
    return { starts: this.starts, ends: this.ends, ...this.group() };
  }

  get count(): number {
    return this.starts.length;
  }

  /**
   * The runs of at most 16 UTF-16 units that start with an ASCII capital or a character beyond ASCII,
   * in text order (found on first use): where the rules look for abbreviations and names, so that
   * they pass over the other runs (most of a text) without reading them.
   */
  capitalized(): Int32Array {
    if (this.capitalRuns) return this.capitalRuns;
    const out: number[] = [];
    const text = this.text;
    for (let i = 0; i < this.starts.length; i++) if (isCapitalRun(text, this.starts[i]!, this.ends[i]!)) out.push(i);
    return (this.capitalRuns = Int32Array.from(out));
  }
  private capitalRuns: Int32Array | undefined;

  /**
   * The capitalized runs that may be abbreviations, in text order (found on first use): those with
   * a character beyond ASCII, two ASCII capitals, or an ASCII capital and then a digit. Most
   * capitalized runs ("De", "Kamer", "Minister") are none of these, and the abbreviation rules pass
   * them over unread.
   */
  abbreviationLike(): Int32Array {
    if (this.abbreviationLikeRuns) return this.abbreviationLikeRuns;
    const out: number[] = [];
    const text = this.text;
    for (const i of this.capitalized()) if (isAbbreviationLikeRun(text, this.starts[i]!, this.ends[i]!)) out.push(i);
    return (this.abbreviationLikeRuns = Int32Array.from(out));
  }
  private abbreviationLikeRuns: Int32Array | undefined;

  /**
   * The part of a list of runs (`capitalized()`, `abbreviationLike()`: run numbers in text order)
   * whose runs start in [from, to): the list's entries [first, end).
   */
  runsStartingIn(list: Int32Array, from: number, to: number): { readonly first: number; readonly end: number } {
    if (from <= 0 && to >= this.text.length) return { first: 0, end: list.length };
    const first = lowerBound(list, lowerBound(this.starts, from));
    return { first, end: lowerBound(list, lowerBound(this.starts, to), first) };
  }

  /** The run at `i` as written. */
  raw(i: number): string {
    return this.text.slice(this.starts[i]!, this.ends[i]!);
  }

  /** The run at `i` folded for search (`foldForSearch`); without grouping the runs when they are not grouped yet. */
  folded(i: number): string {
    const g = this.grouped;
    if (g) return g.words[g.wordOf[i]!]!;
    const raw = this.raw(i);
    return this.hashes![i] !== NOT_ASCII ? raw.toLowerCase() : foldForSearch(raw);
  }

  /**
   * Where the words of a set occur: per word of the set the text holds, its runs in text order. When
   * the runs are not grouped yet (a text read here), they are not grouped for it: a run of ASCII
   * letters and digits is looked up in the set's table by its hash (a small table: most runs miss
   * it at once), any other run is folded (once per distinct run). Grouped, the smaller of the set and
   * the text's words is gone through.
   */
  occurrencesOf(set: WordSet): Map<string, ArrayLike<number>> {
    const found = new Map<string, ArrayLike<number>>();
    if (this.grouped) {
      const g = this.grouped;
      // (An edited version's list of words may hold words it no longer has.)
      const one = (word: string, id: number): void => {
        if (g.firstRun[id + 1]! > g.firstRun[id]!) found.set(word, g.runsByWord.subarray(g.firstRun[id]!, g.firstRun[id + 1]!));
      };
      if (set.words.length <= g.words.length) {
        // Without the table of word ids (words taken over from the worker), one pass over the words
        // finds the set's (a table of every word would cost more than the pass).
        const ids = this.wordIds ? this.ids() : idsAmong(g.words, set);
        for (const word of set.words) {
          const id = ids.get(word);
          if (id !== undefined) one(word, id);
        }
      } else {
        for (let id = 0; id < g.words.length; id++) if (set.has(g.words[id]!)) one(g.words[id]!, id);
      }
      return found;
    }
    const hashes = this.hashes!;
    const text = this.text;
    const runs = new Map<string, number[]>();
    let byRaw: Map<string, string | null> | undefined;
    for (let i = 0; i < this.count; i++) {
      const h = hashes[i]!;
      let word: string;
      if (h !== NOT_ASCII) {
        const id = set.table.find(text, this.starts[i]!, this.ends[i]!, h);
        if (id < 0) continue;
        word = set.plain[id]!;
      } else {
        const raw = this.raw(i);
        let folded = (byRaw ??= new Map()).get(raw);
        if (folded === undefined) {
          const f = foldForSearch(raw);
          byRaw.set(raw, (folded = set.has(f) ? f : null));
        }
        if (folded === null) continue;
        word = folded;
      }
      const list = runs.get(word);
      if (list) list.push(i);
      else runs.set(word, [i]);
    }
    return runs;
  }

  /** The indexes of the runs that fold to `word`, in text order. */
  occurrences(word: string): ArrayLike<number> {
    const g = this.group();
    const id = this.ids().get(word);
    return id === undefined ? [] : g.runsByWord.subarray(g.firstRun[id]!, g.firstRun[id + 1]!);
  }

  /** Where a document version has web addresses ("https://…", "www.…", up to the next white space). */
  static urls(doc: Pick<IndexedDocument, 'text' | 'lines'>): SpanSet {
    const version = urlsOfVersion(doc);
    version.spans ??= new SpanSet(version.places);
    return version.spans;
  }

  /**
   * The web addresses' places in a document version, in text order (found on first use; an edited
   * version's from the version it follows, see `follows`). Each lies in one run of non-white
   * characters and reaches its end, so an edit changes only those of the runs it touches. Kept apart
   * from the words: a rule that needs only these does not make the word index of every version.
   */
  static urlPlaces(doc: Pick<IndexedDocument, 'text' | 'lines'>): readonly Span[] {
    return urlsOfVersion(doc).places;
  }

  /**
   * Folds every run once per distinct run, and groups the runs by folded word (counting sort: linear).
   *
   * A run of ASCII letters and digits (most runs) folds to itself in lower case: it is found in a
   * table of the words seen by a hash of its characters in lower case and compared in place, so that
   * no string is made of it unless its word is new. Other runs are folded once per distinct run.
   */
  private group(): Omit<DocumentWordsData, 'starts' | 'ends'> {
    if (this.grouped) return this.grouped;
    const text = this.text;
    const starts = this.starts;
    const ends = this.ends;
    const count = this.count;
    const ids = new Map<string, number>();
    const words: string[] = [];
    const wordOf = new Int32Array(count);
    const seen = new AsciiWordTable(words, count);
    const hashes = this.hashes ?? scanRuns(text).hashes;
    this.hashes = undefined;
    let byRaw: Map<string, number> | undefined;
    for (let i = 0; i < count; i++) {
      const s = starts[i]!;
      const e = ends[i]!;
      const h = hashes[i]!;
      let id: number;
      if (h !== NOT_ASCII) {
        id = seen.find(text, s, e, h);
        if (id < 0) {
          // A new word: the table has every word of ASCII letters and digits seen so far.
          const folded = detached(text.slice(s, e).toLowerCase());
          ids.set(folded, (id = words.length));
          words.push(folded);
          seen.add(h, id);
        }
      } else {
        const raw = text.slice(s, e);
        id = (byRaw ??= new Map()).get(raw) ?? -1;
        if (id < 0) {
          const folded = detached(foldForSearch(raw));
          id = ids.get(folded) ?? -1;
          if (id < 0) {
            ids.set(folded, (id = words.length));
            words.push(folded);
            // "Kostić" folds to "kostic": an ASCII run of that word must find it in the table.
            if (PLAIN.test(folded)) seen.add(runHash(folded, 0, folded.length), id);
          }
          byRaw.set(raw, id);
        }
      }
      wordOf[i] = id;
    }
    this.wordIds = ids;
    this.grouped = groupRuns(words, wordOf);
    return this.grouped;
  }
}

/** The ids of the words of a set among a text's distinct words (their index in `words`). */
function idsAmong(words: readonly string[], set: WordSet): Map<string, number> {
  const ids = new Map<string, number>();
  for (let id = 0; id < words.length; id++) if (set.has(words[id]!)) ids.set(words[id]!, id);
  return ids;
}

/**
 * Folded words to look for in many texts (`DocumentWords.occurrencesOf`), made once: those of ASCII
 * letters and digits also in a table by the hash a run of them gets (runHash).
 */
export class WordSet {
  /** The distinct words, in the order given. */
  readonly words: readonly string[];
  /** The words of ASCII letters and digits, by their id in `table`. */
  readonly plain: readonly string[];
  readonly table: AsciiWordTable;
  private readonly all: ReadonlySet<string>;

  constructor(words: Iterable<string>) {
    this.all = new Set(words);
    this.words = [...this.all];
    const plain: string[] = [];
    this.table = new AsciiWordTable(plain, 16);
    for (const word of this.words) {
      if (!PLAIN.test(word)) continue;
      this.table.add(runHash(word, 0, word.length), plain.length);
      plain.push(word);
    }
    this.plain = plain;
  }

  has(word: string): boolean {
    return this.all.has(word);
  }
}

/**
 * The folded words of ASCII letters and digits seen so far, by their hash (runHash; open addressing,
 * linear probing): a run of ASCII letters and digits is compared with a word character by character,
 * in place.
 */
class AsciiWordTable {
  private hashes: Int32Array;
  /** The word id in each slot plus one, 0 for an empty slot. */
  private ids: Int32Array;
  private size = 0;

  /** A table for the words of `runs` runs: room for as many words as half of them without growing. */
  constructor(
    private readonly words: readonly string[],
    runs: number,
  ) {
    let slots = 1024;
    while (slots < runs) slots *= 2;
    this.hashes = new Int32Array(slots);
    this.ids = new Int32Array(slots);
  }

  /** The id of the word text [s, e) (ASCII letters and digits, hash h) folds to, when seen; else -1. */
  find(text: string, s: number, e: number, h: number): number {
    const mask = this.ids.length - 1;
    const length = e - s;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const id = this.ids[slot]! - 1;
      if (id < 0) return -1;
      if (this.hashes[slot] !== h) continue;
      const word = this.words[id]!;
      if (word.length !== length) continue;
      let x = 0;
      while (x < length) {
        let c = text.charCodeAt(s + x);
        if (c <= 90 && c >= 65) c += 32;
        if (c !== word.charCodeAt(x)) break;
        x++;
      }
      if (x === length) return id;
    }
  }

  /** Remembers word id (of ASCII letters and digits), whose hash is h. */
  add(h: number, id: number): void {
    if (++this.size * 2 > this.ids.length) this.grow();
    const mask = this.ids.length - 1;
    let slot = h & mask;
    while (this.ids[slot] !== 0) slot = (slot + 1) & mask;
    this.hashes[slot] = h;
    this.ids[slot] = id + 1;
  }

  private grow(): void {
    const { hashes, ids } = this;
    this.hashes = new Int32Array(ids.length * 2);
    this.ids = new Int32Array(ids.length * 2);
    const mask = this.ids.length - 1;
    for (let k = 0; k < ids.length; k++) {
      if (ids[k] === 0) continue;
      let slot = hashes[k]! & mask;
      while (this.ids[slot] !== 0) slot = (slot + 1) & mask;
      this.hashes[slot] = hashes[k]!;
      this.ids[slot] = ids[k]!;
    }
  }
}

/** The hash of text [from, to) of ASCII letters and digits, in lower case, as scanRuns makes it for a run. */
function runHash(text: string, from: number, to: number): number {
  let h = 0;
  for (let i = from; i < to; i++) h = (Math.imul(h, 31) + ASCII_LOWER[text.charCodeAt(i)]!) | 0;
  return h === NOT_ASCII ? 0 : h;
}

/** The runs grouped by word (counting sort: linear). */
function groupRuns(words: readonly string[], wordOf: Int32Array): Omit<DocumentWordsData, 'starts' | 'ends'> {
  const firstRun = new Int32Array(words.length + 1);
  for (let i = 0; i < wordOf.length; i++) firstRun[wordOf[i]! + 1]!++;
  for (let w = 0; w < words.length; w++) firstRun[w + 1]! += firstRun[w]!;
  const next = firstRun.slice(0, words.length);
  const runsByWord = new Int32Array(wordOf.length);
  for (let i = 0; i < wordOf.length; i++) runsByWord[next[wordOf[i]!]!++] = i;
  return { words, wordOf, firstRun, runsByWord };
}

/** A web address: from a word boundary at "http(s)://" or "www." to the next white space. */
const URL_PATTERN = /\b(?:https?:\/\/|www\.)\S+/g;
/** How many texts were searched whole for web addresses (the tests count them: an edited version's are made from the version before's). */
export const urlSearches = { whole: 0 };

/** The web addresses found in a document version, with the text they were found in. */
interface VersionUrls {
  readonly text: string;
  readonly places: readonly Span[];
  spans?: SpanSet;
}
/** Per version (by its line index). */
const urlsByVersion = new WeakMap<LineIndex, VersionUrls>();
/** Which version's web addresses a version's are made from (see `follows`). */
const urlsLink = new VersionLink<VersionUrls>(urlsByVersion, (urls) => urls.text);

function urlsOfVersion(doc: Pick<IndexedDocument, 'text' | 'lines'>): VersionUrls {
  const found = urlsLink.made(doc);
  if (found) return found;
  const before = urlsLink.take(doc);
  let places: readonly Span[];
  if (before) {
    const { start, oldEnd, newEnd } = changedStretch(before.text, doc.text);
    places = editedUrls(before.value.places, doc.text, start, oldEnd, newEnd - oldEnd);
  } else {
    urlSearches.whole++;
    places = urlsIn(doc.text, 0, doc.text.length);
  }
  const version = { text: doc.text, places };
  urlsByVersion.set(doc.lines, version);
  return version;
}

const WHITE_SPACE = /\s/;

/** The web addresses in text [from, to), where `from` and `to` are the edges of runs of non-white characters. */
function urlsIn(text: string, from: number, to: number): Span[] {
  const part = from === 0 && to === text.length ? text : text.slice(from, to);
  return [...part.matchAll(URL_PATTERN)].map((m) => ({ offset: m.index + from, length: m[0].length }));
}

/**
 * The web addresses of `text`, edited from the version before in [start, oldEnd) (now [start, oldEnd +
 * delta)): an address lies within one run of non-white characters and reaches its end (whether a
 * word boundary stands before "http" is decided within the run too), so those of the runs before the
 * edit are kept, those after it moved, and the runs the edit touches read again.
 */
function editedUrls(before: readonly Span[], text: string, start: number, oldEnd: number, delta: number): Span[] {
  let from = start;
  while (from > 0 && !WHITE_SPACE.test(text[from - 1]!)) from--;
  let to = oldEnd + delta;
  while (to < text.length && !WHITE_SPACE.test(text[to]!)) to++;
  const out: Span[] = [];
  let k = 0;
  for (; k < before.length && before[k]!.offset + before[k]!.length <= from; k++) out.push(before[k]!);
  for (const u of urlsIn(text, from, to)) out.push(u);
  // (The version before's runs after the edit start at `to - delta` or later.)
  for (k = lowerBoundBy(before, to - delta, (s) => s.offset); k < before.length; k++) out.push({ offset: before[k]!.offset + delta, length: before[k]!.length });
  return out;
}

/**
 * The runs of an edited version grouped by word, from the grouping of the version before: per word,
 * its runs before the change as they were, then its runs read again, then its runs after the change
 * moved — copied in blocks, not sorted again (the counting sort's scattered writes over every run
 * cost about four times as much on a large letter). Runs [a, b) of the version before were read
 * again as the `read` runs now at [a, a + read); `words` is the version before's list with the new
 * words after it. The same grouping as `groupRuns(words, wordOf)`.
 */
function regroupRuns(before: Omit<DocumentWordsData, 'starts' | 'ends'>, words: readonly string[], wordOf: Int32Array, a: number, b: number, read: number): Omit<DocumentWordsData, 'starts' | 'ends'> {
  const known = before.words.length;
  const shift = a + read - b;
  // Each word's count (at w + 1): as before, less the runs read again, plus what they are now.
  const firstRun = new Int32Array(words.length + 1);
  for (let w = 0; w < known; w++) firstRun[w + 1] = before.firstRun[w + 1]! - before.firstRun[w]!;
  for (let i = a; i < b; i++) firstRun[before.wordOf[i]! + 1]!--;
  for (let i = a; i < a + read; i++) firstRun[wordOf[i]! + 1]!++;
  for (let w = 0; w < words.length; w++) firstRun[w + 1]! += firstRun[w]!;
  // The runs read again by word, then by place (a few: an edit's stretch).
  const readRuns = Array.from({ length: read }, (_, k) => a + k).sort((x, y) => wordOf[x]! - wordOf[y]! || x - y);
  let r = 0;
  const runsByWord = new Int32Array(wordOf.length);
  const old = before.runsByWord;
  for (let w = 0; w < words.length; w++) {
    let out = firstRun[w]!;
    let from = 0;
    let to = 0;
    let i1 = 0;
    let i2 = 0;
    if (w < known) {
      from = before.firstRun[w]!;
      to = before.firstRun[w + 1]!;
      i1 = lowerBound(old, a, from, to);
      i2 = lowerBound(old, b, i1, to);
      if (i1 - from > 32) runsByWord.set(old.subarray(from, i1), out);
      else for (let k = from; k < i1; k++) runsByWord[out + k - from] = old[k]!;
      out += i1 - from;
    }
    while (r < readRuns.length && wordOf[readRuns[r]!] === w) runsByWord[out++] = readRuns[r++]!;
    for (let k = i2; k < to; k++) runsByWord[out++] = old[k]! + shift;
  }
  return { words, wordOf, firstRun, runsByWord };
}

/** Runs of letters and digits as read by scanRuns. */
interface Runs {
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  /** Per run, the hash of its characters with ASCII capitals in lower case (runHash), or NOT_ASCII. */
  readonly hashes: Int32Array;
}

/** The hash of a run with a character beyond ASCII (a run of ASCII characters hashing to it gets 0). */
const NOT_ASCII = -1;

/** Per ASCII code: the letter in lower case or the digit, 0 for anything else. */
const ASCII_LOWER = new Uint8Array(128).map((_, c) => (c >= 65 && c <= 90 ? c + 32 : ASCII_WORD[c] ? c : 0));

/**
 * The runs of letters and digits, in one pass over the characters (a regular expression's match
 * objects would cost more than the scan): ASCII by a table, anything else by its code point's class,
 * decided once per code point. The places are written straight into typed arrays (grown as needed),
 * with the hash of each ASCII run in lower case, by which `group` finds its word without reading
 * it again.
 */
function scanRuns(text: string): Runs {
  const n = text.length;
  let starts = new Int32Array((n >> 3) + 16);
  let ends = new Int32Array(starts.length);
  let hashes = new Int32Array(starts.length);
  let count = 0;
  let i = 0;
  while (i < n) {
    // Over what is not a letter or digit; ASCII by the table alone.
    let c = text.charCodeAt(i);
    let w: number;
    if (c < 128) {
      if (ASCII_WORD[c] === 0) {
        i++;
        continue;
      }
      w = 1;
    } else if ((w = wordWidthAt(text, i, n)) === 0) {
      i++;
      continue;
    }
    // Over the run, hashed on the way while it is ASCII.
    const start = i;
    let h = c < 128 ? ASCII_LOWER[c]! : 0;
    let plain = c < 128;
    i += w;
    while (i < n) {
      c = text.charCodeAt(i);
      if (c < 128) {
        const l = ASCII_LOWER[c]!;
        if (l === 0) break;
        h = (Math.imul(h, 31) + l) | 0;
        i++;
      } else {
        w = wordWidthAt(text, i, n);
        if (w === 0) break;
        plain = false;
        i += w;
      }
    }
    if (count === starts.length) {
      starts = grown(starts);
      ends = grown(ends);
      hashes = grown(hashes);
    }
    starts[count] = start;
    ends[count] = i;
    hashes[count++] = !plain ? NOT_ASCII : h === NOT_ASCII ? 0 : h;
  }
  return { starts: starts.slice(0, count), ends: ends.slice(0, count), hashes: hashes.slice(0, count) };
}

/** A typed array twice as long, with the same numbers first. */
function grown(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const more = new Int32Array(a.length * 2);
  more.set(a);
  return more;
}

/**
 * The code units of the letter or digit at text[i] (2 for a surrogate pair), 0 when there is none
 * there (a lone surrogate is none).
 */
function wordWidthAt(text: string, i: number, n: number): number {
  const c = text.charCodeAt(i);
  if (c < 128) return ASCII_WORD[c]!;
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return isWordCodePoint((c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000) ? 2 : 0;
    return 0;
  }
  return isWordCodePoint(c) ? 1 : 0;
}

/** A run of at most 16 UTF-16 units that starts with an ASCII capital or a character beyond ASCII (see `capitalized`). */
function isCapitalRun(text: string, start: number, end: number): boolean {
  if (end - start > 16) return false;
  const c = text.charCodeAt(start);
  return !(c < 65 || (c > 90 && c < 128));
}

/** A capitalized run with a character beyond ASCII, two ASCII capitals, or an ASCII capital and a digit right after it (see `abbreviationLike`). */
function isAbbreviationLikeRun(text: string, start: number, end: number): boolean {
  if (!isCapitalRun(text, start, end)) return false;
  const second = text.charCodeAt(start + 1);
  if ((second >= 48 && second <= 57) || (second >= 65 && second <= 90)) return true;
  let capitals = 0;
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c >= 128) return true;
    if (c >= 65 && c <= 90 && ++capitals >= 2) return true;
  }
  return false;
}
