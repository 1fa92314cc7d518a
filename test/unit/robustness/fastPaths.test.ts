/**
 * The engine's fast paths find exactly what the plain ones they replace found (issue 14): each is
 * compared, on generated texts (fast-check, a fixed seed), with a copy of the code it replaced, kept
 * here as the reference.
 *
 * - ForwardMatches searches a slice just past each window instead of running on to the next match
 *   wherever it is: the matches handed on must be the same, window by window; also where a pattern
 *   declares how little its matches read past white space, so that the slices end closer to the windows.
 * - The instrument matcher reads tokens as numbers, looks up only words a term can start with, and
 *   looks a token of ASCII characters up in its tries by hash, comparing it in place: the mentions
 *   must be the same as with a token object and strings per word.
 * - Sentences read marks and the word before a period by code unit.
 * - A citation's dossier split wrongly ("354 20") is told by code unit, without a match per citation.
 */
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { isLatinWordCode, isRegExpSpaceCode, isSpaceCode, isWordCodeAt, standsAsWord } from '../../../server/src/engine/chars';
import { LineIndex } from '../../../server/src/engine/lineIndex';
import { hasPageStartMarks } from '../../../server/src/engine/recognizers/pageFootnotes';
import { InstrumentMatcher, URL as URL_PATTERN, type InstrumentMatch } from '../../../server/src/engine/instrumentMatcher';
import { MONEY_WORD } from '../../../server/src/engine/recognizers/amount';
import { SUP_MARKER } from '../../../server/src/engine/recognizers/footnoteMarkup';
import { splitWrongly } from '../../../server/src/features/diagnostics/citationForm';
import { ForwardMatches, type ScanReach } from '../../../server/src/engine/recognizers/forwardMatches';
import { closesAbbreviation, endsSentence } from '../../../server/src/engine/sentences';
import { params, unicodeText, vocabularyText } from '../../support/textArbitraries';
import { bundledEntries } from '../../support/workspace';

// ---------------------------------------------------------------------------------------------
// ForwardMatches

/** ForwardMatches as it was before the slices: each search runs on to the next match. */
class ReferenceForwardMatches {
  private readonly pattern: RegExp;
  private scannedTo = 0;
  private pending: RegExpExecArray | null | undefined;
  private resumeAt = 0;

  constructor(
    private readonly text: string,
    pattern: RegExp,
    private readonly onMatch: (match: RegExpExecArray) => void,
  ) {
    this.pattern = new RegExp(pattern.source, pattern.flags);
  }

  cover(from: number, to: number): void {
    const end = Math.min(to, this.text.length);
    if (end <= this.scannedTo) return;
    if (this.pending === null) {
      this.scannedTo = end;
      return;
    }
    const re = this.pattern;
    if (this.pending && from > this.scannedTo && this.pending.index < from) this.pending = undefined;
    let m: RegExpExecArray | null;
    if (this.pending) {
      m = this.pending;
      re.lastIndex = this.resumeAt;
    } else {
      re.lastIndex = Math.max(this.scannedTo, from > this.scannedTo ? wordStart(this.text, from) : this.scannedTo);
      m = re.exec(this.text);
    }
    while (m && m.index < end) {
      this.onMatch(m);
      if (m[0].length === 0) re.lastIndex = m.index + 1;
      m = re.exec(this.text);
    }
    this.pending = m;
    this.resumeAt = re.lastIndex;
    this.scannedTo = end;
  }
}

function wordStart(text: string, at: number): number {
  let i = at;
  while (i > 0 && at - i < 40 && isLatinWordCode(text.charCodeAt(i - 1))) i--;
  return i;
}

/** Patterns of the kinds the recognizers scan with: word lists, lookarounds, literal words with spaces, unbounded letter runs. */
const PATTERNS: readonly RegExp[] = [
  /miljoen|miljard|biljoen|duizend|mln|mio|mld|mrd|dzd|min|bln|bn|mia|euro|eur|dollar|usd|gbp|pond|yuan|yen|[€$£]/gi,
  /structureel|incidenteel|eenmalig|jaarlijks/gi,
  /(?:^|[^a-z])(?:usd|us-dollars?|dollars?|yuan|yen|gbp|pond sterling|roebels?)(?![a-z])|[$£¥]/gi,
  /(?:^|[^\p{L}])aantal/giu,
  /[;\u2022\u25aa\u25cf\u21a9|,:()\u2013\u2014]/g,
  /\b(?:toegezegd|toezegging|beloofd|verzocht|laten weten|zegt)(?![A-Za-z\u00C0-\u024F])/gi,
  /\b(?:(zal|zullen|wordt|gaat(?! het )|gaan|a\.s\.)|(heb|heeft|was|jl|j\.l|sinds))(?![A-Za-z\u00C0-\u024F])/gi,
  /\b(?:(is|zijn)|(vond|kwam|(?!ge|onge)[a-z\u00e0-\u00ff]{2,}eerden?)|((?:aan|af|op|toe)?ge[a-z\u00e0-\u00ff]{2,}[dtn]|verschenen|afgerond))(?![A-Za-z\u00C0-\u024F])/gi,
  /(?<![\p{L}])(?:(?:het |dit |dat )?voorstel(?:len)? van (?:rijks)?wet|Vaststelling van de begrotingsstaten|Regels (?:omtrent|met betrekking tot)|Kamerstukken)(?![\p{L}])/gu,
];

/**
 * The reach each of PATTERNS declares where a recognizer scans with one like it (undefined: the
 * default): no spaces or lookarounds; single characters; a literal with a space; a lookahead of " het ".
 */
const REACHES: readonly (ScanReach | undefined)[] = [
  { acrossSpace: 0, lookahead: 0 },
  { acrossSpace: 0, lookahead: 0 },
  undefined,
  undefined,
  { acrossSpace: 0, lookahead: 0 },
  { acrossSpace: 'laten weten'.length, lookahead: 1 },
  { acrossSpace: 0, lookahead: ' het '.length },
  { acrossSpace: 0, lookahead: 1 },
  undefined,
];

const WORDS: readonly string[] = [
  'miljoen', 'euro', 'EUR', 'eur', 'Europa', 'min', 'minister', '€', '$', 'structureel', 'usd', 'pond sterling', 'aantal', 'Aantal',
  'toegezegd', 'laten weten', 'laten', 'weten', 'zal', 'gaat', 'gaat het ', 'het', 'a.s.', 'j.l', 'is', 'geregeld', 'gepubliceerd',
  'opgesteld', 'geïnventariseerd', 'presenteerden', 'afgerond', 'voorstel van wet', 'het voorstel van rijkswet',
  'Vaststelling van de begrotingsstaten', 'Regels met betrekking tot', 'Kamerstukken', 'ézal', 'Égeregeld',
  'ge' + 'a'.repeat(140) + 'd', 'x'.repeat(300), '1'.repeat(250), ',', ';', ':', '(', ')', '–', '.', ' ', ' ', ' ', '  ', '\n', '\n\n', '\t', '\u00a0',
];

/** Texts of the patterns' words with runs of filler, long enough for the slices to matter. */
const scanText = fc
  .array(fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...WORDS) }, { weight: 3, arbitrary: fc.constantFrom('de ', 'van het ', 'a', 'bb ', 'Den Haag ') }, { weight: 1, arbitrary: unicodeText(12) }), {
    minLength: 1,
    maxLength: 400,
    size: 'max',
  })
  .map((parts) => parts.join(''));

/** Windows as a reader asks for them: neither end goes back; gaps, overlaps and windows far apart. */
const windows = fc.array(fc.record({ skip: fc.nat({ max: 900 }), width: fc.nat({ max: 700 }), back: fc.nat({ max: 300 }) }), { minLength: 1, maxLength: 40, size: 'max' });

function coverAll(scan: { cover(from: number, to: number): void }, steps: readonly { skip: number; width: number; back: number }[]): void {
  let from = 0;
  let to = 0;
  for (const s of steps) {
    from += s.skip;
    to = Math.max(to, from + s.width - s.back);
    scan.cover(from, to);
  }
}

describe('fast paths find what the plain code found', () => {
  it('ForwardMatches hands on the same matches, window by window', () => {
    fc.assert(
      fc.property(scanText, fc.nat({ max: PATTERNS.length - 1 }), windows, (text, p, steps) => {
        const seen = (kind: string[]) => (m: RegExpExecArray) => kind.push(`${m.index}:${m[0]}:${m.slice(1).join('|')}`);
        const expected: string[] = [];
        const actual: string[] = [];
        coverAll(new ReferenceForwardMatches(text, PATTERNS[p]!, seen(expected)), steps);
        coverAll(new ForwardMatches(text, PATTERNS[p]!, seen(actual)), steps);
        assert.deepEqual(actual, expected);
      }),
      params(600),
    );
  });

  it('ForwardMatches with a pattern\'s own reach hands on the same matches, window by window', () => {
    // Every place of a pattern's widest word relative to a window's end, tried one by one.
    const seenAt = (kind: string[]) => (m: RegExpExecArray) => kind.push(`${m.index}:${m[0]}`);
    for (const [p, word] of [[5, 'laten weten'], [6, 'gaat het ']] as const) {
      for (let k = 0; k < 60; k++) {
        const text = 'a '.repeat(k) + `${word} b gaat zal laten weten ` + 'c '.repeat(30);
        for (let to = 1; to < 80; to++) {
          const expected: string[] = [];
          const actual: string[] = [];
          coverAll(new ReferenceForwardMatches(text, PATTERNS[p]!, seenAt(expected)), [{ skip: 0, width: to, back: 0 }, { skip: to, width: 200, back: 0 }]);
          coverAll(new ForwardMatches(text, PATTERNS[p]!, seenAt(actual), REACHES[p]), [{ skip: 0, width: to, back: 0 }, { skip: to, width: 200, back: 0 }]);
          assert.deepEqual(actual, expected, `${word} after ${k}, first window [0, ${to})`);
        }
      }
    }
    // Windows one after the other (no gaps, narrow): every slice ends near the words.
    const adjacent = fc.array(fc.record({ skip: fc.nat({ max: 40 }), width: fc.nat({ max: 60 }), back: fc.constant(0) }), { minLength: 1, maxLength: 200, size: 'max' });
    fc.assert(
      fc.property(scanText, fc.nat({ max: PATTERNS.length - 1 }), fc.oneof(windows, adjacent), (text, p, steps) => {
        const seen = (kind: string[]) => (m: RegExpExecArray) => kind.push(`${m.index}:${m[0]}:${m.slice(1).join('|')}`);
        const expected: string[] = [];
        const actual: string[] = [];
        coverAll(new ReferenceForwardMatches(text, PATTERNS[p]!, seen(expected)), steps);
        coverAll(new ForwardMatches(text, PATTERNS[p]!, seen(actual), REACHES[p]), steps);
        assert.deepEqual(actual, expected);
      }),
      params(1500),
    );
  });

  /** The instrument matcher of these entries finds what the reference matcher finds in texts joined from the parts. */
  function findsAsReference(entries: Parameters<typeof InstrumentMatcher.fromEntries>[0], part: fc.Arbitrary<string>, maxLength: number, runs: number): InstrumentMatcher {
    const matcher = InstrumentMatcher.fromEntries(entries);
    const reference = ReferenceMatcher.fromEntries(entries);
    const text = fc.array(part, { maxLength, size: 'max' }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, (t) => {
        assert.deepEqual(matcher.find(t), reference.find(t));
      }),
      params(runs),
    );
    return matcher;
  }

  it('the instrument matcher finds the same mentions as with a token object per word', () => {
    const names = bundledEntries.flatMap((e) => [e.name, ...(e.abbreviations ?? [])]).slice(0, 400);
    const part = fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...names) },
      { weight: 4, arbitrary: fc.constantFrom(' ', ' ', '\n', '-', '.', '/', '@', '_', "'s", '’s', 'ʼ', '‐', 'www.', 'https://', 'EEN ', 'DE ', 'de ', 'ë', 'İ', '𝐀') },
      { weight: 2, arbitrary: vocabularyText(6) },
    );
    findsAsReference(bundledEntries, part, 120, 800);
  });

  it('the instrument matcher tells apart tokens whose hashes collide, and looks up tokens beyond ASCII by their lower case', () => {
    // "an" and "c0" have the same key hash (97·31 + 110 = 99·31 + 48); "\u212a" (the Kelvin sign) is "k"
    // in lower case, "İ" is "i" and a combining dot; "ß" stays "ß".
    const entries = [
      { id: 'a', name: 'an fonds', abbreviations: ['AN'] },
      { id: 'b', name: 'c0 regeling', abbreviations: ['C0', 'C0-plan'] },
      { id: 'c', name: 'Kfonds' },
      { id: 'd', name: '’s-Hertogenbosch fonds' },
      { id: 'e', name: 'Straße-plan', abbreviations: ['SP’s'] },
      { id: 'f', name: 'İnvest' },
      { id: 'g', name: 'Fonds 𝐀' },
    ];
    const part = fc.constantFrom(
      'an', 'AN', 'An', 'aN', 'c0', 'C0', 'C0-plan', ' fonds', ' FONDS', ' regeling', '-plan', 'K', 'k', '\u212a', 'fonds', '’s', "'s", '-', 'Hertogenbosch',
      'Straße', 'STRASSE', 'straße', 'SP', 'plan', 'İ', 'i\u0307', 'I', 'nvest', 'Fonds', '𝐀', '𝐚', ' ', ' ', '\n', '.', '@', 'www.', 'é',
    );
    const matcher = findsAsReference(entries, part, 60, 1500);
    assert.deepEqual(
      matcher.find('an fonds, AN, c0 regeling, C0, \u212afonds, İnvest, Fonds 𝐀').map((m) => `${m.term}=${m.id}`),
      ['an fonds=a', 'AN=a', 'c0 regeling=b', 'C0=b', 'Kfonds=c', 'İnvest=f', 'Fonds 𝐀=g'],
    );
  });

  it('sentence ends and abbreviations are read as the patterns read them', () => {
    const CLOSES = /["”’')\]]/;
    const OPENS = /[\p{Lu}\d"“‘'(\[•–\-]/u;
    const referenceEnds = (text: string, at: number): boolean => {
      const c = text.charCodeAt(at);
      if (!(c === 46 || c === 33 || c === 63)) return false;
      let i = at + 1;
      while (i < text.length && i - at <= 2 && CLOSES.test(text[i]!)) i++;
      if (i >= text.length) return true;
      if (!isSpaceCode(text.charCodeAt(i))) return false;
      while (i < text.length && isSpaceCode(text.charCodeAt(i))) i++;
      if (i >= text.length) return true;
      if (!OPENS.test(text[i]!)) return false;
      if (c !== 46) return true;
      return !referenceAbbreviation(text, at);
    };
    const referenceAbbreviation = (text: string, at: number): boolean => {
      const word = /([\p{L}.]{1,8})$/u.exec(text.slice(Math.max(0, at - 8), at))?.[1] ?? '';
      return closesAbbreviationOf(word);
    };
    const piece = fc.oneof(
      fc.constantFrom('nr', 'o.a', 'V.P.G', 'blz', 'Kamer', 'één', 'ĳ', 'é', 'Ω', 'ß', '𝐀', '\ud835', '1', '.', '. ', '! ', '? ', '" ', '’ ', ') ', ' “', ' ‘', ' •', ' –', ' -', ' A', ' a', ' É', ' Ω', ' 𝐀', '\n'),
      unicodeText(4),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30, size: 'max' }), (parts) => {
        const text = parts.join('');
        for (let at = 0; at < text.length; at++) {
          assert.equal(endsSentence(text, at), referenceEnds(text, at), `endsSentence at ${at} of ${JSON.stringify(text)}`);
          if (text.charCodeAt(at) === 46) assert.equal(closesAbbreviation(text, at), referenceAbbreviation(text, at), `closesAbbreviation at ${at} of ${JSON.stringify(text)}`);
        }
      }),
      params(1500),
    );
  });

  it('a character is white space as a regular expression\'s \\s says, for every UTF-16 code unit', () => {
    for (let c = 0; c < 0x10000; c++) assert.equal(isRegExpSpaceCode(c), /\s/.test(String.fromCharCode(c)), c.toString(16));
  });

  it('page start marks are told as the line patterns told them', () => {
    // As it was: every line's text, a form feed anywhere, blank lines (/^[\s\f]*$/), lines opening with one space (/^ \S/).
    const reference = (lines: LineIndex): boolean => {
      let marked = 0;
      let nonBlank = 0;
      for (let i = 0; i < lines.lineCount; i++) {
        const t = lines.lineText(i);
        if (t.includes('\f')) return true;
        if (/^[\s\f]*$/.test(t)) continue;
        nonBlank++;
        if (/^ \S/.test(t)) marked++;
      }
      return marked >= 2 && marked <= nonBlank * 0.2;
    };
    const piece = fc.constantFrom(' ', '  ', '\t', '\u00a0', '\u1680', '\ufeff', '\u2003', '\f', '\n', '\r\n', '\r', 'a', 'Tekst', '1 SER', ' Pagina 2', '\n Pagina', '\n\n');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 80 }), (parts) => {
        const text = parts.join('');
        const lines = new LineIndex(text);
        assert.equal(hasPageStartMarks(text, lines), reference(lines), JSON.stringify(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('the patterns written for speed find what the plain patterns find (letters in either case written out, words as a trie)', () => {
    const plain: [RegExp, RegExp][] = [
      [URL_PATTERN, /\b(?:https?:\/\/|ftp:\/\/|www\.)[^\s<>()"']+/gi],
      [SUP_MARKER, /<sup>[ \t]{0,2}\[?(\d{1,3})\]?(?:\(#[^)\s]{1,60}\))?[ \t]{0,2}<\/sup>/gi],
      [MONEY_WORD, /miljoen|miljard|biljoen|duizend|mln|mio|mld|mrd|dzd|min|bln|bn|mia|euro|eur|dollar|usd|gbp|pond|yuan|yen|[€$£]/gi],
    ];
    const all = (re: RegExp, text: string): string[] => [...text.matchAll(new RegExp(re.source, re.flags))].map((m) => `${m.index}:${m[0]}:${m[1] ?? ''}`);
    // Pieces of each pattern in other cases, cut short or followed on, and letters beyond ASCII that fold to ASCII ones under other flags.
    const piece = fc.oneof(
      fc.constantFrom('http://', 'HTTPS://', 'hTtP', 'ftp://x', 'FTP:/', 'www.', 'WwW.', 'w.ww.', '<sup>', '<SUP>', '<Sup>', '</sup>', '</SUP>', '<\u017Fup>', '[1]', '12', '(#fn1)', ' ', '\t', 'a', 'x.nl', '"', "'", '(', ')'),
      fc.constantFrom('miljoen', 'MILJARD', 'Biljoen', 'duizend', 'mln', 'MIO', 'mld', 'mrd', 'dzd', 'min', 'bln', 'bn', 'mia', 'euro', 'EUR', 'Eu', 'dollar', 'usd', 'gbp', 'pond', 'yuan', 'yen', '€', '$', '£', 'mi\u017Fa', '\u212Aw', 'ı', 'İ', 'ﬀ', 'é'),
      unicodeText(3),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        for (const [fast, slow] of plain) assert.deepEqual(all(fast, text), all(slow, text), `${fast.source} on ${JSON.stringify(text)}`);
      }),
      { numRuns: 3000 },
    );
  });

  it('a dossier split wrongly is told in place as the patterns told it', () => {
    const before = (dossier: string): boolean => {
      const digits = /^[\d ]+/.exec(dossier)?.[0].trim() ?? '';
      return digits.includes(' ') && !/^\d{1,3} \d{3}$/.test(digits);
    };
    const dossier = fc.array(fc.constantFrom('1', '2', '3', '0', '9', ' ', '\t', '\u00a0', 'A', 'X', '-'), { maxLength: 14 }).map((a) => a.join(''));
    fc.assert(fc.property(dossier, (d) => assert.equal(splitWrongly(d), before(d), JSON.stringify(d))), params(3000));
  });

  it('a word that stands on its own in a name is told in place as a pattern made of it told it', () => {
    const escaped = (w: string): string => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const before = (text: string, word: string): boolean => new RegExp(`(?<![\\p{L}\\p{N}])${escaped(word)}(?![\\p{L}\\p{N}])`, 'u').test(text);
    const piece = fc.oneof(
      fc.constantFrom('NGF', 'ngf', 'BNC', 'BNC-fiche', 'IPCEI', "IPCEI's", 'SDE++', 'SDE', '1', '2', ' ', '-', '/', '(', ')', 'é', 'ﬀ', '𝐀', '🇳🇱', '\ud835', '\udc00', '\u0301', '٣'),
      unicodeText(3),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), fc.nat(), fc.integer({ min: 1, max: 6 }), (parts, at, length) => {
        const text = parts.join('');
        const from = text.length ? at % text.length : 0;
        // Words cut from the text (across surrogate pairs too) and the pieces themselves; an empty word stands nowhere.
        for (const word of [text.slice(from, from + length), ...parts.slice(0, 3)]) if (word) assert.equal(standsAsWord(text, word), before(text, word), `${JSON.stringify(word)} in ${JSON.stringify(text)}`);
      }),
      params(3000),
    );
    assert.equal(standsAsWord('NGF', ''), false);
  });
});

/** What closesAbbreviation decides of the word before a period (as it is in sentences.ts). */
function closesAbbreviationOf(word: string): boolean {
  const bare = word.replace(/^\.+/, '').toLowerCase();
  if (!bare) return false;
  if (ABBREVIATIONS.has(bare)) return true;
  return /^(?:\p{L}\.)*\p{L}$/u.test(bare);
}

const ABBREVIATIONS: ReadonlySet<string> = new Set([
  'nr', 'nrs', 'p', 'pp', 'blz', 'jl', 'j.l', 'bijv', 'bv', 'o.a', 'd.d', 'e.a', 'e.d', 'e.v', 'i.v.m', 'm.b.t', 't.a.v', 'z.g.a', 'ca', 'vgl',
  'art', 'mr', 'drs', 'dr', 'ir', 'ing', 'prof', 'mw', 'mevr', 'dhr', 'resp', 'incl', 'excl', 'max', 'st', 'stb', 'stcrt', 'kst', 'zgn', 'evt', 'etc', 'jo',
]);

// ---------------------------------------------------------------------------------------------
// The instrument matcher as it was: a token object (and strings) per word

interface Token {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly lower: string;
  readonly word: boolean;
  readonly spaced: boolean;
}

interface TrieNode {
  readonly glued: Map<string, TrieNode>;
  readonly spaced: Map<string, TrieNode>;
  term?: { id: string; text: string; abbreviation: boolean; caseSensitive: boolean };
}

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
    const word = isWordCodeAt(text, i);
    if (word) {
      i += width(c);
      while (i < n && isWordCodeAt(text, i)) i += width(text.charCodeAt(i));
    } else i = Math.min(n, i + width(c));
    const written = i - start === 1 ? normalizeToken(text[start]!) : text.slice(start, i);
    out.push({ start, end: i, text: written, lower: word ? written.toLowerCase() : written, word, spaced });
    spaced = false;
  }
  return out;
}

function width(c: number): number {
  return c >= 0xd800 && c <= 0xdbff ? 2 : 1;
}

function normalizeToken(t: string): string {
  if (t === '’' || t === '‘' || t === '`' || t === 'ʼ') return "'";
  if (t === '\u2010' || t === '\u2011') return '-';
  return t;
}

const URL = /\b(?:https?:\/\/|ftp:\/\/|www\.)[^\s<>()"']+/gi;

class ReferenceMatcher {
  /** The real matcher's tries (the same terms, built the same way). */
  private constructor(
    private readonly exact: TrieNode,
    private readonly folded: TrieNode,
  ) {}

  static fromEntries(entries: Parameters<typeof InstrumentMatcher.fromEntries>[0]): ReferenceMatcher {
    const real = InstrumentMatcher.fromEntries(entries) as unknown as { exact: TrieNode; folded: TrieNode };
    return new ReferenceMatcher(real.exact, real.folded);
  }

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

  private longestAt(tokens: readonly Token[], i: number): { term: NonNullable<TrieNode['term']>; last: number } | undefined {
    let best: { term: NonNullable<TrieNode['term']>; last: number } | undefined;
    for (let pass = 0; pass < 2; pass++) {
      const lower = pass === 1;
      let at: TrieNode | undefined = lower ? this.folded : this.exact;
      for (let j = i; j < tokens.length && at; j++) {
        const t = tokens[j]!;
        at = (j !== i && t.spaced ? at.spaced : at.glued).get(lower ? t.lower : t.text);
        if (at?.term && (!best || j > best.last)) best = { term: at.term, last: j };
      }
    }
    return best;
  }
}

function acceptable(tokens: readonly Token[], i: number, last: number, term: NonNullable<TrieNode['term']>): boolean {
  const first = tokens[i]!;
  const before = tokens[i - 1];
  const after = tokens[last + 1];
  if (before && !first.spaced) {
    if (before.text === '-' || before.text === '.' || before.text === '/' || before.text === '@' || before.text === '_' || before.text === '\\') {
      const beforeBefore = tokens[i - 2];
      if (before.text !== '-' || (beforeBefore && beforeBefore.word && !before.spaced)) return false;
    }
  }
  if (after && !after.spaced) {
    const next = tokens[last + 2];
    if ((after.text === '.' || after.text === '@') && next && next.word && !next.spaced) return false;
    if (after.text === '@' || after.text === '_') return false;
  }
  if (term.caseSensitive && term.abbreviation) {
    const shouting = (w: string): boolean => /^\p{Lu}{2,}$/u.test(w);
    if (before?.word && after?.word && first.spaced && after.spaced && shouting(before.text) && shouting(after.text)) return false;
  }
  return true;
}

function urlRanges(text: string): [number, number][] {
  const out: [number, number][] = [];
  URL.lastIndex = 0;
  for (let m = URL.exec(text); m; m = URL.exec(text)) out.push([m.index, m.index + m[0].length]);
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
