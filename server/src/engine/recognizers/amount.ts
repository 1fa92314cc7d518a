import type { FlatText } from '../flatText';
import type { AmountReference } from '../model';

/** Finds sums of money in euros. */
export function recognizeAmounts(_flat: FlatText): AmountReference[] {
  return [];
}
