/**
 * Which earlier version of a document a version takes its per-version values of one kind over from
 * (where the edit cannot have changed them: sentence windows, citation descriptions, deadline
 * statuses): the version before it when that one's values were made, else the one that version would
 * have taken them from. A version whose values nobody asked for is skipped, so no chain of old
 * versions is kept. And what a previous version kept, found again by offset.
 */
import type { IndexedDocument } from './model';

export class PreviousVersions {
  private readonly previousOf = new WeakMap<IndexedDocument, IndexedDocument>();

  constructor(
    /** Whether a version's values were made already (it takes nothing over then). */
    private readonly made: (doc: IndexedDocument) => boolean,
    /** Whether a version has values to hand on. */
    private readonly handsOn: (doc: IndexedDocument) => boolean,
  ) {}

  /** Says that `doc` follows `previous` (of the same document). */
  follows(doc: IndexedDocument, previous: IndexedDocument): void {
    if (doc === previous || this.made(doc)) return;
    // A version whose values are made (here, or taken over from elsewhere) takes nothing over any
    // more: its own link goes, or each version would hold the one before it and no old version would
    // ever leave memory.
    if (this.made(previous)) this.previousOf.delete(previous);
    const source = this.handsOn(previous) ? previous : this.previousOf.get(previous);
    if (source && source.analysis !== doc.analysis) this.previousOf.set(doc, source);
  }

  /** The version `doc` takes its values over from, once (it is forgotten then; values made elsewhere forget it too). */
  take(doc: IndexedDocument): IndexedDocument | undefined {
    const previous = this.previousOf.get(doc);
    this.previousOf.delete(doc);
    return previous;
  }
}

/** What a previous version kept per reference, by the reference's offset (several may start at one offset: a list). */
export function byOffset<R extends { readonly span: { readonly offset: number } }, V>(kept: Iterable<readonly [R, V]>): Map<number, [R, V][]> {
  const out = new Map<number, [R, V][]>();
  for (const [r, v] of kept) {
    const at = out.get(r.span.offset);
    if (at) at.push([r, v]);
    else out.set(r.span.offset, [[r, v]]);
  }
  return out;
}
