import * as assert from 'node:assert/strict';
import type { MarkupContent } from 'vscode-languageserver-types';
import { hover } from '../../../server/src/features/hover';
import { expect } from '../../support/expect';
import { GLOSSARY_URI, locationTexts, testWorkspace, type WorkspaceOptions } from '../../support/workspace';

/** Hover text at the ‸ of a fixture, and the hovered range's text. */
async function hoverAt(fixture: string, options: WorkspaceOptions = {}): Promise<{ value: string; hovered: string }> {
  const ws = testWorkspace(options);
  const { doc, cursor } = ws.open(fixture);
  const h = await ws.service.hover(doc, cursor);
  if (!h) return { value: '', hovered: '' };
  const r = h.range!;
  return { value: (h.contents as MarkupContent).value, hovered: doc.text.slice(doc.lines.offsetAt(r.start), doc.lines.offsetAt(r.end)) };
}

const WORKSPACE_GLOSSARY = `{
  "version": 1,
  "entries": [
    {
      "id": "wbso",
      "description": { "nl": "Onze eigen uitleg van de WBSO." }
    },
    {
      "id": "dumava",
      "name": "DUMAVA",
      "fullName": "Subsidieregeling duurzaam maatschappelijk vastgoed",
      "abbreviations": ["DUMAVA"],
      "kind": "subsidieregeling",
      "description": { "nl": "Subsidie voor het verduurzamen van maatschappelijk vastgoed." }
    }
  ]
}
`;

describe('instrument features', () => {
  describe('hover', () => {
    it('shows the entry: name, kind, full name, description, ministry, legal basis with its Kamerstuk linked, page and sources', async () => {
      const { value, hovered } = await hoverAt('Het Nationaal Gr‸oeifonds investeert.');
      assert.equal(hovered, 'Nationaal Groeifonds');
      expect`
**Nationaal Groeifonds** · fonds

Investeringsfonds van het kabinet, ingesteld in 2020, dat eenmalige investeringen doet in projecten die het duurzaam verdienvermogen van Nederland vergroten, op het terrein van kennisontwikkeling, onderzoek, ontwikkeling en innovatie en infrastructuur. Een onafhankelijke adviescommissie beoordeelt de voorstellen; bij de start was € 20 miljard voor vijf jaar voorzien. De ministers van Economische Zaken en van Financiën beheren het fonds.

- **Afkortingen:** NGF
- **Ministerie:** Economische Zaken
- **Grondslag:** Tijdelijke wet Nationaal Groeifonds (begrotingsfonds als bedoeld in artikel 2.11 Comptabiliteitswet 2016) — [Kamerstuk 35 976, nr. 2](https://zoek.officielebekendmakingen.nl/kst-35976-2.html)

[Officiële pagina: nationaalgroeifonds.nl](https://www.nationaalgroeifonds.nl/over-het-nationaal-groeifonds/waarom-het-nationaal-groeifonds)

_Bronnen: [zoek.officielebekendmakingen.nl](https://zoek.officielebekendmakingen.nl/kst-35976-2.html), [staten-generaal.nl](https://www.staten-generaal.nl/9370000/1/j9vvkfvj6b325az/vlo6qw2u41zp), [zoek.officielebekendmakingen.nl](https://zoek.officielebekendmakingen.nl/kst-35570-XIX-28.html)_
`.assert(value);
    });

    it('on an abbreviation shows the full name', async () => {
      const { value, hovered } = await hoverAt('De WB‸SO helpt.');
      assert.equal(hovered, 'WBSO');
      assert.match(value, /^\*\*WBSO\*\* · fiscale regeling/);
      assert.match(value, /\*Wet bevordering speur- en ontwikkelingswerk\*/);
      assert.match(value, /Fiscale regeling waarmee bedrijven/);
    });

    it('speaks English when asked', async () => {
      const { value } = await hoverAt('De WB‸SO helpt.', { locale: 'en' });
      assert.match(value, /^\*\*WBSO\*\* · tax scheme/);
      assert.match(value, /Tax scheme that lets companies/);
      assert.match(value, /\*\*Ministry:\*\* Economische Zaken/);
    });

    it('marks an entry from the workspace glossary and links to it', async () => {
      const { value } = await hoverAt('De WB‸SO helpt.', { glossary: WORKSPACE_GLOSSARY });
      assert.match(value, /^\*\*WBSO\*\* · fiscale regeling \(werkmap\)/);
      assert.match(value, /Onze eigen uitleg van de WBSO\./);
      assert.match(value, /Uit de woordenlijst van de werkmap: \[glossary\.json\]\(file:\/\/\/ws\/\.kamerwijzer\/glossary\.json#L5,7\)/);
      const added = await hoverAt('De subsidieregeling DUM‸AVA is open.', { glossary: WORKSPACE_GLOSSARY });
      assert.match(added.value, /^\*\*DUMAVA\*\* · subsidieregeling \(werkmap\)/);
      const english = await hoverAt('De DUM‸AVA is open.', { glossary: WORKSPACE_GLOSSARY, locale: 'en' });
      assert.match(english.value, /Subsidie voor het verduurzamen .*\(described in Dutch only\)/);
    });

    it('gives nothing without a glossary', async () => {
      const ws = testWorkspace();
      const { doc, cursor } = ws.open('De WB‸SO helpt.');
      const { glossaries: _unused, ...bare } = ws.service.context();
      assert.equal(await hover(doc, cursor, bare), undefined);
    });

    it('an amount next to an instrument names it', async () => {
      const { value, hovered } = await hoverAt('Het Nationaal Groeifonds krijgt € 2‸0 miljard. Het NGF is groot.');
      assert.equal(hovered, '€ 20 miljard');
      assert.match(value, /€ 20\.000\.000\.000/);
      assert.match(value, /bij \*\*Nationaal Groeifonds\*\*/);
      const after = await hoverAt('Er gaat € 1‸50 miljoen naar de WBSO.');
      assert.match(after.value, /bij \*\*WBSO\*\*/);
      const nearest = await hoverAt('De WBSO krijgt € 1‸0 miljoen en het NGF € 20 miljoen.');
      assert.match(nearest.value, /bij \*\*WBSO\*\*/);
      const otherSentence = await hoverAt('De WBSO helpt. Er is € 1‸0 miljoen extra.');
      assert.doesNotMatch(otherSentence.value, /bij/);
    });
  });

  describe('definition', () => {
    it('jumps to the entry in the workspace glossary when it comes from there', async () => {
      const ws = testWorkspace({ glossary: WORKSPACE_GLOSSARY });
      const { doc, cursor } = ws.open('De WB‸SO helpt.');
      const locs = await ws.service.definition(doc, cursor);
      assert.deepEqual(locs, [{ uri: GLOSSARY_URI, range: { start: { line: 4, character: 6 }, end: { line: 4, character: 18 } } }]);
    });

    it('jumps to the founding Kamerstuk when the workspace has it', async () => {
      const ws = testWorkspace();
      const founding = ws.add('groeifonds-wet.txt', 'Tweede Kamer der Staten-Generaal\n\n35 976 Wet Nationaal Groeifonds\n\nNr. 2 VOORSTEL VAN WET\n\nDit wetsvoorstel regelt het fonds.\n', { kamerstuk: '35976-2' });
      assert.ok(founding.analysis.metadata.kamerstuk, 'the founding document knows its Kamerstuk');
      const { doc, cursor } = ws.open('//- brief.txt\nHet Nationaal Gr‸oeifonds investeert.');
      assert.deepEqual(locationTexts(ws, await ws.service.definition(doc, cursor)), ['groeifonds-wet.txt: 35 976 Wet Nationaal Groeifonds\n\nNr. 2']);
    });

    it('has no location for an instrument without either', async () => {
      const ws = testWorkspace();
      const { doc, cursor } = ws.open('De WB‸SO helpt.');
      assert.deepEqual(await ws.service.definition(doc, cursor), []);
    });
  });

  describe('outline', () => {
    it('lists the instruments in their own group', () => {
      const ws = testWorkspace();
      const doc = ws.add('brief.txt', 'De WBSO en het Nationaal Groeifonds (NGF).\nOok Invest-NL.\n');
      const symbols = ws.service.documentSymbols(doc);
      const group = symbols.find((s) => s.name === 'Beleidsinstrumenten')!;
      assert.ok(group, symbols.map((s) => s.name).join(', '));
      assert.equal(group.detail, '4');
      assert.deepEqual(
        group.children!.map((c) => [c.name, c.detail, c.range.start.line]),
        [
          ['WBSO', 'wbso', 0],
          ['Nationaal Groeifonds', 'nationaal-groeifonds', 0],
          ['NGF', 'nationaal-groeifonds', 0],
          ['Invest-NL', 'invest-nl', 1],
        ],
      );
    });
  });
});
