/**
 * The words of one document version, read once and shared by every rule that needs the whole text's
 * words: each run of letters and digits ("[\p{L}\p{N}]+") with its place, its folded form
 * (`foldForSearch`, folded once per distinct word) and, on first use, where each folded word occurs.
 * One index per text (keyed by the version's line index, which every copy of an indexed document of
 * that text shares), so a rule asks it instead of scanning the text again.
 */
import { foldForSearch } from '../engine/folding';
import type { LineIndex } from '../engine/lineIndex';
import { SpanSet } from '../engine/sortedOffsets';
import type { IndexedDocument } from './model';

const cache = new WeakMap<LineIndex, DocumentWords>();

/** ASCII letters and digits. */
const ASCII_WORD = new Uint8Array(128).map((_, c) => (/[A-Za-z0-9]/.test(String.fromCharCode(c)) ? 1 : 0));
/** Other code points: 1 a letter or digit, 2 not; 0 not yet decided. */
const BMP_CLASS = new Uint8Array(0x10000);
const WORD_CHAR = /^[\p{L}\p{N}]$/u;
function isWordCodePoint(cp: number): boolean {
  if (cp < 0x10000) {
    let k = BMP_CLASS[cp]!;
    if (k === 0) BMP_CLASS[cp] = k = WORD_CHAR.test(String.fromCharCode(cp)) ? 1 : 2;
    return k === 1;
  }
  return WORD_CHAR.test(String.fromCodePoint(cp));
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
  private urlSpans: SpanSet | undefined;

  private constructor(
    private readonly text: string,
    runs: { readonly starts: Int32Array; readonly ends: Int32Array },
    grouped?: Omit<DocumentWordsData, 'starts' | 'ends'>,
  ) {
    this.starts = runs.starts;
    this.ends = runs.ends;
    this.grouped = grouped;
  }

  /** The words of a text, read now. */
  static read(text: string): DocumentWords {
    return new DocumentWords(text, scanRuns(text));
  }

  /** The words of a document version (built on first use, then shared). */
  static of(doc: Pick<IndexedDocument, 'text' | 'lines'>): DocumentWords {
    let words = cache.get(doc.lines);
    if (!words || words.text !== doc.text) cache.set(doc.lines, (words = DocumentWords.read(doc.text)));
    return words;
  }

  /** Makes words read elsewhere (the analysis worker) a document version's words. */
  static adopt(doc: Pick<IndexedDocument, 'text' | 'lines'>, data: DocumentWordsData): void {
    const { starts, ends, ...grouped } = data;
    cache.set(doc.lines, new DocumentWords(doc.text, { starts, ends }, grouped));
  }

  /** Everything read, as plain data (folding every run now if not yet done). */
  data(): DocumentWordsData {
    return { starts: this.starts, ends: this.ends, ...this.group() };
  }

  get count(): number {
    return this.starts.length;
  }

  /** The run at `i` as written. */
  raw(i: number): string {
    return this.text.slice(this.starts[i]!, this.ends[i]!);
  }

  /** The run at `i` folded for search (`foldForSearch`). */
  folded(i: number): string {
    const g = this.group();
    return g.words[g.wordOf[i]!]!;
  }

  /** The indexes of the runs that fold to `word`, in text order. */
  occurrences(word: string): ArrayLike<number> {
    const g = this.group();
    this.wordIds ??= new Map(g.words.map((w, i) => [w, i]));
    const id = this.wordIds.get(word);
    return id === undefined ? [] : g.runsByWord.subarray(g.firstRun[id]!, g.firstRun[id + 1]!);
  }

  /** Where the text has web addresses ("https://…", "www.…", up to the next white space). */
  get urls(): SpanSet {
    this.urlSpans ??= new SpanSet([...this.text.matchAll(/\b(?:https?:\/\/|www\.)\S+/g)].map((m) => ({ offset: m.index, length: m[0].length })));
    return this.urlSpans;
  }

  /** Folds every run once per distinct run, and groups the runs by folded word (counting sort: linear). */
  private group(): Omit<DocumentWordsData, 'starts' | 'ends'> {
    if (this.grouped) return this.grouped;
    const byRaw = new Map<string, number>();
    const ids = new Map<string, number>();
    const words: string[] = [];
    const wordOf = new Int32Array(this.count);
    for (let i = 0; i < this.count; i++) {
      const raw = this.raw(i);
      let id = byRaw.get(raw);
      if (id === undefined) {
        const folded = PLAIN.test(raw) ? raw : foldForSearch(raw);
        id = ids.get(folded);
        if (id === undefined) {
          ids.set(folded, (id = words.length));
          words.push(folded);
        }
        byRaw.set(raw, id);
      }
      wordOf[i] = id;
    }
    const firstRun = new Int32Array(words.length + 1);
    for (let i = 0; i < wordOf.length; i++) firstRun[wordOf[i]! + 1]!++;
    for (let w = 0; w < words.length; w++) firstRun[w + 1]! += firstRun[w]!;
    const next = firstRun.slice(0, words.length);
    const runsByWord = new Int32Array(wordOf.length);
    for (let i = 0; i < wordOf.length; i++) runsByWord[next[wordOf[i]!]!++] = i;
    this.wordIds = ids;
    this.grouped = { words, wordOf, firstRun, runsByWord };
    return this.grouped;
  }
}

/**
 * The runs of letters and digits, in one pass over the characters (a regular expression's match
 * objects would cost more than the scan): ASCII by a table, anything else by its code point's class,
 * decided once per code point.
 */
function scanRuns(text: string): { readonly starts: Int32Array; readonly ends: Int32Array } {
  const starts: number[] = [];
  const ends: number[] = [];
  let runStart = -1;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    let word: boolean;
    let width = 1;
    if (c < 128) word = ASCII_WORD[c] === 1;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        word = isWordCodePoint((c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000);
        width = 2;
      } else word = false;
    } else word = isWordCodePoint(c);
    if (word) {
      if (runStart < 0) runStart = i;
    } else if (runStart >= 0) {
      starts.push(runStart);
      ends.push(i);
      runStart = -1;
    }
    i += width - 1;
  }
  if (runStart >= 0) {
    starts.push(runStart);
    ends.push(n);
  }
  return { starts: Int32Array.from(starts), ends: Int32Array.from(ends) };
}
