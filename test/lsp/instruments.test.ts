import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, Diagnostic, DocumentSymbol, Hover, Location, MarkupContent } from 'vscode-languageserver-types';
import { LspSession, positionOf } from '../support/lspClient';
import { seedsDir } from '../support/paths';

const hoverText = (h: Hover | null): string => (h ? (h.contents as MarkupContent).value : '');

describe('language server: policy instruments', function () {
  this.timeout(60000);

  describe('on the seeds workspace', () => {
    let lsp: LspSession;
    const file = path.join(seedsDir, '002_185b39cd919789ed.txt');
    const uri = pathToFileURL(file).toString();
    const text = fs.readFileSync(file, 'utf8');

    before(async () => {
      lsp = await LspSession.start({ folders: [seedsDir], locale: 'nl', settings: { today: '2026-11-23' } });
    });
    after(async () => lsp?.stop());

    it('hover on an instrument in a seed shows its glossary entry', async () => {
      const h = await lsp.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionOf(text, 'WBSO', 1) });
      const value = hoverText(h);
      assert.match(value, /^\*\*WBSO\*\* · fiscale regeling/);
      assert.match(value, /Fiscale regeling waarmee bedrijven een deel van de loonkosten/);
      assert.match(value, /rvo\.nl\/wbso/);
    });

    it('hover on a full name in another seed, in English when the settings say so', async () => {
      const other = path.join(seedsDir, '004_845066ec087d8ccf.txt');
      const otherText = fs.readFileSync(other, 'utf8');
      const en = await LspSession.start({ folders: [seedsDir], locale: 'nl', settings: { today: '2026-11-23', language: 'en' } });
      try {
        const h = await en.request<Hover | null>('textDocument/hover', {
          textDocument: { uri: pathToFileURL(other).toString() },
          position: positionOf(otherText, 'Defensie Industrie Strategie', 3),
        });
        const value = hoverText(h);
        assert.match(value, /^\*\*Defensie Industrie Strategie\*\* · strategy/);
        assert.match(value, /\[Kamerstuk 31 125, nr\. 92\]\(https:\/\/zoek\.officielebekendmakingen\.nl\/kst-31125-92\.html\)/);
      } finally {
        await en.stop();
      }
    });

    it('the outline has a group of policy instruments', async () => {
      const symbols = await lsp.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
      const group = symbols.find((s) => s.name === 'Beleidsinstrumenten');
      assert.ok(group, symbols.map((s) => s.name).join(', '));
      assert.ok(group.children!.some((c) => c.name === 'WBSO'));
      assert.ok(group.children!.some((c) => c.name === 'Nationale Technologiestrategie'));
    });
  });

  describe('with a workspace glossary', () => {
    let lsp: LspSession;
    let dir: string;
    let glossaryFile: string;
    let letterUri: string;
    const letter = 'Geachte Voorzitter,\n\nDe subsidieregeling DUMAVA en de WBSO helpen. Ook de SCE-regeling helpt.\n';
    const glossaryText = (description: string): string =>
      JSON.stringify(
        {
          version: 1,
          entries: [
            { id: 'wbso', description: { nl: description } },
            { id: 'dumava', name: 'DUMAVA', abbreviations: ['DUMAVA'], kind: 'subsidieregeling', description: { nl: 'Subsidie voor maatschappelijk vastgoed.' } },
          ],
        },
        null,
        2,
      ) + '\n';

    before(async () => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kamerwijzer-glossary-'));
      fs.mkdirSync(path.join(dir, '.kamerwijzer'));
      glossaryFile = path.join(dir, '.kamerwijzer', 'glossary.json');
      fs.writeFileSync(glossaryFile, glossaryText('Eerste eigen uitleg.'));
      fs.writeFileSync(path.join(dir, 'brief.txt'), letter);
      letterUri = pathToFileURL(path.join(dir, 'brief.txt')).toString();
      lsp = await LspSession.start({ folders: [dir], locale: 'nl', settings: { today: '2026-11-23' } });
    });
    after(async () => {
      await lsp?.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    });

    it('hover shows the workspace entry, marked as such', async () => {
      const h = await lsp.request<Hover | null>('textDocument/hover', { textDocument: { uri: letterUri }, position: positionOf(letter, 'DUMAVA', 2) });
      assert.match(hoverText(h), /^\*\*DUMAVA\*\* · subsidieregeling \(werkmap\)/);
      const wbso = await lsp.request<Hover | null>('textDocument/hover', { textDocument: { uri: letterUri }, position: positionOf(letter, 'WBSO', 1) });
      assert.match(hoverText(wbso), /Eerste eigen uitleg\./);
    });

    it('definition jumps to the entry in .kamerwijzer/glossary.json', async () => {
      const locs = await lsp.request<Location[]>('textDocument/definition', { textDocument: { uri: letterUri }, position: positionOf(letter, 'DUMAVA', 2) });
      assert.equal(locs.length, 1);
      assert.equal(locs[0]!.uri, pathToFileURL(glossaryFile).toString());
      const line = fs.readFileSync(glossaryFile, 'utf8').split('\n')[locs[0]!.range.start.line]!;
      assert.match(line, /"id": "dumava"/);
    });

    it('an open letter gets the instrument findings, and "add to glossary" extends the file', async () => {
      await lsp.notify('textDocument/didOpen', { textDocument: { uri: letterUri, languageId: 'plaintext', version: 1, text: letter } });
      const { items: diagnostics } = await lsp.request<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri: letterUri } });
      const codes = diagnostics.map((d) => `${String(d.code)} ${d.message}`);
      assert.ok(codes.some((c) => c.startsWith('instrument-unknown-abbreviation ‘SCE’')), codes.join('\n'));
      assert.ok(codes.some((c) => c.startsWith('instrument-abbreviation-before-full-name ‘WBSO’')), codes.join('\n'));
      const sce = diagnostics.find((d) => d.code === 'instrument-unknown-abbreviation')!;
      const actions = await lsp.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: letterUri }, range: sce.range, context: { diagnostics: [sce] } });
      const add = actions.find((a) => a.title.startsWith('Voeg ‘SCE’ toe aan de woordenlijst'));
      assert.ok(add, actions.map((a) => a.title).join(', '));
      const edits = add.edit!.changes![pathToFileURL(glossaryFile).toString()]!;
      assert.equal(edits.length, 1);
      assert.match(edits[0]!.newText, /"id": "sce"/);
    });

    it('reloads the glossary when the file changes, and warns once about a broken one', async () => {
      fs.writeFileSync(glossaryFile, glossaryText('Tweede eigen uitleg.'));
      await lsp.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(glossaryFile).toString(), type: 2 }] });
      const h = await lsp.request<Hover | null>('textDocument/hover', { textDocument: { uri: letterUri }, position: positionOf(letter, 'WBSO', 1) });
      assert.match(hoverText(h), /Tweede eigen uitleg\./);

      const warnings: string[] = [];
      lsp.connection.onNotification('window/showMessage', (p: { type: number; message: string }) => {
        warnings.push(p.message);
      });
      fs.writeFileSync(glossaryFile, '{ "entries": [ ');
      for (let i = 0; i < 2; i++) await lsp.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(glossaryFile).toString(), type: 2 }] });
      const bundled = await lsp.request<Hover | null>('textDocument/hover', { textDocument: { uri: letterUri }, position: positionOf(letter, 'WBSO', 1) });
      assert.match(hoverText(bundled), /Fiscale regeling waarmee bedrijven/, 'the bundled glossary stays in use');
      assert.equal(await lsp.request<Hover | null>('textDocument/hover', { textDocument: { uri: letterUri }, position: positionOf(letter, 'DUMAVA', 2) }), null);
      assert.equal(warnings.length, 1, warnings.join('\n'));
      assert.match(warnings[0]!, /woordenlijst .*glossary\.json is niet bruikbaar \(not valid JSON/);
    });
  });
});
