/** The Citations view's data on in-memory workspaces: every citation per place, its kind, title and status. */
import * as assert from 'node:assert/strict';
import { citationList, type ListedCitation } from '../../../server/src/features/citationList';
import { expect } from '../../support/expect';
import { testWorkspace, type Known, type TestWorkspace } from '../../support/workspace';

const KNOWN: Known[] = [
  { id: '29826-250', type: 'Motie', title: 'Motie van het lid Kostić c.s. over een onderbouwde visie', date: '2025-03-20', submitters: ['Kostić', 'Flach'], outcome: 'aangenomen' },
  { id: '29826-277', type: 'Brief regering', title: 'Industriebeleid met focus', date: '2025-10-17', documentNumber: '2025D44449' },
  { id: '29826-100', type: 'Brief regering', title: 'Oude brief', date: '2019-01-01', replacedBy: '29826-101' },
];

async function list(ws: TestWorkspace, beforeListing?: () => void): Promise<ListedCitation[]> {
  const checked = [];
  for (const doc of ws.service.index.wholeDocuments()) checked.push({ doc, findings: await ws.service.findings(doc) });
  beforeListing?.();
  return citationList(checked, ws.service.context());
}

const render = (items: readonly ListedCitation[]): string =>
  items.map((c) => `${c.uri.split('/').pop()} ${c.kind} [${c.status}] ${c.citation}${c.title ? ` — ${c.title}` : ''} @${c.span.offset}`).join('\n');

describe('the citation list (Citations view)', () => {
  it('every citation of a document per place, by kind, with title and status', async () => {
    const ws = testWorkspace({ known: KNOWN });
    ws.open(
      [
        'Met de motie-Kostić c.s. (Kamerstuk 29826, nr. 250) vroeg de Kamer om een visie.',
        'Die visie staat in Kamerstuk 29 826, nr. 277 (2025D44449), zie ook Kamerstuk 29826, nr. 100.',
        'Kamerstuk 35420, 57 en Kamerstuk 31 239, nr. 999 en Handelingen II 2021/22, nr. 62, item 7.',
      ].join('\n'),
    );
    expect`
brief.txt motion [known] motie-Kostić c.s. (Kamerstuk 29 826, nr. 250) — Motie van het lid Kostić c.s. over een onderbouwde visie @7
brief.txt kamerstuk [known] Kamerstuk 29 826, nr. 250 — Motie van het lid Kostić c.s. over een onderbouwde visie @26
brief.txt kamerstuk [known] Kamerstuk 29 826, nr. 277 — Industriebeleid met focus @100
brief.txt documentNumber [known] 2025D44449 — Industriebeleid met focus @127
brief.txt kamerstuk [stale] Kamerstuk 29 826, nr. 100 — Oude brief @148
brief.txt kamerstuk [malformed] Kamerstuk 35 420, nr. 57 @174
brief.txt kamerstuk [unknown] Kamerstuk 31 239, nr. 999 @197
brief.txt handelingen [unknown] Handelingen II 2021/22, nr. 62, item 7 @226
`.assert(render(await list(ws)));
  });

  it('the whole workspace, file by file; one lookup per cited document', async () => {
    const ws = testWorkspace({ known: KNOWN });
    ws.open('//- a.txt\nZie Kamerstuk 29826, nr. 277.\n//- b.md\nZie ook Kamerstuk 29826, nr. 277 en 2025D44449.');
    let asked = 0;
    const lookup = ws.service.catalog.lookupKamerstuk.bind(ws.service.catalog);
    const items = await list(ws, () => {
      ws.service.catalog.lookupKamerstuk = ((id) => (asked++, lookup(id))) as typeof lookup;
    });
    assert.deepEqual(items.map((c) => `${c.uri.split('/').pop()} ${c.citation}`), ['a.txt Kamerstuk 29 826, nr. 277', 'b.md Kamerstuk 29 826, nr. 277', 'b.md 2025D44449']);
    assert.equal(asked, 1);
  });

  it('a citation whose description does not fit is wrong', async () => {
    const ws = testWorkspace({ known: KNOWN });
    ws.open('In de Kamerbrief over industriebeleid met focus (Kamerstuk 29826, nr. 250) staat het.');
    const items = await list(ws);
    assert.deepEqual(items.map((c) => c.status), ['wrong']);
  });
});
