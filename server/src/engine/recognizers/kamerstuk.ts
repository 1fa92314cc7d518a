import { FlatText } from '../flatText';
import { pushAll } from '../arrays';
import { Sentences } from '../sentences';
import { kamerstukKey, type KamerstukId } from '../identifiers';
import { wholeDocumentQuestion, type WholeDocumentAnswers } from './wholeDocumentAnswers';
import type { DossierReference, KamerstukCitationForm, KamerstukReference } from '../model';
import {
  BillCues,
  CITATION_CANDIDATE,
  type CitationReading,
  type LineLayout,
  type NumberPiece,
  numberEnd,
  readChainedCitation,
  readCitationAt,
  readListedBareCitation,
  readWholeCitation,
  readWholeContinuation,
} from './citationGrammar';
import { lazily } from '../lazily';

/**
 * Finds every Kamerstuk citation (and dossier-only citation) in the flattened text.
 *
 * A cheap scan finds candidates (the word Kamerstuk, "dossier", "Tweede Kamer", "kst-", a five-digit
 * number, "206 (", a Roman numeral before a comma); the citation grammar reads each one. A citation
 * may be followed by further ones that take their cue from it ("Kamerstukken 30 821 nr. 97 en 30 821
 * nr. 113").
 *
 * A bare dash form with no cue ("kenmerk 31125-121/2022D38590") could be anything written with a
 * dash; it counts only when the same paper is cited plainly elsewhere in the document, which makes
 * it a re-citation of that paper (the commission's kenmerk of a letter cited in the same sentence),
 * or where the layout is that of a list of papers: the id closes a line after its title and " - ",
 * or stands on a line of its own.
 */
export function recognizeKamerstukken(flat: FlatText, sentences: Sentences = Sentences.ofFlat(flat), report?: KamerstukReport): (KamerstukReference | DossierReference)[] {
  const s = flat.text;
  const readings: CitationReading[] = [];
  const held: CitationReading[] = [];
  let consumed = 0;
  let lastEnd = -1;
  const layout = lineLayoutOf(flat);
  const bills = new BillCues(s, sentences, layout);
  const re = new RegExp(CITATION_CANDIDATE.source, CITATION_CANDIDATE.flags);
  for (let m = re.exec(s); m; m = re.exec(s)) {
    if (m.index < consumed) {
      re.lastIndex = consumed;
      continue;
    }
    // A Handelingen citation "1154 (33 529)" right after another citation continues its list.
    const cued = lastEnd >= 0 && m.index - lastEnd <= 5 && /^(?:,? en |, |; )$/.test(s.slice(lastEnd, m.index));
    const reading = readCitationAt(s, m.index, cued, bills);
    if (!reading) {
      re.lastIndex = m.index + 1;
      continue;
    }
    let last = reading;
    if (reading.unconfirmed) {
      // A list of bare ids ("34722-1; 33997-95; 23908-(R1519)-131") is as plain as its plainest item,
      // or as the "stukken" it is a list of.
      const list = [reading];
      for (let next = readListedBareCitation(s, last.end); next && list.length < MOST_LISTED; next = readListedBareCitation(s, last.end)) {
        list.push(next);
        last = next;
      }
      const plain = list.some((r) => !r.unconfirmed) || (list.length > 1 && LIST_OF_PAPERS().test(s.slice(Math.max(0, reading.start - LIST_CUE_REACH), reading.start)));
      pushAll(plain ? readings : held, list);
      consumed = last.end;
      re.lastIndex = consumed;
      continue;
    }
    readings.push(reading);
    if (reading.numbers.length > 0) {
      for (let next = readChainedCitation(s, last.end); next; next = readChainedCitation(s, last.end)) {
        readings.push(next);
        last = next;
      }
      lastEnd = last.end;
    }
    consumed = last.end;
    re.lastIndex = consumed;
  }

  const cited = new Set<string>();
  for (const r of readings)
    for (const n of r.numbers) {
      const key = kamerstukKey({ dossier: r.dossiers[0]!.dossier, nr: n.nr });
      cited.add(key);
      report?.cited.push({ at: flat.sourceOffset(r.start), key });
    }
  // Whether the document cites a paper plainly: this text, or (for a stretch of a document) the rest of
  // it. Every answer is kept in the report.
  const isCited = wholeDocumentQuestion(cited, report);
  for (const r of held) {
    if (isCited(kamerstukKey({ dossier: r.dossiers[0]!.dossier, nr: r.numbers[0]!.nr })) || numbersListEntry(s, r, layout)) readings.push(r);
  }

  const out: (KamerstukReference | DossierReference)[] = [];
  const budget = { rangeNumbers: MOST_RANGE_NUMBERS };
  for (const r of readings) pushAll(out, referencesOf(flat, r, budget));
  if (report) report.rangeNumbersUsed += MOST_RANGE_NUMBERS - budget.rangeNumbers;
  out.sort((a, b) => a.span.offset - b.span.offset);
  return out;
}

/**
 * What a reading of a stretch of a document needs to know of what the recognizer decided about the
 * whole. A bare dash form counts when the document cites the same paper plainly: `cited` collects
 * where the text cites papers plainly (source offsets of the text read, with the paper's key);
 * `answers`, the papers asked about with their answer (an answer it holds is taken from it);
 * `elsewhere`, for a stretch, whether the rest of the document cites the paper plainly. And how much
 * of the document's budget for ranges was spent.
 */
export interface KamerstukReport extends WholeDocumentAnswers<string> {
  readonly cited: { readonly at: number; readonly key: string }[];
  rangeNumbersUsed: number;
}

/** The most numbers that ranges may add to one document (see referencesOf). */
export const RANGE_NUMBERS_BUDGET = 2000;

/**
 * "Reactie op het verzoek van het lid Van Toorenburg … - 29911-194" closing a line, or "- 29911-194"
 * as a line of its own: the layout of a list of papers (ingekomen stukken, an agenda), which prints
 * each entry's Kamerstuk after its title.
 */
function numbersListEntry(s: string, r: CitationReading, layout: LineLayout): boolean {
  if (!layout.endsLine(r.end)) return false;
  return ENTRY_DASH_BEFORE.test(s.slice(Math.max(0, r.start - 4), r.start)) || layout.startsLine(r.start);
}

const ENTRY_DASH_BEFORE = /\S [-–—] $/;

/** Where the source's lines start and end, asked of flat offsets. */
function lineLayoutOf(flat: FlatText): LineLayout {
  const src = flat.source;
  return {
    startsLine(at: number): boolean {
      const o = flat.sourceOffset(at);
      const from = Math.max(0, o - LINE_MARK_REACH);
      return (from === 0 ? LINE_START_OR_TEXT_START : LINE_START).test(src.slice(from, o));
    },
    endsLine(at: number): boolean {
      const o = at <= 0 ? 0 : flat.sourceOffset(at - 1) + 1;
      return LINE_END.test(src.slice(o, o + LINE_MARK_REACH));
    },
  };
}

/** How far a list mark may reach before a line's text: "  • - ", "12. ". */
const LINE_MARK_REACH = 12;
const LINE_START = /\n[ \t\u00a0]*(?:(?:[-•*–▪●][ \t\u00a0]*){1,2}|\d{1,2}[.)][ \t\u00a0]*)?$/;
const LINE_START_OR_TEXT_START = /(?:^|\n)[ \t\u00a0]*(?:(?:[-•*–▪●][ \t\u00a0]*){1,2}|\d{1,2}[.)][ \t\u00a0]*)?$/;
const LINE_END = /^[ \t\u00a0]*(?:\r?\n|$)/;

/** The longest list of bare ids read as one. */
const MOST_LISTED = 100;
/**
 * "de volgende stukken …:", "de volgende moties opnieuw aan te houden:": what a list of bare ids is said
 * to be (papers, motions, amendments), in the sentence that ends in a colon just before it.
 */
const LIST_OF_PAPERS = lazily(() => /(?<![\p{L}])(?:[Kk]amerstukken|[Ss]tukken|[Mm]oties|[Aa]mendementen)(?![\p{L}])[^.;]*:\s*$/u);
const LIST_CUE_REACH = 300;

/**
 * The most numbers that ranges may add to one document ("nrs. 1 t/m 50" stands for 50 references in
 * 14 characters): beyond it a range stands for its first and last number only, so that no text makes
 * the references outgrow it.
 */
const MOST_RANGE_NUMBERS = RANGE_NUMBERS_BUDGET;

/** The references one reading stands for: one per ondernummer, or one per dossier when it has none. */
function referencesOf(flat: FlatText, r: CitationReading, budget: { rangeNumbers: number }): (KamerstukReference | DossierReference)[] {
  const s = flat.text;
  if (r.numbers.length === 0) {
    // "Kamerstukken 32 637 en 32 813" names two dossiers; "(34.300 IV / CXIX)" one subject filed in
    // both, cited once: the first dossier, the text up to the last.
    const cited: { start: number; end: number; dossier: string }[] = [];
    r.dossiers.forEach((d, i) => {
      const previous = cited[cited.length - 1];
      if (previous && s.slice(r.dossiers[i - 1]!.end, d.start).includes('/')) previous.end = d.end;
      else cited.push({ start: i === 0 ? r.start : d.start, end: d.end, dossier: d.dossier });
    });
    return cited.map((c) => ({ kind: 'dossier' as const, span: flat.sourceSpan(c.start, c.end), text: flat.sourceText(c.start, c.end), dossier: c.dossier }));
  }
  const first = r.dossiers[0]!;
  const also = r.dossiers.slice(1).map((d) => d.dossier);
  // A range ("nrs. 2210 tot en met 2214") stands for every number in it, each cited by the whole range;
  // beyond the document's budget only for its first and last.
  const numbers: { n: NumberPiece; nr: string; inRange: boolean }[] = [];
  for (const n of r.numbers) {
    numbers.push({ n, nr: n.nr, inRange: false });
    if (!n.range) continue;
    for (let k = Number(n.nr) + 1; k <= n.range.last; k++) {
      if (k < n.range.last && --budget.rangeNumbers < 0) continue;
      numbers.push({ n, nr: String(k), inRange: true });
    }
  }
  return numbers.map(({ n, nr, inRange }, i) => {
    const isLast = i === numbers.length - 1;
    const start = n.inherited ? (n.marker?.start ?? n.start) : r.start;
    const end = r.numberFirst ? r.end : numberEnd(n);
    const inherited = n.inherited || inRange;
    const separatorFrom = inRange ? n.end : n.inherited || r.numberFirst ? n.separatorStart : r.dossiers[r.dossiers.length - 1]!.end;
    const separatorTo = inRange ? n.range!.lastStart : r.numberFirst ? first.start : (n.marker?.start ?? n.start);
    const nrStart = inRange ? n.range!.lastStart : n.start;
    const nrEnd = inRange ? n.range!.end : n.end;
    const form: KamerstukCitationForm = {
      keyword: r.keyword && !inherited ? s.slice(r.keyword.start, r.keyword.end) : null,
      dossierText: s.slice(first.start, first.end),
      numberMarker: n.marker && !inRange ? n.marker.text : null,
      separator: r.numberFirst ? s.slice(n.end, first.start) : s.slice(separatorFrom, separatorTo) + (n.marker && !inRange ? s.slice(n.marker.start, n.start) : ''),
      dossierSpan: flat.sourceSpan(first.start, first.end),
      nrSpan: flat.sourceSpan(nrStart, nrEnd),
      dossierInherited: inherited,
      identifier: r.identifier,
    };
    const ref: KamerstukReference = {
      kind: 'kamerstuk',
      span: flat.sourceSpan(start, end),
      text: flat.sourceText(start, end),
      dossier: first.dossier,
      nr,
      ...(also.length ? { alsoDossiers: also } : {}),
      ...(r.chamber ? { chamber: r.chamber } : {}),
      ...(r.vergaderjaar ? { vergaderjaar: r.vergaderjaar } : {}),
      ...(isLast && r.pages ? { pages: r.pages.text } : {}),
      form,
    };
    return ref;
  });
}

/**
 * Parses one printed citation ("36 410-VI, nr. 87", "206 (28 844)", "Kamerstuk 35420, 57",
 * "kst-36600-XIII-65") into the paper's id, with the grammar the recognizer uses. The whole string
 * must be the citation. A bare ondernummer ("348", "nr. 348") takes its dossier from `previous`, the
 * citation printed just before it ("35 334, nrs. 383"). A joint paper gives its first dossier; a
 * list of numbers gives the first.
 */
export function parseKamerstukCitation(text: string, previous?: KamerstukId): KamerstukId | undefined {
  const s = new FlatText(text).text;
  const reading = readWholeCitation(s);
  if (reading) return { dossier: reading.dossiers[0]!.dossier, nr: reading.numbers[0]!.nr };
  if (previous) {
    const nr = readWholeContinuation(s);
    if (nr) return { dossier: previous.dossier, nr };
  }
  return undefined;
}
