/**
 * Finds the names of policy instruments in a text, in one pass over its tokens.
 *
 * The glossary's terms (names, full names, abbreviations, variants) are split into tokens — runs of
 * letters and digits, and single punctuation characters — and stored in two token tries: one for
 * abbreviations and terms written in capitals, matched exactly ("MIT" never matches "mit" or
 * "Mitigatie"), one for names and variants, matched case-insensitively. Whether two tokens are
 * separated by whitespace is part of the key, so "Invest-NL" and "Invest NL" are different terms.
 * At every token the longest term of either trie wins; matches do not overlap.
 *
 * Short abbreviations collide with ordinary text, so a match is refused
 *   - inside a URL, e-mail address or domain name ("www.tno.nl", "TNO.nl", "info@ser.nl"),
 *   - as the second part of a hyphenated compound ("CD-ROM", "Sociaal-Klimaatfonds"),
 *   - for an abbreviation, between two words in capitals (a heading in capitals: "EEN ODE AAN").
 * A hyphenated compound that starts with the term is fine ("SER-advies", "IPCEI-project").
 *
 * Linear in the length of the text: each token starts at most one walk, and a walk is no deeper
 * than the longest term — which is at most MAX_TERM_TOKENS tokens: a longer term (a glossary
 * variant of thousands of words) is not stored, so no glossary makes matching slower than that.
 */
import { isSpaceCode, isWordCodeAt } from './chars';

/**
 * The most tokens (words and punctuation) a term may have to be looked for, and the most characters.
 * The longest real names are about fifteen tokens ("Europese verordening ter versterking van het
 * Europese ecosysteem van halfgeleiders (European Chips Act)"); parseGlossary reports longer terms.
 */
export const MAX_TERM_TOKENS = 32;
export const MAX_TERM_LENGTH = 200;

/** Why a term cannot be looked for (too long), or undefined when it can. */
export function termTooLong(term: string): string | undefined {
  if (term.length > MAX_TERM_LENGTH) return `longer than ${MAX_TERM_LENGTH} characters`;
  if (tokenize(term).length > MAX_TERM_TOKENS) return `more than ${MAX_TERM_TOKENS} words and punctuation marks`;
  return undefined;
}

/** A term of the glossary as the matcher stores it. */
export interface InstrumentTerm {
  /** The glossary entry's id. */
  readonly id: string;
  /** The term as written in the glossary. */
  readonly text: string;
  /** True for abbreviations, terms in capitals and single words that start with an abbreviation ("MIT-regeling"). */
  readonly abbreviation: boolean;
  readonly caseSensitive: boolean;
}

/** One match in the matched text: [start, end) in its UTF-16 offsets. */
export interface InstrumentMatch {
  readonly start: number;
  readonly end: number;
  readonly id: string;
  readonly abbreviation: boolean;
  /** The glossary term that matched. */
  readonly term: string;
}

/** What the matcher needs of a glossary entry. */
export interface MatchableEntry {
  readonly id: string;
  readonly name: string;
  readonly fullName?: string | null;
  readonly abbreviations?: readonly string[];
  readonly variants?: readonly string[];
}

interface Token {
  readonly start: number;
  readonly end: number;
  /** The token as written, apostrophes and hyphens normalized. */
  readonly text: string;
  /** The same in lower case. */
  readonly lower: string;
  readonly word: boolean;
  /** Whitespace (or the start of the text) before the token. */
  readonly spaced: boolean;
}

/** A trie node: the next token glued to this one, or after whitespace. */
interface TrieNode {
  readonly glued: Map<string, TrieNode>;
  readonly spaced: Map<string, TrieNode>;
  term?: InstrumentTerm;
}

function node(): TrieNode {
  return { glued: new Map(), spaced: new Map() };
}

const URL = /\b(?:https?:\/\/|ftp:\/\/|www\.)[^\s<>()"']+/gi;

/** Splits a text into tokens: runs of letters and digits, and single other characters. */
function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const n = text.length;
  let i = 0;
  let spaced = true;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isSpaceCode(c)) {
      spaced = true;
      i++;
      continue;
    }
    const start = i;
    let word = isWordCodeAt(text, i);
    if (word) {
      i += width(c);
      while (i < n && isWordCodeAt(text, i)) i += width(text.charCodeAt(i));
    } else {
      // One character (a surrogate pair counts as one).
      i = Math.min(n, i + width(c));
    }
    const written = i - start === 1 ? normalizeToken(text[start]!) : text.slice(start, i);
    out.push({ start, end: i, text: written, lower: word ? written.toLowerCase() : written, word, spaced });
    spaced = false;
  }
  return out;
}

/** UTF-16 code units of the character that starts with code unit c. */
function width(c: number): number {
  return c >= 0xd800 && c <= 0xdbff ? 2 : 1;
}



function normalizeToken(t: string): string {
  if (t.length !== 1) return t;
  if (t === '’' || t === '‘' || t === '`' || t === 'ʼ') return "'";
  if (t === '\u2010' || t === '\u2011') return '-';
  return t;
}

/** The child of a trie node for the token (the first token of a term ignores what precedes it). */
function childMap(parent: TrieNode, token: Token, first: boolean): Map<string, TrieNode> {
  return !first && token.spaced ? parent.spaced : parent.glued;
}

/**
 * True for a term written in capitals (with an optional plural "s" or "'s"): "EU ETS", "SDE+",
 * "DIS 2018", "EB/ODE", "IPCEI's", "ROMs". Such terms are matched case-sensitively.
 */
export function isCapitalsTerm(term: string): boolean {
  const stripped = term.replace(/['’]s\b/g, '').replace(/(?<=[A-Z]{2})s\b/g, '');
  const upper = stripped.match(/\p{Lu}/gu)?.length ?? 0;
  return upper >= 2 && !/\p{Ll}/u.test(stripped);
}

/** "De Europese Green Deal" → "Europese Green Deal": a leading article is not part of the name in running text. */
function withoutArticle(term: string, abbreviations: ReadonlySet<string>): string {
  if (abbreviations.has(term) || isCapitalsTerm(term)) return term;
  const stripped = term.replace(/^(de|het|een|the)\s+/i, '');
  return stripped || term;
}

export class InstrumentMatcher {
  private readonly exact: TrieNode = node();
  private readonly folded: TrieNode = node();
  /** Every term, for look-ups: exact terms as written, folded terms in lower case. */
  private readonly exactTerms = new Map<string, string>();
  private readonly foldedTerms = new Map<string, string>();

  /**
   * Builds the matcher. When two entries claim the same term, the first one wins (callers put
   * workspace entries first so they override bundled ones).
   */
  static fromEntries(entries: readonly MatchableEntry[]): InstrumentMatcher {
    const matcher = new InstrumentMatcher();
    for (const e of entries) {
      const abbreviations = new Set((e.abbreviations ?? []).map((a) => a.trim()).filter(Boolean));
      const terms = [e.name, e.fullName ?? '', ...abbreviations, ...(e.variants ?? [])].map((t) => withoutArticle(t.trim(), abbreviations)).filter(Boolean);
      for (const text of new Set(terms)) {
        const firstWord = /^[\p{L}\p{N}]+/u.exec(text)?.[0];
        const listed = abbreviations.has(text);
        const capitals = isCapitalsTerm(text);
        // "MIT-regeling", "IPCEI's": one word that starts with an abbreviation (not "EuroHPC Joint Undertaking").
        const compound = firstWord !== undefined && firstWord !== text && !/\s/.test(text) && abbreviations.has(firstWord);
        const abbreviation = listed || capitals || compound;
        matcher.add({ id: e.id, text, abbreviation, caseSensitive: listed || capitals });
      }
    }
    return matcher;
  }

  /** The entry id of a term as written (exact for capitals, any case for names), if it is one. */
  entryOf(term: string): string | undefined {
    return this.exactTerms.get(term) ?? this.foldedTerms.get(term.toLowerCase());
  }

  private add(term: InstrumentTerm): void {
    if (term.text.length > MAX_TERM_LENGTH) return;
    const tokens = tokenize(term.text);
    if (!tokens.length || tokens.length > MAX_TERM_TOKENS) return;
    let at = term.caseSensitive ? this.exact : this.folded;
    tokens.forEach((t, i) => {
      const map = childMap(at, t, i === 0);
      const key = term.caseSensitive ? t.text : t.lower;
      let child = map.get(key);
      if (!child) map.set(key, (child = node()));
      at = child;
    });
    if (at.term) return;
    at.term = term;
    if (term.caseSensitive) {
      if (!this.exactTerms.has(term.text)) this.exactTerms.set(term.text, term.id);
    } else if (!this.foldedTerms.has(term.text.toLowerCase())) this.foldedTerms.set(term.text.toLowerCase(), term.id);
  }

  /** Every mention in a text, in order, without overlaps. */
  find(text: string): InstrumentMatch[] {
    const tokens = tokenize(text);
    const urls = urlRanges(text);
    let u = 0;
    const out: InstrumentMatch[] = [];
    let i = 0;
    while (i < tokens.length) {
      const start = tokens[i]!;
      const best = this.longestAt(tokens, i);
      if (!best) {
        i++;
        continue;
      }
      while (u < urls.length && urls[u]![1] <= start.start) u++;
      const inUrl = u < urls.length && urls[u]![0] <= start.start;
      if (inUrl || !acceptable(tokens, i, best.last, best.term)) {
        i++;
        continue;
      }
      out.push({ start: start.start, end: tokens[best.last]!.end, id: best.term.id, abbreviation: best.term.abbreviation, term: best.term.text });
      i = best.last + 1;
    }
    return out;
  }

  /** The longest term starting at token i (exact beats folded at equal length). */
  private longestAt(tokens: readonly Token[], i: number): { term: InstrumentTerm; last: number } | undefined {
    let best: { term: InstrumentTerm; last: number } | undefined;
    for (let pass = 0; pass < 2; pass++) {
      const lower = pass === 1;
      let at: TrieNode | undefined = lower ? this.folded : this.exact;
      for (let j = i; j < tokens.length && at; j++) {
        const t = tokens[j]!;
        at = childMap(at, t, j === i).get(lower ? t.lower : t.text);
        if (at?.term && (!best || j > best.last)) best = { term: at.term, last: j };
      }
    }
    return best;
  }
}

/** Whether the match of tokens [i, last] stands on its own in the text (see the module comment). */
function acceptable(tokens: readonly Token[], i: number, last: number, term: InstrumentTerm): boolean {
  const first = tokens[i]!;
  const before = tokens[i - 1];
  const after = tokens[last + 1];
  if (before && !first.spaced) {
    // Glued to what precedes: the tail of a compound ("CD-ROM"), a path or domain ("rvo.nl/WBSO").
    if (before.text === '-' || before.text === '.' || before.text === '/' || before.text === '@' || before.text === '_' || before.text === '\\') {
      const beforeBefore = tokens[i - 2];
      if (before.text !== '-' || (beforeBefore && beforeBefore.word && !before.spaced)) return false;
    }
  }
  if (after && !after.spaced) {
    const next = tokens[last + 2];
    // "TNO.nl", "info@ser.nl": part of a domain or address.
    if ((after.text === '.' || after.text === '@') && next && next.word && !next.spaced) return false;
    if (after.text === '@' || after.text === '_') return false;
  }
  if (term.caseSensitive && term.abbreviation) {
    // A heading in capitals ("DE ODE AAN DE MIT"): neighbours in capitals on both sides.
    if (before?.word && after?.word && first.spaced && after.spaced && shouting(before.text) && shouting(after.text)) return false;
  }
  return true;
}

function shouting(word: string): boolean {
  return /^\p{Lu}{2,}$/u.test(word);
}

/** [start, end) of every URL and e-mail address, in order. */
function urlRanges(text: string): [number, number][] {
  const out: [number, number][] = [];
  URL.lastIndex = 0;
  for (let m = URL.exec(text); m; m = URL.exec(text)) out.push([m.index, m.index + m[0].length]);
  // E-mail addresses: the non-space run around an "@" with something on both sides. Each run is
  // read once, however many "@" it holds.
  let runEnd = -1;
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    if (at < runEnd) continue;
    let start = at;
    while (start > 0 && !/[\s<>()"',;]/.test(text[start - 1]!)) start--;
    let end = at + 1;
    while (end < text.length && !/[\s<>()"',;]/.test(text[end]!)) end++;
    runEnd = end;
    if (text.slice(start + 1, end - 1).includes('@')) out.push([start, end]);
  }
  return out.sort((a, b) => a[0] - b[0]);
}
