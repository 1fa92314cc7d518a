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

/** The span of the sentence holding `span`. */
export function sentenceAround(doc: IndexedDocument, span: Span): Span {
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
