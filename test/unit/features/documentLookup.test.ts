/**
 * A document version's lookup that takes over the closing brackets of the version before an edit
 * (`DocumentLookup.followBrackets`) answers as one that looked for them in the whole text: on random
 * edits that add and remove brackets, anywhere, over several versions.
 */
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { changedStretch } from '../../../server/src/engine/incremental';
import { DocumentLookup } from '../../../server/src/features/documentLookup';
import type { IndexedDocument } from '../../../server/src/features/model';
import { params, realLetters } from '../../support/textArbitraries';
import { analyzedDocument } from '../../support/workspace';

/** Every closing bracket from every place of the text, as the lookup answers. */
function answers(doc: IndexedDocument): number[] {
  const lookup = DocumentLookup.of(doc);
  const out: number[] = [];
  for (let i = 0; i <= doc.text.length; i++) out.push(lookup.closingBracketFrom(i));
  return out;
}

describe('the closing brackets of a version taken over from the version before', () => {
  it('are those found in the whole text', function () {
    this.timeout(60_000);
    const letters = realLetters().map((t) => t.slice(0, 3000));
    const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat(60), insert: fc.oneof(fc.constantFrom(')', '(', ') (', '))', 'tekst', ''), fc.string({ maxLength: 4 })) });
    fc.assert(
      fc.property(fc.nat(), fc.array(edit, { minLength: 1, maxLength: 5 }), (which, edits) => {
        let doc = analyzedDocument(letters[which % letters.length]!, 1);
        DocumentLookup.of(doc).closingBracketFrom(0);
        for (const e of edits) {
          const at = Math.floor(e.at * doc.text.length);
          const next = analyzedDocument(doc.text.slice(0, at) + e.insert + doc.text.slice(at + e.remove), doc.version + 1);
          DocumentLookup.of(next).followBrackets(DocumentLookup.of(doc), changedStretch(doc.text, next.text));
          assert.deepEqual(answers(next), answers(analyzedDocument(next.text, 1)));
          doc = next;
        }
      }),
      params(40),
    );
  });

  it('are looked for in the whole text when the version before did not look for them', () => {
    const doc = analyzedDocument('een (zin) met (haakjes)', 1);
    const next = analyzedDocument('een (zin) met (twee haakjes)', 2);
    DocumentLookup.of(next).followBrackets(DocumentLookup.of(doc), changedStretch(doc.text, next.text));
    assert.equal(DocumentLookup.of(next).closingBracketFrom(10), next.text.length - 1);
    assert.equal(DocumentLookup.of(next).closingBracketFrom(0), 8);
  });
});
