/**
 * What the abbreviation rules read line by line (features/lineItems.ts): an edited version's items,
 * made from the previous version's and the lines around the change, are those found in the whole
 * edited text, on random edits of random Unicode, real letters and texts whose items read far past
 * their line; and made without reading the whole text.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as fc from 'fast-check';
import { LineIndex } from '../../../server/src/engine/lineIndex';
import { ABBREVIATION_EXPLANATIONS, ABBREVIATION_USES } from '../../../server/src/features/diagnostics/rules/abbreviationUnexplained';
import { titlesWrittenPass } from '../../../server/src/features/diagnostics/rules/documentTitleWithoutCitation';
import { INSTRUMENT_LIKE_USES } from '../../../server/src/features/diagnostics/rules/instrumentUnknownAbbreviation';
import type { CatalogDocument } from '../../../server/src/catalog/model';
import { DocumentWords } from '../../../server/src/features/documentWords';
import { lineItems, lineItemsFollow, REACH, wholeFinds, type LineItem, type LinePass } from '../../../server/src/features/lineItems';
import { seedsDir } from '../../support/paths';
import { anyText, params } from '../../support/textArbitraries';

/** Documents whose titles the real letters write (the titles the rule document-title-without-citation looks for). */
const TITLED: CatalogDocument[] = [
  { id: '29826-265', kamerstuk: { dossier: '29826', nr: '265' }, type: 'Brief regering', title: 'Toekomstperspectief Energie-intensieve Industrie', sources: [] },
  { id: '31125-140', kamerstuk: { dossier: '31125', nr: '140' }, type: 'Brief regering', title: 'Defensie Strategie voor Industrie en Innovatie 2025-2029', sources: [] },
  { id: '31125-130', kamerstuk: { dossier: '31125', nr: '130' }, type: 'Brief regering', title: 'Defensie Industrie Strategie in een nieuwe geopolitieke context', sources: [] },
  { id: '29862-50', kamerstuk: { dossier: '29862', nr: '50' }, type: 'Brief regering', title: 'Sectoragenda maritieme maakindustrie', sources: [] },
];

const PASSES: LinePass<LineItem>[] = [ABBREVIATION_USES, ABBREVIATION_EXPLANATIONS, INSTRUMENT_LIKE_USES, titlesWrittenPass(TITLED)];
const wholeFindsNow = (): number => [...wholeFinds.values()].reduce((a, b) => a + b, 0);

type Doc = { readonly text: string; readonly lines: LineIndex };
const docOf = (text: string): Doc => ({ text, lines: new LineIndex(text) });

/** The items of a pass found in the whole text, with words read anew. */
function foundWhole(pass: LinePass<LineItem>, text: string): readonly LineItem[] {
  return lineItems(pass, docOf(text));
}

/**
 * How the next version's words come: made from the previous version's (`edited`), read elsewhere and
 * taken over (`adopted`: the server's main thread takes the analysis worker's words of a whole
 * analysis), or not at all (`none`: a stretch analysed by the worker; the passes read the words around
 * the change only).
 */
type Words = 'edited' | 'adopted' | 'none';

/** The next version of `doc`: `text`, following `doc`. */
function edited(doc: Doc, text: string, words: Words = 'edited'): Doc {
  const next = docOf(text);
  DocumentWords.follows(next, doc);
  lineItemsFollow(next, doc);
  if (words === 'adopted') DocumentWords.adopt(next, structuredClone(DocumentWords.read(text).data()));
  if (words === 'none') DocumentWords.notFollowing(next);
  return next;
}

function assertMadeAsFound(before: Doc, text: string, words: Words = 'edited'): Doc {
  for (const pass of PASSES) lineItems(pass, before);
  const next = edited(before, text, words);
  const finds = wholeFindsNow();
  const reads = DocumentWords.wholeReads;
  const made = PASSES.map((pass) => lineItems(pass, next));
  assert.equal(wholeFindsNow(), finds, 'the edited version\'s items are made, not found in the whole text');
  if (words !== 'edited') assert.equal(DocumentWords.wholeReads, reads, 'and without the words of the whole text');
  if (words === 'none') assert.equal(DocumentWords.made(next), undefined, 'the version has no word index');
  PASSES.forEach((pass, i) => assert.deepEqual(made[i], foundWhole(pass, text), pass.name));
  return next;
}

describe('line items of edited versions', () => {
  it('are the items found in the whole edited text, on random edits', () => {
    const piece = fc.oneof(
      fc.constantFrom('', ' ', 'x', '\n', '\n\n', '(', ')', 'AB', 'NVWA', ' (NVWA)', 'NVWA (Nederlandse Voedsel- en Warenautoriteit)', 'de SDE-regeling', ' subsidie', '-fonds', 'Klimaatfonds (KF)', 'DEEL A', '2515 XP', 'é', '𝐀', '’s', ' Sectoragenda maritieme maakindustrie ', 'Toekomstperspectief op de energie-intensieve', ' industrie', 'Defensie Strategie'),
      fc.string({ maxLength: 5 }),
    );
    const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat(40), insert: piece, words: fc.constantFrom<Words>('edited', 'adopted', 'none') });
    const seeds = fs.readdirSync(seedsDir).filter((x) => x.endsWith('.txt')).map((f) => fs.readFileSync(path.join(seedsDir, f), 'utf8'));
    // Texts longer than the reach, so that items are kept and moved, not all found again.
    const start = fc.oneof(anyText(), fc.constantFrom(...seeds.map((s) => s.slice(0, 6000))), fc.constantFrom(...seeds.map((s) => s.slice(3000, 9000))));
    fc.assert(
      fc.property(start, fc.array(edit, { minLength: 1, maxLength: 5 }), (text, edits) => {
        let doc = docOf(text);
        for (const e of edits) {
          const at = Math.floor(e.at * doc.text.length);
          doc = assertMadeAsFound(doc, doc.text.slice(0, at) + e.insert + doc.text.slice(at + e.remove), e.words);
        }
      }),
      params(120),
    );
  });

  it('are found again where an edit lines away, within the reach, changes what an item reads', () => {
    // An explanation whose brackets close two lines on, a use in a capitals heading, an instrument's name on the line before.
    const far = 'x\n'.repeat(REACH);
    const text = `${far}Toezicht door de NVWA (Nederlandse Voedsel\nen\nWarenautoriteit), met Duurzaamheidsregeling\nMaatschappelijk Vastgoed (DUMAVA).\nDE NLA EN\nHET ILT\n${far}Daarna de NVWA.\n`;
    let doc = docOf(text);
    const close = text.indexOf('Warenautoriteit)') + 'Warenautoriteit'.length;
    doc = assertMadeAsFound(doc, text.slice(0, close) + text.slice(close + 1));
    assert.deepEqual(lineItems(ABBREVIATION_EXPLANATIONS, doc).map((e) => e.word), ['DUMAVA'], 'no closing bracket: NVWA not explained');
    doc = assertMadeAsFound(doc, text);
    assert.deepEqual(lineItems(ABBREVIATION_EXPLANATIONS, doc).map((e) => e.word), ['NVWA', 'DUMAVA']);
    // The heading in capitals gets a lower-case letter: its abbreviation is a use now (DUMAVA, six capitals, is a word).
    const heading = doc.text.indexOf('HET ILT');
    doc = assertMadeAsFound(doc, doc.text.slice(0, heading) + 'het' + doc.text.slice(heading + 3));
    assert.deepEqual(lineItems(ABBREVIATION_USES, doc).map((u) => u.word), ['NVWA', 'ILT', 'NVWA']);
    // The name on the line before is no scheme's any more: DUMAVA no longer reads like an instrument.
    const scheme = doc.text.indexOf('regeling\n');
    assert.deepEqual(lineItems(INSTRUMENT_LIKE_USES, doc).map((u) => [u.candidate.abbr, u.candidate.fullName]), [['DUMAVA', 'Duurzaamheidsregeling Maatschappelijk Vastgoed']]);
    doc = assertMadeAsFound(doc, doc.text.slice(0, scheme) + doc.text.slice(scheme + 'regeling'.length));
    assert.deepEqual(lineItems(INSTRUMENT_LIKE_USES, doc), []);
    // A title written over two lines: its last word changed on the second, it is no longer written.
    const titles = titlesWrittenPass(TITLED);
    doc = assertMadeAsFound(doc, doc.text.replace('Daarna de NVWA.', 'Daarna de NVWA. In de Sectoragenda maritieme\nmaakindustrie staat het.'), 'adopted');
    assert.deepEqual(lineItems(titles, doc).map((t) => doc.text.slice(t.at, t.at + (t as LineItem & { length: number }).length)), ['Sectoragenda maritieme\nmaakindustrie']);
    doc = assertMadeAsFound(doc, doc.text.replace('\nmaakindustrie', '\nindustrie'), 'none');
    assert.deepEqual(lineItems(titles, doc), []);
    // An edit far from them keeps the items before it and moves those after it.
    const kept = lineItems(ABBREVIATION_USES, doc);
    doc = assertMadeAsFound(doc, 'y'.repeat(7) + doc.text);
    assert.deepEqual(lineItems(ABBREVIATION_USES, doc).map((u) => u.at), kept.map((u) => u.at + 7));
  });

  it('read the words of the whole reach around the lines read again, when the version has no word index', () => {
    // An edit REACH characters before a title written over two lines, and after an explanation
    // whose full name stands on the line before the first line read again.
    const start = 'Toezicht door de Nederlandse Voedsel- en\nWarenautoriteit (NVWA).\n' + 'a\n'.repeat(REACH / 2 - 3);
    const text = `${start}z\n${'b\n'.repeat(REACH / 2 - 1)}De Sectoragenda maritieme\nmaakindustrie en de NVWA.\n${'c\n'.repeat(10)}`;
    let doc = docOf(text);
    for (const at of [start.length, start.length + 1, start.length + 3]) {
      doc = assertMadeAsFound(doc, doc.text.slice(0, at) + 'y' + doc.text.slice(at), 'none');
      assert.equal(lineItems(titlesWrittenPass(TITLED), doc).length, 1, 'the title over two lines');
      assert.deepEqual(lineItems(ABBREVIATION_EXPLANATIONS, doc).map((e) => e.word), ['NVWA']);
    }
  });
});
