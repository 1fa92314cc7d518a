import type { FlatText } from '../flatText';
import type { DeadlineReference } from '../model';

/** Finds deadlines and resolves them against the document's date (ISO, or undefined when unknown). */
export function recognizeDeadlines(_flat: FlatText, _documentDate: string | undefined): DeadlineReference[] {
  return [];
}
