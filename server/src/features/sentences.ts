/**
 * The sentence (or list item, table row, footnote) around a place in a document, as the shared
 * sentence rule of the engine splits it (engine/sentences.ts): rules and hovers read the words a
 * writer put beside a citation, motion or amount. Bounded to a few hundred characters either way;
 * never beyond the footnote that holds the place.
 */
import { Sentences } from '../engine/sentences';
import type { Span } from '../engine/model';
import type { IndexedDocument } from './model';

const MAX_REACH = 600;

/** One sentence index per document version, built on the first question. */
const cache = new WeakMap<IndexedDocument, Sentences>();

function sentencesOf(doc: IndexedDocument): Sentences {
  let s = cache.get(doc);
  if (!s) cache.set(doc, (s = new Sentences(doc.text)));
  return s;
}

/** The span of the sentence holding `span`. */
export function sentenceAround(doc: IndexedDocument, span: Span): Span {
  const sentences = sentencesOf(doc);
  const end = span.offset + span.length;
  let from = Math.max(sentences.startOf(span.offset), span.offset - MAX_REACH);
  let to = Math.min(sentences.endOf(Math.max(span.offset, end - 1)), end + MAX_REACH);
  const note = doc.analysis.footnotes.find((f) => span.offset >= f.bodySpan.offset && end <= f.bodySpan.offset + f.bodySpan.length);
  if (note) {
    from = Math.max(from, note.bodySpan.offset);
    to = Math.min(to, note.bodySpan.offset + note.bodySpan.length);
  }
  return { offset: from, length: Math.max(0, to - from) };
}
