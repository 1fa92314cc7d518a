/**
 * The language server on hostile input, over stdio as an editor talks to it: a document whose
 * analysis fails (injected through KAMERWIJZER_TEST_FAIL_ANALYSIS), binary text opened in the
 * editor, a manifest with 200,000 problems, glossaries in sub-folders, file names and glossaries
 * made of Markdown. Every wait is on a message from the server.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DocumentSymbol, Hover, MarkupContent, SymbolInformation } from 'vscode-languageserver-types';
import { STATUS_REQUEST } from '../../server/src/protocol';
import { LspSession, positionOf } from '../support/lspClient';
import { markdownProblems } from '../support/markdownSafety';

const FAIL = { KAMERWIJZER_TEST_FAIL_ANALYSIS: 'BOEM' };
const GOOD = 'Den Haag, 3 maart 2025\n\nZie Kamerstuk 35420, 57 over de visie.\n';
const BROKEN = `${GOOD}BOEM\n`;

function workspace(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kw-lsp-robust-'));
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

const hoverText = (h: Hover | null): string => (h ? (h.contents as MarkupContent).value : '(no hover)');

describe('language server: one document’s failure stays with it (push diagnostics)', function () {
  this.timeout(60000);
  let lsp: LspSession;
  let dir: string;
  let uri: string;
  let version = 1;
  /** Changes the open document and waits for the diagnostics the server pushes for it next. */
  const change = async (text: string): Promise<void> => {
    const before = lsp.published.get(uri);
    await lsp.notify('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [{ text }] });
    await lsp.until(() => lsp.published.get(uri) !== before);
  };
  const failures = (): string[] => lsp.shown.filter((s) => s.type === 1).map((s) => s.message);

  before(async () => {
    dir = workspace({ 'kapot.txt': BROKEN, 'goed.txt': 'Zie Kamerstuk 29826, nr. 150.\n', 'ook-goed.md': 'Zie Kamerstuk 29826, nr. 151.\n' });
    lsp = await LspSession.start({ folders: [dir], pullDiagnostics: false, env: FAIL });
    uri = pathToFileURL(path.join(dir, 'open.txt')).toString();
  });
  after(async () => lsp?.stop());

  it('a file on disk whose analysis fails is logged once; the scan indexes the others', async () => {
    const status = await lsp.request<{ indexedDocuments: number }>(STATUS_REQUEST, {});
    assert.equal(status.indexedDocuments, 2);
    assert.equal(lsp.logged.filter((l) => l.message.includes('kapot.txt') && /analysis of .* failed/.test(l.message)).length, 1);
    assert.deepEqual(failures(), [], 'a file nobody opened is no notification');
  });

  it('an open document that cannot be analyzed: shown once, its diagnostics cleared, hover and outline from the last good analysis', async () => {
    await lsp.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version, text: GOOD } });
    await lsp.until(() => (lsp.published.get(uri)?.diagnostics.length ?? 0) > 0);
    assert.ok(lsp.published.get(uri)!.diagnostics.some((d) => d.code === 'citation-malformed'));

    await change(BROKEN);
    assert.deepEqual(lsp.published.get(uri)!.diagnostics, [], 'no stale diagnostics');
    // Typing on: no further notification, diagnostics stay cleared.
    await change(`${BROKEN}x`);
    await change(`${BROKEN}xy`);
    assert.deepEqual(lsp.published.get(uri)!.diagnostics, []);
    assert.equal(failures().length, 1, failures().join('\n'));
    assert.match(failures()[0]!, /Kamerwijzer kon open\.txt niet analyseren \(injected analysis failure/);
    assert.equal(lsp.logged.filter((l) => l.message.includes('open.txt') && /analysis of .* failed/.test(l.message)).length, 1, 'logged once');

    const h = await lsp.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionOf(GOOD, 'Kamerstuk 35420', 3) });
    assert.match(hoverText(h), /35 420, nr\. 57/);
    const symbols = await lsp.request<DocumentSymbol[] | null>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.ok(symbols?.length, 'the outline answers from the last good analysis');

    // Once it can be analyzed again, its diagnostics come back.
    await change(`${GOOD}Nog een zin.\n`);
    assert.ok(lsp.published.get(uri)!.diagnostics.some((d) => d.code === 'citation-malformed'));
  });

  it('binary text opened in the editor: one notice, no diagnostics, not analyzed', async () => {
    const bin = pathToFileURL(path.join(dir, 'scan.txt')).toString();
    const text = `PK\u0003\u0004${'\u0000\u0001\u0002\ufffd'.repeat(3000)}Kamerstuk 35420, 57`;
    await lsp.notify('textDocument/didOpen', { textDocument: { uri: bin, languageId: 'plaintext', version: 1, text } });
    await lsp.until(() => lsp.published.get(bin) !== undefined);
    assert.deepEqual(lsp.published.get(bin)!.diagnostics, []);
    const first = lsp.published.get(bin);
    await lsp.notify('textDocument/didChange', { textDocument: { uri: bin, version: 2 }, contentChanges: [{ text: `${text}x` }] });
    await lsp.until(() => lsp.published.get(bin) !== first);
    assert.deepEqual(lsp.published.get(bin)!.diagnostics, []);
    const notices = lsp.shown.filter((s) => s.message.includes('scan.txt'));
    assert.deepEqual(notices.map((s) => s.message), ['Kamerwijzer: scan.txt is een binair bestand, geen tekst, en wordt niet geanalyseerd.']);
    assert.equal(await lsp.request('textDocument/documentSymbol', { textDocument: { uri: bin } }), null);
  });

  it('a long text edited: past its first 64 Ki characters nothing makes it binary; an edit within them does, and undoing it brings the analysis back', async () => {
    const long = pathToFileURL(path.join(dir, 'lang.txt')).toString();
    let text = `${GOOD}${'Een zin over de visie op de energie-intensieve industrie.\n'.repeat(1800)}`;
    const original = text;
    assert.ok(original.length > 100_000);
    const at = (offset: number): { line: number; character: number } => {
      const before = text.slice(0, offset);
      return { line: before.split('\n').length - 1, character: offset - before.lastIndexOf('\n') - 1 };
    };
    let version = 1;
    const edit = async (offset: number, remove: number, insert: string): Promise<void> => {
      const before = lsp.published.get(long);
      const range = { start: at(offset), end: at(offset + remove) };
      text = text.slice(0, offset) + insert + text.slice(offset + remove);
      await lsp.notify('textDocument/didChange', { textDocument: { uri: long, version: ++version }, contentChanges: [{ range, text: insert }] });
      await lsp.until(() => lsp.published.get(long) !== before);
    };
    const analyzed = (): boolean => lsp.published.get(long)!.diagnostics.some((d) => d.code === 'citation-malformed');
    await lsp.notify('textDocument/didOpen', { textDocument: { uri: long, languageId: 'plaintext', version: 1, text } });
    await lsp.until(() => lsp.published.get(long) !== undefined);
    assert.ok(analyzed());
    const junk = '\u0000\u0001\u0002'.repeat(3000);
    // Past the characters the check reads: the text is no more binary than it was.
    await edit(90_000, 0, junk);
    assert.ok(analyzed());
    // Within them: binary (one notice), not analyzed.
    await edit(100, 0, junk);
    assert.deepEqual(lsp.published.get(long)!.diagnostics, []);
    assert.equal(lsp.shown.filter((s) => s.message.includes('lang.txt')).length, 1);
    // The junk taken out again (an edit within them): analyzed again.
    await edit(100, junk.length, '');
    assert.ok(analyzed());
    assert.equal(text, `${original.slice(0, 90_000)}${junk}${original.slice(90_000)}`);
  });
});

describe('language server: one document’s failure stays with it (pull diagnostics)', function () {
  this.timeout(60000);
  let lsp: LspSession;
  let dir: string;
  before(async () => {
    dir = workspace({});
    lsp = await LspSession.start({ folders: [dir], env: FAIL });
  });
  after(async () => lsp?.stop());

  it('the failing version has no diagnostics and no fixes; hover still answers; a later good version is checked', async () => {
    const uri = pathToFileURL(path.join(dir, 'open.txt')).toString();
    const pull = async (): Promise<{ code?: string }[]> => (await lsp.request<{ items: { code?: string }[] }>('textDocument/diagnostic', { textDocument: { uri } })).items;
    await lsp.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text: GOOD } });
    assert.ok((await pull()).some((d) => d.code === 'citation-malformed'));
    await lsp.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: BROKEN }] });
    assert.deepEqual(await pull(), []);
    const range = { start: { line: 2, character: 4 }, end: { line: 2, character: 23 } };
    assert.equal(await lsp.request('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [] } }), null);
    assert.match(hoverText(await lsp.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionOf(GOOD, 'Kamerstuk 35420', 3) })), /35 420, nr\. 57/);
    await lsp.notify('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ text: GOOD }] });
    assert.ok((await pull()).some((d) => d.code === 'citation-malformed'));
    await lsp.until(() => lsp.shown.some((s) => s.type === 1));
    assert.equal(lsp.shown.filter((s) => s.type === 1).length, 1);
  });
});

describe('language server: a manifest with 200,000 problems', function () {
  this.timeout(60000);
  let lsp: LspSession;
  before(async () => {
    const documents: Record<string, unknown> = { 'brief.txt': { kamerstuk: '29826-147', title: 'Het verschil maken met industriebeleid', date: 'gisteren' } };
    for (let i = 0; i < 200000; i++) documents[`f${i}.txt`] = { date: 'gisteren' };
    const dir = workspace({ 'kamerwijzer.json': JSON.stringify({ documents }), 'brief.txt': 'Tekst zonder kop.\n' });
    lsp = await LspSession.start({ folders: [dir] });
  });
  after(async () => lsp?.stop());

  it('is one log line with the count and the first problems; its valid fields are used', async () => {
    const lines = lsp.logged.filter((l) => l.message.includes('kamerwijzer.json'));
    assert.equal(lines.length, 1, `${lines.length} log lines`);
    assert.match(lines[0]!.message, /200001 problemen in het manifest; de geldige items en velden worden gebruikt: brief\.txt: "date" .*; f0\.txt: .*; f1\.txt: .* \(en nog 199998\)$/);
    assert.doesNotMatch(lines[0]!.message, /niet bruikbaar/);
    const found = await lsp.request<SymbolInformation[]>('workspace/symbol', { query: 'industriebeleid' });
    assert.ok(found.some((s) => s.name === 'Kamerstuk 29 826, nr. 147'), JSON.stringify(found));
  });
});

describe('language server: glossaries in sub-folders, and names made of Markdown', function () {
  this.timeout(60000);
  let lsp: LspSession;
  let dir: string;
  const COMMAND = 'command:workbench.action.terminal.new';
  const glossary = (url: string): string =>
    JSON.stringify({ version: 1, entries: [{ id: 'boosfonds', name: 'BOOSFONDS', abbreviations: ['BOOSFONDS'], kind: 'fonds', description: { nl: 'Een fonds <img src=x onerror=alert(1)>.' }, url }] });
  const letter = 'Het BOOSFONDS krijgt geld (Kamerstuk 29826, nr. 250).[^<command:git.push>]\n\n[^<command:git.push>]: Zie ![i](https://evil.example/t.png) <img src=x onerror=alert(1)>.\n';
  before(async () => {
    dir = workspace({
      'sub/.kamerwijzer/glossary.json': glossary(`https://x.example/)[k](${COMMAND})`),
      'sub/brief.txt': letter,
      'elders.txt': 'Het BOOSFONDS krijgt geld.\n',
      [`x](${COMMAND}) y.txt`]: 'Zie Kamerstuk 29826, nr. 250.\n',
    });
    lsp = await LspSession.start({ folders: [dir] });
  });
  after(async () => lsp?.stop());

  const hoverAt = (rel: string, text: string, needle: string, delta = 1): Promise<Hover | null> =>
    lsp.request<Hover | null>('textDocument/hover', { textDocument: { uri: pathToFileURL(path.join(dir, rel)).toString() }, position: positionOf(text, needle, delta) });

  it('a document gets the nearest glossary in its folder or above, within the workspace folder', async () => {
    assert.match(hoverText(await hoverAt('sub/brief.txt', letter, 'BOOSFONDS')), /Een fonds/);
    assert.equal(await hoverAt('elders.txt', 'Het BOOSFONDS krijgt geld.\n', 'BOOSFONDS'), null);
    const file = path.join(dir, 'sub', '.kamerwijzer', 'glossary.json');
    const renamed = `${file}.weg`;
    fs.renameSync(file, renamed);
    await lsp.indexedAfter(() => lsp.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(file).toString(), type: 3 }] }));
    assert.equal(await hoverAt('sub/brief.txt', letter, 'BOOSFONDS'), null);
    fs.renameSync(renamed, file);
    await lsp.indexedAfter(() => lsp.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(file).toString(), type: 1 }] }));
    assert.match(hoverText(await hoverAt('sub/brief.txt', letter, 'BOOSFONDS')), /Een fonds/);
  });

  it('hovers over such names, URLs and footnotes link nowhere but to http(s) and files, and hold no HTML or image', async () => {
    const hovers = [await hoverAt('sub/brief.txt', letter, 'BOOSFONDS'), await hoverAt('sub/brief.txt', letter, 'Kamerstuk 29826', 3), await hoverAt('sub/brief.txt', letter, '[^<', 2)];
    const texts = hovers.map(hoverText);
    assert.match(texts[1]!, /y\.txt:1/, 'the other file is listed');
    assert.match(texts[2]!, /Voetnoot \\<command:git\.push\\>/);
    for (const t of texts) assert.deepEqual(markdownProblems(t), [], t);
  });
});
