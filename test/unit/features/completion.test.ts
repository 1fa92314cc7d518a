/** Completion of Kamerstuk citations on in-memory workspaces: every item a user sees, as snapshots. */
import type { CompletionItem, MarkupContent, TextEdit } from 'vscode-languageserver-types';
import * as assert from 'node:assert/strict';
import { completion } from '../../../server/src/features/completion';
import { expect } from '../../support/expect';
import { applyTextEdits, testWorkspace, type Known } from '../../support/workspace';

const KNOWN: Known[] = [
  { id: '29826-250', type: 'Motie', title: 'Motie van het lid Kostic c.s. over een onderbouwde visie', date: '2025-03-20' },
  { id: '29826-277', type: 'Brief regering', title: 'Industriebeleid met focus', date: '2025-10-17' },
  { id: '36600-XIII-65', type: 'Brief regering', title: 'Overzicht van prioriteiten' },
];

/** Items as lines: label — detail — [documentation] — the edit's range and text. */
function render(items: readonly CompletionItem[]): string {
  if (!items.length) return '(none)';
  return items
    .map((i) => {
      const edit = i.textEdit as TextEdit;
      const doc = (i.documentation as MarkupContent | undefined)?.value.replace(/\n+/g, ' / ');
      return `${i.label} — ${i.detail ?? ''}${doc ? ` — ${doc}` : ''} — ${edit.range.start.line}:${edit.range.start.character}-${edit.range.end.character} ${JSON.stringify(edit.newText)}`;
    })
    .join('\n');
}

describe('completion of Kamerstuk citations by number', () => {
  it('offers the documents whose number starts with what was typed, with titles, in the house style', async () => {
    const ws = testWorkspace({ known: KNOWN });
    const opened = ws.open('Zie Kamerstuk 29 8‸');
    expect`
29 826, nr. 250 — Motie van het lid Kostic c.s. over een onderbouwde visie — Motie · 20 maart 2025 — 0:14-18 "29 826, nr. 250"
[1] Kamerstuk 29 826, nr. 250 — Als voetnoot 1 — Motie van het lid Kostic c.s. over een onderbouwde visie — Motie · 20 maart 2025 — 0:4-18 "[1]\\n\\n[1] Kamerstuk 29 826, nr. 250\\n"
29 826, nr. 277 — Industriebeleid met focus — Brief regering · 17 oktober 2025 — 0:14-18 "29 826, nr. 277"
[1] Kamerstuk 29 826, nr. 277 — Als voetnoot 1 — Industriebeleid met focus — Brief regering · 17 oktober 2025 — 0:4-18 "[1]\\n\\n[1] Kamerstuk 29 826, nr. 277\\n"
`.assert(render((await ws.service.completion(opened.doc, opened.cursor)).items));
  });

  it('puts what the workspace cites first and writes the compact style when asked', async () => {
    const ws = testWorkspace({ known: KNOWN, settings: { citationStyle: 'compact' } });
    const opened = ws.open('//- ander.txt\nZie Kamerstuk 29826, nr. 277 en nog eens Kamerstuk 29826, nr. 277.\n//- brief.txt\nKamerstuknummer 2982‸');
    expect`
29826, nr. 277 — Industriebeleid met focus — Brief regering · 17 oktober 2025 — 0:16-20 "29826, nr. 277"
[1] Kamerstuk 29826, nr. 277 — Als voetnoot 1 — Industriebeleid met focus — Brief regering · 17 oktober 2025 — 0:0-20 "[1]\\n\\n[1] Kamerstuk 29826, nr. 277\\n"
29826, nr. 250 — Motie van het lid Kostic c.s. over een onderbouwde visie — Motie · 20 maart 2025 — 0:16-20 "29826, nr. 250"
[1] Kamerstuk 29826, nr. 250 — Als voetnoot 1 — Motie van het lid Kostic c.s. over een onderbouwde visie — Motie · 20 maart 2025 — 0:0-20 "[1]\\n\\n[1] Kamerstuk 29826, nr. 250\\n"
`.assert(render((await ws.service.completion(opened.doc, opened.cursor)).items));
  });

  it('budget chapters', async () => {
    const ws = testWorkspace({ known: KNOWN });
    const opened = ws.open('Kamerstuk 36600-XI‸');
    expect`
36 600 XIII, nr. 65 — Overzicht van prioriteiten — Brief regering — 0:10-18 "36 600 XIII, nr. 65"
[1] Kamerstuk 36 600 XIII, nr. 65 — Als voetnoot 1 — Overzicht van prioriteiten — Brief regering — 0:0-18 "[1]\\n\\n[1] Kamerstuk 36 600 XIII, nr. 65\\n"
`.assert(render((await ws.service.completion(opened.doc, opened.cursor)).items));
  });

  it('no completion elsewhere', async () => {
    const ws = testWorkspace({ known: KNOWN });
    const opened = ws.open('Het kabinet werkt ‸');
    expect`
(none)
`.assert(render((await ws.service.completion(opened.doc, opened.cursor)).items));
  });
});

const MOTIONS: Known[] = [
  { id: '29826-250', type: 'Motie', title: 'Motie van het lid Kostić c.s. over een onderbouwde visie op industriebeleid', date: '2025-03-20', submitters: ['Kostić', 'Flach'], outcome: 'aangenomen' },
  { id: '29826-231', type: 'Motie', title: 'Motie van het lid Kostić over groene waterstof', date: '2024-11-02', submitters: ['Kostić'], outcome: 'verworpen' },
  { id: '29826-240', type: 'Motie', title: 'Motie van het lid Van der Plas over boeren', date: '2025-01-10', submitters: ['Van der Plas'] },
  { id: '29826-277', type: 'Brief regering', title: 'Industriebeleid met focus', date: '2025-10-17', documentNumber: '2025D44449' },
  { id: '29826-278', type: 'Brief regering', title: 'Verzamelbrief industrie', date: '2025-10-20', documentNumber: '2025D44512' },
];

/** The text after applying an item's edit and its additional edits. */
function applied(text: string, item: CompletionItem): string {
  return applyTextEdits(text, [item.textEdit as TextEdit, ...(item.additionalTextEdits ?? [])]);
}

describe('completion of motions, document numbers, Handelingen and titles', () => {
  it('motions by the submitter whose name is being typed, with subject, outcome and the Kamerstuk in the style', async () => {
    const ws = testWorkspace({ known: MOTIONS });
    const opened = ws.open('Zoals gevraagd in de motie van het lid Kos‸');
    expect`
Kostić c.s. (Kamerstuk 29 826, nr. 250) — Motie van het lid Kostić c.s. over een onderbouwde visie op industriebeleid — Motie · 20 maart 2025 · aangenomen — 0:39-42 "Kostić c.s. (Kamerstuk 29 826, nr. 250)"
Kostić c.s.[1] Kamerstuk 29 826, nr. 250 — Als voetnoot 1 — Motie van het lid Kostić c.s. over een onderbouwde visie op industriebeleid — Motie · 20 maart 2025 · aangenomen — 0:39-42 "Kostić c.s.[1]\\n\\n[1] Kamerstuk 29 826, nr. 250\\n"
Kostić (Kamerstuk 29 826, nr. 231) — Motie van het lid Kostić over groene waterstof — Motie · 2 november 2024 · verworpen — 0:39-42 "Kostić (Kamerstuk 29 826, nr. 231)"
Kostić[1] Kamerstuk 29 826, nr. 231 — Als voetnoot 1 — Motie van het lid Kostić over groene waterstof — Motie · 2 november 2024 · verworpen — 0:39-42 "Kostić[1]\\n\\n[1] Kamerstuk 29 826, nr. 231\\n"
`.assert(render((await ws.service.completion(opened.doc, opened.cursor)).items));
  });

  it('"motie-" and a multi-word surname; nothing for another word after "motie"', async () => {
    const ws = testWorkspace({ known: MOTIONS, settings: { citationStyle: 'compact' } });
    const opened = ws.open('Met de motie-van der‸');
    const labels = (await ws.service.completion(opened.doc, opened.cursor)).items.map((i) => i.label);
    assert.deepEqual(labels, ['Van der Plas (Kamerstuk 29826, nr. 240)', 'Van der Plas[1] Kamerstuk 29826, nr. 240']);
    const other = ws.open('De motie heeft‸');
    assert.deepEqual((await ws.service.completion(other.doc, other.cursor)).items, []);
  });

  it('a motion by the words of its title when no submitter has that name', async () => {
    const ws = testWorkspace({ known: MOTIONS });
    const opened = ws.open('Zoals de motie over groene waterstof‸');
    const labels = (await ws.service.completion(opened.doc, opened.cursor)).items.map((i) => `${i.label} — ${i.detail}`);
    assert.deepEqual(labels, ['Kostić (Kamerstuk 29 826, nr. 231) — Motie van het lid Kostić over groene waterstof', 'Kostić[1] Kamerstuk 29 826, nr. 231 — Als voetnoot 1 — Motie van het lid Kostić over groene waterstof']);
  });

  it('document numbers by their first characters, from the workspace and the catalog', async () => {
    const ws = testWorkspace({ known: MOTIONS });
    const opened = ws.open('//- a.txt\nHet verslag 2025D99999 noemt het.\n//- b.txt\nZie document 2025D4‸');
    expect`
2025D44449 — Industriebeleid met focus — Brief regering · 17 oktober 2025 — 0:13-19 "2025D44449"
[1] Kamerstuk 29 826, nr. 277 (2025D44449) — Als voetnoot 1 — Industriebeleid met focus — Brief regering · 17 oktober 2025 — 0:13-19 "[1]\\n\\n[1] Kamerstuk 29 826, nr. 277 (2025D44449)\\n"
2025D44512 — Verzamelbrief industrie — Brief regering · 20 oktober 2025 — 0:13-19 "2025D44512"
[1] Kamerstuk 29 826, nr. 278 (2025D44512) — Als voetnoot 1 — Verzamelbrief industrie — Brief regering · 20 oktober 2025 — 0:13-19 "[1]\\n\\n[1] Kamerstuk 29 826, nr. 278 (2025D44512)\\n"
`.assert(render((await ws.service.completion(opened.doc, opened.cursor)).items));
    const all = ws.open('//- a.txt\nHet verslag 2025D99999 noemt het.\n//- b.txt\nZie 2025D‸');
    assert.deepEqual((await ws.service.completion(all.doc, all.cursor)).items.filter((i) => !/\[1\]/.test(i.label)).map((i) => i.label), ['2025D99999', '2025D44449', '2025D44512']);
  });

  it('Handelingen the workspace cites, after "Handelingen II "', async () => {
    const ws = testWorkspace({ known: [{ id: 'h-tk-20212022-62-7', type: 'Handelingen', title: 'Debat over de industriepolitiek', date: '2022-03-10' }] });
    const opened = ws.open('//- a.txt\nZie Handelingen II 2021/22, nr. 62, item 7.\n//- b.txt\nIn Handelingen II 20‸');
    expect`
Handelingen II 2021/22, nr. 62, item 7 — Debat over de industriepolitiek — Handelingen · 10 maart 2022 — 0:3-20 "Handelingen II 2021/22, nr. 62, item 7"
[1] Handelingen II 2021/22, nr. 62, item 7 — Als voetnoot 1 — Debat over de industriepolitiek — Handelingen · 10 maart 2022 — 0:3-20 "[1]\\n\\n[1] Handelingen II 2021/22, nr. 62, item 7\\n"
`.assert(render((await ws.service.completion(opened.doc, opened.cursor)).items));
  });

  it('by title words: the catalog at once, the official search only online', async () => {
    const remote: Known[] = [{ id: '36410-12', type: 'Brief regering', title: 'Voortgang industriebeleid regio', date: '2026-02-01' }];
    const ws = testWorkspace({ known: MOTIONS, remote });
    const opened = ws.open('Zie Kamerstuk industriebeleid‸');
    const offline = await ws.service.completion(opened.doc, opened.cursor);
    assert.deepEqual(offline.items.filter((i) => !/\[1\]/.test(i.label)).map((i) => i.label), ['29 826, nr. 250', '29 826, nr. 277']);
    ws.service.configure({ online: true });
    const online = await ws.service.completion(opened.doc, opened.cursor);
    assert.deepEqual(online.items.filter((i) => !/\[1\]/.test(i.label)).map((i) => `${i.label} ${i.detail}`), [
      '29 826, nr. 250 Motie van het lid Kostić c.s. over een onderbouwde visie op industriebeleid',
      '29 826, nr. 277 Industriebeleid met focus',
      '36 410, nr. 12 Voortgang industriebeleid regio',
    ]);
    assert.equal(online.isIncomplete, true);
  });

  it('a slow official search does not hold the list: what is local comes after the short wait', async () => {
    const ws = testWorkspace({ known: MOTIONS });
    ws.service.configure({ online: true });
    let asked = 0;
    const original = ws.service.catalog.searchRemote.bind(ws.service.catalog);
    ws.service.catalog.searchRemote = (() => {
      asked++;
      return new Promise<never>(() => undefined);
    }) as typeof original;
    const opened = ws.open('Zie Kamerstuk industriebeleid‸');
    const started = Date.now();
    const result = await completion(opened.doc, opened.cursor, ws.service.context(), 'official', 50);
    assert.ok(Date.now() - started < 1000);
    assert.equal(asked, 1);
    assert.deepEqual(result.items.filter((i) => !/\[1\]/.test(i.label)).map((i) => i.label), ['29 826, nr. 250', '29 826, nr. 277']);
    assert.equal(result.isIncomplete, true);
  });

  it('the footnote variant in Markdown goes after the last definition, numbered after the highest', async () => {
    const ws = testWorkspace({ known: MOTIONS });
    const text = 'Eerste punt.[^1] Tweede.[^3]\n\nZie Kamerstuk 29 826, nr. 27‸ verder.\n\n[^1]: Kamerstuk 29 826, nr. 250\n[^3]: Brief.\n\nSlot.\n';
    const opened = ws.open(`//- brief.md\n${text}`);
    const item = (await ws.service.completion(opened.doc, opened.cursor)).items.find((i) => i.label.toString().startsWith('[^4]'))!;
    expect`
Eerste punt.[^1] Tweede.[^3]

Zie [^4] verder.

[^1]: Kamerstuk 29 826, nr. 250
[^3]: Brief.
[^4]: Kamerstuk 29 826, nr. 277

Slot.
`.assert(applied(opened.doc.text, item));
  });

  it('the footnote variant in a Word export: a footnoteRef marker, the body at the end of the paragraph', async () => {
    const ws = testWorkspace({ known: MOTIONS, settings: { citationStyle: 'compact' } });
    const text = 'Eerder schreven wij[footnoteRef:1] dit.  [1: Kamerstuk 29826, nr. 250]\nDe motie-Kos‸ vraagt om meer.\nSlot.\n';
    const opened = ws.open(text);
    const item = (await ws.service.completion(opened.doc, opened.cursor)).items.find((i) => /footnoteRef:2/.test(i.label))!;
    expect`
Eerder schreven wij[footnoteRef:1] dit.  [1: Kamerstuk 29826, nr. 250]
De motie-Kostić c.s.[footnoteRef:2] vraagt om meer.  [2: Kamerstuk 29826, nr. 250]
Slot.
`.assert(applied(opened.doc.text, item));
  });

  it('the bundled data: motions by a real submitter, with their outcome', async function () {
    this.timeout(20_000);
    const ws = testWorkspace({ bundled: true });
    const opened = ws.open('de motie van het lid Kost‸');
    const items = (await ws.service.completion(opened.doc, opened.cursor)).items;
    assert.ok(items.length > 0, 'no motions of Kostić in the bundled data');
    assert.ok(items.every((i) => /^Kosti[cć]/.test(i.label)), items.map((i) => i.label).join('\n'));
    const numbered = ws.open('Zie 2025D1219‸');
    const labels = (await ws.service.completion(numbered.doc, numbered.cursor)).items.map((i) => i.label);
    assert.ok(labels.includes('2025D12193'), labels.join(', '));
  });
});
