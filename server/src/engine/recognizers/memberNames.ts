/**
 * Names of Members of Parliament as letters write them after "motie": a surname, with its
 * particles ("Van den Berg", "van Dijk", "ter Horst", "in 't Veld"), a double name
 * ("Martens-America", "Bruins Slot"), sometimes a first name or initials ("Aukje de Vries",
 * "J.J. Klaver"), diacritics ("Kostić"). Read from the flat text, where line breaks are spaces.
 *
 * A name ends where the sentence goes on: "motie Kostić dateert van …", "motie Dijk over …",
 * "motie van het lid Van Haga 29 juni 2021". Capitalized words that commonly follow "motie"
 * without being a name ("Kamerstuk", "Tweede Kamer", "De …") are refused.
 */
import { surnameKey } from '../folding';
import { MEMBER_SURNAMES } from './memberSurnames';
import { lazily } from '../lazily';

export interface MemberName {
  /** Flat-text offsets of the name. */
  readonly start: number;
  readonly end: number;
  /** The name as written, white space collapsed ("Van der Lee"). */
  readonly text: string;
}

export interface NameReading {
  /** Whether the name may start with a lower-case particle ("het lid van Dijk"); after a bare "motie" it may not. */
  readonly lowercaseStart: boolean;
  /** True when source text has a line break between flat offsets [from, to): a first name and surname are not split over lines. */
  readonly lineBreakBetween: (from: number, to: number) => boolean;
}

/** Particles of Dutch (and a few foreign) surnames. */
const PARTICLES: ReadonlySet<string> = new Set([
  'van', 'von', 'de', 'der', 'den', 'des', 'het', 'ter', 'ten', 'te', "'t", '’t', 'in', 'op', 'la', 'le', 'du', 'da',
  'di', 'del', 'dos', 'el', 'al', 'uit', 'vd',
]);

/** Capitalized words that follow "motie" or a name but are not (part of) a name. */
const NOT_A_NAME: ReadonlySet<string> = new Set([
  'Kamerstuk', 'Kamerstukken', 'Kamerstuknummer', 'Kamer', 'Kamerbrief', 'Kamerleden', 'Kamerlid', 'Tweede', 'Eerste',
  'Staten', 'Regering', 'Kabinet', 'Minister', 'Ministers', 'Staatssecretaris', 'Commissie', 'Raad', 'Europese', 'Europees',
  'Europa', 'Nederland', 'Nederlandse', 'Rijk', 'Rijksoverheid', 'Handelingen', 'Motie', 'Moties', 'Amendement',
  'Toezegging', 'Toezeggingen', 'Brief', 'Wet', 'Wetsvoorstel', 'Begroting', 'Voorjaarsnota', 'Miljoenennota', 'Het',
  'Een', 'Deze', 'Dit', 'Die', 'Dat', 'Er', 'Zie', 'Om', 'Over', 'Voor', 'Bij', 'Met', 'Naar', 'Tot', 'Ook', 'Zoals',
  'Hierin', 'Daarin', 'Waarin', 'Hiermee', 'Daarmee', 'Waarmee', 'Verzoekt', 'Constaterende', 'Overwegende',
  'Ingediend', 'Aangenomen', 'Verworpen', 'Aangehouden', 'Ingetrokken', 'Gewijzigde', 'Nr', 'Nummer', 'Bijlage',
  'Januari', 'Februari', 'Maart', 'April', 'Mei', 'Juni', 'Juli', 'Augustus', 'September', 'Oktober', 'November',
  'December', 'Q1', 'Q2', 'Q3', 'Q4', 'Wantrouwen', 'Afkeuring', 'Treurnis', 'Orde', 'Vertrouwen', 'Censuur',
  'Klimaat', 'Economische', 'Zaken', 'Financiën', 'Defensie', 'Justitie', 'Onderwijs', 'Infrastructuur', 'Wij', 'We',
  'Ik', 'Zij', 'Hij', 'U', 'Uw', 'Daarom', 'Daarnaast', 'Verder', 'Tevens', 'Als', 'Nu', 'Dan', 'Echter', 'Hier', 'Daar',
  'Zo', 'Want', 'Maar', 'En', 'Of', 'In', 'Op', 'Aan', 'Uit', 'Door', 'Na', 'Vanuit', 'Sinds', 'Tijdens', 'Volgens',
  'Conform', 'Naast', 'Binnen', 'Buiten', 'Onder', 'Tegen', 'Per', 'Via', 'Wel', 'Niet', 'Hoe', 'Wat', 'Waar', 'Wanneer',
  // Parties: "de motie van GroenLinks" names no member.
  'GroenLinks', 'PvdA', 'ChristenUnie', 'PvdD', 'FvD', 'Volt', 'Denk', 'Partij', 'Fractie', 'Coalitie', 'Oppositie',
]);

/** True for a capitalized word that may follow a name without being part of it ("Kamerstuk", "Verzoekt", "De"). */
export function isWordAfterName(word: string): boolean {
  return NOT_A_NAME.has(word.split('-')[0]!);
}

/**
 * The heads of Dutch compound nouns that name debates, papers, places and things, never a surname:
 * "Verantwoordingsdebat", "Beschouwingen", "Vindplaats", "Voorjaarsnota", "Klimaatakkoord",
 * "Rijksbegroting", "Omschrijving"; and the suffixes of abstract nouns (-heid, -atie, -iteit, -isme).
 */
const NOUN_HEAD =
  /(?:debat|debatten|overleg|beschouwing|beschouwingen|plaats|nota|begroting|akkoord|programma|agenda|verslag|onderzoek|beleid|fonds|regeling|stelsel|overzicht|omschrijving|toelichting|zaken|wet|heid|atie|iteit|isme)$/i;

/** A surname word: a capital, then letters (at least one lower case), apostrophes inside; hyphenated parts. */
const SURNAME_WORD = lazily(() => /\p{Lu}[\p{L}’']{0,30}(?:-\p{L}[\p{L}’']{0,30}){0,2}/uy);
const INITIALS = lazily(() => /(?:\p{Lu}\.){1,4} ?/uy);
const PARTICLE_WORD = lazily(() => /([\p{L}’']{1,3}) /uy);

/** Reads one name starting at flat offset `at`, or undefined. */
export function readMemberName(text: string, at: number, reading: NameReading): MemberName | undefined {
  let pos = at;
  INITIALS().lastIndex = pos;
  const initials = INITIALS().exec(text);
  if (initials) pos += initials[0].length;

  const particlesStart = pos;
  pos = skipParticles(text, pos, reading.lowercaseStart || pos > at, true);
  const firstWordOnly = !initials && pos === particlesStart;
  // A month opens a name only as a first name, before the rest of the name: "Mei Li Vos", not "Mei 2021".
  const surname = surnameAt(text, pos) ?? (firstWordOnly ? firstNameAt(text, pos) : undefined);
  if (!surname) return undefined;
  let end = surname.end;

  // First names before the surname: "Aukje de Vries", "Inge van Dijk", "Bruins Slot", "Mei Li Vos".
  if (firstWordOnly) {
    for (let k = 0; k < MAX_FIRST_NAMES && text[end] === ' '; k++) {
      const afterSpace = end + 1;
      const particleEnd = skipParticles(text, afterSpace, true, false);
      if (particleEnd > afterSpace) {
        const last = surnameAt(text, particleEnd);
        if (last) end = last.end;
        break;
      }
      // Only a plain capitalized word on the same line joins; a heading's next line does not.
      if (reading.lineBreakBetween(end, afterSpace + 1)) break;
      const last = surnameAt(text, afterSpace);
      if (!last || isParticle(text.slice(afterSpace, last.end))) break;
      // A third word ("Mei Li Vos") only where it is a member's surname or "c.s." follows: title-case
      // names of debates and papers run to three words as well ("Nationale Omgevingsvisie Uitvoering").
      if (k > 0 && !MEMBER_SURNAMES.has(surnameKey(text.slice(afterSpace, last.end))) && !CUM_SUIS_AFTER.test(text.slice(last.end, last.end + 6))) break;
      end = last.end;
    }
  }
  if (end === surname.end && surname.firstNameOnly) return undefined;
  return { start: at, end, text: text.slice(at, end) };
}

const CUM_SUIS_AFTER = /^ c\. ?s\b/;

/** How many words a name may hold before its surname ("Mei Li Vos": two). */
const MAX_FIRST_NAMES = 2;

/** Months that are also first names ("Mei", "Juni", "April"): a name only with a surname after them. */
const MONTH_NAMES: ReadonlySet<string> = new Set(['Januari', 'Februari', 'Maart', 'April', 'Mei', 'Juni', 'Juli', 'Augustus', 'September', 'Oktober', 'November', 'December']);

function firstNameAt(text: string, at: number): { end: number; firstNameOnly: true } | undefined {
  SURNAME_WORD().lastIndex = at;
  const m = SURNAME_WORD().exec(text);
  if (!m || !MONTH_NAMES.has(m[0]) || /[\p{L}\p{N}]/u.test(text[at + m[0].length] ?? '')) return undefined;
  return { end: at + m[0].length, firstNameOnly: true };
}

/** Skips up to three particles ("Van der ", "in 't "); the first may be capitalized when `capitalFirst`. */
function skipParticles(text: string, from: number, lowercaseFirst: boolean, capitalFirst: boolean): number {
  let pos = from;
  for (let k = 0; k < 3; k++) {
    PARTICLE_WORD().lastIndex = pos;
    const m = PARTICLE_WORD().exec(text);
    if (!m) break;
    const word = m[1]!;
    const lower = word.toLowerCase();
    if (!PARTICLES.has(lower)) break;
    const capitalized = word !== lower;
    if (k === 0 ? (capitalized ? !capitalFirst : !lowercaseFirst) : capitalized) break;
    pos += m[0].length;
  }
  return pos;
}

function surnameAt(text: string, at: number): { end: number; firstNameOnly?: boolean } | undefined {
  SURNAME_WORD().lastIndex = at;
  const m = SURNAME_WORD().exec(text);
  if (!m) return undefined;
  const word = m[0];
  // At least one lower-case letter: "VVD", "CDA", "EU" are parties and bodies, not members.
  if (!/\p{Ll}/u.test(word)) return undefined;
  const first = word.split('-')[0]!;
  if (NOT_A_NAME.has(first) || /(?:fractie|partij)$/i.test(word) || NOUN_HEAD.test(word)) return undefined;
  // The name must end at a word boundary. A name never ends in digits: one to three digits glued to it
  // are a footnote marker whose footnote the text does not hold ("motie De Groot27", "Romke de Jong3").
  const end = at + word.length;
  const next = text[end];
  if (next !== undefined && /[\p{L}\p{N}]/u.test(next) && !gluedFootnoteDigits(text, end)) return undefined;
  return { end };
}

/** One to three digits at `at`, then the end of the word: a footnote marker glued to a name. */
function gluedFootnoteDigits(text: string, at: number): boolean {
  let end = at;
  while (end < text.length && end - at < 4 && text.charCodeAt(end) >= 48 && text.charCodeAt(end) <= 57) end++;
  if (end === at || end - at > 3 || text[at] === '0') return false;
  const after = text[end];
  return after === undefined || !/[\p{L}\p{N}]/u.test(after);
}

function isParticle(word: string): boolean {
  return PARTICLES.has(word.toLowerCase());
}

