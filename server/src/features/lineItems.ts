/**
 * What a rule reads of the whole text line by line, kept from version to version: a `LinePass`
 * finds its items (the places a rule looks at, with what the text says there) in whole lines, each
 * item read from its line and at most `REACH` characters around that line. An edited version's
 * items are then the previous version's before and after the change (moved) and those of the lines
 * within `REACH` of the change, found again: the same items as finding them in the whole text, by
 * that bound. The rule combines the items with what changes with every version (the analysis, the
 * glossary) on its own, which costs a pass over the items, not over the text.
 *
 * The items are kept per version here (`lineItemsFollow` says which version a version's items are made
 * from); an edited version's lines are read with its word index where it was made, else with the
 * words around the change only (features/documentWords.ts). The lines here are "\n"-ended (a line of
 * the line index never holds a "\n", so it lies in one of these).
 */
import { changedStretch, type ChangedStretch } from '../engine/incremental';
import { copyWith } from '../engine/records';
import type { LineIndex } from '../engine/lineIndex';
import type { Span } from '../engine/model';
import { DocumentWords } from './documentWords';
import type { IndexedDocument } from './model';

/** How far around its line an item may be read (a pass bounds what it reads by it: see `bounded`). */
export const REACH = 1000;

/** An item found at `at` (a UTF-16 offset in the text: where it starts, in the line it was found in). */
export interface LineItem {
  readonly at: number;
}

/** What a pass is given to find its items in [from, to) (whole lines). */
export interface LineReading {
  readonly text: string;
  readonly words: DocumentWords;
  /** The version's line index (a pass reads an item's line: `lines.lineAround`). */
  readonly lines: LineIndex;
  readonly from: number;
  readonly to: number;
}

/**
 * A way of finding items in whole lines: `find` gives the items that start in [from, to), in text
 * order, reading only their lines and `REACH` characters around them (an expression that could read
 * further is run on `bounded(text, at)`). The same items for a text, however it is cut into lines.
 */
export interface LinePass<T extends LineItem> {
  /** For the tests and the profile: what is found. */
  readonly name: string;
  find(reading: LineReading): T[];
}

/** The text up to `REACH` characters past `at`: what an expression started at `at` may read. */
export function bounded(text: string, at: number): string {
  return at + REACH >= text.length ? text : text.slice(0, at + REACH);
}

/** A question about the line holding an offset, asked once per line (a pass's items share their lines). */
export function perLine(lines: LineIndex, ask: (line: Span) => boolean): (offset: number) => boolean {
  const answers = new Map<number, boolean>();
  return (offset) => {
    const line = lines.lineAround(offset);
    let answer = answers.get(line.offset);
    if (answer === undefined) answers.set(line.offset, (answer = ask(line)));
    return answer;
  };
}

/** How many times passes read a whole text, by pass (the tests count them: an edited version's items are not). */
export const wholeFinds = new Map<string, number>();

/**
 * What passes found in one document version, by pass; and, until this version's items of a pass are
 * made from them, the items of the version it follows with where the two differ (found when a pass
 * first asks; then the previous version's text goes).
 */
interface VersionItems {
  readonly text: string;
  readonly items: Map<object, readonly unknown[]>;
  before?: { text?: string; change?: ChangedStretch; readonly items: ReadonlyMap<object, readonly unknown[]> } | undefined;
}

/** Per version (its line index, which every copy of the version shares). */
const versions = new WeakMap<LineIndex, VersionItems>();

function versionOf(doc: Pick<IndexedDocument, 'text' | 'lines'>): VersionItems {
  let v = versions.get(doc.lines);
  if (!v || v.text !== doc.text) versions.set(doc.lines, (v = { text: doc.text, items: new Map() }));
  return v;
}

/**
 * Says that a document version follows another (of the same document): its items are made from the
 * other's (or, for a version that found none, from those that one would have been made from). Only
 * one version back is held: a version that found items hands on nothing it was to be made from.
 */
export function lineItemsFollow(doc: Pick<IndexedDocument, 'text' | 'lines'>, previous: Pick<IndexedDocument, 'text' | 'lines'>): void {
  if (doc.lines === previous.lines) return;
  const now = versionOf(doc);
  if (now.items.size) return;
  const then = versions.get(previous.lines);
  if (!then || then.text !== previous.text) return;
  // (A version that found items made them from its own `before`, and took its text then.)
  const from = then.items.size ? { text: previous.text, items: then.items } : then.before?.text !== undefined ? { text: then.before.text, items: then.before.items } : undefined;
  then.before = undefined;
  now.before = from;
}

/**
 * The items of a pass in a document version: made from the previous version's where one was said to
 * be followed (`lineItemsFollow`), reading the words around the change only (the version's word index
 * when it was made anyway); else found in the whole text with the version's word index.
 */
export function lineItems<T extends LineItem>(pass: LinePass<T>, doc: Pick<IndexedDocument, 'text' | 'lines'>): readonly T[] {
  const version = versionOf(doc);
  const kept = version.items.get(pass) as readonly T[] | undefined;
  if (kept) return kept;
  const text = doc.text;
  const lines = doc.lines;
  const before = version.before;
  const previous = before?.items.get(pass) as readonly T[] | undefined;
  let items: readonly T[];
  if (before && previous) {
    if (!before.change) {
      before.change = changedStretch(before.text!, text);
      before.text = undefined;
    }
    const { start, oldEnd, newEnd } = before.change;
    const delta = newEnd - oldEnd;
    // The lines within REACH of the change are read again; the items before them are kept, those after them moved.
    const from = start > REACH ? text.lastIndexOf('\n', start - REACH - 1) + 1 : 0;
    const lastRead = text.indexOf('\n', Math.min(text.length, newEnd + REACH));
    const to = lastRead < 0 ? text.length : lastRead + 1;
    // What a pass reads of an item lies within REACH of its line. Without this version's word index,
    // the words there only; and none is made for it later from an earlier version's (which would
    // otherwise stay in memory for every later version that makes none either).
    let words = DocumentWords.made(doc);
    if (!words) {
      words = DocumentWords.around(text, Math.max(0, from - REACH), Math.min(text.length, to + REACH));
      DocumentWords.notFollowing(doc);
    }
    const found = pass.find({ text, words, lines, from, to });
    const out: T[] = [];
    let i = 0;
    for (; i < previous.length && previous[i]!.at < from; i++) out.push(previous[i]!);
    while (i < previous.length && previous[i]!.at < to - delta) i++;
    for (const item of found) out.push(item);
    for (; i < previous.length; i++) {
      const item = previous[i]!;
      out.push(delta === 0 ? item : copyWith<LineItem>(item, { at: item.at + delta }) as T);
    }
    items = out;
  } else {
    wholeFinds.set(pass.name, (wholeFinds.get(pass.name) ?? 0) + 1);
    items = pass.find({ text, words: DocumentWords.of(doc), lines, from: 0, to: text.length });
  }
  version.items.set(pass, items);
  return items;
}
