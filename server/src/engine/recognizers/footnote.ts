import type { Footnote, FootnoteMarker } from '../model';

export interface FootnoteResult {
  readonly footnotes: Footnote[];
  readonly markers: FootnoteMarker[];
}

/** Finds footnote bodies and their markers in the source text. */
export function recognizeFootnotes(_source: string): FootnoteResult {
  return { footnotes: [], markers: [] };
}
