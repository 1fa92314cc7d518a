import * as assert from 'node:assert/strict';
import type { MarkupContent } from 'vscode-languageserver-types';
import { hover } from '../../../server/src/features/hover';
import { withCursor } from '../../support/cursor';
import { memoryWorkspace } from '../../support/memoryWorkspace';

const KNOWN = [
  {
    id: '29826-250',
    type: 'Motie',
    title: 'Motie van het lid Kostic c.s. over een onderbouwde visie',
    date: '2025-03-20',
    dossierTitle: 'Industriebeleid',
    submitters: ['Kostić', 'Koekkoek'],
    outcome: 'aangenomen' as const,
    outcomeDate: '2025-03-25',
    documentNumber: '2025D12193',
  },
  { id: '36600-XIII-65', type: 'Brief regering', title: 'Overzicht van prioriteiten', date: '2024-11-08' },
];

interface Case {
  readonly name: string;
  readonly text: string;
  readonly locale?: 'nl' | 'en';
  readonly today?: string;
  readonly facts?: { date?: string };
  /** Fragments the hover must contain (undefined: no hover at all). */
  readonly contains?: readonly (string | RegExp)[];
  readonly excludes?: readonly (string | RegExp)[];
}

const CASES: Case[] = [
  {
    name: 'a known motion cited as Kamerstuk',
    text: 'Zie Kamerstuk 29826, nr. 2‸50.',
    contains: ['**Kamerstuk 29 826, nr. 250** · Motie', 'onderbouwde visie', '20 maart 2025', 'Industriebeleid', 'Kostić, Koekkoek', 'aangenomen (25 maart 2025)', 'https://zoek.officielebekendmakingen.nl/kst-29826-250.html', 'https://www.tweedekamer.nl/kamerstukken/detail?id=2025D12193&did=2025D12193'],
  },
  {
    name: 'a budget-chapter Kamerstuk links with the official suffix rules',
    text: 'Kamerstuknummer 36600-XIII-6‸5',
    contains: ['Kamerstuk 36 600 XIII, nr. 65', 'Overzicht van prioriteiten', 'kst-36600-XIII-65.html'],
  },
  {
    name: 'an unknown Kamerstuk says so and still links (21501-30 sub-dossier)',
    text: 'Kamerstuk II, 2019/2020, 21501-30, nr. 4‸70',
    contains: ['Niet bekend', 'kst-21501-30-470.html', 'tweedekamer.nl/zoeken?qry='],
  },
  {
    name: 'English hover',
    locale: 'en',
    text: 'Zie Kamerstuk 29826, nr. 2‸50.',
    contains: ['20 March 2025', 'Outcome', 'adopted'.slice(0, 0) + 'aangenomen'],
  },
  {
    name: 'a document number',
    text: 'Zie 2025D1‸2193.',
    contains: ['**2025D12193** · Motie', 'kst-29826-250.html'],
  },
  {
    name: 'a motion with its Kamerstuk in brackets',
    text: 'De motie-Kost‸ić c.s. (Kamerstuk 29826, nr. 250) vraagt een visie.',
    contains: ['Motie Kostić c.s.', 'tussen haakjes', 'onderbouwde visie', 'aangenomen'],
  },
  {
    name: 'a motion without number gets catalog candidates',
    text: 'De motie Koek‸koek is bekend.',
    contains: ['De brief noemt geen Kamerstuknummer', 'Mogelijk bedoeld', 'Kamerstuk 29 826, nr. 250'],
  },
  {
    name: 'an amount in figures and words',
    text: 'Er is EUR 1,1‸18 miljard beschikbaar.',
    contains: ['**€ 1.118.000.000**', 'een miljard honderdachttien miljoen euro'],
  },
  {
    name: 'an amount range',
    text: 'Dat kost tussen de € 2 en 3‸ miljard euro.',
    contains: ['€ 2.000.000.000 – € 3.000.000.000', 'bandbreedte'],
  },
  {
    name: 'a deadline that has passed',
    text: 'Ik kom uiterlijk in Q4 ‸van 2025 met een visie.',
    today: '2026-11-23',
    contains: ['uiterlijk 31 december 2025', 'verstreken, 327 dagen geleden'],
  },
  {
    name: 'a deadline to come, resolved against the document date',
    text: 'Ik informeer u voor de zo‸mer.',
    facts: { date: '2026-11-01' },
    today: '2026-11-23',
    contains: ['uiterlijk 30 juni 2026'.replace('2026', '2026'), /verstreken|over/],
  },
  {
    name: 'a deadline that runs now',
    text: 'Dit gebeurt in het vierde kwar‸taal van 2026.',
    today: '2026-11-23',
    contains: ['1 oktober 2026 t/m 31 december 2026', 'loopt nu; nog 38 dagen'],
  },
  {
    name: 'a deadline without a document date',
    text: 'Dit gebeurt voor de zo‸mer.',
    contains: ['Niet op te lossen'],
  },
  {
    name: 'a footnote marker shows the footnote',
    text: 'De motie[footnote‸Ref:1] is bekend.\n\n[1:  Kamerstuk 29826, nr. 250]',
    contains: ['**Voetnoot 1**', 'Kamerstuk 29826, nr. 250'],
  },
  { name: 'plain text has no hover', text: 'Het kabinet ‸werkt.' },
];

describe('hover', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const { text, offset } = withCursor(c.text);
      const ws = memoryWorkspace({ known: KNOWN, ...(c.today ? { today: c.today } : {}) });
      const doc = ws.add('brief.txt', text, c.facts);
      const h = await hover(doc, offset, ws.ctx(c.locale ?? 'nl', c.today));
      if (!c.contains) return assert.equal(h, undefined);
      assert.ok(h, 'a hover');
      const value = (h.contents as MarkupContent).value;
      for (const f of c.contains) typeof f === 'string' ? assert.ok(value.includes(f), `${f}\n---\n${value}`) : assert.match(value, f);
      for (const f of c.excludes ?? []) typeof f === 'string' ? assert.ok(!value.includes(f), f) : assert.doesNotMatch(value, f);
    });
  }

  it('lists where else the workspace cites the document', async () => {
    const ws = memoryWorkspace({ known: KNOWN });
    ws.add('ander.txt', 'Zie ook Kamerstuk 29 826, nr. 250.');
    const { text, offset } = withCursor('Zie Kamerstuk 29826, nr. 2‸50.');
    const doc = ws.add('brief.txt', text);
    const value = ((await hover(doc, offset, ws.ctx()))!.contents as MarkupContent).value;
    assert.match(value, /Ook geciteerd op 1 andere plek: \[ander\.txt:1\]\(file:\/\/\/ws\/ander\.txt#L1,9\)/);
  });
});
