/**
 * Abbreviations in a letter, for the house-style rules: which capitals-words are abbreviations, which
 * are so well known that no reader needs them written out, and whether a letter writes one out.
 *
 * The well-known ones are those the Rijksoverheid's own letters use without explanation: the
 * international bodies, the planning offices and advisory councils, the ministries, the chambers, the
 * parties, and a handful of everyday terms (btw, cao, mkb, ICT). An unknown abbreviation is never a
 * mistake on its own; it is worth a look (information) when the letter nowhere writes it out.
 */
import type { DocumentWords } from '../documentWords';
import { bounded } from '../lineItems';
import { lazily } from '../../engine/lazily';

/** Abbreviations a Kamerbrief's reader knows without explanation (compared in upper case). */
export const WELL_KNOWN_ABBREVIATIONS: ReadonlySet<string> = new Set([
  // International
  'EU', 'VN', 'UN', 'NAVO', 'NATO', 'OESO', 'OECD', 'IMF', 'WHO', 'WTO', 'ISO', 'EC', 'EP', 'EIB', 'ECB', 'ESA', 'EMA', 'IEA', 'IPCC', 'VS', 'VK', 'USA', 'UK',
  'NL', 'EUR', 'USD', 'IT', 'AEX', 'CO', 'BBP', 'GDP', 'SDG', 'SDGS', 'CEO', 'MFK', 'COVID', 'NGO', 'NGOS', 'KPI', 'FTE', 'PDF', 'URL', 'CV',
  // Planning offices, advisory councils, statistics, institutes
  'SER', 'CPB', 'PBL', 'SCP', 'CBS', 'TNO', 'RIVM', 'KNMI', 'AIV', 'WRR', 'NWO', 'KNAW', 'DNB', 'AFM', 'ACM', 'AP', 'NOS',
  // Ministries and government
  'AZ', 'BZ', 'BZK', 'BHO', 'BHOS', 'DEF', 'EZ', 'EZK', 'FIN', 'IENW', 'JENV', 'LNV', 'LVVN', 'OCW', 'SZW', 'VWS', 'KGG', 'VRO', 'ANB',
  'TK', 'EK', 'RVO', 'CAO', 'BTW', 'MKB', 'ICT', 'AI', 'BV', 'NV', 'BNP', 'AOW', 'WW', 'ZZP', 'ZZP’ER', 'HBO', 'MBO', 'WO', 'VMBO', 'HAVO', 'VWO', 'PO', 'VO',
  // Parties
  'VVD', 'PVV', 'CDA', 'SP', 'PVDA', 'GL', 'D66', 'CU', 'SGP', 'PVDD', 'DENK', 'FVD', 'BBB', 'NSC', 'JA21', '50PLUS', 'GL-PVDA',
  // The Kamer's own procedure (algemeen overleg, verslag daarvan, schriftelijk overleg, wetgevingsoverleg)
  'AO', 'VAO', 'SO', 'WGO',
  // The associations of municipalities and provinces, the benefit agencies, the union federation
  'VNG', 'IPO', 'UWV', 'SVB', 'FNV',
  // Web and document formats
  'HTML', 'XML',
  // Firms whose abbreviation is their name (nobody writes them out)
  'KPMG', 'PWC', 'EY', 'KLM', 'KPN', 'ING', 'ASML', 'NXP', 'DSM',
]);

/**
 * Capitals-words that are no abbreviation to write out: Dutch words in a heading or a signature set
 * in capitals ("DEEL A", "DE MINISTER VAN …"), and the prefixes of identifiers and citations ("ISSN
 * 0921-7371", "COM(2025) 944", "CELEX:52022PC0546", "PbEU L 259", "ECLI:NL:…").
 */
export const NO_ABBREVIATIONS: ReadonlySet<string> = new Set([
  'DE', 'HET', 'EEN', 'EN', 'OF', 'IN', 'OP', 'TE', 'TOT', 'MET', 'VAN', 'VOOR', 'NAAR', 'OM', 'AAN', 'BIJ', 'UIT', 'OVER', 'DIT', 'DAT', 'DIE', 'ALS', 'NIET', 'OOK',
  'DEEL', 'NOTA', 'BRIEF', 'WET', 'ZIE', 'NR', 'BIJL', 'BLZ',
  'ISSN', 'ISBN', 'CELEX', 'ECLI', 'COM', 'SEC', 'JOIN', 'PBEU', 'PBEG',
]);

/**
 * A word that is an abbreviation: letters only, at least two capitals and at least half of it
 * capitals, all capitals up to five letters ("NVWA", "ILT") or mixed case up to six ("KMar", "RvS",
 * "IenW", "AMvB"); not a Roman numeral ("II", "XIII"). A longer word in capitals is a word set in
 * capitals (a heading's "BIJLAGE", "DOELEN") or an acronym read as a word.
 */
export function isAbbreviation(word: string): boolean {
  if (word.length < 2 || word.length > 6 || !/^\p{Lu}[\p{L}]*$/u.test(word)) return false;
  const capitals = [...word].filter((c) => c !== c.toLowerCase()).length;
  if (capitals < 2 || capitals * 2 < word.length) return false;
  if (capitals === word.length && word.length > 5) return false;
  return !/^[IVXLCDM]+$/.test(word);
}

/** What opens brackets that introduce an abbreviation, up to it: "(", "(hierna: ", "(verder: de ". */
const OPENING = String.raw`\((?:hierna(?: te noemen)?:?\s*|verder:?\s*)?(?:de |het )?`;
/** "(NVWA)", "(hierna: NVWA)", "(verder: de NVWA)", "(GPU’s)": an abbreviation in brackets after what it stands for. */
const BRACKETED = lazily(() => new RegExp(String.raw`${OPENING}(\p{Lu}[\p{L}]{1,7})(?:['’]s)?\s*\)`, 'uy'));
/** The opening of such brackets right before an abbreviation; what may follow it there ("’s", then ")", "," or ";"). */
const OPENING_BEFORE = new RegExp(`${OPENING}$`);
const CLOSING_AFTER = /^(?:['’]s)?\s*[),;]/;
/** "(PCA, kortere termijn maatregel)": an abbreviation first in brackets, then more (not a year: "(NVWA, 2023)" is a source). */
const FIRST_IN_BRACKETS = lazily(() => /\((\p{Lu}[\p{L}]{1,7})(?:['’]s)?\s*[,;]\s*(?![\p{N}])/uy);
/** "(Compound Annual Growth Rate; CAGR)", "(Payment Service Providers, oftewel PSP’s)": the abbreviation last in the brackets. */
const LAST_IN_BRACKETS = lazily(() => /[,;]\s*(?:(?:oftewel|ofwel|afgekort(?: als)?|kortweg|hierna:?)\s+)?(?:de |het )?(\p{Lu}[\p{L}]{1,7})(?:['’]s)?\s*$/u);
/** "NVWA (Nederlandse Voedsel- en Warenautoriteit)": an abbreviation followed by its words in brackets. */
const FOLLOWED_BY_NAME = lazily(() => /(?<![\p{L}\p{N}])(\p{Lu}[\p{L}]{1,7})\s{0,2}\(\s*\p{L}[\p{L}-]*(?:\s+[\p{L}-]+){1,10}\s*\)/uy);

/**
 * The abbreviations a letter writes out: "Nederlandse Voedsel- en Warenautoriteit (NVWA)", "(hierna:
 * NVWA)", "Ground Power Units (GPU’s)", or the other way round, "NVWA (Nederlandse Voedsel- en
 * Warenautoriteit)"; and with more in the brackets where its letters stand for the words before it,
 * "Preconditioned Air unit (PCA, kortere termijn maatregel)", "(Compound Annual Growth Rate; CAGR)".
 * One pass each.
 */
export function explainedAbbreviations(text: string, words: DocumentWords): Set<string> {
  return new Set(explanationsIn(text, words, 0, text.length).map((e) => e.word));
}

/** An abbreviation written out: the word, at the "(" or the abbreviation that starts its explanation. */
export interface AbbreviationExplanation {
  readonly at: number;
  readonly word: string;
}

/**
 * The explanations (see explainedAbbreviations) that start in [from, to), in text order; each read
 * from its start and at most REACH characters on (features/lineItems.ts), 160 before.
 */
export function explanationsIn(text: string, words: DocumentWords, from: number, to: number): AbbreviationExplanation[] {
  const bracketed: AbbreviationExplanation[] = [];
  // "(NVWA)" starts at a "(" and holds no other: tried at each "(" (found natively), in order.
  for (let at = text.indexOf('(', from); at >= 0 && at < to; at = text.indexOf('(', at + 1)) {
    BRACKETED().lastIndex = at;
    const m = BRACKETED().exec(bounded(text, at));
    const word = m ? m[1]! : introducedInBrackets(text, at);
    if (word !== undefined) bracketed.push({ at, word });
  }
  // "NVWA (…)" starts where a run of letters starts and its abbreviation is that whole run (a word
  // character after it is no space or bracket): only runs of at most eight letters (sixteen UTF-16
  // units) not starting with an ASCII lower-case letter or digit are tried, from the shared word index.
  // No run inside a match's brackets could start another match (no "(" follows it there).
  const followed: AbbreviationExplanation[] = [];
  const list = words.capitalized();
  const { first, end: last } = words.runsStartingIn(list, from, to);
  for (let k = first; k < last; k++) {
    const i = list[k]!;
    const start = words.starts[i]!;
    if (words.ends[i]! - start > 16) continue;
    const c = text.charCodeAt(start);
    if (c < 65 || (c > 90 && c < 128)) continue;
    // A "(" within two characters after the run, or no match.
    const end = words.ends[i]!;
    if (text.charCodeAt(end) !== 40 && text.charCodeAt(end + 1) !== 40 && text.charCodeAt(end + 2) !== 40) continue;
    FOLLOWED_BY_NAME().lastIndex = start;
    const m = FOLLOWED_BY_NAME().exec(bounded(text, start));
    if (m) followed.push({ at: start, word: m[1]! });
  }
  // (A "(" is no run's start: no two explanations start at one place.)
  return bracketed.concat(followed).sort((x, y) => x.at - y.at);
}

/**
 * The brackets at `open` introduce an abbreviation with more in them: "Preconditioned Air unit (PCA,
 * kortere termijn maatregel)" or "(Well-to-Tank, WtT)". Taken only where its letters stand for the
 * words it follows (`standsFor`): "(NVWA, p. 12)" or "(zie CPB, NVWA)" introduce nothing.
 */
function introducedInBrackets(text: string, open: number): string | undefined {
  FIRST_IN_BRACKETS().lastIndex = open;
  const first = FIRST_IN_BRACKETS().exec(bounded(text, open));
  if (first) return standsFor(first[1]!, text.slice(Math.max(0, open - 160), open)) ? first[1]! : undefined;
  // The closing bracket, within a sentence's reach (looked for there only: a text of many "(" and
  // no ")" is read once, not once per bracket) and with no other bracket opened before it.
  const reach = text.slice(open + 1, open + 241);
  const close = reach.indexOf(')');
  if (close < 0) return undefined;
  const inside = reach.slice(0, close);
  if (inside.includes('(')) return undefined;
  const last = LAST_IN_BRACKETS().exec(inside);
  return last && standsFor(last[1]!, inside.slice(0, last.index)) ? last[1]! : undefined;
}

/**
 * Whether the abbreviation written at [start, end) is introduced right there: in brackets ("(ILT)",
 * "(hierna: ILT)", "(ILT, …)") after words its letters stand for ("Inspectie voor Leefomgeving en
 * Transport (ILT)", the letter's own wording of the name).
 */
export function introducedWhereUsed(text: string, start: number, end: number, abbreviation: string): boolean {
  const opening = OPENING_BEFORE.exec(text.slice(Math.max(0, start - 24), start));
  if (!opening || !CLOSING_AFTER.test(text.slice(end, end + 4))) return false;
  const open = start - opening[0].length;
  return standsFor(abbreviation, text.slice(Math.max(0, open - 160), open));
}

const WORD_CHARACTER = lazily(() => /^[\p{L}\p{N}]$/u);

/**
 * Whether an abbreviation's letters stand for the end of `before`, as Schwartz and Hearst (2003) find
 * a short form's long form: its letters, last to first, are found in order from the end of the words,
 * the first letter at the start of a word; within the last min(n + 5, 2n) words for n letters.
 * ("Compound Annual Growth Rate" for CAGR, "Well-to-Tank" for WtT, "Kennis- en Innovatieagenda’s" for KIA.)
 */
export function standsFor(abbreviation: string, before: string): boolean {
  const most = Math.min(abbreviation.length + 5, abbreviation.length * 2);
  const words = before.trim().split(/\s+/);
  const long = words.slice(-most).join(' ');
  let l = long.length - 1;
  for (let s = abbreviation.length - 1; s >= 0; s--) {
    const c = abbreviation[s]!.toLowerCase();
    if (!WORD_CHARACTER().test(c)) continue;
    while (l >= 0 && (long[l]!.toLowerCase() !== c || (s === 0 && l > 0 && WORD_CHARACTER().test(long[l - 1]!)))) l--;
    if (l < 0) return false;
    l--;
  }
  return true;
}
