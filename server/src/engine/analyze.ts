import { FlatText, type OmittedSpan } from './flatText';
import type { DocumentAnalysis, KamerstukReference, KnownDocumentFacts, Reference, Span } from './model';
import { recognizeAmounts } from './recognizers/amount';
import { recognizeDeadlines } from './recognizers/deadline';
import { recognizeDocumentNumbers } from './recognizers/documentNumber';
import { recognizeFootnotes } from './recognizers/footnote';
import type { InstrumentMatcher } from './instrumentMatcher';
import { recognizeInstruments } from './recognizers/instrument';
import { recognizeKamerstukken } from './recognizers/kamerstuk';
import { recognizeMetadata } from './recognizers/metadata';
import { recognizeMotions } from './recognizers/motion';
import { ownHeadingReference } from './recognizers/ownHeading';

export interface AnalyzeOptions {
  /** An explicit document date (ISO); overrides every date the document or manifest gives. */
  readonly documentDate?: string;
  /** What a manifest (kamerwijzer.json) or the caller knows about the document. */
  readonly known?: KnownDocumentFacts;
  /** Finds policy instruments from the glossary; without it, `instruments` stays empty. */
  readonly instruments?: InstrumentMatcher;
}

/**
 * Analyzes one document: its metadata, footnotes and every reference in it.
 * Pure and deterministic; linear in the length of the text.
 */
export function analyze(text: string, options: AnalyzeOptions = {}): DocumentAnalysis {
  const metadata = recognizeMetadata(text, options);
  const { footnotes, markers } = recognizeFootnotes(text);

  // Recognizers read the text without footnote markers ("februari 2021¹" must read as 2021) and
  // without front matter.
  const omitted: OmittedSpan[] = markers.map((m) => ({ span: m.span, replacement: '' as const }));
  if (metadata.frontMatterSpan) omitted.push({ span: metadata.frontMatterSpan, replacement: ' ' });
  const flat = new FlatText(text, omitted);

  const found = recognizeKamerstukken(flat);
  const heading = ownHeadingReference(text, metadata, found);
  const citations = heading ? [heading, ...found] : found;
  const kamerstukken = citations.filter((r): r is KamerstukReference => r.kind === 'kamerstuk');
  const documentNumbers = recognizeDocumentNumbers(flat);
  const motions = recognizeMotions(flat, { kamerstukken, footnotes, markers });
  const claimed: Span[] = [...citations, ...documentNumbers].map((r) => r.span);
  const amounts = recognizeAmounts(flat).filter((r) => !overlapsAny(r.span, claimed));
  const deadlines = recognizeDeadlines(flat, metadata.date).filter((r) => !overlapsAny(r.span, claimed));

  const references: Reference[] = [...citations, ...documentNumbers, ...motions, ...amounts, ...deadlines];
  references.sort((a, b) => a.span.offset - b.span.offset || b.span.length - a.span.length);
  const instruments = options.instruments ? recognizeInstruments(flat, options.instruments) : [];
  return { metadata, references, footnotes, footnoteMarkers: markers, instruments };
}

function overlapsAny(span: Span, others: readonly Span[]): boolean {
  for (const o of others) {
    if (span.offset < o.offset + o.length && o.offset < span.offset + span.length) return true;
  }
  return false;
}
