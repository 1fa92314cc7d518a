import * as assert from 'node:assert/strict';
import { formatEuro } from '../../../server/src/features/describe';
import { euroInWords, numberInWords } from '../../../server/src/features/numberWords';

describe('amounts in figures and words', () => {
  const dutch: [number, string][] = [
    [0, 'nul'],
    [1, 'een'],
    [21, 'eenentwintig'],
    [22, 'tweeëntwintig'],
    [23, 'drieëntwintig'],
    [80, 'tachtig'],
    [100, 'honderd'],
    [118, 'honderdachttien'],
    [1000, 'duizend'],
    [2500, 'tweeduizendvijfhonderd'],
    [1_000_000, 'een miljoen'],
    [76_700_000, 'zesenzeventig miljoen zevenhonderdduizend'],
    [1_118_000_000, 'een miljard honderdachttien miljoen'],
    [872_000_000_000, 'achthonderdtweeënzeventig miljard'],
  ];
  for (const [n, words] of dutch) it(`${n} → ${words}`, () => assert.equal(numberInWords(n, 'nl'), words));

  it('English', () => {
    assert.equal(numberInWords(1_118_000_000, 'en'), 'one billion one hundred eighteen million');
    assert.equal(numberInWords(76_700_000, 'en'), 'seventy-six million seven hundred thousand');
  });

  it('euros with cents', () => {
    assert.equal(euroInWords(1250.5, 'nl'), 'duizendtweehonderdvijftig euro en vijftig cent');
    assert.equal(formatEuro(1250.5), '€ 1.250,50');
    assert.equal(formatEuro(1_118_000_000), '€ 1.118.000.000');
  });
});
