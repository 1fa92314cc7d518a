/**
 * What the rules that read the workspace need of their document besides the analysis, made where
 * the analysis is made (the analysis worker) and taken over as plain data: the sentence around each
 * reference (features/sentences.ts) and what each Kamerstuk citation describes
 * (citationDescription.ts). With it the main thread answers those questions without splitting a
 * large text into sentences or building its lookups; what it does not cover is computed as before.
 */
import { DocumentWords } from '../documentWords';
import { lineItemsFollow } from '../lineItems';
import type { IndexedDocument } from '../model';
import { adoptSentencesAroundReferences, sentencesAroundReferences, sentencesFollow } from '../sentences';
import { adoptDescribedCitations, describedCitations, descriptionsFollow, type CitationDescription } from './citationDescription';
import { deadlinesFollow } from './deadlineStatus';
import { suppressionsFollow } from './suppressions';

export interface PreparedDocument {
  /** Per reference, the sentence around its span: [offset, length] pairs. */
  readonly sentences: Int32Array;
  /** Per reference, what a Kamerstuk citation describes (null: nothing, or another kind). */
  readonly described: readonly (CitationDescription | null)[];
}

export function prepareDocument(doc: IndexedDocument): PreparedDocument {
  return { sentences: sentencesAroundReferences(doc), described: describedCitations(doc) };
}

/**
 * Says that a document version follows another (an open document's next version): what the rules
 * keep per version — the word index, what line passes found, the sentence windows, the citations' descriptions, the
 * deadlines' statuses, the silencing comments — is made from the previous version's where the edit cannot have changed it.
 */
export function versionFollows(doc: IndexedDocument, previous: IndexedDocument): void {
  DocumentWords.follows(doc, previous);
  lineItemsFollow(doc, previous);
  sentencesFollow(doc, previous);
  descriptionsFollow(doc, previous);
  deadlinesFollow(doc, previous);
  suppressionsFollow(doc, previous);
}

/** Takes over what `prepareDocument` made elsewhere of this version's text and analysis. */
export function adoptPrepared(doc: IndexedDocument, prepared: PreparedDocument): void {
  adoptSentencesAroundReferences(doc, prepared.sentences);
  adoptDescribedCitations(doc, prepared.described);
}
