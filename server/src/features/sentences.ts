/**
 * The sentence (or list item, table row, footnote) around a place in a document, as the shared
 * sentence rule of the engine splits it (engine/sentences.ts): rules and hovers read the words a
 * writer put beside a citation, motion or amount. Bounded to a few hundred characters either way;
 * never beyond the footnote that holds the place. The sentences are split in the text the
 * recognizers read (footnote markers left out), so "… prostitutie.[6] Ik stuur …" is two sentences.
 */
import { sentencesOfAnalysis } from '../engine/analyze';
import { detached, withLfLineEnds } from '../engine/chars';
import { FlatText } from '../engine/flatText';
import { Sentences } from '../engine/sentences';
import type { Span } from '../engine/model';
import { changedStretch, notesMoved } from '../engine/incremental';
import { lowerBoundBy } from '../engine/sortedOffsets';
import { DocumentLookup } from './documentLookup';
import { PreviousVersions } from './previousVersions';
import type { IndexedDocument } from './model';

const MAX_REACH = 600;

/** One sentence index per document version, built on the first question. */
const cache = new WeakMap<IndexedDocument, { flat: FlatText; sentences: Sentences }>();

function sentencesOf(doc: IndexedDocument): { flat: FlatText; sentences: Sentences } {
  let s = keptWhole(doc);
  if (!s) {
    const flat = new FlatText(withLfLineEnds(doc.text), doc.analysis.footnoteMarkers.map((m) => ({ span: m.span, replacement: '' as const })));
    cache.set(doc, (s = { flat, sentences: Sentences.ofFlat(flat) }));
  }
  return s;
}

/**
 * The whole text's sentences when they are at hand: made here before, or kept by the analysis (a
 * document checked as it is: see AnalyzeOptions.keepSentences). Then no window is made.
 */
function keptWhole(doc: IndexedDocument): { flat: FlatText; sentences: Sentences } | undefined {
  let s = cache.get(doc);
  if (!s) {
    const kept = sentencesOfAnalysis(doc.analysis);
    if (kept) cache.set(doc, (s = kept));
  }
  return s;
}

/**
 * The sentences around the references of a document version, made elsewhere (the analysis worker)
 * and taken over: asked for a reference's own span, `sentenceAround` answers from them without
 * splitting the text into sentences in this thread. Keyed by the analysis (shared by every copy of
 * the version).
 */
const aroundReferences = new WeakMap<IndexedDocument['analysis'], Int32Array>();

/**
 * The sentence around the span of each reference whose sentence is asked for (motions, deadlines,
 * amounts: the rules and hovers that read a reference's sentence), in the analysis's order, as
 * [offset, length] pairs; -1 for the others (citations are described by what precedes them, not by
 * their sentence).
 */
export function sentencesAroundReferences(doc: IndexedDocument): Int32Array {
  const refs = doc.analysis.references;
  const out = new Int32Array(refs.length * 2).fill(-1);
  const carried = carriedAround(doc);
  refs.forEach((r, i) => {
    if (r.kind !== 'motion' && r.kind !== 'deadline' && r.kind !== 'amount') return;
    const kept = carried?.(r);
    if (kept) {
      out[2 * i] = kept.offset;
      out[2 * i + 1] = kept.length;
      aroundWork.carried++;
      return;
    }
    const s = sentenceAround(doc, r.span);
    out[2 * i] = s.offset;
    out[2 * i + 1] = s.length;
  });
  // Kept for the next version as a copy: the array made may be handed over elsewhere (transferred).
  madeAround.set(doc.analysis, out.slice());
  return out;
}

/** The sentences around references a version made here (`sentencesAroundReferences`), for the next version to take over. */
const madeAround = new WeakMap<IndexedDocument['analysis'], Int32Array>();
/** A version's previous version whose sentences around references it takes over. */
const previousAround = new PreviousVersions(
  (doc) => madeAround.has(doc.analysis),
  (doc) => madeAround.has(doc.analysis),
);

/** Sentences around references taken over from a previous version (the tests count them). */
export const aroundWork = { carried: 0 };

/**
 * The sentence around a reference as the previous version had it (moved), for a reference at least
 * WINDOW_MARGIN from the change (what its sentence is read from lies outside it: see windowAround)
 * when the footnotes, their markers and the front matter are the previous version's moved (but for a
 * note the change lies in); undefined for the others, and for all when nothing is to be taken over.
 */
function carriedAround(doc: IndexedDocument): ((r: { readonly span: Span }) => Span | undefined) | undefined {
  const previous = previousAround.take(doc);
  const kept = previous && madeAround.get(previous.analysis);
  if (!previous || !kept) return undefined;
  const change = changedStretch(previous.text, doc.text);
  if (!notesMoved(previous.analysis, doc.analysis, change)) return undefined;
  const delta = change.newEnd - change.oldEnd;
  const oldRefs = previous.analysis.references;
  return (r) => {
    const before = r.span.offset + r.span.length + WINDOW_MARGIN <= change.start;
    if (!before && r.span.offset - WINDOW_MARGIN < change.newEnd) return undefined;
    const shift = before ? 0 : delta;
    const at = r.span.offset - shift;
    for (let i = lowerBoundBy(oldRefs, at, (o) => o.span.offset); i < oldRefs.length && oldRefs[i]!.span.offset === at; i++) {
      if (oldRefs[i]!.span.length !== r.span.length || kept[2 * i]! < 0) continue;
      return { offset: kept[2 * i]! + shift, length: kept[2 * i + 1]! };
    }
    return undefined;
  };
}

/** Takes over what `sentencesAroundReferences` made elsewhere of this version. */
export function adoptSentencesAroundReferences(doc: IndexedDocument, around: Int32Array): void {
  if (around.length === doc.analysis.references.length * 2) aroundReferences.set(doc.analysis, around);
}

/** The sentence around a reference's span from what was taken over, if any. */
function knownAround(doc: IndexedDocument, span: Span): Span | undefined {
  const around = aroundReferences.get(doc.analysis);
  if (!around) return undefined;
  const refs = doc.analysis.references;
  // References are in order of offset: a binary search for the first at `span.offset`.
  let lo = 0;
  let hi = refs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (refs[mid]!.span.offset < span.offset) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < refs.length && refs[i]!.span.offset === span.offset; i++) {
    if (refs[i]!.span.length === span.length && around[2 * i]! >= 0) return { offset: around[2 * i]!, length: around[2 * i + 1]! };
  }
  return undefined;
}

/**
 * Sentences of a part of a document (a window): what `sentenceAround` reads instead of the whole
 * text's sentences. The sentence around a place reaches at most MAX_REACH either way, and where a
 * sentence ends is decided by the characters near that place, so a window that reaches WINDOW_MARGIN
 * beyond a span on both sides (or to the document's edge) gives what the whole text gives. A window
 * starts at a paragraph's start after a blank line (a line's start, where the paragraph reaches
 * further) and ends just after a character that is no white space; a footnote marker is never cut.
 * Windows are made on demand, about WINDOW characters each; an edited version takes over its
 * previous version's windows that the change does not touch (moved), so an edit splits only the text
 * around it into sentences again.
 */
interface SentenceWindow {
  /** Where the window lies in this version's text. */
  readonly from: number;
  readonly to: number;
  readonly flat: FlatText;
  readonly sentences: Sentences;
  /** The footnote markers left out of it (their places in the window). */
  readonly markers: string;
}

const WINDOW = 16 * 1024;
const WINDOW_MARGIN = 2 * MAX_REACH + 200;

/** The windows of a document version, in order of their start (they may overlap). */
const windowsOf = new WeakMap<IndexedDocument, SentenceWindow[]>();
/** A document version's previous version, whose windows it takes over (see `sentencesFollow`). */
const previousVersions = new PreviousVersions(
  (doc) => windowsOf.has(doc),
  (doc) => !!windowsOf.get(doc)?.length,
);

/** Where the windows a version has made or taken over so far lie (the tests look). */
export function sentenceWindows(doc: IndexedDocument): readonly { readonly from: number; readonly to: number }[] {
  return (windowsOf.get(doc) ?? []).map((w) => ({ from: w.from, to: w.to }));
}

/** Says that a document version follows another (of the same document): its sentence windows are taken over where unchanged. */
export function sentencesFollow(doc: IndexedDocument, previous: IndexedDocument): void {
  previousVersions.follows(doc, previous);
  previousAround.follows(doc, previous);
}

/** The window that serves `span`, made when none does; none for a long span (the whole text's sentences serve it). */
function windowAround(doc: IndexedDocument, span: Span): SentenceWindow | undefined {
  if (span.length > MAX_REACH) return undefined;
  const text = doc.text;
  const windows = windowList(doc);
  const end = span.offset + span.length;
  const serves = (w: SentenceWindow): boolean => (w.from === 0 || w.from + WINDOW_MARGIN <= span.offset) && (w.to === text.length || end + WINDOW_MARGIN <= w.to);
  // The few windows that start nearest before the span.
  const at = lowerBoundBy(windows, span.offset + 1, (w) => w.from);
  for (let i = at - 1; i >= 0 && i >= at - 3; i--) if (serves(windows[i]!)) return windows[i];
  const made = makeWindow(doc, span.offset - (WINDOW >> 1), end + (WINDOW >> 1));
  if (!serves(made)) return undefined;
  windows.splice(lowerBoundBy(windows, made.from, (w) => w.from), 0, made);
  return made;
}

function windowList(doc: IndexedDocument): SentenceWindow[] {
  let list = windowsOf.get(doc);
  if (list) return list;
  list = [];
  const previous = previousVersions.take(doc);
  const before = previous && windowsOf.get(previous);
  if (previous && before?.length) {
    const change = changedStretch(previous.text, doc.text);
    const delta = change.newEnd - change.oldEnd;
    for (const w of before) {
      // A window the change does not touch, with the same footnote markers: the same sentences, moved.
      const moved = w.to <= change.start ? w : w.from >= change.oldEnd ? { ...w, from: w.from + delta, to: w.to + delta } : undefined;
      if (moved && markersIn(doc, moved.from, moved.to) === w.markers) list.push(moved);
    }
  }
  windowsOf.set(doc, list);
  return list;
}

/** The footnote markers within [from, to), by their places relative to `from` (to compare windows). */
function markersIn(doc: IndexedDocument, from: number, to: number): string {
  // The markers are in order of place: those from `from` on are looked at, not all (a version's
  // windows are compared with its previous version's on every edit).
  const markers = doc.analysis.footnoteMarkers;
  const out: number[] = [];
  for (let i = lowerBoundBy(markers, from, (m) => m.span.offset); i < markers.length && markers[i]!.span.offset <= to; i++) {
    const m = markers[i]!;
    if (m.span.offset + m.span.length <= to) out.push(m.span.offset - from, m.span.length);
  }
  return out.join(',');
}

/** A window over about [from, to), widened to paragraph breaks (see SentenceWindow). */
function makeWindow(doc: IndexedDocument, from: number, to: number): SentenceWindow {
  const text = DocumentLookup.of(doc).text;
  // A paragraph's start after a blank line; a line's start where the paragraph reaches further back
  // than a window (a PDF's text has no blank line in a page, or none at all).
  // (A blank line is looked for only that far, not through the whole text.)
  let start = 0;
  if (from > 0) {
    const floor = Math.max(0, from - WINDOW);
    const blank = text.slice(floor, from + 2).lastIndexOf('\n\n', from - floor);
    start = blank < 0 ? text.lastIndexOf('\n', from) + 1 : floor + blank === 0 ? 0 : floor + blank + 2;
  }
  let end = text.length;
  if (to < text.length) {
    const blank = text.slice(to, to + WINDOW + 2).indexOf('\n\n');
    const line = blank < 0 ? text.indexOf('\n', to) : -1;
    end = blank >= 0 ? to + blank : line >= 0 ? line : text.length;
  }
  // End just after a character that is no white space (a paragraph break is read with what follows it).
  while (end < text.length && /\s/.test(text[end]!)) end++;
  if (end < text.length) end++;
  for (const m of doc.analysis.footnoteMarkers) {
    if (m.span.offset < start && m.span.offset + m.span.length > start) start = m.span.offset;
    if (m.span.offset < end && m.span.offset + m.span.length > end) end = m.span.offset + m.span.length;
  }
  const markers = doc.analysis.footnoteMarkers.filter((m) => m.span.offset >= start && m.span.offset + m.span.length <= end);
  // Later versions take the window over: it holds no cut of this version's text (see detached).
  const flat = new FlatText(
    detached(text.slice(start, end)),
    markers.map((m) => ({ span: { offset: m.span.offset - start, length: m.span.length }, replacement: '' as const })),
  );
  return { from: start, to: end, flat, sentences: Sentences.ofFlat(flat), markers: markersIn(doc, start, end) };
}

/** The span of the sentence holding `span`. */
export function sentenceAround(doc: IndexedDocument, span: Span): Span {
  return knownAround(doc, span) ?? around(doc, span, keptWhole(doc) ? undefined : windowAround(doc, span));
}

/** The span of the sentence holding `span`, read in the whole text's sentences (what the windows must give; the tests compare). */
export function sentenceAroundInWholeText(doc: IndexedDocument, span: Span): Span {
  return around(doc, span, undefined);
}

function around(doc: IndexedDocument, span: Span, window: SentenceWindow | undefined): Span {
  const { flat, sentences } = window ?? sentencesOf(doc);
  const base = window?.from ?? 0;
  const end = span.offset + span.length;
  const at = flat.flatIndex(span.offset - base);
  const last = flat.flatIndex(Math.max(span.offset, end - 1) - base);
  let from = Math.max(base + flat.sourceOffset(sentences.startOf(at)), span.offset - MAX_REACH);
  let to = Math.min(base + flat.sourceOffset(sentences.endOf(last)), end + MAX_REACH);
  // A sentence reaches at least over the place itself.
  from = Math.min(from, span.offset);
  to = Math.max(to, end);
  const note = DocumentLookup.of(doc).footnoteHolding(span.offset, end);
  if (note) {
    from = Math.max(from, note.bodySpan.offset);
    to = Math.min(to, note.bodySpan.offset + note.bodySpan.length);
  }
  return { offset: from, length: Math.max(0, to - from) };
}
