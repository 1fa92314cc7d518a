/** Completion of Kamerstuk citations on in-memory workspaces: every item a user sees, as snapshots. */
import type { CompletionItem, MarkupContent, TextEdit } from 'vscode-languageserver-types';
import { expect } from '../../support/expect';
import { testWorkspace, type Known } from '../../support/workspace';

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

describe('completion of Kamerstuk citations', () => {
  it('offers the documents whose number starts with what was typed, with titles, in the house style', async () => {
    const ws = testWorkspace({ known: KNOWN });
    const opened = ws.open('Zie Kamerstuk 29 8‸');
    expect`
29 826, nr. 250 — Motie van het lid Kostic c.s. over een onderbouwde visie — Motie · 20 maart 2025 — 0:14-18 "29 826, nr. 250"
29 826, nr. 277 — Industriebeleid met focus — Brief regering · 17 oktober 2025 — 0:14-18 "29 826, nr. 277"
`.assert(render(await ws.service.completion(opened.doc, opened.cursor)));
  });

  it('puts what the workspace cites first and writes the compact style when asked', async () => {
    const ws = testWorkspace({ known: KNOWN, settings: { citationStyle: 'compact' } });
    const opened = ws.open('//- ander.txt\nZie Kamerstuk 29826, nr. 277 en nog eens Kamerstuk 29826, nr. 277.\n//- brief.txt\nKamerstuknummer 2982‸');
    expect`
29826, nr. 277 — Industriebeleid met focus — Brief regering · 17 oktober 2025 — 0:16-20 "29826, nr. 277"
29826, nr. 250 — Motie van het lid Kostic c.s. over een onderbouwde visie — Motie · 20 maart 2025 — 0:16-20 "29826, nr. 250"
`.assert(render(await ws.service.completion(opened.doc, opened.cursor)));
  });

  it('budget chapters', async () => {
    const ws = testWorkspace({ known: KNOWN });
    const opened = ws.open('Kamerstuk 36600-XI‸');
    expect`
36 600 XIII, nr. 65 — Overzicht van prioriteiten — Brief regering — 0:10-18 "36 600 XIII, nr. 65"
`.assert(render(await ws.service.completion(opened.doc, opened.cursor)));
  });

  it('no completion elsewhere', async () => {
    const ws = testWorkspace({ known: KNOWN });
    const opened = ws.open('Het kabinet werkt ‸');
    expect`
(none)
`.assert(render(await ws.service.completion(opened.doc, opened.cursor)));
  });
});
