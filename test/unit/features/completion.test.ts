import * as assert from 'node:assert/strict';
import type { TextEdit } from 'vscode-languageserver-types';
import { completion } from '../../../server/src/features/completion';
import { withCursor } from '../../support/cursor';
import { memoryWorkspace } from '../../support/memoryWorkspace';

const KNOWN = [
  { id: '29826-250', type: 'Motie', title: 'Motie van het lid Kostic c.s. over een onderbouwde visie', date: '2025-03-20' },
  { id: '29826-277', type: 'Brief regering', title: 'Industriebeleid met focus', date: '2025-10-17' },
  { id: '36600-XIII-65', type: 'Brief regering', title: 'Overzicht van prioriteiten' },
];

describe('completion of Kamerstuk citations', () => {
  it('offers the documents whose number starts with what was typed, with titles, in the house style', async () => {
    const ws = memoryWorkspace({ known: KNOWN });
    const { text, offset } = withCursor('Zie Kamerstuk 29 8‸');
    const items = await completion(ws.add('brief.txt', text), offset, ws.ctx(), 'official');
    assert.deepEqual(items.map((i) => i.label).sort(), ['29 826, nr. 250', '29 826, nr. 277']);
    const item = items.find((i) => i.label === '29 826, nr. 277')!;
    assert.equal(item.detail, 'Industriebeleid met focus');
    assert.equal((item.textEdit as TextEdit).newText, '29 826, nr. 277');
    assert.deepEqual((item.textEdit as TextEdit).range.start, { line: 0, character: 14 });
  });

  it('puts what the workspace cites first and writes the compact style when asked', async () => {
    const ws = memoryWorkspace({ known: KNOWN });
    ws.add('ander.txt', 'Zie Kamerstuk 29826, nr. 277 en nog eens Kamerstuk 29826, nr. 277.');
    const { text, offset } = withCursor('Kamerstuknummer 2982‸');
    const items = await completion(ws.add('brief.txt', text), offset, ws.ctx(), 'compact');
    assert.equal(items[0]!.label, '29826, nr. 277');
  });

  it('budget chapters and no completion elsewhere', async () => {
    const ws = memoryWorkspace({ known: KNOWN });
    const a = withCursor('Kamerstuk 36600-XI‸');
    assert.deepEqual((await completion(ws.add('a.txt', a.text), a.offset, ws.ctx(), 'official')).map((i) => i.label), ['36 600 XIII, nr. 65']);
    const b = withCursor('Het kabinet werkt ‸');
    assert.deepEqual(await completion(ws.add('b.txt', b.text), b.offset, ws.ctx(), 'official'), []);
  });
});
