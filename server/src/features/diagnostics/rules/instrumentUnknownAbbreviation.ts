/**
 * Information: an abbreviation in capitals that is not in the glossary but reads like a policy
 * instrument — "SCE-regeling", "de DUMAVA subsidie", "subsidieregeling DUMAVA", or introduced in
 * brackets after a capitalized name ("Subsidieregeling Coöperatieve Energieopwekking (SCE)").
 * Common abbreviations that are no instrument (EU, VS, CO2, BBP, NAVO, ministries, parties, units,
 * Roman numerals) are left alone. Reported once per abbreviation, with a fix that adds a skeleton
 * entry to the workspace glossary (.kamerwijzer/glossary.json, created when missing).
 */
import { codePointClass, CP_LETTER, CP_NUMBER } from '../../../engine/chars';
import type { GlossaryEntryPatch, GlossaryKind } from '../../../engine/glossary';
import type { Span } from '../../../engine/model';
import { SpanSet } from '../../../engine/sortedOffsets';
import { DocumentWords } from '../../documentWords';
import { lineItems, perLine, type LineItem, type LinePass } from '../../lineItems';
import { glossaryAddition } from '../../glossaryEdit';
import type { DiagnosticRule } from '../model';
import type { Finding, Fix } from '../../model';
import { lazily } from '../../../engine/lazily';

/** A candidate found: as a match of CANDIDATE would give it (the abbreviation in `1`, with its plural in `0`). */
export interface CandidateMatch {
  readonly index: number;
  readonly 0: string;
  readonly 1: string;
}

/**
 * The candidates in text order: a capital, then 1–5 capitals or digits, optionally a plural "s" or
 * "'s"; a whole word, as `/(?<![\p{L}\p{N}&.\/@_+-])([A-Z][A-Z0-9]{1,5})(?:['’]s|s)?(?![\p{L}\p{N}&+@]|\.[\p{L}\p{N}])/u`
 * finds them. A match starts where a run of letters and digits starts (nothing of a word may precede
 * it) and takes that whole run (nothing of a word may follow it), so only runs of at most seven
 * characters that start with two capitals (or a capital and a digit) are read — from the document's
 * shared word index, not by a scan of the text, and by character, not by the expression. Those
 * that start in [from, to) only, when given.
 */
export function* candidates(text: string, words: DocumentWords, from = 0, to = text.length): Generator<CandidateMatch> {
  // A candidate's second character is a capital or a digit: it is among the runs that may be abbreviations.
  const list = words.abbreviationLike();
  const { first, end: last } = words.runsStartingIn(list, from, to);
  for (let k = first; k < last; k++) {
    const i = list[k]!;
    const start = words.starts[i]!;
    if (words.ends[i]! - start > 7) continue;
    const c = text.charCodeAt(start);
    if (c < 65 || c > 90) continue;
    // The second character is a capital or digit too ("De", "Het" are read no further).
    const d = text.charCodeAt(start + 1);
    if (!((d >= 65 && d <= 90) || (d >= 48 && d <= 57))) continue;
    const before = start > 0 ? text.charCodeAt(start - 1) : -1;
    // "&./@_+-" before it (never a letter or digit: that would belong to the run).
    if (before === 38 || before === 46 || before === 47 || before === 64 || before === 95 || before === 43 || before === 45) continue;
    const end = words.ends[i]!;
    // The abbreviation: the whole run, or all but a plural "s" that ends it.
    let g = start + 2;
    while (g < end && g - start < 6 && isCapitalOrDigit(text.charCodeAt(g))) g++;
    let to: number;
    if (g === end) {
      const after = text.charCodeAt(end);
      to = (after === 39 || after === 0x2019) && text.charCodeAt(end + 1) === 115 && standsAlone(text, end + 2) ? end + 2 : standsAlone(text, end) ? end : -1;
    } else to = g === end - 1 && text.charCodeAt(g) === 115 && standsAlone(text, end) ? end : -1;
    if (to >= 0) yield { index: start, 0: text.slice(start, to), 1: text.slice(start, g) };
  }
}

function isCapitalOrDigit(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
}

/** Nothing of a word follows at `at`: no letter, digit, "&", "+" or "@", and no "." before a letter or digit. */
function standsAlone(text: string, at: number): boolean {
  const cp = text.codePointAt(at);
  if (cp === undefined) return true;
  if (codePointClass(cp) & (CP_LETTER | CP_NUMBER) || cp === 38 || cp === 43 || cp === 64) return false;
  if (cp !== 46) return true;
  const next = text.codePointAt(at + 1);
  return next === undefined || !(codePointClass(next) & (CP_LETTER | CP_NUMBER));
}

/** Words that make the neighbouring abbreviation an instrument: "SCE-regeling", "DUMAVA subsidie". */
const INSTRUMENT_WORD = /^(sub)?(regeling(en)?|subsidie(s|regeling)?|fonds(en)?|programma('s)?|faciliteit(en)?|krediet(en)?|lening(en)?|garantie(s)?|toeslag(en)?|aftrek|budget|impuls|fund|programme|scheme|facility|initiative|initiatief|pilot|deal)$/i;
/** Word endings that make a capitalized name an instrument's: "Stimuleringsregeling", "Klimaatfonds". */
const INSTRUMENT_PART = /(regeling|subsidie|fonds|programma|strategie|wet|akkoord|pact|agenda|plan|faciliteit|aftrek|krediet|toeslag|garantie|lening|impuls|aanpak|heffing|investering|box|mechanisme|verordening|richtlijn)$/i;
/** English words that make a name an instrument's (whole words: not "Impact"). */
const INSTRUMENT_WORD_EN = /^(fund|facility|programme|program|scheme|initiative|deal|act|plan|mechanism|strategy|agenda|directive|regulation|instrument)$/i;
/** A word before the abbreviation that names a scheme: "subsidieregeling DUMAVA", "het programma GAP". */
const INSTRUMENT_BEFORE = /(regeling|subsidie|fonds|programma|faciliteit)$/i;
const CONNECTORS = new Set(['van', 'voor', 'en', 'de', 'het', 'in', 'op', 'der', 'of', 'and', 'for', 'the', 'to', 'on', 'met', 'tot', '&']);

/** Abbreviations that are common and no instrument. */
const COMMON = new Set(
  (
    // Countries, unions, international bodies.
    'EU EG EER NL VS VK UK US USA VN UN NAVO NATO OESO OECD IMF WTO ECB EIB EC EP EDEO G7 G20 BRICS ASML ' +
    // Economy, statistics, business forms.
    'BBP BNP BNI CO2 CO NOX NO2 PM10 AI ICT IT MKB ZZP BV NV CEO CFO CTO KPI FTE BTW CAO AOW WW WIA UWV SVB CBS DNB AFM ACM NZA AP KNAW NWO VNG IPO RIVM KNMI NS TK EK KB AMVB ' +
    'RD GDP VAT SME SMES CSR ESG FDI IP IPR LNG LPG PV LED GPS SMS PDF URL HTML XML JSON API ID OK TV CD DVD FAQ NB PS CV QA HR ZIE BIJL NR NRS BLZ ' +
    // Ministries and departments.
    'AZ BZ BZK DEF EZ EZK FIN IENW IENM JENV LNV LVVN OCW SZW VWS VRO KGG BHOS ASZ KR HGIS MINFIN MINEZK ' +
    // Parties.
    'VVD PVV CDA D66 GL PVDA SP NSC BBB JA21 FVD SGP CU DENK PVDD BVNL GLPVDA ' +
    // Technologies and fuels.
    'CCS CCU CCUS DAC BECCS EV HVO SAF LNG RFNBO ' +
    // Units.
    'MW GW KW TW MWH GWH TWH KWH PJ EJ MT KT KM CM MM KG GB TB MB HA'
  ).split(' '),
);

function isRoman(word: string): boolean {
  return /^[IVXLCDM]+$/.test(word);
}

/** The capitalized words (and connectors between them) right before "(" at `at`, as written. */
function nameBefore(text: string, at: number): string[] {
  const before = text.slice(Math.max(0, at - 160), at).replace(/\s*\(\s*$/, '');
  const words = before.split(/\s+/).filter(Boolean);
  const run: string[] = [];
  for (let i = words.length - 1; i >= 0; i--) {
    const w = words[i]!.replace(/[,;:.!?"“”]$/, '');
    if (w !== words[i]) break;
    if (/^[\p{Lu}\d]/u.test(w)) run.unshift(w);
    else if (CONNECTORS.has(w.toLowerCase()) && run.length) run.unshift(w);
    else break;
    if (run.length >= 10) break;
  }
  while (run.length && CONNECTORS.has(run[0]!.toLowerCase())) run.shift();
  return run;
}

/**
 * The part of a capitalized run that the abbreviation names: from the first word that starts with
 * the abbreviation's first letter ("Het Regionaal Investeringsfonds MKB" → "Regionaal …" for RIF).
 */
function namedBy(abbr: string, words: readonly string[]): string[] {
  const k = words.findIndex((w) => w[0]?.toUpperCase() === abbr[0]);
  return k < 0 ? [] : words.slice(k);
}

function kindFrom(words: string): GlossaryKind {
  const w = words.toLowerCase();
  if (/(fonds|fund)/.test(w)) return 'fonds';
  if (/(aftrek|heffing|box|belasting)/.test(w)) return 'fiscale regeling';
  if (/(regeling|subsidie|krediet|lening|garantie|toeslag|scheme)/.test(w)) return 'subsidieregeling';
  if (/(wet|act\b|verordening|richtlijn)/.test(w)) return 'wet';
  if (/(strategie|plan|agenda|akkoord|pact|visie)/.test(w)) return 'strategie';
  return 'programma';
}

/** How an abbreviation reads like an instrument's (see instrumentLike). */
interface Candidate {
  readonly abbr: string;
  /** The capitalized name it abbreviates, when introduced in brackets. */
  readonly fullName?: string;
  /** The words that made it look like an instrument (for the kind). */
  readonly context: string;
}

/**
 * The letters right before the spaces and tabs that end `text`, as `/([\p{L}]+)[ \t]+$/u` finds them
 * (read backwards from the end instead of tried at every start).
 */
export function wordBeforeSpaces(text: string): string | undefined {
  let i = text.length;
  while (i > 0 && (text.charCodeAt(i - 1) === 32 || text.charCodeAt(i - 1) === 9)) i--;
  if (i === text.length) return undefined;
  const end = i;
  while (i > 0) {
    const c = text.charCodeAt(i - 1);
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) i--;
    else if (c < 128) break;
    else if (c >= 0xdc00 && c <= 0xdfff && i >= 2 && LETTER().test(text.slice(i - 2, i))) i -= 2;
    else if (LETTER().test(text[i - 1]!)) i--;
    else break;
  }
  return i < end ? text.slice(i, end) : undefined;
}
const LETTER = lazily(() => /^\p{L}$/u);

/** The instrument-like reading of the abbreviation at [start, end), if any. */
function instrumentLike(text: string, start: number, end: number, abbr: string): Candidate | undefined {
  const after = text.slice(end, end + 40);
  const before = text.slice(Math.max(0, start - 40), start);
  const compound = /^-([\p{L}]+)/u.exec(after);
  if (compound && INSTRUMENT_WORD.test(compound[1]!.replace(/^\p{L}*?(regeling|subsidie|fonds|programma)/u, '$1'))) return { abbr, context: compound[1]! };
  const next = /^[ \t]+([\p{L}]+)/u.exec(after);
  if (next && INSTRUMENT_WORD.test(next[1]!)) return { abbr, context: next[1]! };
  const previous = wordBeforeSpaces(before);
  if (previous && INSTRUMENT_BEFORE.test(previous)) return { abbr, context: previous };
  if (/\(\s*$/.test(before) && /^\s*\)/.test(after)) {
    const open = text.lastIndexOf('(', start);
    const words = namedBy(abbr, nameBefore(text, open));
    // A name that says it is a scheme, fund, act, … — not any introduced acronym (IPCC, TNO, …).
    if (words.some((w) => INSTRUMENT_PART.test(w) || INSTRUMENT_WORD_EN.test(w))) {
      const fullName = words.join(' ');
      return { abbr, fullName, context: fullName };
    }
  }
  return undefined;
}

/** A free id for the new entry, from the abbreviation. */
function freeId(abbr: string, taken: (id: string) => boolean): string {
  const base = abbr.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'instrument';
  let id = base;
  for (let n = 2; taken(id); n++) id = `${base}-${n}`;
  return id;
}

/** A use of an abbreviation that reads like an instrument's (see INSTRUMENT_LIKE_USES). */
interface InstrumentLikeUse extends LineItem {
  /** The abbreviation as a match of the candidates gives it (with its plural: "IPCEI's"). */
  readonly form: string;
  readonly candidate: Candidate;
}

/**
 * The uses of abbreviations that read like an instrument's by the text around them: candidates that
 * are no common abbreviation, Roman numeral or word with one capital, not in a line without a
 * lower-case letter (a heading in capitals is no evidence), with instrument words around them
 * (`instrumentLike`). (Whether the glossary knows one, or one is inside an instrument's name, a
 * citation, the front matter or a web address, the rule asks of each.)
 */
export const INSTRUMENT_LIKE_USES: LinePass<InstrumentLikeUse> = {
  name: 'instrument-like abbreviations',
  find({ text, words, lines, from, to }) {
    const out: InstrumentLikeUse[] = [];
    /** Per abbreviation: whether it may be an unknown instrument's at all (asked once per abbreviation). */
    const possible = new Map<string, boolean>();
    /** Whether a line holds a lower-case letter. */
    const hasLowerCase = perLine(lines, (line) => /\p{Ll}/u.test(text.slice(line.offset, line.offset + line.length)));
    for (const m of candidates(text, words, from, to)) {
      const abbr = m[1]!;
      let may = possible.get(abbr);
      if (may === undefined) possible.set(abbr, (may = !COMMON.has(abbr) && !isRoman(abbr) && (abbr.match(/[A-Z]/g)?.length ?? 0) >= 2));
      if (!may || !hasLowerCase(m.index)) continue;
      const like = instrumentLike(text, m.index, m.index + abbr.length, abbr);
      if (like) out.push({ at: m.index, form: m[0], candidate: like });
    }
    return out;
  },
};

export const instrumentUnknownAbbreviation: DiagnosticRule = {
  code: 'instrument-unknown-abbreviation',
  defaultSeverity: 'information',
  description: 'An abbreviation in capitals that reads like a policy instrument (…-regeling, …fonds, introduced in brackets) but is not in the glossary.',
  check(ctx) {
    const glossary = ctx.glossaries?.forDocument(ctx.doc.uri);
    if (!glossary) return [];
    const a = ctx.doc.analysis;
    const takenSpans: Span[] = [...a.instruments.map((i) => i.span), ...a.references.filter((r) => r.kind !== 'amount' && r.kind !== 'deadline').map((r) => r.span)];
    if (a.metadata.frontMatterSpan) takenSpans.push(a.metadata.frontMatterSpan);
    const taken = new SpanSet(takenSpans);
    const urls = DocumentWords.urls(ctx.doc);
    const seen = new Set<string>();
    const inGlossary = new Map<string, boolean>();
    const found: InstrumentLikeUse[] = [];
    for (const use of lineItems(INSTRUMENT_LIKE_USES, ctx.doc)) {
      const abbr = use.candidate.abbr;
      if (seen.has(abbr)) continue;
      // Whether the glossary knows it: asked once per form (the matcher tokenizes what it is asked).
      let known = inGlossary.get(use.form);
      if (known === undefined) inGlossary.set(use.form, (known = !!(glossary.matcher.entryOf(abbr) || glossary.matcher.entryOf(use.form))));
      if (known) continue;
      const span = { offset: use.at, length: use.form.length };
      if (taken.overlaps(span) || urls.overlaps(span)) continue;
      seen.add(abbr);
      found.push(use);
    }

    const file = ctx.glossaries?.workspaceFileFor(ctx.doc.uri);
    const findings: Finding[] = [];
    for (const { at, candidate: c } of found) {
      const fixes: Fix[] = [];
      if (file) {
        const entry: GlossaryEntryPatch = {
          id: freeId(c.abbr, (id) => !!glossary.entry(id) || !!file.text?.includes(`"${id}"`)),
          name: c.abbr,
          ...(c.fullName ? { fullName: c.fullName } : {}),
          abbreviations: [c.abbr],
          kind: kindFrom(c.context),
          description: { nl: '…' },
        };
        const addition = glossaryAddition(file, entry);
        if (addition) fixes.push({ title: ctx.m.diag.instrument.addToGlossary(c.abbr), edits: [addition.edit], ...(addition.create ? { createFiles: [file.uri] } : {}) });
      }
      findings.push({ code: this.code, span: { offset: at, length: c.abbr.length }, message: ctx.m.diag.instrument.unknownAbbreviation(c.abbr), fixes });
    }
    return findings;
  },
};
