/**
 * Footnote markers that text extraction turned into plain digits glued to the running text:
 * "industrie5", "februari 20211" (2021 + marker 1), "april 2022.2", "c.s..13", "software,21".
 *
 * Digits alone never prove a marker: "CO2", "Q4", "1,5", "nr.9" and "m2" end in digits too. The
 * footnote recognizers therefore only look for label N where the document's footnote sequence says
 * marker N must be (after marker N-1, before body N), and this module decides whether the digits at
 * one place can be that marker. Every rule errs on the side of "no": a missed marker leaves a digit
 * in the text, a wrong marker corrupts an amount or a date downstream.
 */

import { lowerBound } from '../sortedOffsets';
import { isDigitCode, isLetter, isSpaceCode } from '../chars';

/** How sure a glued-digit reading is; the search takes the first candidate of the best strength. */
export enum MarkerStrength {
  None = 0,
  /** "tot 2027 25 en": the label after a year with only a space between. */
  Weak = 1,
  /** "februari 20211", "april 2022.2", "(2020)13", "NLDTIB2". */
  Medium = 2,
  /** "industrie5", "brief.3", "c.s..13", "software,21", "miljard)24". */
  Strong = 3,
}

/** Abbreviations that a number follows as part of the citation ("nr.9", "p.3", "art.2"), never a marker. */
const NUMBERING_ABBREVIATIONS: ReadonlySet<string> = new Set([
  'nr', 'nrs', 'no', 'nos', 'p', 'pp', 'blz', 'art', 'artt', 'lid', 'par', 'hfst', 'hfdst', 'fig', 'tab',
  'bijl', 'vgl', 'vol', 'sub', 'jg', 'dd', 'ed', 'afl', 'stb', 'stcrt', 'trb', 'kst', 'ca', 'bijv',
  'versie', 'v', 'r', 'ov', 'cf',
]);

/** Words that end in digits without being a marker: units, chemistry, quarters, codes ("CO2", "m2", "Q4"). */
const DIGIT_SUFFIXED_WORDS: ReadonlySet<string> = new Set([
  'co', 'nox', 'so', 'ch', 'pm', 'km', 'cm', 'mm', 'kg', 'mw', 'gw', 'kw', 'tw', 'kwh', 'mwh', 'gwh', 'twh',
  'mt', 'pj', 'h', 'n', 'q', 'sdg', 'sdgs', 'f', 'a', 'g', 'covid', 'natura', 'horizon', 'euro', 'nace', 'sbi',
  'ipcei', 'isco', 'ets', 'cop', 'ghg', 'ggo', 'kpi', 'rfid', 'ipv', 'usb', 'wlan', 'iso', 'nen', 'en', 'ccs', 'ccus',
  'lng', 'fte', 'tier', 'level', 'fase', 'niveau', 'type', 'ronde', 'stap', 'bijlage', 'figuur', 'tabel', 'box',
  'kader', 'annex', 'pijler', 'scenario', 'optie',
]);

/** Function words that can follow "2027 25" when 25 is a spaced-off marker; a noun or unit there means a count. */
const WORDS_AFTER_SPACED_MARKER: ReadonlySet<string> = new Set([
  'en', 'of', 'maar', 'dan', 'voor', 'tot', 'in', 'op', 'met', 'van', 'is', 'zijn', 'wordt', 'worden', 'heeft',
  'hebben', 'was', 'waren', 'zal', 'zullen', 'kan', 'kunnen', 'om', 'dat', 'die', 'door', 'als', 'bij',
]);

const CLOSING_PUNCTUATION = '.,;:)]}”’"\'»!?';

/**
 * The strength with which the label's digits at [start, start + label.length) of the source read as a
 * glued footnote marker, or None. The caller has already matched the digits.
 */
export function gluedMarkerStrength(source: string, start: number): MarkerStrength {
  let end = start;
  while (end < source.length && isDigitCode(source.charCodeAt(end))) end++;
  if (end === start || end - start > 3) return MarkerStrength.None;
  if (!endsMarker(source, end)) return MarkerStrength.None;
  if (start === 0) return MarkerStrength.None;
  const prev = source[start - 1]!;

  if (isLetter(prev)) return strengthAfterWord(source, start);
  if (isDigitCode(prev.charCodeAt(0))) return strengthAfterYear(source, start);
  if (CLOSING_PUNCTUATION.includes(prev)) return strengthAfterPunctuation(source, start);
  if (prev === ' ') return strengthAfterSpacedYear(source, start, end);
  return MarkerStrength.None;
}

/** What may follow a marker: the end, white space or closing punctuation; never a digit, letter, "%" or unit. */
function endsMarker(source: string, end: number): boolean {
  if (end >= source.length) return true;
  const next = source[end]!;
  if (isSpaceCode(next.charCodeAt(0))) return true;
  if (next === '↩') return true;
  if (!CLOSING_PUNCTUATION.includes(next) && next !== '|') return false;
  // "20211," is fine; "3.5" or "2,5" (a decimal continuing) is not.
  const after = source.charCodeAt(end + 1);
  return !(next === '.' || next === ',') || !isDigitCode(after);
}

/** "industrie5", "beroepsbevolking15": a word of at least three letters, not a unit or code. */
function strengthAfterWord(source: string, start: number): MarkerStrength {
  const i = wordStart(source, start);
  const word = source.slice(i, start);
  if (word.length < 3) return MarkerStrength.None;
  if (i > 0 && isDigitCode(source.charCodeAt(i - 1))) return MarkerStrength.None; // "5G2", "A380B2"
  if (DIGIT_SUFFIXED_WORDS.has(word.toLowerCase())) return MarkerStrength.None;
  if (word === word.toUpperCase()) {
    // "NLDTIB2" reads as a marker; a three-letter acronym ("NTS42", but also "ETS2") only when nothing better is found.
    return word.length >= 4 ? MarkerStrength.Medium : MarkerStrength.Weak;
  }
  return MarkerStrength.Strong;
}

/** "februari 20211": a four-digit year with the label glued on, the whole no number of its own. */
function strengthAfterYear(source: string, start: number): MarkerStrength {
  let i = start;
  while (i > 0 && isDigitCode(source.charCodeAt(i - 1))) i--;
  if (!isStandaloneYear(source, i, start) || Number(source.slice(i, start)) > LATEST_YEAR_WITH_MARKER) return MarkerStrength.None;
  // "Postbus 20018", "P ostbus 20901" (letter-spaced by extraction): an address's number, not a year with a marker.
  return ADDRESS_NUMBER_BEFORE.test(source.slice(Math.max(0, i - 24), i)) ? MarkerStrength.None : MarkerStrength.Medium;
}

/** Years letters write about run to 2050 or so; "20901" is no year 2090 with marker 1. */
const LATEST_YEAR_WITH_MARKER = 2070;
const ADDRESS_NUMBER_BEFORE = /(?:p ?o ?s ?t ?b ?u ?s|antwoordnummer)\s$/i;

/** "brief.3", "2022.2", "c.s..13", "software,21", "miljard)24", "20%.2". */
function strengthAfterPunctuation(source: string, start: number): MarkerStrength {
  let i = start;
  while (i > 0 && start - i < 3 && CLOSING_PUNCTUATION.includes(source[i - 1]!)) i--;
  const run = source.slice(i, start);
  if (i === 0) return MarkerStrength.None;
  const before = source[i - 1]!;
  if (/c\.\s?s\.$/.test(source.slice(Math.max(0, start - 6), start - (run.endsWith('..') ? 1 : 0)))) {
    return MarkerStrength.Strong;
  }
  if (isDigitCode(before.charCodeAt(0))) {
    // A decimal, ratio or list ("1,5", "3:1", "2.5") unless the number is a year closing a sentence.
    if (run.includes(')')) return MarkerStrength.Medium; // "(2020)13"
    let j = i;
    while (j > 0 && isDigitCode(source.charCodeAt(j - 1))) j--;
    if (run === '.' && isStandaloneYear(source, j, i)) return MarkerStrength.Medium;
    return MarkerStrength.None;
  }
  if (before === '%') return run.startsWith('.') || run.startsWith(')') ? MarkerStrength.Strong : MarkerStrength.None;
  if (!isLetter(before)) return MarkerStrength.None;
  const word = source.slice(wordStart(source, i), i).toLowerCase();
  if (run.startsWith('.') && (NUMBERING_ABBREVIATIONS.has(word) || word.length < 2)) return MarkerStrength.None;
  if (run.startsWith(':') && word.length < 3) return MarkerStrength.None;
  return MarkerStrength.Strong;
}

/** "van 2023 tot 2027 25 en": the marker spaced off a year, followed by a function word. */
function strengthAfterSpacedYear(source: string, start: number, end: number): MarkerStrength {
  const yearEnd = start - 1;
  let i = yearEnd;
  while (i > 0 && isDigitCode(source.charCodeAt(i - 1))) i--;
  if (!isStandaloneYear(source, i, yearEnd)) return MarkerStrength.None;
  const m = /^ ([a-z]{2,8})\b/.exec(source.slice(end, end + 12));
  return m && WORDS_AFTER_SPACED_MARKER.has(m[1]!) ? MarkerStrength.Weak : MarkerStrength.None;
}

/** True when source[from, to) is a year 1900–2099 standing alone (not part of "1.2021", "12021", "2021-"). */
function isStandaloneYear(source: string, from: number, to: number): boolean {
  if (to - from !== 4) return false;
  const c0 = source.charCodeAt(from);
  const c1 = source.charCodeAt(from + 1);
  if (!((c0 === 49 && c1 === 57) || (c0 === 50 && c1 === 48)) || !isDigitCode(source.charCodeAt(from + 2)) || !isDigitCode(source.charCodeAt(from + 3))) {
    return false;
  }
  if (from === 0) return true;
  const c = source[from - 1]!;
  return !(isDigitCode(c.charCodeAt(0)) || c === '.' || c === ',' || c === '-' || c === '/' || isLetter(c));
}

/**
 * Every place in a text where digits could be a glued marker, by label, found in one pass; the
 * footnote recognizers then ask for label N in a window of the text without scanning it again.
 */
export class GluedMarkerIndex {
  /**
   * For each label (as a number: labels never start with 0), where its digits end a digit run that
   * may be a marker. How strong each reading is, is worked out when a search first meets it.
   */
  private readonly sites = new Map<number, number[]>();
  private readonly strengths = new Map<number, MarkerStrength>();

  constructor(private readonly source: string) {
    const runs = /[0-9]+/g;
    for (let m = runs.exec(source); m; m = runs.exec(source)) {
      const runStart = m.index;
      const i = runStart + m[0].length;
      // What follows the run decides for every reading of it.
      if (!endsMarker(source, i)) continue;
      // A marker ends its digit run: "20211" holds the marker "1", never "21" or "021".
      let label = 0;
      for (let at = i - 1, scale = 1; at >= runStart && at >= i - 3; at--, scale *= 10) {
        label += (source.charCodeAt(at) - 48) * scale;
        if (source.charCodeAt(at) === 48) continue;
        let list = this.sites.get(label);
        if (!list) this.sites.set(label, (list = []));
        list.push(at);
      }
    }
    // A run gives each label at most one place, and runs come in order: every list is in order.
  }

  /**
   * The first position in [from, to) where `label` reads as a glued marker of at least `minimum`
   * strength. Medium and strong readings count in document order; a weak one only when nothing
   * better is in the window.
   */
  find(label: string, from: number, to: number, minimum: MarkerStrength = MarkerStrength.Weak): number | undefined {
    const list = /^[1-9]\d{0,2}$/.test(label) ? this.sites.get(Number(label)) : undefined;
    if (!list) return undefined;
    const lo = lowerBound(list, from);
    let weak: number | undefined;
    for (let k = lo; k < list.length && list[k]! + label.length <= to; k++) {
      const at = list[k]!;
      const strength = this.strengthAt(at);
      if (strength === MarkerStrength.None || strength < minimum) continue;
      if (strength >= MarkerStrength.Medium) return at;
      weak ??= at;
    }
    return weak;
  }

  private strengthAt(at: number): MarkerStrength {
    let strength = this.strengths.get(at);
    if (strength === undefined) {
      strength = gluedMarkerStrength(this.source, at);
      this.strengths.set(at, strength);
    }
    return strength;
  }
}

/** Start of the word that ends at `end`: letters, with apostrophes inside it ("programma’s"). */
function wordStart(source: string, end: number): number {
  let i = end;
  while (i > 0 && end - i < 40) {
    const c = source[i - 1]!;
    if (isLetter(c)) i--;
    else if ((c === '’' || c === "'") && i < end && i > 1 && isLetter(source[i - 2]!)) i--;
    else break;
  }
  return i;
}



