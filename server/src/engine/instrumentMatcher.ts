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
import { caseless } from './patterns';

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

/**
 * A web address: what /\b(?:https?:\/\/|ftp:\/\/|www\.)[^\s<>()"']+/gi finds, with the letters of
 * its prefixes in either case written out (some times quicker: no case-folding at every position).
 */
export const URL = new RegExp(`\\b(?:${caseless('http')}[sS]?:\\/\\/|${caseless('ftp://')}|${caseless('www.')})[^\\s<>()"']+`, 'g');

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



/** The code of a one-character token as normalized (normalizeToken), when it is ASCII; -1 otherwise. */
function normalizedCode(c: number): number {
  if (c === 0x2019 || c === 0x2018 || c === 0x2bc) return 39;
  if (c === 0x2010 || c === 0x2011) return 45;
  return c < 128 ? c : -1;
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

  /**
   * Every mention in a text, in order, without overlaps.
   *
   * The text is read token by token without making objects or strings: a token is read as a string
   * only where a term can start with it, which a hash of its ASCII characters (the same as for the
   * first tokens of every term, in lower case) rules out for almost every word of a text. There, the
   * two tokens before and the tokens after (as many as a term and the checks around it need) are
   * read into a small window, and looked up in the tries by hash (HashedNode): a token of ASCII
   * characters, most of them, is compared in place, so no string is made of it either.
   */
  find(text: string): InstrumentMatch[] {
    const urls = urlRanges(text);
    const starts = this.startHashes();
    const tries = this.hashedTries();
    const window = new TokenWindow(text);
    let u = 0;
    const out: InstrumentMatch[] = [];
    // The two tokens before the current one (start, end, flags), -1 as start when there is none.
    let s1 = -1;
    let e1 = 0;
    let f1 = 0;
    let s2 = -1;
    let e2 = 0;
    let f2 = 0;
    const n = text.length;
    let i = 0;
    let spaced = true;
    // The tokens as TokenReader reads them, read here without a call per token.
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 32 || isSpaceCode(c)) {
        spaced = true;
        i++;
        continue;
      }
      const start = i;
      let h = 0;
      let word = false;
      /** A character beyond ASCII in the word: no hash. */
      let beyond = false;
      if (c < 128) {
        // ASCII letters and digits, hashed in lower case on the way (one table look-up a character).
        let l = ASCII_LOWER[c]!;
        if (l !== 0) {
          word = true;
          h = l;
          while (++i < n) {
            const d = text.charCodeAt(i);
            if (d >= 128) {
              beyond = isWordCodeAt(text, i);
              break;
            }
            l = ASCII_LOWER[d]!;
            if (l === 0) break;
            h = (Math.imul(h, 31) + l) | 0;
          }
        }
      } else {
        word = isWordCodeAt(text, i);
        beyond = word;
      }
      if (word) {
        if (beyond) {
          // Beyond ASCII: the general test, and no hash.
          h = -1;
          while (i < n && isWordCodeAt(text, i)) i += width(text.charCodeAt(i));
        } else if (h === -1) h = 0;
      } else {
        // One character (a surrogate pair counts as one), hashed as normalized.
        i = Math.min(n, start + width(c));
        h = i - start === 1 ? normalizedCode(c) : -1;
      }
      const flags = (word ? WORD : 0) | (spaced ? SPACED : 0);
      spaced = false;
      // -1: a token with a character beyond ASCII, which the hash does not rule out.
      if (h === -1 || (starts[(h >>> 5) & START_WORDS]! & (1 << (h & 31))) !== 0) {
        window.reset();
        if (s2 >= 0) window.push(s2, e2, f2, NO_HASH);
        if (s1 >= 0) window.push(s1, e1, f1, NO_HASH);
        const k = window.count;
        // The token's key hash: the same as h for a word of ASCII letters and digits and for one
        // ASCII character (but "`", which is written "'"); anything else is hashed as a string.
        window.push(start, i, flags, word ? (h === -1 ? NO_HASH : h) : i - start === 1 && c < 128 && c !== 96 ? c : NO_HASH);
        const last = this.longestAt(window, k, tries);
        if (last >= 0) {
          const term = this.bestTerm!;
          while (u < urls.length && urls[u]![1] <= start) u++;
          const inUrl = u < urls.length && urls[u]![0] <= start;
          if (!inUrl && acceptable(window, k, last, term)) {
            out.push({ start, end: window.end[last]!, id: term.id, abbreviation: term.abbreviation, term: term.text });
            // Go on after the match, with its last two tokens before.
            s1 = window.start[last]!;
            e1 = window.end[last]!;
            f1 = window.flags[last]!;
            if (last > 0) {
              s2 = window.start[last - 1]!;
              e2 = window.end[last - 1]!;
              f2 = window.flags[last - 1]!;
            } else s2 = -1;
            i = e1;
            continue;
          }
        }
      }
      s2 = s1;
      e2 = e1;
      f2 = f1;
      s1 = start;
      e1 = i;
      f1 = flags;
    }
    return out;
  }

  private starts: Int32Array | undefined;

  /**
   * The hashes (asciiHash) of the first tokens of every term, in lower case, as a set of bits: the
   * bit of each hash's low 18 bits is set (a first token beyond ASCII has no hash and is always looked
   * at). A few words of a text share a bit with a term and are looked up for nothing.
   */
  private startHashes(): Int32Array {
    if (this.starts) return this.starts;
    const table = new Int32Array(START_WORDS + 1);
    for (const root of [this.exact, this.folded]) {
      for (const key of root.glued.keys()) {
        const h = asciiHash(key, 0, key.length);
        if (h !== -1) table[(h >>> 5) & START_WORDS] |= 1 << (h & 31);
      }
    }
    return (this.starts = table);
  }

  private tries: readonly [HashedNode, HashedNode] | undefined;

  /** The two tries keyed by token hash (see HashedNode), made on first use: exact, then folded. */
  private hashedTries(): readonly [HashedNode, HashedNode] {
    return (this.tries ??= [hashed(this.exact, ''), hashed(this.folded, '')]);
  }

  /** The term of the longest match found by `longestAt`. */
  private bestTerm: InstrumentTerm | undefined;

  /**
   * The last token of the longest term starting at token i (exact beats folded at equal length),
   * its term left in `bestTerm`; -1 when no term starts there.
   */
  private longestAt(tokens: TokenWindow, i: number, tries: readonly [HashedNode, HashedNode]): number {
    let last = -1;
    for (let pass = 0; pass < 2; pass++) {
      const lower = pass === 1;
      let at: HashedNode | undefined = tries[pass]!;
      for (let j = i; at && tokens.has(j); j++) {
        const map: Map<number, HashedNode> | undefined = j !== i && tokens.spaced(j) ? at.spaced : at.glued;
        at = map && tokens.child(map, j, lower);
        if (at?.term && j > last) {
          last = j;
          this.bestTerm = at.term;
        }
      }
    }
    return last;
  }
}

/**
 * A trie node as `find` reads it: the children keyed by the hash of their token (keyHash, in 30
 * bits so that the key stays a small integer), so that a token of ASCII characters is looked up
 * without making a string of it: the hash is made while the token is read, and the key compared
 * character by character. Children whose tokens share a hash are chained by `same`.
 */
interface HashedNode {
  /** The token of this node, as the trie it was made from keys it (as written, or in lower case). */
  readonly key: string;
  readonly term: InstrumentTerm | undefined;
  readonly glued: Map<number, HashedNode> | undefined;
  readonly spaced: Map<number, HashedNode> | undefined;
  /** The next child of the same node and side whose token has the same hash. */
  same: HashedNode | undefined;
}

/** The hashed copy of a trie node (and of every node under it). */
function hashed(node: TrieNode, key: string): HashedNode {
  const children = (map: Map<string, TrieNode>): Map<number, HashedNode> | undefined => {
    if (!map.size) return undefined;
    const out = new Map<number, HashedNode>();
    for (const [k, child] of map) {
      const h = keyHash(k, 0, k.length) & HASH_BITS;
      const made = hashed(child, k);
      made.same = out.get(h);
      out.set(h, made);
    }
    return out;
  };
  return { key, term: node.term, glued: children(node.glued), spaced: children(node.spaced), same: undefined };
}

/** The bits of a key hash a hashed trie node uses (a small integer for V8: no boxed number). */
const HASH_BITS = (1 << 30) - 1;

/** A token without a key hash: it is looked up by its string. */
const NO_HASH = -1;

/**
 * The hash of text [from, to) with ASCII capitals in lower case, every other code unit as it is
 * (never -1, which stands for no hash). For ASCII characters, the same as asciiHash.
 */
function keyHash(text: string, from: number, to: number): number {
  let h = 0;
  for (let i = from; i < to; i++) {
    let c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) c += 32;
    h = (Math.imul(h, 31) + c) | 0;
  }
  return h === -1 ? 0 : h;
}

/** Per ASCII code: the letter in lower case or the digit, 0 for anything else. */
const ASCII_LOWER = new Uint8Array(128).map((_, c) => (c >= 65 && c <= 90 ? c + 32 : (c >= 48 && c <= 57) || (c >= 97 && c <= 122) ? c : 0));

/** The number of 32-bit words of the set of first-token hashes (2^18 bits), less one. */
const START_WORDS = (1 << 13) - 1;

const WORD = 1;
const SPACED = 2;

/**
 * Reads the token at or after a position (as `tokenize` splits a text): a run of letters and digits,
 * or one other character; after white space (or at the start of the text) or not; and its key hash
 * (keyHash) when it is made of ASCII characters written as they are, else NO_HASH.
 */
class TokenReader {
  start = 0;
  end = 0;
  flags = 0;
  hash = 0;

  constructor(private readonly text: string) {}

  /** Reads the first token at or after `pos`; false when there is none. */
  read(pos: number): boolean {
    const text = this.text;
    const n = text.length;
    let i = pos;
    while (i < n && isSpaceCode(text.charCodeAt(i))) i++;
    if (i >= n) return false;
    const start = i;
    const c = text.charCodeAt(i);
    const word = c < 128 ? (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) : isWordCodeAt(text, i);
    let h = 0;
    if (word) {
      // ASCII letters and digits, hashed on the way; beyond ASCII, the general test and no hash.
      let plain = true;
      while (i < n) {
        let d = text.charCodeAt(i);
        if (d < 128) {
          if (d >= 65 && d <= 90) d += 32;
          else if (!((d >= 48 && d <= 57) || (d >= 97 && d <= 122))) break;
          h = (Math.imul(h, 31) + d) | 0;
          i++;
        } else {
          if (!isWordCodeAt(text, i)) break;
          plain = false;
          i += width(d);
        }
      }
      h = !plain ? NO_HASH : h === -1 ? 0 : h;
    } else {
      // One character (a surrogate pair counts as one): hashed when it is ASCII and written as it is.
      i = Math.min(n, i + width(c));
      h = i - start === 1 && c < 128 && c !== 96 ? c : NO_HASH;
    }
    this.start = start;
    this.end = i;
    this.flags = (word ? WORD : 0) | (start === 0 || isSpaceCode(text.charCodeAt(start - 1)) ? SPACED : 0);
    this.hash = h;
    return true;
  }
}

/** The most tokens a window holds: two before a term, the term, two after it. */
const WINDOW = MAX_TERM_TOKENS + 5;

/**
 * A few tokens of a text around a place where a term may start: token k is text [start[k],
 * end[k]); tokens after the last one are read when asked for (`has`).
 */
class TokenWindow {
  count = 0;
  readonly start = new Int32Array(WINDOW);
  readonly end = new Int32Array(WINDOW);
  readonly flags = new Uint8Array(WINDOW);
  /** The key hash of each token (keyHash), or NO_HASH. */
  readonly hash = new Int32Array(WINDOW);
  private readonly reader: TokenReader;

  constructor(readonly text: string) {
    this.reader = new TokenReader(text);
  }

  reset(): void {
    this.count = 0;
  }

  push(start: number, end: number, flags: number, hash: number): void {
    const k = this.count++;
    this.start[k] = start;
    this.end[k] = end;
    this.flags[k] = flags;
    this.hash[k] = hash;
  }

  /** True when the text has a token k (read now if need be). */
  has(k: number): boolean {
    while (this.count <= k) {
      if (this.count === WINDOW || !this.reader.read(this.end[this.count - 1]!)) return false;
      this.push(this.reader.start, this.reader.end, this.reader.flags, this.reader.hash);
    }
    return true;
  }

  /**
   * The child of a hashed trie node for token k, as written (`lower` false) or in lower case: the
   * same node as the string-keyed trie gives for `written(k)` or `lower(k)`. A token with a key hash
   * (ASCII characters, written as they are) is compared in place, without making a string of it.
   */
  child(map: Map<number, HashedNode>, k: number, lower: boolean): HashedNode | undefined {
    const h = this.hash[k]!;
    if (h === NO_HASH) {
      const key = lower ? this.lower(k) : this.written(k);
      for (let at = map.get(keyHash(key, 0, key.length) & HASH_BITS); at; at = at.same) if (at.key === key) return at;
      return undefined;
    }
    const text = this.text;
    const s = this.start[k]!;
    const length = this.end[k]! - s;
    for (let at = map.get(h & HASH_BITS); at; at = at.same) {
      const key = at.key;
      if (key.length !== length) continue;
      let x = 0;
      if (lower) {
        // The token is ASCII: its lower case is its capitals A–Z in lower case.
        for (; x < length; x++) {
          let c = text.charCodeAt(s + x);
          if (c >= 65 && c <= 90) c += 32;
          if (c !== key.charCodeAt(x)) break;
        }
      } else while (x < length && text.charCodeAt(s + x) === key.charCodeAt(x)) x++;
      if (x === length) return at;
    }
    return undefined;
  }

  word(k: number): boolean {
    return (this.flags[k]! & WORD) !== 0;
  }

  spaced(k: number): boolean {
    return (this.flags[k]! & SPACED) !== 0;
  }

  /** The token as written, apostrophes and hyphens normalized. */
  written(k: number): string {
    const s = this.start[k]!;
    const e = this.end[k]!;
    return e - s === 1 ? normalizeToken(this.text[s]!) : this.text.slice(s, e);
  }

  /** The same in lower case (for a word). */
  lower(k: number): string {
    const w = this.written(k);
    return this.word(k) ? w.toLowerCase() : w;
  }
}

/** The hash of text [from, to) with ASCII letters in lower case; -1 when a character is beyond ASCII. */
function asciiHash(text: string, from: number, to: number): number {
  let h = 0;
  for (let i = from; i < to; i++) {
    let c = text.charCodeAt(i);
    if (c >= 128) return -1;
    if (c >= 65 && c <= 90) c += 32;
    h = (Math.imul(h, 31) + c) | 0;
  }
  return h === -1 ? 0 : h;
}

/** Whether the match of tokens [i, last] stands on its own in the text (see the module comment). */
function acceptable(tokens: TokenWindow, i: number, last: number, term: InstrumentTerm): boolean {
  const hasBefore = i > 0;
  const hasAfter = tokens.has(last + 1);
  if (hasBefore && !tokens.spaced(i)) {
    // Glued to what precedes: the tail of a compound ("CD-ROM"), a path or domain ("rvo.nl/WBSO").
    const before = tokens.written(i - 1);
    if (before === '-' || before === '.' || before === '/' || before === '@' || before === '_' || before === '\\') {
      const hasBeforeBefore = i > 1;
      if (before !== '-' || (hasBeforeBefore && tokens.word(i - 2) && !tokens.spaced(i - 1))) return false;
    }
  }
  if (hasAfter && !tokens.spaced(last + 1)) {
    const after = tokens.written(last + 1);
    const hasNext = tokens.has(last + 2);
    // "TNO.nl", "info@ser.nl": part of a domain or address.
    if ((after === '.' || after === '@') && hasNext && tokens.word(last + 2) && !tokens.spaced(last + 2)) return false;
    if (after === '@' || after === '_') return false;
  }
  if (term.caseSensitive && term.abbreviation) {
    // A heading in capitals ("DE ODE AAN DE MIT"): neighbours in capitals on both sides.
    if (
      hasBefore && tokens.word(i - 1) && hasAfter && tokens.word(last + 1) && tokens.spaced(i) && tokens.spaced(last + 1) &&
      shouting(tokens.written(i - 1)) && shouting(tokens.written(last + 1))
    )
      return false;
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
