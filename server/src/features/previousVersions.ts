/**
 * Which earlier version of a document a version takes its per-version values of one kind over from
 * (where the edit cannot have changed them: sentence windows, citation descriptions, deadline
 * statuses): the version before it when that one's values were made, else the one that version would
 * have taken them from. A version whose values nobody asked for is skipped, so no chain of old
 * versions is kept. And what a previous version kept, found again by offset (keptAt).
 */
import type { Reference } from '../engine/model';
import { lowerBoundBy } from '../engine/sortedOffsets';
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

/**
 * Finds, among a previous version's references (in order of offset), one it kept a value for at an
 * offset that `same` accepts. Asked in order of offset, it reads the references once (asked out of
 * order, it searches): what a version takes over is looked for, reference by reference, in order.
 */
export function keptAt<R extends Reference, V>(refs: readonly Reference[], kept: ReadonlyMap<R, V>): (offset: number, same: (old: R) => boolean) => R | undefined {
  let at = 0;
  let asked = -1;
  return (offset, same) => {
    if (offset < asked) at = lowerBoundBy(refs, offset, (x) => x.span.offset);
    asked = offset;
    while (at < refs.length && refs[at]!.span.offset < offset) at++;
    // Several may start at one offset (a list).
    for (let k = at; k < refs.length && refs[k]!.span.offset === offset; k++) {
      const old = refs[k] as R;
      if (kept.has(old) && same(old)) return old;
    }
    return undefined;
  };
}
