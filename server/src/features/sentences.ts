/**
 * The sentence (or list item, table row, footnote) around a place in a document, as the shared
 * sentence rule of the engine splits it (engine/sentences.ts): rules and hovers read the words a
 * writer put beside a citation, motion or amount. Bounded to a few hundred characters either way;
 * never beyond the footnote that holds the place. The sentences are split in the text the
 * recognizers read (footnote markers left out), so "… prostitutie.[6] Ik stuur …" is two sentences.
 */
import { withLfLineEnds } from '../engine/chars';
import { FlatText } from '../engine/flatText';
import { Sentences } from '../engine/sentences';
import type { Span } from '../engine/model';
import { DocumentLookup } from './documentLookup';
import type { IndexedDocument } from './model';

const MAX_REACH = 600;

/** One sentence index per document version, built on the first question. */
const cache = new WeakMap<IndexedDocument, { flat: FlatText; sentences: Sentences }>();

function sentencesOf(doc: IndexedDocument): { flat: FlatText; sentences: Sentences } {
  let s = cache.get(doc);
  if (!s) {
    const flat = new FlatText(withLfLineEnds(doc.text), doc.analysis.footnoteMarkers.map((m) => ({ span: m.span, replacement: '' as const })));
    cache.set(doc, (s = { flat, sentences: Sentences.ofFlat(flat) }));
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

/** The sentence around each reference's span, in the analysis's order, as [offset, length] pairs. */
export function sentencesAroundReferences(doc: IndexedDocument): Int32Array {
  const refs = doc.analysis.references;
  const out = new Int32Array(refs.length * 2);
  refs.forEach((r, i) => {
    const s = sentenceAround(doc, r.span);
    out[2 * i] = s.offset;
    out[2 * i + 1] = s.length;
  });
  return out;
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
    if (refs[i]!.span.length === span.length) return { offset: around[2 * i]!, length: around[2 * i + 1]! };
  }
  return undefined;
}

/** The span of the sentence holding `span`. */
export function sentenceAround(doc: IndexedDocument, span: Span): Span {
  const known = knownAround(doc, span);
  if (known) return known;
  const { flat, sentences } = sentencesOf(doc);
  const end = span.offset + span.length;
  const at = flat.flatIndex(span.offset);
  const last = flat.flatIndex(Math.max(span.offset, end - 1));
  let from = Math.max(flat.sourceOffset(sentences.startOf(at)), span.offset - MAX_REACH);
  let to = Math.min(flat.sourceOffset(sentences.endOf(last)), end + MAX_REACH);
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
