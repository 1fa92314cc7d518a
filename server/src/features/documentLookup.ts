/**
 * The questions rules ask of a document about a place in it — which footnote holds it, which
 * citations lie between two places, the last motion before it, the marker of a footnote, the next
 * closing bracket, where its line starts — answered by binary search in lists built once per
 * document version (on the first question, each in one pass). A rule that asks them for every
 * reference stays linear in the document; scanning the references or the text for each would make it
 * quadratic.
 *
 * Lines are the document's line index (`IndexedDocument.lines`): \n, \r\n and \r alike.
 */
import { withLfLineEnds } from '../engine/chars';
import type { Footnote, FootnoteMarker, KamerstukReference, MotionReference, Reference, Span } from '../engine/model';
import type { ChangedStretch } from '../engine/incremental';
import { lowerBound } from '../engine/sortedOffsets';
import type { IndexedDocument } from './model';

/** A citation of a document: what the description rules count as "another citation". */
export type CitationReference = Extract<Reference, { kind: 'kamerstuk' | 'documentNumber' }>;

interface FootnoteBodies {
  /** The footnotes in order of their body's start. */
  readonly notes: readonly Footnote[];
  /** Each one's index in the analysis's list (which wins where bodies overlap). */
  readonly order: readonly number[];
  readonly starts: readonly number[];
  /** For each body in order of start, the farthest end among it and those before it. */
  readonly farthest: readonly number[];
}

interface Markers {
  readonly offsets: number[];
  readonly markers: FootnoteMarker[];
}

const cache = new WeakMap<IndexedDocument, DocumentLookup>();

/** How many footnote bodies that start before a place are looked at for one holding it. */
const MAX_OVERLAPPING_BODIES = 16;

export class DocumentLookup {
  private bodies: FootnoteBodies | undefined;
  private citationList: { readonly refs: CitationReference[]; readonly offsets: number[] } | undefined;
  private motionList: { readonly refs: MotionReference[]; readonly offsets: number[] } | undefined;
  private markersByLabel: Map<string, Markers> | undefined;
  private closingBrackets: number[] | undefined;
  private nextKamerstukIndex: Int32Array | undefined;

  private lfText: string | undefined;

  private constructor(private readonly doc: IndexedDocument) {}

  /**
   * The document's text with lone "\r" line ends as "\n" (engine/chars.ts withLfLineEnds): the same
   * offsets, for reading with patterns that stop at "\n".
   */
  get text(): string {
    return (this.lfText ??= withLfLineEnds(this.doc.text));
  }

  /** The lookup of a document version (one per IndexedDocument, built on first use). */
  static of(doc: IndexedDocument): DocumentLookup {
    let lookup = cache.get(doc);
    if (!lookup) cache.set(doc, (lookup = new DocumentLookup(doc)));
    return lookup;
  }

  /**
   * The footnote whose body holds [from, to) (the first in the analysis's order where bodies
   * overlap); `to` defaults to one character.
   */
  footnoteHolding(from: number, to = from + 1): Footnote | undefined {
    const b = (this.bodies ??= footnoteBodies(this.doc.analysis.footnotes));
    let best: number | undefined;
    // Bodies that start at or before `from`, latest first, while one of them may still reach `to`.
    // Bodies do not overlap in a real document, so this looks at one or two; where a strange text
    // makes them overlap, a bounded number are looked at.
    const last = lowerBound(b.starts, from + 1) - 1;
    for (let k = last; k >= 0 && k > last - MAX_OVERLAPPING_BODIES && b.farthest[k]! >= to; k--) {
      const body = b.notes[k]!.bodySpan;
      if (to <= body.offset + body.length && (best === undefined || b.order[k]! < best)) best = b.order[k]!;
    }
    return best === undefined ? undefined : this.doc.analysis.footnotes[best];
  }

  /** Kamerstuk and document-number citations, in order of offset. */
  private get citations(): { readonly refs: CitationReference[]; readonly offsets: number[] } {
    if (!this.citationList) {
      const refs = this.doc.analysis.references.filter((r): r is CitationReference => r.kind === 'kamerstuk' || r.kind === 'documentNumber');
      this.citationList = { refs, offsets: refs.map((r) => r.span.offset) };
    }
    return this.citationList;
  }

  /** How many citations start in [from, to). */
  countCitationsStartingIn(from: number, to: number): number {
    const c = this.citations;
    return Math.max(0, lowerBound(c.offsets, to) - lowerBound(c.offsets, from));
  }

  /** True when a citation (Kamerstuk, document number) starts in [from, to). */
  hasCitationStartingIn(from: number, to: number): boolean {
    return this.countCitationsStartingIn(from, to) > 0;
  }

  /**
   * Among the citations that start in [from, to): the one before the first that starts at
   * `offset`, or undefined when that is the first (or none starts at `offset`).
   */
  citationBefore(offset: number, from: number, to: number): CitationReference | undefined {
    const c = this.citations;
    const at = lowerBound(c.offsets, offset);
    if (c.offsets[at] !== offset || offset >= to) return undefined;
    return at > lowerBound(c.offsets, from) ? c.refs[at - 1] : undefined;
  }

  /** The document's motions in order of offset, with their offsets. */
  motions(): { readonly refs: readonly MotionReference[]; readonly offsets: readonly number[] } {
    if (!this.motionList) {
      const refs = this.doc.analysis.references.filter((r): r is MotionReference => r.kind === 'motion');
      this.motionList = { refs, offsets: refs.map((r) => r.span.offset) };
    }
    return this.motionList;
  }

  /** The last motion (in order of offset) that lies wholly within [from, to). */
  lastMotionWithin(from: number, to: number): MotionReference | undefined {
    const { refs, offsets } = this.motions();
    for (let k = lowerBound(offsets, to) - 1; k >= 0 && offsets[k]! >= from; k--) {
      if (offsets[k]! + refs[k]!.span.length <= to) return refs[k];
    }
    return undefined;
  }

  /** The last marker with this label that starts before `offset`. */
  lastMarkerBefore(label: string, offset: number): FootnoteMarker | undefined {
    if (!this.markersByLabel) {
      const map = new Map<string, Markers>();
      for (const mk of this.doc.analysis.footnoteMarkers) {
        let list = map.get(mk.label);
        if (!list) map.set(mk.label, (list = { offsets: [], markers: [] }));
        list.offsets.push(mk.span.offset);
        list.markers.push(mk);
      }
      // The analysis gives markers in order of offset; a list from elsewhere may not.
      for (const list of map.values()) {
        list.markers.sort((a, b) => a.span.offset - b.span.offset);
        list.markers.forEach((m, i) => (list.offsets[i] = m.span.offset));
      }
      this.markersByLabel = map;
    }
    const list = this.markersByLabel.get(label);
    if (!list) return undefined;
    const k = lowerBound(list.offsets, offset);
    return k > 0 ? list.markers[k - 1] : undefined;
  }

  /** The offset of the first ")" at or after `from`, or -1. */
  closingBracketFrom(from: number): number {
    this.closingBrackets ??= closingBracketsIn(this.doc.text, 0, this.doc.text.length);
    return this.closingBrackets[lowerBound(this.closingBrackets, from)] ?? -1;
  }

  /**
   * Takes over the closing brackets a previous version's lookup found, where the text is the same
   * (before `change.start`, and after the changed stretch, moved): only the changed stretch is read
   * for them. Nothing when that one has not looked for them or this one has.
   */
  followBrackets(previous: DocumentLookup, change: ChangedStretch): void {
    const before = previous.closingBrackets;
    if (!before || this.closingBrackets) return;
    const delta = change.newEnd - change.oldEnd;
    const found = before.slice(0, lowerBound(before, change.start));
    for (const i of closingBracketsIn(this.doc.text, change.start, change.newEnd)) found.push(i);
    for (let k = lowerBound(before, change.oldEnd); k < before.length; k++) found.push(before[k]! + delta);
    this.closingBrackets = found;
  }

  /** Where the line holding `offset` starts (after \n, \r\n or \r). */
  lineStart(offset: number): number {
    return this.doc.lines.lineStart(this.doc.lines.positionAt(offset).line);
  }

  /** Where the line holding `offset` ends, before its line break. */
  lineEnd(offset: number): number {
    return this.doc.lines.lineEnd(this.doc.lines.positionAt(offset).line);
  }

  /** The line holding a span's start, as a span. */
  lineAround(offset: number): Span {
    return this.doc.lines.lineAround(offset);
  }

  /**
   * The next Kamerstuk citation after the reference at `index` in the analysis's references (not
   * necessarily the next reference), or undefined.
   */
  nextKamerstuk(index: number): KamerstukReference | undefined {
    const refs = this.doc.analysis.references;
    if (!this.nextKamerstukIndex) {
      const next = new Int32Array(refs.length);
      let following = -1;
      for (let i = refs.length - 1; i >= 0; i--) {
        next[i] = following;
        if (refs[i]!.kind === 'kamerstuk') following = i;
      }
      this.nextKamerstukIndex = next;
    }
    const k = this.nextKamerstukIndex[index];
    return k === undefined || k < 0 ? undefined : (refs[k] as KamerstukReference);
  }
}

function footnoteBodies(footnotes: readonly Footnote[]): FootnoteBodies {
  const order = footnotes.map((_, i) => i).sort((a, b) => footnotes[a]!.bodySpan.offset - footnotes[b]!.bodySpan.offset || a - b);
  const notes = order.map((i) => footnotes[i]!);
  const farthest: number[] = [];
  let end = -1;
  for (const n of notes) {
    end = Math.max(end, n.bodySpan.offset + n.bodySpan.length);
    farthest.push(end);
  }
  return { notes, order, starts: notes.map((n) => n.bodySpan.offset), farthest };
}

/** Where ")" stands in [from, to) of a text. */
function closingBracketsIn(text: string, from: number, to: number): number[] {
  const found: number[] = [];
  for (let i = text.indexOf(')', from); i >= 0 && i < to; i = text.indexOf(')', i + 1)) found.push(i);
  return found;
}
