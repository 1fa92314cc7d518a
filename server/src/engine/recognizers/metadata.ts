import { isIsoDate, parseDutchDate } from '../calendar';
import { dossierNumber, isDocumentNumber, kamerstukKey, normalizeDossier, parseKamerstukKey, type KamerstukId } from '../identifiers';
import type { DocumentMetadata, KnownDocumentFacts, MetadataSource, Span } from '../model';
import { readFrontMatter, type FrontMatter } from './frontMatter';
import { PatternScans, type ScanPattern } from '../patternScan';
import { lowerBound } from '../sortedOffsets';
import { lazily } from '../lazily';

export interface MetadataOptions {
  /** Facts from a manifest (kamerwijzer.json) or the caller. */
  readonly known?: KnownDocumentFacts;
  /** An explicit document date (command line --document-date); overrides every other source. */
  readonly documentDate?: string;
}

/**
 * Reads the document's own date, identity and title.
 *
 * Which source wins, fact by fact:
 *   1. `options.documentDate` (the date only): the caller said so explicitly.
 *   2. YAML front matter: the author of a draft said so explicitly.
 *   3. A header in the text: the official Kamerstuk header ("29 826 Industriebeleid / Nr. 124 BRIEF
 *      VAN … / Den Haag, 30 oktober 2020"), the open-data page header ("Nummer: 2025D44449, datum:
 *      2025-10-17"), the ministry letter heading ("Datum 2 november 2022", "Betreft …") or the
 *      running page footer ("Tweede Kamer, vergaderjaar 2021–2022, 29 826, nr. 147"). A header is
 *      what the text says of itself, so it is authoritative about that text.
 *   4. The manifest (`options.known`): meant for PDF extracts that lost their header; it fills
 *      only what the text does not say.
 *
 * Header forms are looked for in the document's head only (HEAD_MAX_LINES / HEAD_MAX_CHARS after
 * the front matter), so a "Datum" in a quoted table or a "Den Haag, …" under a quoted letter deep
 * in the text is not taken for the document's own. The page footer is the exception: PDF
 * extraction puts it wherever a page ends, and its exact form ("Tweede Kamer, vergaderjaar …, nr.
 * N" alone on a line) only ever names the document it is printed in.
 */
export function recognizeMetadata(source: string, options: MetadataOptions = {}, scans: PatternScans = new PatternScans(source)): DocumentMetadata {
  const frontMatter = readFrontMatter(source);
  const bodyStart = frontMatter ? frontMatter.span.offset + frontMatter.span.length : 0;
  const fromFrontMatter = frontMatter ? factsFromFrontMatter(frontMatter) : {};
  const fromText = factsFromText(source, bodyStart, scans);
  const fromKnown = options.known ? factsFromKnown(options.known) : {};
  const fromOption: Facts =
    options.documentDate !== undefined && isIsoDate(options.documentDate.trim())
      ? { date: { value: options.documentDate.trim(), source: 'option' } }
      : {};

  const layers = [fromOption, fromFrontMatter, fromText, fromKnown];
  const date = firstOf(layers, (f) => f.date);
  const kamerstuk = firstOf(layers, (f) => f.kamerstuk);
  const documentNumber = firstOf(layers, (f) => f.documentNumber);
  const title = firstOf(layers, (f) => f.title);
  const dossierTitle = firstOf(layers, (f) => f.dossierTitle);

  const metadata: { -readonly [K in keyof DocumentMetadata]: DocumentMetadata[K] } = {};
  if (date) {
    metadata.date = date.value;
    metadata.dateSource = date.source;
  }
  if (kamerstuk) {
    metadata.kamerstuk = { dossier: kamerstuk.value.dossier, nr: kamerstuk.value.nr };
    metadata.kamerstukSource = kamerstuk.source;
  }
  if (documentNumber) {
    metadata.documentNumber = documentNumber.value;
    metadata.documentNumberSource = documentNumber.source;
  }
  if (title) {
    metadata.title = title.value;
    metadata.titleSource = title.source;
  }
  if (dossierTitle) metadata.dossierTitle = dossierTitle.value;
  // The place the text names itself: its Kamerstuk where it gives one, else its document number.
  const identitySpan = kamerstuk?.span ?? documentNumber?.span;
  if (identitySpan) metadata.identitySpan = identitySpan;
  const spans = [
    kamerstuk?.span,
    documentNumber?.span,
    // The text's own places count when the text names the identity the metadata settled on.
    ...((fromText.kamerstuk && kamerstukKey(fromText.kamerstuk.value) === (metadata.kamerstuk && kamerstukKey(metadata.kamerstuk))) ||
    (fromText.documentNumber && fromText.documentNumber.value === metadata.documentNumber)
      ? (fromText.ownSpans ?? [])
      : []),
    ...(kamerstuk?.source === 'header' ? (fromText.kamerstukSpans ?? []) : []),
    ...(metadata.kamerstuk ? pageFooterSpans(source, bodyStart, metadata.kamerstuk, scans) : []),
  ].filter((s): s is Span => !!s);
  if (spans.length) metadata.identitySpans = [...new Map(spans.map((s) => [`${s.offset}:${s.length}`, s])).values()].sort((a, b) => a.offset - b.offset);
  if (metadata.kamerstuk || metadata.documentNumber) metadata.headEnd = headEndOf(source, bodyStart);
  if (frontMatter) metadata.frontMatterSpan = frontMatter.span;
  return metadata;
}

/** One fact, where it came from and, when the text states it, where. */
interface Found<T> {
  readonly value: T;
  readonly source: MetadataSource;
  readonly span?: Span;
}

interface Facts {
  date?: Found<string>;
  kamerstuk?: Found<KamerstukId>;
  documentNumber?: Found<string>;
  title?: Found<string>;
  dossierTitle?: Found<string>;
  /** Every place in the text that names the identity chosen (heading, open-data header rows). */
  ownSpans?: Span[];
  /** Further places where the text names its own Kamerstuk (a page record's rows). */
  kamerstukSpans?: Span[];
}

function firstOf<T>(layers: readonly Facts[], get: (f: Facts) => Found<T> | undefined): Found<T> | undefined {
  for (const layer of layers) {
    const found = get(layer);
    if (found) return found;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Front matter and known facts

/** Front-matter keys, lower case, as Dutch and English drafts write them. */
const FRONT_MATTER_KEYS: Readonly<Record<string, keyof Facts>> = {
  kamerstuk: 'kamerstuk',
  kst: 'kamerstuk',
  datum: 'date',
  date: 'date',
  titel: 'title',
  title: 'title',
  documentnummer: 'documentNumber',
  documentnumber: 'documentNumber',
  document_nummer: 'documentNumber',
  document_number: 'documentNumber',
  'document-number': 'documentNumber',
};

const MAX_ID_CHARS = 64;

/** Reads the front matter's facts; a value that does not read as its kind is left out. */
function factsFromFrontMatter(frontMatter: FrontMatter): Facts {
  const facts: Facts = {};
  for (const entry of frontMatter.entries) {
    const kind = FRONT_MATTER_KEYS[entry.key.toLowerCase()];
    if (!kind || facts[kind]) continue;
    const value = entry.value.trim();
    // An identifier or date is short; a long value is a mistake, not worth reading.
    if (kind !== 'title' && value.length > MAX_ID_CHARS) continue;
    const span = entry.valueSpan;
    if (kind === 'date') {
      const iso = frontMatterDate(value);
      if (iso) facts.date = { value: iso, source: 'frontMatter', span };
    } else if (kind === 'kamerstuk') {
      const id = writtenKamerstukId(value);
      if (id) facts.kamerstuk = { value: id, source: 'frontMatter', span };
    } else if (kind === 'documentNumber') {
      const number = value.toUpperCase();
      if (isDocumentNumber(number)) facts.documentNumber = { value: number, source: 'frontMatter', span };
    } else if (kind === 'title') {
      const title = collapseSpaces(value);
      if (title) facts.title = { value: title, source: 'frontMatter', span };
    }
  }
  return facts;
}

/** "2022-07-08", YAML's "2022-07-08T10:00:00", or a written "8 juli 2022". */
function frontMatterDate(value: string): string | undefined {
  const iso = /^(\d{4}-\d{2}-\d{2})(?:[Tt ][0-9:.+\-Zz ]{0,40})?$/.exec(value);
  if (iso) return isIsoDate(iso[1]!) ? iso[1] : undefined;
  return parseDutchDate(value);
}

/**
 * A Kamerstuk as an author writes it about their own draft: the key forms parseKamerstukKey reads
 * ("29826-147", "kst-36600-XIII-65") and the printed ones "29 826-147", "29 826, nr. 147".
 */
function writtenKamerstukId(value: string): KamerstukId | undefined {
  const key = value
    .replace(/^(\d{2})[ \u00a0](\d{3})(?!\d)/, '$1$2')
    .replace(/[ \t]+(?=[IVXLC]{1,7}\b)/, '-')
    .replace(/[ \t]*,?[ \t]*\bnr\.?[ \t]*/i, '-')
    .replace(/-{2,}/g, '-');
  return parseKamerstukKey(key);
}

function factsFromKnown(known: KnownDocumentFacts): Facts {
  const facts: Facts = {};
  if (known.date !== undefined && isIsoDate(known.date)) facts.date = { value: known.date, source: 'manifest' };
  const id = known.kamerstuk !== undefined ? parseKamerstukKey(known.kamerstuk) : undefined;
  if (id) facts.kamerstuk = { value: id, source: 'manifest' };
  if (known.documentNumber !== undefined && isDocumentNumber(known.documentNumber)) {
    facts.documentNumber = { value: known.documentNumber, source: 'manifest' };
  }
  const title = known.title !== undefined ? collapseSpaces(known.title) : '';
  if (title) facts.title = { value: title, source: 'manifest' };
  return facts;
}

// ---------------------------------------------------------------------------------------------
// The text's own header

/** How much of the document's start counts as its head. */
const HEAD_MAX_LINES = 60;
const HEAD_MAX_CHARS = 8192;
/** Header lines are short; a longer line is running text, and only its start is looked at. */
const LINE_MAX_CHARS = 500;

interface HeadLine {
  /** Source offset of the line's first character. */
  readonly start: number;
  /**
   * The line (at most LINE_MAX_CHARS) with Markdown decoration ("**Datum**", "| Datum |", "# ")
   * blanked out character for character, so offsets into it are offsets into the source line.
   */
  readonly text: string;
}

function factsFromText(source: string, bodyStart: number, scans: PatternScans): Facts {
  const head = headLines(source, bodyStart);
  const openData = readOpenDataHeader(head);
  const official = readKamerstukHeader(head);
  const heading = readLetterHeading(head);
  const footer = readPageFooter(source, bodyStart, scans);
  const page = readPageExport(head);
  const record = readPageRecord(head);
  // Weaker than any heading: the date an answer to Kamervragen was received, and a report's cover date.
  const answered = readAnswerDate(source, bodyStart);
  const cover = answered.date ? {} : readCoverDate(head);
  const layers = [openData, official, heading, footer, page, answered, cover];
  const facts: Facts = {};
  const date = firstOf(layers, (f) => f.date);
  const kamerstuk = firstOf([official, openData, footer, page, record], (f) => f.kamerstuk);
  if (kamerstuk && record.kamerstuk && samePaper(kamerstuk.value, record.kamerstuk.value)) facts.kamerstukSpans = record.kamerstukSpans;
  const documentNumber = firstOf(layers, (f) => f.documentNumber);
  const title = firstOf([openData, heading, official], (f) => f.title);
  const dossierTitle = firstOf([official, openData], (f) => f.dossierTitle);
  if (date) facts.date = date;
  if (kamerstuk) facts.kamerstuk = kamerstuk;
  if (documentNumber) facts.documentNumber = documentNumber;
  if (title) facts.title = title;
  if (dossierTitle) facts.dossierTitle = dossierTitle;
  // The document may name itself in several layers (an open-data export of an official paper has
  // both the export's header rows and the paper's heading): each such place is its identity.
  const same = (a: KamerstukId | undefined, b: KamerstukId | undefined): boolean => !!a && !!b && a.dossier === b.dossier && a.nr === b.nr;
  facts.ownSpans = layers.flatMap((l) => [
    ...(l.ownSpans ?? []),
    ...(l.kamerstuk?.span && same(l.kamerstuk.value, kamerstuk?.value) ? [l.kamerstuk.span] : []),
    ...(l.documentNumber?.span && l.documentNumber.value === documentNumber?.value ? [l.documentNumber.span] : []),
  ]);
  return facts;
}

function headLines(source: string, bodyStart: number): HeadLine[] {
  const lines: HeadLine[] = [];
  const limit = Math.min(source.length, bodyStart + HEAD_MAX_CHARS);
  let pos = bodyStart;
  while (pos < limit && lines.length < HEAD_MAX_LINES) {
    let end = source.indexOf('\n', pos);
    if (end < 0) end = source.length;
    const cut = Math.min(end, pos + LINE_MAX_CHARS);
    lines.push({ start: pos, text: undecorated(source.slice(pos, cut)) });
    pos = end + 1;
  }
  return lines;
}

/** Blanks Markdown emphasis, table pipes, heading and quote marks and a carriage return, one for one. */
function undecorated(line: string): string {
  return line
    .replace(/[*|\r]/g, ' ')
    .replace(/^([ \t]*)([#>]+)/, (_m, indent: string, marks: string) => indent + ' '.repeat(marks.length));
}

/** The first non-blank line at or after index `from`, within `within` lines. */
function nextFilled(head: readonly HeadLine[], from: number, within: number): number | undefined {
  for (let i = from; i < head.length && i < from + within; i++) if (head[i]!.text.trim()) return i;
  return undefined;
}

/** Span of the trimmed `text` found at `index` in a head line. */
function spanIn(line: HeadLine, index: number, text: string): Span {
  const lead = text.length - text.trimStart().length;
  return { offset: line.start + index + lead, length: text.trim().length };
}

// The open-data page header (tkconv / berthub's export of Tweede Kamer documents):
//   Industriebeleid met focus
//   Industriebeleid
//   Brief regering
//   Nummer: 2025D44449, datum: 2025-10-17, bijgewerkt: 2025-10-20 10:54, versie: 1
//   Directe link naar document (.docx), …, officiële HTML versie (kst-29826-277).
//   …
//   Onderdeel van kamerstukdossier 29826 -277 Industriebeleid.
const OPEN_DATA_NUMBER = /^([ \t]*Nummer:[ \t]*)(\d{4}D\d{4,6}),[ \t]*datum:[ \t]*(\d{4}-\d{2}-\d{2})/;
/** "{nummer} {toevoeging}-{volgnummer} {dossiertitel}." as the page template writes it. */
const OPEN_DATA_DOSSIER =
  /^([ \t]*Onderdeel van kamerstukdossier[ \t]+)(\d{1,6}(?:[ \t]+[A-Za-z0-9()]{1,8})?[ \t]*-[ \t]*(\d{1,5}|[A-Za-z]{1,3}))(?![\w])[ \t]*([^\n]*)$/;
const OFFICIAL_ID = /\(kst-([0-9A-Za-z()-]{3,40})\)/;

/** A line of a site's menu: nothing but bracketed links. */
const SITE_MENU = /^[ \t]*(?:\[[^\]\n]{1,40}\][ \t]*)+$/;
/** How many lines from the top the open-data header's "Nummer:" row may stand. */
const OPEN_DATA_NUMBER_WITHIN = 16;

function readOpenDataHeader(head: readonly HeadLine[]): Facts {
  const facts: Facts = {};
  let at = -1;
  let m: RegExpExecArray | null = null;
  // The site's menu may come first (tkconv: "[overzicht] [activiteiten] …" over two lines).
  for (let i = 0; i < head.length && i < OPEN_DATA_NUMBER_WITHIN; i++) {
    m = OPEN_DATA_NUMBER.exec(head[i]!.text);
    if (m) {
      at = i;
      break;
    }
  }
  if (!m) return facts;
  const numberLine = head[at]!;
  if (isDocumentNumber(m[2]!)) {
    facts.documentNumber = { value: m[2]!, source: 'openDataHeader', span: { offset: numberLine.start + m[1]!.length, length: m[2]!.length } };
  }
  if (isIsoDate(m[3]!)) facts.date = { value: m[3]!, source: 'openDataHeader' };
  let first = nextFilled(head, 0, at);
  // The site's menu ("[overzicht] [activiteiten] …") is no title.
  while (first !== undefined && SITE_MENU.test(head[first]!.text)) first = nextFilled(head, first + 1, at - first - 1);
  if (first !== undefined) {
    const title = collapseSpaces(head[first]!.text);
    if (title) facts.title = { value: title, source: 'openDataHeader', span: spanIn(head[first]!, 0, head[first]!.text) };
  }
  for (let i = at + 1; i < head.length && i < at + 30; i++) {
    const line = head[i]!;
    const d = OPEN_DATA_DOSSIER.exec(line.text);
    if (d) {
      const written = d[2]!;
      const nr = d[3]!;
      const dossier = normalizeDossier(written.slice(0, written.lastIndexOf('-')));
      const id = parseKamerstukKey(`${dossier}-${nr}`);
      if (id) facts.kamerstuk = { value: id, source: 'openDataHeader', span: spanIn(line, d[1]!.length, written) };
      const dossierTitle = collapseSpaces(d[4]!).replace(/\.$/, '');
      if (dossierTitle) facts.dossierTitle = { value: dossierTitle, source: 'openDataHeader' };
      break;
    }
    const k = facts.kamerstuk ? null : OFFICIAL_ID.exec(line.text);
    if (k) {
      const id = parseKamerstukKey(k[1]!);
      if (id) facts.kamerstuk = { value: id, source: 'openDataHeader', span: { offset: line.start + k.index + 1, length: k[0].length - 2 } };
    }
  }
  return facts;
}

// Two more ways a copied page says what it is:
//   the Tweede Kamer's own print, its document number opening the paper's title in capitals
//     "2025D20977 INBRENG VERSLAG VAN EEN SCHRIFTELIJK OVERLEG" (the first lines);
//   a document page of an archive site, with labelled rows under its title
//     "Kamerstuk 34300-VII-60" … "Bron: https://zoek.officielebekendmakingen.nl/kst-34300-VII-60.html"
//     "ID: 34300-VII-60": the ID row names the paper; the title row and the source link name it too.
const PRINTED_NUMBER = /^([ \t]*)(\d{4}D\d{4,6})[ \t]+(?=[A-ZÀ-Ý]{3,}[ \t]+[A-ZÀ-Ý])/;
/** The printed number stands in the first lines of the text. */
const PRINTED_NUMBER_LINES = 4;
const ID_ROW = /^([ \t]*ID:[ \t]*)(?:kst-)?(\d{1,6}(?:-[A-Za-z0-9()]{1,8}){0,2}-(?:\d{1,5}|[A-Za-z]{1,3}))[ \t]*$/;
/** The labelled rows of an archive page stand within this many lines of the top. */
const PAGE_ROWS = 20;

function readPageExport(head: readonly HeadLine[]): Facts {
  const facts: Facts = {};
  for (let i = 0; i < head.length && i < PRINTED_NUMBER_LINES; i++) {
    const p = PRINTED_NUMBER.exec(head[i]!.text);
    if (p && isDocumentNumber(p[2]!)) {
      facts.documentNumber = { value: p[2]!, source: 'header', span: { offset: head[i]!.start + p[1]!.length, length: p[2]!.length } };
      break;
    }
  }
  for (let i = 0; i < head.length && i < PAGE_ROWS; i++) {
    const row = ID_ROW.exec(head[i]!.text);
    const id = row ? parseKamerstukKey(row[2]!) : undefined;
    if (!row || !id) continue;
    const key = kamerstukKey(id);
    facts.kamerstuk = { value: id, source: 'header', span: { offset: head[i]!.start + row[1]!.length, length: row[2]!.length } };
    // The same paper named in the page's title row and its source link.
    const own: Span[] = [];
    for (let j = 0; j < head.length && j < PAGE_ROWS; j++) {
      const text = head[j]!.text;
      const title = /^([ \t]*)(Kamerstuk[ \t]+(\S+))[ \t]*$/.exec(text);
      if (title && parseKamerstukKey(title[3]!) && kamerstukKey(parseKamerstukKey(title[3]!)!) === key) own.push({ offset: head[j]!.start + title[1]!.length, length: title[2]!.length });
      const link = /^[ \t]*Bron:[ \t]*\S*\/(kst-[0-9A-Za-z()-]{3,40}?)(?:\.html)?[ \t]*$/.exec(text);
      if (link && parseKamerstukKey(link[1]!) && kamerstukKey(parseKamerstukKey(link[1]!)!) === key) own.push({ offset: head[j]!.start + text.indexOf(link[1]!), length: link[1]!.length });
    }
    facts.ownSpans = own;
    break;
  }
  return facts;
}

// The record of a Kamerstuk on a page that copies it (eumonitor's and parlementairemonitor's
// "Kerngegevens", in English "Reference", in Dutch "Kenmerk"):
//   Dit verslag van een schriftelijk overleg is onder nr. 60 toegevoegd aan wetsvoorstel 35526 - Tijdelijke wet …
//   Kerngegevens
//   Nummer KST3552660
//   Reference 35526, nr. 60
// Both the sentence and the "Reference" row name the page's own paper.
const ADDED_TO_DOSSIER = lazily(() =>
  /(?<=(?<![\p{L}])is )onder nr\.[ \t]*(\d{1,5}|[A-Z]{1,3}) toegevoegd aan (?:het )?(?:wetsvoorstel|initiatiefwetsvoorstel|dossier|kamerstukdossier)[ \t]+(\d{2}[ \t]?\d{3}(?:[ \t-](?:[IVXLC]{1,7}|[A-Z]|\d{2}))?(?:[ \t]?\([ \t]?R[ \t]?\d{1,5}[ \t]?\))?)(?![\p{L}\p{N}])/u);
const REFERENCE_ROW = /^([ \t]*(?:Referen(?:ce|tie)|Kenmerk)[ \t]+)(\d{2}[ \t]?\d{3}(?:[ \t-](?:[IVXLC]{1,7}|[A-Z]|\d{2}))?(?:[ \t]?\([ \t]?R[ \t]?\d{1,5}[ \t]?\))?,[ \t]*nr\.[ \t]*(\d{1,5}|[A-Z]{1,3}))[ \t]*$/;

function readPageRecord(head: readonly HeadLine[]): Facts {
  const facts: Facts = {};
  const spans: Span[] = [];
  for (let i = 0; i < head.length && i < 30; i++) {
    const line = head[i]!;
    const added = ADDED_TO_DOSSIER().exec(line.text);
    const row = added ? null : REFERENCE_ROW.exec(line.text);
    let id: KamerstukId | undefined;
    if (added) {
      id = parseKamerstukKey(`${normalizeDossier(added[2]!)}-${added[1]!}`);
      if (id) spans.push({ offset: line.start + added.index, length: added[0].length });
    } else if (row) {
      id = writtenKamerstukId(row[2]!);
      if (id) spans.push({ offset: line.start + row[1]!.length, length: row[2]!.length });
    }
    if (!id) continue;
    if (!facts.kamerstuk) facts.kamerstuk = { value: id, source: 'header', span: spans[spans.length - 1]! };
    else if (!samePaper(facts.kamerstuk.value, id)) return {};
  }
  if (facts.kamerstuk) facts.kamerstukSpans = spans;
  return facts;
}

/** The same paper, written with or without its rijkswet number ("35099 (R2114)" in one row, "35099" in the other). */
function samePaper(a: KamerstukId, b: KamerstukId): boolean {
  return a.nr === b.nr && dossierNumber(a.dossier) === dossierNumber(b.dossier);
}

// The official Kamerstuk header (officielebekendmakingen, as text or PDF):
//   Tweede Kamer der Staten-Generaal 2
//   Vergaderjaar 2020–2021
//   29 826 Industriebeleid
//   Nr. 124 BRIEF VAN DE STAATSSECRETARIS VAN ECONOMISCHE ZAKEN EN KLIMAAT
//   Aan de Voorzitter van de Tweede Kamer der Staten-Generaal
//   Den Haag, 30 oktober 2020
// A paper in two dossiers lists two dossier lines; the first is its main dossier.
/** A dossier line: five digits (optionally "29 826"), a suffix ("XIII", "-30", "(R1669)"), the dossier title. */
const DOSSIER_LINE =
  /^[ \t]*(\d{2}[ \u00a0]?\d{3}(?![\d])(?:[ \t]*-[ \t]?\d{1,3}|[ \t]+(?:[IVXLC]{1,7}|[A-Z])(?=[ \t])|[ \t]*\([ \t]?R[ \t]?\d{3,4}[ \t]?\))?)[ \t]+([A-ZÀ-Ý][^\n]*)$/;
/** "Nr. 124" after the dossier title on the same line (a flattened copy of the header). */
const STUK_NUMBER_AFTER = /[ \t]Nr\.[ \t]*(\d{1,5}|[A-Z]{1,3})(?![\w])[ \t]*/y;
/** A dossier title is short: the number of a flattened header follows within this many characters. */
const DOSSIER_TITLE_MAX = 200;

/**
 * "Nr. 124" following the dossier title on the same line: the first "Nr." after it, close by. A later
 * one belongs to running text (a preview of a draft reads "21501 VERSLAG … Nr. xxx … (Kamerstuk
 * 21501-02, Nr. 3355"), not to the header.
 */
function stukNumberAfter(rest: string): RegExpExecArray | null {
  const at = rest.search(/[ \t]Nr\./);
  if (at < 0 || at > DOSSIER_TITLE_MAX) return null;
  STUK_NUMBER_AFTER.lastIndex = at;
  return STUK_NUMBER_AFTER.exec(rest);
}
/**
 * "Nr. 124 BRIEF VAN …" opening a line; an Eerste Kamer paper's letters without "Nr.": "AO VERSLAG VAN
 * EEN SCHRIFTELIJK OVERLEG", "C MEMORIE VAN ANTWOORD" (the letters, then the kind of paper in capitals).
 */
const STUK_NUMBER_LINE =
  /^[ \t]*(?:Nr\.[ \t]*(\d{1,5}|[A-Z]{1,3})(?![\w])|([A-Z]{1,3})[ \t]+(?=(?:HERDRUK\d{0,3} )?(?:BRIEF|VERSLAG|EINDVERSLAG|VOORLOPIG|NADER|MEMORIE|NOTA|MOTIE|AMENDEMENT|GEWIJZIGD|VOORSTEL|ADVIES|KONINKLIJKE|BIJLAGE|LIJST|JAARVERSLAG)\b))[ \t]*/;
/** How many lines may separate the dossier line from "Nr. N" (further dossiers, a wrapped title). */
const DOSSIER_TO_NUMBER = 8;
/** How many lines after "Nr. N" the dateline may follow ("Aan de Voorzitter …" comes between). */
const NUMBER_TO_DATELINE = 12;

function readKamerstukHeader(head: readonly HeadLine[]): Facts {
  for (let i = 0; i < head.length; i++) {
    const line = head[i]!;
    const d = DOSSIER_LINE.exec(line.text);
    if (!d) continue;
    const dossierText = d[1]!;
    const dossierAt = line.text.indexOf(dossierText);
    const rest = d[2]!;
    // The regex runs to the end of the line, so the rest is the line's tail.
    const restAt = line.text.length - rest.length;

    // "Nr. 124" on the dossier line itself, or opening a line below it.
    let nr: RegExpExecArray | null = stukNumberAfter(rest);
    let nrLine = line;
    let nrIndex = i;
    let nrAt = nr ? restAt + nr.index : 0;
    let dossierTitle = collapseSpaces(nr ? rest.slice(0, nr.index) : rest);
    for (let j = i + 1; !nr && j < head.length && j <= i + DOSSIER_TO_NUMBER; j++) {
      const text = head[j]!.text;
      nr = STUK_NUMBER_LINE.exec(text);
      if (nr) {
        nrLine = head[j]!;
        nrIndex = j;
        nrAt = 0;
      } else if (j === i + 1 && text.trim() && !DOSSIER_LINE.test(text)) {
        // The dossier title wrapped onto the next line.
        dossierTitle = `${dossierTitle} ${collapseSpaces(text)}`;
      }
    }
    if (!nr) continue;
    const id = parseKamerstukKey(`${normalizeDossier(dossierText)}-${nr[1] ?? nr[2]!}`);
    if (!id) continue;

    const facts: Facts = {};
    const idStart = line.start + dossierAt;
    const idEnd = nrLine.start + nrAt + nr[0].trimEnd().length;
    facts.kamerstuk = { value: id, source: 'header', span: { offset: idStart, length: idEnd - idStart } };
    if (dossierTitle) facts.dossierTitle = { value: dossierTitle, source: 'header' };

    // The stuk's own title follows "Nr. N", on that line or the next, in capitals; a letter's
    // ("BRIEF VAN DE MINISTER …") says who wrote it, not what it is about, so it is no title.
    let stukTitle = collapseSpaces(nrLine.text.slice(nrAt + nr[0].length));
    let after = nrIndex + 1;
    if (!stukTitle) {
      const next = nextFilled(head, after, 2);
      if (next !== undefined && isCapitals(head[next]!.text)) {
        stukTitle = collapseSpaces(head[next]!.text);
        after = next + 1;
      }
    }
    while (stukTitle && after < head.length && isCapitals(head[after]!.text)) {
      stukTitle = `${stukTitle} ${collapseSpaces(head[after]!.text)}`;
      after++;
    }
    // "HERDRUK" (a reprint notice) is no part of the title, nor is a footnote marker glued to a word
    // ("HERDRUK1 BRIEF VAN …").
    stukTitle = stukTitle.replace(/^HERDRUK\d{0,3}(?:\s+|$)/, '').replace(/(?<=[A-ZÀ-Ý]{3})\d{1,3}(?=[\s,.:;]|$)/g, '');
    if (stukTitle && isCapitals(stukTitle) && !/^BRIEF\b/.test(stukTitle)) facts.title = { value: stukTitle, source: 'header' };

    // A flattened copy keeps the dateline on the same line: "Nr. 124 BRIEF VAN … Den Haag, 30 oktober 2020".
    const tail = nrLine.text.slice(nrAt + nr[0].length);
    const inline = /[ \t](?:Den[ \t]+Haag|['’]s-Gravenhage),[ \t]+/.exec(tail);
    const inlineDate = inline ? leadingDate(tail.slice(inline.index + inline[0].length)) : undefined;
    if (inlineDate) facts.date = { value: inlineDate.iso, source: 'header' };
    for (let j = nrIndex + 1; !facts.date && j < head.length && j <= nrIndex + NUMBER_TO_DATELINE; j++) {
      const date = datelineDate(head[j]!.text)?.iso ?? paperDate(head[j]!.text);
      if (date) {
        facts.date = { value: date, source: 'header' };
        break;
      }
    }
    return facts;
  }
  return {};
}

/** True for a line with letters and none of them lower case ("BRIEF VAN DE MINISTER"). */
function isCapitals(text: string): boolean {
  return /[A-ZÀ-Ý]/.test(text) && !/[a-zß-ÿ]/.test(text);
}

// The ministry letter heading (the block beside or above the letter):
//   Datum 2 november 2022            Datum: 2 november 2022       Datum
//   Betreft Defensie Industrie …      Onderwerp: …                 2 november 2022
// and the dateline "Den Haag, 2 november 2022". "Ons kenmerk" / "Uw kenmerk" / "Onze referentie"
// are the ministry's file numbers and the letter answered: never the document's own identity.
const LABEL = /^([ \t]*)(Datum|DATUM|Betreft|BETREFT|Onderwerp|ONDERWERP)(?![\w])([ \t]*:)?[ \t]*/;
const DATELINE = /^[ \t]*(?:Den[ \t]+Haag|['’]s-Gravenhage|'s Gravenhage),?[ \t]+/;
/** "Voorgesteld 20 maart 2025", "Vastgesteld 12 mei 2020", "Ontvangen 3 juni 2021": a paper's own date line. */
const PAPER_DATE = /^[ \t]*(?:Voorgesteld|Vastgesteld|Ontvangen)\b/;
/** How many lines a label alone on its line may stand above its value (PDF side columns). */
const LABEL_TO_VALUE = 3;
/** How many lines from the date a "Betreft" without a colon may stand and still be the heading's. */
const SUBJECT_NEAR_DATE = 6;
/** Lines a wrapped "Betreft" may continue on. */
const SUBJECT_CONTINUATION = 2;

function readLetterHeading(head: readonly HeadLine[]): Facts {
  let datum: Found<string> | undefined;
  let dateline: Found<string> | undefined;
  /** "Vastgesteld 3 december 2025": a verslag's own date, above the letters it quotes. */
  let paperDated: Found<string> | undefined;
  /** Head lines of the date found, to tell a heading's subject line from a sentence further on. */
  let datedAt = -1;
  let subject: { title: string; span: Span; colon: boolean; index: number } | undefined;
  /** "… 2500 EA DEN HAAG Datum 22 december 2022 Betreft …": the heading run into one paragraph. */
  let inlineDatum: Found<string> | undefined;
  for (let i = 0; i < head.length; i++) {
    const line = head[i]!;
    const label = LABEL.exec(line.text);
    if (!label) {
      if (!datum && !inlineDatum) {
        const date = inlineDatumOf(line.text);
        if (date) {
          inlineDatum = { value: date.iso, source: 'datumLine', span: { offset: line.start + date.index, length: date.length } };
          datedAt = i;
          continue;
        }
      }
      if (!dateline && !paperDated) {
        const date = paperDateOf(line.text);
        if (date) {
          paperDated = { value: date.iso, source: 'datumLine', span: { offset: line.start + date.index, length: date.length } };
          if (!datum) datedAt = i;
          continue;
        }
      }
      if (!dateline) {
        const date = datelineDate(line.text);
        if (date) dateline = { value: date.iso, source: 'datumLine', span: { offset: line.start + date.index, length: date.length } };
        if (date && !datum) datedAt = i;
      }
      continue;
    }
    let valueLine = line;
    let valueIndex = i;
    let valueAt = label[0].length;
    if (!line.text.slice(valueAt).trim()) {
      // The label alone on its line, its value below it (a PDF side column).
      const next = nextFilled(head, i + 1, LABEL_TO_VALUE);
      if (next === undefined || LABEL.test(head[next]!.text)) continue;
      valueLine = head[next]!;
      valueIndex = next;
      valueAt = 0;
    }
    const value = valueLine.text.slice(valueAt);
    if (label[2]!.toLowerCase() === 'datum') {
      if (datum) continue;
      const date = leadingDate(value);
      if (!date) continue;
      datum = { value: date.iso, source: 'datumLine', span: { offset: valueLine.start + valueAt + date.index, length: date.length } };
      datedAt = valueIndex;
      // "Datum 30 oktober 2020 Betreft Visie op …" when extraction joined the side column's lines.
      const restAt = date.index + date.length;
      const joined = /^[ \t]*(?:Betreft|Onderwerp)(?![\w])[ \t]*:?[ \t]*/.exec(value.slice(restAt));
      if (joined && !subject) {
        const text = value.slice(restAt + joined[0].length);
        const title = collapseSpaces(text);
        if (title) subject = { title, span: spanIn(valueLine, valueAt + restAt + joined[0].length, text), colon: false, index: valueIndex };
      }
    } else if (!subject) {
      let title = collapseSpaces(value);
      if (!title) continue;
      // A subject wrapped over lines continues on short lines that start in lower case.
      for (let j = valueIndex + 1; j <= valueIndex + SUBJECT_CONTINUATION && j < head.length; j++) {
        const more = head[j]!.text.trim();
        if (!/^[a-zà-ÿ(]/.test(more) || more.length > 80) break;
        title = `${title} ${collapseSpaces(more)}`;
      }
      subject = { title, span: spanIn(valueLine, valueAt, value), colon: label[3] !== undefined || valueLine !== line, index: i };
    }
  }
  const facts: Facts = {};
  // A verslag's "Vastgesteld" line comes before the letters it quotes, whose datelines are not its date.
  const date = datum ?? inlineDatum ?? paperDated ?? dateline;
  if (date) facts.date = date;
  // "Betreft" without a colon opens many a Dutch sentence ("Betreft het een …"); only the label
  // form, or a place in a letter heading (near its date), makes it a subject line.
  const inHeading = subject !== undefined && datedAt >= 0 && Math.abs(subject.index - datedAt) <= SUBJECT_NEAR_DATE;
  if (subject && (subject.colon || inHeading)) facts.title = { value: subject.title, source: 'datumLine', span: subject.span };
  return facts;
}

/**
 * "Datum 22 december 2022" inside a line, where PDF extraction ran the letter heading into one
 * paragraph ("… Postbus 20018 2500 EA DEN HAAG Datum 22 december 2022 Betreft Emissies … Geachte
 * voorzitter, …"). Only as part of a heading: another heading label follows the date ("Betreft",
 * "Onderwerp", "Kenmerk") or an address stands before it (Postbus, a postcode, Den Haag); and not
 * inside a quotation opened earlier on the line.
 */
const INLINE_DATUM = lazily(() => /(?<![\p{L}\p{N}])(?:Datum|DATUM)[ \t]*:?[ \t]+/gu);
const LABEL_AFTER_DATE = lazily(() => /^[ \t]*(?:Betreft|BETREFT|Onderwerp|ONDERWERP|Ons[ \t]+kenmerk|Uw[ \t]+kenmerk|Kenmerk|Uw[ \t]+brief)(?![\p{L}])/u);
const ADDRESS_BEFORE = lazily(() => /(?:Postbus[ \t]+\d{1,6}|(?<!\d)\d{4}[ \t]?[A-Z]{2}(?![\p{L}])|Den[ \t]+Haag|DEN[ \t]+HAAG|['’]s-Gravenhage)/u);
/** How far before "Datum" the address may end: a department or a telephone number may stand between. */
const ADDRESS_REACH = 80;

function inlineDatumOf(text: string): { iso: string; index: number; length: number } | undefined {
  INLINE_DATUM().lastIndex = 0;
  for (let m = INLINE_DATUM().exec(text); m; m = INLINE_DATUM().exec(text)) {
    if (m.index === 0) continue;
    const valueAt = m.index + m[0].length;
    const date = leadingDate(text.slice(valueAt));
    if (!date) continue;
    const before = text.slice(0, m.index);
    if (isInsideQuote(before)) continue;
    const after = text.slice(valueAt + date.index + date.length);
    const nearBefore = before.slice(Math.max(0, before.length - ADDRESS_REACH));
    if (!LABEL_AFTER_DATE().test(after) && !ADDRESS_BEFORE().test(nearBefore)) continue;
    return { iso: date.iso, index: valueAt + date.index, length: date.length };
  }
  return undefined;
}

/** True when `before` opened a quotation it has not closed: „…, “…, «…, or an odd number of plain double quotes. */
function isInsideQuote(before: string): boolean {
  const opens = (before.match(/[„“«]/g) ?? []).length;
  const closes = (before.match(/[”»]/g) ?? []).length;
  if (opens > closes) return true;
  return (before.match(/"/g) ?? []).length % 2 === 1;
}

/** The date of a "Den Haag, 30 oktober 2020" line, with its place in the line. */
function datelineDate(text: string): { iso: string; index: number; length: number } | undefined {
  const m = DATELINE.exec(text);
  if (!m) return undefined;
  const date = leadingDate(text.slice(m[0].length));
  return date ? { iso: date.iso, index: m[0].length + date.index, length: date.length } : undefined;
}

/** The date of a "Voorgesteld (tijdens … van) 20 maart 2025" line. */
function paperDate(text: string): string | undefined {
  return paperDateOf(text)?.iso;
}

/**
 * The Eerste Kamer's verslag title "Verslag van de vergadering van 5 november 2019 (2019/2020 nr. 5)",
 * also where the page text glued it to the item's heading ("… beschouwingenVerslag van de vergadering
 * van 5 november 2019").
 */
const MEETING_REPORT = /(?:Verslag|VERSLAG) (?:van de|VAN DE) (?:vergadering|VERGADERING) (?:van|VAN) (?:(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag) )?(\d{1,2} [A-Za-z]{3,9} \d{4})(?![\d])/;

/**
 * The title of a committee's notes or decisions, opening the text: "Korte aantekeningen vergadering
 * commissie Koninkrijksrelaties (KOREL) van 22 september 2015", "Besluitenlijst procedurevergadering
 * vaste commissie voor Financiën van dinsdag 12 maart 2024". The meeting's date is the paper's.
 */
const COMMITTEE_NOTES = lazily(() =>
  /^[ \t]*(?:Korte aantekeningen|Aantekeningen|Besluitenlijst|Verslag)(?: van de)? (?:vergadering|procedurevergadering|commissievergadering|bijeenkomst)(?![\p{L}])[^\n]{0,400}? van (?:(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag) )?(\d{1,2} [A-Za-z]{3,9} \d{4})(?![\d])/iu);

function paperDateOf(text: string): { iso: string; index: number; length: number } | undefined {
  const report = MEETING_REPORT.exec(text) ?? COMMITTEE_NOTES().exec(text);
  if (report) {
    const iso = parseDutchDate(report[1]!);
    if (iso) return { iso, index: report.index + report[0].length - report[1]!.length, length: report[1]!.length };
  }
  if (!PAPER_DATE.test(text)) return undefined;
  const m = /(\d{1,2})[ \t\u00a0]+([A-Za-z]{3,9})\.?[ \t\u00a0]+(\d{4})(?![\d])/.exec(text);
  const iso = m ? parseDutchDate(m[0]) : undefined;
  return m && iso ? { iso, index: m.index, length: m[0].length } : undefined;
}

const WEEKDAY = /^(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)[ \t,]+/i;
const LEADING_DATE = /^(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{4}|\d{1,2}[ \t\u00a0]+[A-Za-z]{3,9}\.?[ \t\u00a0]+\d{4})(?![\d])/;

/** A date at the start of `text` ("2 november 2022", "woensdag 2 november 2022", "2022-11-02"). */
function leadingDate(text: string): { iso: string; index: number; length: number } | undefined {
  const lead = text.length - text.trimStart().length;
  let index = lead;
  const weekday = WEEKDAY.exec(text.slice(index));
  if (weekday) index += weekday[0].length;
  const m = LEADING_DATE.exec(text.slice(index));
  if (!m) return undefined;
  const iso = parseDutchDate(m[0].replace(/\u00a0/g, ' '));
  return iso ? { iso, index, length: m[0].length } : undefined;
}

/**
 * Kamervragen as tweedekamer.nl and officielebekendmakingen print them: "Vragen van het lid …
 * (ingezonden 20 december 2024). Antwoord van Minister … (ontvangen 4 februari 2025)." An answer's
 * own date is the day it was received (only after "Antwoord" in the head); questions not yet answered
 * are dated by the day they were sent in (only after "Vragen"). The parenthesis may be broken over a
 * line end.
 */
const ANSWER_RECEIVED = /\((?:ontvangen|Ontvangen)[ \t\r\n]+(\d{1,2})[ \t\r\n]+([A-Za-z]{3,9})\.?[ \t\r\n]+(\d{4})\)/;
const QUESTIONS_SENT = /\((?:ingezonden|Ingezonden)[ \t\r\n]+(\d{1,2})[ \t\r\n]+([A-Za-z]{3,9})\.?[ \t\r\n]+(\d{4})\)/;

function readAnswerDate(source: string, bodyStart: number): Facts {
  const head = source.slice(bodyStart, bodyStart + HEAD_MAX_CHARS);
  let m = ANSWER_RECEIVED.exec(head);
  if (m && !/(?:^|[^\p{L}])Antwoord(?![\p{L}])/u.test(head.slice(0, m.index))) m = null;
  if (!m && !/(?:^|[^\p{L}])Antwoord(?![\p{L}])/u.test(head)) {
    m = QUESTIONS_SENT.exec(head);
    if (m && !/(?:^|[^\p{L}])Vragen(?![\p{L}])/u.test(head.slice(0, m.index))) m = null;
  }
  if (!m) return {};
  const iso = parseDutchDate(`${m[1]} ${m[2]} ${m[3]}`);
  if (!iso) return {};
  const at = m.index + m[0].indexOf(m[1]!, 1);
  return { date: { value: iso, source: 'datumLine', span: { offset: bodyStart + at, length: m.index + m[0].length - 1 - at } } };
}

/**
 * A report's cover: a date alone on its line under the title ("Zicht op extra geld kabinet-Rutte III
 * / Navolgbaarheid en onderbouwing maatregelen / 26 september 2018"). Not the value of a field
 * ("b) Datum ontvangst Commissiedocument / 26 oktober 2022"): the filled line above must be no label
 * (no "datum", no closing colon, no "b)" or "1." numbering).
 */
const DATE_ONLY_LINE = /^[ \t]*(?:(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)[ \t]+)?(\d{1,2}[ \t]+[A-Za-z]{3,9}[ \t]+\d{4})[ \t]*$/;
const FIELD_LABEL = /datum|:[ \t]*$|^[ \t]*(?:[a-z]\)|\d+[.)])/i;
/** The cover date stands near the top. */
const COVER_LINES = 40;

function readCoverDate(head: readonly HeadLine[]): Facts {
  let previous: HeadLine | undefined;
  for (let i = 0; i < head.length && i < COVER_LINES; i++) {
    const line = head[i]!;
    if (!line.text.trim()) continue;
    const m = DATE_ONLY_LINE.exec(line.text);
    if (m && previous && !FIELD_LABEL.test(previous.text)) {
      const iso = parseDutchDate(m[1]!.replace(/[ \t]+/g, ' '));
      if (iso) return { date: { value: iso, source: 'datumLine', span: { offset: line.start + line.text.indexOf(m[1]!), length: m[1]!.length } } };
    }
    previous = line;
  }
  return {};
}

// The running page footer of a Kamerstuk PDF:
//   Tweede Kamer, vergaderjaar 2021–2022, 29 826, nr. 147 31
//   Eerste Kamer, vergaderjaar 2020–2021, 35 925, C 4
/** What every running page footer writes ("Tweede Kamer, vergaderjaar 2024–2025, 29 826, nr. 250"). */
export const FOOTER_CUE_SCAN: ScanPattern = { re: /Kamer, vergaderjaar/g, behind: 0, reach: 19 };
/** Longest lead before the cue ("Tweede " and indentation) and longest footer line. */
const FOOTER_LEAD = 40;
const FOOTER_MAX = 200;
const PAGE_FOOTER =
  /^[ \t]*(?:Tweede|Eerste)[ \t]+Kamer,[ \t]+vergaderjaar[ \t]+\d{4}[ \t]*[-–—/][ \t]*\d{2,4},[ \t]+((\d{2}[ \u00a0]?\d{3}(?:[ \t]*-[ \t]*\d{1,3}|[ \t]+[IVXLC]{1,7}|[ \t]*[A-Z])?),[ \t]+(?:nr\.[ \t]*)?(\d{1,5}|[A-Z]{1,3}))(?:[ \t]+\d{1,4})?[ \t\r]*$/;

function readPageFooter(source: string, bodyStart: number, scans: PatternScans): Facts {
  const first = pageFooters(source, bodyStart, scans).next();
  if (first.done) return {};
  return { kamerstuk: { value: first.value.id, source: 'header', span: first.value.span } };
}

/** The spans of every page footer that names this Kamerstuk (a PDF repeats it on each page). */
function pageFooterSpans(source: string, bodyStart: number, own: KamerstukId, scans: PatternScans): Span[] {
  const out: Span[] = [];
  for (const f of pageFooters(source, bodyStart, scans)) if (f.id.dossier === own.dossier && f.id.nr === own.nr) out.push(f.span);
  return out;
}

/** The running page footers of a text, in order. */
function* pageFooters(source: string, bodyStart: number, scans: PatternScans): Generator<{ id: KamerstukId; span: Span }> {
  // Every place the cue is written (it never overlaps itself: a scan finds them all), from the body on.
  const cues = scans.matches(FOOTER_CUE_SCAN).starts;
  for (let i = lowerBound(cues, bodyStart); i < cues.length; i++) {
    const hit = cues[i]!;
    // The line around the cue, looked for within a few characters only: a text that repeats the
    // cue on one endless line must not make every hit scan that line.
    let start = hit;
    while (start > bodyStart && hit - start <= FOOTER_LEAD && source.charCodeAt(start - 1) !== 10) start--;
    if (start > bodyStart && source.charCodeAt(start - 1) !== 10) continue;
    let end = hit;
    while (end < source.length && end - start <= FOOTER_MAX && source.charCodeAt(end) !== 10) end++;
    if (end < source.length && source.charCodeAt(end) !== 10) continue;
    const line = source.slice(start, end);
    const m = PAGE_FOOTER.exec(line);
    if (!m) continue;
    const id = parseKamerstukKey(`${normalizeDossier(m[2]!)}-${m[3]!}`);
    if (!id) continue;
    const at = start + line.lastIndexOf(m[1]!);
    yield { id, span: { offset: at, length: m[1]!.length } };
  }
}

/** Where the head (HEAD_MAX_LINES lines, at most HEAD_MAX_CHARS) of a text ends. */
function headEndOf(source: string, bodyStart: number): number {
  const lines = headLines(source, bodyStart);
  const last = lines[lines.length - 1];
  if (!last) return bodyStart;
  const end = source.indexOf('\n', last.start);
  return Math.min(end < 0 ? source.length : end, bodyStart + HEAD_MAX_CHARS);
}

function collapseSpaces(text: string): string {
  return text.replace(/[ \t\u00a0\r\n]+/g, ' ').trim();
}
