/**
 * How an edited version's references were made of the version before's (engine/incremental.ts): those
 * before the stretch read again kept, those after it moved by the change, the stretch's own found
 * anew, and a few outside it changed by the passes over the whole list (a repeated motion's link).
 * What is computed per reference (the findings of a rule that reads one reference at a time,
 * features/diagnostics/perReference.ts) is then taken over for every reference kept or moved, and
 * made only for the others.
 *
 * Recorded where analyses are used: the service's index (`recordReanalysisLineage`) and the main
 * thread applying a worker's delta (`applyingAnalysisDelta`) — not in the worker, which uses none.
 * Only one step is known: a version's lineage is forgotten once a version made of it has one, or
 * once what is made of it per reference is made (the findings cache), so no chain of old analyses is
 * held (a lineage holds the analysis before).
 */
import type { ChangedStretch } from './incremental';
import type { DocumentAnalysis, Reference } from './model';

export interface ReferenceLineage {
  /** The analysis the references were made of. */
  readonly previous: DocumentAnalysis;
  /** Where the texts differ (the version before's offsets up to `oldEnd`, the new one's up to `newEnd`). */
  readonly change: ChangedStretch;
  /** References [0, prefix) are the previous ones at the same index, kept. */
  readonly prefix: number;
  /** References from `middleEnd` on are the previous ones from `suffixFrom` on, moved by the change. */
  readonly middleEnd: number;
  readonly suffixFrom: number;
  /** Indices outside [prefix, middleEnd) whose reference is not the kept or moved one (in order). */
  readonly patched: readonly number[];
}

const lineages = new WeakMap<DocumentAnalysis, ReferenceLineage>();

/** How `analysis`'s references were made of the version before's, if it was made of one (and no newer version of it since). */
export function lineageOf(analysis: DocumentAnalysis): ReferenceLineage | undefined {
  return lineages.get(analysis);
}

/** Records how `analysis` was made of `lineage.previous`; the previous analysis's own lineage is forgotten. */
export function recordLineage(analysis: DocumentAnalysis, lineage: ReferenceLineage): void {
  if (analysis === lineage.previous) return;
  lineages.delete(lineage.previous);
  lineages.set(analysis, lineage);
}

/** Forgets how `analysis` was made (the analysis before it can go): what was made of it per reference is made. */
export function forgetLineage(analysis: DocumentAnalysis): void {
  lineages.delete(analysis);
}

/**
 * The indices of `references` before `prefix` and from `middleEnd` on that are not the very objects
 * the stretch analysis composed there (`composed`, before the passes over the whole list): what those
 * passes changed.
 */
export function patchedIndices(references: readonly Reference[], composed: readonly Reference[], prefix: number, middleEnd: number): number[] {
  const patched: number[] = [];
  for (let i = 0; i < prefix; i++) if (references[i] !== composed[i]) patched.push(i);
  for (let i = middleEnd; i < references.length; i++) if (references[i] !== composed[i]) patched.push(i);
  return patched;
}

/**
 * The indices to record as patched in a lineage: those the passes over the whole list changed
 * (`changed`, in order), and those whose previous reference was a motion linked to its Kamerstuk as a
 * repetition of another (`kamerstuk.source === 'document'`): a stretch analysis takes such a motion
 * over without its link, for the pass to link it again — or not, when what it repeated went.
 */
export function lineagePatched(changed: readonly number[], previous: readonly Reference[], prefix: number, middleEnd: number, suffixFrom: number, length: number): number[] {
  const out = new Set(changed);
  const relinked = (j: number): boolean => {
    const r = previous[j];
    return r?.kind === 'motion' && r.kamerstuk?.source === 'document';
  };
  for (let i = 0; i < prefix; i++) if (relinked(i)) out.add(i);
  for (let i = middleEnd; i < length; i++) if (relinked(suffixFrom + (i - middleEnd))) out.add(i);
  return [...out].sort((a, b) => a - b);
}

/**
 * The index in `lineage.previous` of the reference the i-th one is, kept or moved; -1 for one found
 * anew or changed (`isPatched` tells the patched ones, from a walk in order: see `patchedWalker`).
 */
export function previousIndex(lineage: ReferenceLineage, i: number): number {
  if (i < lineage.prefix) return i;
  if (i >= lineage.middleEnd) return lineage.suffixFrom + (i - lineage.middleEnd);
  return -1;
}

/** For indices asked in increasing order: whether each is patched (a walk over `lineage.patched`). */
export function patchedWalker(lineage: ReferenceLineage): (i: number) => boolean {
  let k = 0;
  const patched = lineage.patched;
  return (i) => {
    while (k < patched.length && patched[k]! < i) k++;
    return k < patched.length && patched[k] === i;
  };
}
