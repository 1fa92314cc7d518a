import type { FlatText } from '../flatText';
import type { DossierReference, KamerstukReference } from '../model';

/**
 * Finds every Kamerstuk citation (and dossier-only citation) in the flattened text.
 * TODO(recognizer): implemented by the Kamerstuk recognizer work.
 */
export function recognizeKamerstukken(_flat: FlatText): (KamerstukReference | DossierReference)[] {
  return [];
}
