/**
 * Inlay hints on in-memory letters: a deadline whose date the text does not spell out, an amount
 * written with an abbreviated scale or a table's unit, and a motion's outcome; each kind can be off.
 */
import * as assert from 'node:assert/strict';
import { testWorkspace } from '../../support/workspace';

const LETTER = [
  'Den Haag, 3 maart 2026',
  '',
  'Ik informeer uw Kamer voor de zomer over de voortgang, en uiterlijk 1 oktober 2026 over de evaluatie.',
  'Hiervoor is 85 mln. beschikbaar, naast € 12 miljoen uit het fonds.',
  'De motie-Kostić c.s. (Kamerstuk 29826, nr. 250) vraagt om een visie.',
  '',
].join('\n');

const KNOWN = [{ id: '29826-250', type: 'Motie', title: 'Motie van het lid Kostic c.s. over een visie', outcome: 'verworpen' as const, outcomeDate: '2025-03-25', submitters: ['Kostić'] }];

describe('inlay hints', () => {
  it('resolve a deadline without a written date, write an abbreviated amount in full, and give a motion its outcome', async () => {
    const ws = testWorkspace({ known: KNOWN });
    const doc = ws.add('brief.txt', LETTER);
    const hints = await ws.service.inlayHints(doc, 0, LETTER.length);
    assert.deepEqual(
      hints.map((h) => [h.label, LETTER.slice(0, doc.lines.offsetAt(h.position)).split(/\s+/).slice(-3).join(' ')]),
      [
        ['≤ 30 jun 2026', 'voor de zomer'],
        ['€ 85.000.000', 'is 85 mln'],
        ['verworpen, 25 mrt 2025', 'De motie-Kostić c.s.'],
      ],
    );
  });

  it('in English, and each kind can be switched off', async () => {
    const ws = testWorkspace({ known: KNOWN, locale: 'en' });
    const doc = ws.add('brief.txt', LETTER);
    assert.deepEqual((await ws.service.inlayHints(doc, 0, LETTER.length)).map((h) => h.label), ['≤ 30 Jun 2026', '€ 85.000.000', 'rejected, 25 Mar 2025']);
    ws.service.configure({ inlayHints: { deadlines: false, amounts: true, motions: false } });
    assert.deepEqual((await ws.service.inlayHints(doc, 0, LETTER.length)).map((h) => h.label), ['€ 85.000.000']);
  });

  it('only for the references in the asked range', async () => {
    const ws = testWorkspace({ known: KNOWN });
    const doc = ws.add('brief.txt', LETTER);
    const line4 = LETTER.indexOf('Hiervoor');
    assert.deepEqual((await ws.service.inlayHints(doc, line4, line4 + 40)).map((h) => h.label), ['€ 85.000.000']);
  });
});
