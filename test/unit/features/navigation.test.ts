import * as assert from 'node:assert/strict';
import { definition } from '../../../server/src/features/definition';
import { documentLinks } from '../../../server/src/features/documentLinks';
import { documentSymbols } from '../../../server/src/features/documentSymbols';
import { references } from '../../../server/src/features/references';
import { workspaceSymbols } from '../../../server/src/features/workspaceSymbols';
import { withCursor } from '../../support/cursor';
import { memoryWorkspace } from '../../support/memoryWorkspace';

const VISIE = '---\nkamerstuk: 29826-147\ntitel: Het verschil maken met strategisch en groen industriebeleid\ndatum: 2022-07-08\n---\nHierbij bied ik u de visie aan.\n';

describe('definition, references, links and symbols', () => {
  it('a Kamerstuk jumps to the workspace document that is it', () => {
    const ws = memoryWorkspace();
    ws.add('visie.md', VISIE);
    const { text, offset } = withCursor('Zie Kamerstuk 29 826, nr. 1‸47.');
    const doc = ws.add('brief.txt', text);
    const locs = definition(doc, offset, ws.ctx());
    assert.deepEqual(locs.map((l) => l.uri), ['file:///ws/visie.md']);
  });

  it('lands at the start of a document that names itself only in a page footer far down', () => {
    const ws = memoryWorkspace();
    ws.add('visie.txt', 'Hierbij bied ik u de visie aan.\n' + 'Tekst.\n'.repeat(80) + 'Tweede Kamer, vergaderjaar 2021–2022, 29 826, nr. 147 3\n');
    const { text, offset } = withCursor('Zie Kamerstuk 29 826, nr. 1‸47.');
    const [loc] = definition(ws.add('brief.txt', text), offset, ws.ctx());
    assert.equal(loc!.uri, 'file:///ws/visie.txt');
    assert.deepEqual(loc!.range.start, { line: 0, character: 0 });
  });

  it('a document not in the workspace has no definition', () => {
    const ws = memoryWorkspace();
    const { text, offset } = withCursor('Zie Kamerstuk 29 826, nr. 1‸48.');
    assert.deepEqual(definition(ws.add('brief.txt', text), offset, ws.ctx()), []);
  });

  it('a motion jumps to the footnote that gives its number; a marker to its footnote', () => {
    const ws = memoryWorkspace();
    const { text, offset } = withCursor('De uitvoering van de motie-Kos‸tić c.s.[footnoteRef:1] volgt.\n\n[1:  Kamerstuk 29826, nr. 250]');
    const doc = ws.add('brief.txt', text);
    const [loc] = definition(doc, offset, ws.ctx());
    assert.equal(loc!.range.start.line, 2);
    const marker = text.indexOf('[footnoteRef:1]') + 3;
    const [toNote] = definition(doc, marker, ws.ctx());
    assert.equal(toNote!.range.start.line, 2);
  });

  it('references: every citation in the workspace and the cited document itself', () => {
    const ws = memoryWorkspace();
    ws.add('visie.md', VISIE);
    ws.add('ander.txt', 'Eerder: Kamerstuk 29826, nr. 147.\nEn nog eens (Kamerstuk 29 826, nr. 147).');
    const { text, offset } = withCursor('Zie Kamerstuk 29 826, nr. 1‸47.');
    const doc = ws.add('brief.txt', text);
    const withDecl = references(doc, offset, true, ws.ctx());
    assert.deepEqual(withDecl.map((l) => `${l.uri.split('/').pop()}:${l.range.start.line}`), ['visie.md:1', 'ander.txt:0', 'ander.txt:1', 'brief.txt:0']);
    assert.equal(references(doc, offset, false, ws.ctx()).length, 3);
  });

  it('document links go to the official pages', () => {
    const ws = memoryWorkspace();
    const doc = ws.add('brief.txt', 'Kamerstuk 29826, nr. 250; Kamerstuknummer 21501-30-621; 2025D44449; dossier 35925-XVII.');
    assert.deepEqual(documentLinks(doc, { locale: 'nl' }).map((l) => l.target), [
      'https://zoek.officielebekendmakingen.nl/kst-29826-250.html',
      'https://zoek.officielebekendmakingen.nl/kst-21501-30-621.html',
      'https://www.tweedekamer.nl/kamerstukken/detail?id=2025D44449&did=2025D44449',
      'https://zoek.officielebekendmakingen.nl/dossier/35925-XVII',
    ]);
  });

  it('the outline groups by kind, one entry per cited document', () => {
    const ws = memoryWorkspace();
    const doc = ws.add(
      'brief.txt',
      'Zie Kamerstuk 29826, nr. 250 en nogmaals Kamerstuk 29 826, nr. 250. De motie-Kostić c.s. vraagt EUR 5 miljoen, uiterlijk in Q4 van 2025.[footnoteRef:1]\n\n[1:  Bron.]',
    );
    const symbols = documentSymbols(doc, { locale: 'nl' });
    assert.deepEqual(symbols.map((s) => s.name), ['Geciteerde documenten', 'Moties', 'Bedragen', 'Termijnen', 'Voetnoten']);
    const cited = symbols[0]!.children!;
    assert.equal(cited.length, 1);
    assert.equal(cited[0]!.name, 'Kamerstuk 29 826, nr. 250');
    assert.equal(cited[0]!.children!.length, 2);
    assert.equal(symbols[2]!.children![0]!.detail, '€ 5.000.000');
    assert.equal(documentSymbols(doc, { locale: 'en' })[0]!.name, 'Cited documents');
  });

  it('workspace symbols find cited documents by number and title words', async () => {
    const ws = memoryWorkspace({ known: [{ id: '29826-250', type: 'Motie', title: 'Motie van het lid Kostic over een onderbouwde visie' }] });
    ws.add('visie.md', VISIE);
    ws.add('brief.txt', 'Zie Kamerstuk 29826, nr. 250 en Kamerstuk 29 826, nr. 147.');
    const names = async (q: string): Promise<string[]> => (await workspaceSymbols(q, ws.ctx())).map((s) => s.name);
    assert.deepEqual(await names('29826-250'), ['Kamerstuk 29 826, nr. 250']);
    assert.deepEqual(await names('onderbouwde visie'), ['Kamerstuk 29 826, nr. 250']);
    assert.deepEqual(await names('groen industriebeleid'), ['Kamerstuk 29 826, nr. 147']);
    assert.equal((await names('')).length, 2);
  });
});
