/** The backward read of instrument-unknown-abbreviation gives what the pattern it replaced gave. */
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { wordBeforeSpaces } from '../../../server/src/features/diagnostics/rules/instrumentUnknownAbbreviation';
import { anyText, params } from '../../support/textArbitraries';

const PATTERN = /([\p{L}]+)[ \t]+$/u;

describe('the word before the spaces that end a text', () => {
  it('is what /([\\p{L}]+)[ \\t]+$/u finds, on random texts and their ends', () => {
    const check = (text: string) => assert.equal(wordBeforeSpaces(text), PATTERN.exec(text)?.[1], JSON.stringify(text));
    for (const text of ['subsidieregeling ', 'de regeling\t ', 'regeling', '', ' ', 'x1 ', 'Ĳsselmeer  ', '𝐀𝐁 ', '\udc00ab ', 'ab\ud800 ', 'é ']) check(text);
    fc.assert(
      fc.property(anyText(), fc.constantFrom('', ' ', '\t', '  \t'), (text, end) => {
        check(text + end);
        check(text.slice(-40) + end);
      }),
      params(500),
    );
  });
});
