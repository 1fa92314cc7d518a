/**
 * Hover on in-memory letters: the whole Markdown a user sees, as expect-style snapshots
 * (UPDATE_EXPECT=1 rewrites them).
 */
import type { MarkupContent } from 'vscode-languageserver-types';
import type { KnownDocumentFacts } from '../../../server/src/engine/model';
import { expect, type Expectation } from '../../support/expect';
import { testWorkspace, type Known } from '../../support/workspace';

const KNOWN: Known[] = [
  {
    id: '29826-250',
    type: 'Motie',
    title: 'Motie van het lid Kostic c.s. over een onderbouwde visie',
    date: '2025-03-20',
    dossierTitle: 'Industriebeleid',
    submitters: ['Kostić', 'Koekkoek'],
    outcome: 'aangenomen',
    outcomeDate: '2025-03-25',
    documentNumber: '2025D12193',
  },
  { id: '36600-XIII-65', type: 'Brief regering', title: 'Overzicht van prioriteiten', date: '2024-11-08' },
  { id: 'ah-tk-20212022-1456', type: 'Kamervragen (Aanhangsel)', title: 'Vragen van het lid X over een onderwerp', date: '2022-01-25', submitters: ['A. Lid'] },
];

interface Case {
  readonly name: string;
  /** A fixture with ‸ where the mouse is. */
  readonly fixture: string;
  readonly locale?: 'nl' | 'en';
  readonly today?: string;
  readonly facts?: KnownDocumentFacts;
  /** With the real bundled catalog behind the test documents. */
  readonly bundled?: boolean;
  /** The hover's Markdown, or "(no hover)". */
  readonly hover: Expectation;
}

const CASES: Case[] = [
  {
    name: 'a motion from the bundled data: its outcome in words, each source named once',
    bundled: true,
    locale: 'en',
    fixture: 'In uitvoering van de motie (Kamerstuk 21 501-32, nr. 16‸04) ...',
    hover: expect`
**Kamerstuk 21 501-32, nr. 1604** · Motie

*Motie van het lid Van Campen c.s. over de nijpende situatie op de Nederlandse mestmarkt aan de orde stellen en de Europese Commissie vragen kunstmestvervangers per direct mogelijk te maken*

- **Date:** 7 December 2023
- **Dossier:** 21 501-32 — Landbouw- en Visserijraad
- **Submitted by:** Van Campen, Vedder, Van der Plas
- **Outcome:** adopted (7 December 2023)
- **Cabinet’s assessment:** Oordeel Kamer
- **Document number:** 2023D48275

[officielebekendmakingen.nl](https://zoek.officielebekendmakingen.nl/kst-21501-32-1604.html) · [tweedekamer.nl](https://www.tweedekamer.nl/kamerstukken/detail?id=2023D48275&did=2023D48275)

_Source: [the bundled data](https://github.com/tkmoties/tkmoties.github.io/blob/b1ad58a752d93db1a64e89629602103a726a1e5e/_data/moties/2023/2023-12-07T00:00:00+01:00-0571eb2e-0e16-4a43-8ca8-c2af7c57fab8.json)_
`,
  },
  {
    name: 'a known Aanhangsel: its title and date from the official source, and its page',
    fixture: '(Aanhangsel Handelingen II, 2021-2022 nr. 14‸56)',
    hover: expect`
**Aanhangsel Handelingen II 2021/22, nr. 1456** · Aanhangsel: antwoorden op schriftelijke Kamervragen

*Vragen van het lid X over een onderwerp*

- **Kamer:** Tweede Kamer
- **Vergaderjaar:** 2021-2022
- **Nummer:** 1456
- **Datum:** 25 januari 2022
- **Indieners:** A. Lid

[officielebekendmakingen.nl](https://zoek.officielebekendmakingen.nl/ah-tk-20212022-1456.html)

_Bron: test_
`,
  },
  {
    name: "a sitting's item: what it is, and its official page",
    fixture: 'Zie Handelingen I 2020/21, nr. 24, item 5, blz. 3‸7-38.',
    hover: expect`
**Handelingen I 2020/21, nr. 24, item 5** · Verslag van een plenaire vergadering

- **Kamer:** Eerste Kamer
- **Vergaderjaar:** 2020-2021
- **Nummer:** 24 · **Item:** 5 · **Pagina’s:** 37-38

Niet bekend offline: niet in de werkmap, de meegeleverde gegevens of de cache. Online (kamerwijzer.online) zoekt Kamerwijzer het op bij officielebekendmakingen.nl; ‘Kamerwijzer: Download cited documents for offline use’ haalt alles op wat de werkmap citeert.

[officielebekendmakingen.nl](https://zoek.officielebekendmakingen.nl/h-ek-20202021-24-5.html)
`,
  },
  {
    name: 'a sitting without an item names no single publication',
    fixture: 'Zie Handelingen II 2023/24, nr. 4‸1.',
    hover: expect`
**Handelingen II 2023/24, nr. 41** · Verslag van een plenaire vergadering

- **Kamer:** Tweede Kamer
- **Vergaderjaar:** 2023-2024
- **Nummer:** 41

Het verslag van een vergadering verschijnt per agendapunt (item). Zonder itemnummer wijst deze verwijzing geen enkele publicatie aan; de vergadering staat op officielebekendmakingen.nl onder ‘Handelingen’.
`,
  },
  {
    name: 'a chamber the citation does not name',
    fixture: 'Zie ook Aanhangsel Handelingen, vergaderjaar 2021–2022, nr. 7‸22.',
    hover: expect`
**Aanhangsel Handelingen 2021/22, nr. 722** · Aanhangsel: antwoorden op schriftelijke Kamervragen

- **Vergaderjaar:** 2021-2022
- **Nummer:** 722

De verwijzing noemt de Kamer niet. Schrijf ‘Handelingen II’ of ‘Handelingen I’ (‘Aanhangsel Handelingen II’) om haar eenduidig te maken; dan kan Kamerwijzer ook de officiële publicatie openen.
`,
  },
  {
    name: 'a Handelingen citation in English',
    locale: 'en',
    fixture: 'Zie Handelingen I 2020/21, nr. 24, item 5, blz. 3‸7-38.',
    hover: expect`
**Handelingen I 2020/21, nr. 24, item 5** · Report of a plenary sitting (Handelingen)

- **Chamber:** Senate (Eerste Kamer)
- **Parliamentary year:** 2020-2021
- **Number:** 24 · **Item:** 5 · **Pages:** 37-38

Not known offline: not in the workspace, the bundled data or the cache. Online (kamerwijzer.online), Kamerwijzer looks it up on officielebekendmakingen.nl; ‘Kamerwijzer: Download cited documents for offline use’ fetches everything the workspace cites.

[officielebekendmakingen.nl](https://zoek.officielebekendmakingen.nl/h-ek-20202021-24-5.html)
`,
  },
  {
    name: 'a known motion cited as Kamerstuk',
    fixture: 'Zie Kamerstuk 29826, nr. 2‸50.',
    hover: expect`
**Kamerstuk 29 826, nr. 250** · Motie

*Motie van het lid Kostic c.s. over een onderbouwde visie*

- **Datum:** 20 maart 2025
- **Dossier:** 29 826 — Industriebeleid
- **Indieners:** Kostić, Koekkoek
- **Uitslag:** aangenomen (25 maart 2025)
- **Documentnummer:** 2025D12193

[officielebekendmakingen.nl](https://zoek.officielebekendmakingen.nl/kst-29826-250.html) · [tweedekamer.nl](https://www.tweedekamer.nl/kamerstukken/detail?id=2025D12193&did=2025D12193)

_Bron: test_
`,
  },
  {
    name: 'a budget-chapter Kamerstuk links with the official suffix rules',
    fixture: 'Kamerstuknummer 36600-XIII-6‸5',
    hover: expect`
**Kamerstuk 36 600 XIII, nr. 65** · Brief regering

*Overzicht van prioriteiten*

- **Datum:** 8 november 2024
- **Dossier:** 36 600 XIII

[officielebekendmakingen.nl](https://zoek.officielebekendmakingen.nl/kst-36600-XIII-65.html) · [tweedekamer.nl](https://www.tweedekamer.nl/zoeken?qry=36%20600%20XIII%20nr.%2065)

_Bron: test_
`,
  },
  {
    name: 'an unknown Kamerstuk says so and still links (21501-30 sub-dossier)',
    fixture: 'Kamerstuk II, 2019/2020, 21501-30, nr. 4‸70',
    hover: expect`
**Kamerstuk 21 501-30, nr. 470**

Niet bekend offline: niet in de werkmap, de meegeleverde gegevens of de cache. Online (kamerwijzer.online) zoekt Kamerwijzer het op bij officielebekendmakingen.nl; ‘Kamerwijzer: Download cited documents for offline use’ haalt alles op wat de werkmap citeert.

[officielebekendmakingen.nl](https://zoek.officielebekendmakingen.nl/kst-21501-30-470.html) · [tweedekamer.nl](https://www.tweedekamer.nl/zoeken?qry=21%20501-30%20nr.%20470)
`,
  },
  {
    name: 'English hover',
    locale: 'en',
    fixture: 'Zie Kamerstuk 29826, nr. 2‸50.',
    hover: expect`
**Kamerstuk 29 826, nr. 250** · Motie

*Motie van het lid Kostic c.s. over een onderbouwde visie*

- **Date:** 20 March 2025
- **Dossier:** 29 826 — Industriebeleid
- **Submitted by:** Kostić, Koekkoek
- **Outcome:** adopted (25 March 2025)
- **Document number:** 2025D12193

[officielebekendmakingen.nl](https://zoek.officielebekendmakingen.nl/kst-29826-250.html) · [tweedekamer.nl](https://www.tweedekamer.nl/kamerstukken/detail?id=2025D12193&did=2025D12193)

_Source: test_
`,
  },
  {
    name: 'a document number',
    fixture: 'Zie 2025D1‸2193.',
    hover: expect`
**2025D12193** · Motie

*Motie van het lid Kostic c.s. over een onderbouwde visie*

- **Datum:** 20 maart 2025
- **Dossier:** 29 826 — Industriebeleid
- **Indieners:** Kostić, Koekkoek
- **Uitslag:** aangenomen (25 maart 2025)
- **Documentnummer:** 2025D12193

[officielebekendmakingen.nl](https://zoek.officielebekendmakingen.nl/kst-29826-250.html) · [tweedekamer.nl](https://www.tweedekamer.nl/kamerstukken/detail?id=2025D12193&did=2025D12193)

_Bron: test_
`,
  },
  {
    name: 'a motion with its Kamerstuk in brackets',
    fixture: 'De motie-Kost‸ić c.s. (Kamerstuk 29826, nr. 250) vraagt een visie.',
    hover: expect`
**Motie Kostić c.s.**

- **Indieners:** Kostić — c.s. (met medeondertekenaars)
- **Kamerstuk:** [Kamerstuk 29 826, nr. 250](https://zoek.officielebekendmakingen.nl/kst-29826-250.html) (tussen haakjes)
- *Motie van het lid Kostic c.s. over een onderbouwde visie*
- **Datum:** 20 maart 2025
- **Motie — indieners:** Kostić, Koekkoek
- **Uitslag:** aangenomen (25 maart 2025)
`,
  },
  {
    name: 'a motion without number gets catalog candidates',
    fixture: 'De motie Koek‸koek is bekend.',
    hover: expect`
**Motie Koekkoek**

- **Indieners:** Koekkoek

De brief noemt geen Kamerstuknummer bij deze motie.

Mogelijk bedoeld (zelfde indieners):
- [Kamerstuk 29 826, nr. 250](https://zoek.officielebekendmakingen.nl/kst-29826-250.html) (20 maart 2025): Motie van het lid Kostic c.s. over een onderbouwde visie
`,
  },
  {
    name: 'an amount in figures and words',
    fixture: 'Er is EUR 1,1‸18 miljard beschikbaar.',
    hover: expect`
**€ 1.118.000.000**

een miljard honderdachttien miljoen euro
`,
  },
  {
    name: 'an amount range',
    fixture: 'Dat kost tussen de € 2 en 3‸ miljard euro.',
    hover: expect`
**€ 2.000.000.000 – € 3.000.000.000**

twee miljard euro – drie miljard euro (bandbreedte)
`,
  },
  {
    name: 'a figure in a table whose caption gives the unit',
    fixture: 'Tabel 2 (bedragen x € 1.000)\nSubsidies  1.2‸50  1.300\n',
    hover: expect`
**€ 1.250.000**

een miljoen tweehonderdvijftigduizend euro

_getal uit een tabel, eenheid „x € 1.000” uit het opschrift_
`,
  },
  {
    name: 'an amount in English',
    locale: 'en',
    fixture: 'Er is EUR 1,1‸18 miljard beschikbaar.',
    hover: expect`
**€ 1.118.000.000**

one billion one hundred eighteen million euro
`,
  },
  {
    name: 'a deadline that has passed',
    fixture: 'Ik kom uiterlijk in Q4 ‸van 2025 met een visie.',
    today: '2026-11-23',
    hover: expect`
**Termijn:** uiterlijk 31 december 2025

verstreken, 327 dagen geleden
`,
  },
  {
    name: 'a deadline still to come, resolved against the document date',
    fixture: 'Ik informeer u voor de zo‸mer.',
    facts: { date: '2026-11-01' },
    today: '2026-03-01',
    hover: expect`
**Termijn:** uiterlijk 30 juni 2026

over 121 dagen

_jaar ontleend aan de documentdatum (1 november 2026)_
`,
  },
  {
    name: 'a deadline that has passed, resolved against the document date',
    fixture: 'Ik informeer u voor de zo‸mer.',
    facts: { date: '2026-11-01' },
    today: '2026-11-23',
    hover: expect`
**Termijn:** uiterlijk 30 juni 2026

verstreken, 146 dagen geleden

_jaar ontleend aan de documentdatum (1 november 2026)_
`,
  },
  {
    name: 'a deadline that runs now',
    fixture: 'Dit gebeurt in het vierde kwar‸taal van 2026.',
    today: '2026-11-23',
    hover: expect`
**Termijn:** 1 oktober 2026 t/m 31 december 2026

loopt nu; nog 38 dagen
`,
  },
  {
    name: 'a deadline without a document date',
    fixture: 'Dit gebeurt voor de zo‸mer.',
    hover: expect`
**Termijn**

Niet op te lossen: de datum van het document is onbekend (geef die op in de kopregels, front matter of kamerwijzer.json).
`,
  },
  {
    name: 'a footnote marker shows the footnote',
    fixture: 'De motie[footnote‸Ref:1] is bekend.\n\n[1:  Kamerstuk 29826, nr. 250]',
    hover: expect`
**Voetnoot 1**

Kamerstuk 29826, nr. 250
`,
  },
  {
    name: 'other places in the workspace that cite the document',
    fixture: '//- ander.txt\nZie ook Kamerstuk 29 826, nr. 250.\n//- brief.txt\nZie Kamerstuk 29826, nr. 2‸50.',
    hover: expect`
**Kamerstuk 29 826, nr. 250** · Motie

*Motie van het lid Kostic c.s. over een onderbouwde visie*

- **Datum:** 20 maart 2025
- **Dossier:** 29 826 — Industriebeleid
- **Indieners:** Kostić, Koekkoek
- **Uitslag:** aangenomen (25 maart 2025)
- **Documentnummer:** 2025D12193

Ook geciteerd op 1 andere plek: [ander.txt:1](file:///ws/ander.txt#L1,9)

[officielebekendmakingen.nl](https://zoek.officielebekendmakingen.nl/kst-29826-250.html) · [tweedekamer.nl](https://www.tweedekamer.nl/kamerstukken/detail?id=2025D12193&did=2025D12193)

_Bron: test_
`,
  },
  { name: 'plain text has no hover', fixture: 'Het kabinet ‸werkt.', hover: expect`
(no hover)
` },
];

describe('hover', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const ws = testWorkspace({ known: KNOWN, locale: c.locale ?? 'nl', ...(c.today ? { today: c.today } : {}), ...(c.bundled ? { bundled: true } : {}) });
      const opened = ws.open(c.fixture);
      const doc = c.facts ? ws.add(opened.file.name, opened.file.text, c.facts) : opened.doc;
      const h = await ws.service.hover(doc, opened.cursor);
      c.hover.assert(h ? (h.contents as MarkupContent).value : '(no hover)');
    });
  }
});
