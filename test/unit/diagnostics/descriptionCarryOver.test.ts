/**
 * The descriptions of a version's citations taken over from the version before an edit
 * (`descriptionsFollow` in features/diagnostics/citationDescription.ts) are what describing every
 * citation anew gives: on random edit sequences of long real letters, with edits that add or remove
 * parentheses, footnote markers and notes, motions, citations and paragraph breaks, and versions
 * nobody asked about in between. Most are taken over (work is counted, never timed).
 */
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { describedCitations, descriptionsFollow, descriptionWork } from '../../../server/src/features/diagnostics/citationDescription';
import type { IndexedDocument } from '../../../server/src/features/model';
import { params, realLetters, VOCABULARY } from '../../support/textArbitraries';
import { analyzedDocument } from '../../support/workspace';

const docOf = (text: string, version = 1): IndexedDocument => analyzedDocument(text, version);

const INSERTS = [
  ...VOCABULARY,
  '(',
  ')',
  ' (Kamerstuk 29 826, nr. 147)',
  ', Kamerstuk 36 600 XIII, nr. 12',
  'de motie van het lid Kostić c.s. over de verduurzaming van de industrie ',
  'de brief over de energie-intensieve industrie ',
  '¹',
  '[^1]',
  '\n[^1]: Kamerstuk 29 826, nr. 250.\n',
  '\n\n',
  '. De ',
  '‘',
  '’',
];

describe('citation descriptions taken over from the version before an edit', () => {
  it('are what describing every citation anew gives, and most are taken over', function () {
    this.timeout(120_000);
    const letters = realLetters().filter((t) => t.length > 20_000);
    const long = letters.join('\n\n');
    const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat(200), insert: fc.oneof(fc.constantFrom(...INSERTS), fc.string({ maxLength: 6 })) });
    let carried = 0;
    let anew = 0;
    fc.assert(
      fc.property(fc.nat(), fc.array(edit, { minLength: 1, maxLength: 6 }), (which, edits) => {
        let doc = docOf(which % 4 === 0 ? long : letters[which % letters.length]!);
        describedCitations(doc);
        for (const [k, e] of edits.entries()) {
          const at = Math.floor(e.at * doc.text.length);
          const text = doc.text.slice(0, at) + e.insert + doc.text.slice(at + e.remove);
          const next = docOf(text, doc.version + 1);
          descriptionsFollow(next, doc);
          // Some versions are never asked (superseded at once): the next takes the descriptions of the last one asked.
          if (k === edits.length - 1 || e.remove % 3 !== 0) {
            const before = { ...descriptionWork };
            const made = describedCitations(next);
            carried += descriptionWork.carried - before.carried;
            anew += descriptionWork.described - before.described;
            assert.deepEqual(made, describedCitations(docOf(text)), `after edit ${k} at ${at}`);
          }
          doc = next;
        }
      }),
      params(30),
    );
    assert.ok(carried > 2 * anew, `${carried} taken over, ${anew} described anew`);
  });

  it('are read anew where a motion before the citation is linked to another paper by an edit far away', () => {
    // The later mention has no link of its own (a letter is named between it and the citation): it
    // takes the link of the first mention with the same submitters, 4,000 characters before.
    const pad = 'Dit is een zin zonder verwijzingen over de planning van het werk in het komende jaar. '.repeat(50);
    const later = 'Ik kom terug op de motie-Kostić c.s. over de brief van de minister over verduurzaming (Kamerstuk 29 826, nr. 150).';
    for (const [first, edited] of [
      ['nr. 150', 'nr. 148'],
      ['nr. 148', 'nr. 150'],
    ]) {
      const text = `De motie-Kostić c.s. (Kamerstuk 29 826, ${first}) is aangenomen.\n\n${pad}\n\n${later}\n`;
      const doc = docOf(text);
      const before = describedCitations(doc);
      const next = docOf(text.replace(first, edited), 2);
      descriptionsFollow(next, doc);
      const made = describedCitations(next);
      assert.deepEqual(made, describedCitations(docOf(next.text)));
      // The later citation is described otherwise once its motion is another paper's.
      assert.notDeepEqual(made.at(-1), before.at(-1));
    }
  });

  it('are read anew where an edit far after a citation lies within its parenthesis', () => {
    // A parenthesis left open for 4,000 characters: a citation added in it, far after the first one,
    // makes the phrase before describe both (no longer the first alone).
    const pad = 'dit is een zin zonder verwijzingen over de planning van het werk in het komende jaar, '.repeat(50);
    const text = `Ik verwijs naar de brief over de energie-intensieve industrie (Kamerstuk 29 826, nr. 150 en ${pad} einde) en verder.\n`;
    const doc = docOf(text);
    const before = describedCitations(doc);
    const at = text.indexOf(' einde)');
    const next = docOf(`${text.slice(0, at)} en Kamerstuk 30 196, nr. 803${text.slice(at)}`, 2);
    descriptionsFollow(next, doc);
    const made = describedCitations(next);
    assert.deepEqual(made, describedCitations(docOf(next.text)));
    assert.notDeepEqual(made[0], before[0]);
  });
});
