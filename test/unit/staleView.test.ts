/**
 * Answering from the last analysis while a newer version is analyzed (lsp/staleView.ts): positions
 * are mapped between the editor's text and the analyzed one, and the answer's places back. The
 * editor's document is updated in place when an edit arrives; an edit that arrives while a request
 * is being answered must not change the places of its answer: they are those of the text the request
 * was made on.
 */
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { StaleView } from '../../server/src/lsp/staleView';
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
});
