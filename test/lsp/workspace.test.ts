import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Hover, MarkupContent, SymbolInformation } from 'vscode-languageserver-types';
import { STATUS_REQUEST } from '../../server/src/protocol';
import { LspSession } from '../support/lspClient';

interface Status {
  indexedDocuments: number;
  scanning: boolean;
}

/** Writes a file below a folder (its folders made); its path. */
function writeBelow(dir: string, rel: string, text: string): string {
  const f = path.join(dir, rel);
  fs.mkdirSync(path.dirname(f), { recursive: true });
  fs.writeFileSync(f, text);
  return f;
}

describe('language server: workspace index', function () {
  this.timeout(60000);
  let lsp: LspSession;
  let dir: string;
  const write = (rel: string, text: string): string => writeBelow(dir, rel, text);
  const status = (): Promise<Status> => lsp.request<Status>(STATUS_REQUEST, {});
  /** Tells the server a file changed and waits until it announces the index's new state. */
  const changed = (file: string, type: 1 | 2 | 3): Promise<void> =>
    lsp.indexedAfter(() => lsp.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(file).toString(), type }] }));
  const indexedNow = async (): Promise<number> => (await status()).indexedDocuments;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kw-lsp-ws-'));
    write('brief.txt', 'Zie Kamerstuk 29826, nr. 147.');
    write('visie.md', '---\nkamerstuk: 29826-147\ntitel: Het verschil maken\n---\nTekst.\n');
    write('.gitignore', 'kladjes/\n');
    write('kladjes/oud.txt', 'Kamerstuk 1, nr. 1');
    write('archief/2019.txt', 'Kamerstuk 2, nr. 2');
    write('tmp/x.md', 'x');
    write('bijlage.pdf', '%PDF');
    lsp = await LspSession.start({ folders: [dir], settings: { exclude: ['archief/**'], maxFileSize: 1024 * 1024 }, filesExclude: { '**/tmp': true } });
  });
  after(async () => lsp?.stop());

  it('indexes the documents that .gitignore, files.exclude and kamerwijzer.exclude leave', async () => {
    const { cacheDirectory, ...rest } = (await status()) as Status & { cacheDirectory?: string };
    assert.deepEqual(rest, { indexedDocuments: 2, scanning: false, catalogSources: ['workspace', 'officielebekendmakingen', 'tweedekamer', 'bwb', 'bundled'], online: false });
    assert.match(cacheDirectory ?? '', /kw-lsp-cache-/);
  });

  it('follows created, changed and deleted files one at a time', async () => {
    const nieuw = write('nieuw.md', '---\nkamerstuk: 29826-300\ntitel: Een nieuwe brief over industrieclusters\n---\n');
    await changed(nieuw, 1);
    assert.equal(await indexedNow(), 3);
    const byTitle = await lsp.request<SymbolInformation[]>('workspace/symbol', { query: 'industrieclusters' });
    assert.ok(byTitle.some((s) => s.name === 'Kamerstuk 29 826, nr. 300'));

    write('nieuw.md', '---\nkamerstuk: 29826-300\ntitel: Een andere titel\n---\n');
    await changed(nieuw, 2);
    assert.ok(!(await lsp.request<SymbolInformation[]>('workspace/symbol', { query: 'industrieclusters' })).some((s) => s.name.endsWith('300')));

    fs.rmSync(nieuw);
    await changed(nieuw, 3);
    assert.equal(await indexedNow(), 2);
  });

  it('a folder created, renamed or deleted (one event for the folder, none for its files) brings its documents in or takes them out', async () => {
    const ids = async (query: string): Promise<string[]> => (await lsp.request<SymbolInformation[]>('workspace/symbol', { query })).map((s) => s.location.uri).sort();
    write('moties/a.md', '---\nkamerstuk: 29826-401\ntitel: Motie over havenbeheer in Zeeland\n---\n');
    write('moties/diep/b.txt', '---\nkamerstuk: 29826-402\ntitel: Motie over havenbeheer in Friesland\n---\n');
    write('moties/.verborgen/c.md', '---\nkamerstuk: 29826-403\ntitel: Motie over havenbeheer verborgen\n---\n');
    await changed(path.join(dir, 'moties'), 1);
    assert.equal(await indexedNow(), 4);
    assert.deepEqual(await ids('havenbeheer'), [pathToFileURL(path.join(dir, 'moties/a.md')).toString(), pathToFileURL(path.join(dir, 'moties/diep/b.txt')).toString()]);

    fs.renameSync(path.join(dir, 'moties'), path.join(dir, 'aangenomen'));
    await lsp.indexedAfter(() =>
      lsp.notify('workspace/didChangeWatchedFiles', {
        changes: [
          { uri: pathToFileURL(path.join(dir, 'moties')).toString(), type: 3 },
          { uri: pathToFileURL(path.join(dir, 'aangenomen')).toString(), type: 1 },
        ],
      }),
    );
    assert.equal(await indexedNow(), 4);
    assert.deepEqual(await ids('havenbeheer'), [pathToFileURL(path.join(dir, 'aangenomen/a.md')).toString(), pathToFileURL(path.join(dir, 'aangenomen/diep/b.txt')).toString()]);

    // An excluded folder that appears stays out; a file that is no folder is passed over.
    write('archief/2020/x.txt', '---\nkamerstuk: 29826-404\ntitel: Motie over havenbeheer in het archief\n---\n');
    await changed(path.join(dir, 'archief/2020'), 1);
    await changed(path.join(dir, 'bijlage.pdf'), 1);
    assert.equal(await indexedNow(), 4);

    fs.rmSync(path.join(dir, 'aangenomen'), { recursive: true });
    await changed(path.join(dir, 'aangenomen'), 3);
    assert.equal(await indexedNow(), 2);
    assert.deepEqual(await ids('havenbeheer'), []);
  });

  it('asks a client that can watch files (Neovim) to tell it of documents, manifests, glossaries and folders; not the VS Code extension, which watches them itself', async () => {
    const watchers = (s: LspSession): unknown[] => s.registrations.filter((r) => r.method === 'workspace/didChangeWatchedFiles').flatMap((r) => (r.registerOptions as { watchers: unknown[] }).watchers);
    await lsp.until(() => watchers(lsp).length > 0);
    assert.deepEqual(watchers(lsp), [
      { globPattern: '**/*.{txt,md,markdown}' },
      { globPattern: '**/kamerwijzer.json' },
      { globPattern: '**/.gitignore' },
      { globPattern: '**/.kamerwijzer/glossary.json' },
      { globPattern: '**/*', kind: 1 | 4 },
    ]);
    const vscode = await LspSession.start({ folders: [dir], watchesFiles: true });
    try {
      // The server registers as it takes `initialized`, before it answers what comes after it.
      await vscode.request(STATUS_REQUEST, {});
      assert.deepEqual(vscode.registrations.map((r) => r.method), ['workspace/didChangeConfiguration']);
    } finally {
      await vscode.stop();
    }
  });

  it('a file changed or deleted with no file event: a request about it reads it again, and what depends on it is checked again', async () => {
    const stil = write('stil.md', '---\nkamerstuk: 29826-501\ntitel: Stille wijziging in het waterbeheer\n---\nTekst.\n');
    const weg = write('weg.md', '---\nkamerstuk: 29826-502\ntitel: Een brief die stil verdwijnt\n---\nTekst.\n');
    await changed(stil, 1);
    await changed(weg, 1);
    const count = await indexedNow();
    const titled = async (query: string): Promise<boolean> => (await lsp.request<SymbolInformation[]>('workspace/symbol', { query })).length > 0;
    assert.ok(await titled('waterbeheer'));

    write('stil.md', '---\nkamerstuk: 29826-501\ntitel: Nieuwe titel over dijkversterking\n---\nTekst.\n');
    fs.rmSync(weg);
    const refreshes = lsp.diagnosticRefreshes;
    await lsp.request('textDocument/documentSymbol', { textDocument: { uri: pathToFileURL(stil).toString() } });
    await lsp.until(() => lsp.diagnosticRefreshes > refreshes);
    assert.deepEqual([await titled('waterbeheer'), await titled('dijkversterking')], [false, true]);
    await lsp.request('textDocument/documentSymbol', { textDocument: { uri: pathToFileURL(weg).toString() } });
    assert.equal(await indexedNow(), count - 1);
    assert.equal(await titled('verdwijnt'), false);
    fs.rmSync(stil);
    await changed(stil, 3);
  });

  it('an open editor’s text wins over the file on disk until it is closed', async () => {
    const uri = pathToFileURL(path.join(dir, 'brief.txt')).toString();
    await lsp.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text: 'Zie Kamerstuk 29826, nr. 147 en Kamerstuk 29826, nr. 250.' } });
    const h = await lsp.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 40 } });
    assert.match((h.contents as MarkupContent).value, /29 826, nr\. 250/);
    // The file is read again in the background; the server announces when it is.
    await lsp.indexedAfter(() => lsp.notify('textDocument/didClose', { textDocument: { uri } }));
    const after = await lsp.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 40 } });
    assert.equal(after, null, 'the file on disk has no second citation');
  });

  it('a huge or binary file is not indexed and nothing breaks', async () => {
    const big = write('groot.txt', 'a'.repeat(2 * 1024 * 1024));
    const bin = write('scan.txt', '\u0000\u0001\u0002PK');
    await changed(big, 1);
    await changed(bin, 1);
    assert.equal(await indexedNow(), 2);
  });
});

describe('language server: the index kept between sessions', function () {
  this.timeout(60000);
  let dir: string;
  let cache: string;
  const write = (rel: string, text: string): string => writeBelow(dir, rel, text);
  const titles = ['waterbeheer', 'dijkversterking', 'stikstofbeleid', 'netcongestie'];
  /** A letter with its own Kamerstuk and title that cites Kamerstuk 31 239 with this number. */
  const letter = (own: number, title: string, cited = 500): string => `---\nkamerstuk: 29826-${own}\ntitel: Brief over ${title}\n---\nZie Kamerstuk 31239, nr. ${cited}.\n`;
  /** A session over the folder with the same cache folder: what it logged of its scan, and what its index answers. */
  const session = async (during?: (lsp: LspSession) => Promise<void>): Promise<{ scan: string; titled: string[]; citing: number }> => {
    const lsp = await LspSession.start({ folders: [dir], settings: { cacheDirectory: cache } });
    try {
      await during?.(lsp);
      const scan = lsp.logged.map((l) => l.message).find((m) => /indexed \d+ documents/.test(m)) ?? '';
      const titled: string[] = [];
      for (const t of [...titles, 'kustbeleid']) if ((await lsp.request<SymbolInformation[]>('workspace/symbol', { query: t })).length) titled.push(t);
      // What the letters cite comes from their entries too: the letters that cite Kamerstuk 31 239, nr. 500.
      const uri = pathToFileURL(path.join(dir, 'a.md')).toString();
      const text = fs.readFileSync(path.join(dir, 'a.md'), 'utf8');
      await lsp.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
      const at = text.indexOf('31239');
      const refs = await lsp.request<unknown[]>('textDocument/references', { textDocument: { uri }, position: { line: text.slice(0, at).split('\n').length - 1, character: 5 }, context: { includeDeclaration: true } });
      return { scan, titled, citing: refs.length };
    } finally {
      await lsp.stop();
    }
  };

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kw-lsp-kept-'));
    cache = fs.mkdtempSync(path.join(os.tmpdir(), 'kw-lsp-kept-cache-'));
    titles.forEach((t, i) => write(`${'abcd'[i]}.md`, letter(601 + i, t)));
  });
  after(() => {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(cache, { recursive: true, force: true });
  });

  it('a second session takes what is unchanged, analyzes what changed or is new and drops what is gone; a damaged cache costs analyses only', async () => {
    const first = await session();
    assert.match(first.scan, /indexed 4 documents in \d+ ms\.$/);
    assert.deepEqual(first.titled, titles);
    assert.equal(first.citing, 4);

    const again = await session();
    assert.match(again.scan, /indexed 4 documents in \d+ ms \(4 unchanged since they were last indexed\)\.$/);
    assert.deepEqual(again, { ...first, scan: again.scan });

    // Between sessions: one letter changed (its title, and it cites another paper), one deleted, one new.
    write('b.md', letter(602, 'kustbeleid', 777));
    fs.rmSync(path.join(dir, 'c.md'));
    write('e.md', letter(605, 'netcongestie en meer'));
    const changed = await session();
    assert.match(changed.scan, /indexed 4 documents in \d+ ms \(2 unchanged since they were last indexed\)\.$/);
    assert.deepEqual(changed.titled, ['waterbeheer', 'netcongestie', 'kustbeleid']);
    assert.equal(changed.citing, 3, 'a.md, d.md and e.md cite 31239-500; b.md no longer does');

    // A file created during a session (a file event): its entry is written when the server stops.
    const during = await session(async (lsp) => {
      const f = write('f.md', letter(606, 'waterbeheer in de delta'));
      await lsp.indexedAfter(() => lsp.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(f).toString(), type: 1 }] }));
    });
    assert.match(during.scan, /\(4 unchanged since they were last indexed\)/);
    const afterEvent = await session();
    assert.match(afterEvent.scan, /indexed 5 documents in \d+ ms \(5 unchanged since they were last indexed\)\.$/);
    fs.rmSync(path.join(dir, 'f.md'));

    const cacheFiles = fs.readdirSync(path.join(cache, 'workspace-index'));
    assert.equal(cacheFiles.length, 1);
    const cacheFile = path.join(cache, 'workspace-index', cacheFiles[0]!);
    const held = fs.readFileSync(cacheFile, 'utf8').trim().split('\n').slice(1).map((l) => path.basename((JSON.parse(l.slice(0, l.indexOf('\t'))) as string[])[0]!));
    assert.deepEqual(held.sort(), ['a.md', 'b.md', 'd.md', 'e.md', 'f.md'], 'the letter deleted before the last session left the cache');
    fs.writeFileSync(cacheFile, fs.readFileSync(cacheFile, 'utf8').replace(/"lineStarts":"[^"]*"/g, '"lineStarts":"AAAA!"'));
    const damaged = await session();
    assert.match(damaged.scan, /indexed 4 documents in \d+ ms\.$/);
    assert.deepEqual(damaged, { ...changed, scan: damaged.scan });
  });
});
