/**
 * The official identifiers of parliamentary papers and how they are written.
 *
 * A Kamerstuk is identified by its dossier (number plus optional suffix, the "toevoeging": a budget
 * chapter "XIII", a sub-dossier "30", a letter "A", a rijkswet "(R1669)") and its ondernummer.
 * officielebekendmakingen writes it `kst-<dossier>-<suffix>-<nr>`: kst-29826-277,
 * kst-36600-XIII-65, kst-21501-30-470. The Tweede Kamer writes document numbers `2025D44449`.
 */
import { detached } from './chars';

/** A Kamerstuk's identity. `dossier` is normalized: no spaces, suffix joined with "-", upper case. */
export interface KamerstukId {
  readonly dossier: string;
  readonly nr: string;
}

/**
 * Normalizes a dossier as written ("29 826", "35.830", "35300 XIII", "21501–30", "36 410A", "27 484 (R 1669)")
 * to the guideline's form ("29826", "35300-XIII", "21501-30", "36410-A", "27484-(R1669)").
 */
export function normalizeDossier(written: string): string {
  // Digits alone ("29826") are the form already; other forms recur (a letter cites its dossiers again
  // and again): each is normalized once (a bounded table, keyed by a copy that holds no document).
  if (ALL_DIGITS.test(written)) return written;
  let normal = normalizedDossiers.get(written);
  if (normal === undefined) {
    if (normalizedDossiers.size >= MOST_NORMALIZED_DOSSIERS) normalizedDossiers.clear();
    normalizedDossiers.set(detached(written), (normal = normalizeWrittenDossier(written)));
  }
  return normal;
}

const ALL_DIGITS = /^[0-9]+$/;
const normalizedDossiers = new Map<string, string>();
const MOST_NORMALIZED_DOSSIERS = 4096;

function normalizeWrittenDossier(written: string): string {
  let s = written.trim().replace(/[\u2010-\u2015\u2212]/g, '-');
  // Rijkswet suffix: "(R 1669)" → "(R1669)".
  s = s.replace(/\(\s*R\s*(\d+)\s*\)/gi, (_m, n: string) => `-(R${n})`);
  // Digits first: join "29 826" and "35.830" → "29826", "35830".
  const m = /^(\d{1,3})[\s.](\d{3})(?!\d)/.exec(s);
  if (m) s = m[1]! + m[2]! + s.slice(m[0].length);
  // Separate a suffix glued to the digits ("36410A" → "36410-A").
  s = s.replace(/^(\d+)([A-Za-z])/, '$1-$2');
  s = s.replace(/\s*-\s*/g, '-').replace(/\s+/g, '-').replace(/-+/g, '-').replace(/-$/, '');
  return s.toUpperCase();
}

/** The id without prefix, as officielebekendmakingen and the catalog use it: "29826-277", "36600-XIII-65". */
export function kamerstukKey(id: KamerstukId): string {
  return `${id.dossier}-${id.nr}`;
}

/** The official identifier: "kst-29826-277". */
export function officialKamerstukId(id: KamerstukId): string {
  return `kst-${kamerstukKey(id)}`;
}

/**
 * Parses an id as written in data and settings: "29826-277", "kst-36600-XIII-65", "21501-30-470", "kst-CII-G",
 * "29826, nr. 277" is not accepted here (see the Kamerstuk recognizer for written citations).
 * The last part is the ondernummer; everything before it the dossier.
 */
export function parseKamerstukKey(key: string): KamerstukId | undefined {
  const s = key.trim().replace(/^kst-/i, '').replace(/[\u2010-\u2015\u2212]/g, '-');
  // The Eerste Kamer's Roman-numeral dossiers hold letter papers only: kst-CII-G, kst-cxxiv-g.
  const roman = /^(C[LXVI]{1,7})-([A-Z]{1,3})$/i.exec(s);
  if (roman) return { dossier: roman[1]!.toUpperCase(), nr: roman[2]!.toUpperCase() };
  const m = /^(\d{1,6}(?:-[A-Za-z0-9()]{1,8}){0,2})-([0-9]{1,5}|[A-Za-z]{1,3})$/.exec(s);
  if (!m) return undefined;
  return { dossier: normalizeDossier(m[1]!), nr: /^\d/.test(m[2]!) ? m[2]! : m[2]!.toUpperCase() };
}

/** The dossier number without its suffix: "36600-XIII" → "36600". */
export function dossierNumber(dossier: string): string {
  const i = dossier.indexOf('-');
  return i < 0 ? dossier : dossier.slice(0, i);
}

/** The suffix (toevoeging) of a dossier, if any: "36600-XIII" → "XIII". */
export function dossierSuffix(dossier: string): string | undefined {
  const i = dossier.indexOf('-');
  return i < 0 ? undefined : dossier.slice(i + 1);
}

/** The official written dossier: "29826" → "29 826", "36600-XIII" → "36 600 XIII", "21501-30" → "21 501-30". */
export function officialDossierText(dossier: string): string {
  const num = dossierNumber(dossier);
  const suffix = dossierSuffix(dossier);
  const spaced = num.length === 5 ? `${num.slice(0, 2)} ${num.slice(2)}` : num;
  if (!suffix) return spaced;
  // Budget chapters (Roman numerals, letters) follow with a space; numeric sub-dossiers with a dash.
  return /^\d/.test(suffix) ? `${spaced}-${suffix}` : `${spaced} ${suffix}`;
}

/** True for a Tweede Kamer document number such as 2025D44449. */
export function isDocumentNumber(value: string): boolean {
  return /^(19|20)\d{2}D\d{4,6}$/.test(value);
}

/** Web page of a Kamerstuk on zoek.officielebekendmakingen.nl. */
export function officialPageUrl(id: KamerstukId): string {
  return `https://zoek.officielebekendmakingen.nl/${officialKamerstukId(id)}.html`;
}

/**
 * A document's page on tweedekamer.nl. The site addresses documents by their document number
 * (`detail?id=2025D44449&did=2025D44449`); for a Kamerstuk whose document number is unknown, its
 * search page finds it.
 */
export function tweedeKamerDocumentUrl(documentNumber: string): string {
  return `https://www.tweedekamer.nl/kamerstukken/detail?id=${documentNumber}&did=${documentNumber}`;
}

/** tweedekamer.nl's search for a Kamerstuk ("29 826 nr. 277", "36 800 X nr. 12": a dossier keeps its suffix). */
export function tweedeKamerSearchUrl(id: KamerstukId): string {
  return `https://www.tweedekamer.nl/zoeken?qry=${encodeURIComponent(`${officialDossierText(id.dossier)} nr. ${id.nr}`)}`;
}

/** The dossier's overview on zoek.officielebekendmakingen.nl. */
export function officialDossierUrl(dossier: string): string {
  return `https://zoek.officielebekendmakingen.nl/dossier/${encodeURIComponent(dossier)}`;
}

/**
 * A Handelingen publication: a sitting's report (its number, and its item where given) or an
 * Aanhangsel (answers to Kamervragen, numbered through the vergaderjaar). officielebekendmakingen
 * writes the item of a sitting `h-tk-20212022-62-7` (Eerste Kamer `h-ek-…`) and an Aanhangsel
 * `ah-tk-20212022-1456`.
 */
export interface HandelingenId {
  /** "I" (Eerste Kamer), "II" (Tweede Kamer), or null when the citation does not say. */
  readonly chamber: 'I' | 'II' | null;
  /** The vergaderjaar: "2021-2022". */
  readonly year: string;
  readonly nr: string;
  readonly item?: string;
  readonly aanhangsel: boolean;
}

/**
 * The key under which a Handelingen citation is indexed: its official identifier's form
 * ("h-tk-20212022-62-7", "ah-tk-20212022-1456", a sitting without item "h-tk-20212022-62"), with
 * "x" for a chamber the citation does not name ("ah-x-20212022-722").
 */
export function handelingenKey(h: HandelingenId): string {
  const chamber = h.chamber === 'I' ? 'ek' : h.chamber === 'II' ? 'tk' : 'x';
  const year = h.year.replace(/\D/g, '');
  return h.aanhangsel ? `ah-${chamber}-${year}-${h.nr}` : `h-${chamber}-${year}-${h.nr}${h.item ? `-${h.item}` : ''}`;
}

/** Reads a key of `handelingenKey` (or an official identifier) back. */
export function parseHandelingenKey(key: string): HandelingenId | undefined {
  const m = /^(a?h)-(tk|ek|x)-((?:19|20)\d{2})((?:19|20)\d{2})-(\d{1,5})(?:-(\d{1,3}))?$/i.exec(key.trim());
  if (!m || Number(m[4]) !== Number(m[3]) + 1) return undefined;
  const aanhangsel = m[1]!.toLowerCase() === 'ah';
  if (aanhangsel && m[6]) return undefined;
  const c = m[2]!.toLowerCase();
  return { chamber: c === 'ek' ? 'I' : c === 'tk' ? 'II' : null, year: `${m[3]}-${m[4]}`, nr: m[5]!, ...(m[6] ? { item: m[6] } : {}), aanhangsel };
}

/**
 * The official identifier of the one publication a Handelingen citation names: an Aanhangsel, or a
 * sitting's item. Undefined when the chamber is not said, or a sitting is cited without its item
 * (a sitting's report is published item by item).
 */
export function officialHandelingenId(h: HandelingenId): string | undefined {
  if (!h.chamber || (!h.aanhangsel && !h.item)) return undefined;
  return handelingenKey(h);
}

/** The publication's page on zoek.officielebekendmakingen.nl, when the citation names one publication. */
export function officialHandelingenPageUrl(h: HandelingenId): string | undefined {
  const id = officialHandelingenId(h);
  return id ? `https://zoek.officielebekendmakingen.nl/${id}.html` : undefined;
}
