import { withLfLineEnds } from './chars';
import { LineIndex } from './lineIndex';
import { FlatText, type OmittedSpan } from './flatText';
import type { DocumentAnalysis, DocumentMetadata, Footnote, FootnoteMarker, KamerstukReference, KnownDocumentFacts, MotionReference, Reference, Span } from './model';
import { recognizeAmounts, type AmountReport } from './recognizers/amount';
import { recognizeDeadlines } from './recognizers/deadline';
import { recognizeDocumentNumbers } from './recognizers/documentNumber';
import { recognizeFootnotes } from './recognizers/footnote';
import { recognizeHandelingen } from './recognizers/handelingen';
import type { InstrumentMatcher } from './instrumentMatcher';
import type { InstrumentSenses } from './instrumentSenses';
import { matchInstruments, resolveInstruments, type PlacedInstrumentMatch } from './recognizers/instrument';
import { recognizeKamerstukken, type KamerstukReport } from './recognizers/kamerstuk';
import { recognizeMetadata } from './recognizers/metadata';
import { LowercaseWords, recognizeMotions } from './recognizers/motion';
import { linkRepeatedMotions } from './recognizers/motionKamerstuk';
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
  return analyzeWhole(source, options).analysis;
}

/**
 * What a document's analysis reads of the whole document: its text, lines, metadata and footnotes.
 * The recognizers read a stretch of it at a time (all of it, or the stretch an edit changed).
 */
export interface WholeDocument {
  /** The text as written. */
  readonly source: string;
  /**
   * The text as the recognizers read it: lines by "\n" (a "\r" before it is part of the line end), so
   * a text with classic Mac line ends is read with line feeds in their place. The offsets are the
   * same; the texts of what is found are taken from the source at the end.
   */
  readonly text: string;
  /** One line index per document version (its lines are the same in both texts). */
  readonly lines: LineIndex;
  readonly metadata: DocumentMetadata;
  readonly footnotes: readonly Footnote[];
  readonly markers: readonly FootnoteMarker[];
}

/** The whole document's part of an analysis: metadata, footnotes and their markers. */
export function wholeDocument(source: string, options: AnalyzeOptions): WholeDocument {
  const text = withLfLineEnds(source);
  const lines = options.lines ?? new LineIndex(source);
  const metadata = recognizeMetadata(text, options);
  const { footnotes, markers } = recognizeFootnotes(text, lines);
  return { source, text, lines, metadata, footnotes, markers };
}

/** A full analysis, with what a later analysis of a changed stretch builds on (see incremental.ts). */
export interface WholeAnalysis {
  readonly analysis: DocumentAnalysis;
  readonly whole: WholeDocument;
  /** The glossary's matches before their senses were decided (source offsets). */
  readonly matches: readonly PlacedInstrumentMatch[];
  /** The words whose lower-case use in the document decided something (see MotionContext.writesInLowerCase). */
  readonly lowercaseQueries: ReadonlySet<string>;
  /** The papers of bare dash forms whose confirmation reads the whole document, and the ranges' budget spent (see KamerstukReport). */
  readonly kamerstukken: { readonly heldKeys: ReadonlySet<string>; readonly rangeNumbersUsed: number };
  /** The sums of bare amounts decided by the document naming them with a euro marker elsewhere (see AmountReport). */
  readonly askedEuroValues: ReadonlySet<number>;
}

export function analyzeWhole(source: string, options: AnalyzeOptions = {}): WholeAnalysis {
  const whole = wholeDocument(source, options);
  const lowercaseQueries = new Set<string>();
  const found = recognizeStretch(whole, 0, whole.text.length, options, lowercaseQueries);
  return { analysis: assemble(whole, found.references, found.matches, options), whole, matches: found.matches, lowercaseQueries, kamerstukken: found.kamerstukken, askedEuroValues: found.amounts.asked };
}

/** What the recognizers find in a stretch of a document, in the document's offsets. */
export interface StretchFindings {
  /** Sorted by offset (longest first at one offset); `text` as the recognizers read it, no `range` yet. */
  readonly references: readonly Reference[];
  readonly matches: readonly PlacedInstrumentMatch[];
  readonly kamerstukken: KamerstukReport;
  readonly amounts: AmountReport;
}

/**
 * Runs the recognizers over the document's text from `from` to `to` (all of it, or a stretch between
 * paragraphs): what they find there, in the document's offsets. `lowercaseQueries` collects the
 * words whose lower-case use in the whole document was asked; `writesInLowerCase` answers for the
 * whole document when the stretch is not all of it.
 */
export function recognizeStretch(
  whole: WholeDocument,
  from: number,
  to: number,
  options: AnalyzeOptions,
  lowercaseQueries: Set<string>,
  writesInLowerCase?: (word: string) => boolean,
): StretchFindings {
  const { metadata, footnotes } = whole;
  const all = from === 0 && to === whole.text.length;
  const text = all ? whole.text : whole.text.slice(from, to);
  const inStretch = (span: Span): boolean => span.offset >= from && span.offset + span.length <= to;
  const toStretch = (span: Span): Span => ({ offset: span.offset - from, length: span.length });
  const markers = all ? whole.markers : whole.markers.filter((m) => inStretch(m.span)).map((m) => ({ ...m, span: toStretch(m.span) }));

  // Recognizers read the text without footnote markers ("februari 2021¹" must read as 2021) and
  // without front matter.
  const omitted: OmittedSpan[] = markers.map((m) => ({ span: m.span, replacement: '' as const }));
  const frontMatter = metadata.frontMatterSpan;
  if (frontMatter) {
    const start = Math.max(frontMatter.offset, from);
    const end = Math.min(frontMatter.offset + frontMatter.length, to);
    if (end > start) omitted.push({ span: { offset: start - from, length: end - start }, replacement: ' ' });
  }
  const flat = new FlatText(text, omitted);

  const sentences = Sentences.ofFlat(flat);
  const asked = (word: string): boolean => {
    lowercaseQueries.add(word);
    return writesInLowerCase ? writesInLowerCase(word) : (lowercase ??= new LowercaseWords(flat.text)).has(word);
  };
  let lowercase: LowercaseWords | undefined;
  const place = from === 0 ? <T extends Reference>(r: T): T => r : <T extends Reference>(r: T): T => mapReference(r, (o) => o + from);
  // What names the document itself (its heading, page footers, open-data header) is no citation.
  const kamerstukReport: KamerstukReport = { heldKeys: new Set(), rangeNumbersUsed: 0 };
  const citations = recognizeKamerstukken(flat, sentences, kamerstukReport)
    .map(place)
    .filter((r) => !isOwnIdentity(r, metadata) && !(r.kind === 'kamerstuk' && r.form.identifier && isColophon(whole.text, r.span)));
  const kamerstukken = citations.filter((r): r is KamerstukReference => r.kind === 'kamerstuk');
  const documentNumbers = recognizeDocumentNumbers(flat)
    .map(place)
    .filter((r) => !isOwnIdentity(r, metadata));
  // The motions read the stretch's Kamerstukken and the footnotes in the stretch's offsets.
  const local = <T extends { readonly span: Span }>(x: T): T => ({ ...x, span: toStretch(x.span) });
  const motions = recognizeMotions(flat, {
    sentences,
    kamerstukken: all ? kamerstukken : kamerstukken.map(local),
    footnotes: all ? footnotes : footnotes.map((f) => ({ ...f, span: toStretch(f.span), bodySpan: toStretch(f.bodySpan) })),
    markers,
    writesInLowerCase: asked,
  }).map(place);
  const handelingen = recognizeHandelingen(flat)
    .map(place)
    .filter((r) => !(r.identifier && isColophon(whole.text, r.span)));
  const claimed = new SpanSet([...citations, ...documentNumbers, ...handelingen].map((r) => r.span));
  const amountReport: AmountReport = { euroValues: new Set(), asked: new Set() };
  const amounts = recognizeAmounts(flat, sentences, amountReport)
    .map(place)
    .filter((r) => !claimed.overlaps(r.span));
  const deadlines = recognizeDeadlines(flat, metadata.date, sentences)
    .map(place)
    .filter((r) => !claimed.overlaps(r.span));

  const references: Reference[] = [...citations, ...documentNumbers, ...handelingen, ...motions, ...amounts, ...deadlines].filter(
    (r) => !endsInCutOffWord(whole.text, r),
  );
  references.sort(byPlace);
  const matches = options.instruments ? matchInstruments(flat, options.instruments) : [];
  return { references, matches: from === 0 ? matches : matches.map((m) => ({ ...m, start: m.start + from, end: m.end + from })), kamerstukken: kamerstukReport, amounts: amountReport };
}

/** The order of references: by offset, the longest first at one offset. */
export function byPlace(a: { readonly span: Span }, b: { readonly span: Span }): number {
  return a.span.offset - b.span.offset || b.span.length - a.span.length;
}

/**
 * The analysis from what the recognizers found in the whole document: the links of repeated motions
 * and the senses of abbreviations (both read the whole document), each reference's text as written
 * and its LSP range (computed once here; a reference that has one keeps it).
 */
export function assemble(whole: WholeDocument, references: readonly Reference[], matches: readonly PlacedInstrumentMatch[], options: AnalyzeOptions): DocumentAnalysis {
  const { source, text, lines } = whole;
  const asWritten = <T extends { readonly span: Span; readonly text: string }>(r: T): T =>
    text === source ? r : { ...r, text: source.slice(r.span.offset, r.span.offset + r.span.length) };
  const motions = linkRepeatedMotions(references.filter((r): r is MotionReference => r.kind === 'motion'));
  let m = 0;
  const located: Reference[] = references.map((r) => {
    const linked = r.kind === 'motion' ? motions[m++]! : r;
    return linked.range ? linked : { ...asWritten(linked), range: lines.rangeOf(linked.span) };
  });
  const instruments = options.instruments ? resolveInstruments(text, matches, options.senses).map(asWritten) : [];
  return { metadata: whole.metadata, references: located, footnotes: whole.footnotes, footnoteMarkers: whole.markers, instruments };
}

/**
 * A reference with every offset it holds mapped by `f` (its span, and the spans of its parts: a
 * citation's dossier and number, a motion's names and linked Kamerstuk, a table figure's unit).
 */
export function mapReference<T extends Reference>(r: T, f: (offset: number) => number): T {
  const span = (s: Span): Span => ({ offset: f(s.offset), length: s.length });
  const moved = { ...r, span: span(r.span) } as Reference;
  switch (moved.kind) {
    case 'kamerstuk':
      return { ...moved, form: { ...moved.form, dossierSpan: span(moved.form.dossierSpan), nrSpan: span(moved.form.nrSpan) } } as T;
    case 'motion':
      return { ...moved, namesSpan: span(moved.namesSpan), ...(moved.kamerstuk ? { kamerstuk: { ...moved.kamerstuk, span: span(moved.kamerstuk.span) } } : {}) } as T;
    case 'amount':
      return (moved.tableUnit ? { ...moved, tableUnit: { ...moved.tableUnit, span: span(moved.tableUnit.span) } } : moved) as T;
    default:
      return moved as T;
  }
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
