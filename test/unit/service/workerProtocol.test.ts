/**
 * Sequences of the analysis worker's protocol as the main thread sees them: file jobs posted one
 * ahead (answered with an error, dropped, the worker crashing) against a scripted worker whose
 * replies each job's uri decides; and deltas applied in steps (a job dropped, the worker failing
 * meanwhile) against the real worker. Every job settles, in order, and `load` comes back to 0.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ALL_RULES } from '../../../server/src/features/diagnostics/rules';
import { DEFAULT_DIAGNOSTIC_SETTINGS } from '../../../server/src/features/model';
import { WorkerAnalyzer } from '../../../server/src/lsp/analysisWorker';
import type { Logger } from '../../../server/src/service/kamerwijzer';
import { seedLetters } from '../../support/textArbitraries';
import { bundledGlossary } from '../../support/workspace';

const errors: string[] = [];
const logger: Logger = { info: () => undefined, warn: () => undefined, error: (m) => errors.push(m) };
const bundled = () => bundledGlossary;

/** A worker that answers a file job as its uri says: `slow-N` after N ms, `error` with an error, `crash` by exiting. */
const SCRIPTED = `
const { parentPort } = require('node:worker_threads');
let turn = Promise.resolve();
parentPort.on('message', (m) => {
  if (m.kind === 'bundled' || m.kind === 'cancel') return;
  turn = turn.then(async () => {
    const uri = m.kind === 'file' ? m.job.uri : m.job.uri;
    const slow = /slow-(\\d+)/.exec(uri);
    if (slow) await new Promise((r) => setTimeout(r, Number(slow[1])));
    if (uri.includes('crash')) process.exit(3);
    if (uri.includes('error')) return parentPort.postMessage({ id: m.id, error: { message: 'boom ' + uri } });
    if (m.kind === 'file') parentPort.postMessage({ id: m.id, file: 'declined' });
    else parentPort.postMessage({ id: m.id, analysis: { metadata: {}, references: [], footnotes: [], footnoteMarkers: [], instruments: [] } });
  });
});
`;

describe('worker protocol: file jobs posted ahead', function () {
  this.timeout(30_000);
  let dir: string;
  let script: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kw-audit-'));
    script = path.join(dir, 'scripted.js');
    fs.writeFileSync(script, SCRIPTED);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  afterEach(() => assert.deepEqual(errors.splice(0), []));

  const file = (w: WorkerAnalyzer, uri: string, signal?: AbortSignal) => w.readFile({ uri, file: '/nonexistent', maxBytes: 1000 }, bundled, signal);

  it('a running file job answered with an error: the one posted ahead and those after it are answered', async () => {
    const w = new WorkerAnalyzer({ logger, script });
    try {
      const a = file(w, 'file:///slow-100-error');
      const b = file(w, 'file:///b');
      const c = file(w, 'file:///c');
      const x = w.analyze({ uri: 'file:///x', text: 'x' }, bundled);
      assert.equal(w.load, 4);
      await assert.rejects(a, /boom/);
      assert.equal(await b, 'declined');
      assert.equal(await c, 'declined');
      assert.ok(await x);
      assert.equal(w.load, 0);
    } finally {
      w.dispose();
    }
  });

  it('the running file job dropped while one is ahead: the ahead one, an analyze job and later files are answered in order', async () => {
    const started: string[] = [];
    const w = new WorkerAnalyzer({ logger, script, onEvent: (e, uri) => void (e === 'started' && started.push(uri!)) });
    try {
      const drop = new AbortController();
      const a = file(w, 'file:///slow-100-a', drop.signal);
      const b = file(w, 'file:///slow-50-b');
      const x = w.analyze({ uri: 'file:///x', text: 'x' }, bundled);
      const c = file(w, 'file:///c');
      drop.abort(new Error('gone'));
      await assert.rejects(a, /gone/);
      assert.equal(w.load, 4); // b ahead, x and c waiting, a still running there (ignored)
      const order: string[] = [];
      await Promise.all([b.then(() => order.push('b')), x.then(() => order.push('x')), c.then(() => order.push('c'))]);
      assert.deepEqual(order, ['b', 'x', 'c']);
      assert.deepEqual(started, ['file:///slow-100-a', 'file:///slow-50-b', 'file:///x', 'file:///c']);
      assert.equal(w.load, 0);
    } finally {
      w.dispose();
    }
  });

  it('the worker crashes while a file job runs with one ahead: every job settles (main thread), load 0', async () => {
    const w = new WorkerAnalyzer({ logger, script, onFailed: () => undefined });
    try {
      const a = file(w, 'file:///slow-50-crash');
      const b = file(w, 'file:///b');
      const c = file(w, 'file:///c');
      const x = w.analyze({ uri: 'file:///x', text: 'x' }, bundled);
      assert.deepEqual(await Promise.all([a, b, c, x]), [undefined, undefined, undefined, undefined]);
      assert.equal(w.inProcess, true);
      assert.equal(w.load, 0);
    } finally {
      w.dispose();
    }
  });

  it('the ahead job dropped, then the running one dropped: both reject, the next runs, load 0', async () => {
    const w = new WorkerAnalyzer({ logger, script });
    try {
      const da = new AbortController();
      const db = new AbortController();
      const a = file(w, 'file:///slow-80-a', da.signal);
      const b = file(w, 'file:///slow-30-b', db.signal);
      const c = file(w, 'file:///c');
      db.abort(new Error('b gone'));
      da.abort(new Error('a gone'));
      await assert.rejects(a, /a gone/);
      await assert.rejects(b, /b gone/);
      assert.equal(await c, 'declined');
      assert.equal(w.load, 0);
    } finally {
      w.dispose();
    }
  });
});

const REAL = path.resolve(__dirname, '../../../server/src/lsp/analysisWorker.js');

describe('worker protocol: a delta applied in steps', function () {
  this.timeout(60_000);
  afterEach(() => assert.deepEqual(errors.splice(0), []));
  const checks = { codes: ALL_RULES.map((r) => r.code), settings: DEFAULT_DIAGNOSTIC_SETTINGS, locale: 'nl' as const, today: '2026-01-15', online: false };
  const text = seedLetters().join('\n\n').repeat(6);
  const uri = 'file:///ws/audit.md';
  let current = text;
  /** The last version given with a few words more near its start (an edit of a long letter near its start: every reference after it moves). */
  const edited = (k: number) => {
    const at = current.indexOf(' ', 1000 * k) + 1;
    current = `${current.slice(0, at)}Kamerstuk 29 826, nr. 12 ${current.slice(at)}`;
    return current;
  };
  const tick = () => new Promise((r) => setImmediate(r));

  it('the job dropped while its delta is applied: the worker’s findings reply that follows is taken as that job’s (findingsCancelled)', async () => {
    const w = new WorkerAnalyzer({ logger, script: REAL, applyForMs: 0 });
    try {
      // The worker stops making the dropped version's findings once it hears of it; it may have made
      // them before: of a few tries, one at least is stopped (as in serverPath.test.ts).
      let counted = 0;
      let k = 2;
      current = text;
      let prev = await w.analyze({ uri, text, checks }, bundled);
      await prev?.findingsLater;
      for (let attempt = 0; attempt < 5 && !counted; attempt++) {
        const pauses = w.deltaPauses;
        const drop = new AbortController();
        const second = w.analyze({ uri, text: edited(k++), checks }, bundled, drop.signal);
        second.catch(() => undefined);
        // Dropped while its delta is being applied (the version before came whole or as a delta: one comes now).
        const since = Date.now();
        while (w.deltaPauses === pauses) {
          assert.ok(Date.now() - since < 10_000, 'no delta came');
          await tick();
        }
        const cancelled = w.findingsCancelled;
        drop.abort(new Error('superseded'));
        await assert.rejects(second, /superseded/);
        prev = await w.analyze({ uri, text: edited(k++), checks }, bundled);
        await prev?.findingsLater;
        counted = w.findingsCancelled - cancelled;
        assert.equal(w.load, 0);
      }
      assert.equal(counted, 1, 'the worker’s cancelled findings reply was taken as the dropped job’s');
    } finally {
      w.dispose();
    }
  });

  it('the worker fails while a delta is applied: the job settles (main thread), nothing logged but the failure', async () => {
    const failures: unknown[] = [];
    const w = new WorkerAnalyzer({ logger, script: REAL, applyForMs: 0, onFailed: (e) => failures.push(e) });
    try {
      current = text;
      const first = await w.analyze({ uri, text, checks }, bundled);
      await first?.findingsLater;
      const pauses = w.deltaPauses;
      const second = w.analyze({ uri, text: edited(2), checks }, bundled);
      while (w.deltaPauses === pauses) await tick();
      void (w as unknown as { worker: { terminate(): Promise<number> } }).worker.terminate();
      const made = await second;
      // Either it settled with the applied delta before the exit was heard, or undefined (made here).
      if (made) assert.equal(await made.findingsLater, undefined);
      assert.equal(failures.length, 1);
      assert.equal(w.load, 0);
      assert.equal(await w.analyze({ uri, text: edited(3), checks }, bundled), undefined);
    } finally {
      w.dispose();
    }
  });
});
