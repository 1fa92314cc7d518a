import * as assert from 'node:assert/strict';
import { analyze } from '../../../server/src/engine/analyze';
import { lawTitlesAt } from '../../../server/src/features/lawTitles';

/** The candidate titles with the cursor on the first occurrence of `at` in `text` (plus `delta`). */
function titles(text: string, at: string, delta = 0): string[] | undefined {
  return lawTitlesAt(text, text.indexOf(at) + delta)?.map((t) => t.text);
}

describe('law citation titles around the cursor (for the BWB hover)', () => {
  it('"Wet …": every prefix up to punctuation, longest first, the same wherever the cursor is on it', () => {
    const text = 'Op grond van de Wet open overheid is dat openbaar.';
    const all = ['Wet open overheid is dat openbaar', 'Wet open overheid is dat', 'Wet open overheid is', 'Wet open overheid', 'Wet open'];
    for (const word of ['Wet', 'open', 'overheid', 'openbaar']) assert.deepEqual(titles(text, word), all, word);
    assert.equal(titles(text, 'grond'), undefined);
    assert.deepEqual(titles('(de Wet open overheid), zie', 'open'), ['Wet open overheid', 'Wet open']);
  });

  it('spans are where the text writes the title', () => {
    const text = 'De Wet  inburgering 2021 geldt.';
    const found = lawTitlesAt(text, text.indexOf('inburgering'))!;
    assert.deepEqual(
      found.map((t) => [t.text, text.slice(t.span.offset, t.span.offset + t.span.length)]),
      [
        ['Wet inburgering 2021 geldt', 'Wet  inburgering 2021 geldt'],
        ['Wet inburgering 2021', 'Wet  inburgering 2021'],
        ['Wet inburgering', 'Wet  inburgering'],
      ],
    );
  });

  it('at most seven words after "Wet", and never across a line end', () => {
    assert.equal(titles('Wet een twee drie vier vijf zes zeven acht negen', 'een')!.length, 7);
    assert.deepEqual(titles('Wet open\noverheid', 'open'), ['Wet open']);
    assert.equal(titles('Wet open\noverheid', 'overheid'), undefined);
  });

  it('one capitalized word ending in "wet", with its year', () => {
    assert.deepEqual(titles('Zie de Participatiewet.', 'Participatiewet'), ['Participatiewet']);
    assert.deepEqual(titles('Artikel 1 van de Grondwet', 'Grondwet', 3), ['Grondwet']);
    assert.deepEqual(titles('de Mediawet 2008 regelt', 'Mediawet'), ['Mediawet 2008', 'Mediawet']);
    assert.deepEqual(titles('de Mediawet 2008 regelt', '2008'), ['Mediawet 2008']);
    assert.deepEqual(titles('de Mediawet, 2008', 'Mediawet'), ['Mediawet']);
  });

  it('a "…wet" inside a "Wet …" title: the Wet titles first', () => {
    const found = titles('de Wet tot wijziging van de Participatiewet', 'Participatiewet');
    assert.deepEqual(found, ['Wet tot wijziging van de Participatiewet', 'Wet tot wijziging van de', 'Wet tot wijziging van', 'Wet tot wijziging', 'Wet tot', 'Participatiewet']);
  });

  it('nothing for the common noun, other words, or outside the text', () => {
    assert.equal(titles('dat staat in de wet', 'wet'), undefined);
    assert.equal(titles('het Wetboek van Strafrecht', 'Wetboek'), undefined);
    assert.equal(titles('de wetgever en de Wet', 'wetgever'), undefined);
    assert.equal(titles('een Wet', 'Wet'), undefined);
    assert.equal(titles('de kaderwet', 'kaderwet'), undefined);
    assert.equal(lawTitlesAt('Grondwet', -1), undefined);
    assert.equal(lawTitlesAt('Grondwet', 99), undefined);
  });

  it('reads only around the cursor: on a very long line it finds what it finds on a short one', () => {
    // Speed belongs in the bench; here the answer in the middle of a 3.6 MB line equals the answer on
    // the same words alone.
    const line = 'Wet open overheid '.repeat(200_000);
    const short = 'Wet open overheid '.repeat(40);
    const at = 1_000_000 - (1_000_000 % 18);
    for (let i = 0; i < 18; i++) {
      const long = lawTitlesAt(line, at + 18 + i);
      const alone = lawTitlesAt(short, 18 * 20 + i);
      assert.deepEqual(long?.map((c) => c.text), alone?.map((c) => c.text));
    }
  });

  it('laws are not references: extract and the checks do not count them', () => {
    const a = analyze('Op grond van de Wet open overheid en de Grondwet, zie Kamerstuk 29826, nr. 250.');
    assert.deepEqual(
      a.references.map((r) => r.kind),
      ['kamerstuk'],
    );
  });
});
