import { withLfLineEnds } from './chars';
import { LineIndex } from './lineIndex';
import { FlatText, type OmittedSpan } from './flatText';
import type { DocumentAnalysis, DocumentMetadata, KamerstukReference, KnownDocumentFacts, Reference, Span } from './model';
import { recognizeAmounts } from './recognizers/amount';
import { recognizeDeadlines } from './recognizers/deadline';
import { recognizeDocumentNumbers } from './recognizers/documentNumber';
import { recognizeFootnotes } from './recognizers/footnote';
import { recognizeHandelingen } from './recognizers/handelingen';
import type { InstrumentMatcher } from './instrumentMatcher';
import type { InstrumentSenses } from './instrumentSenses';
import { recognizeInstruments } from './recognizers/instrument';
import { recognizeKamerstukken } from './recognizers/kamerstuk';
import { recognizeMetadata } from './recognizers/metadata';
import { recognizeMotions } from './recognizers/motion';
import { Sentences } from './sentences';
import { SpanSet } from './sortedOffsets';

export interface AnalyzeOptions {
  /** An explicit document date (ISO); overrides every date the document or manifest gives. */
  readonly documentDate?: string;
  /** What a manifest (kamerwijzer.json) or the caller knows about the document. */
  readonly known?: KnownDocumentFacts;
  /** Finds policy instruments from the glossary; without it, `instruments` stays empty. */
  readonly instruments?: InstrumentMatcher;
  /** Decides what an abbreviation with several meanings stands for (the same glossary's senses). */
  readonly senses?: InstrumentSenses;
  /** The text's line index, when the caller has one (one per document version). */
  readonly lines?: LineIndex;
}

/**
 * Analyzes one document: its metadata, footnotes and every reference in it.
 * Pure and deterministic; linear in the length of the text.
 */
export function analyze(source: string, options: AnalyzeOptions = {}): DocumentAnalysis {
  // The recognizers read lines by "\n" (and take a "\r" before it as part of the line end): a text
  // with classic Mac line ends is read with line feeds in their place. The offsets are the same; the
  // texts of what is found are taken from the source at the end.
  const text = withLfLineEnds(source);
  // One line index per document version: the caller's, or one made here (its lines are the same in both texts).
  const lines = options.lines ?? new LineIndex(source);
  const metadata = recognizeMetadata(text, options);
  const { footnotes, markers } = recognizeFootnotes(text, lines);

  // Recognizers read the text without footnote markers ("februari 2021¹" must read as 2021) and
  // without front matter.
  const omitted: OmittedSpan[] = markers.map((m) => ({ span: m.span, replacement: '' as const }));
  if (metadata.frontMatterSpan) omitted.push({ span: metadata.frontMatterSpan, replacement: ' ' });
  const flat = new FlatText(text, omitted);

  const sentences = Sentences.ofFlat(flat);
  // What names the document itself (its heading, page footers, open-data header) is no citation.
  const citations = recognizeKamerstukken(flat, sentences).filter((r) => !isOwnIdentity(r, metadata) && !(r.kind === 'kamerstuk' && r.form.identifier && isColophon(text, r.span)));
  const kamerstukken = citations.filter((r): r is KamerstukReference => r.kind === 'kamerstuk');
  const documentNumbers = recognizeDocumentNumbers(flat).filter((r) => !isOwnIdentity(r, metadata));
  const motions = recognizeMotions(flat, { sentences, kamerstukken, footnotes, markers });
  const handelingen = recognizeHandelingen(flat).filter((r) => !(r.identifier && isColophon(text, r.span)));
  const claimed = new SpanSet([...citations, ...documentNumbers, ...handelingen].map((r) => r.span));
  const amounts = recognizeAmounts(flat, sentences).filter((r) => !claimed.overlaps(r.span));
  const deadlines = recognizeDeadlines(flat, metadata.date, sentences).filter((r) => !claimed.overlaps(r.span));

  const references: Reference[] = [...citations, ...documentNumbers, ...handelingen, ...motions, ...amounts, ...deadlines].filter(
    (r) => !endsInCutOffWord(text, r),
  );
  references.sort((a, b) => a.span.offset - b.span.offset || b.span.length - a.span.length);
  // Every reference also carries its LSP range (line/character), computed once here.
  const asWritten = <T extends { readonly span: Span; readonly text: string }>(r: T): T =>
    text === source ? r : { ...r, text: source.slice(r.span.offset, r.span.offset + r.span.length) };
  const located: Reference[] = references.map((r) => ({ ...asWritten(r), range: lines.rangeOf(r.span) }));
  const instruments = options.instruments ? recognizeInstruments(flat, options.instruments, options.senses).map(asWritten) : [];
  return { metadata, references: located, footnotes, footnoteMarkers: markers, instruments };
}

/**
 * True when a citation is the document naming itself: it stands where the document says what it is
 * (its heading, a page footer, the open-data header), or it is the document's own Kamerstuk or
 * document number within its head (the header rows of an export: "kst-29826-277", "kamerstukdossier
 * 29826 -277"). Further down, a letter that cites its own number does cite it.
 */
/**
 * An official publication ends with its colophon: its own identifier, then the series' ISSN
 * ("ah-tk-20222023-3649 ISSN 0921 - 7398 ’s-Gravenhage 2023", "kst-36410-XIV-9 ISSN 0921 - 7371"). That
 * identifier is the document naming itself.
 */
function isColophon(text: string, span: { offset: number; length: number }): boolean {
  return /^\s{0,8}ISSN\b/.test(text.slice(span.offset + span.length, span.offset + span.length + 16));
}

function isOwnIdentity(r: Reference, m: DocumentMetadata): boolean {
  const spans = m.identitySpans ?? (m.identitySpan ? [m.identitySpan] : []);
  if (spans.some((s) => s.offset < r.span.offset + r.span.length && r.span.offset < s.offset + s.length)) return true;
  if (m.headEnd === undefined || r.span.offset >= m.headEnd) return false;
  if (r.kind === 'kamerstuk') return !!m.kamerstuk && r.dossier === m.kamerstuk.dossier && r.nr === m.kamerstuk.nr;
  if (r.kind === 'documentNumber') return !!m.documentNumber && r.number.toUpperCase() === m.documentNumber.toUpperCase();
  return false;
}

/**
 * A text that stops in the middle of a word (a page copy cut off at a length, a truncated extract)
 * leaves its last word unfinished. Two kinds of reference end in a part that is open by its form: a
 * motion's submitters ("de motie-Kröge" may have been "de motie-Kröger", or "motie-Kröger/Bromet"),
 * and a dossier cited alone ("Kamerstukken II 2018/19, 35000" may have gone on with ", nr. 12"). Where
 * such a reference ends in a letter or digit exactly where the text ends (no full stop, bracket,
 * space or line end after it), it cannot be trusted and is left out. A citation with its ondernummer,
 * an amount or a date is complete as written (and is what an editor's last line holds while typing).
 */
function endsInCutOffWord(text: string, r: Reference): boolean {
  if (r.kind !== 'motion' && r.kind !== 'dossier') return false;
  if (r.span.offset + r.span.length !== text.length) return false;
  return /[\p{L}\p{N}]$/u.test(r.text);
}
