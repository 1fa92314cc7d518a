/**
 * Versions of an open document that are no longer the editor's:
 *
 * - an edit that arrives while the worker makes the findings of the version before (its analysis
 *   answered) stops them: the worker goes on to the new version instead of finishing every rule of
 *   the old one first (before, nothing stopped them once the old version's analysis was in);
 * - a document closed and opened again at the same version number (an editor starts again at 1) with
 *   another text, before the server read the file again: the new text gets its own diagnostics and
 *   hovers (before, the closed text, still in the index at that version, passed for the new one
 *   until the next edit).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic, Hover } from 'vscode-languageserver-types';
import { LineIndex } from '../../server/src/engine/lineIndex';
import { STATS_REQUEST } from '../../server/src/lsp/handlers';
import type { ServiceStats } from '../../server/src/service/kamerwijzer';
import { LspSession, positionOf } from '../support/lspClient';
import { seedLetters } from '../support/textArbitraries';

const A = 'Den Haag, 3 maart 2025\n\nZie Kamerstuk 35420, 57 over de visie.\n';
const B = 'Den Haag, 4 maart 2025\n\nEen nieuwe alinea.\n\nZie Kamerstuk 35 420, nr. 57 over de visie.\n';

describe('the worker’s findings of a superseded version', function () {
  this.timeout(120000);
  let lsp: LspSession;
  let dir: string;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kw-superseded-'));
    lsp = await LspSession.start({ folders: [dir], settings: { today: '2026-01-15' } });
  });
  after(async () => lsp?.stop());

  it('are not made once a newer version arrived', async () => {
    const all = seedLetters().join('\n\n');
    // Large enough that the worker's findings of a version take far longer than the hover's answer and the edit after it.
    const text = all.repeat(Math.ceil(3_000_000 / all.length)).slice(0, 3_000_000);
    const uri = pathToFileURL(path.join(dir, 'groot.md')).toString();
    const stats = () => lsp.request<ServiceStats>(STATS_REQUEST, {});
    const before = await stats();
    await lsp.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    // A hover waits for the analysis of version 1 only: answered while the worker makes its findings.
    await lsp.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });
    const end = new LineIndex(text).positionAt(text.length);
    await lsp.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: end, end }, text: 'x' }] });
    await lsp.request<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
    const afterTwo = await stats();
    // One more version, its findings asked once it settled: what one version's worker findings count.
    await lsp.notify('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ range: { start: end, end }, text: 'y' }] });
    await lsp.request<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
    const perVersion = (await stats()).ruleRunsElsewhere - afterTwo.ruleRunsElsewhere;
    assert.ok(perVersion > 0);
    assert.equal(afterTwo.ruleRunsElsewhere - before.ruleRunsElsewhere, perVersion, 'only version 2’s findings were made in the worker (version 1’s were stopped)');
  });
});

describe('a document closed and opened again', function () {
  this.timeout(60000);
  let lsp: LspSession;
  let dir: string;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kw-reopen-'));
    fs.writeFileSync(path.join(dir, 'brief.md'), A);
    lsp = await LspSession.start({ folders: [dir], settings: { today: '2026-01-15' } });
  });
  after(async () => lsp?.stop());

  it('the reopened text (version 1 again) gets its own diagnostics, not those of the text before closing', async () => {
    const uri = pathToFileURL(path.join(dir, 'brief.md')).toString();
    await lsp.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: A } });
    const first = await lsp.request<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
    assert.ok(first.items.some((d) => d.code === 'citation-malformed'), 'A cites malformed');
    // Closed; the file changes on disk (another branch checked out); opened again at once.
    await lsp.notify('textDocument/didClose', { textDocument: { uri } });
    fs.writeFileSync(path.join(dir, 'brief.md'), B);
    await lsp.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: B } });
    // However long the client waits (before, the re-read of the file was dropped and the closed text stayed).
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const again = await lsp.request<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
    assert.deepEqual(again.items.filter((d) => d.code === 'citation-malformed').map((d) => d.range), [], 'B cites well: no stale finding of A');
    // A hover on B's citation is answered from B's analysis.
    const h = await lsp.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionOf(B, 'Kamerstuk 35 420', 3) });
    assert.ok(h, 'a hover on the citation of B');
  });
});
