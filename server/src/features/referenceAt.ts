import type { Footnote, FootnoteMarker, InstrumentMention, Reference, Span } from '../engine/model';
import type { IndexedDocument } from '../catalog/workspaceIndex';
import { kamerstukKey } from '../engine/identifiers';

/** What the cursor is on. */
export type Target =
  | { readonly kind: 'reference'; readonly reference: Reference }
  | { readonly kind: 'footnoteMarker'; readonly marker: FootnoteMarker }
  | { readonly kind: 'footnote'; readonly footnote: Footnote }
  | { readonly kind: 'instrument'; readonly mention: InstrumentMention }
  /** Where the document names itself (its heading, a page footer, an export's header row): its declaration. */
  | { readonly kind: 'identity'; readonly key: string; readonly span: Span };

export function contains(span: Span, offset: number): boolean {
  return offset >= span.offset && offset <= span.offset + span.length;
}

/**
 * The reference, footnote marker or instrument at an offset. Where references nest (a motion whose
 * text includes a Kamerstuk), the smallest wins, so the cursor on the number gets the Kamerstuk.
 * Elsewhere, a place where the document names itself is its declaration.
 */
export function targetAt(doc: IndexedDocument, offset: number): Target | undefined {
  const a = doc.analysis;
  let best: { target: Target; length: number } | undefined;
  const consider = (span: Span, target: Target): void => {
    if (contains(span, offset) && (!best || span.length < best.length)) best = { target, length: span.length };
  };
  for (const r of a.references) {
    if (r.span.offset > offset) break;
    consider(r.span, { kind: 'reference', reference: r });
  }
  for (const m of a.footnoteMarkers) consider(m.span, { kind: 'footnoteMarker', marker: m });
  for (const f of a.footnotes) {
    // The footnote's label (its first characters) acts as a target for references to the footnote.
    if (contains({ offset: f.span.offset, length: Math.max(1, f.bodySpan.offset - f.span.offset) }, offset)) consider(f.span, { kind: 'footnote', footnote: f });
  }
  for (const i of a.instruments) consider(i.span, { kind: 'instrument', mention: i });
  if (best) return best.target;
  const key = a.metadata.kamerstuk ? kamerstukKey(a.metadata.kamerstuk) : a.metadata.documentNumber?.toUpperCase();
  const own = key ? (a.metadata.identitySpans ?? []).find((s) => contains(s, offset)) : undefined;
  return own && key ? { kind: 'identity', key, span: own } : undefined;
}

/** The footnote a marker refers to (same label; the first one after the marker, else the first). */
export function footnoteOf(doc: IndexedDocument, marker: FootnoteMarker): Footnote | undefined {
  const same = doc.analysis.footnotes.filter((f) => f.label === marker.label);
  return same.find((f) => f.span.offset > marker.span.offset) ?? same[0];
}
