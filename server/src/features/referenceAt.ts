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
  const consider = (span: Span, target: () => Target): void => {
    if (contains(span, offset) && (!best || span.length < best.length)) best = { target: target(), length: span.length };
  };
  // Each list is sorted by offset: only the items that can reach the offset are looked at, in order.
  for (const r of near(a.references, offset, spanOf)) consider(r.span, () => ({ kind: 'reference', reference: r }));
  for (const m of near(a.footnoteMarkers, offset, spanOf)) consider(m.span, () => ({ kind: 'footnoteMarker', marker: m }));
  for (const f of near(a.footnotes, offset, labelOf)) {
    // The footnote's label (its first characters) acts as a target for references to the footnote.
    if (contains(labelOf(f), offset)) consider(f.span, () => ({ kind: 'footnote', footnote: f }));
  }
  for (const i of near(a.instruments, offset, spanOf)) consider(i.span, () => ({ kind: 'instrument', mention: i }));
  if (best) return best.target;
  const key = a.metadata.kamerstuk ? kamerstukKey(a.metadata.kamerstuk) : a.metadata.documentNumber?.toUpperCase();
  const own = key ? (a.metadata.identitySpans ?? []).find((s) => contains(s, offset)) : undefined;
  return own && key ? { kind: 'identity', key, span: own } : undefined;
}

function spanOf(item: { readonly span: Span }): Span {
  return item.span;
}

/** Where a footnote is a target: its label, its first characters. */
function labelOf(f: Footnote): Span {
  return { offset: f.span.offset, length: Math.max(1, f.bodySpan.offset - f.span.offset) };
}

/**
 * The items of a list sorted by offset whose target span (`spanOf`) may contain the offset, in the
 * list's order: those starting from the offset less the longest such span up to the offset, found by
 * binary search (the longest span is read once per list).
 */
function near<T extends { readonly span: Span }>(items: readonly T[], offset: number, spanOf: (item: T) => Span): readonly T[] {
  let reach = longest.get(items);
  if (reach === undefined) {
    reach = 0;
    for (const item of items) reach = Math.max(reach, spanOf(item).length);
    longest.set(items, reach);
  }
  const from = firstFrom(items, offset - reach);
  return items.slice(from, firstFrom(items, offset + 1, from));
}

/** The longest target span of each list seen (a document version's lists do not change). */
const longest = new WeakMap<readonly unknown[], number>();

/** The index of the first item starting at or after `offset` (items sorted by offset), searched from `lo`. */
function firstFrom(items: readonly { readonly span: Span }[], offset: number, lo = 0): number {
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (items[mid]!.span.offset < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The footnote a marker refers to (same label; the first one after the marker, else the first). */
export function footnoteOf(doc: IndexedDocument, marker: FootnoteMarker): Footnote | undefined {
  const same = doc.analysis.footnotes.filter((f) => f.label === marker.label);
  return same.find((f) => f.span.offset > marker.span.offset) ?? same[0];
}
