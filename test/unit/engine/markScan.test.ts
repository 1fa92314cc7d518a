/**
 * The sentence marks of a flat text are found with indexOf per mark (MarkScan in sentences.ts), no
 * longer with one character-class pattern: the places must be those the pattern's global scan finds,
 * and the sentences of a text without line feeds the same as before.
 */
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { endsSentence, isItemMark, MarkScan, Sentences } from '../../../server/src/engine/sentences';
import { params, unicodeText, vocabularyText } from '../../support/textArbitraries';

/** The pattern the scan replaced. */
const MARK = /[.!?;\u2022\u25aa\u25cf\u21a9]/g;

function plainMarks(text: string): number[] {
  const out: number[] = [];
  const re = new RegExp(MARK.source, 'g');
  while (re.test(text)) out.push(re.lastIndex - 1);
  return out;
}

function scannedMarks(text: string): number[] {
  const out: number[] = [];
  const scan = new MarkScan(text);
  for (let at = scan.next(); at >= 0; at = scan.next()) out.push(at);
  return out;
}

const PIECES = ['.', '!', '?', ';', '•', '▪', '●', '↩', '↩︎', '…', '‥', '"', '"', '¡', '¿', ';', '\u2023', '\u2222', '\u2e2e', 'nr. 5', 'Dit is zo. Dat', 'a', ' ', '  '];

describe('MarkScan', () => {
  it('finds the places of the marks a global scan with the character class finds', () => {
    const text = fc.array(fc.oneof(fc.constantFrom(...PIECES), unicodeText(20)), { maxLength: 40 }).map((p) => p.join(''));
    fc.assert(
      fc.property(text, (t) => assert.deepEqual(scannedMarks(t), plainMarks(t))),
      params(300),
    );
  });

  it('splits a text without line feeds into the same sentences as the boundaries read from the plain scan', () => {
    fc.assert(
      fc.property(vocabularyText(60), (raw) => {
        const t = raw.replace(/[\r\n]+/g, ' ');
        const sentences = new Sentences(t);
        const expected = [0];
        for (const at of plainMarks(t)) if (isItemMark(t.charCodeAt(at)) || endsSentence(t, at)) expected.push(at + 1);
        const starts = Array.from({ length: sentences.count }, (_, i) => sentences.start(i));
        assert.deepEqual(starts, expected);
      }),
      params(200),
    );
  });

  it('hands on nothing for a text without marks, and every mark of a text of marks', () => {
    assert.deepEqual(scannedMarks(''), []);
    assert.deepEqual(scannedMarks('geen enkel teken'), []);
    assert.deepEqual(scannedMarks('.!?;•▪●↩'), [0, 1, 2, 3, 4, 5, 6, 7]);
    assert.deepEqual(scannedMarks('a.b..c'), [1, 3, 4]);
  });
});
