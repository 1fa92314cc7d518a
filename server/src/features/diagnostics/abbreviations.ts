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

/** "(NVWA)", "(hierna: NVWA)", "(verder: de NVWA)": an abbreviation in brackets after what it stands for. */
const BRACKETED = /\((?:hierna(?: te noemen)?:?\s*|verder:?\s*)?(?:de |het )?(\p{Lu}[\p{L}]{1,7})\s*\)/uy;
/** "NVWA (Nederlandse Voedsel- en Warenautoriteit)": an abbreviation followed by its words in brackets. */
const FOLLOWED_BY_NAME = /(?<![\p{L}\p{N}])(\p{Lu}[\p{L}]{1,7})\s{0,2}\(\s*\p{L}[\p{L}-]*(?:\s+[\p{L}-]+){1,10}\s*\)/uy;

/**
 * The abbreviations a letter writes out: "Nederlandse Voedsel- en Warenautoriteit (NVWA)", "(hierna:
 * NVWA)", or the other way round, "NVWA (Nederlandse Voedsel- en Warenautoriteit)". One pass each.
 */
export function explainedAbbreviations(text: string, words: DocumentWords): Set<string> {
  const out = new Set<string>();
  // "(NVWA)" starts at a "(" and holds no other: tried at each "(" (found natively), in order.
  for (let at = text.indexOf('('); at >= 0; at = text.indexOf('(', at + 1)) {
    BRACKETED.lastIndex = at;
    const m = BRACKETED.exec(text);
    if (m) out.add(m[1]!);
  }
  // "NVWA (…)" starts where a run of letters starts and its abbreviation is that whole run (a word
  // character after it is no space or bracket): only runs of at most eight letters (sixteen UTF-16
  // units) not starting with an ASCII lower-case letter or digit are tried, from the shared word index.
  // No run inside a match's brackets could start another match (no "(" follows it there).
  for (const i of words.capitalized()) {
    const start = words.starts[i]!;
    if (words.ends[i]! - start > 16) continue;
    const c = text.charCodeAt(start);
    if (c < 65 || (c > 90 && c < 128)) continue;
    // A "(" within two characters after the run, or no match.
    const end = words.ends[i]!;
    if (text.charCodeAt(end) !== 40 && text.charCodeAt(end + 1) !== 40 && text.charCodeAt(end + 2) !== 40) continue;
    FOLLOWED_BY_NAME.lastIndex = start;
    const m = FOLLOWED_BY_NAME.exec(text);
    if (m) out.add(m[1]!);
  }
  return out;
}
