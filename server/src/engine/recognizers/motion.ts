import type { FlatText } from '../flatText';
import type { Footnote, FootnoteMarker, KamerstukReference, MotionReference } from '../model';

export interface MotionContext {
  readonly kamerstukken: readonly KamerstukReference[];
  readonly footnotes: readonly Footnote[];
  readonly markers: readonly FootnoteMarker[];
}

/** Finds every mention of a named motion and links it to its Kamerstuk where the text gives it. */
export function recognizeMotions(_flat: FlatText, _context: MotionContext): MotionReference[] {
  return [];
}
