import type { Catalog } from '../catalog/catalog';
import type { GlossaryLookup } from '../catalog/glossaries';
import type { IndexedDocument, WorkspaceIndex } from '../catalog/workspaceIndex';
import type { Locale } from '../l10n';

/** What every feature may read: the workspace, the catalog, the user's language and today's date. */
export interface FeatureContext {
  readonly index: WorkspaceIndex;
  readonly catalog: Catalog;
  readonly locale: Locale;
  /** Today's date (ISO); injected so results are reproducible. */
  readonly today: string;
  /** The glossary of policy instruments per document; without it, instruments are not explained or checked. */
  readonly glossaries?: GlossaryLookup;
}

export type { IndexedDocument };
