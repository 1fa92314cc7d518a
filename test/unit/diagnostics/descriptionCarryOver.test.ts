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
});
