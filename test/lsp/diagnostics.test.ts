import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import { LspSession } from '../support/lspClient';
import { seedsDir } from '../support/paths';

interface Report {
  kind: string;
  items: Diagnostic[];
}

const S000 = path.join(seedsDir, '000_314d4768fc43998e.txt');

describe('language server diagnostics and quick fixes', function () {
  this.timeout(60000);

  describe('pull diagnostics (VS Code)', () => {
    let lsp: LspSession;
    let dir: string;
    before(async () => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kw-lsp-diag-'));
      fs.copyFileSync(S000, path.join(dir, 'brief.txt'));
      lsp = await LspSession.start({ folders: [dir], settings: { today: '2026-11-23' } });
    });
    after(async () => lsp?.stop());

    it('announces pull diagnostics with inter-file dependencies and code actions', () => {
      const caps = lsp.initializeResult.capabilities;
      assert.deepEqual(caps.diagnosticProvider, { identifier: 'kamerwijzer', interFileDependencies: true, workspaceDiagnostics: false });
      assert.ok(caps.codeActionProvider);
    });

    it('reports the malformed citation of seed 000 and fixes it with a quick fix', async () => {
      const uri = pathToFileURL(path.join(dir, 'brief.txt')).toString();
      const report = await lsp.request<Report>('textDocument/diagnostic', { textDocument: { uri } });
      assert.equal(report.kind, 'full');
      const d = report.items.find((x) => x.code === 'citation-malformed' && x.range.start.line === 575)!;
      assert.ok(d, 'Kamerstuk 35420, 57');
      assert.equal(d.source, 'kamerwijzer');
      const actions = await lsp.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
      const fix = actions.find((a) => a.isPreferred)!;
      assert.equal(fix.edit!.changes![uri]![0]!.newText, 'Kamerstuk 35 420, nr. 57');
    });

    it('a diagnostic carries no edits; a code action takes the fixes of the current finding it shows, never edits the editor sends', async () => {
      const uri = pathToFileURL(path.join(dir, 'brief.txt')).toString();
      const report = await lsp.request<Report>('textDocument/diagnostic', { textDocument: { uri } });
      assert.ok(report.items.every((d) => !('data' in d)));
      const d = report.items.find((x) => x.code === 'citation-malformed' && x.range.start.line === 575)!;
      const forged = { ...d, data: { fixes: [{ title: 'x', edits: [{ uri: 'file:///etc/passwd', span: { offset: 0, length: 0 }, newText: 'x' }], preferred: true }] } };
      const actions = await lsp.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [forged] } });
      assert.ok(actions.length > 0 && actions.every((a) => JSON.stringify(Object.keys(a.edit?.changes ?? {})) === JSON.stringify([uri])), 'the findings\' own fixes, to this letter only');
      assert.equal(actions.find((a) => a.isPreferred)!.edit!.changes![uri]![0]!.newText, 'Kamerstuk 35 420, nr. 57');
      // A diagnostic that is no current finding (another message: an older version, another source's).
      const stale = { ...d, message: `${d.message} (oud)` };
      assert.deepEqual(await lsp.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [stale], only: ['quickfix'] } }), []);
    });

    it('a letter that starts to exist updates the diagnostics of the letters that cite it', async () => {
      const citing = path.join(dir, 'nieuw.md');
      const uri = pathToFileURL(citing).toString();
      const text = 'Zie de brief inzake ruimte voor industrieclusters en bedrijventerreinen in het havengebied (Kamerstuk 29826, nr. 999).\n';
      fs.writeFileSync(citing, text);
      await lsp.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
      const before = await lsp.request<Report>('textDocument/diagnostic', { textDocument: { uri } });
      assert.ok(!before.items.some((d) => d.code === 'citation-title-mismatch'), 'nothing is known of nr. 999 yet');

      const refreshes = lsp.diagnosticRefreshes;
      const cited = path.join(dir, 'gevonden.md');
      fs.writeFileSync(cited, '---\nkamerstuk: 29826-999\ntitel: Jaarverslag visserij en kustbeheer Waddenzee\ndatum: 2025-01-01\n---\nTekst.\n');
      await lsp.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(cited).toString(), type: 1 }] });
      await lsp.until(() => lsp.diagnosticRefreshes > refreshes);
      const after = await lsp.request<Report>('textDocument/diagnostic', { textDocument: { uri } });
      assert.ok(after.items.some((d) => d.code === 'citation-title-mismatch'), JSON.stringify(after.items));

      // … and that leaves the workspace (unreadable: binary; deleted): the letters citing it are checked again.
      const mismatch = async (): Promise<boolean> => (await lsp.request<Report>('textDocument/diagnostic', { textDocument: { uri } })).items.some((d) => d.code === 'citation-title-mismatch');
      const told = async (type: 2 | 3): Promise<void> => {
        const count = lsp.diagnosticRefreshes;
        await lsp.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(cited).toString(), type }] });
        await lsp.until(() => lsp.diagnosticRefreshes > count);
      };
      const good = fs.readFileSync(cited);
      fs.writeFileSync(cited, Buffer.from([0, 1, 2, 3, 0, 0, 0x50, 0x4b]));
      await told(2);
      assert.equal(await mismatch(), false, 'a binary file is no document');
      fs.writeFileSync(cited, good);
      await told(2);
      assert.equal(await mismatch(), true);
      fs.rmSync(cited);
      await told(3);
      assert.equal(await mismatch(), false, 'deleted');
    });

    it('a severity setting switches a rule off', async () => {
      const refreshes = lsp.diagnosticRefreshes;
      await lsp.stop();
      lsp = await LspSession.start({ folders: [dir], settings: { today: '2026-11-23', diagnostics: { severity: { 'citation-malformed': 'off' } } } });
      const uri = pathToFileURL(path.join(dir, 'brief.txt')).toString();
      const report = await lsp.request<Report>('textDocument/diagnostic', { textDocument: { uri } });
      assert.ok(!report.items.some((d) => d.code === 'citation-malformed'));
      assert.ok(refreshes >= 0);
    });
  });

  describe('pushed diagnostics (clients without pull, e.g. older Neovim)', () => {
    let lsp: LspSession;
    before(async () => {
      lsp = await LspSession.start({ folders: [seedsDir], settings: { today: '2026-11-23' }, pullDiagnostics: false });
    });
    after(async () => lsp?.stop());

    it('a letter naming a document\'s title is checked again when that document comes, is retitled or goes', async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kw-lsp-push-'));
      const own = await LspSession.start({ folders: [dir], settings: { today: '2026-11-23' }, pullDiagnostics: false });
      try {
        const letter = path.join(dir, 'brief.md');
        const uri = pathToFileURL(letter).toString();
        const text = 'In het Jaarverslag visserij en kustbeheer Waddenzee staat hoe het gaat.\n';
        fs.writeFileSync(letter, text);
        await own.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
        const named = (): boolean => !!own.published.get(uri)?.diagnostics.some((d) => d.code === 'document-title-without-citation');
        await own.until(() => own.published.has(uri));
        assert.ok(!named(), 'no such document yet');

        const cited = path.join(dir, 'verslag.md');
        const tell = (type: 1 | 2 | 3): Promise<void> => own.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(cited).toString(), type }] });
        fs.writeFileSync(cited, '---\nkamerstuk: 29826-999\ntitel: Jaarverslag visserij en kustbeheer Waddenzee\n---\nTekst.\n');
        await tell(1);
        await own.until(named);
        fs.writeFileSync(cited, '---\nkamerstuk: 29826-999\ntitel: Jaarverslag natuurbeheer Noordzeekust\n---\nTekst.\n');
        await tell(2);
        await own.until(() => !named());
        fs.writeFileSync(cited, '---\nkamerstuk: 29826-999\ntitel: Jaarverslag visserij en kustbeheer Waddenzee\n---\nTekst.\n');
        await tell(2);
        await own.until(named);
        fs.rmSync(cited);
        await tell(3);
        await own.until(() => !named());
      } finally {
        await own.stop();
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });

    it('publishes diagnostics for an opened letter', async () => {
      const uri = pathToFileURL(S000).toString();
      await lsp.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text: fs.readFileSync(S000, 'utf8') } });
      await lsp.until(() => lsp.published.has(uri));
      assert.ok(lsp.published.get(uri)!.diagnostics.some((d) => d.code === 'citation-malformed' && d.range.start.line === 575));
    });
  });
});
