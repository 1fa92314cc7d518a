import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DocumentLink, DocumentSymbol, Hover, Location, MarkupContent, SymbolInformation } from 'vscode-languageserver-types';
import { CHECK_REQUEST, CITATIONS_REQUEST, DOCUMENTS_REQUEST, SERVER_COMMANDS, type CheckResult, type CitationsResult, type ReportResult } from '../../server/src/protocol';
import { LspSession, positionOf } from '../support/lspClient';
import { seedsDir } from '../support/paths';

const seed = (name: string): { uri: string; text: string } => {
  const file = path.join(seedsDir, name);
  return { uri: pathToFileURL(file).toString(), text: fs.readFileSync(file, 'utf8') };
};

const S002 = seed('002_185b39cd919789ed.txt');
const S003 = seed('003_5ba8678b3eddeb36.txt');
const S004 = seed('004_845066ec087d8ccf.txt');
const S001 = seed('001_6eee23a5c68b1126.txt');

const hoverText = (h: Hover | null): string => (h ? (h.contents as MarkupContent).value : '');

describe('language server over stdio on the seeds workspace', function () {
  this.timeout(60000);
  let lsp: LspSession;

  before(async () => {
    lsp = await LspSession.start({ folders: [seedsDir], locale: 'nl', settings: { today: '2026-11-23' } });
  });
  after(async () => lsp?.stop());

  it('announces its features', () => {
    const caps = lsp.initializeResult.capabilities;
    assert.ok(caps.hoverProvider && caps.definitionProvider && caps.referencesProvider && caps.documentSymbolProvider && caps.workspaceSymbolProvider);
    assert.ok(caps.documentLinkProvider);
  });

  it('indexed all five seeds', async () => {
    const status = await lsp.request<{ indexedDocuments: number; scanning: boolean }>('kamerwijzer/status', {});
    assert.equal(status.indexedDocuments, 5);
    assert.equal(status.scanning, false);
  });

  it('hover on a cited motion shows its title, type, date, submitters and links', async () => {
    const h = await lsp.request<Hover | null>('textDocument/hover', {
      textDocument: { uri: S003.uri },
      position: positionOf(S003.text, 'Kamerstuk 29826, nr. 250', 12),
    });
    const text = hoverText(h);
    assert.match(text, /Kamerstuk 29 826, nr\. 250/);
    assert.match(text, /Motie/);
    assert.match(text, /onderbouwde visie/);
    assert.match(text, /20 maart 2025/);
    assert.match(text, /Kosti/);
    assert.match(text, /Industriebeleid/);
    assert.match(text, /https:\/\/zoek\.officielebekendmakingen\.nl\/kst-29826-250\.html/);
    assert.match(text, /tweedekamer\.nl\/kamerstukken\/detail\?id=2025D12193&did=2025D12193/);
    // Cited elsewhere in the workspace (seed 002 cites it as Kamerstuknummer 29826-250).
    assert.match(text, /002_185b39cd919789ed\.txt/);
  });

  it('inlay hints: a deadline without its date written, resolved against the letter', async () => {
    assert.ok(lsp.initializeResult.capabilities.inlayHintProvider);
    const end = S003.text.split('\n').length;
    const hints = await lsp.request<{ position: { line: number; character: number }; label: string }[]>('textDocument/inlayHint', {
      textDocument: { uri: S003.uri },
      range: { start: { line: 0, character: 0 }, end: { line: end, character: 0 } },
    });
    assert.ok(hints.length > 0);
    for (const h of hints) assert.match(h.label, /^(?:≤ )?\d{1,2} \p{L}{3} \d{4}(?: – \d{1,2} \p{L}{3} \d{4})?$|^€ |^\p{L}+(?:, \d{1,2} \p{L}{3} \d{4})?$/u);
  });

  it('exports the citation report of a document or of the workspace (Export citation report)', async () => {
    const one = await lsp.request<ReportResult>('workspace/executeCommand', { command: SERVER_COMMANDS.report, arguments: [{ uri: S003.uri, format: 'md' }] });
    assert.equal(one.documents, 1);
    assert.match(one.content!, /^# Citatierapport\n/);
    assert.match(one.content!, /\[Kamerstuk 29 826, nr\. 250\]\(https:\/\/zoek\.officielebekendmakingen\.nl\/kst-29826-250\.html\) \| Motie — /);
    assert.match(one.content!, /003\\_5ba8678b3eddeb36\.txt:\d+/);
    const all = await lsp.request<ReportResult>('workspace/executeCommand', { command: SERVER_COMMANDS.report, arguments: [{ format: 'csv' }] });
    assert.equal(all.documents, 5);
    assert.match(all.content!, /^Citatie,Kenmerk,/);
    assert.match(all.content!, /001_6eee23a5c68b1126\.txt:/);
  });

  it('hover on an unknown Kamerstuk says so and still links', async () => {
    const h = await lsp.request<Hover | null>('textDocument/hover', {
      textDocument: { uri: S004.uri },
      position: positionOf(S004.text, 'Kamerstuk 35 753, nr. 2', 12),
    });
    const text = hoverText(h);
    assert.match(text, /Niet bekend/);
    assert.match(text, /kst-35753-2\.html/);
  });

  it('definition of Kamerstuk 29826, nr. 277 in seed 003 opens seed 002', async () => {
    const locs = await lsp.request<Location[]>('textDocument/definition', {
      textDocument: { uri: S003.uri },
      position: positionOf(S003.text, 'Kamerstuk 29826, nr. 277', 5),
    });
    assert.equal(locs.length, 1);
    assert.equal(locs[0]!.uri, S002.uri);
  });

  it('definition of Kamerstuk 29 826, nr. 147 in seed 004 opens seed 001', async () => {
    const locs = await lsp.request<Location[]>('textDocument/definition', {
      textDocument: { uri: S004.uri },
      position: positionOf(S004.text, 'Kamerstuk 29 826, nr. 147', 5),
    });
    assert.equal(locs.length, 1);
    assert.equal(locs[0]!.uri, S001.uri);
  });

  it('definition of a document not in the workspace gives no location', async () => {
    const locs = await lsp.request<Location[] | null>('textDocument/definition', {
      textDocument: { uri: S004.uri },
      position: positionOf(S004.text, 'Kamerstuk 35 753, nr. 2', 5),
    });
    assert.deepEqual(locs ?? [], []);
  });

  it('references of 29826-277 include both citations in 003 and the header of 002', async () => {
    const locs = await lsp.request<Location[]>('textDocument/references', {
      textDocument: { uri: S003.uri },
      position: positionOf(S003.text, 'Kamerstuk 29826, nr. 277', 5),
      context: { includeDeclaration: true },
    });
    const in003 = locs.filter((l) => l.uri === S003.uri);
    const in002 = locs.filter((l) => l.uri === S002.uri);
    assert.equal(in003.length, 2);
    assert.ok(in002.length >= 1, 'the cited letter itself');
    assert.ok(in002.some((l) => l.range.start.line < 12), 'its header');
  });

  it('document links open the official pages', async () => {
    const links = await lsp.request<DocumentLink[]>('textDocument/documentLink', { textDocument: { uri: S003.uri } });
    const targets = links.map((l) => l.target);
    assert.ok(targets.includes('https://zoek.officielebekendmakingen.nl/kst-29826-250.html'));
    assert.ok(targets.includes('https://zoek.officielebekendmakingen.nl/kst-29826-277.html'));
    assert.ok(targets.includes('https://zoek.officielebekendmakingen.nl/kst-29826-265.html'));
  });

  it('document symbols group the outline by kind', async () => {
    const symbols = await lsp.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: S003.uri } });
    const groups = symbols.map((s) => s.name);
    assert.ok(groups.includes('Geciteerde documenten'), groups.join(', '));
    assert.ok(groups.includes('Moties'));
    const cited = symbols.find((s) => s.name === 'Geciteerde documenten')!;
    assert.deepEqual(
      cited.children!.map((c) => c.name).sort(),
      ['Kamerstuk 29 826, nr. 250', 'Kamerstuk 29 826, nr. 265', 'Kamerstuk 29 826, nr. 277'],
    );
  });

  it('completion after "Kamerstuk " offers known documents with their titles', async () => {
    const uri = pathToFileURL(path.join(seedsDir, 'concept.md')).toString();
    await lsp.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: 'Zie Kamerstuk 29 826, nr. 2' } });
    const list = await lsp.request<{ items: { label: string; detail?: string }[] }>('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: 27 } });
    const item = list.items.find((i) => i.label === '29 826, nr. 277');
    assert.ok(item, list.items.map((i) => i.label).join(', '));
    assert.equal(item.detail, 'Industriebeleid met focus');
    await lsp.notify('textDocument/didClose', { textDocument: { uri } });
  });

  it('"-" brings completion up as "motie-" is typed (Markdown suggests nothing while words are typed)', async () => {
    assert.deepEqual(lsp.initializeResult.capabilities.completionProvider?.triggerCharacters, [' ', '-']);
    const uri = pathToFileURL(path.join(seedsDir, 'concept3.md')).toString();
    await lsp.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: 'Zoals de motie-' } });
    const list = await lsp.request<{ items: { label: string }[] }>('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: 15 }, context: { triggerKind: 2, triggerCharacter: '-' } });
    assert.ok(list.items.length > 0 && list.items.every((i) => /\(Kamerstuk \d/.test(i.label) || /Kamerstuk \d/.test(i.label)), list.items.map((i) => i.label).join('\n'));
    await lsp.notify('textDocument/didClose', { textDocument: { uri } });
  });

  it('completion of a motion by its submitter, and of a footnote in the Markdown style with the next free number', async () => {
    const uri = pathToFileURL(path.join(seedsDir, 'concept2.md')).toString();
    const text = 'Eerder[^1] schreven wij.\n\nDe motie van het lid Kos\n\n[^1]: Kamerstuk 29 826, nr. 277\n';
    await lsp.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    type Item = { label: string; detail?: string; labelDetails?: { description?: string }; textEdit: { newText: string }; additionalTextEdits?: { newText: string; range: { start: { line: number } } }[] };
    const list = await lsp.request<{ isIncomplete: boolean; items: Item[] }>('textDocument/completion', { textDocument: { uri }, position: { line: 2, character: 24 } });
    assert.equal(list.isIncomplete, true);
    const motion = list.items.find((i) => i.label.startsWith('Kostić c.s. (Kamerstuk 29 826, nr. 250)'));
    assert.ok(motion, list.items.map((i) => i.label).join('\n'));
    assert.match(motion.labelDetails?.description ?? '', /^Motie · \d+ maart 2025/);
    const note = list.items.find((i) => i.label === 'Kostić c.s.[^2] Kamerstuk 29 826, nr. 250');
    assert.ok(note, list.items.map((i) => i.label).join('\n'));
    assert.equal(note.textEdit.newText, 'Kostić c.s.[^2]');
    assert.deepEqual(note.additionalTextEdits?.map((e) => [e.range.start.line, e.newText]), [[4, '\n[^2]: Kamerstuk 29 826, nr. 250']]);
    await lsp.notify('textDocument/didClose', { textDocument: { uri } });
  });

  it('the Citations view: every citation of a document with its status and range, and of the whole workspace', async () => {
    const one = await lsp.request<CitationsResult>(CITATIONS_REQUEST, { uri: S002.uri });
    assert.equal(one.kindLabels.kamerstuk, 'Kamerstukken');
    assert.ok(one.entries.length > 0 && one.entries.every((e) => e.uri === S002.uri));
    const kamerstuk = one.entries.find((e) => e.kind === 'kamerstuk' && e.citation === 'Kamerstuk 29 826, nr. 258');
    assert.ok(kamerstuk, one.entries.map((e) => e.citation).join(', '));
    assert.equal(kamerstuk.status, 'known');
    assert.equal(kamerstuk.statusLabel, 'bekend');
    const lines = S002.text.split('\n');
    assert.equal(lines[kamerstuk.range.start.line]!.slice(kamerstuk.range.start.character).replace(/\s+/g, ' ').startsWith(kamerstuk.text.slice(0, 10)), true);
    const all = await lsp.request<CitationsResult>(CITATIONS_REQUEST, {});
    assert.ok(new Set(all.entries.map((e) => e.uri)).size >= 4);
  });

  it('Check workspace: the indexed documents, then their diagnostics in batches', async () => {
    const uris = await lsp.request<string[]>(DOCUMENTS_REQUEST, {});
    assert.equal(uris.length, 5);
    const checked = await lsp.request<CheckResult>(CHECK_REQUEST, { uris: [...uris, 'file:///nowhere.txt'] });
    assert.deepEqual(checked.documents.map((d) => d.uri), uris);
    const diagnostics = checked.documents.flatMap((d) => d.diagnostics as { source: string; code: string }[]);
    assert.ok(diagnostics.length > 0 && diagnostics.every((d) => d.source === 'kamerwijzer'));
  });

  it('workspace symbols find a cited document by number and by title words', async () => {
    const byNumber = await lsp.request<SymbolInformation[]>('workspace/symbol', { query: '29826-250' });
    assert.ok(byNumber.some((s) => s.name === 'Kamerstuk 29 826, nr. 250'));
    const byTitle = await lsp.request<SymbolInformation[]>('workspace/symbol', { query: 'industriebeleid focus' });
    assert.ok(byTitle.some((s) => s.name === 'Kamerstuk 29 826, nr. 277'), byTitle.map((s) => s.name).join(', '));
  });
});
