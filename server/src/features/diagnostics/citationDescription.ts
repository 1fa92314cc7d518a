/**
 * The words a writer put beside a citation to say what it is, wherever letters put them:
 *
 * - the rest of its footnote ("Ruimte voor industrieclusters, Kamerstuknummer 29826-258");
 * - a motion's subject: "de motie van het lid Mutluer c.s. over met betrokken gemeenten … (Kamerstuk
 *   28 638, nr. 245)", also when the citation is in a footnote after the subject;
 * - a quoted or italic title: "de brief ‘Ruimte voor industrieclusters’ (…)", "*Slimme industriepolitiek*[3]";
 * - an explicit clause: "de brief … inzake resultaat Addendum MEE (Kamerstuk 30 196, nr. 803)",
 *   "getiteld …", "met als titel …";
 * - the noun phrase right before the citation's parenthesis or footnote marker, when it names a
 *   document: "de Kamerbrief Toekomstperspectief energie-intensieve industrie (…)", "de brief over
 *   de energie-intensieve industrie (…)", "Met de Nationale Technologiestrategie (…)", "het Nationaal
 *   Biodiversiteitsplan van 25 maart 2025 (…)";
 * - a list item or table cell that is "description, Kamerstuknummer …".
 *
 * Running text that merely mentions a citation ("zie Kamerstuk …", a claim with its source in
 * parentheses) gives no description: comparing it with a title would only produce noise. A phrase
 * that names only the kind of document ("de brief", "deze motie", "de brief van 4 april 2025") is
 * returned with no words: it is no evidence either way.
 */
import { detachedData } from '../../engine/chars';
import { MONTH_PATTERN, parseDutchDate } from '../../engine/calendar';
import { normalizeDossier } from '../../engine/identifiers';
import { changedStretch, type ChangedStretch } from '../../engine/incremental';
import type { KamerstukReference, MotionReference, Span } from '../../engine/model';
import { lowerBound } from '../../engine/sortedOffsets';
import { DocumentLookup } from '../documentLookup';
import type { IndexedDocument } from '../model';
import { keptAt, PreviousVersions } from '../previousVersions';
import { sentenceAround } from '../sentences';
import { contentWords } from '../words';
import { lazily } from '../../engine/lazily';

/** Where the description was found. */
export type DescriptionForm = 'footnote' | 'clause' | 'list' | 'phrase' | 'quoted' | 'motion';

export interface CitationDescription {
  /** The description as written (whitespace collapsed; a motion's subject without its formula). */
  readonly text: string;
  /** Its content words (contentWords): none for a description that names only a kind of document. */
  readonly words: readonly string[];
  readonly span: Span;
  readonly form: DescriptionForm;
  /** What kind of document the description says it is, when it says so. */
  readonly names?: 'motion' | 'letter';
  /** A motion's submitters as written. */
  readonly submitters?: readonly string[];
  /** A date written with the description ("van 25 maart 2025"), ISO; undefined without a year. */
  readonly date?: string;
}

/** How much of a line before a citation may be a list item's or table cell's description. */
const MAX_ITEM_HEAD = 1000;

const KEYWORD = /\b(?:kamerstuk(?:ken|nummer)?|kst)\b[:\s]*/gi;
/** Opening words that say what kind of document follows, not what it is about. */
const LEAD = /^(?:\W*(?:de|het|een|zie|in|bij|met|en|ook|onze|mijn|deze|dit|uw|bijgaande)\s+){0,3}(?:(?:eerdere|vorige|laatste|recente|genoemde|gewijzigde|aangenomen)\s+)?(?:kamer)?(?:brief|brieven|rapport|notitie|nota|verslag|beantwoording|antwoorden|bijlage|motie|moties)?\b\s*/i;
const DATE = new RegExp(`\\b(?:van|d\\.d\\.|dd\\.?|gedateerd)\\s+(\\d{1,2}\\s+(?:${MONTH_PATTERN})(?:\\s+\\d{4})?|\\d{1,2}[-/]\\d{1,2}[-/]\\d{4})(?:\\s+jl\\.?)?`, 'i');

/** What each citation of a document version was found to describe: two rules ask for every citation. Keyed by the analysis (shared by every copy of the version). */
const descriptions = new WeakMap<IndexedDocument['analysis'], Map<KamerstukReference, CitationDescription | undefined>>();

export function describedAs(doc: IndexedDocument, r: KamerstukReference): CitationDescription | undefined {
  let known = descriptions.get(doc.analysis);
  if (!known) descriptions.set(doc.analysis, (known = carriedOver(doc)));
  if (!known.has(r)) {
    descriptionWork.described++;
    // Later versions take it over (carriedOver): it holds no cut of this version's text (see detached).
    known.set(r, detachedData(describeCitation(doc, r)));
  }
  return known.get(r);
}

/** A document version's previous version, whose descriptions it takes over where the edit cannot have changed them. */
const previousVersions = new PreviousVersions(
  (doc) => descriptions.has(doc.analysis),
  (doc) => !!descriptions.get(doc.analysis)?.size,
);

/**
 * Says that a document version follows another (of the same document): the descriptions of its
 * citations are taken over from that one's where the edit cannot have changed them. A version whose
 * descriptions nobody asked for is skipped (its successor takes them from the one before), so no
 * chain of old versions is kept.
 */
export function descriptionsFollow(doc: IndexedDocument, previous: IndexedDocument): void {
  previousVersions.follows(doc, previous);
}

/** Descriptions taken over from a previous version, and described anew (the tests count work through it). */
export const descriptionWork = { carried: 0, described: 0 };

/**
 * How far from an edit a description may be read: a citation's description is read from at most
 * about 1,300 characters before it (a list item's head, the clause and sentence before it) and, after
 * it, only to its closing parenthesis and within its footnote (both checked apart).
 */
const UNTOUCHED_MARGIN = 3000;

/**
 * The descriptions of a version's citations taken over from its previous version (see
 * `descriptionsFollow`): those of citations far enough before or after the changed stretch that
 * nothing they were read from changed — the same citation, its footnote (and the marker a note that
 * only cites is read at) away from the edit with the notes and markers unchanged, its closing
 * parenthesis before the edit, and the motions it may be read with linked to the same papers (a
 * repeated motion is linked across the letter). The others are described anew when asked.
 */
function carriedOver(doc: IndexedDocument): Map<KamerstukReference, CitationDescription | undefined> {
  const out = new Map<KamerstukReference, CitationDescription | undefined>();
  const previous = previousVersions.take(doc);
  const before = previous && descriptions.get(previous.analysis);
  if (!previous || !before?.size) return out;
  const change = changedStretch(previous.text, doc.text);
  const delta = change.newEnd - change.oldEnd;
  const near = (from: number, to: number): boolean => to + UNTOUCHED_MARGIN > change.start && from - UNTOUCHED_MARGIN < change.newEnd;
  const oldAt = keptAt(previous.analysis.references, before);
  const lookup = DocumentLookup.of(doc);
  const oldLookup = DocumentLookup.of(previous);
  lookup.followBrackets(oldLookup, change);
  const markerIn = (markers: readonly { readonly span: Span }[], from: number, to: number): boolean => markers.some((m) => m.span.offset < to && m.span.offset + m.span.length > from);
  const notesAlike =
    previous.analysis.footnotes.length === doc.analysis.footnotes.length &&
    previous.analysis.footnoteMarkers.length === doc.analysis.footnoteMarkers.length &&
    !markerIn(previous.analysis.footnoteMarkers, change.start - 1, change.oldEnd + 1) &&
    !markerIn(doc.analysis.footnoteMarkers, change.start - 1, change.newEnd + 1);
  const motionsAlike = unchangedMotions(lookup.motions(), oldLookup.motions(), change);
  for (const r of doc.analysis.references) {
    if (r.kind !== 'kamerstuk') continue;
    const end = r.span.offset + r.span.length;
    const isBefore = end + UNTOUCHED_MARGIN <= change.start;
    if (!isBefore && r.span.offset - UNTOUCHED_MARGIN < change.newEnd) continue;
    const shift = isBefore ? 0 : delta;
    // The previous version's citation of the same paper with the same length there.
    const oldRef = oldAt(r.span.offset - shift, (old) => old.span.length === r.span.length && old.dossier === r.dossier && old.nr === r.nr);
    if (!oldRef) continue;
    // Before the edit: what follows it up to its closing parenthesis lies before the edit too (the
    // text there is the same in both versions: this version's brackets tell).
    if (isBefore) {
      const close = lookup.closingBracketFrom(end);
      if (close < 0 || close >= change.start) continue;
    }
    // In a footnote: the same note, away from the edit, and the marker a note that only cites is read at.
    const note = lookup.footnoteHolding(r.span.offset);
    const oldNote = oldLookup.footnoteHolding(oldRef.span.offset);
    if (!!note !== !!oldNote) continue;
    if (note && oldNote) {
      if (!notesAlike || note.label !== oldNote.label || note.bodySpan.offset - shift !== oldNote.bodySpan.offset || note.bodySpan.length !== oldNote.bodySpan.length) continue;
      if (near(note.span.offset, note.bodySpan.offset + note.bodySpan.length)) continue;
      const marker = lookup.lastMarkerBefore(note.label, note.span.offset);
      const oldMarker = oldLookup.lastMarkerBefore(oldNote.label, oldNote.span.offset);
      if (!!marker !== !!oldMarker) continue;
      if (marker && oldMarker) {
        const markerShift = marker.span.offset >= change.newEnd ? delta : 0;
        if (near(marker.span.offset, marker.span.offset + marker.span.length) || marker.span.offset - markerShift !== oldMarker.span.offset) continue;
        // The description may be read before the marker, with the motions there.
        if (!motionsAlike(Math.max(0, marker.span.offset - UNTOUCHED_MARGIN), marker.span.offset)) continue;
      }
    }
    // The motions it may be read with, linked to the same papers.
    const from = Math.max(0, (note ? Math.min(note.bodySpan.offset, r.span.offset) : r.span.offset) - UNTOUCHED_MARGIN);
    if (!motionsAlike(from, end)) continue;
    // Its own place moved as the text around it did (a note's description may lie at its marker).
    const described = before.get(oldRef);
    out.set(r, described && movedDescription(described, change.oldEnd, delta));
  }
  descriptionWork.carried += out.size;
  return out;
}

/**
 * A description whose place is at or after `at` moved by `shift` (itself otherwise): as a later
 * version takes it over, here and where the main thread applies the worker's delta of descriptions.
 * Written out field by field: a spread of each of thousands of descriptions after an edit costs more.
 */
export function movedDescription(d: CitationDescription, at: number, shift: number): CitationDescription {
  if (shift === 0 || d.span.offset < at) return d;
  const out: { -readonly [K in keyof CitationDescription]: CitationDescription[K] } = { text: d.text, words: d.words, span: { offset: d.span.offset + shift, length: d.span.length }, form: d.form };
  if (d.names !== undefined) out.names = d.names;
  if (d.submitters !== undefined) out.submitters = d.submitters;
  if (d.date !== undefined) out.date = d.date;
  return out;
}

type MotionList = ReturnType<DocumentLookup['motions']>;

/**
 * Whether the motions between two offsets of a version are those of the previous version at the same
 * place (moved by the edit after it), each as long and linked to the same paper: asked of stretches
 * before or after the changed one (a stretch across it is not). Where the two versions' motions differ
 * is found once, comparing them in order.
 */
function unchangedMotions(now: MotionList, then: MotionList, change: ChangedStretch): (from: number, to: number) => boolean {
  const differ: number[] = [];
  const compare = (from: number, to: number, oldFrom: number, shift: number): void => {
    let i = lowerBound(now.offsets, from);
    const iEnd = lowerBound(now.offsets, to);
    let j = lowerBound(then.offsets, oldFrom);
    const jEnd = lowerBound(then.offsets, to - shift);
    while (i < iEnd || j < jEnd) {
      const a = i < iEnd ? now.offsets[i]! : Infinity;
      const b = j < jEnd ? then.offsets[j]! + shift : Infinity;
      if (a !== b) differ.push(Math.min(a, b));
      else if (!sameMotion(now.refs[i]!, then.refs[j]!)) differ.push(a);
      if (a <= b) i++;
      if (b <= a) j++;
    }
  };
  const delta = change.newEnd - change.oldEnd;
  compare(0, change.start, 0, 0);
  compare(change.newEnd, Infinity, change.oldEnd, delta);
  return (from, to) => (to <= change.start || from >= change.newEnd) && lowerBound(differ, from) === lowerBound(differ, to);
}

function sameMotion(m: MotionReference, o: MotionReference): boolean {
  if (m.span.length !== o.span.length || !!m.kamerstuk !== !!o.kamerstuk) return false;
  return !m.kamerstuk || (m.kamerstuk.dossier === o.kamerstuk!.dossier && m.kamerstuk.nr === o.kamerstuk!.nr);
}

/** What every Kamerstuk citation of a document version describes, by its index in the analysis's references (null: nothing), as plain data. */
export function describedCitations(doc: IndexedDocument): (CitationDescription | null)[] {
  return doc.analysis.references.map((r) => (r.kind === 'kamerstuk' ? (describedAs(doc, r) ?? null) : null));
}

/** Takes over what `describedCitations` made elsewhere (the analysis worker) of this version. */
export function adoptDescribedCitations(doc: IndexedDocument, described: readonly (CitationDescription | null)[]): void {
  const refs = doc.analysis.references;
  if (described.length !== refs.length) return;
  let known = descriptions.get(doc.analysis);
  // Made elsewhere: this version takes nothing over (its link to an earlier version goes).
  previousVersions.take(doc);
  if (!known) descriptions.set(doc.analysis, (known = new Map()));
  refs.forEach((r, i) => {
    if (r.kind === 'kamerstuk' && !known.has(r)) known.set(r, described[i] ?? undefined);
  });
}

function describeCitation(doc: IndexedDocument, r: KamerstukReference): CitationDescription | undefined {
  const lookup = DocumentLookup.of(doc);
  const text = lookup.text;
  // 1. Inside a footnote: the footnote's own words.
  const note = lookup.footnoteHolding(r.span.offset);
  if (note) {
    // Several citations in one footnote: each gets the words between the previous one and itself.
    const bodyEnd = note.bodySpan.offset + note.bodySpan.length;
    const citationsInNote = lookup.countCitationsStartingIn(note.bodySpan.offset, bodyEnd);
    const previous = lookup.citationBefore(r.span.offset, note.bodySpan.offset, bodyEnd);
    const from = previous ? previous.span.offset + previous.span.length : note.bodySpan.offset;
    const motion = motionBefore(doc, r, from, r.span.offset);
    if (motion) return motion;
    const segment = { offset: from, length: r.span.offset + r.span.length - from };
    const own = describe(text, citationsInNote > 1 ? segment : note.bodySpan, r.span, 'footnote');
    // A footnote that says something ("Ik ben voornemens … te zenden (Kamerstuk …)") gives the citation as a source, not a description.
    if (own && isCommentary(own)) return undefined;
    if (own && own.words.length >= 2) return own;
    if (citationsInNote > 1) return undefined;
    // A footnote that only cites: what its marker follows in the running text (the nearest marker
    // before it: a PDF numbers its footnotes per page).
    const marker = lookup.lastMarkerBefore(note.label, note.span.offset);
    return marker ? describeBefore(doc, r, marker.span.offset) : undefined;
  }
  // 2. "inzake X (Kamerstuk …)" / "over X, Kamerstuknummer …" right before the citation, in its sentence.
  const before = text.slice(Math.max(0, r.span.offset - 300), r.span.offset);
  const m = /\b(?:inzake|betreffende|getiteld|met als titel)\s+([^.;()\n]{8,280}?)[\s,:(]*$/i.exec(before);
  if (m) {
    const start = r.span.offset - before.length + m.index + m[0].indexOf(m[1]!);
    return describe(text, { offset: start, length: m[1]!.length }, undefined, 'clause');
  }
  // 3. A bullet item or table cell that is "description, Kamerstuknummer …" / "description | Kamerstuk …".
  // An item's description is short: only the end of a long line is read.
  const lineStart = lookup.lineStart(r.span.offset);
  const headStart = Math.max(lineStart, r.span.offset - MAX_ITEM_HEAD);
  let head = text.slice(headStart, r.span.offset);
  const cell = head.lastIndexOf('|', head.length - 3);
  const isTableCell = cell >= 0;
  if (isTableCell) head = head.slice(head.lastIndexOf('|', cell - 1) + 1);
  const isBullet = headStart === lineStart && /^\s*(?:[-•*–]|\d{1,2}[.)])\s+/.test(head);
  if ((isBullet || isTableCell) && /^[^.;]{8,200}?[\s,:(|–-]*$/.test(head) && !/\b(?:zie|ook|eerder|vorige|laatste|genoemde?)\b/i.test(head)) {
    const start = r.span.offset - head.length;
    const motion = motionBefore(doc, r, start, r.span.offset);
    return motion ?? describe(text, { offset: start, length: head.length }, undefined, 'list');
  }
  // 4. The citation in parentheses (or after a comma) right after what it cites: the motion, title or noun phrase before.
  const opener = /[([,]\s*$/.exec(text.slice(Math.max(0, r.span.offset - 4), r.span.offset));
  if (opener && !othersInParenthesis(doc, r)) return describeBefore(doc, r, r.span.offset - 4 + opener.index);
  return undefined;
}

/** True when another Kamerstuk is cited in the same parenthesis after this one: the phrase before describes them together. */
function othersInParenthesis(doc: IndexedDocument, r: KamerstukReference): boolean {
  const lookup = DocumentLookup.of(doc);
  const end = r.span.offset + r.span.length;
  const close = lookup.closingBracketFrom(end);
  if (close < 0) return false;
  return lookup.hasCitationStartingIn(end, close);
}

/** The description that ends at `at` (a parenthesis, a comma or a footnote marker), within its sentence. */
function describeBefore(doc: IndexedDocument, r: KamerstukReference, at: number): CitationDescription | undefined {
  const text = DocumentLookup.of(doc).text;
  const sentence = sentenceAround(doc, { offset: Math.max(0, at - 1), length: 1 });
  // The clause the citation closes: after the last semicolon or parenthesis. A colon may be inside
  // a title ("Aanpak netcongestie: sneller uitbreiden elektriciteitsnet"), a line break inside a
  // sentence of a PDF's text; paragraphs and list items are sentences of their own.
  let from = sentence.offset;
  for (let i = at - 1; i >= sentence.offset; i--) {
    const c = text.charCodeAt(i);
    if (c === 59 || c === 40 || c === 41 || c === 93 /* ; ( ) ] */) {
      // A footnote marker ("[footnoteRef:2]", "[3]") is no boundary.
      if (text[i] === ']' && /\[(?:footnoteRef:)?\d+\]$/.test(text.slice(Math.max(0, i - 20), i + 1))) continue;
      from = i + 1;
      break;
    }
  }
  // Without the punctuation and footnote markers just before `at`.
  let end = at;
  for (;;) {
    const tail = /(?:\[(?:footnoteRef:)?\d+\]|[\s.,;:])+$/.exec(text.slice(from, end));
    if (!tail || !tail[0].length) break;
    end -= tail[0].length;
  }
  if (end <= from) return undefined;
  // A footnote marker after the full stop is the source of the whole sentence: only a motion, a
  // title or a letter named at its end is what it cites ("… in de Kamerbrief over X.[3]").
  const afterSentence = /[.!?]/.test(text.slice(end, at));
  return motionBefore(doc, r, from, end) ?? quotedBefore(text, from, end) ?? clauseBefore(text, from, end) ?? phraseBefore(text, from, end, afterSentence);
}

/**
 * A motion mentioned right before: "de motie van het lid Mutluer c.s. over X" → X, with the
 * submitters. A motion named without its subject ("de motie-Van Campen c.s.") is a description
 * without words.
 */
function motionBefore(doc: IndexedDocument, r: KamerstukReference, from: number, to: number): CitationDescription | undefined {
  const lookup = DocumentLookup.of(doc);
  const m = lookup.lastMotionWithin(from, to);
  if (!m) return undefined;
  // A motion that its sentence gives another number belongs to that number.
  if (m.kamerstuk && (normalizeDossier(m.kamerstuk.dossier) !== r.dossier || m.kamerstuk.nr !== r.nr)) return undefined;
  const mEnd = m.span.offset + m.span.length;
  if (lookup.hasCitationStartingIn(mEnd, to)) return undefined;
  const after = lookup.text.slice(mEnd, to);
  const names = { names: 'motion' as const, submitters: m.submitters };
  const over = /^\s*,?\s*(?:over|om|inzake|betreffende|ten aanzien van|met betrekking tot)\s+/i.exec(after);
  if (!over || /[()]/.test(after)) return { text: lookup.text.slice(m.span.offset, mEnd).replace(/\s+/g, ' '), words: [], span: m.span, form: 'motion', ...names };
  const start = mEnd + over[0].length;
  const subject = trimVerbs(lookup.text.slice(start, to));
  const described = describe(lookup.text, { offset: start, length: subject.length }, undefined, 'motion', false);
  return described ? { ...described, ...names } : { text: '', words: [], span: m.span, form: 'motion', ...names };
}

/** A title in quotes or italics right before: ‘…’, “…”, "…", '…', «…», *…*, _…_. */
function quotedBefore(text: string, from: number, to: number): CitationDescription | undefined {
  const { body, date } = withoutDate(text.slice(from, to));
  const close = /([’'"”»*_])\s*$/.exec(body);
  if (!close) return undefined;
  const opening: Record<string, string> = { '’': '‘\'', "'": "'", '"': '"“', '”': '“"', '»': '«', '*': '*', _: '_' };
  const closeAt = close.index;
  for (let i = closeAt - 1; i >= Math.max(0, closeAt - 250); i--) {
    if (!opening[close[1]!]!.includes(body[i]!)) continue;
    // An apostrophe inside a word ("nota's") opens nothing.
    if (/\p{L}/u.test(body[i - 1] ?? '')) continue;
    const inner = body.slice(i + 1, closeAt);
    if (inner.trim().length < 6) return undefined;
    const lead = body.slice(Math.max(0, i - 40), i);
    const described = describe(text, { offset: from + i + 1, length: inner.length }, undefined, 'quoted', false);
    if (!described) return undefined;
    return { ...described, ...kindOf(lead), ...(date ? { date } : {}) };
  }
  return undefined;
}

/** Words of a sentence, not of a title: a subject and a finite verb, or more words than a title has. */
function isCommentary(d: CitationDescription): boolean {
  if (d.words.length > 16) return true;
  return d.words.length > 3 && /\b(?:ik|wij|we|zal|zullen|heeft|hebben|ben|wordt|worden|werd|werden|is|zijn|was|waren|kan|kunnen)\b/i.test(d.text);
}

/** "de brief inzake X", "de notitie getiteld X" within the clause. */
function clauseBefore(text: string, from: number, to: number): CitationDescription | undefined {
  const s = text.slice(from, to);
  const m = /\b(?:inzake|betreffende|getiteld|met als titel|met de titel|onder de titel)\s+([^.;()\n]{8,280})$/i.exec(s);
  if (!m) return undefined;
  const start = from + m.index + m[0].indexOf(m[1]!);
  const described = describe(text, { offset: start, length: m[1]!.length }, undefined, 'clause');
  return described && { ...described, ...kindOf(s.slice(0, m.index)) };
}

interface Token {
  /** Lower case, accents folded. */
  readonly w: string;
  readonly raw: string;
  readonly start: number;
  readonly end: number;
}

/** Determiners and possessives that open a noun phrase. */
const DETERMINERS = new Set(['de', 'het', 'een', 'mijn', 'onze', 'uw', 'bijgaande', 'voornoemde', 'bovengenoemde']);
/** Prepositions and conjunctions that carry a noun phrase on ("de brief van de minister over de industrie en de energie"). */
const LINKS = new Set(['over', 'ten', 'door', 'van', 'voor', 'inzake', 'betreffende', 'omtrent', 'met', 'op', 'naar', 'aan', 'ter', 'tot', 'in', 'uit', 'rond', 'rondom', 'bij', 'tegen', 'tussen', 'onder', 'per', 'en', 'of', 'der']);
const ARTICLES = new Set(['de', 'het', 'een', 'haar', 'zijn', 'hun', 'onze', 'mijn', 'uw']);
/** Prepositions after which a document may be named without a determiner ("in Kamerbrief X"). */
const PREPOSITIONS = new Set(['in', 'met', 'uit', 'volgens', 'conform', 'blijkens', 'naar', 'bij', 'op', 'over', 'via', 'aan', 'van', 'voor', 'zie']);
/** Words that end a noun phrase: a relative clause, a subordinate clause, a finite verb. */
const PHRASE_ENDS = new Set(
  (
    'die dat waarin waarmee waarover waarbij welke zoals omdat waardoor wat toen nadat terwijl zodat waarna waarop hetgeen ' +
    'heb hebt heeft hebben had hadden is ben bent zijn was waren wordt worden werd werden zal zult zullen zou zouden kan kunnen kon konden ' +
    'moet moeten ga gaat gaan staat staan stond stonden stuur stuurde stuurden informeer informeerde'
  ).split(' '),
);
/** A document named by its kind: the last part of the word ("Kamerbrief", "Biodiversiteitsplan", "Technologiestrategie", "Voorjaarsnota"). */
const DOCUMENT_NOUN = /(?:brief|nota|notitie|plan|strategie|visie|agenda|programma|akkoord|rapport|rapportage|verslag|reactie|appreciatie|evaluatie|monitor|begroting|wetsvoorstel|beleidsdoorlichting|advies|verkenning|routekaart|overzicht|fiche|motie|amendement|beantwoording|onderzoek|analyse|handreiking|standpunt|wet)$/;
/** The same kinds in the plural: a phrase that names several documents describes none of them alone. */
const PLURAL_NOUN = /(?:brieven|nota's|notas|notities|plannen|strategieen|visies|agenda's|programma's|akkoorden|rapporten|rapportages|verslagen|reacties|evaluaties|moties|amendementen|adviezen|onderzoeken)$/;
/** Participles and verbs a clause may end on after the phrase ("… heb aangegeven", "… toegezegd"). */
const PARTICIPLE = lazily(() => /^(?:ge\p{L}{3,}[dt]|(?:aan|toe|uit|op|in|voor|over|mee|vast|bij|af|door|terug|na|uiteen|bekend|kenbaar|ter)ge\p{L}{2,}(?:d|t|en)|beschreven|besproken|behandeld|bevestigd|benoemd|vermeld|verzonden|verstuurd|verschenen|ontvangen|verworpen|herhaald|toegelicht|opgenomen|aangenomen|ingediend|aangekondigd|aangegeven)$/u);

/**
 * The noun phrase that ends the clause, when it names a document: from the nearest determiner (or
 * preposition) whose phrase holds a document noun within its first words, to the end, cut before a
 * relative clause or a verb.
 */
function phraseBefore(text: string, from: number, to: number, lettersOnly = false): CitationDescription | undefined {
  const toks = tokens(text.slice(from, to), from);
  if (!toks.length) return undefined;
  // Verbs and participles the clause ends on are not part of the phrase.
  let last = toks.length - 1;
  while (last > 0 && (PARTICIPLE().test(toks[last]!.w) || PHRASE_ENDS.has(toks[last]!.w)) && !PREPOSITIONS.has(toks[last - 1]!.w) && !DETERMINERS.has(toks[last - 1]!.w)) last--;
  for (let i = last; i >= 0; i--) {
    const t = toks[i]!;
    let headAt = -1;
    if (DETERMINERS.has(t.w)) {
      // The head within the next three words, after modifiers only ("de eerder genoemde brief", "het Nationaal Biodiversiteitsplan").
      for (let j = i + 1; j <= Math.min(i + 3, last); j++) {
        const w = toks[j]!.w;
        if (DETERMINERS.has(w) || PREPOSITIONS.has(w) || PHRASE_ENDS.has(w)) break;
        if (PLURAL_NOUN.test(w)) return undefined;
        if (DOCUMENT_NOUN.test(w)) {
          headAt = j;
          break;
        }
      }
    } else if (DOCUMENT_NOUN.test(t.w) && /^\p{Lu}/u.test(t.raw) && (i === 0 || PREPOSITIONS.has(toks[i - 1]!.w))) {
      headAt = i;
    }
    if (headAt < 0) continue;
    // The phrase runs on to the end, unless a relative clause or a verb ends it first.
    let endAt = last;
    for (let j = headAt + 1; j <= last; j++) {
      if (PHRASE_ENDS.has(toks[j]!.w)) {
        endAt = j - 1;
        break;
      }
    }
    // A phrase that does not read as one (a verb after the document's name) describes nothing.
    if (!isNounPhrase(toks, headAt, endAt)) return undefined;
    const start = t.start;
    const span = { offset: start, length: toks[endAt]!.end - start };
    const head = toks[headAt]!.w;
    const names = /motie$/.test(head) ? 'motion' : /(?:brief|nota|notitie|beantwoording)$/.test(head) ? 'letter' : undefined;
    if (lettersOnly && names !== 'letter') return undefined;
    const described = describe(text, span, undefined, 'phrase');
    const date = dateIn(text.slice(span.offset, span.offset + span.length));
    const base = described ?? { text: text.slice(span.offset, span.offset + span.length).replace(/\s+/g, ' '), words: [], span, form: 'phrase' as const };
    return { ...base, ...(names ? { names } : {}), ...(date ? { date } : {}) };
  }
  return undefined;
}

/**
 * True when the words after a document's name read as its title or its topic: a title after the name
 * ("Kamerbrief Toekomstperspectief energie-intensieve industrie"), or a chain of short prepositional
 * phrases ("brief van 4 april 2025 over de voortgang van het Nationaal Groeifonds"). A lower-case
 * word right after the name, or a long run of words without a preposition, is a verb or a clause:
 * "deze brief hangen nauw samen met …".
 */
function isNounPhrase(toks: readonly Token[], headAt: number, endAt: number): boolean {
  if (endAt - headAt > 16) return false;
  const next = toks[headAt + 1];
  if (!next || headAt >= endAt) return true;
  // A title right after the name.
  if (/^\p{Lu}/u.test(next.raw) && !LINKS.has(next.w)) return true;
  let run = 0;
  let after: 'head' | 'link' | 'article' | 'word' = 'head';
  for (let j = headAt + 1; j <= endAt; j++) {
    const t = toks[j]!;
    if (LINKS.has(t.w)) {
      if (j === endAt) return false;
      after = 'link';
      run = 0;
    } else if (ARTICLES.has(t.w)) {
      if (after !== 'link') return false;
      after = 'article';
    } else if (/^\d/.test(t.w)) {
      // A year or number belongs to the name ("Voorjaarsnota 2024", "van 4 april 2025").
      if (after === 'link' || after === 'article') after = 'word';
    } else {
      if (after === 'head') return false;
      run = after === 'word' ? run + 1 : 1;
      after = 'word';
      if (run > 3 && !/^\p{Lu}/u.test(t.raw)) return false;
    }
  }
  return true;
}

function tokens(s: string, base: number): Token[] {
  const out: Token[] = [];
  for (const m of s.matchAll(/[\p{L}\p{N}]+(?:['’\-/][\p{L}\p{N}]+)*/gu)) {
    out.push({ w: m[0].normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/’/g, "'"), raw: m[0], start: base + m.index!, end: base + m.index! + m[0].length });
  }
  return out;
}

/** What a few words before a title say it is: "de motie …", "de brief …". */
function kindOf(lead: string): { names?: 'motion' | 'letter' } {
  if (/\bmotie\b[^.]*$/i.test(lead)) return { names: 'motion' };
  if (/(?:brief|nota|notitie)\b[^.]*$/i.test(lead)) return { names: 'letter' };
  return {};
}

/** A text without a date phrase at its end ("… van 25 maart 2025"), and the date. */
function withoutDate(s: string): { body: string; date?: string } {
  const m = new RegExp(`(?:${DATE.source})\\s*,?\\s*$`, 'i').exec(s);
  if (!m) return { body: s };
  const date = parseDutchDate(m[1]!);
  return { body: s.slice(0, m.index).replace(/[\s,]+$/, ''), ...(date ? { date } : {}) };
}

/** The first date phrase in a text, ISO (when it has a year). */
function dateIn(s: string): string | undefined {
  const m = DATE.exec(s);
  return m ? parseDutchDate(m[1]!) : undefined;
}

/** Verbs and participles a motion's subject runs into before the citation ("… ongedaan maken aangenomen"). */
function trimVerbs(s: string): string {
  let out = s.replace(/[\s,.;:]+$/, '');
  for (;;) {
    const m = /\s+([\p{L}]+)$/u.exec(out);
    if (!m || !(PARTICIPLE().test(m[1]!.toLowerCase()) || /^(?:is|zijn|werd|wordt|heeft|heb|hebben)$/i.test(m[1]!))) return out;
    out = out.slice(0, m.index);
  }
}

/** The words of `within` without the citation itself, its keyword and a date. */
function describe(text: string, within: Span, citation: Span | undefined, form: DescriptionForm, stripLead = true): CitationDescription | undefined {
  let s = text.slice(within.offset, within.offset + within.length);
  if (citation) {
    const a = citation.offset - within.offset;
    s = s.slice(0, Math.max(0, a)) + ' ' + s.slice(a + citation.length);
  }
  const date = dateIn(s);
  s = s.replace(/↩︎?/g, ' ').replace(/\[(?:footnoteRef:)?\d+\]/g, ' ').replace(KEYWORD, ' ').replace(/\b\d{1,3}\s?\d{3}(?:[-\s]?[A-Z]{1,5})?(?:,?\s*nr\.?\s*\d+|-\d+)\b/g, ' ').replace(/\s+/g, ' ').trim();
  s = s.replace(/^\s*(?:[-•*–]|\d{1,2}[.)])\s+/, '').replace(/\|/g, ' ');
  const names = form === 'footnote' || form === 'list' ? kindOf(s.slice(0, 30)) : {};
  if (stripLead) s = s.replace(LEAD, '');
  s = s.replace(DATE, ' ').replace(/\s+/g, ' ').replace(/^[\s,;:.)–-]+/, '').replace(/[\s,;:.(–-]+$/, '').trim();
  const words = contentWords(s);
  return words.length ? { text: s, words, span: within, form, ...names, ...(date ? { date } : {}) } : undefined;
}
