/**
 * Which earlier version of a document a version takes its per-version values of one kind over from
 * (where the edit cannot have changed them: sentence windows, citation descriptions, deadline
 * statuses): the version before it when that one's values were made, else the one that version would
 * have taken them from. A version whose values nobody asked for is skipped, so no chain of old
 * versions is kept.
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
    const source = this.handsOn(previous) ? previous : this.previousOf.get(previous);
    if (source && source.analysis !== doc.analysis) this.previousOf.set(doc, source);
  }

  /** The version `doc` takes its values over from, once (it is forgotten then). */
  take(doc: IndexedDocument): IndexedDocument | undefined {
    const previous = this.previousOf.get(doc);
    this.previousOf.delete(doc);
    return previous;
  }
}
