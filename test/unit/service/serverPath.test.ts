/**
 * The server's path to findings — analyses made by the worker thread (lsp/analysisWorker.ts), older
 * versions dropped while newer ones arrive, findings kept per version and rerun per rule when the
 * workspace changes — gives what a fresh analysis and a fresh run of every rule give on the final
 * texts. Random edit sequences (fast-check, a fixed seed) on real letters, with edits of a second
 * document the first one cites and of the workspace glossary in between. Work is counted through
 * the service's stats, never timed.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as fc from 'fast-check';
import { describedCitations } from '../../../server/src/features/diagnostics/citationDescription';
import { ALL_RULES } from '../../../server/src/features/diagnostics/rules';
import { DEFAULT_DIAGNOSTIC_SETTINGS } from '../../../server/src/features/model';
import { changedStretch, changedStretchComparisons, DELTA_STEP, rememberChangedStretch } from '../../../server/src/engine/incremental';
import { WorkerAnalyzer } from '../../../server/src/lsp/analysisWorker';
import { EditTrail } from '../../../server/src/lsp/editTrail';
import { createKamerwijzer, type Kamerwijzer, type Logger } from '../../../server/src/service/kamerwijzer';
import { params, seedLetters, VOCABULARY } from '../../support/textArbitraries';
import { bundledGlossary, bundledSource, GLOSSARY_URI, ListCatalogSource, type Known } from '../../support/workspace';

const WORKER_SCRIPT = path.resolve(__dirname, '../../../server/src/lsp/analysisWorker.js');
const A = 'file:///ws/brief.md';
const B = 'file:///ws/bijlage.md';
const KNOWN: Known[] = [{ id: '29826-250', type: 'Motie', title: 'Motie van het lid Kostić over de verduurzaming van de industrie' }];
const GLOSSARIES = [
  undefined,
  JSON.stringify({ entries: [{ id: 'sce', name: 'SCE-regeling', fullName: 'Subsidieregeling Coöperatieve Energieopwekking', abbreviations: ['SCE'], kind: 'subsidieregeling' }] }),
];
const B_TEXTS = [
  '---\nkamerstuk: 29826-999\ntitel: Toekomstperspectief op de energie-intensieve industrie\n---\nTekst.\n',
  '---\nkamerstuk: 29826-999\ntitel: Jaarverslag visserij en kustbeheer Waddenzee\n---\nTekst.\n',
  'Geen kop.\n',
];

const seeds = seedLetters().map((t) => t.slice(0, 6000));

const errors: string[] = [];
const logger: Logger = { info: () => undefined, warn: () => undefined, error: (m) => errors.push(m) };
const yieldNow = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function service(analyzer?: WorkerAnalyzer): Kamerwijzer {
  const s = createKamerwijzer({
    sources: [new ListCatalogSource(KNOWN), bundledSource()],
    bundledGlossary: () => bundledGlossary,
    folderOf: (uri) => (uri.startsWith('file:///ws/') ? 'ws' : undefined),
    settings: { locale: 'nl', today: '2026-01-15', diagnostics: { ...DEFAULT_DIAGNOSTIC_SETTINGS, enforceCitationStyle: true } },
    ...(analyzer ? { analyzer, slice: yieldNow } : {}),
    logger,
  });
  s.glossaries.setFolder('ws', GLOSSARY_URI, undefined);
  return s;
}

/** Runs `body` with a worker analyzer of its own (and the events it tells) and a service analyzing in it. */
async function withOwnWorker(body: (worker: WorkerAnalyzer, s: Kamerwijzer, events: string[]) => Promise<void>): Promise<void> {
  const events: string[] = [];
  const worker = new WorkerAnalyzer({ logger, script: WORKER_SCRIPT, onEvent: (e) => events.push(e) });
  try {
    await body(worker, service(worker), events);
  } finally {
    worker.dispose();
  }
}

type Step =
  | { readonly kind: 'edit'; readonly at: number; readonly remove: number; readonly insert: string; readonly wait: boolean }
  | { readonly kind: 'cited'; readonly text: number }
  | { readonly kind: 'glossary'; readonly text: number }
  | { readonly kind: 'findings' };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('edit' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat(30), insert: fc.array(fc.constantFrom(...VOCABULARY, ' ', '\n', 'SCE-regeling ', 'Toekomstperspectief op de energie-intensieve industrie '), { maxLength: 4 }).map((w) => w.join(' ')), wait: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('cited' as const), text: fc.nat(B_TEXTS.length - 1) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('glossary' as const), text: fc.nat(GLOSSARIES.length - 1) }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'findings' as const }) },
);

/** What a fresh service finds on the final texts. */
async function fresh(textA: string, textB: string, glossary: string | undefined) {
  const s = service();
  s.glossaries.setFolder('ws', GLOSSARY_URI, glossary);
  s.setDocument(B, textB, 1);
  const doc = s.setDocument(A, textA, 1);
  return { analysis: doc.analysis, findings: await s.findings(doc) };
}

describe('the server path: worker analyses, dropped versions, kept findings', function () {
  this.timeout(120_000);
  let analyzer: WorkerAnalyzer;
  before(() => {
    analyzer = new WorkerAnalyzer({ logger, script: WORKER_SCRIPT });
  });
  after(() => analyzer.dispose());
  afterEach(() => assert.deepEqual(errors.splice(0), []));

  /** Random edit sequences through `analyzer`; each edit told to `trail` as the editor's changes are (see editTrail.ts). */
  const randomEdits = (analyzer: WorkerAnalyzer, trail?: EditTrail): Promise<void> =>
    fc.assert(
      fc.asyncProperty(fc.constantFrom(...seeds), fc.array(step, { minLength: 1, maxLength: 10 }), async (seed, steps) => {
        const s = service(analyzer);
        let textA = seed;
        let textB = B_TEXTS[0]!;
        let glossary: string | undefined;
        let version = 1;
        s.setDocument(B, textB, 1);
        let pending: { abort: AbortController; done: Promise<unknown> } | undefined;
        const analyzeA = (wait: boolean) => {
          pending?.abort.abort(new Error('superseded'));
          const abort = new AbortController();
          const done = s.setDocumentAsync(A, textA, ++version, undefined, abort.signal).catch((e: unknown) => {
            if (!abort.signal.aborted) throw e;
          });
          pending = { abort, done };
          return wait ? done : Promise.resolve();
        };
        await analyzeA(true);
        for (const x of steps) {
          if (x.kind === 'edit') {
            const at = Math.floor(x.at * textA.length);
            const before = textA;
            textA = textA.slice(0, at) + x.insert + textA.slice(at + x.remove);
            trail?.record(A, before, textA, { start: at, end: Math.min(before.length, at + x.remove), inserted: x.insert });
            await analyzeA(x.wait);
          } else if (x.kind === 'cited') {
            textB = B_TEXTS[x.text]!;
            await s.setDocumentAsync(B, textB, ++version);
          } else if (x.kind === 'glossary') {
            glossary = GLOSSARIES[x.text];
            s.glossaries.setFolder('ws', GLOSSARY_URI, glossary);
          } else {
            const doc = s.document(A);
            if (doc) await s.findings(doc);
          }
        }
        await pending?.done;
        // The final text, as the server asks for it after the last edit (a glossary change re-analyzes).
        const doc = await s.setDocumentAsync(A, textA, ++version);
        const expected = await fresh(textA, textB, glossary);
        assert.deepEqual(doc.analysis, expected.analysis);
        assert.deepEqual(await s.findings(doc), expected.findings);
      }),
      params(12),
    );

  it('random edit sequences end with what a fresh analysis and every rule give', async () => {
    await randomEdits(analyzer);
  });

  it('a version given as an edit of a text the worker no longer holds is given again, whole', async () => {
    const trail = new EditTrail();
    const edited = new WorkerAnalyzer({ logger, script: WORKER_SCRIPT, edits: trail });
    const checks = { codes: ['citation-malformed'], settings: DEFAULT_DIAGNOSTIC_SETTINGS, locale: 'nl' as const, today: '2026-01-15', online: false };
    try {
      const v1 = seeds[3]!;
      await (await edited.analyze({ uri: A, text: v1, checks }, () => bundledGlossary))?.findingsLater;
      // A check of the same document (no later version follows): the worker lets its last version go.
      await edited.analyze({ uri: A, text: v1, checks, once: true }, () => bundledGlossary);
      const v2 = `${v1.slice(0, 2000)}Zie Kamerstuk 29826 nr 250. ${v1.slice(2000)}`;
      trail.record(A, v1, v2, { start: 2000, end: 2000, inserted: v2.slice(2000, 2000 + v2.length - v1.length) });
      const made = await edited.analyze({ uri: A, text: v2, checks }, () => bundledGlossary);
      await made?.findingsLater;
      assert.deepEqual(edited.postedAs, { edits: 1, again: 1 });
      assert.ok(made && !made.fromEdit);
      assert.deepEqual(made.analysis, (await edited.analyze({ uri: B, text: v2 }, () => bundledGlossary))?.analysis);
      // The next version goes as an edit again, of the text given whole.
      const at = v2.indexOf('nr 250');
      const v3 = `${v2.slice(0, at)}nr. 250${v2.slice(at + 6)}`;
      trail.record(A, v2, v3, { start: at, end: at + 6, inserted: 'nr. 250' });
      const next = await edited.analyze({ uri: A, text: v3, checks }, () => bundledGlossary);
      await next?.findingsLater;
      assert.deepEqual(edited.postedAs, { edits: 2, again: 1 });
      assert.ok(next?.fromEdit);
      assert.deepEqual(next.analysis, (await edited.analyze({ uri: B, text: v3 }, () => bundledGlossary))?.analysis);
      // The text given is followed: where the editor's text differs from it is known without comparing
      // (the server's views of the analysis held); the ones given before the analysis held are not.
      const v4 = `${v3.slice(0, 10)}x${v3.slice(10)}`;
      trail.record(A, v3, v4, { start: 10, end: 10, inserted: 'x' });
      assert.equal(trail.stretchFrom(A, v2, v4), undefined);
      assert.deepEqual(trail.stretchFrom(A, v3, v4), { stretch: { start: 10, oldEnd: 10, newEnd: 11 } });
    } finally {
      edited.dispose();
    }
  });

  it('the same, each version given to the worker as what changed since the one it was given last', async () => {
    const trail = new EditTrail();
    const edited = new WorkerAnalyzer({ logger, script: WORKER_SCRIPT, edits: trail });
    try {
      await randomEdits(edited, trail);
      assert.ok(edited.postedAs.edits > 20, `${edited.postedAs.edits} versions posted as edits`);
      // The worker always held the text an edit was made against, and the edit made the same text.
      assert.equal(edited.postedAs.again, 0);
    } finally {
      edited.dispose();
    }
  });

  /** What the index keeps of A's citations: each key it cites with its places. */
  const citationsOfA = (s: Kamerwijzer) => s.index.keysCitedBy(A).map((key) => [key, s.index.citationsOf(key).filter((c) => c.doc.uri === A).map((c) => c.reference)]);

  it('edits of a long letter are analyzed as stretches in the worker (and in this thread) and end with what a fresh analysis and every rule give', async () => {
    const long = seedLetters().join('\n\n');
    const edits = fc.array(fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat(30), insert: fc.constantFrom(...VOCABULARY, 'x', 'motie-Kostić c.s.', 'Kamerstuk 29 826, nr. 12') }), { minLength: 2, maxLength: 6 });
    let stretches = 0;
    let here = 0;
    const deltas = analyzer.deltasApplied;
    const findingsDeltas = analyzer.findingsDeltasApplied;
    const describedDeltas = analyzer.describedDeltasApplied;
    const takenInWorker = analyzer.referencesTakenOver;
    let takenHere = 0;
    await fc.assert(
      fc.asyncProperty(edits, async (steps) => {
        const worker = service(analyzer);
        const inThread = service();
        let text = long;
        let version = 1;
        worker.setDocument(B, B_TEXTS[0]!, 1);
        await worker.setDocumentAsync(A, text, version);
        inThread.setDocument(A, text, version);
        for (const e of steps) {
          const at = Math.floor(e.at * text.length);
          text = text.slice(0, at) + e.insert + text.slice(at + e.remove);
          const doc = await worker.setDocumentAsync(A, text, ++version);
          const same = inThread.setDocument(A, text, version);
          assert.deepEqual(same.analysis, doc.analysis);
          // The findings (those of the rules run in the worker come as what changed against the version
          // before), and what the citations describe (likewise, beside the analysis).
          assert.deepEqual(await worker.findings(doc), await inThread.findings(same));
          assert.deepEqual(describedCitations(doc), describedCitations(same));
          // The citations the index keeps (made in the worker beside the analysis) are this thread's.
          assert.deepEqual(citationsOfA(worker), citationsOfA(inThread));
        }
        const expected = await fresh(text, B_TEXTS[0]!, undefined);
        const doc = worker.document(A)!;
        assert.deepEqual(doc.analysis, expected.analysis);
        assert.deepEqual(await worker.findings(doc), expected.findings);
        stretches += worker.stats.stretchAnalysesElsewhere;
        takenHere += worker.stats.referencesTakenOver;
        here++;
      }),
      params(4),
    );
    // A test in which every edit was analyzed whole would prove nothing of the stretches.
    assert.ok(stretches > here, `${stretches} stretch analyses in ${here} runs`);
    // And most of them came to this thread as what they add to the analysis it held.
    assert.ok(analyzer.deltasApplied - deltas > here, `${analyzer.deltasApplied - deltas} deltas`);
    // And so did the findings of the rules run in the worker.
    assert.ok(analyzer.findingsDeltasApplied - findingsDeltas > here, `${analyzer.findingsDeltasApplied - findingsDeltas} findings deltas`);
    assert.ok(analyzer.describedDeltasApplied - describedDeltas > here, `${analyzer.describedDeltasApplied - describedDeltas} description deltas`);
    // The per-reference rules took the findings of the references each edit kept over: in the worker
    // (those that read only the document) and here (those that read the catalog).
    assert.ok(analyzer.referencesTakenOver - takenInWorker > 0, `${analyzer.referencesTakenOver - takenInWorker} taken over in the worker`);
    assert.ok(takenHere > 0, `${takenHere} taken over in this thread`);
  });

  it('where two versions differ comes with the delta: this thread does not compare the texts again', async () => {
    const worker = service(analyzer);
    const long = seedLetters().join('\n\n');
    await worker.setDocumentAsync(A, long, 1);
    let text = long;
    const deltas = analyzer.deltasApplied;
    for (let v = 2; v < 6; v++) {
      const at = Math.floor((text.length * v) / 7);
      const next = `${text.slice(0, at)}x${text.slice(at + 3)}`;
      await worker.setDocumentAsync(A, next, v);
      const comparisons = changedStretchComparisons.count;
      const change = changedStretch(text, next);
      assert.equal(changedStretchComparisons.count, comparisons, `version ${v}: answered from the delta`);
      // The answer is the one comparing finds (of copies: the same strings would be answered from the cache).
      assert.deepEqual(change, changedStretch(` ${text}`.slice(1), ` ${next}`.slice(1)));
      text = next;
    }
    assert.ok(analyzer.deltasApplied - deltas >= 4, `${analyzer.deltasApplied - deltas} deltas`);
  });

  it('an answer that does not fit the two texts is not kept', () => {
    const a = 'abc'.repeat(10);
    const b = `${a}d`;
    rememberChangedStretch(a, b, { start: 0, oldEnd: 2, newEnd: 1 });
    const comparisons = changedStretchComparisons.count;
    assert.deepEqual(changedStretch(a, b), { start: 30, oldEnd: 30, newEnd: 31 });
    assert.equal(changedStretchComparisons.count, comparisons + 1);
  });

  it('a delta is applied in steps, the event loop running in between, and the replies after it are taken in order', async () => {
    // Pausing at every step; a long letter edited near its start: thousands of references move.
    const stepping = new WorkerAnalyzer({ logger, script: WORKER_SCRIPT, applyForMs: 0 });
    try {
      const s = service(stepping);
      const inThread = service();
      s.setDocument(B, B_TEXTS[0]!, 1);
      inThread.setDocument(B, B_TEXTS[0]!, 1);
      let text = seedLetters().join('\n\n').repeat(3);
      await s.setDocumentAsync(A, text, 1);
      let ran = 0;
      for (let version = 2; version <= 4; version++) {
        const at = text.indexOf(' ', 2000 * version) + 1;
        text = `${text.slice(0, at)}Kamerstuk 29 826, nr. 12 ${text.slice(at)}`;
        // Something else the event loop has to do meanwhile (a request): it runs before the version is in.
        let running = true;
        const other = (async () => {
          while (running) {
            ran++;
            await yieldNow();
          }
        })();
        const before = ran;
        const doc = await s.setDocumentAsync(A, text, version);
        running = false;
        await other;
        assert.ok(ran - before > 3, `the event loop ran ${ran - before} times meanwhile`);
        const inThreadDoc = inThread.setDocument(A, text, version);
        assert.deepEqual(doc.analysis, inThreadDoc.analysis);
        // What the worker sent of the citations' descriptions (whole, or a change made in steps here).
        assert.deepEqual(describedCitations(doc), describedCitations(inThreadDoc));
        // The findings that follow the analysis (the worker's next reply, perhaps while the delta was applied).
        assert.deepEqual(await s.findings(doc), await inThread.findings(inThread.document(A)!));
      }
      // Each delta moved more references and instrument mentions than one step takes: each paused at least once.
      const { references, instruments } = s.document(A)!.analysis;
      assert.ok(references.length + instruments.length > 2 * DELTA_STEP, `${references.length} references, ${instruments.length} mentions`);
      assert.ok(stepping.deltasApplied >= 3, `${stepping.deltasApplied} deltas`);
      assert.ok(stepping.deltaPauses >= stepping.deltasApplied, `${stepping.deltaPauses} pauses`);
      // The citations' descriptions and the findings that came as changes were made in steps too (and
      // the findings compared above are what a fresh analysis gives).
      assert.ok(stepping.madeInSteps.described >= 2 && stepping.madeInSteps.findings >= 2, JSON.stringify(stepping.madeInSteps));
      assert.equal(stepping.madeInSteps.described, stepping.describedDeltasApplied);
      assert.equal(stepping.madeInSteps.findings, stepping.findingsDeltasApplied);
      assert.deepEqual(errors, []);
    } finally {
      stepping.dispose();
    }
  });

  it('the rules run in the worker beside the analysis find what they find in this thread, on every letter and glossary', async () => {
    for (const glossary of GLOSSARIES) {
      for (const seed of seeds) {
        const s = service(analyzer);
        s.glossaries.setFolder('ws', GLOSSARY_URI, glossary);
        s.setDocument(B, B_TEXTS[0]!, 1);
        const doc = await s.setDocumentAsync(A, seed, 1);
        // The findings follow the analysis: asked for at once, those the worker makes are waited for,
        // not made again here.
        assert.deepEqual(await s.findings(doc), (await fresh(seed, B_TEXTS[0]!, glossary)).findings);
        assert.ok(s.stats.ruleRunsElsewhere > 0);
        assert.equal(s.stats.ruleRuns, s.rules.length);
      }
    }
  });

  it('a rule that read the workspace when it last ran is not given to the worker with the next version (it would be left out there after running up to that point)', async () => {
    const given: (readonly string[])[] = [];
    const recording = { analyze: (...args: Parameters<WorkerAnalyzer['analyze']>) => (given.push(args[0].checks?.codes ?? []), analyzer.analyze(...args)) };
    const s = createKamerwijzer({
      sources: [new ListCatalogSource(KNOWN), bundledSource()],
      bundledGlossary: () => bundledGlossary,
      folderOf: (uri) => (uri.startsWith('file:///ws/') ? 'ws' : undefined),
      settings: { locale: 'nl', today: '2026-01-15', diagnostics: { ...DEFAULT_DIAGNOSTIC_SETTINGS, enforceCitationStyle: true } },
      analyzer: recording,
      slice: yieldNow,
      logger,
    });
    s.glossaries.setFolder('ws', GLOSSARY_URI, undefined);
    s.setDocument(B, B_TEXTS[0]!, 1);
    // A motion named without its Kamerstuk: motion-without-kamerstuk looks its candidates up in the catalog.
    const text = `${seeds[0]}\n\nDe motie-Kostić over de verduurzaming van de industrie vraagt om meer.\n`;
    const first = await s.setDocumentAsync(A, text, 1);
    await s.findings(first);
    assert.ok(given[0]!.includes('motion-without-kamerstuk'), 'given to the worker before it is known to read the workspace');
    const second = await s.setDocumentAsync(A, `${text}Slot.\n`, 2);
    const found = await s.findings(second);
    assert.ok(!given[1]!.includes('motion-without-kamerstuk'), 'not given again');
    assert.ok(given[1]!.includes('citation-malformed'), 'the rules that read only the letter still are');
    assert.ok(found.some((f) => f.code === 'motion-without-kamerstuk'));
    assert.deepEqual(found, (await fresh(`${text}Slot.\n`, B_TEXTS[0]!, undefined)).findings);
  });

  it('a second request for the findings of an unchanged document computes nothing', async () => {
    const s = service(analyzer);
    s.setDocument(B, B_TEXTS[0]!, 1);
    const doc = await s.setDocumentAsync(A, seeds[0]!, 1);
    const first = await s.findings(doc);
    const { findingsComputed, ruleRuns, ruleRunsElsewhere, analyses, analysesElsewhere, stretchAnalysesElsewhere, editedElsewhere, entriesReused, referencesTakenOver } = s.stats;
    assert.equal(analyses, 2);
    assert.equal(await s.findings(doc), first);
    // The same text again (a new version number, as after undo) re-uses the analysis and the findings.
    const again = await s.setDocumentAsync(A, seeds[0]!, 2);
    assert.equal(await s.findings(again), first);
    assert.deepEqual(s.stats, { findingsComputed, ruleRuns, ruleRunsElsewhere, analyses, analysesElsewhere, stretchAnalysesElsewhere, editedElsewhere, entriesReused, referencesTakenOver });
  });

  it('a change elsewhere in the workspace reruns only the rules that read it', async () => {
    const s = service(analyzer);
    s.setDocument(B, B_TEXTS[0]!, 1);
    const doc = await s.setDocumentAsync(A, seeds[0]!, 1);
    await s.findings(doc);
    // Every rule ran once: those that read only the document in the worker, beside the analysis.
    assert.equal(s.stats.ruleRuns, s.rules.length);
    assert.ok(s.stats.ruleRunsElsewhere > 0 && s.stats.ruleRunsElsewhere < s.rules.length, `${s.stats.ruleRunsElsewhere} rules ran in the worker`);
    // From here on, the rules run in this thread.
    const here = () => s.stats.ruleRuns - s.stats.ruleRunsElsewhere;
    const runs = here();
    await s.setDocumentAsync(B, B_TEXTS[1]!, 2);
    await s.findings(doc);
    const rerun = here() - runs;
    assert.ok(rerun > 0 && rerun < s.rules.length, `${rerun} of ${s.rules.length} rules ran again`);
    // Settings change every rule's findings (severities, messages): all run again.
    s.configure({ locale: 'en' });
    await s.findings(doc);
    assert.equal(here() - runs - rerun, s.rules.length);
  });

  it('a newer version of an open document: the running analysis of the older one is finished (not its findings) and the newer one analyzed from it, a stretch', () =>
    withOwnWorker(async (worker, s, events) => {
      const large = seeds.join('\n\n').repeat(12);
      // Version 1 with its findings (those the worker makes come in a message of their own, after the analysis).
      await s.findings(await s.setDocumentAsync(A, large, 1));
      const stretches = s.stats.stretchAnalysesElsewhere;
      // Counted from here: version 2's findings must never be made, version 3's each once (the worker's
      // may arrive before the analysis of version 3 is taken over).
      const runs = s.stats.ruleRuns;
      const deltas = worker.deltasApplied;
      const findingsDeltas = worker.findingsDeltasApplied;
      // Typing: version 3 arrives while version 2 is being analyzed in the worker.
      const older = new AbortController();
      const second = s.setDocumentAsync(A, `${large}x`, 2, undefined, older.signal);
      while (events.length < 2) await new Promise((resolve) => setImmediate(resolve));
      older.abort(new Error('superseded'));
      const third = s.setDocumentAsync(A, `${large}xy`, 3);
      await assert.rejects(second, /superseded/);
      const doc = await third;
      assert.equal(doc.version, 3);
      // Not restarted (before: the worker was, and version 3 was analyzed anew, 30 times as long on a 5 MB letter).
      assert.deepEqual(events, ['started', 'started', 'started']);
      assert.equal(s.stats.stretchAnalysesElsewhere - stretches, 1);
      // Version 2's analysis is held here all the same (the worker analyzed version 3 from it): both came as what changed, not whole.
      assert.equal(worker.deltasApplied - deltas, 2);
      assert.deepEqual(doc.analysis, (await fresh(`${large}xy`, B_TEXTS[0]!, undefined)).analysis);
      // Version 2's findings were not made: version 3's come, each rule once; those the worker made as
      // what changed against version 1's (the findings held here), not whole.
      await s.findings(doc);
      assert.equal(s.stats.ruleRuns - runs, s.rules.length);
      assert.equal(worker.findingsDeltasApplied - findingsDeltas, 1);
    }));

  it('two versions dropped while analyzed one after the other: the next comes as what changed against the last one held, its findings against the last ones made', () =>
    withOwnWorker(async (worker, s, events) => {
      const large = seeds.join('\n\n').repeat(12);
      await s.findings(await s.setDocumentAsync(A, large, 1));
      const deltas = worker.deltasApplied;
      const findingsDeltas = worker.findingsDeltasApplied;
      const held = worker.droppedHeld;
      // Versions 2 and 3 each superseded once the worker has it; version 4 stays.
      const texts = [`${large}x`, `x${large}x`, `x${large}xy`];
      const dropped: Promise<unknown>[] = [];
      for (let v = 2; v <= 3; v++) {
        const superseded = new AbortController();
        dropped.push(assert.rejects(s.setDocumentAsync(A, texts[v - 2]!, v, undefined, superseded.signal), /superseded/));
        while (events.length < v) await new Promise((resolve) => setImmediate(resolve));
        superseded.abort(new Error('superseded'));
      }
      const doc = await s.setDocumentAsync(A, texts[2]!, 4);
      await Promise.all(dropped);
      assert.deepEqual(events, ['started', 'started', 'started', 'started']);
      assert.equal(worker.deltasApplied - deltas, 3, 'versions 2, 3 and 4 came as what changed');
      assert.equal(worker.droppedHeld - held, 2, 'versions 2 and 3 were held though dropped');
      const expected = await fresh(texts[2]!, B_TEXTS[0]!, undefined);
      assert.deepEqual(doc.analysis, expected.analysis);
      assert.deepEqual(await s.findings(doc), expected.findings);
      assert.equal(worker.findingsDeltasApplied - findingsDeltas, 1, "version 4's findings came as what changed against version 1's");
    }));

  it('a running analysis of a large text the worker does not keep (no checks) is stopped when a newer version arrives', async () => {
    const events: string[] = [];
    const stopping = new WorkerAnalyzer({ logger, script: WORKER_SCRIPT, onEvent: (e) => events.push(e) });
    try {
      const s = service(stopping);
      const large = seeds.join('\n\n').repeat(12);
      const older = new AbortController();
      const first = s.setDocumentAsync(A, large, 1, undefined, older.signal, { checks: false });
      const second = s.setDocumentAsync(A, `${large}x`, 2, undefined, undefined, { checks: false });
      await new Promise((resolve) => setImmediate(resolve));
      older.abort(new Error('superseded'));
      await assert.rejects(first, /superseded/);
      const doc = await second;
      assert.equal(doc.version, 2);
      assert.deepEqual(events, ['started', 'restarted', 'started']);
      assert.deepEqual(doc.analysis, (await fresh(`${large}x`, B_TEXTS[0]!, undefined)).analysis);
    } finally {
      stopping.dispose();
    }
  });

  it('an analysis that throws in the worker rejects with its error, and the worker goes on', async () => {
    await assert.rejects(analyzer.analyze({ uri: A, text: undefined as unknown as string }, () => bundledGlossary), /Cannot read properties of undefined/);
    const made = await analyzer.analyze({ uri: A, text: seeds[2]! }, () => bundledGlossary);
    assert.equal(analyzer.inProcess, false);
    // Without checks (a file of a workspace scan): the analysis only.
    assert.ok(made && made.analysis.references.length > 0 && !made.words && !made.findings && !made.prepared);
    const checks = { codes: ['citation-malformed', 'kamerstuk-unknown'], settings: DEFAULT_DIAGNOSTIC_SETTINGS, locale: 'nl' as const, today: '2026-01-15', online: false };
    const checked = await analyzer.analyze({ uri: A, text: `${seeds[2]!}\n\nZie Kamerstuk 29826, nr. 250.\n`, checks }, () => bundledGlossary);
    assert.ok(checked && checked.words && checked.words.starts.length > 0 && checked.prepared);
    // An open document's findings follow its analysis; the rule that reads the catalog (about the
    // cited Kamerstuk) is left to the main thread.
    assert.equal(checked.findings, undefined);
    assert.deepEqual((await checked.findingsLater)?.map((f) => f.code), ['citation-malformed']);
    // A check's document (no later version follows): with the analysis.
    const once = await analyzer.analyze({ uri: A, text: `${seeds[2]!}\n\nZie Kamerstuk 29826, nr. 250.\n`, checks, once: true }, () => bundledGlossary);
    assert.ok(once && !once.findingsLater);
    assert.deepEqual(once.findings?.map((f) => f.code), ['citation-malformed']);
  });

  it('the findings that follow an analysis: dropped with their version (the worker goes on), made here when none come', async () => {
    // Every rule: making the findings of a long letter takes long enough to be stopped.
    const checks = { codes: ALL_RULES.map((r) => r.code), settings: DEFAULT_DIAGNOSTIC_SETTINGS, locale: 'nl' as const, today: '2026-01-15', online: false };
    const text = `${seeds.join('\n\n').repeat(12)}\n\nZie Kamerstuk 29826 nr 250.\n`;
    // A newer version: the findings being made are not wanted, and are dropped. The worker stops
    // making them at the next rule once it hears of it; the rules take some 15–30 ms after the
    // analysis, so a busy main thread may tell it too late (they are dropped all the same): of a few
    // tries, one at least is stopped.
    let stopped = 0;
    for (let attempt = 0; attempt < 5 && !stopped; attempt++) {
      const version = new AbortController();
      // A document the worker has no earlier version of: the analysis comes whole, not as a delta, and
      // is handed on before the worker's next message is read.
      const uri = `file:///ws/nieuw-document-${attempt}.txt`;
      const made = await analyzer.analyze({ uri, text, checks }, () => bundledGlossary, version.signal);
      assert.ok(made?.findingsLater);
      const cancelled = analyzer.findingsCancelled;
      version.abort(new Error('superseded'));
      assert.equal(await made.findingsLater, undefined);
      const next = await analyzer.analyze({ uri, text: `${text}x`, checks }, () => bundledGlossary);
      assert.ok((await next?.findingsLater)?.some((f) => f.code === 'citation-malformed' && f.findings.length > 0));
      stopped = analyzer.findingsCancelled - cancelled;
      assert.ok(stopped <= 1);
    }
    assert.equal(stopped, 1, 'the worker stopped making findings no longer wanted');
    // Through the service: a version whose findings from the worker were dropped (or came before the
    // drop) has every rule's findings once, as a fresh analysis finds them.
    const s = service(analyzer);
    s.setDocument(B, B_TEXTS[0]!, 1);
    const first = new AbortController();
    const doc = await s.setDocumentAsync(A, text, 1, undefined, first.signal);
    first.abort(new Error('superseded'));
    assert.deepEqual(await s.findings(doc), (await fresh(text, B_TEXTS[0]!, undefined)).findings);
    assert.equal(s.stats.ruleRuns, s.rules.length, 'every rule once');
  });

  it('a worker that cannot start leaves the analyses to the main thread, with one log line', async () => {
    const broken = new WorkerAnalyzer({ logger, script: path.join(__dirname, 'no-such-worker.js') });
    const s = service(broken);
    const doc = await s.setDocumentAsync(A, seeds[1]!, 1);
    const doc2 = await s.setDocumentAsync(B, B_TEXTS[1]!, 1);
    assert.equal(broken.inProcess, true);
    assert.equal(errors.length, 1);
    assert.match(errors.splice(0)[0]!, /analysis worker failed.*main thread/);
    assert.deepEqual(doc.analysis, (await fresh(seeds[1]!, B_TEXTS[0]!, undefined)).analysis);
    assert.equal(doc2.version, 1);
  });
});
