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

export class DocumentWords {
  /** Start (UTF-16 offset) of each run, in text order. */
  readonly starts: Int32Array;
  /** End (exclusive) of each run. */
  readonly ends: Int32Array;
  private foldedWords: string[] | undefined;
  private positions: Map<string, number[]> | undefined;
  private urlSpans: SpanSet | undefined;

  private constructor(private readonly text: string) {
    // One pass over the characters (a regular expression's match objects would cost more than the
    // scan): ASCII by a table, anything else by its code point's class, decided once per code point.
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
    this.starts = Int32Array.from(starts);
    this.ends = Int32Array.from(ends);
  }

  /** The words of a document version (built on first use, then shared). */
  static of(doc: Pick<IndexedDocument, 'text' | 'lines'>): DocumentWords {
    let words = cache.get(doc.lines);
    if (!words || words.text !== doc.text) cache.set(doc.lines, (words = new DocumentWords(doc.text)));
    return words;
  }

  get count(): number {
    return this.starts.length;
  }

  /** The run at `i` as written. */
  raw(i: number): string {
    return this.text.slice(this.starts[i]!, this.ends[i]!);
  }

  /** Where the text has web addresses ("https://…", "www.…", up to the next white space). */
  get urls(): SpanSet {
    this.urlSpans ??= new SpanSet([...this.text.matchAll(/\b(?:https?:\/\/|www\.)\S+/g)].map((m) => ({ offset: m.index, length: m[0].length })));
    return this.urlSpans;
  }

  /** Every run folded for search (`foldForSearch`), in text order; each distinct run is folded once. */
  get folded(): readonly string[] {
    this.fold();
    return this.foldedWords!;
  }

  /** The indexes of the runs that fold to `word`, in text order. */
  occurrences(word: string): readonly number[] {
    this.fold();
    return this.positions!.get(word) ?? [];
  }

  /** Folds every run once per distinct run, and notes where each folded word occurs (one pass). */
  private fold(): void {
    if (this.foldedWords) return;
    const byRaw = new Map<string, { readonly folded: string; readonly at: number[] }>();
    const positions = new Map<string, number[]>();
    const out = new Array<string>(this.count);
    for (let i = 0; i < this.count; i++) {
      const raw = this.raw(i);
      let entry = byRaw.get(raw);
      if (!entry) {
        const folded = PLAIN.test(raw) ? raw : foldForSearch(raw);
        let at = positions.get(folded);
        if (!at) positions.set(folded, (at = []));
        byRaw.set(raw, (entry = { folded, at }));
      }
      out[i] = entry.folded;
      entry.at.push(i);
    }
    this.foldedWords = out;
    this.positions = positions;
  }
}
