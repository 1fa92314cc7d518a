/**
 * Analyses in several worker threads (lsp/analyzerPool.ts): where jobs go (the editor's worker keeps
 * open documents, files of a scan spread over the others), and that what comes back is what this
 * thread would make. Also `wholeAgainAsync`, the check's way to have a document analyzed again
 * elsewhere with the rules that read only it: the same document and the same findings as in this
 * thread.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { analyze } from '../../../server/src/engine/analyze';
import { Glossary } from '../../../server/src/engine/glossary';
import { DEFAULT_DIAGNOSTIC_SETTINGS } from '../../../server/src/features/model';
import { AnalyzerPool } from '../../../server/src/lsp/analyzerPool';
import { createKamerwijzer, type AnalysisJob, type Kamerwijzer, type Logger } from '../../../server/src/service/kamerwijzer';
import { seedLetters } from '../../support/textArbitraries';
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
      assert.deepEqual((await open)?.analysis, analyze(seeds[0]!, { instruments: glossary.matcher, senses: glossary.senses }));
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
});
