import * as assert from 'node:assert/strict';
import type { MarkupContent } from 'vscode-languageserver-types';
import { definition } from '../../../server/src/features/definition';
import { documentSymbols } from '../../../server/src/features/documentSymbols';
import { hover } from '../../../server/src/features/hover';
import { GLOSSARY_URI, marked, workspace } from './support';

/** Hover text at the `|` of a fixture, and the hovered range's text. */
async function hoverAt(fixture: string, options: Parameters<typeof workspace>[0] = {}): Promise<{ value: string; hovered: string }> {
  const { text, cursor } = marked(fixture);
  const ws = workspace(options);
  const doc = ws.add('brief.txt', text);
  const h = await hover(doc, cursor!, ws.ctx);
  if (!h) return { value: '', hovered: '' };
  const r = h.range!;
  return { value: (h.contents as MarkupContent).value, hovered: text.slice(doc.lines.offsetAt(r.start), doc.lines.offsetAt(r.end)) };
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
      const { value, hovered } = await hoverAt('Het Nationaal Gr|oeifonds investeert.');
      assert.equal(hovered, 'Nationaal Groeifonds');
      assert.match(value, /^\*\*Nationaal Groeifonds\*\* · fonds/);
      assert.match(value, /Economische Zaken/);
      assert.match(value, /\*\*Afkortingen:\*\* NGF/);
      assert.match(value, /\*\*Grondslag:\*\* .*\[Kamerstuk 35 976, nr\. 2\]\(https:\/\/zoek\.officielebekendmakingen\.nl\/kst-35976-2\.html\)/);
      assert.match(value, /\[Officiële pagina: [^\]]+\]\(https?:\/\//);
      assert.match(value, /_Bronnen: \[/);
      assert.doesNotMatch(value, /werkmap/);
    });

    it('on an abbreviation shows the full name', async () => {
      const { value, hovered } = await hoverAt('De WB|SO helpt.');
      assert.equal(hovered, 'WBSO');
      assert.match(value, /^\*\*WBSO\*\* · fiscale regeling/);
      assert.match(value, /\*Wet bevordering speur- en ontwikkelingswerk\*/);
      assert.match(value, /Fiscale regeling waarmee bedrijven/);
    });

    it('speaks English when asked', async () => {
      const { value } = await hoverAt('De WB|SO helpt.', { locale: 'en' });
      assert.match(value, /^\*\*WBSO\*\* · tax scheme/);
      assert.match(value, /Tax scheme that lets companies/);
      assert.match(value, /\*\*Ministry:\*\* Economische Zaken/);
    });

    it('marks an entry from the workspace glossary and links to it', async () => {
      const { value } = await hoverAt('De WB|SO helpt.', { glossary: WORKSPACE_GLOSSARY });
      assert.match(value, /^\*\*WBSO\*\* · fiscale regeling \(werkmap\)/);
      assert.match(value, /Onze eigen uitleg van de WBSO\./);
      assert.match(value, /Uit de woordenlijst van de werkmap: \[glossary\.json\]\(file:\/\/\/ws\/\.kamerwijzer\/glossary\.json#L5,7\)/);
      const added = await hoverAt('De subsidieregeling DUM|AVA is open.', { glossary: WORKSPACE_GLOSSARY });
      assert.match(added.value, /^\*\*DUMAVA\*\* · subsidieregeling \(werkmap\)/);
      const english = await hoverAt('De DUM|AVA is open.', { glossary: WORKSPACE_GLOSSARY, locale: 'en' });
      assert.match(english.value, /Subsidie voor het verduurzamen .*\(described in Dutch only\)/);
    });

    it('gives nothing without a glossary', async () => {
      const { text, cursor } = marked('De WB|SO helpt.');
      const ws = workspace();
      const doc = ws.add('brief.txt', text);
      const { glossaries: _unused, ...bare } = ws.ctx;
      assert.equal(await hover(doc, cursor!, bare), undefined);
    });

    it('an amount next to an instrument names it', async () => {
      const { value, hovered } = await hoverAt('Het Nationaal Groeifonds krijgt € 2|0 miljard. Het NGF is groot.');
      assert.equal(hovered, '€ 20 miljard');
      assert.match(value, /€ 20\.000\.000\.000/);
      assert.match(value, /bij \*\*Nationaal Groeifonds\*\*/);
      const after = await hoverAt('Er gaat € 1|50 miljoen naar de WBSO.');
      assert.match(after.value, /bij \*\*WBSO\*\*/);
      const nearest = await hoverAt('De WBSO krijgt € 1|0 miljoen en het NGF € 20 miljoen.');
      assert.match(nearest.value, /bij \*\*WBSO\*\*/);
      const otherSentence = await hoverAt('De WBSO helpt. Er is € 1|0 miljoen extra.');
      assert.doesNotMatch(otherSentence.value, /bij/);
    });
  });

  describe('definition', () => {
    it('jumps to the entry in the workspace glossary when it comes from there', async () => {
      const { text, cursor } = marked('De WB|SO helpt.');
      const ws = workspace({ glossary: WORKSPACE_GLOSSARY });
      const doc = ws.add('brief.txt', text);
      const locs = definition(doc, cursor!, ws.ctx);
      assert.deepEqual(locs, [{ uri: GLOSSARY_URI, range: { start: { line: 4, character: 6 }, end: { line: 4, character: 18 } } }]);
    });

    it('jumps to the founding Kamerstuk when the workspace has it', async () => {
      const ws = workspace();
      const founding = ws.add('groeifonds-wet.txt', 'Tweede Kamer der Staten-Generaal\n\n35 976 Wet Nationaal Groeifonds\n\nNr. 2 VOORSTEL VAN WET\n\nDit wetsvoorstel regelt het fonds.\n');
      const known = ws.index.update(founding.uri, founding.text, 2, { known: { kamerstuk: '35976-2' }, instruments: ws.glossaries.forDocument(founding.uri).matcher });
      assert.ok(known.analysis.metadata.kamerstuk, 'the founding document knows its Kamerstuk');
      const { text, cursor } = marked('Het Nationaal Gr|oeifonds investeert.');
      const doc = ws.add('brief.txt', text);
      const locs = definition(doc, cursor!, ws.ctx);
      assert.equal(locs.length, 1);
      assert.equal(locs[0]!.uri, 'file:///ws/groeifonds-wet.txt');
    });

    it('has no location for an instrument without either', async () => {
      const { text, cursor } = marked('De WB|SO helpt.');
      const ws = workspace();
      assert.deepEqual(definition(ws.add('brief.txt', text), cursor!, ws.ctx), []);
    });
  });

  describe('outline', () => {
    it('lists the instruments in their own group', () => {
      const ws = workspace();
      const doc = ws.add('brief.txt', 'De WBSO en het Nationaal Groeifonds (NGF).\nOok Invest-NL.\n');
      const symbols = documentSymbols(doc, ws.ctx);
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
