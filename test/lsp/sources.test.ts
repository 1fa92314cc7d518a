/**
 * The language server with the official sources replayed by a local server: lookups of settled
 * citations that refresh the diagnostics, definition opening a fetched text, the sync command, and
 * an untrusted workspace that makes no request.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Hover, Location, MarkupContent } from 'vscode-languageserver-types';
import { SERVER_COMMANDS, type Activity } from '../../server/src/protocol';
import { LspSession, positionOf } from '../support/lspClient';
import { ReplayServer } from '../support/replayServer';

interface Report {
  items: { code?: string; message: string; range: { start: { line: number } } }[];
}

/** A motion that only the synced mirror knows as replaced (by a gewijzigde motie). */
const FOLLOWED = 'Zie de motie-Yesilgöz-Zegerius c.s. (Kamerstuk 36471, nr. 7) over de spreidingswet.\n';
const LETTER = 'Zie de motie over de Lelylijn (Kamerstuk 31305, nr. 491) en Kamerstuk 36999, nr. 12.\nDe motie-Wilders c.s. (Kamerstuk 36471, nr. 5) en Kamerstuk 29826, nr. 250.\n';

describe('language server with the official sources', function () {
  this.timeout(60000);
  let server: ReplayServer;
  let dir: string;
  let lsp: LspSession | undefined;
  before(async () => {
    server = await ReplayServer.start();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kw-lsp-sources-'));
    fs.writeFileSync(path.join(dir, 'brief.txt'), LETTER);
  });
  after(async () => {
    await lsp?.stop();
    await server.stop();
  });
  const uri = (): string => pathToFileURL(path.join(dir, 'brief.txt')).toString();
  const hover = async (needle: string, delta = 3): Promise<string> =>
    ((await lsp!.request<Hover>('textDocument/hover', { textDocument: { uri: uri() }, position: positionOf(LETTER, needle, delta) }))?.contents as MarkupContent | undefined)?.value ?? '';

  it('looks settled citations up, then refreshes: a Kamerstuk that does not exist is reported, a title appears', async () => {
    lsp = await LspSession.start({ folders: [dir], settings: { online: true, sources: { officielebekendmakingen: server.koop, tweedekamer: server.tk, requestsPerSecond: 50 } } });
    await lsp.notify('textDocument/didOpen', { textDocument: { uri: uri(), languageId: 'plaintext', version: 1, text: LETTER } });
    const first = await lsp.request<Report>('textDocument/diagnostic', { textDocument: { uri: uri() } });
    assert.ok(!first.items.some((d) => d.code === 'kamerstuk-unknown'), 'nothing known yet is nothing wrong');
    const refreshes = lsp.diagnosticRefreshes;
    await lsp.until(() => lsp!.diagnosticRefreshes > refreshes);
    const after = await lsp.request<Report>('textDocument/diagnostic', { textDocument: { uri: uri() } });
    const unknown = after.items.filter((d) => d.code === 'kamerstuk-unknown');
    assert.deepEqual(unknown.map((d) => d.message), ['Kamerstuk 36 999, nr. 12 bestaat niet volgens officielebekendmakingen.nl. Controleer het nummer.']);
    assert.match(await hover('31305, nr. 491'), /Lelylijn/);
  });

  it('definition opens the fetched official text from the cache folder', async () => {
    const [loc] = await lsp!.request<Location[]>('textDocument/definition', { textDocument: { uri: uri() }, position: positionOf(LETTER, '29826, nr. 250', 3) });
    assert.ok(loc);
    const file = fileURLToPath(loc.uri);
    assert.match(file, /kw-lsp-cache-.*texts.kst-29826-250\.md$/);
    assert.match(fs.readFileSync(file, 'utf8'), /verzoekt de regering uiterlijk in Q4 van 2025/);
  });

  it('the sync command brings the Tweede Kamer data: a motion shows its outcome, findings that read the mirror are made again', async () => {
    const other = pathToFileURL(path.join(dir, 'uitvoering.txt')).toString();
    await lsp!.notify('textDocument/didOpen', { textDocument: { uri: other, languageId: 'plaintext', version: 1, text: FOLLOWED } });
    const codes = async (): Promise<string[]> => (await lsp!.request<Report>('textDocument/diagnostic', { textDocument: { uri: other } })).items.flatMap((d) => d.code ?? []);
    const before = await codes();
    assert.ok(!before.includes('document-replaced'), 'no replacement known before the sync');
    assert.deepEqual(await codes(), before, 'a second pull is answered the same');
    const activity: Activity = await lsp!.request('workspace/executeCommand', { command: SERVER_COMMANDS.sync, arguments: [] });
    assert.equal(activity.state, 'done', JSON.stringify(activity));
    assert.match(await hover('motie-Wilders', 8), /aangenomen/);
    // The findings of the unchanged document were kept; the sync's news must not be hidden by them.
    assert.ok((await codes()).includes('document-replaced'), 'the replaced motion is reported after the sync');
  });

  it('in an untrusted workspace nothing is looked up', async () => {
    await lsp!.stop();
    const before = server.requests.length;
    lsp = await LspSession.start({ folders: [dir], trusted: false, settings: { online: true, sources: { officielebekendmakingen: server.koop, tweedekamer: server.tk, requestsPerSecond: 50 } } });
    await lsp.notify('textDocument/didOpen', { textDocument: { uri: uri(), languageId: 'plaintext', version: 1, text: LETTER } });
    await lsp.request<Report>('textDocument/diagnostic', { textDocument: { uri: uri() } });
    const status: { online: boolean } = await lsp.request('kamerwijzer/status', {});
    assert.equal(status.online, false);
    const refused: Activity = await lsp.request('workspace/executeCommand', { command: SERVER_COMMANDS.prefetch, arguments: [] });
    assert.equal(refused.state, 'failed');
    assert.equal(server.requests.length, before);
  });
});
