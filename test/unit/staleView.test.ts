/**
 * Answering from the last analysis while a newer version is analyzed (lsp/staleView.ts): positions
 * are mapped between the editor's text and the analyzed one, and the answer's places back. The
 * editor's document is updated in place when an edit arrives; an edit that arrives while a request
 * is being answered must not change the places of its answer: they are those of the text the request
 * was made on.
 */
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LineIndex, lineIndexEdits } from '../../server/src/engine/lineIndex';
import { EditTrail } from '../../server/src/lsp/editTrail';
import { StaleView, textComparisons } from '../../server/src/lsp/staleView';
import { params } from '../support/textArbitraries';
import { analyzedDocument } from '../support/workspace';

const V1 = 'Eerste regel.\nZie Kamerstuk 29 826, nr. 250 voor meer.\nSlot.\n';
const V2 = `Een nieuwe regel bovenaan.\n${V1}`;
const CITED = 'Kamerstuk 29 826, nr. 250';

describe('StaleView: the last analysis seen from the editor text of the request', () => {
  it('maps a position onto the analyzed text and an answer back, also when an edit arrives meanwhile', () => {
    const doc = analyzedDocument(V1, 1);
    const open = TextDocument.create(doc.uri, 'markdown', 2, V2);
    const view = new StaleView(doc, open);
    assert.equal(view.exact, false);
    const at = open.positionAt(V2.indexOf(CITED) + 3);
    assert.equal(view.offsetAt(at), V1.indexOf(CITED) + 3);
    // An edit arrives while the request is answered: two lines more at the top.
    TextDocument.update(open, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'Nog een.\nEn nog een.\n' }], 3);
    const span = { offset: V1.indexOf(CITED), length: CITED.length };
    const answer = view.mapAnswer({ contents: 'x', range: doc.lines.rangeOf(span) });
    assert.deepEqual(answer?.range, { start: { line: 2, character: 4 }, end: { line: 2, character: 4 + CITED.length } });
    // The same position asked again of this view: the same offset (the view is of version 2).
    assert.equal(view.offsetAt(at), V1.indexOf(CITED) + 3);
    assert.equal(view.spanOf({ start: at, end: at }).from, V1.indexOf(CITED) + 3);
    const current = view.withCurrentText();
    assert.equal(current.version, 2);
    assert.equal(current.text, V2);
  });

  it('an analysis of the editor text is exact, and stays so when an edit arrives meanwhile', () => {
    const doc = analyzedDocument(V1, 1);
    const open = TextDocument.create(doc.uri, 'markdown', 1, V1);
    const view = new StaleView(doc, open);
    assert.equal(view.exact, true);
    TextDocument.update(open, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'Nieuw.\n' }], 2);
    assert.equal(view.exact, true);
    const range = doc.lines.rangeOf({ offset: V1.indexOf(CITED), length: CITED.length });
    assert.deepEqual(view.mapAnswer({ range })?.range, range);
  });

  it('where the edits tell where the texts differ, compares no texts and answers as that stretch says (the lines of the editor text made from the analyzed ones, as when compared)', () => {
    const piece = fc.constantFrom('Kamerstuk 29 826, nr. 250', 'motie', ' ', 'a', '\n', '\r\n', '\r', '€ 5 mln');
    const text = fc.array(piece, { maxLength: 12 }).map((p) => p.join(''));
    const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat(6), insert: text });
    fc.assert(
      fc.property(text, fc.array(edit, { minLength: 1, maxLength: 5 }), (start, edits) => {
        const doc = analyzedDocument(start, 1);
        const open = TextDocument.create(doc.uri, 'markdown', 1, start);
        const trail = new EditTrail();
        trail.given(doc.uri, start);
        let version = 1;
        for (const e of edits) {
          const before = open.getText();
          const range = { start: open.positionAt(Math.floor(e.at * before.length)), end: open.positionAt(Math.floor(e.at * before.length) + e.remove) };
          // The edit's place as the document reads the range (as the server's sync tells it).
          const place = { start: open.offsetAt(range.start), end: open.offsetAt(range.end), inserted: e.insert };
          TextDocument.update(open, [{ range, text: e.insert }], ++version);
          trail.record(doc.uri, before, open.getText(), place);
        }
        const known = trail.stretchFrom(doc.uri, doc.text, open.getText());
        assert.ok(known);
        const compared = textComparisons.count;
        const linesEdited = lineIndexEdits.count;
        const view = new StaleView(doc, open, known);
        const current = view.withCurrentText();
        const exact = view.exact;
        assert.equal(textComparisons.count, compared, 'no texts compared');
        if (!exact) assert.equal(lineIndexEdits.count, linesEdited + (known.stretch ? 1 : 0), 'the lines made from the analyzed ones');
        const now = open.getText();
        // Compared instead (no stretch told): the same lines, made from the analyzed ones too.
        const comparing = new StaleView(doc, open);
        if (!comparing.exact) assert.deepEqual(Array.from(comparing.withCurrentText().lines.startsData()), Array.from(new LineIndex(now).startsData()));
        const st = known.stretch;
        if (!st) {
          assert.equal(exact, true);
          return;
        }
        if (exact) assert.equal(now, start);
        assert.deepEqual(Array.from(current.lines.startsData()), Array.from(new LineIndex(now).startsData()));
        const delta = now.length - start.length;
        // An editor position outside the stretch is the analyzed offset with the same text before (or after) it; inside, none.
        for (let n = 0; n <= now.length; n++) {
          // (Between a "\r" and its "\n" no position of the editor's document lies.)
          if (open.offsetAt(open.positionAt(n)) !== n) continue;
          const offset = view.offsetAt(open.positionAt(n));
          if (exact) assert.equal(offset, n);
          else if (n <= st.start) assert.equal(offset, n);
          else if (n >= st.newEnd) assert.equal(offset, n - delta);
          else assert.equal(offset, undefined);
        }
        // An answer's place outside the stretch maps back the same way; inside, to the stretch's edge.
        for (let o = 0; o <= start.length && !exact; o++) {
          if (doc.lines.offsetAt(doc.lines.positionAt(o)) !== o) continue;
          const range = doc.lines.rangeOf({ offset: o, length: 0 });
          const expected: number | undefined = o <= st.start ? o : o >= st.oldEnd ? o + delta : undefined;
          const mapped = view.mapAnswer({ range })!.range;
          assert.deepEqual(mapped, { start: open.positionAt(expected ?? st.start), end: open.positionAt(expected ?? st.newEnd) }, `${o}`);
        }
      }),
      params(300),
    );
  });

  it('a line end made of a "\\r" and a "\\n" typed after it is one line end in the lines made from the analyzed ones', () => {
    for (const [start, at, insert] of [
      ['Regel een.\rRegel twee.', 11, '\n'],
      ['Regel een.\r', 11, '\n'],
      ['Regel een.\nRegel twee.', 10, '\r'],
      ['\nRegel.', 0, '\r'],
    ] as const) {
      const doc = analyzedDocument(start, 1);
      const open = TextDocument.create(doc.uri, 'markdown', 1, start);
      const trail = new EditTrail();
      trail.given(doc.uri, start);
      const place = open.positionAt(at);
      TextDocument.update(open, [{ range: { start: place, end: place }, text: insert }], 2);
      trail.record(doc.uri, start, open.getText(), { start: at, end: at, inserted: insert });
      const view = new StaleView(doc, open, trail.stretchFrom(doc.uri, doc.text, open.getText()));
      assert.deepEqual(Array.from(view.withCurrentText().lines.startsData()), Array.from(new LineIndex(open.getText()).startsData()), JSON.stringify([start, insert]));
    }
  });
});

