import type { FlatText } from '../flatText';
import type { DocumentNumberReference } from '../model';

/** Finds Tweede Kamer document numbers (2025D44449). */
export function recognizeDocumentNumbers(_flat: FlatText): DocumentNumberReference[] {
  return [];
}
