/**
 * Analyses in several worker threads (lsp/analyzerPool.ts): where jobs go (the editor's worker keeps
 * open documents, files of a scan spread over the others), and that what comes back is what this
 * thread would make. Also `wholeAgainAsync`, the check's way to have a document analyzed again
 * elsewhere with the rules that read only it: the same document and the same findings as in this
 * thread. And files a worker reads itself for the index (`indexFileAsync`): the same entries as the
 * text read and analyzed in this thread.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyze } from '../../../server/src/engine/analyze';
import { Glossary } from '../../../server/src/engine/glossary';
import { DEFAULT_DIAGNOSTIC_SETTINGS } from '../../../server/src/features/model';
import { WorkerAnalyzer } from '../../../server/src/lsp/analysisWorker';
import { AnalyzerPool } from '../../../server/src/lsp/analyzerPool';
import { createKamerwijzer, type AnalysisJob, type DocumentFacts, type Kamerwijzer, type Logger } from '../../../server/src/service/kamerwijzer';
import { readTextFile } from '../../../server/src/io/textFiles';
import { IndexCache } from '../../../server/src/io/indexCache';
import { realLetters, seedLetters } from '../../support/textArbitraries';
import { bundledGlossary, bundledSource } from '../../support/workspace';

const WORKER_SCRIPT = path.resolve(__dirname, '../../../server/src/lsp/analysisWorker.js');

const seeds = seedLetters();

const errors: string[] = [];
const logger: Logger = { info: () => undefined, warn: () => undefined, error: (m) => errors.push(m) };
const bundled = () => bundledGlossary;
const scanJob = (k: number): AnalysisJob => ({ uri: `file:///ws/scan-${k}.txt`, text: seeds[k % seeds.length]!, withoutInstruments: true });

function service(pool?: AnalyzerPool): Kamerwijzer {
  return createKamerwijzer({
    sources: [bundledSource()],
    bundledGlossary: bundled,
    settings: { locale: 'nl', today: '2026-01-15', diagnostics: { ...DEFAULT_DIAGNOSTIC_SETTINGS, enforceCitationStyle: true } },
    ...(pool ? { analyzer: pool } : {}),
    logger,
  });
}

describe('analyses in several worker threads', function () {
  this.timeout(60_000);
  afterEach(() => assert.deepEqual(errors.splice(0), []));

  it('files of a scan go to the least busy of the other workers, to the editor’s only when it is idle, they are busy and the file is short; open documents to the editor’s', async () => {
    const pool = new AnalyzerPool({ logger, script: WORKER_SCRIPT, workers: 3 });
    try {
      const done = [0, 1, 2, 3].map((k) => pool.analyze(scanJob(k), bundled));
      // One to each of the other workers, then one to the idle editor's worker (they are busy), then to the least busy other.
      assert.deepEqual([...pool.loads], [1, 2, 1]);
      const open = pool.analyze({ uri: 'file:///ws/brief.txt', text: seeds[0]!, checks: { codes: [], settings: DEFAULT_DIAGNOSTIC_SETTINGS, locale: 'nl', today: '2026-01-15', online: false } }, bundled);
      assert.deepEqual([...pool.loads], [2, 2, 1]);
      const made = await Promise.all(done);
      made.forEach((m, k) => assert.deepEqual(m?.analysis, analyze(scanJob(k).text)));
      const glossary = Glossary.from(bundledGlossary);
      const opened = await open;
      assert.deepEqual(opened?.analysis, analyze(seeds[0]!, { instruments: glossary.matcher, senses: glossary.senses }));
      // The open document's findings follow its analysis (its worker is busy until they are in).
      assert.deepEqual(await opened?.findingsLater, []);
      assert.deepEqual([...pool.loads], [0, 0, 0]);
      // A long file never goes to the editor's worker: an edit would wait for it.
      const long = (k: number): AnalysisJob => ({ ...scanJob(k), uri: `file:///ws/long-${k}.txt`, text: seeds.join('\n\n').repeat(Math.ceil(140_000 / seeds.join('\n\n').length)) });
      const longs = [0, 1, 2].map((k) => pool.analyze(long(k), bundled));
      assert.deepEqual([...pool.loads], [0, 2, 1]);
      await Promise.all(longs);
    } finally {
      pool.dispose();
    }
  });

  it('without an editor’s worker (a check), every job goes to the least busy worker', async () => {
    const pool = new AnalyzerPool({ logger, script: WORKER_SCRIPT, workers: 2, editorWorker: false });
    try {
      const done = [0, 1, 2].map((k) => pool.analyze({ ...scanJob(k), checks: { codes: [], settings: DEFAULT_DIAGNOSTIC_SETTINGS, locale: 'nl', today: '2026-01-15', online: false }, once: true }, bundled));
      assert.deepEqual([...pool.loads], [2, 1]);
      await Promise.all(done);
    } finally {
      pool.dispose();
    }
  });

  it('when every worker fails, the service analyzes in its own thread', async () => {
    const logged: string[] = [];
    const quiet: Logger = { info: () => undefined, warn: () => undefined, error: (m) => logged.push(m) };
    const pool = new AnalyzerPool({ logger: quiet, script: path.join(__dirname, 'no-such-worker.js'), workers: 2 });
    try {
      assert.equal(await pool.analyze({ ...scanJob(0), checks: { codes: [], settings: DEFAULT_DIAGNOSTIC_SETTINGS, locale: 'nl', today: '2026-01-15', online: false } }, bundled), undefined);
      assert.equal(pool.inProcess, false);
      assert.match(logged[0]!, /^an analysis worker failed, the other worker takes its documents/);
      // The editor's worker failed: an open document goes to the other one (which fails too).
      assert.equal(await pool.analyze({ ...scanJob(1), checks: { codes: [], settings: DEFAULT_DIAGNOSTIC_SETTINGS, locale: 'nl', today: '2026-01-15', online: false } }, bundled), undefined);
      assert.equal(pool.inProcess, true);
      assert.match(logged[1]!, /^the analysis worker failed, documents are analyzed in the server's main thread from now on/);
      assert.equal(logged.length, 2);
      const s = service(pool);
      const doc = await s.wholeAgainAsync('file:///ws/a.txt', seeds[1]!, 1);
      assert.deepEqual(doc.analysis, service().wholeAgain('file:///ws/a.txt', seeds[1]!, 1).analysis);
    } finally {
      pool.dispose();
    }
  });

  it('wholeAgainAsync gives the document and the findings this thread gives, the rules that read only the document run in a worker', async () => {
    const pool = new AnalyzerPool({ logger, script: WORKER_SCRIPT, workers: 2, editorWorker: false });
    try {
      const elsewhere = service(pool);
      const here = service();
      for (const [k, text] of seeds.entries()) {
        const uri = `file:///ws/brief-${k}.txt`;
        elsewhere.setDocument(uri, text, 1, undefined, 'entry');
        here.setDocument(uri, text, 1, undefined, 'entry');
      }
      for (const [k, text] of seeds.entries()) {
        const uri = `file:///ws/brief-${k}.txt`;
        const runsElsewhere = elsewhere.stats.ruleRunsElsewhere;
        const a = await elsewhere.wholeAgainAsync(uri, text, 1);
        const b = here.wholeAgain(uri, text, 1);
        assert.deepEqual(a.analysis, b.analysis);
        assert.ok(elsewhere.stats.ruleRunsElsewhere > runsElsewhere, 'rules ran in the worker');
        assert.deepEqual(await elsewhere.findings(a), await here.findings(b));
        // The index is as it was: the document is still held as its entry.
        assert.equal(elsewhere.document(uri), undefined);
      }
    } finally {
      pool.dispose();
    }
  });

  describe('files a worker reads for the index', () => {
    let dir: string;
    before(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kw-pool-files-'));
    });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    /** Real letters written in every encoding the reader knows, with bytes that are not valid, and files that are no text. */
    function writeFiles(): string[] {
      const letters = realLetters().slice(0, 40);
      const files: string[] = [];
      const write = (name: string, bytes: Uint8Array): void => {
        const f = path.join(dir, name);
        fs.writeFileSync(f, bytes);
        files.push(f);
      };
      letters.forEach((text, k) => {
        const utf8 = Buffer.from(text, 'utf8');
        if (k % 5 === 0) write(`brief-${k}-bom.txt`, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]));
        else if (k % 5 === 1) write(`brief-${k}-utf16.txt`, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
        else if (k % 5 === 2) write(`brief-${k}-ongeldig.txt`, Buffer.concat([utf8.subarray(0, 200), Buffer.from([0xe9, 0xc3]), utf8.subarray(200)]));
        else if (k % 5 === 3) write(`brief-${k}-1252.txt`, Buffer.from(text.replace(/[^\x00-\xff€“”–]/g, '?').replace(/[€“”–]/g, (c) => ({ '€': '\x80', '“': '\x93', '”': '\x94', '–': '\x96' })[c]!), 'latin1'));
        else write(`brief-${k}.md`, utf8);
      });
      write('scan.pdf.txt', Buffer.from('%PDF-1.7\n%\u00e2\u00e3\n1 0 obj', 'latin1'));
      write('nul.txt', Buffer.from('Kamerstuk 29 826, nr. 147\u0000\u0000', 'latin1'));
      write('groot.txt', Buffer.alloc(3000, 0x61));
      files.push(path.join(dir, 'weg.txt'));
      return files;
    }

    it('give the entries the text read and analyzed in this thread gives: metadata, lines, citations, identities; and the same reasons for what is no text', async () => {
      const pool = new AnalyzerPool({ logger, script: WORKER_SCRIPT, workers: 2 });
      try {
        const elsewhere = service(pool);
        const here = service();
        const files = writeFiles();
        const maxBytes = 2000 * 1000;
        for (const [k, file] of files.entries()) {
          const uri = `file://${file}`;
          const known = k % 7 === 3 ? { known: { kamerstuk: `36600-${k}`, title: 'Brief van de minister' } } : undefined;
          const max = path.basename(file) === 'groot.txt' ? 2999 : maxBytes;
          const made = await elsewhere.indexFileAsync(uri, file, -k - 1, known, max);
          const read = await readTextFile(file, max);
          assert.ok(made, file);
          if (!read.ok) {
            assert.deepEqual(made, { unread: { reason: read.reason, detail: read.detail } }, file);
            assert.equal(elsewhere.entry(uri), undefined);
            continue;
          }
          assert.ok('entry' in made, file);
          assert.equal(made.encoding, read.encoding, file);
          assert.deepEqual(made.invalid, read.invalid, file);
          const entry = here.setDocument(uri, read.text, -k - 1, known, 'entry');
          const mine = here.entry(uri)!;
          assert.deepEqual(made.entry, mine, file);
          assert.deepEqual(made.entry.metadata, JSON.parse(JSON.stringify(entry.metadata)), file);
          for (let offset = 0; offset <= read.text.length; offset += 997) assert.deepEqual(made.entry.lines.positionAt(offset), entry.lines.positionAt(offset));
          assert.deepEqual(elsewhere.index.keysCitedBy(uri), here.index.keysCitedBy(uri), file);
        }
        assert.ok([...here.index.citedKeys()].length > 50, 'the letters cite documents');
        assert.deepEqual([...elsewhere.index.citedKeys()].sort(), [...here.index.citedKeys()].sort());
        for (const key of here.index.citedKeys()) {
          const strip = (cs: ReturnType<Kamerwijzer['index']['citationsOf']>) => cs.map((c) => ({ uri: c.doc.uri, reference: c.reference }));
          assert.deepEqual(strip(elsewhere.index.citationsOf(key)), strip(here.index.citationsOf(key)), key);
          assert.deepEqual(elsewhere.index.documentsIdentifiedAs(key), here.index.documentsIdentifiedAs(key), key);
        }
        assert.deepEqual([...elsewhere.index.entries()], [...here.index.entries()]);
        assert.equal(elsewhere.stats.analysesElsewhere, here.stats.analyses);
      } finally {
        pool.dispose();
      }
    });

    it('with an index cache: a later session takes the entries of files whose bytes and facts are the same, and they are the entries an analysis makes', async () => {
      const pool = new AnalyzerPool({ logger, script: WORKER_SCRIPT, workers: 2 });
      const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kw-pool-cache-'));
      try {
        const files = writeFiles();
        const known = (k: number): DocumentFacts | undefined => (k % 7 === 3 ? { known: { kamerstuk: `36600-${k}`, title: 'Brief van de minister' } } : undefined);
        /** A session: its own service and cache (read from the cache folder), every file indexed, the cache written. */
        let cache: IndexCache | undefined;
        const session = async (facts: (k: number) => DocumentFacts | undefined): Promise<Kamerwijzer> => {
          let s: Kamerwijzer | undefined;
          cache = new IndexCache({ root: () => root, engine: 'test', indexed: (f) => !!s?.entry(`file://${f}`) });
          s = createKamerwijzer({ sources: [bundledSource()], bundledGlossary: bundled, analyzer: pool, logger, entryCache: cache });
          await cache.load([dir]);
          for (const [k, file] of files.entries()) {
            const made = await s.indexFileAsync(`file://${file}`, file, -k - 1, facts(k), 2000 * 1000);
            const read = await readTextFile(file, 2000 * 1000);
            if ('entry' in made!) {
              assert.equal(made.encoding, read.ok && read.encoding, file);
              assert.deepEqual(made.invalid, read.ok ? read.invalid : undefined, file);
            }
          }
          await cache.save();
          return s;
        };
        const first = await session(known);
        const readable = [...first.index.entries()].length;
        assert.deepEqual([first.stats.entriesReused, first.stats.analysesElsewhere], [0, readable]);
        const second = await session(known);
        assert.deepEqual([second.stats.entriesReused, second.stats.analysesElsewhere], [readable, 0]);
        assert.deepEqual([...second.index.entries()], [...first.index.entries()]);
        assert.deepEqual([...second.index.citedKeys()].sort(), [...first.index.citedKeys()].sort());
        for (const key of first.index.citedKeys()) {
          const strip = (cs: ReturnType<Kamerwijzer['index']['citationsOf']>) => cs.map((c) => ({ uri: c.doc.uri, reference: c.reference }));
          assert.deepEqual(strip(second.index.citationsOf(key)), strip(first.index.citationsOf(key)), key);
          assert.deepEqual(second.index.documentsIdentifiedAs(key), first.index.documentsIdentifiedAs(key), key);
        }
        // One file's bytes changed, and other facts for another: those two are analyzed again.
        const changed = files.find((f) => f.endsWith('.md'))!;
        fs.appendFileSync(changed, '\nZie ook Kamerstuk 21501-33, nr. 1000.\n');
        const third = await session((k) => (k === 1 ? { known: { title: 'Een andere titel' } } : known(k)));
        assert.deepEqual([third.stats.entriesReused, third.stats.analysesElsewhere], [readable - 2, 2]);
        assert.ok(third.index.keysCitedBy(`file://${changed}`).includes('21501-33-1000'));
        assert.equal(third.entry(`file://${files[1]}`)?.metadata.title, 'Een andere titel');
        // A file gone: what was kept of it goes.
        await cache!.load([dir]);
        assert.ok(cache!.lookup(changed, '{}'));
        fs.rmSync(changed);
        assert.ok('unread' in (await third.indexFileAsync(`file://${changed}`, changed, -1000, undefined, 2000 * 1000))!);
        assert.equal(cache!.lookup(changed, '{}'), undefined);
      } finally {
        pool.dispose();
        fs.rmSync(root, { recursive: true, force: true });
      }
    });

    it('files of a scan are posted to a worker one ahead (it goes from one to the next without a round trip); one dropped there is answered and settles nothing', async () => {
      const started: string[] = [];
      const worker = new WorkerAnalyzer({ logger, script: WORKER_SCRIPT, onEvent: (event, uri) => void (event === 'started' && started.push(uri!)) });
      try {
        const file = path.join(dir, 'kort.txt');
        fs.writeFileSync(file, seeds[0]!);
        const drop = new AbortController();
        const job = (k: number, signal?: AbortSignal) => worker.analyzeFile({ uri: `file:///brief-${k}.txt`, file, maxBytes: 10_000_000 }, bundled, signal);
        const jobs = [job(1), job(2, drop.signal), job(3), job(4)];
        // The first runs, the second is in the worker behind it, the others wait here.
        assert.deepEqual(started, ['file:///brief-1.txt', 'file:///brief-2.txt']);
        assert.equal(worker.load, 4);
        drop.abort(new Error('rescan'));
        await assert.rejects(jobs[1]!, /rescan/);
        const [a, , c, d] = await Promise.all([jobs[0], jobs[1]!.catch(() => undefined), jobs[2], jobs[3]]);
        for (const made of [a, c, d]) assert.ok(made && 'metadata' in made && made.length === seeds[0]!.length);
        assert.deepEqual(started, [1, 2, 3, 4].map((k) => `file:///brief-${k}.txt`));
        assert.equal(worker.load, 0);
        // An open document's version after files: not posted ahead (it waits for the file before it, as before).
        const files = [job(5), job(6)];
        const open = worker.analyze({ uri: 'file:///ws/brief.md', text: seeds[1]! }, bundled);
        assert.deepEqual(started.slice(-2), ['file:///brief-5.txt', 'file:///brief-6.txt']);
        assert.ok((await open)?.analysis.references.length);
        await Promise.all(files);
        assert.equal(started.at(-1), 'file:///ws/brief.md');
        assert.deepEqual(errors, []);
      } finally {
        worker.dispose();
      }
    });

    it('the editor’s worker, idle while the others are busy, reads a short file and declines a long one unread (it goes to another worker)', async () => {
      const pool = new AnalyzerPool({ logger, script: WORKER_SCRIPT, workers: 2 });
      try {
        const short = path.join(dir, 'kort.txt');
        const long = path.join(dir, 'lang.txt');
        fs.writeFileSync(short, seeds[0]!);
        fs.writeFileSync(long, seeds.join('\n\n').repeat(Math.ceil(140_000 / seeds.join('\n\n').length)));
        const job = (file: string, k: number) => pool.analyzeFile({ uri: `file://${file}#${k}`, file, maxBytes: 10_000_000 }, bundled);
        // The other worker busy with one file: the next goes to the idle editor's worker.
        const first = job(short, 1);
        assert.deepEqual([...pool.loads], [0, 1]);
        const second = job(long, 2);
        assert.deepEqual([...pool.loads], [1, 1]);
        const [a, b] = await Promise.all([first, second]);
        assert.ok(a && 'metadata' in a && b && 'metadata' in b);
        assert.equal(b.length, fs.readFileSync(long, 'utf8').length);
        // The long file was declined by the editor's worker and read by the other one: it came back whole.
        const here = service();
        here.setDocument('file:///lang.txt', fs.readFileSync(long, 'utf8'), 1, undefined, 'entry');
        assert.deepEqual(b.citations.keys, here.index.keysCitedBy('file:///lang.txt'));
        // A short file there is read by the editor's worker.
        const third = job(short, 3);
        const fourth = job(short, 4);
        assert.deepEqual([...pool.loads], [1, 1]);
        await Promise.all([third, fourth]);
      } finally {
        pool.dispose();
      }
      // What the editor's worker is asked: a file over the bytes it takes is declined without being read.
      const worker = new WorkerAnalyzer({ logger, script: WORKER_SCRIPT });
      try {
        const file = path.join(dir, 'kort.txt');
        const size = fs.statSync(file).size;
        assert.equal(await worker.readFile({ uri: 'file:///kort.txt', file, maxBytes: 10_000_000, atMostBytes: size - 1 }, bundled), 'declined');
        const read = await worker.readFile({ uri: 'file:///kort.txt', file, maxBytes: 10_000_000, atMostBytes: size }, bundled);
        assert.ok(read && read !== 'declined' && 'metadata' in read);
        assert.equal(read.length, seeds[0]!.length);
      } finally {
        worker.dispose();
      }
    });

    it('without an analyzer that reads files, or with a hook that wants the text first, the caller reads the file', async () => {
      const file = path.join(dir, 'brief.txt');
      fs.writeFileSync(file, seeds[1]!);
      assert.equal(await service().indexFileAsync('file:///brief.txt', file, -1, undefined, 1_000_000), undefined);
      const pool = new AnalyzerPool({ logger, script: WORKER_SCRIPT, workers: 1 });
      try {
        const hooked = createKamerwijzer({ bundledGlossary: bundled, analyzer: pool, beforeAnalysis: () => undefined });
        assert.equal(await hooked.indexFileAsync('file:///brief.txt', file, -1, undefined, 1_000_000), undefined);
        const s = service(pool);
        const made = await s.indexFileAsync('file:///brief.txt', file, -1, undefined, 1_000_000);
        assert.ok(made && 'entry' in made);
        assert.equal(s.document('file:///brief.txt'), undefined, 'kept as its entry');
      } finally {
        pool.dispose();
      }
    });
  });
});
