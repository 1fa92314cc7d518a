/**
 * The findings kept per document version (service/findingsCache.ts) when computations overlap:
 *
 * - the settings change while a version's findings are being computed (the editor pulls again under
 *   the new settings): the findings under the new settings hold nothing the old computation made
 *   (before, the old computation wrote into the entry the new one read, and a mixed list was kept:
 *   English settings with Dutch messages until the next edit);
 * - a computation of an older version ends after the newer version was indexed (a rule waited for an
 *   online source): it forgets only its own version's findings (before, it threw away the newer
 *   version's, and the findings the worker had made of it were made again in this thread).
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { CatalogDocument, CatalogSource } from '../../../server/src/catalog/model';
import type { KamerstukId } from '../../../server/src/engine/identifiers';
import { DEFAULT_DIAGNOSTIC_SETTINGS } from '../../../server/src/features/model';
import { WorkerAnalyzer } from '../../../server/src/lsp/analysisWorker';
import { createKamerwijzer, type Kamerwijzer, type Logger } from '../../../server/src/service/kamerwijzer';
import { seedLetters } from '../../support/textArbitraries';
import { bundledGlossary, bundledSource, ListCatalogSource } from '../../support/workspace';

const A = 'file:///ws/brief.md';
const yieldNow = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
const logger: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

function service(locale: 'nl' | 'en'): Kamerwijzer {
  return createKamerwijzer({ sources: [bundledSource()], bundledGlossary: () => bundledGlossary, folderOf: () => 'ws', settings: { locale, today: '2026-01-15', diagnostics: DEFAULT_DIAGNOSTIC_SETTINGS }, slice: yieldNow });
}

describe('settings changed while findings are computed', function () {
  this.timeout(60000);
  it('the findings under the new settings hold nothing computed under the old ones', async () => {
    const text = `${seedLetters()[0]!}\n\nZie Kamerstuk 35420, 57 en Kamerstuk 29826 nr 250.\n`;
    const s = service('nl');
    const doc = s.setDocument(A, text, 1);
    // A pull under the old settings, under way (a few rules done).
    const old = s.findings(doc);
    for (let i = 0; i < 4; i++) await yieldNow();
    // The user switches the language; the editor pulls again.
    s.configure({ locale: 'en' });
    const now = await s.findings(doc);
    await old;
    const fresh = service('en');
    const expected = await fresh.findings(fresh.setDocument(A, text, 1));
    assert.deepEqual(now.map((f) => `${f.code}: ${f.message}`), expected.map((f) => `${f.code}: ${f.message}`));
    // And asked again (kept), the same.
    assert.deepEqual((await s.findings(doc)).map((f) => f.message), expected.map((f) => f.message));
  });
});

const WORKER_SCRIPT = path.resolve(__dirname, '../../../server/src/lsp/analysisWorker.js');

/** A source whose lookups wait until the test opens it (an online source answering late). */
class SlowSource implements CatalogSource {
  readonly name = 'slow';
  private readonly list = new ListCatalogSource([]);
  asked = 0;
  private open!: () => void;
  private readonly gate = new Promise<void>((resolve) => (this.open = resolve));
  release(): void {
    this.open();
  }
  async lookupKamerstuk(id: KamerstukId): Promise<CatalogDocument | undefined> {
    this.asked++;
    await this.gate;
    return this.list.lookupKamerstuk(id);
  }
  lookupDocumentNumber(n: string): CatalogDocument | undefined {
    return this.list.lookupDocumentNumber(n);
  }
}

describe('the kept findings of a newer version', function () {
  this.timeout(60000);
  let worker: WorkerAnalyzer;
  before(() => (worker = new WorkerAnalyzer({ logger, script: WORKER_SCRIPT })));
  after(() => worker.dispose());

  it('an older version’s computation that ends late does not make the newer version’s rules run twice', async () => {
    const source = new SlowSource();
    const s = createKamerwijzer({ sources: [source], bundledGlossary: () => bundledGlossary, folderOf: () => 'ws', settings: { locale: 'nl', today: '2026-01-15', diagnostics: DEFAULT_DIAGNOSTIC_SETTINGS }, analyzer: worker, slice: yieldNow, logger });
    const text = `${seedLetters()[0]!}\n\nZie Kamerstuk 29826, nr. 250.\n`;
    const here = () => s.stats.ruleRuns - s.stats.ruleRunsElsewhere;
    const v1 = await s.setDocumentAsync(A, text, 1);
    // A pull of version 1 (with its version's signal, as the server gives it): a rule waits for the catalog.
    const superseded = new AbortController();
    const f1 = s.findings(v1, superseded.signal).catch(() => undefined);
    while (source.asked === 0) await yieldNow();
    // Version 2 arrives: version 1's findings are no longer wanted; version 2 is analyzed (and its
    // document-only rules run) in the worker.
    superseded.abort(new Error('superseded'));
    const v2 = await s.setDocumentAsync(A, `${text}Een zin erbij.\n`, 2);
    // The lookup answers; version 1's computation ends (stopped at the next rule).
    source.release();
    await f1;
    const before = here();
    await s.findings(v2);
    const v2Here = here() - before;
    // Ask a third version's findings in the normal order: how many rules run in this thread per version.
    const v3 = await s.setDocumentAsync(A, `${text}Nog een zin.\n`, 3);
    const beforeThree = here();
    await s.findings(v3);
    const perVersion = here() - beforeThree;
    assert.ok(perVersion < s.rules.length);
    assert.equal(v2Here, perVersion, `version 2 ran ${v2Here} of ${s.rules.length} rules in this thread (the worker had made ${s.rules.length - perVersion} of them)`);
  });
});
