import { normalizeDossier } from '../identifiers';
import type { Sentences } from '../sentences';
import { ForwardMatches } from './forwardMatches';
import { lastBelow } from '../sortedOffsets';
import { lazily } from '../lazily';

/**
 * The grammar of a written Kamerstuk citation, in every form the official house style, the Leidraad
 * voor juridische auteurs and real letters use:
 *
 *   [keyword [chamber] [vergaderjaar],] dossier [suffix] {en|/ dossier} separator [marker] ondernummer
 *       {, [en] [marker] ondernummer} [, p. pages] {en dossier ... (a further citation)}
 *
 *   Kamerstukken II 2019/20, 35 300 XIII, nr. 102      Kamerstuk 34952- 86      kst-36600-XIII-65
 *   Kamerstukken 29 826 en 32 813, nr. 135             206 (28 844)             36 067, letter Y
 *   Kamerstukken 31 839, nrs. 540 tot en met 543       35 526, L                (2012–2013, CII, B)
 *   22.112 / 31.544, CK                                nr. 22(30196)            36067 – 61
 *
 * and the dossier alone after a keyword, or where a bill is named before it: "het wetsvoorstel …
 * (34630)", "wetsvoorstel 36 123", "Toezegging … (33.344) (T01970)", "32.026 (R1888)".
 *
 * The same grammar serves the recognizer (which scans a document) and `parseKamerstukCitation` (which
 * reads one printed citation). What differs is how much the text around a candidate vouches for it:
 * its `CitationLicence`. A dossier followed by "nr." is a citation anywhere; "35420, 57" only right
 * after the word Kamerstuk.
 *
 * Every reader works on the flat text (one space for any run of whitespace) at a given index with
 * sticky regular expressions of bounded repetition, so a reading costs a bounded amount of work
 * beyond the characters it consumes.
 */

/** How much the surrounding text vouches that a number is a Kamerstuk citation. */
export type CitationLicence =
  /** Right after the word Kamerstuk(ken/nummer/dossier) or "dossier": every written form counts. */
  | 'keyword'
  /**
   * After "Tweede Kamer" / "Eerste Kamer", a word for a paper ("amendement 36067 – 61"), or continuing an
   * earlier citation: forms with a marker, a dash or an Eerste Kamer letter.
   */
  | 'context'
  /**
   * No cue: only forms that are citations on their own ("26431, nr. 2", "(32419, R)", "35 802, K)"); a
   * lone "31125-121" is held back.
   */
  | 'bare'
  /** The caller says the whole string is one citation (data, tests): every form counts. */
  | 'whole';

/** A stretch of the flat text. */
export interface Piece {
  readonly start: number;
  readonly end: number;
}

export interface DossierPiece extends Piece {
  /** Normalized: "35300-XIII". */
  readonly dossier: string;
}

export interface NumberPiece extends Piece {
  /** The ondernummer: digits, or Eerste Kamer letters in upper case. */
  readonly nr: string;
  /** The marker as written ("nr.", "nrs.", "stuk nr.", "letter"), or null. */
  readonly marker: (Piece & { readonly text: string }) | null;
  /** Where the separator before this number (or its marker) starts. */
  readonly separatorStart: number;
  /** True for the later numbers of a list ("nrs. 2302, 2374 en 2676"), which take the dossier of the first. */
  readonly inherited: boolean;
  /**
   * The first number of a range ("nrs. 2210 tot en met 2214", "nrs. 12–15"): its last number and where
   * the range ends. The range stands for every number in it, each cited by the whole range.
   */
  readonly range?: { readonly last: number; readonly end: number; readonly lastStart: number };
}

/** Where a number's part of the citation ends: its digits, or the end of the range it opens. */
export function numberEnd(n: NumberPiece): number {
  return n.range ? n.range.end : n.end;
}

/** One citation as read from the text. */
export interface CitationReading {
  /** Start of the citation's text: the keyword, the first dossier, or the number in "206 (28 844)". */
  readonly start: number;
  /** The keyword as written, chamber included ("Kamerstukken II"), or null. */
  readonly keyword: Piece | null;
  readonly chamber: 'I' | 'II' | undefined;
  /** "2019-2020". */
  readonly vergaderjaar: string | undefined;
  /** The dossiers, the first being the one the paper is filed under. */
  readonly dossiers: readonly DossierPiece[];
  /** The ondernummers; empty for a citation of a dossier alone. */
  readonly numbers: readonly NumberPiece[];
  /** A page reference after the last number ("p. 3"). */
  readonly pages: (Piece & { readonly text: string }) | undefined;
  /** The official identifier form kst-29826-277. */
  readonly identifier: boolean;
  /** The Handelingen form "206 (28 844)": number first, dossier in brackets. */
  readonly numberFirst: boolean;
  /**
   * A bare dash form with no cue ("31125-121" in a kenmerk): it counts only where the same paper is
   * cited plainly elsewhere in the document.
   */
  readonly unconfirmed: boolean;
  /** End of all the citation consumed (pages and closing bracket included). */
  readonly end: number;
  readonly licence: CitationLicence;
}

// ---------------------------------------------------------------------------------------------
// Tokens. All sticky; `u` for \p{…}.

/** The dashes PDF extraction and word processors write between dossier, suffix and number. */
const DASH_CHARS = '\\-\u2010\u2011\u2012\u2013\u2014\u2212';
const DASH = `[${DASH_CHARS}]`;
/**
 * A dossier number: five digits, written "29826", "29 826" or with a thousands dot "35.830"; not the
 * start of a longer number ("35.830.000", "29826,5").
 */
const DOSSIER_NUMBER = /[1-9]\d[ .]?\d{3}(?!\d|[.,]\d)/y;
/** A suffix letter glued to the number: "36 410A". */
const GLUED_LETTER = lazily(() => /[A-Z](?![\p{L}\p{N}])/uy);
/** A rijkswet suffix: "27 484 (R 1669)", "23908-(R1519)". */
const RIJKSWET = new RegExp(`(?: ?${DASH} ?| )?\\( ?R ?\\d{1,5} ?\\)`, 'y');
/** A budget chapter or fund as suffix: "35300 XIII", "35300-XIII", "36 200 L", "36 600-A". */
const LETTER_SUFFIX = lazily(() => new RegExp(`(?: ?${DASH} ?| )([IVXL]{2,7}|[A-Z])(?![\\p{L}\\p{N}])`, 'uy'));
/** A numeric sub-dossier: "21501-30", "21 501–32". Two digits, written after a dash. */
const NUMERIC_SUFFIX = lazily(() => new RegExp(`( ?${DASH} ?)(\\d{2})(?![\\p{L}\\p{N}])`, 'uy'));
/** A numeric sub-dossier after a space, only where a dash and the ondernummer follow: "21501 08-928". */
const SPACED_NUMERIC_SUFFIX = lazily(() => new RegExp(` \\d{2}(?=${DASH}\\d{1,4}(?![\\p{L}\\p{N}]))`, 'uy'));
/** What a numeric sub-dossier is followed by when a number comes after it ("21501-30, nr. 470", "21501-20-2268"). */
const NUMBER_PART_AHEAD = new RegExp(`(?:,? (?:stuk )?[Nn]rs?[. ]|, letter |,? nummers? | ?${DASH} ?\\d)`, 'y');
/**
 * Dossiers known to be split into numeric sub-dossiers, so "21501-20" alone is a dossier and not paper
 * nr. 20: 21 501 (Raad van de Europese Unie, "21 501-02" Raad Buitenlandse Zaken, "21 501-30" Concurrentievermogen, ...).
 */
const DOSSIERS_WITH_NUMERIC_SUB_DOSSIERS = new Set(['21501']);

/**
 * A dossier of the Eerste Kamer numbered in Roman numerals, for papers outside legislation (the
 * Kamer's own budget "CLV", notas "CII", "CIV", "CXIX"): C and a numeral up to 89 after it. Never a
 * dossier on its own: only with a letter ondernummer ("CII, B", "CLV, letter A") where the text
 * around it makes it a citation, or as the further dossier of a joint paper ("34.300 IV / CXIX").
 */
const ROMAN_DOSSIER = lazily(() => /C(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})(?![\p{L}\p{N}])/uy);
/** "(CII, B)", "(2012–2013, CII, B)": the bracket that makes a Roman-numeral paper a citation. */
const ROMAN_BRACKET_BEFORE = new RegExp(`\\( ?(?:((?:19|20)\\d{2}) ?[/${DASH_CHARS}] ?(\\d{4}|\\d{2}),? )?$`);
/** What closes a bracketed citation, or goes on to the next one in it. */
const BRACKET_CLOSES = / ?[);]/y;

/** Between the dossiers of a joint paper: "29 826 en 32 813", "34 682/35 334", "29 826, 32 813 en ...". */
const JOINT_SEPARATOR = / en | ?\/ ?|, /y;
/** After a dossier in a ", "-separated list, the list must go on or reach its number. */
const JOINT_LIST_GOES_ON = / en [1-9]| ?\/ ?[1-9]|,? (?:stuk )?[Nn]rs?[. ]|, letter /y;
/** A number followed by a unit is a quantity, not a dossier. */
const QUANTITY_AHEAD = lazily(() => / ?(?:euro|EUR|miljoen|miljard|mln|mld|mrd|procent|%)(?![\p{L}])/uy);
/**
 * What may follow a further dossier of a joint paper: the number, more dossiers, the end of the
 * citation. "Kamerstukken 29 826 en 35 000 woningen" names one dossier.
 */
const JOINT_ITEM_ENDS = lazily(() => new RegExp(`(?:$|[,.;:)\\]]| en | ?/| \\(| ?${DASH}| (?:stuk )?[Nn]rs?[. ]| (?:van|over|d\\.d\\.)(?![\\p{L}]))`, 'uy'));

/** "nr. 102", ", nr 371", " stuk nr. 2648", ", nrs. 2302", ", letter Y", "nr.9", " , nr. 1" (a stray space before the comma). */
const MARKED_NUMBER = lazily(() =>
  /( ?, ?| )((?:stuk )?[Nn]rs?\.|(?:stuk )?[Nn]rs?(?= )|[Nn]ummers?(?= )|letter(?= )) ?(?:(\d{1,4})|([A-Z]{1,3}))(?![\p{L}\p{N}])/uy);
/** "-277", "- 86", " -277", "–32". */
const DASH_NUMBER = lazily(() => new RegExp(`( ?${DASH} ?)(\\d{1,4})(?![\\p{L}\\p{N}]|[.,]\\d)`, 'uy'));
/**
 * The number without marker after a comma, "Kamerstuk 35420, 57": not a date, amount or count
 * ("Kamerstuk 29 826, 3 brieven", "12 mei"), so no lower-case word may follow but those a citation
 * goes on with.
 */
const COMMA_NUMBER = lazily(() =>
  /(, )(\d{1,4})(?![\p{L}\p{N}]|[.,]\d| ?%| (?!(?:en|van|over|uit|d\.d\.|p\.|pp\.|blz\.|pag\.)(?![\p{L}]))\p{Ll})/uy);
/**
 * The Eerste Kamer's letter without marker after a comma: "Kamerstukken I 2019/20, 35 300, C",
 * "Kamerstuk 35 526, L". Not an initial ("35 526, A.B. de Vries").
 */
const COMMA_LETTERS = lazily(() => /(, )([A-Z]{1,2})(?![\p{L}\p{N}]|-|\.\p{L})/uy);
/** The same typed without the space, closing a bracket: "(34109,L)". */
const TIGHT_LETTERS_IN_BRACKET = /(,)([A-Z]{1,2})(?= ?\))/uy;
/**
 * What must follow the letters of "35 802, K" where nothing before the citation vouches for it: the end
 * of the citation (a bracket, a list mark, the end of the text), the next citation ("en 35 811, C") or
 * a word a citation goes on with. A full stop is not enough ("Postbus 12345, K. Jansen"), nor "en"
 * or "van" ("12345, A en B", "12345, A van Dijk").
 */
const FOLLOWS_BARE_LETTERS = lazily(() => /(?:$|\.$| ?[)\];:,]| \(| en (?=[1-9]|C[LXVI])| (?:inzake|d\.d\.|p\.|pp\.|blz\.|pag\.)(?![\p{L}]))/uy);
/** The bracket around a citation that holds nothing else: "(35.300, D)", "( 36410 , nr. 1 )". */
const OPENS_BRACKET = /\( ?$/;
const CLOSING_BRACKET_AHEAD = / ?\)/y;
/** A further number of a list: ", 2374", ", en 2676", " en nr 364", " & 12". */
const LIST_CONTINUATION = lazily(() =>
  /(,? en |, | & )((?:[Nn]rs?\.|[Nn]rs?(?= )|[Nn]ummers?(?= )|letter(?= )) ?)?(?:(\d{1,4})|([A-Z]{1,3}))(?![\p{L}\p{N}]|[.,]\d)/uy);
/** What may follow a number that a list continues with but that has no marker of its own ("en 113)"). */
const FOLLOWS_CITATION = lazily(() => /(?:$|[)\].;:,]| (?:en|van|uit|d\.d\.|p\.|pp\.|blz\.|pag\.)(?![\p{L}])| \()/uy);
/**
 * After a plural marker the list is expected to go on, so its last number "en 437" may also be followed
 * by what starts something else: the next footnote ("nrs. 431 en 437\n10 Waar …"), a new sentence.
 */
const FOLLOWS_PLURAL_LIST = lazily(() => /(?: \d| \p{Lu})/uy);
/** A page reference: ", p. 9", " blz. 12-13". */
const PAGES = new RegExp(`,? ?((?:p\\.|pp\\.|blz\\.|pag\\.|pagina(?:'s)?|bladzijden?) ?\\d{1,4}(?: ?${DASH} ?\\d{1,4})?)(?!\\d)`, 'y');
/** Between the items of a list of bare ids: "34722-1; 33997-95", and " ; " where a line broke before the mark. */
const LIST_SEPARATOR = /,? en |, | ?; ?/y;
/**
 * A zaak (or document) number as an item of a list of papers, with its separator: "2019Z19614; ". Text
 * extraction may have broken it over a line ("2009Z193 37; ").
 */
const ZAAK_ITEM = lazily(() => /(?:19|20)\d{2}[ZD]\d{1,6}(?: \d{1,5})?(?![\p{L}\p{N}])(?:,? en |, | ?; ?)/uy);
/** Between two citations of which the second names its own dossier: "nr. 97 en 30 821 nr. 113". */
const CHAIN_SEPARATOR = /,? en |, |; /y;

/** The official identifier: kst-29826-277, kst-36600-XIII-65, kst-21501-30-470, kst-36067-Y. */
const IDENTIFIER = lazily(() =>
  /kst-([1-9]\d{4}(?:-(?:[IVXL]{1,7}|[A-Z]|\d{2}|\(R\d{1,5}\))){0,2})-(\d{1,4}|[A-Z]{1,3})(?![\p{L}\p{N}-])/iuy);

/**
 * The word that introduces a citation, or its abbreviation "Kst.". "Kamerstuknummer 2025D37684" is no
 * dossier: the reader finds none.
 */
const KEYWORD = lazily(() => /(?:[Kk]amerstuk(?:ken|nummers?|nr\.?|dossiers?)?|[Kk]st\.|[Dd]ossier(?:s|nummers?|nr\.?)?)(?![\p{L}])/uy);
/** After the keyword: chamber and vergaderjaar, "Kamerstukken II 2019/20, ", "Kamerstuk II, 2019/2020, ", "Kamerstukken TK ", ": ". */
const KEYWORD_PREAMBLE = lazily(() => new RegExp(
  `(:?)(?: (I{1,2}|TK|EK)(?![\\p{L}\\p{N}]))?,?(?: vergaderjaar)?(?: ((?:19|20)\\d{2}) ?[/${DASH_CHARS}] ?(\\d{4}|\\d{2})(?!\\d))?,? ?`,
  'uy',
));
/**
 * "Tweede Kamer 27428 nr 371", the page footer "Tweede Kamer, vergaderjaar 2021–2022, 29 826, nr. 147",
 * the abbreviation "TK 29 826-147".
 */
const CHAMBER_PREAMBLE = new RegExp(
  `(Tweede Kamer|Eerste Kamer|TK|EK)(?: der Staten-Generaal)?,?(?: vergaderjaar)?(?: ((?:19|20)\\d{2}) ?[/${DASH_CHARS}] ?(\\d{4}|\\d{2})(?!\\d))?,? `,
  'uy',
);
/**
 * The metadata row of an officielebekendmakingen page with its cells run together by text extraction:
 * "Tweede Kamer der Staten-Generaal2018-201929240 nr. 108" (organisation, vergaderjaar, dossier and
 * ondernummer). The vergaderjaar is two consecutive years, so where it ends and the dossier starts is
 * certain.
 */
const GLUED_METADATA_ROW = /(Tweede|Eerste) Kamer der Staten-Generaal((?:19|20)\d{2})[-–]((?:19|20)\d{2})(?=[1-9]\d ?\d{3})/y;
/** The Handelingen form, number first: "206 (28 844)", "9 (36 410-XIV)". */
const NUMBER_FIRST = /(\d{1,4})( ?)\(/y;
/** "Zij krijgt nr. 22(30196).": the bracket glued to the number only right after "nr.". */
const NR_BEFORE = lazily(() => /(?<![\p{L}])[Nn]rs?\.? ?$/u);
const CLOSING_BRACKET = / ?\)/y;
/**
 * What makes "206 (28 844)" a citation in running text: a motion, amendment or paper named just
 * before it.
 */
const NUMBER_FIRST_CUE = lazily(() => /(?:[Mm]oties?|[Aa]mendement(?:en)?|[Kk]amerstuk(?:ken)?|[Nn]rs?\.|[Hh]andelingen)(?![\p{L}])/u);
const NUMBER_FIRST_CUE_WINDOW = 60;

/**
 * Candidates for a citation, found by a cheap scan; each is then read with the grammar. A number glued
 * to a word or another number is never read (see gluedBefore), so the scan does not offer one: a long
 * run of digits yields one candidate, not one per digit.
 */
export const CITATION_CANDIDATE =
  /[Kk]amerstuk|[Dd]ossier|(?:Tweede|Eerste) Kamer|\b[TE]K(?=,? (?:[1-9]|C[LXVI]))|(?<![\w\u00c0-\u024f])C[LXVI]{2,7}(?=,)|[Kk]st[-.]|(?<![\w.,\-])(?:\d{1,4} ?\((?=[1-9]\d ?\d{3})|[1-9]\d[ .]?\d{3})/g;

// ---------------------------------------------------------------------------------------------

function sticky(re: RegExp, s: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(s);
}

/** True when the character before `at` glues to what starts there (a word, a number, a code). */
function gluedBefore(s: string, at: number): boolean {
  if (at === 0) return false;
  return /[\p{L}\p{N}_\-\u2010-\u2014\u2212.,/+€$=&@#%]/u.test(s[at - 1]!);
}

/** "2019/20" → "2019-2020", "1999/00" → "1999-2000". */
function vergaderjaarOf(first: string | undefined, second: string | undefined): string | undefined {
  if (!first || !second) return undefined;
  const y = Number(first);
  const end = second.length === 4 ? Number(second) : Math.floor((y + 1) / 100) * 100 + Number(second);
  return end === y + 1 ? `${y}-${end}` : undefined;
}

interface DossierOptions {
  /** Inside "206 (21501–08)" the whole bracket is the dossier: a numeric part is a sub-dossier. */
  readonly numericSuffixAlways: boolean;
  /** After the keyword, "21501 08-928" is dossier 21501-08, nr. 928 (the open-data page's "{nummer} {toevoeging}-{volgnummer}"). */
  readonly spacedSuffix?: boolean;
}

/** Reads one dossier with its suffix at `at`; normalized only once the whole citation has been read. */
function readDossier(s: string, at: number, options: DossierOptions): Piece | undefined {
  const num = sticky(DOSSIER_NUMBER, s, at);
  if (!num) return undefined;
  let end = at + num[0].length;
  const digits = num[0].replace(' ', '');
  const glued = sticky(GLUED_LETTER(), s, end);
  if (glued) end += glued[0].length;
  else {
    const letters = sticky(LETTER_SUFFIX(), s, end);
    if (letters) end += letters[0].length;
    else {
      const numeric = sticky(NUMERIC_SUFFIX(), s, end);
      if (
        numeric &&
        (options.numericSuffixAlways ||
          DOSSIERS_WITH_NUMERIC_SUB_DOSSIERS.has(digits) ||
          sticky(NUMBER_PART_AHEAD, s, end + numeric[0].length))
      ) {
        end += numeric[0].length;
      } else if (options.spacedSuffix) {
        // "kamerstukdossier 21501 08-928": the open-data page writes the sub-dossier after a space.
        const spaced = sticky(SPACED_NUMERIC_SUFFIX(), s, end);
        if (spaced) end += spaced[0].length;
      }
    }
  }
  const rijkswet = sticky(RIJKSWET, s, end);
  if (rijkswet) end += rijkswet[0].length;
  return { start: at, end };
}

/**
 * A Roman-numeral dossier of the Eerste Kamer ("CXIX"). Two numerals ("CX", "CV", "CL") are as often
 * abbreviations ("(CV, BV)"), so they count only where `short` says the place is plainly an Eerste
 * Kamer citation ("Kamerstukken I 2005/06, CX, A").
 */
function readRomanDossier(s: string, at: number, short = false): Piece | undefined {
  const m = sticky(ROMAN_DOSSIER(), s, at);
  return m && m[0].length >= (short ? 2 : 3) ? { start: at, end: at + m[0].length } : undefined;
}

function normalized(s: string, dossiers: readonly Piece[]): DossierPiece[] {
  return dossiers.map((d) => ({ start: d.start, end: d.end, dossier: normalizeDossier(s.slice(d.start, d.end)) }));
}

/** Reads the dossiers of a (possibly joint) paper: "29 826 en 32 813", "34 682/35 334". */
function readDossierList(s: string, at: number, options: DossierOptions): Piece[] | undefined {
  const first = readDossier(s, at, options);
  if (!first) return undefined;
  const list = [first];
  let end = first.end;
  for (let k = 0; k < 4; k++) {
    const sep = sticky(JOINT_SEPARATOR, s, end);
    if (!sep) break;
    const next = readDossier(s, end + sep[0].length, options) ?? (sep[0].includes('/') ? readRomanDossier(s, end + sep[0].length) : undefined);
    if (!next || gluedAfterDossier(s, next.end) || !sticky(JOINT_ITEM_ENDS(), s, next.end)) break;
    if (sep[0] === ', ' && !sticky(JOINT_LIST_GOES_ON, s, next.end)) break;
    list.push(next);
    end = next.end;
  }
  return list;
}

function gluedAfterDossier(s: string, at: number): boolean {
  return sticky(QUANTITY_AHEAD(), s, at) !== null || /[\p{N}]/u.test(s[at] ?? '');
}

/** Reads the ondernummer after the dossier(s), and the further numbers of a list. */
function readNumbers(s: string, at: number, licence: CitationLicence, letters: boolean): NumberPiece[] | undefined {
  const first = readFirstNumber(s, at, licence, letters);
  if (!first) return undefined;
  const numbers = [first];
  // A list of further numbers needs a marker on the first ("nrs. 2302, 2374 en 2676", "nr 371 en nr 364").
  if (first.marker) {
    const plural = /s\.?$/.test(first.marker.text);
    let end = readRange(s, numbers, plural);
    for (;;) {
      const more = sticky(LIST_CONTINUATION(), s, end);
      if (!more) break;
      const markerText = more[2]?.trim();
      const letters = more[4];
      if (letters && !markerText && !/^[A-Z]+$/.test(numbers[numbers.length - 1]!.nr)) break;
      if (markerText === 'letter' && !letters) break;
      const numberStart = end + more[0].length - (more[3] ?? letters!).length;
      const numberEnd = end + more[0].length;
      if (!markerText) {
        const closesPluralList = plural && / en $/.test(more[1]!) && sticky(FOLLOWS_PLURAL_LIST(), s, numberEnd) !== null;
        if (!closesPluralList && !sticky(FOLLOWS_CITATION(), s, numberEnd)) break;
        // "nr. 147, 2022": a year after a single number is a date, not a second paper.
        if (!plural && more[3] && /^(19|20)\d\d$/.test(more[3])) break;
      }
      const markerStart = end + more[1]!.length;
      numbers.push({
        start: numberStart,
        end: numberEnd,
        nr: more[3] ?? letters!,
        marker: markerText ? { start: markerStart, end: markerStart + markerText.length, text: markerText } : null,
        separatorStart: end,
        inherited: true,
      });
      end = readRange(s, numbers, plural);
    }
  }
  // "(35300, letter M, was letter B)", "(35 925-XIII, nr. 45, was nr. 12)": a changed motion's new
  // paper and the one it replaces, both in the same dossier.
  const last = numbers[numbers.length - 1]!;
  const was = last.range ? null : sticky(WAS_NUMBER(), s, last.end);
  if (was && (was[3] === undefined || /^[A-Z]+$/.test(last.nr))) {
    const markerStart = last.end + was[1]!.length;
    const end = last.end + was[0].length;
    const nr = was[3] ?? was[4]!;
    numbers.push({
      start: end - nr.length,
      end,
      nr,
      marker: { start: markerStart, end: markerStart + was[2]!.length, text: was[2]! },
      separatorStart: last.end,
      inherited: true,
    });
  }
  return numbers;
}

/**
 * The end of a range after a number: "2210 tot en met 2214", "12 t/m 15", and after a plural marker
 * "12–15", "2210-14" (the last number shortened). At most MOST_IN_RANGE numbers.
 */
const RANGE_TAIL = lazily(() => new RegExp(`( tot en met | t/m | ?${DASH} ?)(\\d{1,4})(?![\\p{L}\\p{N}]|[.,]\\d)`, 'uy'));
const MOST_IN_RANGE = 50;

/**
 * Reads a range after the last number read and marks that number as its first; returns where the list
 * now ends. A dash makes a range only after a plural marker ("nrs. 12–15"): "nr. 12-15" may be pages.
 * The numbers in between are not made here but where the references are (within a budget).
 */
function readRange(s: string, numbers: NumberPiece[], plural: boolean): number {
  const head = numbers[numbers.length - 1]!;
  const m = sticky(RANGE_TAIL(), s, head.end);
  if (!m || !/^\d+$/.test(head.nr) || (!plural && !/[a-z]/.test(m[1]!))) return head.end;
  const lo = Number(head.nr);
  let written = m[2]!;
  // "2210-14": the last number written short.
  if (written.length < head.nr.length && Number(written) < lo) written = head.nr.slice(0, head.nr.length - written.length) + written;
  const last = Math.min(Number(written), lo + MOST_IN_RANGE - 1);
  if (last <= lo) return head.end;
  const end = head.end + m[0].length;
  numbers[numbers.length - 1] = { ...head, range: { last, end, lastStart: end - m[2]!.length } };
  return end;
}

/** ", was letter B", ", was nr. 12" after a number: the paper a changed motion replaces. */
const WAS_NUMBER = lazily(() => /(, was )((?:[Nn]r\.?|letter)) ?(?:([A-Z]{1,3})|(\d{1,4}))(?![\p{L}\p{N}])/uy);

/**
 * Reads the first ondernummer after the dossier(s). `letters`: whether the Eerste Kamer's letters may
 * follow without a marker ("35 300, C").
 */
function readFirstNumber(s: string, at: number, licence: CitationLicence, letters: boolean): NumberPiece | undefined {
  const marked = sticky(MARKED_NUMBER(), s, at);
  if (marked && !(marked[2] === 'letter' && marked[3])) {
    const markerStart = at + marked[1]!.length;
    const nr = marked[3] ?? marked[4]!;
    const end = at + marked[0].length;
    return {
      start: end - nr.length,
      end,
      nr,
      marker: { start: markerStart, end: markerStart + marked[2]!.length, text: marked[2]! },
      separatorStart: at,
      inherited: false,
    };
  }
  const dashed = sticky(DASH_NUMBER(), s, at);
  // Without a cue only the tight dash ("31125-121"): "12345 - 67" is a range or a sum.
  if (dashed && (dashed[1]!.length === 1 || licence !== 'bare')) return plainNumber(dashed[2]!, at + dashed[0].length, at);
  if (licence === 'keyword' || licence === 'whole') {
    const comma = sticky(COMMA_NUMBER(), s, at);
    // "Kamerstuk 29 826, 2022": a year is a date, not a paper.
    if (comma && !/^(19|20)\d\d$/.test(comma[2]!)) return plainNumber(comma[2]!, at + comma[0].length, at);
  }
  if (letters) {
    const written = sticky(COMMA_LETTERS(), s, at) ?? sticky(TIGHT_LETTERS_IN_BRACKET, s, at);
    if (written) return plainNumber(written[2]!, at + written[0].length, at);
  }
  return undefined;
}

function plainNumber(nr: string, end: number, separatorStart: number): NumberPiece {
  return { start: end - nr.length, end, nr, marker: null, separatorStart, inherited: false };
}

interface Preamble {
  readonly start: number;
  readonly keyword: Piece | null;
  readonly chamber: 'I' | 'II' | undefined;
  readonly vergaderjaar: string | undefined;
}

/**
 * Reads the part from the dossier on: dossiers, numbers, pages. Without numbers it is a citation of
 * the dossier alone, which only a keyword licenses.
 */
function readFromDossier(s: string, at: number, preamble: Preamble, licence: CitationLicence): CitationReading | undefined {
  const pieces = readDossierList(s, at, { numericSuffixAlways: false, spacedSuffix: licence === 'keyword' });
  if (!pieces) return licence === 'bare' ? undefined : readRomanCitation(s, at, preamble, licence, licence !== 'context' || preamble.chamber === 'I');
  const afterDossiers = pieces[pieces.length - 1]!.end;
  // The Eerste Kamer's letters ("35 300, C"): never a Tweede Kamer paper.
  const read = readNumbers(s, afterDossiers, licence, preamble.chamber !== 'II');
  if (read && licence === 'bare' && read[0]!.marker === null && isLetters(read[0]!.nr) && !bareLettersLicensed(s, at, pieces[0]!, read[0]!)) return undefined;
  if (!read && (licence !== 'keyword' || gluedAfterDossier(s, afterDossiers))) return undefined;
  const dossiers = normalized(s, pieces);
  const numbers = read ?? [];
  const last = numbers[numbers.length - 1];
  const lastEnd = last ? numberEnd(last) : afterDossiers;
  const pages = last ? sticky(PAGES, s, lastEnd) : null;
  const pagesPiece = pages ? { start: lastEnd + pages[0].length - pages[1]!.length, end: lastEnd + pages[0].length, text: pages[1]! } : undefined;
  // One object shape for every reading (no spreads): readings are made by the thousand.
  return {
    start: preamble.start,
    keyword: preamble.keyword,
    chamber: preamble.chamber,
    vergaderjaar: preamble.vergaderjaar,
    dossiers,
    numbers,
    pages: pagesPiece,
    identifier: false,
    numberFirst: false,
    unconfirmed:
      licence === 'bare' &&
      last !== undefined &&
      numbers[0]!.marker === null &&
      !isLetters(numbers[0]!.nr) &&
      !bracketed(s, at, numbers[0]!.end) &&
      !hasDistinctiveSuffix(dossiers[0]!),
    end: pagesPiece ? pagesPiece.end : lastEnd,
    licence,
  };
}

function isLetters(nr: string): boolean {
  return nr.charCodeAt(0) >= 65 && nr.charCodeAt(0) <= 90;
}

/**
 * "35 802, K", "(32419, R)", "(35.300, D)" with no keyword: a capital after a comma is common Dutch
 * ("…, A" in an enumeration, "artikel 3, B"), so the letters count only after a five-digit dossier
 * number and where the citation ends with them; a dossier with a thousands dot ("12.345, A" is as
 * likely a sum) only inside brackets that hold nothing else.
 */
function bareLettersLicensed(s: string, at: number, dossier: Piece, nr: NumberPiece): boolean {
  if (OPENS_BRACKET.test(s.slice(Math.max(0, at - 2), at)) && sticky(CLOSING_BRACKET_AHEAD, s, nr.end)) return true;
  return !s.slice(dossier.start, dossier.end).includes('.') && sticky(FOLLOWS_BARE_LETTERS(), s, nr.end) !== null;
}

/** "(22112-2902)": the brackets hold nothing but the citation. */
function bracketed(s: string, start: number, end: number): boolean {
  return s[start - 1] === '(' && s[end] === ')';
}

/**
 * "36600-XIII-65", "23908-(R1519)-131", "21501-08-692" are plainly citations: nothing else is written
 * with a budget chapter, a rijkswet number or the sub-dossier of a dossier known to have them.
 */
function hasDistinctiveSuffix(dossier: DossierPiece): boolean {
  return /-[A-Z(]/.test(dossier.dossier) || DOSSIERS_WITH_NUMERIC_SUB_DOSSIERS.has(dossier.dossier.slice(0, dossier.dossier.indexOf('-')));
}

/**
 * Reads a paper in a Roman-numeral dossier of the Eerste Kamer, "CII, B", "CLV, letter A", where the
 * caller vouches for the place (a keyword, "Eerste Kamer", a bracket, an earlier citation). Its
 * ondernummer is always letters; the dossier alone is never read.
 */
function readRomanCitation(s: string, at: number, preamble: Preamble, licence: CitationLicence, short: boolean): CitationReading | undefined {
  if (licence === 'bare' || preamble.chamber === 'II') return undefined;
  const piece = readRomanDossier(s, at, short);
  if (!piece) return undefined;
  const numbers = readNumbers(s, piece.end, 'context', true);
  if (!numbers || !isLetters(numbers[0]!.nr)) return undefined;
  const lastEnd = numberEnd(numbers[numbers.length - 1]!);
  const pages = sticky(PAGES, s, lastEnd);
  const pagesPiece = pages ? { start: lastEnd + pages[0].length - pages[1]!.length, end: lastEnd + pages[0].length, text: pages[1]! } : undefined;
  return {
    start: preamble.start,
    keyword: preamble.keyword,
    chamber: 'I',
    vergaderjaar: preamble.vergaderjaar,
    dossiers: normalized(s, [piece]),
    numbers,
    pages: pagesPiece,
    identifier: false,
    numberFirst: false,
    unconfirmed: false,
    end: pagesPiece ? pagesPiece.end : lastEnd,
    licence,
  };
}

/** "(CII, B)", "(2012–2013, CII, B)", "(CLV, letter A);": a Roman-numeral paper in brackets that hold nothing else. */
function readBracketedRomanCitation(s: string, at: number): CitationReading | undefined {
  const before = ROMAN_BRACKET_BEFORE.exec(s.slice(Math.max(0, at - 16), at));
  if (!before) return undefined;
  const reading = readRomanCitation(s, at, { start: at, keyword: null, chamber: 'I', vergaderjaar: vergaderjaarOf(before[1], before[2]) }, 'context', false);
  return reading && sticky(BRACKET_CLOSES, s, reading.end) ? reading : undefined;
}

/** Reads a citation introduced by the word Kamerstuk(ken/nummer/dossier) or "dossier". */
export function readKeywordCitation(s: string, at: number): CitationReading | undefined {
  const kw = sticky(KEYWORD(), s, at);
  // A footnote label may be glued to it ("1Kamerstuk 29 826, nr. 147"), a letter not ("Tweedekamerstuk").
  if (!kw || (at > 0 && /\p{L}/u.test(s[at - 1]!))) return undefined;
  const pre = sticky(KEYWORD_PREAMBLE(), s, at + kw[0].length)!;
  const chamberWritten = pre[2];
  const chamber = chamberWritten === 'TK' ? 'II' : chamberWritten === 'EK' ? 'I' : (chamberWritten as 'I' | 'II' | undefined);
  const keywordEnd = at + kw[0].length + (chamberWritten ? pre[1]!.length + 1 + chamberWritten.length : 0);
  const dossierAt = at + kw[0].length + pre[0].length;
  if (dossierAt === at + kw[0].length) return undefined; // "Kamerstuk29826": no space, not a citation
  const vergaderjaar = vergaderjaarOf(pre[3], pre[4]);
  return readFromDossier(
    s,
    dossierAt,
    { start: at, keyword: { start: at, end: keywordEnd }, chamber, vergaderjaar },
    'keyword',
  );
}

/** Reads a citation after "Tweede Kamer" / "Eerste Kamer" / "TK"; its text starts at the dossier. */
export function readChamberCitation(s: string, at: number): CitationReading | undefined {
  const row = sticky(GLUED_METADATA_ROW, s, at);
  // A glued row may follow a glued date cell ("11-07-2019Tweede Kamer …"), never a letter.
  if (row && !(at > 0 && /\p{L}/u.test(s[at - 1]!))) {
    const vergaderjaar = vergaderjaarOf(row[2], row[3]);
    const dossierAt = at + row[0].length;
    if (vergaderjaar) {
      const chamber = row[1] === 'Eerste' ? 'I' : 'II';
      return readFromDossier(s, dossierAt, { start: dossierAt, keyword: null, chamber, vergaderjaar }, 'context');
    }
  }
  const pre = sticky(CHAMBER_PREAMBLE, s, at);
  if (!pre || (at > 0 && /[\p{L}\p{N}]/u.test(s[at - 1]!))) return undefined;
  if (handelingenBefore(s, at)) return undefined;
  const dossierAt = at + pre[0].length;
  const vergaderjaar = vergaderjaarOf(pre[2], pre[3]);
  const chamber = pre[1] === 'Eerste Kamer' || pre[1] === 'EK' ? 'I' : 'II';
  return readFromDossier(s, dossierAt, { start: dossierAt, keyword: null, chamber, vergaderjaar }, 'context');
}

/** Reads a citation that starts at its dossier, with no keyword. */
export function readBareCitation(s: string, at: number, licence: CitationLicence): CitationReading | undefined {
  if (gluedBefore(s, at)) return undefined;
  return readFromDossier(s, at, { start: at, keyword: null, chamber: undefined, vergaderjaar: undefined }, licence);
}

/** Reads the official identifier kst-29826-277 (also inside a link). */
export function readIdentifier(s: string, at: number): CitationReading | undefined {
  if (at > 0 && /[\p{L}\p{N}]/u.test(s[at - 1]!)) return undefined;
  const m = sticky(IDENTIFIER(), s, at);
  if (!m) return undefined;
  const dossierStart = at + 4;
  const dossierEnd = dossierStart + m[1]!.length;
  const end = at + m[0].length;
  return {
    start: at,
    keyword: { start: at, end: at + 4 },
    chamber: undefined,
    vergaderjaar: undefined,
    dossiers: [{ start: dossierStart, end: dossierEnd, dossier: normalizeDossier(m[1]!) }],
    numbers: [{ start: end - m[2]!.length, end, nr: m[2]!.toUpperCase(), marker: null, separatorStart: dossierEnd, inherited: false }],
    pages: undefined,
    identifier: true,
    numberFirst: false,
    unconfirmed: false,
    end,
    licence: 'keyword',
  };
}

/**
 * Reads the Handelingen form "206 (28 844)", "9 (36 410-XIV)", "942 (21501–08)". In running text it
 * needs a cue just before it (a motion, an amendment, a paper) or to continue a list of such citations.
 */
export function readNumberFirstCitation(s: string, at: number, licence: CitationLicence, cued: boolean): CitationReading | undefined {
  if (gluedBefore(s, at)) return undefined;
  const m = sticky(NUMBER_FIRST, s, at);
  if (!m || (!m[2] && !NR_BEFORE().test(s.slice(Math.max(0, at - 5), at)))) return undefined;
  if (licence === 'bare' && !cued && !NUMBER_FIRST_CUE().test(s.slice(Math.max(0, at - NUMBER_FIRST_CUE_WINDOW), at))) return undefined;
  const pieces = readDossierList(s, at + m[0].length, { numericSuffixAlways: true });
  if (!pieces) return undefined;
  const close = sticky(CLOSING_BRACKET, s, pieces[pieces.length - 1]!.end);
  if (!close) return undefined;
  const end = pieces[pieces.length - 1]!.end + close[0].length;
  const dossiers = normalized(s, pieces);
  const nr = m[1]!;
  return {
    start: at,
    keyword: null,
    chamber: undefined,
    vergaderjaar: undefined,
    dossiers,
    numbers: [{ start: at, end: at + nr.length, nr, marker: null, separatorStart: at + nr.length, inherited: false }],
    pages: undefined,
    identifier: false,
    numberFirst: true,
    unconfirmed: false,
    end,
    licence,
  };
}

/**
 * Reads a further citation right after one that ended at `at`, naming its own dossier:
 * "Kamerstukken 30 821 nr. 97 en 30 821 nr. 113", "Kamerstuk 34952-40 en 34952-41".
 */
export function readChainedCitation(s: string, at: number): CitationReading | undefined {
  const sep = sticky(CHAIN_SEPARATOR, s, at);
  if (!sep) return undefined;
  const reading = readFromDossier(s, at + sep[0].length, { start: at + sep[0].length, keyword: null, chamber: undefined, vergaderjaar: undefined }, 'context');
  return reading && reading.numbers.length > 0 ? reading : undefined;
}

/**
 * Reads the next item of a list of bare ids after one that ended at `at`: "34722-1; 33997-95;
 * 23908-(R1519)-131". The item is read with no cue of its own (licence 'bare'), so the caller can
 * tell whether the list as a whole is plainly a list of Kamerstukken.
 */
export function readListedBareCitation(s: string, at: number): CitationReading | undefined {
  const sep = sticky(LIST_SEPARATOR, s, at);
  if (!sep) return undefined;
  let next = at + sep[0].length;
  // The Handelingen's lists of papers mix in zaak numbers ("19637-2535; 2019Z19614; 19637-2533"): not
  // papers, but items of the same list.
  for (let zaak = sticky(ZAAK_ITEM(), s, next); zaak; zaak = sticky(ZAAK_ITEM(), s, next)) next += zaak[0].length;
  if (!sticky(BARE_CITATION_AHEAD, s, next)) return undefined;
  const reading = readBareCitation(s, next, 'bare');
  return reading && reading.numbers.length > 0 ? reading : undefined;
}

/** Reads whatever citation starts at a candidate the scan found. */
export function readCitationAt(s: string, at: number, cued: boolean, bills?: BillCues): CitationReading | undefined {
  const c = s[at]!;
  if ((c === 'k' || c === 'K') && s.startsWith('st-', at + 1)) return readIdentifier(s, at);
  if (c === 'k' || c === 'K' || c === 'd' || c === 'D') return readKeywordCitation(s, at);
  if (c === 'T' || c === 'E') return readChamberCitation(s, at);
  if (c === 'C') return readBracketedRomanCitation(s, at);
  // "Handelingen II 2019/20, nr. 34 (…)": the number of a sitting's report, not a paper.
  if (handelingenBefore(s, at)) return undefined;
  return (
    readNumberFirstCitation(s, at, 'bare', cued) ??
    (sticky(BARE_CITATION_AHEAD, s, at) ? readBareCitation(s, at, PAPER_WORD_BEFORE().test(s.slice(Math.max(0, at - 24), at)) ? 'context' : 'bare') : undefined) ??
    (bills ? readBillDossier(s, at, bills) ?? readNamedBillDossier(s, at, bills) : undefined) ??
    readRijkswetDossier(s, at)
  );
}

/**
 * Where a Handelingen citation has led up to a number ("Handelingen II 2019/20, nr. 34", "Aanhangsel
 * Handelingen II 2021/22, nr. 1456", "Handelingen Tweede Kamer 2019/20, …"): what follows is the
 * report of a sitting (or an answer to questions), never a Kamerstuk.
 */
const HANDELINGEN_BEFORE = lazily(() => new RegExp(
  `(?<![\\p{L}])Handelingen(?: (?:I{1,2}|EK|TK)(?![\\p{L}]))?,?(?: (?:Eerste|Tweede) Kamer(?: der Staten-Generaal)?)?,?(?: vergaderjaar)?(?: (?:19|20)\\d{2} ?[/${DASH_CHARS}] ?(?:\\d{4}|\\d{2}))?,? (?:nrs?\\.? ?)?$`,
  'u',
));
const HANDELINGEN_REACH = 70;

/** Whether a Handelingen citation leads up to `at` (HANDELINGEN_BEFORE); most places have no "Handelingen" within reach to try. */
function handelingenBefore(s: string, at: number): boolean {
  const before = s.slice(Math.max(0, at - HANDELINGEN_REACH), at);
  return before.includes('Handelingen') && HANDELINGEN_BEFORE().test(before);
}

/**
 * A word for a paper right before a bare id, which vouches for it as a citation as "Tweede Kamer" does
 * ("amendement 36067 – 61", "de motie 29911-226", "op stuk 27017-63").
 */
const PAPER_WORD_BEFORE = lazily(() => /(?<![\p{L}])(?:[Aa]mendement(?:en)?|[Mm]oties?|[Ss]tuk(?:ken)?) (?:nrs?\.? ?)?$/u);

/**
 * What names a bill (or another paper that opens a dossier) before its bare dossier number in
 * brackets: "het wetsvoorstel …", "het voorstel van wet …", the title forms "Wijziging van de Wet …",
 * "Regels omtrent …", "Goedkeuring van het … verdrag", "Vaststelling van de begrotingsstaten …"; and
 * what the Eerste Kamer's lists of toezeggingen name a dossier under: the heading "Toezegging …
 * (33.344) (T01970)" and the field "Kamerstukken Tijdelijke wet … (35.526)".
 */
const BILL_CUE = lazily(() =>
  // The lookahead names the first letters the cues can start with: tried first, it lets the engine pass
  // over every other position without trying the lookbehind there (twice as fast; the same matches).
  /(?=[IiwWhdvRGVSTK])(?<![\p{L}])(?:[Ii]nitiatief(?:wets)?voorstel(?:len)?|(?:initiatief)?wetsvoorstel(?:len)?|Wetsvoorstel(?:len)?|(?:het |dit |dat )?voorstel(?:len)? van (?:rijks)?wet|het (?:initiatief)?voorstel|Wijziging van|Regels (?:omtrent|over|inzake|ter|met betrekking tot)|Goedkeuring van|Vaststelling van de begrotingsstaten|Slotwet|Intrekking van|Toezegging|Kamerstukken)(?![\p{L}])/gu);
/** A bill's title can be long (an agenda names it whole); its cue is looked for this far back in the sentence. */
const BILL_CUE_REACH = 1000;

/**
 * Where bills are named and sentences end, found as the scan of a document moves forward (each part
 * of the text is scanned once, whatever the number of bracketed numbers), so that "is a bill named
 * earlier in this sentence?" costs a lookup.
 */
/** Where lines start and end, which the flat text no longer shows. */
export interface LineLayout {
  /** True when nothing but a list mark ("- ", "• ", "1. ") stands between the start of the line and `at`. */
  startsLine(at: number): boolean;
  /** True when nothing but white space stands between `at` and the end of the line. */
  endsLine(at: number): boolean;
}

export class BillCues {
  private readonly cues: number[] = [];
  private readonly scan: ForwardMatches;

  constructor(
    s: string,
    private readonly sentences: Sentences,
    private readonly layout?: LineLayout,
  ) {
    this.scan = new ForwardMatches(s, BILL_CUE(), (m) => this.cues.push(m.index));
  }

  /** True when the line ends at `at`; false where the layout is unknown. */
  endsLine(at: number): boolean {
    return this.layout?.endsLine(at) ?? false;
  }

  /** True when the text at `at` starts a line (after a list mark); false where the layout is unknown. */
  startsLine(at: number): boolean {
    return this.layout?.startsLine(at) ?? false;
  }

  /** True when a bill is named within BILL_CUE_REACH before `at`, in the same sentence. Asks must come in order of position. */
  namedBefore(at: number): boolean {
    this.scan.cover(at - BILL_CUE_REACH, at);
    const cue = lastBelow(this.cues, at);
    if (cue === undefined || cue < at - BILL_CUE_REACH) return false;
    return this.sentences.startOf(at) <= cue;
  }
}


/**
 * "het voorstel Wijziging van de Wet op de beroepen in de individuele gezondheidszorg … (34630)": a
 * bill cited by its bare dossier number in brackets, as the Handelingen and agendas do. The brackets
 * hold nothing but the dossier (or a subject's dossiers joined by "/", "(34.300 IV / CXIX)"), and a
 * bill is named earlier in the same sentence. A thousands dot is how the Eerste Kamer writes dossiers
 * ("(33.344)"), but also how sums and counts are written: such a number counts only where it closes
 * a title (the end of the line or sentence, a toezegging's number) and is not a round thousand. A
 * rijkswet number after the dossier ("(32.026 (R1888))") makes it a dossier wherever it stands.
 */
function readBillDossier(s: string, at: number, bills: BillCues): CitationReading | undefined {
  if (!OPENS_BRACKET.test(s.slice(Math.max(0, at - 2), at))) return undefined;
  const pieces = readDossierList(s, at, { numericSuffixAlways: true });
  if (!pieces) return undefined;
  for (let i = 1; i < pieces.length; i++) if (!s.slice(pieces[i - 1]!.end, pieces[i]!.start).includes('/')) return undefined;
  const end = pieces[pieces.length - 1]!.end;
  const close = sticky(CLOSING_BRACKET_AHEAD, s, end);
  if (!close) return undefined;
  const written = s.slice(at, end);
  if (!RIJKSWET_WRITTEN.test(written)) {
    if (written.includes('.') && (ROUND_THOUSAND.test(s.slice(pieces[0]!.start, pieces[0]!.end)) || !closesTitle(s, end + close[0].length, bills))) return undefined;
    if (!bills.namedBefore(at)) return undefined;
  }
  return dossierReading(s, at, pieces);
}

const RIJKSWET_WRITTEN = /\( ?R ?\d/;
/** A rijkswet number as the Kamer gives them: "(R1888)", "(R 1669)". */
const RIJKSWET_NUMBER = /\( ?R ?\d{3,4} ?\)$/;
const ROUND_THOUSAND = /[.]000$/;
/**
 * What follows a dossier that closes a title: the end of the line, a bracket, a list mark, a table
 * cell, a next sentence glued on by text extraction ("(35.732)De minister"), a toezegging's number
 * "(T01970)". Not a full stop or comma: "… leidt tot meer aanvragen (12.345)." is a count.
 */
const CLOSES_TITLE = lazily(() => /(?: ?[)\];|]|\p{Lu}| ?\(T\d)/uy);

function closesTitle(s: string, at: number, bills: BillCues): boolean {
  return at >= s.length || sticky(CLOSES_TITLE(), s, at) !== null || bills.endsLine(at);
}

/**
 * "de Rijkswet financieel toezicht 32.026 (R1888)": a dossier with its rijkswet number is one wherever
 * it stands; nothing else is numbered "(R1888)".
 */
function readRijkswetDossier(s: string, at: number): CitationReading | undefined {
  if (gluedBefore(s, at)) return undefined;
  const piece = readDossier(s, at, { numericSuffixAlways: false });
  if (!piece || !RIJKSWET_NUMBER.test(s.slice(at, piece.end)) || gluedAfterDossier(s, piece.end)) return undefined;
  return dossierReading(s, at, [piece]);
}

/** A reading of dossiers alone, as a bill or subject is cited. */
function dossierReading(s: string, start: number, pieces: readonly Piece[]): CitationReading {
  return {
    start,
    keyword: null,
    chamber: undefined,
    vergaderjaar: undefined,
    dossiers: normalized(s, pieces),
    numbers: [],
    pages: undefined,
    identifier: false,
    numberFirst: false,
    unconfirmed: false,
    end: pieces[pieces.length - 1]!.end,
    licence: 'bare',
  };
}

/**
 * "het wetsvoorstel 36 123", "de initiatiefwetsvoorstellen 36 100 en 36 101": a bill named by the word
 * and its dossier number. And the bill number that heads an agenda item, a line that starts with the
 * dossier and goes on with the bill's title ("36 123 Wijziging van de Wet …"), or a numbered agenda
 * item that holds nothing else ("1. 34459", the title on the next line).
 */
function readNamedBillDossier(s: string, at: number, bills: BillCues): CitationReading | undefined {
  const named = BILL_WORD_BEFORE().test(s.slice(Math.max(0, at - 30), at));
  if (!named && !bills.startsLine(at)) return undefined;
  const pieces = readDossierList(s, at, { numericSuffixAlways: false });
  if (!pieces) return undefined;
  const end = pieces[pieces.length - 1]!.end;
  if (gluedAfterDossier(s, end)) return undefined;
  // A numbered agenda item that holds nothing but the dossier ("1. 34459", "2. 35210 VIII"), its
  // title on the lines below, as the chambers' agendas and committee notes print them.
  const agendaItem = !named && bills.endsLine(end) && NUMBERED_ITEM_BEFORE().test(s.slice(Math.max(0, at - 6), at));
  if (!named && !agendaItem && (pieces.length > 1 || !sticky(BILL_TITLE_AHEAD(), s, end))) return undefined;
  return dossierReading(s, at, pieces);
}

/** The number of an agenda item before it: "1. ", "12. ". */
const NUMBERED_ITEM_BEFORE = lazily(() => /(?:^|[^\p{L}\p{N}.,])\d{1,2}\. $/u);

/** The word for a bill right before its number: "wetsvoorstel 36 123", "voorstel van wet 36 123", "wetsvoorstelnummer 36123". */
const BILL_WORD_BEFORE = lazily(() => /(?<![\p{L}])(?:[Ww]etsvoorstel(?:len|nummer)?|[Ii]nitiatief(?:wets)?voorstel(?:len)?|[Vv]oorstel(?:len)? van (?:rijks)?wet) $/u);
/** How a bill's title starts, after its number heading an agenda item ("35.526 Tijdelijke wet maatregelen covid-19"). */
const BILL_TITLE_AHEAD = lazily(() =>
  / (?:Wijziging van|Regels (?:omtrent|over|inzake|ter|voor|met betrekking tot|betreffende)|Goedkeuring van|Vaststelling van|Intrekking van|Voorstel van (?:rijks)?wet|Initiatiefvoorstel|Initiatiefwetsvoorstel|Verklaring dat er grond bestaat|(?:Wet|Rijkswet|Tijdelijke wet|Invoeringswet|Verzamelwet|Aanpassingswet|Reparatiewet|Slotwet)(?= \p{L}))(?![\p{L}])/uy);

/**
 * What must follow a dossier number for a bare citation to be read at all: a suffix, a dash, a joint
 * dossier, a marker ("nr.", "letter") or a bracket; a cheap test before the grammar, which most numbers
 * ("in 2021 waren er 35420 aanvragen") fail.
 */
const BARE_CITATION_AHEAD = new RegExp(`[1-9]\\d[ .]?\\d{3}(?:[A-Z(/,${DASH_CHARS}]| [A-Z(/,${DASH_CHARS}]| en | (?:stuk |[Nn]r|[Nn]ummer|letter))`, 'y');

/**
 * Reads a string that is, as a whole, one printed citation ("36 410-VI, nr. 87", "206 (28 844)",
 * "Kamerstuk 35420, 57", "kst-29826-277"). Returns undefined when anything is left over.
 */
export function readWholeCitation(s: string): CitationReading | undefined {
  let start = 0;
  let end = s.length;
  while (start < end && s[start] === ' ') start++;
  while (end > start && (s[end - 1] === ' ' || s[end - 1] === '.')) end--;
  if (start === end) return undefined;
  const text = s.slice(0, end);
  const c = text[start]!;
  const candidates: (CitationReading | undefined)[] = [];
  if ((c === 'k' || c === 'K') && text.startsWith('st-', start + 1)) candidates.push(readIdentifier(text, start));
  else if (c === 'k' || c === 'K' || c === 'd' || c === 'D') candidates.push(readKeywordCitation(text, start));
  else if (c === 'T' || c === 'E') candidates.push(readChamberCitation(text, start));
  else {
    candidates.push(readNumberFirstCitation(text, start, 'whole', true));
    candidates.push(readBareCitation(text, start, 'whole'));
  }
  return candidates.find((r) => r !== undefined && r.end === end && r.numbers.length > 0);
}

/**
 * Reads a string that is only an ondernummer continuing an earlier citation ("348", "nr. 348",
 * "letter Y"), as printed after "35 334, nrs. 383".
 */
export function readWholeContinuation(s: string): string | undefined {
  const m = /^ ?(?:(?:[Nn]rs?\.?|letter) ?)?(\d{1,4}|[A-Z]{1,3})\.? ?$/.exec(s);
  return m ? m[1] : undefined;
}
