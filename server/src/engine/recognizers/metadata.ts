import type { DocumentMetadata, KnownDocumentFacts } from '../model';

export interface MetadataOptions {
  /** Facts from a manifest (kamerwijzer.json) or the caller. */
  readonly known?: KnownDocumentFacts;
  /** An explicit document date (command line --document-date); overrides every other source. */
  readonly documentDate?: string;
}

/** Reads the document's own date, identity and title from its header, front matter and known facts. */
export function recognizeMetadata(_source: string, _options: MetadataOptions = {}): DocumentMetadata {
  return {};
}
