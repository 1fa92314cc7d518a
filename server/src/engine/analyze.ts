import { detached, detachedData, withLfLineEnds } from './chars';
import { LineIndex } from './lineIndex';
import { FlatText, type OmittedSpan } from './flatText';
import type { ChangedStretch } from './incremental';
import { PatternScans } from './patternScan';
import type { DocumentAnalysis, DocumentMetadata, Footnote, FootnoteMarker, KamerstukReference, KnownDocumentFacts, MotionReference, Range, Reference, Span } from './model';
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
import { linkRepeatedMotions, type OutsideReferences } from './recognizers/motionKamerstuk';
import { Sentences } from './sentences';
import { SpanSet } from './sortedOffsets';

export interface AnalyzeOptions {
  /** An explicit document date (ISO); overrides every date the document or manifest gives. */
  readonly documentDate?: string;
  /** What a manifest (kamerwijzer.json) or the caller knows about the document. */
  readonly known?: KnownDocumentFacts;
  /**
   * Only what cites a document: Kamerstukken, dossiers, document numbers, Handelingen and motions —
   * no amounts and no deadlines (what the workspace index keeps of a file it does not hold whole;
   * those two come last and change none of the others).
   */
  readonly citationsOnly?: boolean;
  /**
   * Only what the document says of itself (its metadata): no footnotes, no references (what `check`
   * keeps of a document it does not hold whole: the rules read no more of other documents).
   */
  readonly metadataOnly?: boolean;
  /** Finds policy instruments from the glossary; without it, `instruments` stays empty. */
  readonly instruments?: InstrumentMatcher;
  /** Decides what an abbreviation with several meanings stands for (the same glossary's senses). */
  readonly senses?: InstrumentSenses;
  /** The text's line index, when the caller has one (one per document version). */
  readonly lines?: LineIndex;
  /**
   * Keeps the text as the recognizers read it, split into sentences, with the analysis
   * (`sentencesOfAnalysis`), for a document that is checked as it is and not edited: the rules that
   * read the sentence around a place need not split the text again. Only when the whole text is read
   * and has no front matter (the recognizers read it as a blank, the sentences do not).
   */
  readonly keepSentences?: boolean;
}

/** The text as the recognizers read it and its sentences. */
export interface ReadText {
  readonly flat: FlatText;
  readonly sentences: Sentences;
}

/** What analyses made with `keepSentences` kept, for as long as the analysis is kept. */
const keptSentences = new WeakMap<DocumentAnalysis, ReadText>();

/**
 * The text an analysis made with `keepSentences` read, without its footnote markers, and its
 * sentences: the same as a FlatText of the text (line feeds for line ends) without the analysis's
 * footnote markers gives, split into sentences.
 */
export function sentencesOfAnalysis(analysis: DocumentAnalysis): ReadText | undefined {
  return keptSentences.get(analysis);
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
  /** What the footnotes were found with: the scans of the text (the next version's are made from them). */
  readonly scans: PatternScans;
}

/**
 * The whole document's part of an analysis: metadata, footnotes and their markers. With the
 * previous version's and where the two sources differ, the scans for footnote markup and page
 * footers are made from that version's (the same matches, without scanning the whole text again).
 */
export function wholeDocument(source: string, options: AnalyzeOptions, previous?: { readonly whole: WholeDocument; readonly change: ChangedStretch }): WholeDocument {
  const text = withLfLineEnds(source);
  const lines = options.lines ?? new LineIndex(source);
  // The text read has "\n" for a lone "\r": the character before a change may read otherwise now.
  const scans = new PatternScans(text, previous && { scans: previous.whole.scans, change: { ...previous.change, start: Math.max(0, previous.change.start - 1) } });
  const metadata = recognizeMetadata(text, options, scans);
  const { footnotes, markers } = options.metadataOnly ? { footnotes: [], markers: [] } : recognizeFootnotes(text, lines, scans);
  scans.settle();
  return { source, text, lines, metadata, footnotes, markers, scans };
}

/** A full analysis, with what a later analysis of a changed stretch builds on (see incremental.ts). */
export interface WholeAnalysis {
  readonly analysis: DocumentAnalysis;
  readonly whole: WholeDocument;
  /** The glossary's matches before their senses were decided (source offsets). */
  readonly matches: readonly PlacedInstrumentMatch[];
  /** The words whose lower-case use in the document decided something, with the answer (see MotionContext.writesInLowerCase). */
  readonly lowercaseQueries: ReadonlyMap<string, boolean>;
  /** Where the document cites papers plainly, and the papers of bare dash forms asked about with their answer (see KamerstukReport). */
  readonly cited: Named<string>;
  /** How much of the document's budget for ranges was spent (see KamerstukReport). */
  readonly rangeNumbersUsed: number;
  /**
   * Where the document names sums with a euro marker (source offsets, in order), and the sums of bare
   * amounts asked about with their answer: whether the document names that sum with one (see AmountReport).
   */
  readonly euro: Named<number>;
}

/**
 * Where a document names something the recognizers ask about the whole document (a sum with a euro
 * marker, a paper cited plainly), in order of place, and the answers they got: whether it does.
 */
export interface Named<K> {
  readonly named: readonly { readonly at: number; readonly key: K }[];
  readonly answers: ReadonlyMap<K, boolean>;
}

/** What a stretch's recognizers know of the whole document (see recognizeStretch). */
export interface WholeQuestions {
  /** The words whose lower-case use in the whole document was asked, with the answer (those it holds are answered from it, the others added). */
  readonly lowercase: Map<string, boolean>;
  /** Answers for the whole document whether it writes a word in lower case (default: the stretch, being the whole). */
  readonly writesInLowerCase?: (word: string) => boolean;
  /** Previous answers, and whether the rest of the document names a sum with a euro marker. */
  readonly euro?: { readonly answers: ReadonlyMap<number, boolean>; readonly elsewhere: (value: number) => boolean };
  /** Previous answers, and whether the rest of the document cites a paper plainly. */
  readonly cited?: { readonly answers: ReadonlyMap<string, boolean>; readonly elsewhere: (key: string) => boolean };
  /** The references outside the stretch, in the document's offsets (for motions whose footnote lies there). */
  readonly outside?: OutsideReferences;
}

export function analyzeWhole(source: string, options: AnalyzeOptions = {}): WholeAnalysis {
  const whole = wholeDocument(source, options);
  if (options.metadataOnly) {
    const analysis: DocumentAnalysis = { metadata: whole.metadata, references: [], footnotes: [], footnoteMarkers: [], instruments: [] };
    return { analysis, whole, matches: [], lowercaseQueries: new Map(), rangeNumbersUsed: 0, euro: { named: [], answers: new Map() }, cited: { named: [], answers: new Map() } };
  }
  const lowercaseQueries = new Map<string, boolean>();
  const found = recognizeStretch(whole, 0, whole.text.length, options, { lowercase: lowercaseQueries });
  const analysis = assemble(whole, found.references, found.matches, options);
  if (options.keepSentences && !whole.metadata.frontMatterSpan) keptSentences.set(analysis, found.read);
  return {
    analysis,
    whole,
    matches: found.matches,
    lowercaseQueries,
    rangeNumbersUsed: found.kamerstukken.rangeNumbersUsed,
    euro: { named: found.amounts.euro, answers: found.amounts.answers },
    cited: { named: found.kamerstukken.cited, answers: found.kamerstukken.answers },
  };
}

/** What the recognizers find in a stretch of a document, in the document's offsets. */
export interface StretchFindings {
  /** Sorted by offset (longest first at one offset); `text` as the recognizers read it, no `range` yet. */
  readonly references: readonly Reference[];
  readonly matches: readonly PlacedInstrumentMatch[];
  readonly kamerstukken: KamerstukReport;
  /** Where the stretch names sums with a euro marker, and the sums asked about with their answers (see AmountReport). */
  readonly amounts: { readonly euro: Named<number>['named']; readonly answers: ReadonlyMap<number, boolean> };
  /** The stretch as the recognizers read it, and its sentences (in the stretch's offsets). */
  readonly read: ReadText;
}

/**
 * Runs the recognizers over the document's text from `from` to `to` (all of it, or a stretch between
 * paragraphs): what they find there, in the document's offsets. `questions` holds what the
 * recognizers' questions about the whole document were answered before, and answers them for the
 * rest of the document when the stretch is not all of it; the answers given are added to it.
 */
export function recognizeStretch(
  whole: WholeDocument,
  from: number,
  to: number,
  options: AnalyzeOptions,
  questions: WholeQuestions,
): StretchFindings {
  const { lowercase: lowercaseQueries, writesInLowerCase, euro, cited, outside } = questions;
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
    const known = lowercaseQueries.get(word);
    if (known !== undefined) return known;
    const answer = writesInLowerCase ? writesInLowerCase(word) : (lowercase ??= new LowercaseWords(flat.text)).has(word);
    // Later versions take the answers over (incremental.ts): the word holds no cut of this text.
    lowercaseQueries.set(detached(word), answer);
    return answer;
  };
  let lowercase: LowercaseWords | undefined;
  const place = from === 0 ? <T extends Reference>(r: T): T => r : <T extends Reference>(r: T): T => mapReference(r, (o) => o + from);
  // What names the document itself (its heading, page footers, open-data header) is no citation.
  const kamerstukReport: KamerstukReport = { cited: [], answers: new Map(cited?.answers), ...(cited ? { elsewhere: cited.elsewhere } : {}), rangeNumbersUsed: 0 };
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
    ...(outside && !all ? { outside: stretchOffsets(outside, from) } : {}),
  }).map(place);
  const handelingen = recognizeHandelingen(flat)
    .map(place)
    .filter((r) => !(r.identifier && isColophon(whole.text, r.span)));
  const claimed = new SpanSet([...citations, ...documentNumbers, ...handelingen].map((r) => r.span));
  const amountReport: AmountReport = { euro: [], answers: new Map(euro?.answers), ...(euro ? { elsewhere: euro.elsewhere } : {}) };
  const amounts = options.citationsOnly
    ? []
    : recognizeAmounts(flat, sentences, amountReport)
        .map(place)
        .filter((r) => !claimed.overlaps(r.span));
  const deadlines = options.citationsOnly
    ? []
    : recognizeDeadlines(flat, metadata.date, sentences)
        .map(place)
        .filter((r) => !claimed.overlaps(r.span));

  const references: Reference[] = [...citations, ...documentNumbers, ...handelingen, ...motions, ...amounts, ...deadlines].filter(
    (r) => !endsInCutOffWord(whole.text, r),
  );
  references.sort(byPlace);
  const matches = options.instruments ? matchInstruments(flat, options.instruments) : [];
  return { references, matches: from === 0 ? matches : matches.map((m) => ({ ...m, start: m.start + from, end: m.end + from })), kamerstukken: from === 0 ? kamerstukReport : { ...kamerstukReport, cited: kamerstukReport.cited.map((c) => ({ at: c.at + from, key: c.key })) },
    amounts: { euro: amountReport.euro.map((e) => ({ at: e.at + from, key: e.value })), answers: amountReport.answers },
    read: { flat, sentences },
  };
}

/** References outside a stretch asked and answered in the stretch's offsets (the document's less `from`). */
function stretchOffsets(outside: OutsideReferences, from: number): OutsideReferences {
  const toDocument = (s: Span): Span => ({ offset: s.offset + from, length: s.length });
  const toStretch = (o: number): number => o - from;
  return {
    kamerstukIn: (span) => {
      const found = outside.kamerstukIn(toDocument(span));
      return found && mapReference(found, toStretch);
    },
    motionsIn: (span) => outside.motionsIn(toDocument(span)).map((m) => mapReference(m, toStretch)),
  };
}

/** The order of references: by offset, the longest first at one offset. */
export function byPlace(a: { readonly span: Span }, b: { readonly span: Span }): number {
  return a.span.offset - b.span.offset || b.span.length - a.span.length;
}

/**
 * The analysis from what the recognizers found in the whole document: the links of repeated motions
 * and the senses of abbreviations (both read the whole document), each reference's text as written
 * and its LSP range (computed once here; a reference that has one keeps it).
 *
 * `detachNew`: for a changed stretch's analysis (incremental.ts), whose references later versions
 * take over, every new reference is made of strings detached from this version's text (see
 * `detached`), or each edit would keep one more whole text in memory. A whole analysis needs none:
 * its references go together, with the text they were cut from, when the next whole analysis comes.
 */
export function assemble(whole: WholeDocument, references: readonly Reference[], matches: readonly PlacedInstrumentMatch[], options: AnalyzeOptions, detachNew = false): DocumentAnalysis {
  const { source, text, lines } = whole;
  const asWritten = <T extends { readonly span: Span; readonly text: string }>(r: T): T =>
    text === source ? r : { ...r, text: source.slice(r.span.offset, r.span.offset + r.span.length) };
  const motions = linkRepeatedMotions(references.filter((r): r is MotionReference => r.kind === 'motion'));
  let m = 0;
  const located: Reference[] = references.map((r) => {
    const linked = r.kind === 'motion' ? motions[m++]! : r;
    if (linked.range) return linked;
    const made = { ...asWritten(linked), range: lines.rangeOf(linked.span) };
    return detachNew ? detachedData(made) : made;
  });
  const instruments = options.instruments ? resolveInstruments(text, matches, options.senses).map(asWritten) : [];
  return { metadata: whole.metadata, references: located, footnotes: whole.footnotes, footnoteMarkers: whole.markers, instruments };
}

/**
 * A reference with every offset it holds mapped by `f` (its span, and the spans of its parts: a
 * citation's dossier and number, a motion's names and linked Kamerstuk, a table figure's unit), and
 * its range replaced by `range` when one is given. One copy of the reference (per kind, so that
 * moving the thousands of references after an edit stays cheap).
 */
export function mapReference<T extends Reference>(r: T, f: (offset: number) => number, range?: Range): T {
  const span = (s: Span): Span => ({ offset: f(s.offset), length: s.length });
  // A copy whose places are then written over (the same fields in the same order: a range replaces
  // the one it has): copying first and writing the few places after is some times quicker than
  // assigning them from a second object.
  const moved: Writable<Reference> = Object.assign({}, r as Reference);
  moved.span = span(r.span);
  if (range && r.range) moved.range = range;
  if (moved.kind === 'kamerstuk') {
    const form: Writable<KamerstukReference['form']> = Object.assign({}, moved.form);
    form.dossierSpan = span(form.dossierSpan);
    form.nrSpan = span(form.nrSpan);
    moved.form = form;
  } else if (moved.kind === 'motion') {
    moved.namesSpan = span(moved.namesSpan);
    if (moved.kamerstuk) moved.kamerstuk = Object.assign({}, moved.kamerstuk, { span: span(moved.kamerstuk.span) });
  } else if (moved.kind === 'amount' && moved.tableUnit) {
    moved.tableUnit = Object.assign({}, moved.tableUnit, { span: span(moved.tableUnit.span) });
  }
  return moved as T;
}

/** A record whose fields may be written (a copy being made). */
type Writable<T> = T extends unknown ? { -readonly [K in keyof T]: T[K] } : never;

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
