import { analyzeWhole, assemble, byPlace, mapReference, recognizeStretch, wholeDocument, type AnalyzeOptions, type WholeAnalysis, type WholeDocument } from './analyze';
import { FlatText, type OmittedSpan } from './flatText';
import type { DocumentAnalysis, DocumentMetadata, Footnote, FootnoteMarker, InstrumentMention, KamerstukReference, MotionReference, Range, Reference, Span } from './model';
import { footnoteOf, type OutsideReferences } from './recognizers/motionKamerstuk';
import type { PlacedInstrumentMatch } from './recognizers/instrument';
import { LowercaseWords } from './recognizers/motion';
import { lowerBoundBy } from './sortedOffsets';
import { RANGE_NUMBERS_BUDGET } from './recognizers/kamerstuk';
import { copyWith } from './records';
import { lineagePatched, patchedIndices, recordLineage } from './lineage';

/**
 * Analysis of an edited document from the analysis of its previous version: the recognizers run over
 * the paragraphs around the change only, and what lies outside is taken over, moved by the change.
 * The result is the analysis `analyze` gives for the new text; where that cannot be made sure of, the
 * document is analyzed whole.
 *
 * How it is made sure of:
 * - What reads the whole document is read again whole (cheap: a few searches): the metadata and the
 *   footnotes. When either differs from the previous version's, moved by the change, the document is
 *   analyzed whole. So is it when the change touches a word whose lower-case use elsewhere decided
 *   whether a "motie X" names a member (the only recognizer question about the whole text's words).
 * - The stretch read again runs from a paragraph break at least `margin` characters before the
 *   change to one at least `margin` after it, and again `margin` further on each side. The outer
 *   parts are read only to compare: what the recognizers find there must be what the previous
 *   version had there. If it differs, the change (or the cut) reached that far: the stretch is
 *   widened (four times), and after three tries the document is analyzed whole.
 * - A motion in the stretch whose footnote marker leads to a footnote outside it reads that
 *   footnote's references as the previous version had them (the footnotes are the same).
 * - The two passes that read every result, the links of repeated motions and the senses of
 *   ambiguous abbreviations, run again over the whole result (cheap: they read the list).
 */
export interface Reanalysis {
  readonly result: WholeAnalysis;
  /** 'stretch': only the paragraphs around the change were read; 'whole': the document was analyzed whole. */
  readonly how: 'unchanged' | 'stretch' | 'whole';
  /** Why the document was analyzed whole (for the bench and the tests). */
  readonly why?: string;
  /** The stretch read (new text's offsets), with 'stretch'. */
  readonly stretch?: { readonly from: number; readonly to: number };
  /** With 'stretch': how the new references were made of the previous ones (see analysisDelta). */
  readonly reuse?: Reuse;
}

/** How a stretch analysis made its references: the previous ones before and after the inner stretch, kept and moved. */
interface Reuse {
  readonly change: ChangedStretch;
  /** The previous version's references before the inner stretch (kept), and where those after it start (moved). */
  readonly prefix: number;
  readonly suffixFrom: number;
  readonly lineDelta: number;
  /** The references as composed, before the passes over the whole result (to see what those passes changed). */
  readonly composed: readonly Reference[];
}

/**
 * Whether a version analyzed with `b` may be analyzed from one analyzed with `a` (`reanalyze` asks the
 * same options): the same glossary (matcher and senses), document date and known facts. The line
 * index is the version's own and is not compared.
 */
export function sameAnalyzeOptions(a: AnalyzeOptions, b: AnalyzeOptions): boolean {
  return a.instruments === b.instruments && a.senses === b.senses && a.documentDate === b.documentDate && !a.citationsOnly === !b.citationsOnly && !a.metadataOnly === !b.metadataOnly && JSON.stringify(a.known ?? {}) === JSON.stringify(b.known ?? {});
}

/** Below this length a document is always analyzed whole: that is as fast as comparing. */
export const SMALLEST_FOR_STRETCHES = 16 * 1024;
/** The first margin; each retry takes four times as much. */
const MARGINS = [2000, 8000, 32000];

export interface ReanalyzeOptions {
  /** Analyze stretches of documents from this length (default SMALLEST_FOR_STRETCHES; tests use less). */
  readonly smallest?: number;
}

/**
 * The analysis of `source` given the analysis of the same document's previous version with the same
 * options (glossary, facts and date: a caller whose options changed analyzes whole).
 */
export function reanalyze(previous: WholeAnalysis, source: string, options: AnalyzeOptions = {}, how: ReanalyzeOptions = {}): Reanalysis {
  try {
    return reanalyzeStretch(previous, source, options, how);
  } catch (e) {
    // A fault in taking over the previous analysis costs time, never the analysis.
    return { result: analyzeWhole(source, options), how: 'whole', why: `failed: ${(e as Error)?.message ?? String(e)}` };
  }
}

function reanalyzeStretch(previous: WholeAnalysis, source: string, options: AnalyzeOptions, how: ReanalyzeOptions): Reanalysis {
  const whole = (why: string): Reanalysis => ({ result: analyzeWhole(source, options), how: 'whole', why });
  const before = previous.whole.source;
  if (before === source) return { result: previous, how: 'unchanged' };
  if (source.length < (how.smallest ?? SMALLEST_FOR_STRETCHES) || before.length < (how.smallest ?? SMALLEST_FOR_STRETCHES)) return whole('small');
  const change = changedStretch(before, source);
  const map = offsetMap(change);

  // A word whose lower-case use decided something, written in the change (or in a word it touches).
  for (const word of previous.lowercaseQueries.keys()) {
    const reach = word.length + 1;
    if (
      before.slice(Math.max(0, change.start - reach), change.oldEnd + reach).includes(word) ||
      source.slice(Math.max(0, change.start - reach), change.newEnd + reach).includes(word)
    )
      return whole('lower-case word');
  }

  const doc = wholeDocument(source, options, { whole: previous.whole, change });
  const old = previous.whole;
  if (!sameMoved(old.metadata, doc.metadata, (m) => mapMetadata(m, map))) return whole('metadata');
  // Every field of a footnote compared, but for a footnote the change lies in (a citation typed in a
  // note): that one is read again in the stretch, with the markers that refer to it (below).
  const rewritten = rewrittenFootnotes(old.footnotes, doc.footnotes, map, change);
  if (!rewritten) return whole('footnotes');
  if (!markersMoved(old.markers, doc.markers, change, map)) return whole('footnote markers');

  // Whether the whole new text writes a word in lower case: asked only for a "motie X" in the stretch,
  // of a word not asked before (the previous answers hold: none of their words is in the change).
  let lowercase: LowercaseWords | undefined;
  const writesInLowerCase = (word: string): boolean => (lowercase ??= new LowercaseWords(flatOfWhole(doc).text)).has(word);

  const rewrittenPlaces = rewritten.flatMap((f) => [f.span, ...markersOf(doc, f).map((m) => m.span)]);
  for (const margin of MARGINS) {
    const bounds = stretchAround(doc.text, change, margin);
    // A footnote rewritten, and every marker that refers to it, lie in the inner stretch (what is read
    // with them there is read anew), or the stretch is widened.
    if (!rewrittenPlaces.every((p) => p.offset >= bounds.innerFrom && p.offset + p.length <= bounds.innerTo)) continue;
    const queries = new Map(previous.lowercaseQueries);
    const oldOuterTo = bounds.outerTo - (change.newEnd - change.oldEnd);
    const found = recognizeStretch(doc, bounds.outerFrom, bounds.outerTo, options, {
      lowercase: queries,
      writesInLowerCase,
      euro: { answers: previous.euro.answers, elsewhere: namedOutside(previous.euro, bounds.outerFrom, oldOuterTo) },
      cited: { answers: previous.cited.answers, elsewhere: namedOutside(previous.cited, bounds.outerFrom, oldOuterTo) },
      outside: outsideReferences(previous.analysis.references, bounds, change),
    });
    // A bare dash form ("36471-6") counts when the document cites the same paper plainly elsewhere,
    // and a bare amount is money when it names the same sum with a euro marker elsewhere: where the
    // stretch does so for a paper or sum asked about more or fewer times than before, an answer
    // elsewhere may have changed.
    if (!sameAsked(previous.cited, found.kamerstukken.cited, bounds, change)) return whole('bare dash citation');
    if (!sameAsked(previous.euro, found.amounts.euro, bounds, change)) return whole('bare amount named elsewhere');
    // The ranges' budget is the document's: spent near its end, the stretch might be read differently.
    const rangeNumbersUsed = previous.rangeNumbersUsed + found.kamerstukken.rangeNumbersUsed;
    if (rangeNumbersUsed > RANGE_NUMBERS_BUDGET) return whole('ranges');
    const composed = compose(previous, found, bounds, change, map, doc.lines.lineCount - old.lines.lineCount);
    if (!composed) continue;
    const analysis = assemble(doc, composed.references, composed.matches, options, true);
    return {
      result: {
        analysis,
        whole: doc,
        matches: composed.matches,
        lowercaseQueries: queries,
        rangeNumbersUsed,
        euro: { named: composeNamed(previous.euro.named, found.amounts.euro, bounds, change), answers: found.amounts.answers },
        cited: { named: composeNamed(previous.cited.named, found.kamerstukken.cited, bounds, change), answers: found.kamerstukken.answers },
      },
      how: 'stretch',
      stretch: { from: bounds.outerFrom, to: bounds.outerTo },
      reuse: { change, prefix: composed.prefix, suffixFrom: composed.suffixFrom, lineDelta: doc.lines.lineCount - old.lines.lineCount, composed: composed.references },
    };
  }
  return whole('the change reaches far');
}

/**
 * Where a document names something the recognizers ask about the whole document (a sum with a euro
 * marker, a paper cited plainly), in order of place, and the answers they got: whether the document
 * names it. See AmountReport and KamerstukReport.
 */
interface Named<K> {
  readonly named: readonly { readonly at: number; readonly key: K }[];
  readonly answers: ReadonlyMap<K, boolean>;
}

/** Whether the previous version names a key outside its part [from, to) (asked for a few keys: one walk). */
function namedOutside<K>(previous: Named<K>, from: number, to: number): (key: K) => boolean {
  let keys: Set<K> | undefined;
  return (key) => {
    keys ??= new Set(previous.named.filter((n) => n.at < from || n.at >= to).map((n) => n.key));
    return keys.has(key);
  };
}

/** True when the stretch names each key asked about as often as the same part of the previous version did (so every answer holds). */
function sameAsked<K>(previous: Named<K>, now: Named<K>['named'], bounds: StretchBounds, change: ChangedStretch): boolean {
  if (previous.answers.size === 0) return true;
  const oldTo = bounds.outerTo - (change.newEnd - change.oldEnd);
  const counts = new Map<K, number>();
  for (const n of previous.named) if (n.at >= bounds.outerFrom && n.at < oldTo && previous.answers.has(n.key)) counts.set(n.key, (counts.get(n.key) ?? 0) + 1);
  for (const n of now) if (previous.answers.has(n.key)) counts.set(n.key, (counts.get(n.key) ?? 0) - 1);
  for (const c of counts.values()) if (c !== 0) return false;
  return true;
}

/** The places of the new version: the previous version's before and after the inner stretch (moved), the stretch's in it. */
function composeNamed<K>(previous: Named<K>['named'], stretch: Named<K>['named'], bounds: StretchBounds, change: ChangedStretch): Named<K>['named'] {
  const delta = change.newEnd - change.oldEnd;
  const oldInnerTo = bounds.innerTo - delta;
  return [
    ...previous.filter((n) => n.at < bounds.innerFrom),
    ...stretch.filter((n) => n.at >= bounds.innerFrom && n.at < bounds.innerTo),
    ...previous.filter((n) => n.at >= oldInnerTo).map((n) => ({ at: n.at + delta, key: n.key })),
  ];
}

/** The changed part: the same text before `start` and after `oldEnd` (old) / `newEnd` (new). */
export interface ChangedStretch {
  readonly start: number;
  readonly oldEnd: number;
  readonly newEnd: number;
}

/**
 * Where two texts differ: their common start and end, found by comparing slices (native comparison).
 * The last few answers are kept: an edit is asked about by the analysis, the word index, the
 * sentences and the citation descriptions of the new version, each with the same two texts.
 */
export function changedStretch(a: string, b: string): ChangedStretch {
  // Quick for the same strings (compared as references first) and for strings of other lengths.
  for (let i = 0; i < recentChanges.length; i++) {
    const k = recentChanges[i]!;
    if (k.a !== a || k.b !== b) continue;
    // The same texts, but perhaps other strings of them (an edit undone, a character replaced by
    // another: versions of the same length and text), which took comparing them whole: the answer is
    // kept with the strings asked about, first, so that the next caller's (the same strings, as a
    // version's rules ask one after another) are compared at once.
    recentChanges.splice(i, 1);
    return keepChange(a, b, k.change);
  }
  return keepChange(a, b, findChangedStretch(a, b));
}

/** Keeps an answer of changedStretch, first, with the strings asked about. */
function keepChange(a: string, b: string, change: ChangedStretch): ChangedStretch {
  recentChanges.unshift({ a, b, change });
  if (recentChanges.length > RECENT_CHANGES) recentChanges.pop();
  return change;
}

/**
 * Tells `changedStretch` where texts `a` and `b` differ, found elsewhere for the same two texts (the
 * analysis worker, which sends it with a stretch analysis): the main thread's word index, sentences and
 * descriptions of the new version then ask without comparing 5 MB again.
 */
export function rememberChangedStretch(a: string, b: string, change: ChangedStretch): void {
  // Only an answer that fits the two texts (the same end after the change in both).
  if (!fitsLengths(change, a.length, b.length)) return;
  const { start, oldEnd, newEnd } = change;
  // (Not looked for among those kept: comparing other strings of the same length may read them whole.)
  keepChange(a, b, { start, oldEnd, newEnd });
}

/**
 * True when `change` can be where a text of `oldLength` and one of `newLength` differ: it lies within
 * both, and as much text follows it in each.
 */
export function fitsLengths(change: ChangedStretch, oldLength: number, newLength: number): boolean {
  const { start, oldEnd, newEnd } = change;
  return start >= 0 && start <= oldEnd && start <= newEnd && oldEnd <= oldLength && oldLength - oldEnd === newLength - newEnd;
}

/**
 * The stretch `changedStretch` finds for texts `a` and `b`, made from one known to fit them (the same
 * text before `known.start` and after `known.oldEnd` / `known.newEnd` in both: an editor's edits,
 * composed by composeStretch): its common start and end read further from the stretch outwards, as
 * far as the texts agree — a few characters, where comparing finds them over the whole texts.
 */
export function canonicalStretch(a: string, b: string, known: ChangedStretch): ChangedStretch {
  const most = Math.min(a.length, b.length);
  let start = known.start;
  while (start < most && a.charCodeAt(start) === b.charCodeAt(start)) start++;
  // The common end, bounded as findChangedStretch bounds it: it may not overlap the start.
  const limit = most - start;
  let end = Math.min(a.length - known.oldEnd, limit);
  while (end < limit && a.charCodeAt(a.length - 1 - end) === b.charCodeAt(b.length - 1 - end)) end++;
  if (start > 0 && a.charCodeAt(start - 1) === 13) start--;
  return { start, oldEnd: a.length - end, newEnd: b.length - end };
}

/**
 * Where a text differs from an earlier one after one more edit — `[editStart, editEnd)` of the text
 * before it replaced by `inserted` characters — given where it differed before the edit (undefined:
 * nowhere yet). The same text stays before the start and after the ends; not the narrowest stretch
 * (canonicalStretch makes that one).
 */
export function composeStretch(before: ChangedStretch | undefined, editStart: number, editEnd: number, inserted: number): ChangedStretch {
  if (!before) return { start: editStart, oldEnd: editEnd, newEnd: editStart + inserted };
  // The edit's end or the changed part's, whichever is later (in the text before the edit).
  const end = Math.max(editEnd, before.newEnd);
  return { start: Math.min(before.start, editStart), oldEnd: before.oldEnd + (end - before.newEnd), newEnd: end + (editStart + inserted - editEnd) };
}

/** How many answers of changedStretch are kept (each holds its two texts, which the versions asked about hold anyway). */
const RECENT_CHANGES = 2;
const recentChanges: { readonly a: string; readonly b: string; readonly change: ChangedStretch }[] = [];

/** How many times two texts were compared (the tests count them: an answer the worker sent is not found again). */
export const changedStretchComparisons = { count: 0 };

function findChangedStretch(a: string, b: string): ChangedStretch {
  changedStretchComparisons.count++;
  const most = Math.min(a.length, b.length);
  let start = commonLength(most, (from, to) => a.slice(from, to) === b.slice(from, to));
  // The end may not overlap the start: "aa" → "aaa" differs in one character.
  const end = commonLength(most - start, (from, to) => a.slice(a.length - to, a.length - from) === b.slice(b.length - to, b.length - from));
  // Never split a line end "\r\n".
  if (start > 0 && a.charCodeAt(start - 1) === 13) start--;
  return { start, oldEnd: a.length - end, newEnd: b.length - end };
}

/** The length of the common part, given a test for [from, to) being the same: chunks first, then halving. */
function commonLength(most: number, same: (from: number, to: number) => boolean): number {
  let at = 0;
  let step = 4096;
  while (at < most) {
    const to = Math.min(most, at + step);
    if (same(at, to)) {
      at = to;
      step = Math.min(step * 2, 1 << 20);
    } else if (to - at === 1) return at;
    else step = Math.max(1, (to - at) >> 1);
  }
  return at;
}

/** Old offsets to new ones; undefined for an offset inside the changed part. */
type OffsetMap = (offset: number) => number | undefined;

function offsetMap(change: ChangedStretch): OffsetMap {
  const delta = change.newEnd - change.oldEnd;
  return (o) => (o < change.start ? o : o >= change.oldEnd ? o + delta : undefined);
}

/** A span moved by the change; undefined when the change touches it (an empty span at its start moves). */
function mapSpan(s: Span, map: OffsetMap): Span | undefined {
  const offset = map(s.offset);
  if (offset === undefined) return undefined;
  const end = s.length === 0 ? offset : map(s.offset + s.length - 1);
  return end === undefined || (s.length > 0 && end + 1 - offset !== s.length) ? undefined : { offset, length: s.length };
}

function mapMetadata(m: DocumentMetadata, map: OffsetMap): DocumentMetadata | undefined {
  const spans: (keyof DocumentMetadata)[] = ['identitySpan', 'frontMatterSpan'];
  let moved: DocumentMetadata = m;
  for (const key of spans) {
    const s = m[key] as Span | undefined;
    if (!s) continue;
    const to = mapSpan(s, map);
    if (!to) return undefined;
    moved = { ...moved, [key]: to };
  }
  if (m.identitySpans) {
    const all = mapAll(m.identitySpans, (s) => mapSpan(s, map));
    if (!all) return undefined;
    moved = { ...moved, identitySpans: all };
  }
  if (m.headEnd !== undefined) {
    const headEnd = map(m.headEnd);
    if (headEnd === undefined) return undefined;
    moved = { ...moved, headEnd };
  }
  return moved;
}

function mapAll<T, U>(xs: readonly T[], f: (x: T) => U | undefined): U[] | undefined {
  const out: U[] = [];
  for (const x of xs) {
    const y = f(x);
    if (y === undefined) return undefined;
    out.push(y);
  }
  return out;
}

/**
 * True when the items now are those before, moved by the change: as many, each the same by `same`
 * and its span moved (compared field by field, not as JSON: there may be many).
 */
function sameListMoved<T extends { readonly span: Span }>(was: readonly T[], now: readonly T[], map: OffsetMap, same: (a: T, b: T) => boolean): boolean {
  if (was.length !== now.length) return false;
  for (let i = 0; i < was.length; i++) if (!same(was[i]!, now[i]!) || !sameSpanMoved(was[i]!.span, now[i]!.span, map)) return false;
  return true;
}

/**
 * The footnotes of the new version that the change rewrote (the change lies in the footnote, whose
 * label, kind and start stay), when every other footnote is the previous version's moved by the
 * change (every field compared); undefined when not (a footnote added, removed, renumbered or moved).
 */
function rewrittenFootnotes(was: readonly Footnote[], now: readonly Footnote[], map: OffsetMap, change: ChangedStretch): Footnote[] | undefined {
  if (was.length !== now.length) return undefined;
  const rewritten: Footnote[] = [];
  for (let i = 0; i < was.length; i++) {
    const a = was[i]!;
    const b = now[i]!;
    if (a.label === b.label && a.style === b.style && a.body === b.body && sameSpanMoved(a.span, b.span, map) && sameSpanMoved(a.bodySpan, b.bodySpan, map)) continue;
    const holds = (f: Footnote, end: number): boolean => f.span.offset <= change.start && end <= f.span.offset + f.span.length;
    if (a.label !== b.label || a.style !== b.style || a.span.offset !== b.span.offset || !holds(a, change.oldEnd) || !holds(b, change.newEnd)) return undefined;
    rewritten.push(b);
  }
  return rewritten;
}

/** Whether the markers outside the change are the previous version's moved by it (the same labels and kinds). */
function markersMoved(was: readonly FootnoteMarker[], now: readonly FootnoteMarker[], change: ChangedStretch, map: OffsetMap): boolean {
  const outsideChange = (m: FootnoteMarker, start: number, end: number): boolean => m.span.offset + m.span.length <= start || m.span.offset >= end;
  const oldMarkers = was.filter((m) => outsideChange(m, change.start, change.oldEnd));
  const newMarkers = now.filter((m) => outsideChange(m, change.start, change.newEnd));
  return sameListMoved(oldMarkers, newMarkers, map, (a, b) => a.label === b.label && a.style === b.style);
}

/**
 * Whether a version's footnotes, their markers and its front matter are the previous version's
 * moved by the change (but for notes the change lies in, and markers in the change): besides the
 * text around it, what the sentence around a place far from the change is read with.
 */
export function notesMoved(was: DocumentAnalysis, now: DocumentAnalysis, change: ChangedStretch): boolean {
  const map = offsetMap(change);
  const frontMatter = was.metadata.frontMatterSpan;
  const movedFrontMatter = frontMatter && mapSpan(frontMatter, map);
  const nowFrontMatter = now.metadata.frontMatterSpan;
  if (!!frontMatter !== !!nowFrontMatter || (frontMatter && (!movedFrontMatter || movedFrontMatter.offset !== nowFrontMatter!.offset || movedFrontMatter.length !== nowFrontMatter!.length))) return false;
  return !!rewrittenFootnotes(was.footnotes, now.footnotes, map, change) && markersMoved(was.footnoteMarkers, now.footnoteMarkers, change, map);
}

/** The markers of a document that refer to a footnote (the motions read a marker's footnote: `footnoteOf`). */
function markersOf(doc: WholeDocument, footnote: Footnote): FootnoteMarker[] {
  return doc.markers.filter((m) => m.label === footnote.label && footnoteOf(doc.footnotes, m) === footnote);
}

function sameSpanMoved(was: Span, now: Span, map: OffsetMap): boolean {
  const moved = mapSpan(was, map);
  return !!moved && moved.offset === now.offset && moved.length === now.length;
}

/** True when `now` is `was` moved by the change (compared as JSON: the same fields in the same order). */
function sameMoved<T>(was: T, now: T, move: (x: T) => T | undefined): boolean {
  const moved = move(was);
  return moved !== undefined && JSON.stringify(moved) === JSON.stringify(now);
}

/** The flat text of the whole document, as analyze() reads it (without footnote markers and front matter). */
function flatOfWhole(doc: WholeDocument): FlatText {
  const omitted: OmittedSpan[] = doc.markers.map((m) => ({ span: m.span, replacement: '' as const }));
  if (doc.metadata.frontMatterSpan) omitted.push({ span: doc.metadata.frontMatterSpan, replacement: ' ' });
  return new FlatText(doc.text, omitted);
}

/**
 * The stretch to read: `innerFrom`–`innerTo` is what is taken from it (the change, `margin` around
 * it, out to a paragraph break), `outerFrom`–`outerTo` what is read (`margin` more on each side, out
 * to a paragraph break). A paragraph break is a blank line; the stretch starts at its line end, so
 * that the stretch's text starts as the document's text around it does (with white space). At the
 * document's start or end, there is nothing to compare on that side.
 */
interface StretchBounds {
  readonly outerFrom: number;
  readonly innerFrom: number;
  readonly innerTo: number;
  readonly outerTo: number;
}

function stretchAround(text: string, change: ChangedStretch, margin: number): StretchBounds {
  const innerFrom = breakAtOrBefore(text, change.start - margin, margin);
  const outerFrom = innerFrom === 0 ? 0 : breakAtOrBefore(text, innerFrom - margin, margin);
  const innerTo = breakAtOrAfter(text, change.newEnd + margin, margin);
  const outerTo = innerTo === text.length ? innerTo : breakAtOrAfter(text, innerTo + margin, margin);
  return { outerFrom, innerFrom: outerFrom === 0 ? 0 : innerFrom, innerTo: outerTo === text.length ? text.length : innerTo, outerTo };
}

/**
 * Where a stretch may start at or before `at`: the last blank line's start (a line end followed by an
 * empty line) within `margin` before it; else the last line end before it, where the paragraph is
 * that long (a PDF's text, whose pages hold no blank line); else 0. (The seams, compared with the
 * previous version, say whether a stretch's bounds held: see compose.)
 */
function breakAtOrBefore(text: string, at: number, margin: number): number {
  if (at <= 0) return 0;
  const blank = blankLineAtOrBefore(text, at, Math.max(0, at - margin));
  if (blank >= 0) return blank;
  return at <= margin ? 0 : Math.max(0, text.lastIndexOf('\n', at));
}

/** Where a stretch may end at or after `at`: the first blank line's start within `margin` after it; else the first line end after it; else the text's length. */
function breakAtOrAfter(text: string, at: number, margin: number): number {
  if (at >= text.length) return text.length;
  const blank = blankLineAtOrAfter(text, at, at + margin);
  if (blank >= 0) return blank;
  const lf = text.indexOf('\n', at);
  return lf < 0 ? text.length : lf;
}

/** The last blank line's start ("\n\n", or "\n\r\n" of "\r\n" line ends) in [floor, at], or -1 (only that part is read). */
function blankLineAtOrBefore(text: string, at: number, floor: number): number {
  const part = text.slice(floor, at + 3);
  const found = Math.max(part.lastIndexOf('\n\n', at - floor), part.lastIndexOf('\n\r\n', at - floor));
  return found < 0 ? -1 : floor + found;
}

/** The first blank line's start at or after `at` and at or before `until`, or -1 (only that part is read). */
function blankLineAtOrAfter(text: string, at: number, until: number): number {
  const part = text.slice(at, Math.min(text.length, until + 3));
  const lf = part.indexOf('\n\n');
  const crlf = part.indexOf('\n\r\n');
  const found = lf < 0 ? crlf : crlf < 0 ? lf : Math.min(lf, crlf);
  return found < 0 || at + found > until ? -1 : at + found;
}

/**
 * The previous version's references outside the stretch, asked in the new version's offsets: what the
 * motions of the stretch read of footnotes there (the same text as before, so the same references).
 */
function outsideReferences(previous: readonly Reference[], bounds: StretchBounds, change: ChangedStretch): OutsideReferences {
  const delta = change.newEnd - change.oldEnd;
  const oldOffset = (o: number): number => (o >= bounds.outerTo ? o - delta : o);
  const newOffset = (o: number): number => (o >= change.oldEnd ? o + delta : o);
  const within = (span: Span): Reference[] => {
    const from = oldOffset(span.offset);
    const to = from + span.length;
    const found: Reference[] = [];
    for (let i = lowerBoundBy(previous, from, (r) => r.span.offset); i < previous.length && previous[i]!.span.offset < to; i++) found.push(previous[i]!);
    return found;
  };
  return {
    kamerstukIn: (span) => {
      const first = within(span).find((r): r is KamerstukReference => r.kind === 'kamerstuk');
      return first && mapReference(first, newOffset);
    },
    motionsIn: (span) => within(span)
      .filter((r): r is MotionReference => r.kind === 'motion')
      .map((m) => mapReference(m, newOffset)),
  };
}

/** A reference as the seams compare it: without its range and text (the same text lies under both), without the links of repeated motions (made afterwards). */
function seamKey(r: Reference): string {
  return JSON.stringify(withoutRepeatLink(r), (key, value: unknown) => (key === 'range' || key === 'text' ? undefined : value));
}

function withoutRepeatLink<T extends Reference>(r: T): T {
  if (r.kind !== 'motion' || r.kamerstuk?.source !== 'document') return r;
  const { kamerstuk: _link, ...rest } = r as MotionReference;
  return rest as T;
}

/**
 * The new version's references and glossary matches: the previous version's before the inner
 * stretch, what the recognizers found in it, and the previous version's after it, moved. Undefined
 * when the outer parts of the stretch disagree with the previous version (the seams do not hold).
 */
function compose(
  previous: WholeAnalysis,
  found: { readonly references: readonly Reference[]; readonly matches: readonly PlacedInstrumentMatch[] },
  bounds: StretchBounds,
  change: ChangedStretch,
  map: OffsetMap,
  lineDelta: number,
): { references: Reference[]; matches: PlacedInstrumentMatch[]; prefix: number; suffixFrom: number } | undefined {
  const delta = change.newEnd - change.oldEnd;
  const oldRefs = previous.analysis.references;
  const oldMatches = previous.matches;
  // In the previous version's offsets: the inner stretch ends at innerTo - delta (it lies after the change).
  const oldInnerTo = bounds.innerTo - delta;
  const oldOuterTo = bounds.outerTo - delta;
  const startOf = (r: { readonly span: Span }): number => r.span.offset;
  const matchStart = (m: PlacedInstrumentMatch): number => m.start;

  // The seams: the outer parts as read now, and as the previous version had them (moved).
  const moveWas = (o: number): number => (o >= change.oldEnd ? o + delta : o);
  const refKeyWas = (r: Reference): string => seamKey(mapReference(withoutRepeatLink(r), moveWas));
  if (!seamsHold(found.references, oldRefs, bounds, oldInnerTo, oldOuterTo, startOf, seamKey, refKeyWas)) return undefined;
  const matchKey = (m: PlacedInstrumentMatch): string => `${m.start}:${m.end}:${m.id}:${m.term}:${m.abbreviation}`;
  const matchKeyWas = (m: PlacedInstrumentMatch): string => matchKey({ ...m, start: moveWas(m.start), end: moveWas(m.end) });
  if (!seamsHold(found.matches, oldMatches, bounds, oldInnerTo, oldOuterTo, matchStart, matchKey, matchKeyWas)) return undefined;

  const references: Reference[] = [];
  for (const r of oldRefs) {
    if (r.span.offset >= bounds.innerFrom) break;
    const kept = keepBefore(r, map);
    if (!kept) return undefined;
    references.push(kept);
  }
  const prefix = references.length;
  for (const r of found.references) if (r.span.offset >= bounds.innerFrom && r.span.offset < bounds.innerTo) references.push(r);
  const suffixFrom = lowerBoundBy(oldRefs, oldInnerTo, startOf);
  for (let i = suffixFrom; i < oldRefs.length; i++) {
    const moved = moveAfter(oldRefs[i]!, map, lineDelta);
    if (!moved) return undefined;
    references.push(moved);
  }
  // Moved references keep their order, those of the stretch are sorted, and the three parts follow
  // each other (a stretch's reference reaches no further than the next one starts: the seams matched).
  if (!isSorted(references)) return undefined;

  const matches: PlacedInstrumentMatch[] = [];
  for (const m of oldMatches) {
    if (m.start >= bounds.innerFrom) break;
    matches.push(m);
  }
  for (const m of found.matches) if (m.start >= bounds.innerFrom && m.start < bounds.innerTo) matches.push(m);
  for (let i = lowerBoundBy(oldMatches, oldInnerTo, matchStart); i < oldMatches.length; i++) {
    const m = oldMatches[i]!;
    matches.push(copyWith(m, { start: m.start + delta, end: m.end + delta }));
  }
  return { references, matches, prefix, suffixFrom };
}

/**
 * True when the outer parts of the stretch hold, as read now, what the previous version held there:
 * the same things in the same places (`keyWas` gives the previous version's in the new offsets).
 */
function seamsHold<T>(
  now: readonly T[],
  was: readonly T[],
  bounds: StretchBounds,
  oldInnerTo: number,
  oldOuterTo: number,
  at: (x: T) => number,
  keyNow: (x: T) => string,
  keyWas: (x: T) => string,
): boolean {
  const pick = (xs: readonly T[], lo: number, hi: number, key: (x: T) => string): string => {
    const keys: string[] = [];
    for (let i = lowerBoundBy(xs, lo, at); i < xs.length && at(xs[i]!) < hi; i++) keys.push(key(xs[i]!));
    return keys.join('\n');
  };
  return (
    pick(now, bounds.outerFrom, bounds.innerFrom, keyNow) === pick(was, bounds.outerFrom, bounds.innerFrom, keyWas) &&
    pick(now, bounds.innerTo, bounds.outerTo, keyNow) === pick(was, oldInnerTo, oldOuterTo, keyWas)
  );
}

/**
 * What the new version's analysis adds to the previous one's, as little data as can be (an analysis
 * worker sends it to the main thread instead of the whole analysis): the references of the inner
 * stretch, and those before and after it that the passes over the whole result changed; the rest
 * the receiver makes of its copy of the previous analysis as the stretch analysis did (kept, or
 * moved by the change). The glossary's mentions likewise.
 */
export interface AnalysisDelta {
  readonly change: ChangedStretch;
  readonly prefix: number;
  readonly suffixFrom: number;
  readonly lineDelta: number;
  readonly middle: readonly Reference[];
  /** References before and after the middle that differ from the kept or moved previous ones: [index in the new references, reference]. */
  readonly patches: readonly (readonly [number, Reference])[];
  /** The mentions: the previous ones before `prefix` kept, those from `suffixFrom` moved, `middle` between (every mention that differs lies there). */
  readonly instruments: { readonly prefix: number; readonly suffixFrom: number; readonly middle: readonly InstrumentMention[] };
  readonly metadata: DocumentMetadata;
  readonly footnotes: readonly Footnote[];
  readonly footnoteMarkers: readonly FootnoteMarker[];
}

/**
 * Records how a stretch analysis's references were made of `previous`'s (engine/lineage.ts), for what
 * is made of them per reference where the analysis is used (the service's index; not the worker,
 * which sends it as a delta, recorded where that is applied).
 */
export function recordReanalysisLineage(previous: DocumentAnalysis, re: Reanalysis): void {
  const reuse = re.reuse;
  if (re.how !== 'stretch' || !reuse) return;
  const refs = re.result.analysis.references;
  const middleEnd = refs.length - (previous.references.length - reuse.suffixFrom);
  const patched = lineagePatched(patchedIndices(refs, reuse.composed, reuse.prefix, middleEnd), previous.references, reuse.prefix, middleEnd, reuse.suffixFrom, refs.length);
  recordLineage(re.result.analysis, { previous, change: reuse.change, prefix: reuse.prefix, middleEnd, suffixFrom: reuse.suffixFrom, patched });
}

/** The delta from `previous` (the analysis the stretch analysis was made from) to its result; undefined unless it was a stretch analysis. */
export function analysisDelta(previous: DocumentAnalysis, re: Reanalysis): AnalysisDelta | undefined {
  const reuse = re.reuse;
  if (re.how !== 'stretch' || !reuse) return undefined;
  const now = re.result.analysis;
  const refs = now.references;
  const suffixLength = previous.references.length - reuse.suffixFrom;
  const middleEnd = refs.length - suffixLength;
  const patches = patchedIndices(refs, reuse.composed, reuse.prefix, middleEnd).map((i): [number, Reference] => [i, refs[i]!]);
  // The mentions: kept before the change and moved after it, where they are the same as before.
  const delta = reuse.change.newEnd - reuse.change.oldEnd;
  const was = previous.instruments;
  const mentions = now.instruments;
  let prefix = 0;
  while (prefix < was.length && prefix < mentions.length && was[prefix]!.span.offset < reuse.change.start && sameMention(was[prefix]!, mentions[prefix]!, 0)) prefix++;
  let suffix = 0;
  while (
    suffix < was.length - prefix &&
    suffix < mentions.length - prefix &&
    was[was.length - 1 - suffix]!.span.offset >= reuse.change.oldEnd &&
    sameMention(was[was.length - 1 - suffix]!, mentions[mentions.length - 1 - suffix]!, delta)
  )
    suffix++;
  return {
    change: reuse.change,
    prefix: reuse.prefix,
    suffixFrom: reuse.suffixFrom,
    lineDelta: reuse.lineDelta,
    middle: refs.slice(reuse.prefix, middleEnd),
    patches,
    instruments: { prefix, suffixFrom: was.length - suffix, middle: mentions.slice(prefix, mentions.length - suffix) },
    metadata: now.metadata,
    footnotes: now.footnotes,
    footnoteMarkers: now.footnoteMarkers,
  };
}

/**
 * The result of a computation made in steps (a generator that yields between steps, as
 * `applyingAnalysisDelta`), run to its end at once: what a caller that need not let its event loop run
 * in between does with it.
 */
export function completed<T>(steps: Generator<void, T, void>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** The analysis a delta describes, made of the previous analysis it was made from. */
export function applyAnalysisDelta(previous: DocumentAnalysis, d: AnalysisDelta): DocumentAnalysis {
  return completed(applyingAnalysisDelta(previous, d));
}

/**
 * How many references or mentions `applyingAnalysisDelta` takes over or moves between two steps: a
 * caller that lets its event loop run every few milliseconds asks the clock after each step (1,024
 * took 3–10 ms of the server's main thread, with the collections they cause, in a 5 MB letter).
 */
export const DELTA_STEP = 128;

/**
 * applyAnalysisDelta in steps: it pauses after every DELTA_STEP references or mentions taken over
 * or moved, so that a caller can let its event loop run in between (a delta after an edit near the
 * start of a long letter moves tens of thousands of references). Throws as applyAnalysisDelta does.
 */
export function* applyingAnalysisDelta(previous: DocumentAnalysis, d: AnalysisDelta): Generator<void, DocumentAnalysis, void> {
  const map = offsetMap(d.change);
  const fail = (): never => {
    throw new Error('the analysis delta does not fit the previous analysis');
  };
  const references: Reference[] = [];
  for (let i = 0; i < d.prefix; i++) {
    references.push(keepBefore(previous.references[i] ?? fail(), map) ?? fail());
    if (i % DELTA_STEP === DELTA_STEP - 1) yield;
  }
  for (const r of d.middle) references.push(r);
  for (let i = d.suffixFrom; i < previous.references.length; i++) {
    references.push(moveAfter(previous.references[i]!, map, d.lineDelta) ?? fail());
    if (i % DELTA_STEP === DELTA_STEP - 1) yield;
  }
  for (const [i, r] of d.patches) references[i] = r;
  const delta = d.change.newEnd - d.change.oldEnd;
  const was = previous.instruments;
  const instruments: InstrumentMention[] = [...was.slice(0, d.instruments.prefix), ...d.instruments.middle];
  for (let i = d.instruments.suffixFrom; i < was.length; i++) {
    instruments.push(copyWith(was[i]!, { span: { offset: was[i]!.span.offset + delta, length: was[i]!.span.length } }));
    if (i % DELTA_STEP === DELTA_STEP - 1) yield;
  }
  const analysis: DocumentAnalysis = { metadata: d.metadata, references, footnotes: d.footnotes, footnoteMarkers: d.footnoteMarkers, instruments };
  const middleEnd = d.prefix + d.middle.length;
  const patched = lineagePatched(
    d.patches.map(([i]) => i),
    previous.references,
    d.prefix,
    middleEnd,
    d.suffixFrom,
    references.length,
  );
  recordLineage(analysis, { previous, change: d.change, prefix: d.prefix, middleEnd, suffixFrom: d.suffixFrom, patched });
  return analysis;
}

/** The same mention, `delta` further on. */
function sameMention(a: InstrumentMention, b: InstrumentMention, delta: number): boolean {
  return (
    a.span.offset + delta === b.span.offset &&
    a.span.length === b.span.length &&
    a.id === b.id &&
    a.text === b.text &&
    a.abbreviation === b.abbreviation &&
    a.resolvedBy === b.resolvedBy &&
    (a.candidates ?? []).join('\n') === (b.candidates ?? []).join('\n') &&
    !!a.candidates === !!b.candidates
  );
}

/** A reference before the stretch: as it was, but a motion's link to a Kamerstuk after the change moves (and a repeated motion's link is made again). */
function keepBefore(r: Reference, map: OffsetMap): Reference | undefined {
  if (r.kind !== 'motion' || !r.kamerstuk) return r;
  if (r.kamerstuk.source === 'document') return withoutRepeatLink(r);
  const span = mapSpan(r.kamerstuk.span, map);
  if (!span) return undefined;
  return span.offset === r.kamerstuk.span.offset ? r : { ...r, kamerstuk: { ...r.kamerstuk, span } };
}

/** A reference after the stretch, moved by the change: its offsets, and its range by whole lines. */
function moveAfter(r: Reference, map: OffsetMap, lineDelta: number): Reference | undefined {
  let failed = false;
  const range: Range | undefined =
    r.range && lineDelta !== 0
      ? { start: { line: r.range.start.line + lineDelta, character: r.range.start.character }, end: { line: r.range.end.line + lineDelta, character: r.range.end.character } }
      : undefined;
  const moved = mapReference(
    withoutRepeatLink(r),
    (o) => {
      const to = map(o);
      if (to === undefined) failed = true;
      return to ?? o;
    },
    range,
  );
  return failed ? undefined : moved;
}


function isSorted(refs: readonly Reference[]): boolean {
  for (let i = 1; i < refs.length; i++) if (byPlace(refs[i - 1]!, refs[i]!) > 0) return false;
  return true;
}
