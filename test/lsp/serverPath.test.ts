/**
 * The language server's path to answers with a worker thread: requests about places are answered
 * while a large document is analyzed (ordering, never wall-clock), a second pull of an unchanged
 * document computes nothing (counted through the server's stats), random edit sequences end with
 * the findings a fresh analysis gives, and a worker that cannot start leaves the analyses to the
 * main thread. Every wait is on a message from the server.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as fc from 'fast-check';
import type { Diagnostic, Hover, MarkupContent } from 'vscode-languageserver-types';
import { BundledCatalogSource } from '../../server/src/catalog/sources/bundled';
import { LineIndex } from '../../server/src/engine/lineIndex';
import { loadBundledCatalog } from '../../server/src/io/bundledData';
import { loadBundledGlossary } from '../../server/src/io/glossary';
import { toDiagnostic } from '../../server/src/lsp/convert';
import { STATS_REQUEST } from '../../server/src/lsp/handlers';
import { parseSettings, ServerSettings } from '../../server/src/lsp/settings';
import type { ServiceStats } from '../../server/src/service/kamerwijzer';
import { createKamerwijzer } from '../../server/src/service/kamerwijzer';
import { LspSession, positionOf } from '../support/lspClient';
import { repoRoot } from '../support/paths';
import { params, seedLetters, VOCABULARY } from '../support/textArbitraries';

interface Report {
  kind: 'full' | 'unchanged';
  resultId?: string;
  items: Diagnostic[];
}

const TODAY = '2026-01-15';
const seeds = seedLetters();

/** The seeds, one after the other, to about `chars` characters. */
function largeLetter(chars: number): string {
  const all = seeds.join('\n\n');
  return all.repeat(Math.ceil(chars / all.length)).slice(0, chars);
}

/** A letter with `count` citations without the comma before "nr": as many findings (citation-malformed). */
function manyFindings(count: number): string {
  const lines = Array.from({ length: count }, (_, i) => `In paragraaf ${i + 1} staat een verwijzing naar Kamerstuk 29826 nr ${100 + (i % 50)} en de minister antwoordt.`);
  return `# Brief\n\n${lines.join('\n\n')}\n`;
}

const shape = (d: Diagnostic) => ({ code: d.code, severity: d.severity, message: d.message, range: d.range });

/** What a fresh service, built as the server builds it (bundled data, the same settings), finds in a text. */
async function freshDiagnostics(uri: string, text: string): Promise<ReturnType<typeof shape>[]> {
  const dataDir = path.join(repoRoot, 'dist', 'data');
  const settings = new ServerSettings();
  settings.current = parseSettings({ today: TODAY, online: false });
  const service = createKamerwijzer({
    sources: [new BundledCatalogSource(() => loadBundledCatalog(dataDir))],
    bundledGlossary: () => loadBundledGlossary(dataDir),
    settings: { ...settings.service, locale: 'nl' },
  });
  return (await service.findings(service.setDocument(uri, text, 1))).map((f) => shape(toDiagnostic(f)));
}

describe('language server: analysis off the main thread, findings kept per version', function () {
  this.timeout(120_000);
  let lsp: LspSession;
  let dir: string;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kw-lsp-path-'));
    lsp = await LspSession.start({ folders: [dir], settings: { today: TODAY } });
  });
  after(async () => lsp?.stop());

  const open = async (name: string, text: string): Promise<string> => {
    const uri = pathToFileURL(path.join(dir, name)).toString();
    await lsp.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    return uri;
  };
  const pull = (uri: string, previousResultId?: string) => lsp.request<Report>('textDocument/diagnostic', { textDocument: { uri }, ...(previousResultId ? { previousResultId } : {}) });
  const stats = () => lsp.request<ServiceStats>(STATS_REQUEST, {});

  it('answers a hover from the last analysis while a large document is analyzed again', async () => {
    const text = largeLetter(3_000_000);
    const uri = await open('groot.md', text);
    await pull(uri);
    const analyses = (await stats()).analyses;
    // An edit far below the hovered citation; then diagnostics (which wait for the new analysis) and a hover.
    const lines = new LineIndex(text);
    const far = lines.positionAt(text.length - 10);
    await lsp.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: far, end: far }, text: 'x' }] });
    const order: string[] = [];
    const diagnostics = pull(uri).then((r) => (order.push('diagnostics'), r));
    const at = positionOf(text, 'Kamerstuk 29826, nr. 250', 12);
    const hover = lsp.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: at }).then((h) => (order.push('hover'), h));
    // Asked once the hover is answered: the new version's analysis is still under way (in the worker).
    const during = hover.then(() => stats()).then((s) => (order.push('stats'), s));
    const [h, report, meanwhile] = await Promise.all([hover, diagnostics, during]);
    assert.deepEqual(order, ['hover', 'stats', 'diagnostics']);
    assert.equal(meanwhile.analyses, analyses, 'the hover was answered before the new version was analyzed');
    assert.match((h!.contents as MarkupContent).value, /29 826, nr\. 250/);
    assert.equal(h!.range?.start.line, at.line);
    assert.ok(report.items.length > 0);
    assert.equal((await stats()).analyses, analyses + 1, 'the edit was analyzed once');
  });

  it('a second pull of an unchanged document computes nothing, and one naming the first result is told "unchanged"', async () => {
    const uri = await open('brief.md', seeds[0]!);
    const first = await pull(uri);
    const before = await stats();
    const second = await pull(uri);
    assert.deepEqual(second.items, first.items);
    assert.deepEqual(await stats(), before);
    const third = await pull(uri, first.resultId);
    assert.equal(third.kind, 'unchanged');
    assert.equal(third.resultId, first.resultId);
    assert.deepEqual(await stats(), before);
  });

  it('a report of more than a thousand findings (made in slices, sent in a task of its own) is the fresh analysis\'s, also after an edit', async () => {
    let text = manyFindings(1200);
    const uri = await open('veel.md', text);
    const first = await pull(uri);
    assert.equal(first.items.length, 1200);
    assert.deepEqual(first.items.map(shape), await freshDiagnostics(uri, text));
    assert.equal((await pull(uri, first.resultId)).kind, 'unchanged');
    // An edit in the middle, a hover sent with the pull: both answered, the findings those of the new text.
    const lines = new LineIndex(text);
    const at = text.indexOf('Kamerstuk 29826 nr 125');
    await lsp.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: lines.positionAt(at), end: lines.positionAt(at + 'Kamerstuk 29826 nr 125'.length) }, text: 'Kamerstuk 29826, nr. 125' }] });
    text = text.slice(0, at) + 'Kamerstuk 29826, nr. 125' + text.slice(at + 'Kamerstuk 29826 nr 125'.length);
    const [after, hover] = await Promise.all([pull(uri, first.resultId), lsp.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionOf(text, 'Kamerstuk 29826 nr 149', 3) })]);
    assert.equal(after.kind, 'full');
    assert.equal(after.items.length, 1199);
    assert.deepEqual(after.items.map(shape), await freshDiagnostics(uri, text));
    assert.match((hover!.contents as MarkupContent).value, /29 826, nr\. 149/);
  });

  it('an edit that moves no finding to another place keeps the last report and its id ("unchanged"); one that does, or changes a finding, sends the new one', async () => {
    let text = manyFindings(600);
    const uri = await open('typen.md', text);
    const first = await pull(uri);
    assert.equal(first.items.length, 600);
    let version = 1;
    /** Replaces `[at, at + remove)` of the text, as the editor sends it. */
    const edit = async (at: number, remove: number, insert: string): Promise<void> => {
      const lines = new LineIndex(text);
      await lsp.notify('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [{ range: { start: lines.positionAt(at), end: lines.positionAt(at + remove) }, text: insert }] });
      text = text.slice(0, at) + insert + text.slice(at + remove);
    };
    // Typed at the end of a line, after its finding: every finding stays where it was.
    const lineEnd = text.indexOf('antwoordt.', text.length >> 1) + 'antwoordt'.length;
    await edit(lineEnd, 0, ' nu');
    const typed = await pull(uri, first.resultId);
    assert.equal(typed.kind, 'unchanged');
    assert.equal(typed.resultId, first.resultId);
    // Asked without naming it, the report is sent whole: the fresh analysis's, with the same id.
    const whole = await pull(uri);
    assert.equal(whole.resultId, first.resultId);
    assert.deepEqual(whole.items.map(shape), await freshDiagnostics(uri, text));
    // A line break before findings moves them to other lines: a new report.
    await edit(lineEnd, 0, '\n');
    const moved = await pull(uri, first.resultId);
    assert.equal(moved.kind, 'full');
    assert.notEqual(moved.resultId, first.resultId);
    assert.deepEqual(moved.items.map(shape), await freshDiagnostics(uri, text));
    // A character typed before a finding on its line moves it along the line: a new report.
    const cited = text.indexOf('Kamerstuk 29826 nr', text.length >> 1);
    await edit(cited - 1, 0, 'x');
    const along = await pull(uri, moved.resultId);
    assert.equal(along.kind, 'full');
    assert.deepEqual(along.items.map(shape), await freshDiagnostics(uri, text));
    // A citation corrected where it stands: that finding goes, a new report.
    await edit(cited + 1, 'Kamerstuk 29826 nr'.length, 'Kamerstuk 29826, nr.');
    const fixed = await pull(uri, along.resultId);
    assert.equal(fixed.kind, 'full');
    assert.equal(fixed.items.length, 599);
    assert.deepEqual(fixed.items.map(shape), await freshDiagnostics(uri, text));
    // Typed at the letter's end: "unchanged" for that new report.
    await edit(text.length - 1, 0, ' ');
    assert.equal((await pull(uri, fixed.resultId)).kind, 'unchanged');
  });

  /**
   * Random edit sequences (with diagnostic pulls and hovers not awaited between them) on the texts
   * `letter` gives for a seed: the final pull gives the findings of a fresh analysis of the final text.
   */
  const randomEdits = async (name: string, letter: (seed: number) => string, runs: number): Promise<void> => {
    const insert = fc.array(fc.constantFrom(...VOCABULARY, ' ', '\n', 'Kamerstuk 29826, nr. 250', 'SCE-regeling'), { maxLength: 3 }).map((w) => w.join(' '));
    const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat(40), insert, pull: fc.boolean(), hover: fc.boolean() });
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.nat(seeds.length - 1), fc.array(edit, { minLength: 1, maxLength: 8 }), async (seed, edits) => {
        let text = letter(seed);
        const uri = await open(`${name}-${++run}.md`, text);
        let version = 1;
        const waiting: Promise<unknown>[] = [];
        for (const e of edits) {
          const lines = new LineIndex(text);
          const from = Math.floor(e.at * text.length);
          const to = Math.min(text.length, from + e.remove);
          const range = { start: lines.positionAt(from), end: lines.positionAt(to) };
          text = text.slice(0, from) + e.insert + text.slice(to);
          await lsp.notify('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [{ range, text: e.insert }] });
          // Requests that are not awaited before the next edit: answered from whatever analysis there is.
          if (e.pull) waiting.push(pull(uri));
          if (e.hover) waiting.push(lsp.request('textDocument/hover', { textDocument: { uri }, position: range.start }));
        }
        await Promise.all(waiting);
        const final = await pull(uri);
        assert.deepEqual(final.items.map(shape), await freshDiagnostics(uri, text));
        await lsp.notify('textDocument/didClose', { textDocument: { uri } });
      }),
      params(runs),
    );
  };

  it('random edit sequences end with the findings of a fresh analysis of the final text', async () => {
    const before = (await stats()).editedElsewhere;
    await randomEdits('willekeurig', (seed) => seeds[seed]!.slice(0, 8000), 6);
    // The worker was given versions as what changed since the one it had (the editor's edits).
    assert.ok((await stats()).editedElsewhere > before);
  });

  it('several changes in one notification, a range given backwards, the whole text replaced: the findings of a fresh analysis', async () => {
    let text = seeds[1]!.slice(0, 8000);
    const uri = await open('wijzigingen.md', text);
    const before = (await stats()).editedElsewhere;
    /** Each change is made on the text the change before it left (as the protocol says), its range given as `order` says. */
    const changes = (places: readonly { at: number; remove: number; insert: string; backwards?: boolean }[]) =>
      places.map(({ at, remove, insert, backwards }) => {
        const lines = new LineIndex(text);
        const [start, end] = [lines.positionAt(at), lines.positionAt(at + remove)];
        text = text.slice(0, at) + insert + text.slice(at + remove);
        return { range: backwards ? { start: end, end: start } : { start, end }, text: insert };
      });
    await lsp.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: changes([{ at: 4000, remove: 10, insert: 'Kamerstuk 29826, nr. 250 ' }, { at: 100, remove: 0, insert: 'SCE-regeling ' }, { at: 7000, remove: 25, insert: '', backwards: true }]) });
    assert.deepEqual((await pull(uri)).items.map(shape), await freshDiagnostics(uri, text));
    await lsp.notify('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: changes([{ at: 5000, remove: 3, insert: 'motie-Kostić c.s. ', backwards: true }, { at: 5010, remove: 0, insert: '\n\n' }]) });
    assert.deepEqual((await pull(uri)).items.map(shape), await freshDiagnostics(uri, text));
    assert.equal((await stats()).editedElsewhere, before + 2);
    // The whole text replaced: it goes whole; the next edit goes as an edit of it again.
    text = `${seeds[2]!.slice(0, 6000)}\n\nZie Kamerstuk 29826, nr. 250.\n`;
    await lsp.notify('textDocument/didChange', { textDocument: { uri, version: 4 }, contentChanges: [{ text }] });
    assert.deepEqual((await pull(uri)).items.map(shape), await freshDiagnostics(uri, text));
    assert.equal((await stats()).editedElsewhere, before + 2);
    await lsp.notify('textDocument/didChange', { textDocument: { uri, version: 5 }, contentChanges: changes([{ at: 300, remove: 40, insert: 'de motie-Kostić c.s.' }]) });
    assert.deepEqual((await pull(uri)).items.map(shape), await freshDiagnostics(uri, text));
    assert.equal((await stats()).editedElsewhere, before + 3);
    await lsp.notify('textDocument/didClose', { textDocument: { uri } });
  });

  it('random edit sequences of a long letter (analysed as stretches, sent as deltas) end with the findings of a fresh analysis', async () => {
    const before = (await stats()).stretchAnalysesElsewhere;
    await randomEdits('lang', (seed) => largeLetter(40_000 + 1000 * seed), 3);
    // Analysed as stretches in the worker (the first version of each is analysed whole).
    assert.ok((await stats()).stretchAnalysesElsewhere > before);
  });
});

describe('language server: pushed diagnostics of a large report', function () {
  this.timeout(120_000);
  it('rapid edits of a letter with more than a thousand findings (reports made in slices) end with the last version\'s diagnostics, nothing older after them', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kw-lsp-push-'));
    const lsp = await LspSession.start({ folders: [dir], settings: { today: TODAY }, pullDiagnostics: false });
    try {
      const uri = pathToFileURL(path.join(dir, 'veel.md')).toString();
      let text = manyFindings(1200);
      await lsp.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
      await lsp.until(() => lsp.published.get(uri)?.version === 1);
      assert.equal(lsp.published.get(uri)!.diagnostics.length, 1200);
      // Four edits sent at once, each mending one citation.
      for (let version = 2; version <= 5; version++) {
        const wrong = `Kamerstuk 29826 nr ${120 + version}`;
        const at = text.indexOf(wrong);
        const lines = new LineIndex(text);
        await lsp.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: { start: lines.positionAt(at), end: lines.positionAt(at + wrong.length) }, text: `Kamerstuk 29826, nr. ${120 + version}` }] });
        text = text.slice(0, at) + `Kamerstuk 29826, nr. ${120 + version}` + text.slice(at + wrong.length);
      }
      await lsp.until(() => lsp.published.get(uri)?.version === 5);
      // A round trip later nothing older came after it.
      await lsp.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });
      const last = lsp.published.get(uri)!;
      assert.equal(last.version, 5);
      assert.equal(last.diagnostics.length, 1196);
      assert.deepEqual((last.diagnostics as Diagnostic[]).map(shape), await freshDiagnostics(uri, text));
    } finally {
      await lsp.stop();
    }
  });
});

describe('language server: a worker that cannot start', function () {
  this.timeout(60_000);
  it('a workspace scan and file events are analyzed in the worker, and index what the main thread indexes', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kw-lsp-scan-'));
    seeds.forEach((text, i) => fs.writeFileSync(path.join(dir, `brief${i}.txt`), text));
    fs.writeFileSync(path.join(dir, 'visie.md'), '---\nkamerstuk: 29826-147\ntitel: Het verschil maken\n---\nTekst.\n');
    const indexOf = async (lsp: LspSession) => {
      const symbols = await lsp.request<{ name: string; location: unknown }[]>('workspace/symbol', { query: '' });
      return symbols.map((x) => JSON.stringify(x)).sort();
    };
    const sessions = await Promise.all([
      LspSession.start({ folders: [dir], settings: { today: TODAY } }),
      LspSession.start({ folders: [dir], settings: { today: TODAY }, env: { KAMERWIJZER_ANALYSIS: 'main' } }),
    ]);
    try {
      const [worker, main] = sessions as [LspSession, LspSession];
      const statsOf = (lsp: LspSession) => lsp.request<ServiceStats>(STATS_REQUEST, {});
      assert.equal((await statsOf(worker)).analysesElsewhere, seeds.length + 1);
      assert.equal((await statsOf(main)).analysesElsewhere, 0);
      const scanned = await indexOf(worker);
      assert.ok(scanned.length > seeds.length);
      assert.deepEqual(scanned, await indexOf(main));
      // A file event: read again and analyzed in the worker.
      const nieuw = path.join(dir, 'nieuw.md');
      fs.writeFileSync(nieuw, '---\nkamerstuk: 29826-300\ntitel: Een nieuwe brief over industrieclusters\n---\nZie Kamerstuk 29826, nr. 147.\n');
      for (const lsp of sessions) await lsp.indexedAfter(() => lsp.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(nieuw).toString(), type: 1 }] }));
      assert.equal((await statsOf(worker)).analysesElsewhere, seeds.length + 2);
      assert.deepEqual(await indexOf(worker), await indexOf(main));
    } finally {
      await Promise.all(sessions.map((s) => s.stop()));
    }
  });

  it('starts loading the analysis worker once initialize is answered, before any document is opened', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kw-lsp-warmup-'));
    // A worker script that only says it was loaded (and then fails: the server falls back to its thread).
    const loaded = path.join(dir, 'loaded.txt');
    const script = path.join(dir, 'worker.js');
    fs.writeFileSync(script, `require('fs').writeFileSync(${JSON.stringify(loaded)}, 'yes'); throw new Error('not a worker');\n`);
    const lsp = await LspSession.start({ folders: [dir], settings: { today: TODAY }, env: { KAMERWIJZER_TEST_WORKER_SCRIPT: script, KAMERWIJZER_WORKERS: '1' } });
    try {
      await lsp.until(() => fs.existsSync(loaded), 5000).catch(() => assert.fail('the worker was not started after initialize'));
    } finally {
      await lsp.stop();
    }
  });

  it('analyzes in the main thread and says so once in the log', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kw-lsp-noworker-'));
    // One worker: with several, each that fails says so (the pool's test covers that), and whether a
    // second one is started before the first has failed depends on timing.
    const lsp = await LspSession.start({ folders: [dir], settings: { today: TODAY }, env: { KAMERWIJZER_TEST_WORKER_SCRIPT: path.join(dir, 'no-such-worker.js'), KAMERWIJZER_WORKERS: '1' } });
    try {
      const uri = pathToFileURL(path.join(dir, 'brief.md')).toString();
      await lsp.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: seeds[0]! } });
      const report = await lsp.request<Report>('textDocument/diagnostic', { textDocument: { uri } });
      assert.deepEqual(report.items.map(shape), await freshDiagnostics(uri, seeds[0]!));
      await lsp.until(() => lsp.logged.some((m) => /analysis worker failed/.test(m.message)));
      assert.equal(lsp.logged.filter((m) => /analysis worker failed/.test(m.message)).length, 1);
    } finally {
      await lsp.stop();
    }
  });
});
