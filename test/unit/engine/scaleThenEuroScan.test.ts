/**
 * The spelled-amount scan (ScaleThenEuroScan in recognizers/amount.ts) finds a scale word and a euro
 * by the "j" each scale word has fourth, and tries the pattern only there: the matches it hands on
 * must be those of the plain global scan it replaced, on texts full of near misses (other cases, the
 * letter without its word, words glued to others, Unicode around them).
 */
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { ScaleThenEuroScan } from '../../../server/src/engine/recognizers/amount';
import { params, unicodeText } from '../../support/textArbitraries';

/** The pattern as the recognizer had it, run as a global scan. */
const SCALE_THEN_EURO = /(miljoen|miljard|biljoen) (euro|EUR)(?![\p{L}])/giu;

/** What readSpelledAmounts walks through: after a match on from its end, after a refused one (no space before) from the next character. */
function walk(text: string, next: (from: number) => RegExpExecArray | null): string[] {
  const seen: string[] = [];
  let from = 0;
  for (let m = next(from); m; m = next(from)) {
    seen.push(`${m.index}:${m[0]}:${m[1]}:${m[2]}`);
    from = m.index === 0 || text.charCodeAt(m.index - 1) !== 32 ? m.index + 1 : m.index + m[0].length;
  }
  return seen;
}

function plain(text: string): string[] {
  const re = new RegExp(SCALE_THEN_EURO.source, SCALE_THEN_EURO.flags);
  return walk(text, (from) => {
    re.lastIndex = from;
    return re.exec(text);
  });
}

function fast(text: string): string[] {
  const scan = new ScaleThenEuroScan(text);
  return walk(text, (from) => scan.next(from));
}

const PIECES = [
  'miljoen euro', 'miljard EUR', 'biljoen euro', 'MILJOEN EURO', 'Miljard Euro', 'bIlJoEn eUr', 'een miljoen euro',
  'miljoeneuro', 'miljoen  euro', 'miljoen euros', 'miljoen euro-landen', 'miljoen eurö', 'miljoen EUR5', 'xmiljoen euro',
  'miljoen', 'miljard', 'euro', 'EUR', 'j', 'J', 'jj', 'lj', 'ljoen euro', 'mil', 'ǰ', 'ĳ', 'İ', 'ſ', 'K', ' ', ' ', '\n', '.', '€',
];

describe('ScaleThenEuroScan', () => {
  it('hands on the matches of the plain scan, on texts of its words and near misses', () => {
    const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, (t) => assert.deepEqual(fast(t), plain(t))),
      params(300),
    );
  });

  it('hands on the matches of the plain scan, on random Unicode with its words mixed in', () => {
    const text = fc.array(fc.oneof(unicodeText(40), fc.constantFrom(...PIECES)), { maxLength: 30 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, (t) => assert.deepEqual(fast(t), plain(t))),
      params(200),
    );
  });

  it('finds matches at the very start and end of a text, and none in a text too short for one', () => {
    for (const t of ['miljoen euro', 'x miljoen EUR', 'Biljoen euro.', 'miljoen eur', 'j', '', 'miljoen euro miljard euro']) {
      assert.deepEqual(fast(t), plain(t), JSON.stringify(t));
    }
    assert.deepEqual(fast('een miljoen euro en twee miljard EUR'), ['4:miljoen euro:miljoen:euro', '25:miljard EUR:miljard:EUR']);
  });
});
