/**
 * What a letter says a cited document is (citationDescription.ts), per place a description is
 * written, and how descriptions and titles are compared (words.ts): distinctive words, shared words,
 * compounds and typos.
 */
import * as assert from 'node:assert/strict';
import { describedAs } from '../../../server/src/features/diagnostics/citationDescription';
import { contentWords, distinctiveWords, isGeneric, sameWord } from '../../../server/src/features/words';
import { testWorkspace } from '../../support/workspace';

/** The description of the first (or `nth`) Kamerstuk cited in a text: its form and text, or '-' for none. */
function description(text: string, nth = 0): string {
  const ws = testWorkspace();
  const doc = ws.add('brief.txt', text);
  const r = doc.analysis.references.filter((x) => x.kind === 'kamerstuk')[nth];
  if (!r || r.kind !== 'kamerstuk') throw new Error('no citation');
  const d = describedAs(doc, r);
  if (!d) return '-';
  return `${d.form}${d.names ? `/${d.names}` : ''}${d.submitters ? ` [${d.submitters.join(', ')}]` : ''}${d.date ? ` ${d.date}` : ''}: ${d.words.length ? d.text : '(vague)'}`;
}

describe('citation descriptions', () => {
  const cases: [string, string, string][] = [
    ['noun phrase with a title', 'In de Kamerbrief Toekomstperspectief energie-intensieve industrie (Kamerstuk 29 826, nr. 277) staat het.', 'phrase/letter: Toekomstperspectief energie-intensieve industrie'],
    ['noun phrase with a topic', 'Zoals gemeld in de brief over de energie-intensieve industrie (Kamerstuk 29 826, nr. 265) werk ik verder.', 'phrase/letter: over de energie-intensieve industrie'],
    ['a title without a kind', 'Met de Nationale Technologiestrategie (Kamerstuk 33 009, nr. 150) investeren we.', 'phrase: Nationale Technologiestrategie'],
    ['a title and its date', 'Dit hangt samen met het Nationaal Biodiversiteitsplan van 25 maart 2025 (Kamerstuk 26 407, nr. 155) en meer.', 'phrase 2025-03-25: Nationaal Biodiversiteitsplan'],
    ['a letter named by its date', 'In de brief van 4 april 2025 (Kamerstuk 29 826, nr. 258) staat het.', 'phrase/letter 2025-04-04: (vague)'],
    ['a relative clause after the name', 'In de brief die ik u op 4 april stuurde (Kamerstuk 29 826, nr. 258) staat het.', 'phrase/letter: (vague)'],
    ['a quoted title', 'In de brief ‘Ruimte voor industrieclusters’ (Kamerstuk 29 826, nr. 258) staat het.', 'quoted/letter: Ruimte voor industrieclusters'],
    ['an italic title', 'Zie *Slimme industriepolitiek voor Nederland* (Kamerstuk 29 826, nr. 258).', 'quoted: Slimme industriepolitiek voor Nederland'],
    ['an inzake clause', 'Zie de brief inzake resultaat Addendum MEE (Kamerstuk 30 196, nr. 803).', 'clause: resultaat Addendum MEE'],
    [
      'a motion with its submitters and subject',
      'Over de motie van het lid Mutluer c.s. over het Eindhovense inloophuis voor mannelijke prostitués (Kamerstuk 28 638, nr. 245) heb ik overlegd.',
      'motion/motion [Mutluer]: het Eindhovense inloophuis voor mannelijke prostitués',
    ],
    ['a motion without its subject', 'In de motie van het lid Van Campen c.s. werd gevraagd om een plan (Kamerstuk 30 252, nr. 141).', 'motion/motion [Van Campen]: (vague)'],
    [
      'a motion subject before a footnote',
      'Ik reageer op de motie van de leden Krul en Bikker over de klantkant van mensenhandel,[footnoteRef:1] zoals gevraagd.\n\n[1:  Kamerstuk 28 638, nr. 242.]',
      'motion/motion [Krul, Bikker]: de klantkant van mensenhandel',
    ],
    ['a title before a footnote marker', 'Het beleid staat in de Kamerbrief Industriebeleid met focus[footnoteRef:1] van oktober.\n\n[1:  Kamerstuk 29 826, nr. 277.]', 'phrase/letter: Industriebeleid met focus'],
    ['a footnote with the title', 'Tekst.[footnoteRef:1]\n\n[1:  Ruimte voor industrieclusters, Kamerstuk 29 826, nr. 258.]', 'footnote: Ruimte voor industrieclusters'],
    ['a footnote that says something', 'Tekst.[footnoteRef:1]\n\n[1:  Ik heb toegezegd voor de zomer een brief over de glastuinbouw te sturen, Kamerstuk 29 826, nr. 258.]', '-'],
    ['a list item', 'Stukken:\n- Toekomstperspectief Energie-intensieve Industrie, Kamerstuknummer 29826-265\n', 'list: Toekomstperspectief Energie-intensieve Industrie'],
    ['a claim with its source', 'Het aantal clusters groeit (Kamerstuk 29 826, nr. 258).', '-'],
    ['a verb between the name and the citation', 'In deze brief hangen de maatregelen samen met de industrie (Kamerstuk 29 826, nr. 258).', '-'],
    ['"zie" in the parenthesis', 'De Kamerbrief Ruimte voor industrieclusters (zie Kamerstuk 29 826, nr. 265) beschrijft het.', '-'],
    ['several citations in one parenthesis', 'De brieven over de industrie (Kamerstuk 29 826, nr. 258 en Kamerstuk 29 826, nr. 265) beschrijven het.', '-'],
  ];
  for (const [name, text, expected] of cases) it(name, () => assert.equal(description(text), expected));
});

describe('comparing descriptions with titles', () => {
  it('words many titles share are not distinctive, alone or in a compound', () => {
    for (const w of ['defensie', 'industrie', 'strategie', 'brief', 'kabinetsvisie', 'voortgangsbrief', 'defensiestrategie', 'nationaal']) assert.ok(isGeneric(w), w);
    for (const w of ['biodiversiteitsplan', 'technologiestrategie', 'natuurherstelverordening', 'inloophuis', 'netcongestie']) assert.ok(!isGeneric(w), w);
    assert.deepEqual(distinctiveWords(contentWords('De Defensie Strategie voor Industrie en Innovatie')), ['innovatie']);
    assert.deepEqual(distinctiveWords(contentWords('op welke wijze de continuering kan worden gegarandeerd')), ['continuering', 'gegarandeerd']);
  });

  it('one word in other forms, compounds and typos', () => {
    assert.ok(sameWord('industrieclusters', 'industriecluster'));
    assert.ok(sameWord('biodiversiteitsplan', 'biodiversiteit'));
    assert.ok(sameWord('coordinatie', 'coordinator'));
    assert.ok(sameWord('ruintelijke', 'ruimtelijk'));
    assert.ok(sameWord('starup', 'startup'));
  });

  it('a shared generic part or a shared beginning is not one word', () => {
    assert.ok(!sameWord('industrieclusters', 'industrie'));
    assert.ok(!sameWord('defensiestrategie', 'defensienota'));
    assert.ok(!sameWord('mensenhandel', 'mensensmokkel'));
    assert.ok(!sameWord('adviesvraag', 'adviseur'));
    assert.ok(!sameWord('natuurherstelverordening', 'natuurbeleid'));
  });
});
