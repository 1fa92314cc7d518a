/**
 * Go to definition, find references, document links and symbols on in-memory workspaces. Expected
 * places are the `[[…]]` ranges of the fixture; outlines are expect-style snapshots.
 */
import * as assert from 'node:assert/strict';
import type { DocumentSymbol } from 'vscode-languageserver-types';
import { expect } from '../../support/expect';
import { locationTexts, markedRanges, testWorkspace } from '../../support/workspace';

const VISIE = '---\nkamerstuk: 29826-147\ntitel: Het verschil maken met strategisch en groen industriebeleid\ndatum: 2022-07-08\n---\n';

describe('definition, references, links and symbols', () => {
  describe('definition', () => {
    const cases: { name: string; fixture: string }[] = [
      {
        name: 'a Kamerstuk jumps to the workspace document that is it (its front matter)',
        fixture: `//- visie.md\n${VISIE.replace('29826-147', '[[29826-147]]')}Hierbij bied ik u de visie aan.\n//- brief.txt\nZie Kamerstuk 29 826, nr. 1‸47.`,
      },
      {
        name: 'lands at the start of a document that names itself only in a page footer far down',
        fixture: `//- visie.txt\n[[]]Hierbij bied ik u de visie aan.\n${'Tekst.\n'.repeat(80)}Tweede Kamer, vergaderjaar 2021–2022, 29 826, nr. 147 3\n//- brief.txt\nZie Kamerstuk 29 826, nr. 1‸47.`,
      },
      { name: 'a document not in the workspace has no definition', fixture: 'Zie Kamerstuk 29 826, nr. 1‸48.' },
      {
        name: 'a motion jumps to the footnote that gives its number',
        fixture: 'De uitvoering van de motie-Kos‸tić c.s.[footnoteRef:1] volgt.\n\n[[[1:  Kamerstuk 29826, nr. 250]]]',
      },
      {
        name: 'a footnote marker jumps to its footnote',
        fixture: 'De motie[foot‸noteRef:1] volgt.\n\n[[[1:  Kamerstuk 29826, nr. 250]]]',
      },
    ];
    for (const c of cases) {
      it(c.name, async () => {
        const ws = testWorkspace();
        const opened = ws.open(c.fixture);
        assert.deepEqual(locationTexts(ws, await ws.service.definition(opened.doc, opened.cursor)), markedRanges(opened));
      });
    }
  });

  it('references: every citation in the workspace, and the cited document itself when asked', () => {
    const ws = testWorkspace();
    const opened = ws.open(
      `//- visie.md\n${VISIE.replace('29826-147', '[[29826-147]]')}Tekst.\n` +
        '//- ander.txt\nEerder: [[Kamerstuk 29826, nr. 147]].\nEn nog eens ([[Kamerstuk 29 826, nr. 147]]).\n' +
        '//- brief.txt\nZie [[Kamerstuk 29 826, nr. 1‸47]].',
    );
    assert.deepEqual(locationTexts(ws, ws.service.references(opened.doc, opened.cursor, true)), markedRanges(opened));
    assert.deepEqual(locationTexts(ws, ws.service.references(opened.doc, opened.cursor, false)), markedRanges(opened).slice(1));
  });

  it("the document's own heading is its declaration: references from it, definition on it, a hover with its facts, no outline entry", async () => {
    const heading = 'Tweede Kamer der Staten-Generaal 2\nVergaderjaar 2021–2022\n\n[[29 826 Indus‸triebeleid\n\nNr. 150]] BRIEF VAN DE MINISTER\n\nDen Haag, 3 maart 2022\n\nTekst.\n';
    const ws = testWorkspace();
    const opened = ws.open(`//- brief.txt\n${heading}//- ander.txt\nZie [[Kamerstuk 29 826, nr. 150]].`);
    assert.deepEqual(locationTexts(ws, ws.service.references(opened.doc, opened.cursor, true)), markedRanges(opened));
    assert.deepEqual(locationTexts(ws, await ws.service.definition(opened.doc, opened.cursor)), markedRanges(opened).slice(0, 1));
    expect`
**Dit document: Kamerstuk 29 826, nr. 150**

- **Datum:** 3 maart 2022
- **Dossier:** 29 826 — Industriebeleid

Ook geciteerd op 1 andere plek: [ander.txt:1](file:///ws/ander.txt#L1,5)

[officielebekendmakingen.nl](https://zoek.officielebekendmakingen.nl/kst-29826-150.html)
`.assert(((await ws.service.hover(opened.doc, opened.cursor))!.contents as { value: string }).value);
    assert.equal(outline(ws.service.documentSymbols(opened.doc)), '');
  });

  it('document links go to the official pages', () => {
    const ws = testWorkspace();
    const doc = ws.add('brief.txt', 'Kamerstuk 29826, nr. 250; Kamerstuknummer 21501-30-621; 2025D44449; dossier 35925-XVII.');
    expect`
Kamerstuk 29826, nr. 250 → https://zoek.officielebekendmakingen.nl/kst-29826-250.html
Kamerstuknummer 21501-30-621 → https://zoek.officielebekendmakingen.nl/kst-21501-30-621.html
2025D44449 → https://www.tweedekamer.nl/kamerstukken/detail?id=2025D44449&did=2025D44449
dossier 35925-XVII → https://zoek.officielebekendmakingen.nl/dossier/35925-XVII
`.assert(
      ws.service
        .documentLinks(doc)
        .map((l) => `${doc.text.slice(doc.lines.offsetAt(l.range.start), doc.lines.offsetAt(l.range.end))} → ${l.target}`)
        .join('\n'),
    );
  });

  it('Handelingen: links to the one publication a citation names, an outline entry per publication, references across the workspace', () => {
    const ws = testWorkspace();
    const opened = ws.open(
      '//- ander.txt\nEerder: ([[Handelingen II 2021/22, nr. 62, item 7]]) en [[h-tk-20212022-62-7]].\n' +
        '//- brief.txt\nZie [[Handelingen II, 2021-2022, nr. 62, it‸em 7]], Handelingen II 2021/22, nr. 63, Aanhangsel Handelingen, vergaderjaar 2021–2022, nr. 722, ' +
        'Aanhangsel Handelingen II 2021/22, nrs. 8 en 9 en Aanhangsel Handelingen II 2021/22, nr. 1456.',
    );
    assert.deepEqual(locationTexts(ws, ws.service.references(opened.doc, opened.cursor, true)), markedRanges(opened));
    const doc = opened.doc;
    expect`
Handelingen II, 2021-2022, nr. 62, item 7 → https://zoek.officielebekendmakingen.nl/h-tk-20212022-62-7.html
Aanhangsel Handelingen II 2021/22, nr. 1456 → https://zoek.officielebekendmakingen.nl/ah-tk-20212022-1456.html
`.assert(
      ws.service
        .documentLinks(doc)
        .map((l) => `${doc.text.slice(doc.lines.offsetAt(l.range.start), doc.lines.offsetAt(l.range.end))} → ${l.target}`)
        .join('\n'),
    );
    expect`
Geciteerde documenten (6)
  Handelingen II 2021/22, nr. 62, item 7 (Handelingen II, 2021-2022, nr. 62, item 7)
  Handelingen II 2021/22, nr. 63 (Handelingen II 2021/22, nr. 63)
  Aanhangsel Handelingen 2021/22, nr. 722 (Aanhangsel Handelingen, vergaderjaar 2021–2022, nr. 722)
  Aanhangsel Handelingen II 2021/22, nr. 8 (Aanhangsel Handelingen II 2021/22, nrs. 8 en 9)
  Aanhangsel Handelingen II 2021/22, nr. 9 (Aanhangsel Handelingen II 2021/22, nrs. 8 en 9)
  Aanhangsel Handelingen II 2021/22, nr. 1456 (Aanhangsel Handelingen II 2021/22, nr. 1456)
`.assert(outline(ws.service.documentSymbols(doc)));
  });

  it('the outline groups by kind, one entry per cited document', () => {
    const ws = testWorkspace();
    const doc = ws.add(
      'brief.txt',
      'Zie Kamerstuk 29826, nr. 250 en nogmaals Kamerstuk 29 826, nr. 250. De motie-Kostić c.s. vraagt EUR 5 miljoen voor het Nationaal Groeifonds, uiterlijk in Q4 van 2025.[footnoteRef:1]\n\n[1:  Bron.]',
    );
    expect`
Geciteerde documenten (1)
  Kamerstuk 29 826, nr. 250 (×2)
    Kamerstuk 29826, nr. 250 (regel 1)
    Kamerstuk 29 826, nr. 250 (regel 1)
Moties (1)
  motie-Kostić c.s. (Kostić c.s.)
Bedragen (1)
  EUR 5 miljoen (€ 5.000.000)
Termijnen (1)
  uiterlijk in Q4 van 2025 (uiterlijk 2025-12-31)
Voetnoten (1)
  [1] Bron.
Beleidsinstrumenten (1)
  Nationaal Groeifonds (nationaal-groeifonds)
`.assert(outline(ws.service.documentSymbols(doc)));
    ws.service.configure({ locale: 'en' });
    assert.equal(ws.service.documentSymbols(doc)[0]!.name, 'Cited documents');
  });

  it('workspace symbols find cited documents by number and title words', async () => {
    const ws = testWorkspace({ known: [{ id: '29826-250', type: 'Motie', title: 'Motie van het lid Kostic over een onderbouwde visie' }] });
    ws.add('visie.md', VISIE);
    ws.add('brief.txt', 'Zie Kamerstuk 29826, nr. 250 en Kamerstuk 29 826, nr. 147.');
    const names = async (q: string): Promise<string[]> => (await ws.service.workspaceSymbols(q)).map((s) => s.name);
    assert.deepEqual(await names('29826-250'), ['Kamerstuk 29 826, nr. 250']);
    assert.deepEqual(await names('onderbouwde visie'), ['Kamerstuk 29 826, nr. 250']);
    assert.deepEqual(await names('groen industriebeleid'), ['Kamerstuk 29 826, nr. 147']);
    assert.deepEqual(await names(''), ['Kamerstuk 29 826, nr. 147', 'Kamerstuk 29 826, nr. 250']);
  });
});

/** An outline as indented lines: name (detail). */
function outline(symbols: readonly DocumentSymbol[], depth = 0): string {
  return symbols.map((s) => `${'  '.repeat(depth)}${s.name}${s.detail ? ` (${s.detail})` : ''}${s.children?.length ? `\n${outline(s.children, depth + 1)}` : ''}`).join('\n');
}
