import { isDigitCode, isLetter, isLetterCode } from '../chars';
import { pushAll } from '../arrays';
import { wordTriePattern } from '../patterns';
import type { FlatText } from '../flatText';
import { Sentences } from '../sentences';
import type { AmountPeriod, AmountReference } from '../model';
import { parseWrittenNumber, readNumberToken, writtenNumberValue, type NumberNotation, type WrittenNumber } from './dutchNumber';
import { readCaptionedTables } from './amountTable';
import { ForwardMatches, type ScanReach } from './forwardMatches';
import { lowerBound } from '../sortedOffsets';
import { wholeDocumentQuestion, type WholeDocumentAnswers } from './wholeDocumentAnswers';
import { lazily } from '../lazily';

/**
 * Sums of money in euros, as Kamerbrieven and budget texts write them:
 *
 *   € 3 mrd · EUR 1,118 miljard · € 76,7 miljoen · 20 miljard euro · €250 · € 1.250,50 · € 250,-
 *   EUR 40 miljoen euro · € 10 tot 20 miljoen · tussen de 2 en 3 miljard euro · € 5 à 6 miljard
 *   een miljard euro · 2,4 miljard euro per jaar · structureel € 50 miljoen
 *
 * and a bare "100 miljoen" or "85 mln." where the context makes plain that it is money. The recognizer
 * anchors on every number in the flat text and reads outward with sticky patterns: a currency before
 * it, a scale word after it, a range's second number, a currency after it, period qualifiers. One pass;
 * bare amounts are decided in a second pass over the sentences, once the euro amounts are known:
 * a bare amount is money when the word after it names no counted thing ("8 miljard in", "47
 * miljoen gereserveerd", never "17 miljoen inwoners") and its sentence holds a euro amount or a
 * money word (budget, investering, subsidie, tekort, euro, ...), or a neighbouring sentence holds a
 * euro amount (or, for an abbreviated scale, a money word), or the document names the same sum with a
 * euro marker; never when the sentence names another currency or speaks of "het aantal". Figures in
 * a table whose caption gives the unit ("(bedragen x € 1.000)") are sums in that unit (amountTable.ts).
 */
export function recognizeAmounts(flat: FlatText, sentences: Sentences = Sentences.ofFlat(flat), report?: AmountReport): AmountReference[] {
  const text = flat.text;
  const found: AmountCandidate[] = [];
  // Every number start: a digit that no digit precedes (startsNumber says the rest).
  const digits = new RegExp(NUMBER_START.source, NUMBER_START.flags);
  const ahead = new MoneyWordsAhead(text);
  while (digits.test(text)) {
    // The match is the one digit.
    const i = digits.lastIndex - 1;
    if (!startsNumber(text, i)) continue;
    const read = readAmountAt(text, i, ahead);
    if (read.amount) found.push(read.amount);
    digits.lastIndex = Math.max(read.next, i + 1);
  }
  pushAll(found, readSpelledAmounts(text));
  // A table's caption names its unit, not a sum ("(bedragen x € 1.000)", "(x 1.000 euro)"); the
  // figures of its table are sums in that unit (amountTable.ts).
  const tables = readCaptionedTables(flat);
  found.sort((a, b) => a.start - b.start);
  const kept = tables.captions.length ? withoutCaptions(found, tables.captions) : found;
  for (const f of tables.figures) {
    kept.push({ start: f.start, end: f.end, value: f.value, notation: f.notation, currency: null, scale: null, qualifiers: [], tableUnit: f.unit });
  }
  // At one start, an amount read in the text goes before a table's figure.
  kept.sort((a, b) => a.start - b.start || (a.tableUnit ? 1 : 0) - (b.tableUnit ? 1 : 0));

  const withEuro = new Set<number>();
  const euroValues = new Set<number>();
  for (const a of kept) {
    if (a.currency === null) continue;
    withEuro.add(sentences.indexOf(a.start));
    euroValues.add(a.value);
    report?.euro.push({ at: flat.sourceOffset(a.start), value: a.value });
  }
  // Whether the document names a sum with a euro marker: this text, or (for a stretch of a document)
  // the rest of it. Every answer is kept in the report.
  const hasEuroValue = wholeDocumentQuestion(euroValues, report);
  const context: BareContext = { text, sentences, withEuro, hasEuroValue, bareAccepted: new Set<number>() };

  const amounts: AmountReference[] = [];
  let marks: ContextMarks | undefined;
  let lastEnd = -1;
  for (const a of kept) {
    if (a.start < lastEnd) continue;
    if (a.currency === null && !a.tableUnit) {
      const s = sentences.indexOf(a.start);
      marks ??= new ContextMarks(text);
      if (!isMoneyInContext(a, s, marks, context)) continue;
      context.bareAccepted.add(s);
    }
    lastEnd = a.end;
    amounts.push(toReference(flat, a));
  }
  return amounts;
}

const NUMBER_START = /(?<![0-9])[0-9]/g;

/** The amounts (sorted by start) that overlap no caption, or hold one as their unit (captions sorted, not overlapping each other). */
function withoutCaptions(amounts: readonly AmountCandidate[], captions: readonly { readonly start: number; readonly end: number }[]): AmountCandidate[] {
  const out: AmountCandidate[] = [];
  let c = 0;
  for (const a of amounts) {
    while (c < captions.length && captions[c]!.end <= a.start) c++;
    const caption = captions[c];
    // An amount that holds the caption ("€ 250 (x € 1.000)") read it as its own unit.
    if (caption && caption.start < a.end && !(a.start <= caption.start && caption.end <= a.end)) continue;
    out.push(a);
  }
  return out;
}

/** An amount found in the flat text, before it is mapped back to the source. */
interface AmountCandidate {
  readonly start: number;
  readonly end: number;
  readonly value: number;
  readonly valueMax?: number;
  readonly notation: NumberNotation;
  readonly currency: string | null;
  readonly scale: string | null;
  readonly qualifiers: readonly AmountPeriod[];
  /** For a table's figure: the unit its caption gives ("x € 1.000"), flat offsets. */
  readonly tableUnit?: { readonly text: string; readonly start: number; readonly end: number };
}

function toReference(flat: FlatText, a: AmountCandidate): AmountReference {
  return {
    kind: 'amount',
    span: flat.sourceSpan(a.start, a.end),
    text: flat.sourceText(a.start, a.end),
    value: a.value,
    ...(a.valueMax !== undefined ? { valueMax: a.valueMax } : {}),
    ...(a.qualifiers.length ? { qualifiers: a.qualifiers } : {}),
    notation: a.notation,
    currency: a.currency,
    scale: a.scale,
    ...(a.tableUnit ? { tableUnit: { text: a.tableUnit.text, span: flat.sourceSpan(a.tableUnit.start, a.tableUnit.end) } } : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// Scale words and currencies

/** A scale word after a number ("miljoen", "mln.", "mrd"). */
interface ScaleWord {
  readonly written: string;
  readonly multiplier: number;
  /** After the word itself. */
  readonly end: number;
  /** After the abbreviation's period when one is written ("mln."), else `end`. */
  readonly periodEnd: number;
  /** "min"/"min.": OCR of "mln", only trusted beside a euro marker. */
  readonly ocr: boolean;
  /** Large enough to be a sum of money on its own in running text ("100 miljoen"). */
  readonly standsAlone: boolean;
}

const SCALES: ReadonlyMap<string, { readonly multiplier: number; readonly abbreviation: boolean; readonly standsAlone: boolean }> = new Map([
  ['duizend', { multiplier: 1e3, abbreviation: false, standsAlone: false }],
  ['dzd', { multiplier: 1e3, abbreviation: true, standsAlone: false }],
  ['miljoen', { multiplier: 1e6, abbreviation: false, standsAlone: true }],
  ['mln', { multiplier: 1e6, abbreviation: true, standsAlone: true }],
  // As EU documents abbreviate; only beside a currency.
  ['mio', { multiplier: 1e6, abbreviation: true, standsAlone: false }],
  // PDF text recognition reads "mln" as "min"; see readScale.
  ['min', { multiplier: 1e6, abbreviation: true, standsAlone: false }],
  ['miljard', { multiplier: 1e9, abbreviation: false, standsAlone: true }],
  ['mld', { multiplier: 1e9, abbreviation: true, standsAlone: true }],
  ['mrd', { multiplier: 1e9, abbreviation: true, standsAlone: true }],
  ['biljoen', { multiplier: 1e12, abbreviation: false, standsAlone: true }],
]);

// A digit may follow: a footnote number glued to the word ("€ 5 miljoen3").
const SCALE_WORD = lazily(() => /(?:miljoen|miljard|biljoen|duizend|mln|mio|mld|mrd|dzd|min)(?![\p{L}])/iuy);

/**
 * The scale word at `at` (after at most one space). A "k" ("€ 500k") is read only when glued to
 * the number and a euro sign precedes it, since a bare "500 k" is anything but money.
 */
function readScale(text: string, at: number, thousandsK: boolean): ScaleWord | undefined {
  if (thousandsK && (text[at] === 'k' || text[at] === 'K') && !isLetterOrDigit(text[at + 1])) {
    return { written: text[at]!, multiplier: 1e3, end: at + 1, periodEnd: at + 1, ocr: false, standsAlone: false };
  }
  const p = text[at] === ' ' ? at + 1 : at;
  SCALE_WORD().lastIndex = p;
  const m = SCALE_WORD().exec(text);
  if (!m) return undefined;
  const key = m[0].toLowerCase();
  const scale = SCALES.get(key)!;
  const end = p + m[0].length;
  const periodEnd = scale.abbreviation && text[end] === '.' ? end + 1 : end;
  return { written: m[0], multiplier: scale.multiplier, end, periodEnd, ocr: key === 'min', standsAlone: scale.standsAlone };
}

/** A currency marker as written, and whether it is the euro. */
interface CurrencyMark {
  readonly written: string;
  readonly start: number;
  readonly end: number;
  readonly euro: boolean;
}

/**
 * "EUR", or another currency code or florin sign. Listed rather than any three capitals, since
 * "EZK 10 miljoen" and "NWO 5 miljoen" name who pays, not in what.
 */
const CODE_BEFORE = lazily(() => new RegExp(
  `(?<![\\p{L}])(?:EURO|EUR|${[
    'USD', 'GBP', 'CHF', 'JPY', 'CNY', 'RMB', 'DKK', 'SEK', 'NOK', 'PLN', 'CZK', 'HUF', 'RUB', 'INR', 'AUD', 'CAD',
    'HKD', 'SGD', 'KRW', 'BRL', 'TRY', 'ZAR', 'NZD', 'MXN', 'UAH', 'AWG', 'ANG', 'XCG', 'SRD', 'NLG',
  ].join('|')}|Afl\\.|NAf\\.|Naf\\.)$`,
  'u',
));

/** The currency written just before a number at `at` ("€250", "EUR 6", "USD 1"). */
function currencyBefore(text: string, at: number): CurrencyMark | undefined {
  const e = text[at - 1] === ' ' ? at - 1 : at;
  const c = text[e - 1];
  if (c === '€') return { written: c, start: e - 1, end: e, euro: true };
  if (c === '$') {
    const start = text.slice(e - 3, e) === 'US$' ? e - 3 : e - 1;
    return { written: text.slice(start, e), start, end: e, euro: false };
  }
  if (c === '£' || c === '¥' || c === 'ƒ') return { written: c, start: e - 1, end: e, euro: false };
  // Every code ends in a capital or a period ("EUR", "Afl.").
  if (c === undefined || !((c >= 'A' && c <= 'Z') || c === '.')) return undefined;
  const m = CODE_BEFORE().exec(text.slice(Math.max(0, e - 5), e));
  if (!m) return undefined;
  return { written: m[0], start: e - m[0].length, end: e, euro: m[0].startsWith('EUR') };
}

/** The currency that opens the second number of a range ("€ 10 miljoen tot € 20 miljoen"). */
const CURRENCY_AHEAD = /(?:€|EURO|EUR|US\$|\$|USD|GBP|£) ?/uy;

function currencyAhead(text: string, at: number): CurrencyMark | undefined {
  CURRENCY_AHEAD.lastIndex = at;
  const m = CURRENCY_AHEAD.exec(text);
  if (!m || !isDigitCode(text.charCodeAt(at + m[0].length))) return undefined;
  const written = m[0].trimEnd();
  return { written, start: at, end: at + written.length, euro: written === '€' || written.startsWith('EUR') };
}

/** A currency after the amount ("20 miljard euro", "5 miljoen EUR", "1 miljard dollar"). */
// Not "euro" opening a compound: "de 20 euro-landen".
const CURRENCY_AFTER = lazily(() => / ?(?:[Ee]uro|EURO|EUR|€|US-dollars?|dollars?|USD|\$|GBP|£|pond(?:en)? sterling|yuan|yen)(?![\p{L}]|-\p{L})/uy);

function currencyAfter(text: string, at: number): CurrencyMark | undefined {
  CURRENCY_AFTER().lastIndex = at;
  const m = CURRENCY_AFTER().exec(text);
  if (!m) return undefined;
  const written = m[0].trimStart();
  const start = at + m[0].length - written.length;
  const end = start + written.length;
  const euro = /^(?:euro|eur|€)$/i.test(written);
  // A sign or code followed by a number opens the next amount ("2.020 EUR 1,017 miljard").
  if (!/^[Ee]uro$/.test(written) && /^ ?\d/.test(text.slice(end, end + 2))) return undefined;
  return { written, start, end, euro };
}

// ---------------------------------------------------------------------------------------------
// One amount, read outward from its first number

/**
 * The words that can make a number a sum when they follow it: a scale word or a currency (and "bln",
 * which makes it no sum; see UNCERTAIN_SCALE). A superset of what readScale, currencyAfter and
 * currencyAhead read, matched anywhere.
 */
const MONEY_WORDS = ['miljoen', 'miljard', 'biljoen', 'duizend', 'mln', 'mio', 'mld', 'mrd', 'dzd', 'min', 'bln', 'bn', 'mia', 'euro', 'eur', 'dollar', 'usd', 'gbp', 'pond', 'yuan', 'yen'];
/**
 * What /miljoen|…|yen|[€$£]/gi finds, the words as a trie (wordTriePattern: the longest word where one
 * begins another, as "euro" listed before "eur" is), found quicker.
 */
export const MONEY_WORD = new RegExp(`${wordTriePattern(MONEY_WORDS)}|[€$£]`, 'g');
/** The reach of MONEY_WORD and QUALIFIER_WORD (see ScanReach): letters and signs only, no lookaround. */
const WORDS_ONLY: ScanReach = { acrossSpace: 0, lookahead: 0 };
/** How far after a number its scale word or currency may stand: a range's high end included ("10 tot en met EUR 20 miljoen"). */
const MONEY_WORD_REACH = 96;

/**
 * Where MONEY_WORD and QUALIFIER_WORD match, found as the numbers are read in order: the words after a
 * number that can make it a sum, the words before it that qualify it ("structureel").
 */
class MoneyWordsAhead {
  private readonly moneyWords = new MatchPositions();
  private readonly qualifiers = new MatchPositions();
  private readonly moneyScan: ForwardMatches;
  private readonly qualifierScan: ForwardMatches;

  constructor(text: string) {
    // Words without spaces or lookarounds: a slice ending before white space shows every match as the text has it.
    this.moneyScan = new ForwardMatches(text, MONEY_WORD, (m) => this.moneyWords.add(m.index), WORDS_ONLY);
    this.qualifierScan = new ForwardMatches(text, QUALIFIER_WORD, (m) => this.qualifiers.add(m.index), WORDS_ONLY);
  }

  /** True when a money word starts in [from, to); neither end may go back between calls. */
  within(from: number, to: number): boolean {
    this.moneyScan.cover(from, to);
    return this.moneyWords.anyWithin(from, to);
  }

  /** True when a qualifier word starts in [from, to); neither end may go back between calls. */
  qualifierWithin(from: number, to: number): boolean {
    this.qualifierScan.cover(from, to);
    return this.qualifiers.anyWithin(from, to);
  }
}

interface ReadResult {
  readonly amount?: AmountCandidate;
  /** Where the scan continues. */
  readonly next: number;
}

const UNCERTAIN_SCALE = lazily(() => / ?(?:bln|bn|mia)\.?(?![\p{L}])/iuy);
const BETWEEN_BEFORE = lazily(() => /(?:^|[^\p{L}])tussen (?:de )?$/iu);
const RANGE_SEPARATOR = / (?:tot en met|t\/m|tot|à|a|en) | ?[-–—] ?/y;
const WHOLE_EUROS = lazily(() => /,(?:--?|—|–)(?![\d\p{L}])/uy);
const QUALIFIER_AFTER = lazily(() => /(?: \(?(?:per jaar|p\.j\.|op jaarbasis|structureel|incidenteel|eenmalig|jaarlijks)| ?\/ ?jaar)(?![\p{L}])/iuy);
/** "structureel € 50 miljoen", "eenmalig ruim 1,2 miljard euro". */
const QUALIFIER_BEFORE = lazily(() => /(?:^|[^\p{L}])(structureel|incidenteel|eenmalig|jaarlijks) (?:(?:ruim|circa|ca\.|ongeveer|bijna|maximaal|minimaal|zo'n|nog|in totaal) ){0,2}$/iu);
/** A cheap test before QUALIFIER_BEFORE: one of its words in the window at all. */
const QUALIFIER_WORD = /structureel|incidenteel|eenmalig|jaarlijks/gi;
/** How far before an amount QUALIFIER_BEFORE looks. */
const QUALIFIER_REACH = 40;

function readAmountAt(text: string, at: number, ahead: MoneyWordsAhead): ReadResult {
  const currency = currencyBefore(text, at);
  if (!currency) {
    // Without a currency before it, a number is a sum only with a scale word or currency after it
    // (or after the high end of its range): most numbers are dates, counts and section numbers.
    const token = readNumberToken(text, at);
    if (!token) return { next: at + 1 };
    if (!ahead.within(at + token.length, at + token.length + MONEY_WORD_REACH)) return { next: at + token.length };
  }
  const low = readNumberAt(text, at, currency);
  if (!low) return { next: at + (readNumberToken(text, at)?.length ?? 1) };
  const lowStart = low.currency?.start ?? at;
  if (low.currency && isTableUnit(text, lowStart)) return { next: low.end };

  // "tussen (de) " ends in "n " or "e ": a cheap test before the pattern.
  const mayFollowBetween = text.charCodeAt(lowStart - 1) === 32 && (text.charCodeAt(lowStart - 2) === 110 || text.charCodeAt(lowStart - 2) === 101);
  const range = readRangeEnd(text, low, mayFollowBetween && BETWEEN_BEFORE().test(text.slice(Math.max(0, lowStart - 11), lowStart)));
  const last = range ? range.high : low;
  const scale = last.scale ?? low.scale;

  // A period after an abbreviation belongs to the amount only when the amount goes on after it.
  let end = last.scale ? last.scale.end : last.end;
  let after = last.scale && last.scale.periodEnd > last.scale.end ? currencyAfter(text, last.scale.periodEnd) : undefined;
  after ??= currencyAfter(text, end);
  if (after) end = after.end;
  // "€ 250 (x € 1.000)": the amendment's formula names the unit right after the figure.
  const unit = !scale ? inlineUnit(text, end) : undefined;
  if (unit) end = unit.end;

  // "EUR 1,2 bln": a scale word the recognizer cannot read with certainty ("bln" is "biljoen" in Dutch,
  // "billion" in English); no value beats a wrong one.
  if (!last.scale && sticky(UNCERTAIN_SCALE(), text, last.end)) return { next: last.end };
  const marks = [low.currency, range?.high.currency, after].filter((c): c is CurrencyMark => c !== undefined);
  if (marks.some((c) => !c.euro)) return { next: end };
  const euro = marks[0];
  if (!euro && !(scale?.standsAlone ?? false)) return { next: low.end };
  // "min" is OCR for "mln" only beside a euro marker; elsewhere it is minutes.
  if (scale?.ocr && !euro) return { next: end };

  const qualifiers: AmountPeriod[] = [];
  const before = ahead.qualifierWithin(lowStart - QUALIFIER_REACH, lowStart)
    ? QUALIFIER_BEFORE().exec(text.slice(Math.max(0, lowStart - QUALIFIER_REACH), lowStart))
    : null;
  if (before) qualifiers.push(period(before[1]!));
  // "30 à 35 mln. per jaar": the qualifier may follow an abbreviation's period.
  const qualifierAt = !after && last.scale && last.scale.periodEnd > end && sticky(QUALIFIER_AFTER(), text, last.scale.periodEnd) ? last.scale.periodEnd : end;
  for (let k = 0, p = qualifierAt; k < 3; k++) {
    QUALIFIER_AFTER().lastIndex = p;
    const m = QUALIFIER_AFTER().exec(text);
    if (!m) break;
    const q = period(m[0].replace(/^[ (/]+/, ''));
    if (!qualifiers.includes(q)) qualifiers.push(q);
    p += m[0].length;
  }

  const notations = [low.number.notation, range?.high.number.notation];
  const notation: NumberNotation = notations.includes('english') ? 'english' : notations.includes('dutch') ? 'dutch' : 'plain';
  const amount: AmountCandidate = {
    start: lowStart,
    end,
    value: (range ? range.lowValue : writtenNumberValue(low.number, low.scale?.multiplier ?? 1)) * (unit?.factor ?? 1),
    valueMax: range && unit ? range.highValue * unit.factor : range?.highValue,
    notation,
    currency: euro?.written ?? null,
    scale: scale?.written ?? null,
    qualifiers,
  };
  return { amount, next: end };
}

/** One number with the currency before it and the scale word after it. */
interface NumberPart {
  readonly currency?: CurrencyMark;
  readonly number: WrittenNumber;
  readonly token: string;
  /** After the number (and a ",-" for whole euros). */
  readonly end: number;
  readonly scale?: ScaleWord;
}

/** A thousands group after a space, as older official texts group them ("€ 2 000", "€ 134 300"). */
const SPACED_GROUP = / \d{3}(?![\d.,]\d|\d)/y;

function readNumberAt(text: string, at: number, currency: CurrencyMark | undefined): NumberPart | undefined {
  let token = readNumberToken(text, at);
  if (!token) return undefined;
  // "€ 2 000", "€ 50 000 000": after a euro sign, digits grouped by spaces are one number. (Without the
  // sign "2 000 banen" or "in 2 000 gevallen" are counts, and "10 000" next to other numbers is anything.)
  let written = token;
  if (currency?.euro && /^\d{1,3}$/.test(token)) {
    let p = at + token.length;
    for (let k = 0; k < 4 && sticky(SPACED_GROUP, text, p); k++) {
      written += text.slice(p, p + 4);
      p += 4;
    }
    if (written !== token) token = written.replace(/ /g, '');
  }
  const scale = readScale(text, at + written.length, currency?.euro === true && text[at + written.length] !== ' ');
  // A footnote number glued after a sentence's period ("€ 250.45 Het kabinet") is no decimal part.
  if (!scale && token.includes('.') && /^\d+\.\d{1,2}$/.test(token) && /^(?:$| \p{Lu})/u.test(text.slice(at + token.length, at + token.length + 2))) {
    token = token.slice(0, token.indexOf('.'));
    written = token;
  }
  const number = parseWrittenNumber(token, scale !== undefined);
  if (!number) return undefined;
  let end = at + written.length;
  if (!scale && number.decimals === 0) {
    WHOLE_EUROS().lastIndex = end;
    const m = WHOLE_EUROS().exec(text);
    if (m) end += m[0].length;
  }
  // Plain optional fields: conditional spreads here cost more than the rest of the reading.
  return { currency, number, token, end, scale };
}

interface RangeEnd {
  readonly high: NumberPart;
  readonly lowValue: number;
  readonly highValue: number;
}

/**
 * The high end of a range after `low`: "€ 10 tot 20 miljoen", "€ 10–20 mln", "€ 5 à 6 miljard",
 * "tussen de 2 en 3 miljard" (only after "tussen", since "EUR 230 miljoen en 70 miljoen" are two
 * sums). The scale of the high end applies to a low end written without one.
 */
function readRangeEnd(text: string, low: NumberPart, afterBetween: boolean): RangeEnd | undefined {
  const from = low.scale ? low.scale.end : low.end;
  RANGE_SEPARATOR.lastIndex = from;
  const sep = RANGE_SEPARATOR.exec(text);
  if (!sep || (sep[0] === ' en ' && !afterBetween)) return undefined;
  const p = from + sep[0].length;
  const currency = currencyAhead(text, p);
  const at = currency ? currency.end + (text[currency.end] === ' ' ? 1 : 0) : p;
  if (!isDigitCode(text.charCodeAt(at))) return undefined;
  const high = readNumberAt(text, at, currency);
  if (!high) return undefined;
  // "€ 5 miljoen tot 2025" is a sum and a year.
  if (low.scale && !high.scale) return undefined;
  // "2021 - € 5 miljoen" is a year and a sum; a range names its currency first.
  if (currency && !low.currency) return undefined;
  // "2022 – 100 miljoen euro" in a list is a year and a sum; "€ 50 tot 2025" a sum and a year.
  if (!low.currency && isYear(low.token)) return undefined;
  if (!low.scale && !high.scale && !currency && isYear(high.token)) return undefined;
  const highValue = writtenNumberValue(high.number, high.scale?.multiplier ?? 1);
  let lowValue = writtenNumberValue(low.number, low.scale?.multiplier ?? 1);
  if (!low.scale && high.scale) {
    // "€ 10 tot 20 miljoen": 10 miljoen; "€ 500.000 tot 1 miljoen": 500.000 as written.
    const scaled = writtenNumberValue(low.number, high.scale.multiplier);
    if (scaled < highValue) lowValue = scaled;
  }
  if (!(highValue > lowValue)) return undefined;
  return { high, lowValue, highValue };
}

function sticky(re: RegExp, text: string, at: number): boolean {
  re.lastIndex = at;
  return re.test(text);
}

function isYear(token: string): boolean {
  return /^(?:19|20)\d\d$/.test(token);
}

/**
 * The unit written right after a figure, in brackets, as amendments and budget tables in running text
 * do: "€ 250 (x € 1.000)", "€ 2 000 (x € 1 000)", "€ 45 (x € 1 mln)". The figure is in that unit.
 */
const INLINE_UNIT = / ?\((?:x|×) ?(?:€|EUR) ?1(?:((?:[. ]000){1,3})|(?: ?(mln|miljoen|mld|mrd|miljard)\.?))\)/y;

function inlineUnit(text: string, at: number): { readonly end: number; readonly factor: number } | undefined {
  INLINE_UNIT.lastIndex = at;
  const m = INLINE_UNIT.exec(text);
  if (!m) return undefined;
  const factor = m[1] ? 10 ** ((m[1].length / 4) * 3) : /^mil?j?o?e?n|^mln/.test(m[2]!) ? 1e6 : 1e9;
  return { end: at + m[0].length, factor };
}

/** "Bedragen x € 1.000": the unit of a table, not a sum; but "2 x € 50 miljoen" is two sums. */
function isTableUnit(text: string, currencyStart: number): boolean {
  let x = currencyStart - 1;
  if (text[x] === ' ') x--;
  if (text[x] !== 'x' && text[x] !== '×') return false;
  let before = x - 1;
  if (isLetter(text[before])) return false;
  if (text[before] === ' ') before--;
  return !isDigitCode(text.charCodeAt(before));
}

function period(written: string): AmountPeriod {
  const w = written.toLowerCase();
  if (w === 'structureel') return 'structureel';
  if (w === 'incidenteel' || w === 'eenmalig') return 'incidenteel';
  return 'perJaar';
}

// ---------------------------------------------------------------------------------------------
// Amounts spelled out: "een miljard euro", "anderhalf miljoen euro"

const SPELLED_NUMBERS: ReadonlyMap<string, number> = new Map([
  ['een half', 0.5], ['anderhalf', 1.5], ['een', 1], ['één', 1], ['twee', 2], ['drie', 3], ['vier', 4],
  ['vijf', 5], ['zes', 6], ['zeven', 7], ['acht', 8], ['negen', 9], ['tien', 10], ['elf', 11], ['twaalf', 12],
  ['vijftien', 15], ['twintig', 20], ['dertig', 30], ['veertig', 40], ['vijftig', 50], ['honderd', 100],
  ['tweehonderd', 200], ['driehonderd', 300], ['vijfhonderd', 500],
]);

/**
 * A spelled-out number counts only with an explicit euro after the scale word: "een miljoen
 * mensen" is a count, "een miljoen euro" a sum. The scan anchors on the rare " miljoen euro" and
 * looks back for the number word.
 */
const SCALE_THEN_EURO = lazily(() => /(miljoen|miljard|biljoen) (euro|EUR)(?![\p{L}])/giu);
/**
 * The matches of SCALE_THEN_EURO, in order, as a global scan from a position finds them, found
 * quicker: each of its scale words has its "j" fourth ("miljoen", "miljard", "biljoen"; either case),
 * and indexOf finds a letter in native code many times faster than the pattern reads the text, so
 * the pattern is tried only where a "j" or "J" stands three characters on, between an "l" and an "o"
 * or "a" (sticky, as the scan would try it there). No other character can start a match, so the first match at or after a position is
 * the one the global scan finds.
 */
export class ScaleThenEuroScan {
  private readonly sticky = new RegExp(SCALE_THEN_EURO().source, SCALE_THEN_EURO().flags.replace('g', '') + 'y');
  /** The next "j" and "J" at or after where they were last looked for (text.length when none is left). */
  private nextLower = -1;
  private nextUpper = -1;

  constructor(private readonly text: string) {}

  /** The first match of SCALE_THEN_EURO that starts at or after `from`, or null; `from` may not decrease between calls. */
  next(from: number): RegExpExecArray | null {
    const text = this.text;
    const n = text.length;
    for (let j = from + 3; j < n; ) {
      if (this.nextLower < j) this.nextLower = indexOrEnd(text, 'j', j);
      if (this.nextUpper < j) this.nextUpper = indexOrEnd(text, 'J', j);
      j = Math.min(this.nextLower, this.nextUpper);
      if (j >= n) break;
      // "lj" then "o" or "a" (either case, the only letters the pattern's i flag lets stand there), before the pattern itself.
      const after = text.charCodeAt(j + 1) | 32;
      if ((text.charCodeAt(j - 1) | 32) === 108 /* l */ && (after === 111 /* o */ || after === 97) /* a */) {
        this.sticky.lastIndex = j - 3;
        const m = this.sticky.exec(text);
        if (m) return m;
      }
      j++;
    }
    return null;
  }
}

function indexOrEnd(text: string, c: string, from: number): number {
  const i = text.indexOf(c, from);
  return i < 0 ? text.length : i;
}

const SPELLED_NUMBER_BEFORE = lazily(() => new RegExp(`(?<![\\p{L}\\d])(${[...SPELLED_NUMBERS.keys()].join('|')})$`, 'iu'));

function readSpelledAmounts(text: string): AmountCandidate[] {
  const out: AmountCandidate[] = [];
  const scales = new ScaleThenEuroScan(text);
  // As a global scan: after a match the next one is looked for after it, after a refused one from the next character.
  let from = 0;
  for (let m = scales.next(from); m; m = scales.next(from)) {
    from = m.index + m[0].length;
    // " miljoen euro": the space before is read here (the pattern without it is found quicker).
    if (m.index === 0 || text.charCodeAt(m.index - 1) !== 32) {
      from = m.index + 1;
      continue;
    }
    const space = m.index - 1;
    const before = SPELLED_NUMBER_BEFORE().exec(text.slice(Math.max(0, space - 12), space));
    if (!before) continue;
    const n = SPELLED_NUMBERS.get(before[1]!.toLowerCase())!;
    const start = space - before[0].length;
    const end = m.index + m[0].length;
    const qualifiers: AmountPeriod[] = [];
    QUALIFIER_AFTER().lastIndex = end;
    const q = QUALIFIER_AFTER().exec(text);
    if (q) qualifiers.push(period(q[0].replace(/^[ (/]+/, '')));
    out.push({
      start,
      end,
      value: n * SCALES.get(m[1]!.toLowerCase())!.multiplier,
      notation: 'plain',
      currency: m[2]!,
      scale: m[1]!,
      qualifiers,
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Bare amounts: "100 miljoen" is money when its sentence is about money

/**
 * Words that make a sentence about money. Matched as parts of words, so that compounds count too
 * ("STAP-budget", "investeringsvolume", "cofinanciering", "Groeifonds").
 */
const MONEY_CUE = new RegExp(
  [
    'budget', 'begrot', 'bijdrage', 'subsidie', 'middelen', 'kosten', 'kost ', 'investe', 'ïnvesteer', 'toeken',
    'toegekend', 'reserve', 'beschikbaar', 'financier', 'uitgaven', 'uitgegeven', 'omzet', 'opbrengst',
    'bespar', 'bespaard', 'lening', 'fonds', 'heffing', 'bedrag', 'bedraagt', 'premie', 'kapitaal', 'compensatie',
    'vergoeding', 'uitkering', 'betaald', 'betalen', 'envelop', 'bezuinig', 'intensiver', 'vrijgemaakt',
    'uitgetrokken', 'gestoken', 'oplevert', 'opbrengt', 'miljoenennota', 'voorjaarsnota', 'najaarsnota',
    'kasschuif', 'garantie', 'krediet', 'dekking', 'gedekt', 'besteed', 'besteden', 'tegenvall', 'meevall',
    'afdracht', 'ontvangsten', 'inkomsten', 'belasting', 'lasten', 'steun',
    // Balances and prices: "houdbaarheidstekort", "staatsschuld", "het duurste stukje asfalt".
    'tekort', 'overschot', 'schuld', 'rente', 'prijs', 'prijz', 'tarie', 'duurder', 'duurste', 'goedkop',
    'winst', 'waarde van',
    // Trade and spending in value: "40 miljard aan export", "een onrechtmatigheid van 1,3 miljard".
    'export', 'import', 'onrechtmatig',
    // "geld" and its compounds ("belastinggeld"), not the verb "geldt"/"gelden".
    'geld(?![a-z])',
    // "euro", "euro's" and "eurocent" elsewhere in the sentence, not "Europa", "Eurostat".
    "euro(?:['’]s|cent)?(?![a-z])",
  ].join('|'),
);

/** How far from a bare amount the words of its sentence are looked at. */
const CUE_REACH = 300;

const COUNT_BEFORE = lazily(() => /(?:^|[^\p{L}])aantal/iu);

/** Other currencies: a sentence that names only these is not about euros. */
const FOREIGN_CURRENCY = /(?:^|[^a-z])(?:usd|us-dollars?|dollars?|yuan|yen|gbp|pond sterling|roebels?)(?![a-z])|[$£¥]/;

/**
 * Words that may follow a bare "100 miljoen" in a sentence about money. Any other word makes it a
 * count of something ("17 miljoen inwoners", "2,5 miljard pillen", "5 miljoen ton").
 */
const FOLLOWERS = new Set([
  'aan', 'voor', 'in', 'uit', 'van', 'naar', 'op', 'per', 'met', 'bij', 'tot', 'om', 'over', 'door', 'tegen',
  'via', 'vanuit', 'vanaf', 'sinds', 'ten', 'te', 'extra', 'meer', 'minder', 'en', 'of', 'maar', 'dat', 'die',
  'dit', 'wat', 'waarvan', 'waarmee', 'waarvoor', 'is', 'zijn', 'was', 'waren', 'wordt', 'worden', 'werd',
  'werden', 'zal', 'zullen', 'kan', 'kunnen', 'moet', 'moeten', 'mag', 'heeft', 'hebben', 'had', 'hadden',
  'nodig', 'netto', 'bruto', 'structureel', 'incidenteel', 'jaarlijks', 'cumulatief', 'totaal', 'de', 'het',
  'een', 'als', 'dan', 'zoals', 'ofwel', 'oftewel', 'respectievelijk', 'mee', 'eenmalig', 'ineens', 'erbij',
  'vrij', 'uitgetrokken', 'gemoeid', 'gaat', 'gaan', 'ging', 'komt', 'komen', 'kwam', 'terwijl', 'waardoor',
  'zodat', 'omdat', 'want', 'wanneer', 'toen', 'nu', 'waarbij', 'waarin', 'ook', 'nog', 'al', 'ter',
  'levert', 'leverde', 'kost', 'kostte', 'bedraagt', 'bedroeg', 'betreft', 'betrof', 'omvat', 'vormt', 'bespaart',
  'uitgeeft', 'uitgeven', 'opzij', 'terug', 'weg', 'bijeen',
  // Adverbs: "160 mln. alleen voor de A2", "3 miljard zelfs".
  'alleen', 'zelfs', 'dus', 'namelijk', 'echter', 'wel', 'niet', 'weer', 'reeds', 'inmiddels', 'bovendien',
  'daarvoor', 'daarvan', 'daarbij', 'hiervoor', 'hiervan', 'hierbij', 'ongeveer', 'circa', 'minstens',
]);

/** Past participles ("gereserveerd", "toegekend", "vrijgemaakt", "verhoogd", "besteed"): something was done with the sum. */
const PARTICIPLE = lazily(() => /^(?:(?:uit|toe|vrij|op|bij|in|af|over|aan|vast|mee|terug|door|weg|ter)?ge|be|ver|ont|her)\p{L}{2,}[dt]$/u);

/**
 * Where the cue words, other currencies and counts occur: found only around the bare amounts, which
 * are judged in order of position, each part of the text scanned at most once.
 */
class ContextMarks {
  readonly moneyCues = new MatchPositions();
  readonly foreignCurrencies = new MatchPositions();
  readonly counts = new MatchPositions();
  private readonly scans: readonly ForwardMatches[];

  constructor(text: string) {
    this.scans = [
      new ForwardMatches(text, new RegExp(MONEY_CUE.source, 'gi'), (m) => this.moneyCues.add(m.index)),
      new ForwardMatches(text, new RegExp(FOREIGN_CURRENCY.source, 'gi'), (m) => this.foreignCurrencies.add(m.index)),
      new ForwardMatches(text, new RegExp(COUNT_BEFORE().source, 'giu'), (m) => this.counts.add(m.index)),
    ];
  }

  /** Finds the marks in [from, to); neither end may go back between calls. */
  cover(from: number, to: number): void {
    for (const scan of this.scans) scan.cover(from, to);
  }
}

/** The offsets at which a pattern matches, added in order, so that "any match in [from, to)?" takes log time. */
class MatchPositions {
  private readonly positions: number[] = [];

  add(position: number): void {
    this.positions.push(position);
  }

  anyWithin(from: number, to: number): boolean {
    const lo = lowerBound(this.positions, from);
    return lo < this.positions.length && this.positions[lo]! < to;
  }
}

/** What the judgement of a bare amount reads beside the amount itself. */
interface BareContext {
  readonly text: string;
  readonly sentences: Sentences;
  /** The sentences that hold an amount with a euro marker. */
  readonly withEuro: ReadonlySet<number>;
  /** The values of the amounts with a euro marker ("675 miljoen euro" makes a later bare "675 miljoen" money). */
  /** Whether the document names this sum with a euro marker. */
  readonly hasEuroValue: (value: number) => boolean;
  /** The sentences that hold a bare amount already taken as money. */
  readonly bareAccepted: Set<number>;
}

/**
 * What a reading of a stretch of a document needs to know of the one question about the whole text:
 * whether the document names a sum with a euro marker elsewhere. `euro` collects where the text names
 * a sum with one (source offsets of the text read); `answers`, the sums asked with their answer (an
 * answer it holds is taken from it); `elsewhere`, for a stretch, whether the rest of the document
 * names the sum.
 */
export interface AmountReport extends WholeDocumentAnswers<number> {
  readonly euro: { readonly at: number; readonly value: number }[];
}

/**
 * True when a bare amount ("100 miljoen", "160 mln.") is money: the word after it names no counted
 * thing, nothing in its sentence makes it a count or another currency, and either its sentence holds
 * a euro amount or a money word, or a neighbouring sentence holds a euro amount (a list of sums runs on
 * over sentences), or the document names the same sum with a euro marker ("675 miljoen euro" … "die 675
 * miljoen"). An abbreviated scale ("mln.", "mld.", "mrd") is the notation of budget texts, so for it a
 * money word in a neighbouring sentence is enough ("zijn er miljoenen aan gemeenschapsgeld verdampt. Ik
 * kwam uit op ongeveer 160 mln.").
 */
function isMoneyInContext(a: AmountCandidate, sentence: number, marks: ContextMarks, c: BareContext): boolean {
  const { text, sentences, withEuro } = c;
  if (!followerAllowsMoney(text, a.end, isAbbreviatedScale(a.scale))) return false;
  if (withEuro.has(sentence)) return true;
  // Cues count within the sentence, at most 300 characters away.
  const from = Math.max(sentences.start(sentence), a.start - CUE_REACH);
  const to = Math.min(sentences.end(sentence), a.end + CUE_REACH);
  marks.cover(a.start - 2 * CUE_REACH, a.end + 2 * CUE_REACH + 1);
  if (marks.foreignCurrencies.anyWithin(from, to)) return false;
  // "Het aantal banen steeg tot 1,2 miljoen": a count, however much the sentence speaks of budgets.
  if (marks.counts.anyWithin(Math.max(from, a.start - 60), a.start)) return false;
  if (marks.moneyCues.anyWithin(from, to)) return true;
  if (c.hasEuroValue(a.value) && (a.valueMax === undefined || c.hasEuroValue(a.valueMax))) return true;
  // A list of sums runs on over sentences: "... 35 miljoen euro. Duitsland (dat 8 miljard ...)."
  // So does a list within one sentence: "een export van 6 miljard, vlees …, 1,4 miljard, …".
  if (withEuro.has(sentence - 1) || withEuro.has(sentence + 1) || c.bareAccepted.has(sentence - 1) || c.bareAccepted.has(sentence)) return true;
  if (!isAbbreviatedScale(a.scale)) return false;
  // The neighbouring sentences, as far as the reach goes.
  const before = Math.max(sentence > 0 ? sentences.start(sentence - 1) : 0, a.start - 2 * CUE_REACH);
  const after = Math.min(sentences.end(sentence + 1), a.end + 2 * CUE_REACH);
  return marks.moneyCues.anyWithin(before, from) || marks.moneyCues.anyWithin(to, after);
}

function isAbbreviatedScale(scale: string | null): boolean {
  return scale !== null && SCALES.get(scale.toLowerCase())?.abbreviation === true;
}

function followerAllowsMoney(text: string, end: number, abbreviated: boolean): boolean {
  let p = end;
  // "17,5 mln. inwoners": the word after an abbreviation's period follows the amount; a capital after it
  // opens the next sentence ("160 mln. Dat is veel").
  if (text[p] === '.' && abbreviated && text[p + 1] === ' ' && !/\p{Lu}/u.test(text[p + 2] ?? '')) p++;
  else if (text[p] === '.') return true;
  if (text[p] === ' ') p++;
  if (!isLetter(text[p])) return true;
  let q = p;
  while (q < text.length && q - p < 40 && isLetter(text[q])) q++;
  const word = text.slice(p, q).toLowerCase();
  return FOLLOWERS.has(word) || PARTICIPLE().test(word) || MONEY_CUE.test(word + ' ');
}

// ---------------------------------------------------------------------------------------------

/** A number starts here: not inside a longer number, an identifier ("CO2", "6G") or a word. */
function startsNumber(text: string, at: number): boolean {
  if (at === 0) return true;
  const prev = text.charCodeAt(at - 1);
  if (isDigitCode(prev)) return false;
  if (isLetterCode(prev)) return text.startsWith('EUR', at - 3);
  if ((prev === 46 /* . */ || prev === 44 /* , */) && isDigitCode(text.charCodeAt(at - 2))) return false;
  return true;
}

function isLetterOrDigit(c: string | undefined): boolean {
  return c !== undefined && (isLetter(c) || isDigitCode(c.charCodeAt(0)));
}
