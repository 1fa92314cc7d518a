import type { FlatText } from '../flatText';
import type { Sentences } from '../sentences';
import type { Footnote, FootnoteMarker, KamerstukReference, MotionReference } from '../model';
import { isWordAfterName, readMemberName, type MemberName, type NameReading } from './memberNames';
import { linkMotionsToKamerstukken, type MotionMention, type OutsideReferences } from './motionKamerstuk';
import { MEMBER_SURNAMES } from './memberSurnames';
import { surnameKey } from '../folding';
import { lazily } from '../lazily';

export interface MotionContext {
  readonly sentences: Sentences;
  readonly kamerstukken: readonly KamerstukReference[];
  readonly footnotes: readonly Footnote[];
  readonly markers: readonly FootnoteMarker[];
  /**
   * Whether the document writes a word in lower case somewhere (see isCommonWord). Default: looked up
   * in this flat text. An analysis of a stretch of a document asks the whole document instead.
   */
  readonly writesInLowerCase?: (word: string) => boolean;
  /** What lies outside the text read, for a footnote whose body lies there (see OutsideReferences). */
  readonly outside?: OutsideReferences;
}

/**
 * Finds every mention of a named motion and links it to its Kamerstuk where the text gives it.
 *
 * The forms: "motie-Kostić c.s.", "de motie Van der Lee", "motie van het lid Van Haga",
 * "Motie van de leden Dassen en Grinwis", "motie Aukje de Vries en Van der Lee", "motie van Kostic
 * c.s.", "motie-Dassen/Grinwis", the Handelingen formula "Deze motie is voorgesteld door de leden
 * Renkema en Bergkamp", and "de moties Marijnissen c.s. en Klaver c.s." (two mentions). A motion
 * without a name ("de motie", "motie van wantrouwen", "de motie over …") is not a mention.
 */
export function recognizeMotions(flat: FlatText, context: MotionContext): MotionReference[] {
  const text = flat.text;
  const reading = (lowercaseStart: boolean): NameReading => ({
    lowercaseStart,
    lineBreakBetween: (from, to) => /[\n\r]/.test(flat.sourceText(from, to)),
  });
  const mentions: MotionMention[] = [];
  let lowercaseWords: LowercaseWords | undefined;
  const writesInLowerCase = context.writesInLowerCase ?? ((word: string) => (lowercaseWords ??= new LowercaseWords(text)).has(word));
  for (const m of text.matchAll(/(?<![\p{L}\p{N}-])([Mm]otie(s?)|MOTIE(S?))(?![\p{L}\p{N}])/gu)) {
    const wordStart = m.index!;
    const after = wordStart + m[1]!.length;
    if (m[3] !== undefined) {
      const title = readCapitalTitle(text, after);
      if (title) mentions.push({ start: wordStart, end: title.end, names: title.names, cs: title.cs });
      continue;
    }
    const plural = m[2] === 's';
    const form = submitterForm(text, after, POSSESSIVE_BEFORE().test(text.slice(Math.max(0, wordStart - 8), wordStart)));
    if (!form) continue;
    // A blank line ends a heading or a table cell: "Omschrijving van de motie\n\nVindplaats" names no one.
    if (crossesBlankLine(flat, after, form.namesAt + 1)) continue;
    const list = readSubmitterList(text, form.namesAt, reading(form.lowercaseStart), form.separators);
    if (!list) continue;
    if (form.kind === 'direct' && text[after] === ' ' && (readsAsHeading(text, list, reading(false)) || aloneOnItsLine(flat, after, list))) continue;
    if (form.kind === 'direct' && text[after] === ' ' && isCommonWord(list, writesInLowerCase)) continue;
    groupIntoMotions(list, plural && form.kind === 'direct').forEach((group, k) => {
      // The first motion's text starts at "motie"; the next ones of "de moties X c.s. en Y c.s." at their name.
      const start = k === 0 ? wordStart : group.names[0]!.start;
      mentions.push({ start, end: group.end, names: group.names, cs: group.cs });
    });
  }
  // Linked here by sentence, parenthesis or footnote; the links of repeated mentions ('document') are
  // made over the whole document's motions afterwards (linkRepeatedMotions).
  return linkMotionsToKamerstukken(flat, mentions, context).map((mention) => toReference(flat, mention));
}

/**
 * After "motie X" with no "-" or "van het lid": a heading or a name of a debate in title case, not a
 * member ("Stemmingen moties Algemene Politieke Beschouwingen", "moties Verantwoordingsdebat 2021").
 * A name is followed by what a sentence or a list goes on with (c.s., a comma, "en", "over", a
 * bracket, the end of a line), not on the same line by a further capitalized word that is no part of
 * a name ("Kamerstuk", "Verzoekt" and the other words that may follow a name are) nor by a year.
 */
function readsAsHeading(text: string, list: readonly ListedName[], reading: NameReading): boolean {
  const last = list[list.length - 1]!;
  if (last.cs || text[last.end] !== ' ' || reading.lineBreakBetween(last.end, last.end + 1)) return false;
  const next = /^ (?:((?:19|20)\d{2})(?![\p{L}\p{N}])|(\p{Lu}[\p{L}’'-]*))/u.exec(text.slice(last.end, last.end + 40));
  if (!next) return false;
  if (next[1]) return true;
  const word = next[2]!;
  return /\p{Ll}/u.test(word) && !isWordAfterName(word);
}

/**
 * "Stemming motie Staat van de rechtsstaat": after a bare "motie" (or "motie van"), one capitalized word
 * alone is no member when the document writes the same word in lower case elsewhere ("de staat van de
 * rechtsstaat", "de agenda", "het klimaat"): it is a common word that opens a title. A known member's
 * surname stays a name ("motie Dijk" in a letter about dikes), and so does a name with "c.s.", a second
 * submitter or more than one word.
 */
function isCommonWord(list: readonly ListedName[], writesInLowerCase: (word: string) => boolean): boolean {
  if (list.length !== 1 || list[0]!.cs) return false;
  const name = list[0]!.name.text;
  if (/[\s-]/.test(name)) return false;
  if (MEMBER_SURNAMES.has(surnameKey(name))) return false;
  return writesInLowerCase(name.toLowerCase());
}

/**
 * Whether a word occurs in the text in lower case, as a whole word. The few words asked about are
 * looked up one by one (a fast search each); past a handful, every lower-case word of the text is
 * collected in one pass, so that the cost stays linear.
 */
export class LowercaseWords {
  private readonly asked = new Map<string, boolean>();
  private all: Set<string> | undefined;

  constructor(private readonly text: string) {}

  has(word: string): boolean {
    if (this.all) return this.all.has(word);
    const known = this.asked.get(word);
    if (known !== undefined) return known;
    if (this.asked.size >= MAX_WORDS_LOOKED_UP) {
      this.all = new Set();
      for (const m of this.text.matchAll(/(?<![\p{L}\p{N}’'-])\p{Ll}[\p{L}’']*/gu)) this.all.add(m[0]);
      return this.all.has(word);
    }
    const found = occursAsWord(this.text, word);
    this.asked.set(word, found);
    return found;
  }
}

const MAX_WORDS_LOOKED_UP = 16;

function occursAsWord(text: string, word: string): boolean {
  for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
    const before = text[i - 1];
    const after = text[i + word.length];
    if ((before === undefined || !/[\p{L}\p{N}’'-]/u.test(before)) && (after === undefined || !/[\p{L}’']/u.test(after))) return true;
  }
  return false;
}

/**
 * "Omschrijving van de motie\nStatus\n…": after a bare "motie" that ends its line, a word alone on the
 * next line is a table's or a heading's next cell, not a member; a name wrapped onto the next line
 * goes on there ("motie\nVan der Lee (35.830 XVII nr.6) omdat …").
 */
function aloneOnItsLine(flat: FlatText, after: number, list: readonly ListedName[]): boolean {
  const last = list[list.length - 1]!;
  if (last.cs || list.length > 1) return false;
  const text = flat.text;
  const nameStart = list[0]!.name.start;
  if (!/\n/.test(flat.sourceText(after, nameStart))) return false;
  return last.end >= text.length || (text[last.end] === ' ' && /\n/.test(flat.sourceText(last.end, last.end + 2)));
}

/**
 * "MOTIE VAN DE LEDEN SIENOT EN DIK-FABER", "MOTIE VAN HET LID OMTZIGT C.S.": a motion's own title in
 * capitals. The names are given in title case ("Sienot", "Dik-Faber", "Van der Lee").
 */
const CAPITAL_FORM = / VAN (?:HET LID|DE LEDEN) /y;
const CAPITAL_WORD = lazily(() => /(\p{Lu}[\p{Lu}’']*(?:-\p{Lu}[\p{Lu}’']*){0,2})(?![\p{L}\p{N}])/uy);
const CAPITAL_PARTICLES: ReadonlySet<string> = new Set(['VAN', 'DE', 'DER', 'DEN', 'TER', 'TEN', "'T", '’T', 'IN', 'HET', 'VON', 'LA', 'LE', 'DU']);
const CAPITAL_SEPARATOR = /(?:, | EN )/y;
const CAPITAL_CUM_SUIS = lazily(() => / C\.S\.?(?![\p{L}])/uy);

function readCapitalTitle(text: string, after: number): { end: number; names: MemberName[]; cs: boolean } | undefined {
  CAPITAL_FORM.lastIndex = after;
  const form = CAPITAL_FORM.exec(text);
  if (!form) return undefined;
  const names: MemberName[] = [];
  let pos = after + form[0].length;
  for (;;) {
    const name = readCapitalName(text, pos);
    if (!name) break;
    names.push(name);
    pos = name.end;
    if (names.length >= 8) break;
    CAPITAL_SEPARATOR.lastIndex = pos;
    const sep = CAPITAL_SEPARATOR.exec(text);
    if (!sep) break;
    const next = readCapitalName(text, pos + sep[0].length);
    if (!next) break;
    pos += sep[0].length;
  }
  if (names.length === 0) return undefined;
  const end = names[names.length - 1]!.end;
  CAPITAL_CUM_SUIS().lastIndex = end;
  const cs = CAPITAL_CUM_SUIS().exec(text);
  return { end: cs ? end + cs[0].length : end, names, cs: !!cs };
}

/** One name in capitals: particles, then a surname of at least two letters ("VAN DER LEE", "DIK-FABER"). */
function readCapitalName(text: string, at: number): MemberName | undefined {
  let pos = at;
  const words: string[] = [];
  for (let k = 0; k < 4; k++) {
    CAPITAL_WORD().lastIndex = pos;
    const w = CAPITAL_WORD().exec(text);
    if (!w) return undefined;
    const word = w[1]!;
    words.push(word);
    pos += word.length;
    if (!CAPITAL_PARTICLES.has(word)) break;
    if (text[pos] !== ' ') return undefined;
    pos++;
  }
  const surname = words[words.length - 1]!;
  if (CAPITAL_PARTICLES.has(surname) || surname === 'EN' || surname.replace(/[^\p{L}]/gu, '').length < 2) return undefined;
  const display = words
    .map((w, i) => (CAPITAL_PARTICLES.has(w) ? (i === 0 ? titleCase(w) : w.toLowerCase()) : titleCase(w)))
    .join(' ');
  return { start: at, end: pos, text: display };
}

/** "DIK-FABER" → "Dik-Faber", "VAN" → "Van". */
function titleCase(word: string): string {
  return word.toLowerCase().replace(/(^|-)(\p{Ll})/gu, (_m, dash: string, c: string) => dash + c.toUpperCase());
}

/** True when the source between flat offsets `from` and `to` holds a blank line. */
function crossesBlankLine(flat: FlatText, from: number, to: number): boolean {
  const span = flat.sourceSpan(from, to);
  // No whitespace was collapsed between them: no line break at all.
  if (span.length === to - from) return false;
  return /\n[ \t\r]*\n/.test(flat.source.slice(span.offset, span.offset + span.length));
}

/** How the submitters are introduced after "motie(s)". */
interface SubmitterForm {
  /** 'member': after "van het lid" / "van de leden" / "voorgesteld door …"; 'direct': "motie Kostić", "motie-Kostić". */
  readonly kind: 'member' | 'direct';
  readonly namesAt: number;
  readonly lowercaseStart: boolean;
  readonly separators: boolean;
}

/**
 * The motion's number between "motie" and its submitters: "nr. 12", "op stuk nr. 199", "met nummer 12",
 * "(stuk nr. 470)", or its Kamerstuk in brackets: "de motie (Kamerstuk 21501-32, nr. 1500) van het lid …".
 */
const NUMBER_PART = String.raw`(?: (?:(?:op|met|onder) )?(?:stuk )?(?:nr\.?|nummer|stuknummer|stuknr\.?) ?\d{1,4}| \([^()]{1,60}\))?`;
/** How a member is introduced: "het lid", "lid", "de leden", "het Kamerlid", "Tweede Kamerlid", "de heer", "mevrouw", "meneer", "(mijn) collega('s)". */
const MEMBER_TITLE = String.raw`(?:het )?(?:(?:Tweede |Eerste )?Kamer)?[lL]id|(?:de )?(?:(?:Tweede |Eerste )?Kamer)?[lL]eden|de heer|mevrouw|meneer|(?:mijn |onze |de )?(?:fractie)?collega(?:'s|’s)?`;
/**
 * "van het lid", "van lid", "van de leden", "van het Kamerlid", "van Tweede Kamerlid", "van de heer",
 * "van mevrouw", "van meneer", after the motion's number where it is given ("de motie op stuk nr. 199 van
 * de leden …").
 */
const MEMBER_FORM = new RegExp(`${NUMBER_PART},? (van|door) (${MEMBER_TITLE}) `, 'y');
/** "De motie het lid van Tongeren": the same with "van" left out (a slip real overviews make). */
const MEMBER_FORM_WITHOUT_VAN = / (het (?:(?:Tweede |Eerste )?Kamer)?lid|de (?:(?:Tweede |Eerste )?Kamer)?leden) /y;
/**
 * The passive: the Handelingen formula "motie is voorgesteld door de leden …", "motie, ingediend door het
 * lid …", "de motie die mede is ingediend door de heer …", "de motie op stuk nr. 470 ook mede is ingediend
 * door de heer …", "de motie, ondertekend door Kröger": a participle of submitting, "door", and a member
 * (with or without a title).
 */
const PROPOSED_BY_FORM = new RegExp(
  `${NUMBER_PART},? (?:(?:die|welke) )?(?:(?:ook|mede|tevens|eveneens|mee) ){0,2}(?:(?:is|werd|wordt|was) )?(?:(?:ook|mede|tevens|eveneens|mee) ){0,2}` +
    `(?:voorgesteld|ingediend|ondertekend|medeondertekend|meeondertekend|mede-ingediend|mede ingediend) door (?:(${MEMBER_TITLE}) )?`,
  'y',
);
/** "motie van Kostic c.s.", "motie op stuk nr. 212 van Bergkamp, Segers en Dijksma": "van" followed by a capitalized name. */
const OF_FORM = lazily(() => new RegExp(`${NUMBER_PART},? van (?=\\p{Lu})`, 'uy'));
/** A possessive before "motie" ("uw motie", "zijn motie"): "van" after it names who asks, not who submitted. */
const POSSESSIVE_BEFORE = lazily(() => /(?:^|[^\p{L}])(?:mijn|m'n|uw|zijn|z'n|haar|onze|ons|hun|jouw|jullie)\s$/iu);

function submitterForm(text: string, after: number, possessive: boolean): SubmitterForm | undefined {
  if (text[after] === '-') return { kind: 'direct', namesAt: after + 1, lowercaseStart: false, separators: true };
  for (const re of [MEMBER_FORM, PROPOSED_BY_FORM, MEMBER_FORM_WITHOUT_VAN]) {
    re.lastIndex = after;
    const m = re.exec(text);
    if (!m) continue;
    if (re === MEMBER_FORM && possessive && m[1] === 'van') return undefined;
    const title = re === MEMBER_FORM ? m[2] : m[1];
    // "ingediend door Kröger": no title, a capitalized name.
    if (title === undefined) return { kind: 'member', namesAt: after + m[0].length, lowercaseStart: false, separators: true };
    const single = /lid$|heer$|mevrouw$|meneer$|collega$/i.test(title);
    return { kind: 'member', namesAt: after + m[0].length, lowercaseStart: true, separators: !single };
  }
  OF_FORM().lastIndex = after;
  const of = OF_FORM().exec(text);
  if (of) return possessive ? undefined : { kind: 'direct', namesAt: after + of[0].length, lowercaseStart: false, separators: true };
  if (text[after] === ' ') return { kind: 'direct', namesAt: after + 1, lowercaseStart: false, separators: true };
  return undefined;
}

/** One name of a list, the separator written before it and whether "c.s." follows it. */
interface ListedName {
  readonly name: MemberName;
  readonly separator: '' | ',' | 'en' | '/';
  /**
   * End of the mention at this name: the name, or " c.s." when it follows (with a party between, "Van
   * der Lee (GL) c.s."). A party after the name alone ("Westerveld (GL)") is not part of the mention.
   */
  readonly end: number;
  readonly cs: boolean;
}

const SEPARATOR = /(, | en | & |\/| \/ )/y;
/** " c.s.", " c.s", " cs"; a footnote marker may be glued to the full form ("c.s.1"). */
const CUM_SUIS = lazily(() => /(?: ?c\. ?s\.(?![\p{L}])| ?c\. ?s(?![\p{L}\p{N}.])| cs(?![\p{L}\p{N}]))/uy);
const PARTY = lazily(() => / \((?:\p{Lu}[\p{L}\d&-]{1,20})(?: \p{Lu}[\p{L}\d&-]{1,20}){0,2}\)/uy);

/**
 * Reads "Dassen en Grinwis", "Kostić c.s.", "Aukje de Vries en Van der Lee", "Marijnissen c.s. en
 * Klaver c.s.", "Dassen/Grinwis", "Paternotte, Sjoerdsma en Klaver". A list joined by commas only
 * counts when it closes with "en": "motie Kostić, Kamerstuk …" and "motie Dijk, die …" are one name.
 */
function readSubmitterList(text: string, at: number, reading: NameReading, separators: boolean): ListedName[] | undefined {
  const first = readMemberName(text, at, reading);
  if (!first) return undefined;
  const list: ListedName[] = [];
  let name: MemberName = first;
  let separator: ListedName['separator'] = '';
  for (;;) {
    let end = name.end;
    PARTY().lastIndex = end;
    const party = PARTY().exec(text);
    const afterParty = party ? end + party[0].length : end;
    CUM_SUIS().lastIndex = afterParty;
    const cs = CUM_SUIS().exec(text);
    if (cs) end = afterParty + cs[0].length;
    list.push({ name, separator, end, cs: !!cs });
    // The list goes on after the party and after a footnote marker glued on ("Marijnissen c.s.5 en …").
    end = skipGluedMarker(text, cs ? end : afterParty);
    if (!separators || list.length >= 8) break;
    SEPARATOR.lastIndex = end;
    const sep = SEPARATOR.exec(text);
    if (!sep) break;
    const next = readMemberName(text, end + sep[0].length, { ...reading, lowercaseStart: false });
    if (!next) break;
    // After "c.s." only another "X c.s." continues ("de moties Marijnissen c.s. en Klaver c.s.").
    if (cs && !followedByCumSuis(text, next.end)) break;
    separator = sep[0].trim() === ',' ? ',' : sep[0].includes('/') ? '/' : 'en';
    name = next;
  }
  // Names after the last "en" or "/" that were joined by a comma only were never part of the list.
  let keep = 1;
  for (let k = 1; k < list.length; k++) if (list[k]!.separator !== ',') keep = k + 1;
  return list.slice(0, keep);
}

/** After one to three digits glued on at `at` (a footnote marker whose footnote the text lacks), else `at`. */
function skipGluedMarker(text: string, at: number): number {
  let end = at;
  while (end < text.length && end - at < 4 && text.charCodeAt(end) >= 48 && text.charCodeAt(end) <= 57) end++;
  if (end === at || end - at > 3 || /[\p{L}\p{N}]/u.test(text[end] ?? '')) return at;
  return end;
}

function followedByCumSuis(text: string, at: number): boolean {
  PARTY().lastIndex = at;
  const party = PARTY().exec(text);
  CUM_SUIS().lastIndex = at + (party ? party[0].length : 0);
  return CUM_SUIS().test(text);
}

/** The motions a list of names stands for. */
interface MotionGroup {
  readonly names: readonly MemberName[];
  readonly end: number;
  readonly cs: boolean;
}

/**
 * One motion for the whole list ("motie Dassen en Grinwis", "moties van het lid Amhaouch c.s."),
 * except where each name has its own "c.s." or the plural "moties" names its motions one by one
 * ("de moties Marijnissen c.s. en Klaver c.s.", "de moties Omtzigt en Klaver").
 */
function groupIntoMotions(list: readonly ListedName[], pluralDirect: boolean): MotionGroup[] {
  const separate = list.length > 1 && (pluralDirect || list.slice(0, -1).some((l) => l.cs));
  if (separate) return list.map((l) => ({ names: [l.name], end: l.end, cs: l.cs }));
  const last = list[list.length - 1]!;
  return [{ names: list.map((l) => l.name), end: last.end, cs: last.cs }];
}

function toReference(flat: FlatText, mention: MotionMention & { kamerstuk?: MotionReference['kamerstuk'] }): MotionReference {
  const first = mention.names[0]!;
  const last = mention.names[mention.names.length - 1]!;
  return {
    kind: 'motion',
    span: flat.sourceSpan(mention.start, mention.end),
    text: flat.sourceText(mention.start, mention.end),
    submitters: mention.names.map((n) => n.text),
    cs: mention.cs,
    ...(mention.kamerstuk ? { kamerstuk: mention.kamerstuk } : {}),
    namesSpan: flat.sourceSpan(first.start, last.end),
  };
}
