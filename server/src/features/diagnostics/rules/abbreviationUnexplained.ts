/**
 * House style: an abbreviation is written out at its first use. Flags the first use of an
 * abbreviation ("NVWA", "KMar", "RvS") that the letter nowhere writes out, unless it is one every
 * reader knows (EU, SER, CPB, the ministries, the parties, …) or a policy instrument of the glossary
 * (those have their own rules, with the full name to write). An abbreviation of the glossary with
 * several meanings that the letter leaves open ("NPO") is reported here, once, not by the instrument
 * rules: which full name to write is the reader's question too.
 */
import { codePointClass, CP_LETTER, CP_UPPER } from '../../../engine/chars';
import { isUnresolved } from '../../../engine/model';
import { explanationsIn, isAbbreviation, NO_ABBREVIATIONS, WELL_KNOWN_ABBREVIATIONS, type AbbreviationExplanation } from '../abbreviations';
import type { Span } from '../../../engine/model';
import { SpanSet } from '../../../engine/sortedOffsets';
import { DocumentWords } from '../../documentWords';
import { lineItems, perLine, type LineItem, type LinePass } from '../../lineItems';
import type { DiagnosticRule } from '../model';
import type { Finding } from '../../model';
import { lazily } from '../../../engine/lazily';

/** A capitals-word found (as a match of `/(?<![\p{L}\p{N}\-/._@#])\p{Lu}[\p{L}]{1,7}(?![\p{L}\p{N}\-@]|['’][\p{L}]{2})/u` would give it). */
export interface CapitalsWord {
  readonly index: number;
  readonly 0: string;
}

/**
 * The capitals-words in text order: a word of two to eight letters starting with a capital, standing
 * on its own, not inside a compound ("NV-gebieden", "SER-advies") or an identifier ("kst-", "2025D"),
 * as `/(?<![\p{L}\p{N}\-/._@#])\p{Lu}[\p{L}]{1,7}(?![\p{L}\p{N}\-@]|['’][\p{L}]{2})/u` finds them.
 * Such a match starts where a run of letters and digits starts and is that whole run (nothing of a
 * word may precede or follow it), so only runs of at most eight letters (sixteen UTF-16 units) that do
 * not start with an ASCII lower-case letter or digit are read — from the document's shared word index,
 * not by a scan of the text, and by code point, not by the expression (which costs ten times more).
 * Those that start in [from, to) only, when given.
 */
export function* capitalsWords(text: string, words: DocumentWords, abbreviationsOnly = false, from = 0, to = text.length): Generator<CapitalsWord> {
  // `abbreviationsOnly`: only the runs that may be abbreviations (DocumentWords.abbreviationLike).
  const list = abbreviationsOnly ? words.abbreviationLike() : words.capitalized();
  const { first, end: last } = words.runsStartingIn(list, from, to);
  for (let k = first; k < last; k++) {
    const i = list[k]!;
    const start = words.starts[i]!;
    const end = words.ends[i]!;
    if (end - start > 16) continue;
    const c = text.charCodeAt(start);
    if (c < 65 || (c > 90 && c < 128)) continue;
    // `abbreviationsOnly`: a run of ASCII with fewer than two capitals is no abbreviation (isAbbreviation), skipped unread.
    if (abbreviationsOnly && fewerThanTwoAsciiCapitals(text, start, end)) continue;
    if (isCapitalsWord(text, start, end)) yield { index: start, 0: text.slice(start, end) };
  }
}

/** The run [start, end) of letters and digits is a capitals-word standing on its own (see capitalsWords). */
function isCapitalsWord(text: string, start: number, end: number): boolean {
  // Before it ("-/._@#"): never a letter or digit, which would belong to the run.
  const before = start > 0 ? text.charCodeAt(start - 1) : -1;
  if (before === 45 || before === 47 || before === 46 || before === 95 || before === 64 || before === 35) return false;
  // A capital, then one to seven letters: the whole run (a digit in it, or more letters, and nothing matches).
  let count = 0;
  for (let i = start; i < end; count++) {
    const cp = text.codePointAt(i)!;
    if (!(codePointClass(cp) & (count === 0 ? CP_UPPER : CP_LETTER)) || count === 8) return false;
    i += cp > 0xffff ? 2 : 1;
  }
  if (count < 2) return false;
  // After it: not "-" or "@", and no apostrophe with two letters ("CDA's" is a word of its own).
  const after = text.charCodeAt(end);
  if (after === 45 || after === 64) return false;
  if (after === 39 || after === 0x2019) {
    let i = end + 1;
    for (let letters = 0; letters < 2; letters++) {
      const cp = text.codePointAt(i);
      if (cp === undefined || !(codePointClass(cp) & CP_LETTER)) return true;
      i += cp > 0xffff ? 2 : 1;
    }
    return false;
  }
  return true;
}

/** True for a run of ASCII characters with at most one capital (false when any character is not ASCII). */
function fewerThanTwoAsciiCapitals(text: string, start: number, end: number): boolean {
  let capitals = 0;
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c >= 128) return false;
    if (c >= 65 && c <= 90) capitals++;
  }
  return capitals < 2;
}

/** A first-use candidate: an abbreviation to write out, as the text around it reads (see ABBREVIATION_USES). */
interface AbbreviationUse extends LineItem {
  readonly word: string;
}

/**
 * The uses of abbreviations that want writing out, by what the text around them says: capitals-words
 * that are abbreviations, not of the well-known or no-abbreviation lists, not in a postcode or in a
 * heading in capitals. (Whether one is inside a citation, an instrument's name, the front matter or a
 * web address depends on the version's analysis: the rule asks that of each.)
 */
export const ABBREVIATION_USES: LinePass<AbbreviationUse> = {
  name: 'abbreviation uses',
  find({ text, words, lines, from, to }) {
    const out: AbbreviationUse[] = [];
    /** Capitals-words found to be no abbreviation to write out (each asked once). */
    const passed = new Map<string, boolean>();
    /** Whether a line is a heading in capitals. */
    const inCapitals = perLine(lines, (line) => inCapitalsLine(text, line));
    for (const m of capitalsWords(text, words, true, from, to)) {
      const word = m[0];
      let wanted = passed.get(word);
      if (wanted === undefined) {
        const upper = word.toUpperCase();
        passed.set(word, (wanted = isAbbreviation(word) && !NO_ABBREVIATIONS.has(upper) && !WELL_KNOWN_ABBREVIATIONS.has(upper)));
      }
      // In a postcode ("2515 XP Den Haag", "2500 EA DEN HAAG"), or in a heading in capitals: not its
      // first use in the running text, which may come later.
      if (wanted && !inPostcode(text, m.index, word) && !inCapitals(m.index)) out.push({ at: m.index, word });
    }
    return out;
  },
};

/** The abbreviations written out where they are explained (see explanationsIn), by place. */
export const ABBREVIATION_EXPLANATIONS: LinePass<AbbreviationExplanation> = {
  name: 'abbreviation explanations',
  find: ({ text, words, from, to }) => explanationsIn(text, words, from, to),
};

export const abbreviationUnexplained: DiagnosticRule = {
  code: 'abbreviation-unexplained',
  defaultSeverity: 'information',
  description: "An abbreviation the letter never writes out (house style: write it out at first use, 'Nederlandse Arbeidsinspectie (NLA)'), unless every reader knows it.",
  check(ctx) {
    const a = ctx.doc.analysis;
    // Instruments have their own rules; an open ambiguous abbreviation is no one instrument's and stays in.
    const instruments = a.instruments.filter((i) => !isUnresolved(i)).map((i) => i.span);
    const skip = new SpanSet([...a.references.map((r) => r.span), ...instruments, ...(a.metadata.frontMatterSpan ? [a.metadata.frontMatterSpan] : [])]);
    const urls = DocumentWords.urls(ctx.doc);
    const explained = new Set<string>();
    for (const e of lineItems(ABBREVIATION_EXPLANATIONS, ctx.doc)) explained.add(e.word);
    const seen = new Set<string>();
    const findings: Finding[] = [];
    for (const use of lineItems(ABBREVIATION_USES, ctx.doc)) {
      // Inside a citation, an instrument's name, the front matter or a web address: not its first
      // use in the running text, which may come later.
      if (seen.has(use.word) || skip.holds(use.at) || urls.holds(use.at)) continue;
      seen.add(use.word);
      if (!explained.has(use.word)) findings.push({ code: this.code, span: { offset: use.at, length: use.word.length }, message: ctx.m.diag.abbreviationUnexplained(use.word) });
    }
    return findings;
  },
};

/**
 * Two capitals after four digits (which may be spaced, as a PDF's text gives them): a Dutch
 * postcode's letters; and the place in capitals after them ("2500 EA DEN HAAG").
 */
function inPostcode(text: string, at: number, word: string): boolean {
  const before = text.slice(Math.max(0, at - 40), at);
  return (word.length === 2 && POSTCODE_DIGITS().test(before)) || AFTER_POSTCODE().test(before);
}
const POSTCODE_DIGITS = lazily(() => /(?<![\p{L}\p{N}])\d(?: ?\d){3} ?$/u);
const AFTER_POSTCODE = lazily(() => /(?<![\p{L}\p{N}])\d(?: ?\d){3} ?[A-Z]{2}(?: [\p{Lu}'’-]+)? $/u);

/** A heading or title in capitals ("BRIEF VAN DE MINISTER"): its words are no abbreviations (read from the first 400 characters of the line). */
function inCapitalsLine(text: string, line: Span): boolean {
  const words = text.slice(line.offset, Math.min(line.offset + line.length, line.offset + 400)).match(/\p{L}{2,}/gu) ?? [];
  const capitals = words.filter((w) => w === w.toUpperCase()).length;
  return words.length >= 3 && capitals * 3 >= words.length * 2;
}
