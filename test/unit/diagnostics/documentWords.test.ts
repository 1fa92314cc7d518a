/**
 * The shared word index (features/documentWords.ts) and the scans the rules make over it give what
 * the whole-text regular expressions they replace gave: the same runs, the same folded words, the
 * same candidates in the same order, on random Unicode, the recognizers' vocabulary, mutated real
 * letters and the seeds.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as fc from 'fast-check';
import { foldAnyForSearch, foldForSearch, submittersKey, surnameKey } from '../../../server/src/engine/folding';
import { LineIndex } from '../../../server/src/engine/lineIndex';
import { explainedAbbreviations, isAbbreviation, standsFor } from '../../../server/src/features/diagnostics/abbreviations';
import { capitalsWords } from '../../../server/src/features/diagnostics/rules/abbreviationUnexplained';
import { candidates } from '../../../server/src/features/diagnostics/rules/instrumentUnknownAbbreviation';
import { DocumentWords, urlSearches, WordSet } from '../../../server/src/features/documentWords';
import { seedsDir } from '../../support/paths';
import { anyText, params } from '../../support/textArbitraries';

const RUN = /[\p{L}\p{N}]+/gu;
const CANDIDATE = /(?<![\p{L}\p{N}&.\/@_+-])([A-Z][A-Z0-9]{1,5})(?:['’]s|s)?(?![\p{L}\p{N}&+@]|\.[\p{L}\p{N}])/gu;
const WORD = /(?<![\p{L}\p{N}\-/._@#])\p{Lu}[\p{L}]{1,7}(?![\p{L}\p{N}\-@]|['’][\p{L}]{2})/gu;
const BRACKETED = /\((?:hierna(?: te noemen)?:?\s*|verder:?\s*)?(?:de |het )?(\p{Lu}[\p{L}]{1,7})(?:['’]s)?\s*\)/gu;
const LAST_IN_BRACKETS = /[,;]\s*(?:(?:oftewel|ofwel|afgekort(?: als)?|kortweg|hierna:?)\s+)?(?:de |het )?(\p{Lu}[\p{L}]{1,7})(?:['’]s)?\s*$/u;

/** "(PCA, …)" and "(…, CAGR)" where the letters stand for the words (standsFor), at each "(" that is no plain "(ABBR)": read from the whole text. */
function introducedInBrackets(text: string): string[] {
  const out: string[] = [];
  for (const { index: at } of text.matchAll(/\(/g)) {
    const rest = text.slice(at);
    if (new RegExp(`^${BRACKETED.source}`, 'u').test(rest)) continue;
    const first = /^\((\p{Lu}[\p{L}]{1,7})(?:['’]s)?\s*[,;]\s*(?![\p{N}])/u.exec(rest);
    if (first) {
      if (standsFor(first[1]!, text.slice(Math.max(0, at - 160), at))) out.push(first[1]!);
      continue;
    }
    const inside = /^\(([^()]{0,239})\)/u.exec(rest)?.[1];
    const last = inside === undefined ? null : LAST_IN_BRACKETS.exec(inside);
    if (last && standsFor(last[1]!, inside!.slice(0, last.index))) out.push(last[1]!);
  }
  return out;
}
const FOLLOWED_BY_NAME = /(?<![\p{L}\p{N}])(\p{Lu}[\p{L}]{1,7})\s{0,2}\(\s*\p{L}[\p{L}-]*(?:\s+[\p{L}-]+){1,10}\s*\)/gu;

/** Words a set may hold that a text may not: plain, folded beyond ASCII, empty. */
const ABSENT = ['kostic', 'nergens', 'straße', 'ß', '', 'a1', 'de'];

const matches = (text: string, re: RegExp) => [...text.matchAll(re)].map((m) => [m.index, m[0], m[1]]);

function assertSame(text: string): void {
  const words = DocumentWords.of({ text, lines: new LineIndex(text) });
  const runs = [...text.matchAll(RUN)];
  assert.deepEqual(
    Array.from(words.starts, (s, i) => [s, words.ends[i]]),
    runs.map((m) => [m.index, m.index + m[0].length]),
  );
  const folded = runs.map((_, i) => words.folded(i));
  // Folded as the general (Unicode) folding folds them: the index folds ASCII runs its own way.
  assert.deepEqual(folded, runs.map((m) => foldAnyForSearch(m[0])));
  for (const w of new Set(folded)) assert.deepEqual(Array.from(words.occurrences(w)), folded.flatMap((f, i) => (f === w ? [i] : [])));
  // Taken over from elsewhere (the analysis worker): the same words.
  const lines = new LineIndex(text);
  DocumentWords.adopt({ text, lines }, structuredClone(DocumentWords.read(text).data()));
  const adopted = DocumentWords.of({ text, lines });
  assert.deepEqual(runs.map((_, i) => adopted.folded(i)), folded);
  for (const w of new Set(folded)) assert.deepEqual(Array.from(adopted.occurrences(w)), Array.from(words.occurrences(w)));
  // Sets of words looked up at once (fewer and more words than the text has), in the words read here
  // (not grouped) and grouped: each word's occurrences.
  const distinct = [...new Set(folded)];
  for (const wanted of [distinct.filter((_, i) => i % 3 === 0), [...distinct, ...ABSENT]]) {
    const set = new WordSet([...wanted, ...ABSENT.slice(0, 3)]);
    const expected = set.words.flatMap((w) => (words.occurrences(w).length ? [[w, Array.from(words.occurrences(w))]] : [])).sort();
    for (const index of [DocumentWords.read(text), adopted]) assert.deepEqual([...index.occurrencesOf(set)].map(([w, o]) => [w, Array.from(o)]).sort(), expected);
    // Taken over and asked for the set before anything else (no table of word ids made): the same, in the same order.
    const fresh = { text, lines: new LineIndex(text) };
    DocumentWords.adopt(fresh, structuredClone(DocumentWords.read(text).data()));
    const inOrder = (index: DocumentWords) => [...index.occurrencesOf(set)].map(([w, o]) => [w, Array.from(o)]);
    assert.deepEqual(inOrder(DocumentWords.of(fresh)), inOrder(adopted));
  }
  assert.deepEqual([...candidates(text, words)].map((m) => [m.index, m[0], m[1]]), matches(text, CANDIDATE));
  assert.deepEqual([...capitalsWords(text, words)].map((m) => [m.index, m[0]]), matches(text, WORD).map(([index, word]) => [index, word]));
  // Only abbreviations: every match that is one, and no fewer.
  const abbreviations = (ms: Iterable<{ readonly index?: number; readonly 0: string }>) => [...ms].filter((m) => isAbbreviation(m[0])).map((m) => [m.index, m[0]]);
  assert.deepEqual(abbreviations(capitalsWords(text, words, true)), abbreviations(text.matchAll(WORD)));
  const explained = new Set([...[...text.matchAll(BRACKETED), ...text.matchAll(FOLLOWED_BY_NAME)].map((m) => m[1]!), ...introducedInBrackets(text)]);
  assert.deepEqual(explainedAbbreviations(text, words), explained);
}

describe('folding for search', () => {
  it('folds ASCII text (its fast path) as the general folding does', () => {
    const ascii = fc.string({ unit: fc.constantFrom(...'aZz09 -.,\'"!@#_~\t\n\x00\x7fAbcXYZ'.split('')), maxLength: 40 });
    fc.assert(fc.property(fc.oneof(ascii, anyText()), (s) => assert.equal(foldForSearch(s), foldAnyForSearch(s))), params(1000));
    for (const s of ['Van der Lee', '  --Kostić--  ', 'Kostic', 'IPCEI’s', "IPCEI's", 'https://www.rvo.nl/WBSO?x=1', 'ß', 'İstanbul', '\u212aelvin', '𝐀BC', 'É1', '½', ''])
      assert.equal(foldForSearch(s), foldAnyForSearch(s), s);
    assert.equal(foldForSearch('  De Nationaal-Groeifonds (NGF)! '), 'de nationaal groeifonds ngf');
  });

  it('keys surnames as the last folded word, the first time and again (from its cache)', () => {
    const reference = (name: string) => foldAnyForSearch(name).split(' ').at(-1) ?? '';
    const name = fc.oneof(fc.constantFrom('Van der Lee', 'Kostić', 'Kostic', 'De Jong-Bakker', 'İnci', ' ', ''), anyText());
    fc.assert(
      fc.property(fc.array(name, { maxLength: 8 }), (names) => {
        for (const n of [...names, ...names]) assert.equal(surnameKey(n), reference(n));
        assert.equal(submittersKey(names), names.map(reference).sort().join('|'));
      }),
      params(300),
    );
    assert.equal(submittersKey(['Van der Lee', 'Kostić']), 'kostic|lee');
  });
});

describe('the shared word index of a document version', () => {
  it('gives what the whole-text expressions gave, on random texts', () => {
    fc.assert(fc.property(anyText(), (text) => assertSame(text)), params(300));
  });

  it('gives what the whole-text expressions gave, on forms at the edges', () => {
    for (const text of ['an c0 AN C0 c0 an De de DE dE Kostić Kostic KOSTIC kostić Straße STRASSE İ i \u212a K k 𝐀 a1 A1 \ud835 \udc00x é É e\u0301', "ABC's en AB’sx, ABCs, ABCDEFs ABCDEFG", 'NVWA (Nederlandse Voedsel- en Warenautoriteit) (hierna: NVWA)', 'x.ABC @ABC AB+ A1B2 É1 𝐀BC ABC𝐀', 'KMar RvS IenW AMvB ÅBC-regeling']) assertSame(text);
  });

  it('gives what the whole-text expressions gave, on texts of the characters at the capitals-words\' and candidates\' edges', () => {
    // What the expressions look at before, in and after a match (read by character in the rules).
    const edges = ['A', 'B', 'Z', 'S', 's', 'a', '’', "'", '-', '@', '&', '+', '.', '/', '_', '#', '1', '9', ' ', 'É', 'İ', 'ß', '½', '²', '\u0308', '𝐀', '𝐚', '\ud835', '\udc00', '('];
    fc.assert(fc.property(fc.array(fc.constantFrom(...edges), { maxLength: 24 }), (chars) => assertSame(chars.join(''))), params(2000));
  });

  it('gives what the whole-text expressions gave, on the seeds', () => {
    for (const f of fs.readdirSync(seedsDir).filter((x) => x.endsWith('.txt'))) assertSame(fs.readFileSync(path.join(seedsDir, f), 'utf8'));
  });

  it('of an edited version, made from the previous version\'s, gives what reading it gives', () => {
    const piece = fc.oneof(fc.constantFrom('', ' ', 'x', 'AB', 'NVWA (Nederlandse Voedsel- en Warenautoriteit)', 'é', '𝐀', '\n\n', '-', 'Kamerstuk 29 826', 'https://x.nl/a', ' www.rvo.nl ', 'http', 's://', '(www.', '\u00a0'), fc.string({ maxLength: 5 }));
    const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat(12), insert: piece });
    const seeds = fs.readdirSync(seedsDir).filter((x) => x.endsWith('.txt')).map((f) => fs.readFileSync(path.join(seedsDir, f), 'utf8').slice(0, 3000));
    fc.assert(
      fc.property(fc.oneof(anyText(), fc.constantFrom(...seeds)), fc.array(edit, { minLength: 1, maxLength: 6 }), (start, edits) => {
        let doc = { text: start, lines: new LineIndex(start) };
        // Its capitalized and abbreviation-like runs found, so that the edited versions' are made from them.
        DocumentWords.of(doc).capitalized();
        DocumentWords.of(doc).abbreviationLike();
        DocumentWords.urlPlaces(doc);
        const reads = DocumentWords.wholeReads;
        for (const e of edits) {
          const at = Math.floor(e.at * doc.text.length);
          const text = doc.text.slice(0, at) + e.insert + doc.text.slice(at + e.remove);
          const next = { text, lines: new LineIndex(text) };
          DocumentWords.follows(next, doc);
          const made = DocumentWords.of(next);
          const read = DocumentWords.read(text);
          assert.deepEqual(Array.from(made.starts), Array.from(read.starts));
          assert.deepEqual(Array.from(made.ends), Array.from(read.ends));
          const folded = Array.from({ length: read.count }, (_, i) => read.folded(i));
          assert.deepEqual(Array.from({ length: made.count }, (_, i) => made.folded(i)), folded);
          const before = Array.from({ length: DocumentWords.of(doc).count }, (_, i) => DocumentWords.of(doc).folded(i));
          for (const w of new Set([...folded, ...before])) assert.deepEqual(Array.from(made.occurrences(w)), Array.from(read.occurrences(w)), w);
          assert.deepEqual(Array.from(made.capitalized()), Array.from(read.capitalized()));
          assert.deepEqual(Array.from(made.abbreviationLike()), Array.from(read.abbreviationLike()));
          assert.deepEqual(DocumentWords.urlPlaces(next), DocumentWords.urlPlaces({ text, lines: new LineIndex(text) }));
          assert.deepEqual([...candidates(text, made)].map((m) => [m.index, m[0]]), [...candidates(text, read)].map((m) => [m.index, m[0]]));
          assert.deepEqual([...capitalsWords(text, made, true)].map((m) => [m.index, m[0]]), [...capitalsWords(text, read, true)].map((m) => [m.index, m[0]]));
          assert.deepEqual(explainedAbbreviations(text, made), explainedAbbreviations(text, read));
          // Taken over by the main thread as data: the same words.
          const lines = new LineIndex(text);
          DocumentWords.adopt({ text, lines }, structuredClone(made.data()));
          const adopted = DocumentWords.of({ text, lines });
          for (const w of new Set(folded)) assert.deepEqual(Array.from(adopted.occurrences(w)), Array.from(read.occurrences(w)));
          const set = new WordSet([...new Set([...folded, ...before])].filter((_, i) => i % 2 === 0));
          const found = (index: DocumentWords) => [...index.occurrencesOf(set)].map(([w, o]) => [w, Array.from(o)]).sort();
          assert.deepEqual(found(made), found(DocumentWords.read(text)));
          doc = next;
        }
        // One read of the first text's words, none of the edited versions' (the comparisons read their own, two per edit).
        assert.equal(DocumentWords.wholeReads - reads, 2 * edits.length);
      }),
      params(150),
    );
  });

  it("of an edited version, finds the web addresses a fresh read finds, for an edit at every place", () => {
    const text = 'Zie https://www.rijksoverheid.nl/doc, en (www.rvo.nl) of\nhttp://x.nl/a?b=1 en xhttp://y en email@www.z.nl.';
    for (let at = 0; at <= text.length; at++) {
      for (const [remove, insert] of [[0, 'x'], [1, ''], [0, ' '], [1, 'www.'], [2, 'https://q']] as const) {
        const doc = { text, lines: new LineIndex(text) };
        DocumentWords.urlPlaces(doc);
        const edited = text.slice(0, at) + insert + text.slice(at + remove);
        const next = { text: edited, lines: new LineIndex(edited) };
        DocumentWords.follows(next, doc);
        const searches = urlSearches.whole;
        assert.deepEqual(DocumentWords.urlPlaces(next), DocumentWords.urlPlaces({ text: edited, lines: new LineIndex(edited) }), `${at} -${remove} +${insert}`);
        assert.equal(urlSearches.whole, searches + 1, 'the edited version\'s are made from the version before\'s');
      }
    }
  });

  it('of a version after one whose words nobody asked for, is made from the last version read (no chain of old texts is kept)', () => {
    const base = fs.readFileSync(path.join(seedsDir, fs.readdirSync(seedsDir).filter((x) => x.endsWith('.txt')).sort()[0]!), 'utf8');
    const v1 = { text: base, lines: new LineIndex(base) };
    DocumentWords.of(v1);
    const t2 = base.replace('de', 'DE');
    const v2 = { text: t2, lines: new LineIndex(t2) };
    DocumentWords.follows(v2, v1);
    const t3 = t2 + ' NVWA (Nederlandse Voedsel- en Warenautoriteit)';
    const v3 = { text: t3, lines: new LineIndex(t3) };
    DocumentWords.follows(v3, v2);
    const reads = DocumentWords.wholeReads;
    const made = DocumentWords.of(v3);
    assert.equal(DocumentWords.wholeReads, reads);
    const read = DocumentWords.read(t3);
    assert.deepEqual(Array.from(made.starts), Array.from(read.starts));
    for (let i = 0; i < read.count; i++) assert.equal(made.folded(i), read.folded(i));
  });

  it('is built once per text and shared', () => {
    const text = 'Het Klimaatfonds en de SDE-regeling.';
    const lines = new LineIndex(text);
    assert.equal(DocumentWords.of({ text, lines }), DocumentWords.of({ text, lines }));
  });
});
