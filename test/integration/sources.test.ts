/**
 * The official sources against a local server that replays recorded responses in the real formats
 * (test/fixtures/sources): parsing, the cache (hits, expiry, "does not exist" remembered, corrupt
 * entries, eviction, two stores on one folder), retries and backoff, timeouts, malformed answers,
 * redirects to other hosts, offline runs that make no request, the SyncFeed mirror (interrupted and
 * resumed), and the features on top: a hover that learns a title, definition opening the text.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MarkupContent } from 'vscode-languageserver-types';
import { Catalog } from '../../server/src/catalog/catalog';
import { MemoryStore } from '../../server/src/catalog/memoryStore';
import type { CatalogKey } from '../../server/src/catalog/model';
import { buildIndex, syncMirror } from '../../server/src/catalog/mirror';
import { parsePublicationMetadata } from '../../server/src/catalog/official/metadata';
import { parseSruResponse, SruDiagnostic } from '../../server/src/catalog/official/sru';
import { parseFeedPage, type SyncCategory } from '../../server/src/catalog/official/syncFeed';
import { XmlError } from '../../server/src/catalog/official/xml';
import { analyze } from '../../server/src/engine/analyze';
import { DiskStore } from '../../server/src/io/diskStore';
import { HttpFetcher } from '../../server/src/io/httpFetcher';
import { OfficialSources } from '../../server/src/io/official';
import { createKamerwijzer } from '../../server/src/service/kamerwijzer';
import { fixturesDir } from '../support/paths';
import { ReplayServer } from '../support/replayServer';

const SOURCES = path.join(fixturesDir, 'sources');
const read = (rel: string): string => fs.readFileSync(path.join(SOURCES, rel), 'utf8');
const tmp = (): string => fs.mkdtempSync(path.join(os.tmpdir(), 'kw-sources-'));

describe('official sources', function () {
  this.timeout(30000);
  let server: ReplayServer;
  before(async () => (server = await ReplayServer.start()));
  after(async () => server.stop());
  afterEach(() => server.clearOverrides());

  const sources = (...args: Parameters<ReplayServer['sources']>): OfficialSources => server.sources(...args);
  const requestsDuring = async (f: () => Promise<unknown>): Promise<string[]> => {
    const before = server.requests.length;
    await f();
    return server.requests.slice(before);
  };

  describe('formats', () => {
    it('reads metadata.xml in both shapes, with the Kamerstuk fields', () => {
      const standalone = parsePublicationMetadata(read('koop/metadata/kst-31305-491.metadata.xml'));
      assert.equal(standalone.identifier, 'kst-31305-491');
      assert.deepEqual(standalone.dossiers, ['31305']);
      assert.equal(standalone.ondernummer, '491');
      assert.equal(standalone.type, 'Motie');
      assert.equal(standalone.issued, '2025-04-24');
      assert.ok(standalone.submitters.length >= 4);
      const route = (JSON.parse(read('routes.json')) as { path: string; file?: string }[]).find((r) => r.path === '/kst-36725-XVI-23/metadata.xml')!;
      const inline = parsePublicationMetadata(read(route.file!));
      assert.deepEqual(inline.dossiers, ['36725-XVI']);
      assert.equal(inline.ondernummer, '23');
      assert.match(inline.title!, /Dobbe/);
      const twoDossiers = parsePublicationMetadata(read('koop/metadata/kst-36410-XVI-96.metadata.xml'));
      assert.deepEqual(twoDossiers.dossiers, ['36410-XVI', '36410-VI']);
    });

    it('refuses malformed XML and does not expand a DTD', () => {
      assert.throws(() => parsePublicationMetadata('<metadata_gegevens><metadata name="x"'), XmlError);
      const bomb = '<?xml version="1.0"?><!DOCTYPE m [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><metadata_gegevens><metadata name="DC.title" content="&b;"/></metadata_gegevens>';
      assert.throws(() => parsePublicationMetadata(bomb), XmlError);
    });

    it('reads SRU pages and diagnostics', () => {
      const routes = JSON.parse(read('routes.json')) as { path: string; query?: Record<string, string>; file?: string }[];
      const search = routes.find((r) => r.path === '/sru' && r.query?.['startRecord'] === '1' && /dt\.title/.test(r.query?.['query'] ?? ''))!;
      const page = parseSruResponse(read(search.file!));
      assert.equal(page.numberOfRecords, 4);
      assert.equal(page.nextRecordPosition, 3);
      assert.ok(page.records.every((r) => r.identifier.startsWith('kst-')));
      const diagnostic = routes.find((r) => r.path === '/sru' && /w\.dossiernummer=="29826"/.test(r.query?.['query'] ?? '') && /\//.test(r.query?.['query'] ?? ''));
      if (diagnostic) assert.throws(() => parseSruResponse(read(diagnostic.file!)), SruDiagnostic);
    });

    it('reads a SyncFeed page: entities, references, deletions and the next link', () => {
      const routes = JSON.parse(read('routes.json')) as { host: string; path: string; query?: Record<string, string>; file?: string }[];
      const first = routes.find((r) => r.host === 'tk' && r.query?.['category'] === 'Zaak' && !r.query['skiptoken'])!;
      const page = parseFeedPage(read(first.file!));
      assert.ok(page.next && /skiptoken=/.test(page.next));
      assert.ok(page.entities.length > 0 && page.entities.every((e) => e.kind === 'zaak'));
    });
  });

  describe('officielebekendmakingen', () => {
    it('answers from the store after one fetch: a hit makes no request', async () => {
      const o = sources();
      const id = { dossier: '31305', nr: '491' };
      assert.equal(await o.koop.lookupKamerstuk(id), undefined, 'nothing known before the lookup');
      const first = await requestsDuring(() => o.koop.fetch({ kind: 'kamerstuk', id }));
      assert.deepEqual(first.map((r) => r.replace(/\?.*/, '')), ['koop GET /kst-31305-491/metadata.xml']);
      assert.match((await o.koop.lookupKamerstuk(id))!.title!, /Lelylijn/);
      assert.deepEqual(await requestsDuring(() => o.koop.fetch({ kind: 'kamerstuk', id })), []);
    });

    it('fetches again after the answer expired, and when forced', async () => {
      let now = Date.parse('2026-12-01T10:00:00Z');
      const store = new MemoryStore(() => now);
      const o = new OfficialSources(store, { online: true, officielebekendmakingen: server.koop, tweedekamer: server.tk }, { backoffMs: 5, now: () => now });
      const key = { kind: 'kamerstuk' as const, id: { dossier: '29826', nr: '277' } };
      await o.koop.fetch(key);
      now += 31 * 24 * 3600 * 1000;
      assert.equal((await requestsDuring(() => o.koop.fetch(key))).length, 1, 'expired after a month');
      assert.equal((await requestsDuring(() => o.koop.fetch(key, undefined, true))).length, 1, 'forced');
    });

    it('remembers "does not exist" (the fout404 redirect) for a day', async () => {
      let now = Date.parse('2026-12-01T10:00:00Z');
      const store = new MemoryStore(() => now);
      const o = new OfficialSources(store, { online: true, officielebekendmakingen: server.koop, tweedekamer: server.tk }, { backoffMs: 5, now: () => now });
      const key = { kind: 'kamerstuk' as const, id: { dossier: '36999', nr: '12' } };
      const asked = await requestsDuring(() => o.koop.fetch(key));
      assert.deepEqual(asked, ['koop GET /kst-36999-12/metadata.xml', 'koop GET /fout404.html']);
      assert.equal((await o.koop.lookupKamerstuk(key.id))!.absent!.origin, 'officielebekendmakingen');
      assert.deepEqual(await requestsDuring(() => o.koop.fetch(key)), [], 'remembered');
      now += 25 * 3600 * 1000;
      assert.equal((await requestsDuring(() => o.koop.fetch(key))).length, 2, 'asked again the next day');
    });

    it('retries 429 and 5xx with backoff, then answers', async () => {
      let failures = 0;
      server.override('koop', (req, res) => {
        if (req.path !== '/kst-29826-258/metadata.xml' || failures >= 2) return false;
        failures++;
        res.writeHead(failures === 1 ? 429 : 503, { 'retry-after': '0' }).end();
        return true;
      });
      const o = sources();
      const asked = await requestsDuring(() => o.koop.fetch({ kind: 'kamerstuk', id: { dossier: '29826', nr: '258' } }));
      assert.equal(asked.length, 3);
      assert.match((await o.koop.lookupKamerstuk({ dossier: '29826', nr: '258' }))!.title!, /industrieclusters/i);
    });

    it('gives up after the retries and keeps nothing', async () => {
      server.override('koop', (req, res) => (req.path === '/kst-29826-265/metadata.xml' ? (res.writeHead(500).end(), true) : false));
      const store = new MemoryStore();
      const o = sources(store);
      assert.equal(await o.koop.fetch({ kind: 'kamerstuk', id: { dossier: '29826', nr: '265' } }), 'failed');
      assert.equal(await store.get('koop/metadata/kst-29826-265'), undefined);
    });

    it('a malformed answer fails and keeps nothing', async () => {
      server.override('koop', (req, res) => (req.path === '/kst-29826-147/metadata.xml' ? (res.writeHead(200).end('<metadata_gegevens><metadata name="DC.title" content="x"'), true) : false));
      const store = new MemoryStore();
      assert.equal(await sources(store).koop.fetch({ kind: 'kamerstuk', id: { dossier: '29826', nr: '147' } }), 'failed');
      assert.equal(await store.get('koop/metadata/kst-29826-147'), undefined);
    });

    it('refuses a redirect to another host', async () => {
      server.override('koop', (req, res) => (req.path === '/kst-31125-92/metadata.xml' ? (res.writeHead(302, { location: 'http://evil.example/kst-31125-92/metadata.xml' }).end(), true) : false));
      const fetcher = new HttpFetcher({ allowed: [server.koop], backoffMs: 5 });
      await assert.rejects(fetcher.get(`${server.koop}/kst-31125-92/metadata.xml`), /redirect to another host refused/);
      await assert.rejects(fetcher.get('http://evil.example/x'), /host not allowed/);
    });

    it('loads Node\'s HTTP modules at the first request, not before (a start that fetches nothing does not pay for them)', () => {
      // In a process of its own: this one has them loaded already (the replay server).
      const fetcherModule = path.join(__dirname, '../../server/src/io/httpFetcher.js');
      const script = `
        const loaded = () => process.moduleLoadList.filter((m) => /^NativeModule (https?|tls)$/.test(m)).map((m) => m.slice(13)).sort().join(',');
        const { HttpFetcher } = require(${JSON.stringify(fetcherModule)});
        const f = new HttpFetcher({ allowed: ['http://127.0.0.1:9'], retries: 0, timeoutMs: 2000 });
        const before = loaded();
        f.get('http://127.0.0.1:9/x').catch(() => undefined).finally(() => console.log(JSON.stringify({ before, after: loaded() })));
      `;
      const out = JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })) as { before: string; after: string };
      assert.deepEqual(out, { before: '', after: 'http' });
    });

    it('a slow answer times out quickly and a hover does not wait for it', async () => {
      server.override('koop', async (req) => req.path === '/kst-31125-134/metadata.xml' && (await new Promise((r) => setTimeout(r, 3000)), false));
      const o = sources(new MemoryStore(), true, { timeoutMs: 200 });
      const service = createKamerwijzer({ sources: o.sources, settings: { online: true } });
      const doc = service.setDocument('file:///ws/brief.txt', 'Zie Kamerstuk 31125, nr. 134.', 1);
      let lookupDone = false;
      const lookup = service.fetchCited(doc).then(() => void (lookupDone = true));
      const h = await service.hover(doc, 10);
      assert.equal(lookupDone, false, 'the hover answered before the lookup ended');
      assert.match((h!.contents as MarkupContent).value, /wordt opgezocht/);
      await lookup;
      assert.match(((await service.hover(doc, 10))!.contents as MarkupContent).value, /gaven \(nog\) geen antwoord/);
    });

    it('offline, no request is made at all and the store still answers', async () => {
      const store = new MemoryStore();
      await sources(store).koop.fetch({ kind: 'kamerstuk', id: { dossier: '29826', nr: '250' } });
      const offline = sources(store, false);
      const asked = await requestsDuring(async () => {
        await offline.koop.fetch({ kind: 'kamerstuk', id: { dossier: '29826', nr: '277' } });
        await offline.koop.searchRemote(['industrie'], 10);
        await offline.koop.publicationText({ kind: 'kamerstuk', id: { dossier: '29826', nr: '250' } });
        assert.equal((await offline.sync()).status, 'failed');
      });
      assert.deepEqual(asked, []);
      assert.match((await offline.koop.lookupKamerstuk({ dossier: '29826', nr: '250' }))!.title!, /Kostic/);
    });

    it('searches titles through SRU, page by page, and lists a dossier', async () => {
      const o = sources(new MemoryStore(), true, { sruPageSize: 2 });
      const found = await o.koop.searchRemote(['industrie'], 10);
      assert.equal(found.length, 4);
      assert.ok(found.every((d) => d.kamerstuk && d.title));
      const listing = sources(new MemoryStore(), true, { sruPageSize: 5 });
      assert.equal(await listing.koop.listDossier('29826'), 277);
      assert.equal(await listing.koop.dossierHighest('29826'), 277);
    });
  });

  describe('the store on disk', () => {
    it('ignores a corrupt or truncated entry and fetches again', async () => {
      const dir = tmp();
      const store = new DiskStore(dir);
      const o = sources(store);
      const key = { kind: 'kamerstuk' as const, id: { dossier: '32824', nr: '427' } };
      await o.koop.fetch(key);
      const files = fs.readdirSync(path.join(dir, 'kv'), { recursive: true }).map(String).filter((f) => f.endsWith('.json'));
      for (const f of files) fs.writeFileSync(path.join(dir, 'kv', f), '{"v":1,"key":"koop/meta');
      const fresh = sources(new DiskStore(dir));
      assert.equal((await requestsDuring(() => fresh.koop.fetch(key))).length, 1);
      assert.match((await fresh.koop.lookupKamerstuk(key.id))!.title!, /problematisch/i);
    });

    it('two stores on one folder (two processes) see each other, and writes are whole files', async () => {
      const dir = tmp();
      const a = new DiskStore(dir);
      const b = new DiskStore(dir);
      await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).set('same', { writer: i, payload: 'x'.repeat(10000) })));
      const got = await a.get<{ writer: number; payload: string }>('same');
      assert.equal(got!.value.payload.length, 10000);
      await a.set('from-a', 1);
      assert.equal((await b.get<number>('from-a'))!.value, 1);
      assert.deepEqual(fs.readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith('.tmp')), []);
    });

    it('evicts the least recently used entries past its size cap', async () => {
      const dir = tmp();
      const store = new DiskStore(dir, { maxBytes: 65_000 });
      const pause = (): Promise<void> => new Promise((r) => setTimeout(r, 20));
      for (let i = 0; i < 4; i++) {
        await store.set(`k${i}`, 'x'.repeat(15_000));
        await pause();
      }
      // k0 is read (used) now: k1 and k2 become the least recently used.
      assert.ok(await store.get('k0'));
      await pause();
      // The fifth entry takes the store past its cap: the least recently used go until it is under 90%.
      await store.set('k4', 'x'.repeat(15_000));
      const left = await Promise.all([0, 1, 2, 3, 4].map(async (i) => !!(await store.get(`k${i}`))));
      assert.deepEqual(left, [true, false, false, true, true]);
    });
  });

  describe('the Tweede Kamer mirror', () => {
    it('an interrupted sync resumes and loses nothing', async () => {
      const whole = new MemoryStore();
      assert.equal((await sources(whole).sync()).status, 'done');
      const store = new MemoryStore();
      const o = sources(store);
      let runs = 0;
      let result;
      do {
        result = await o.sync({ maxPages: 1 });
        runs++;
      } while (result.status === 'interrupted' && runs < 20);
      assert.equal(result.status, 'done');
      assert.ok(runs > 3, `${runs} runs`);
      for (const shard of ['d36471', 'd28638', 'd29826', 'n2023D49', 'n2025D12']) assert.deepEqual(await store.mirror.readShard(shard), await whole.mirror.readShard(shard), shard);
    });

    it('knows outcomes (the latest besluit), replacements, document numbers and dossiers', async () => {
      const o = sources();
      await o.sync();
      const fact = async (dossier: string, nr: string) => o.tweedekamer.lookupKamerstuk({ dossier, nr });
      assert.equal((await fact('36471', '5'))!.outcome, 'aangenomen');
      assert.equal((await fact('36471', '11'))!.outcome, 'verworpen');
      assert.equal((await fact('28638', '241'))!.outcome, 'aangenomen', 'the later besluit wins over "aangehouden"');
      assert.equal((await fact('36471', '7'))!.replacedBy, '36471-16');
      assert.equal((await o.tweedekamer.lookupDocumentNumber('2025D12193'))!.id, '29826-250');
      assert.equal(await o.tweedekamer.dossierHighest('30218'), 25);
    });

    it('reads a shard the mirror does not have once (however many dossiers a letter cites), and again after a sync or a move of the cache', async () => {
      const store = new MemoryStore();
      const o = sources(store);
      const asked: string[] = [];
      const readShard = store.mirror.readShard.bind(store.mirror);
      store.mirror.readShard = <T>(name: string): Promise<T | undefined> => {
        asked.push(name);
        return readShard<T>(name);
      };
      // More dossiers than the source keeps shards of, twice.
      for (let round = 0; round < 2; round++) for (let d = 0; d < 100; d++) assert.equal(await o.tweedekamer.lookupKamerstuk({ dossier: String(40000 + d), nr: '1' }), undefined);
      assert.equal(asked.filter((n) => n === 'd40000').length, 1);
      assert.equal(asked.length, 100);
      assert.equal(await o.tweedekamer.lookupKamerstuk({ dossier: '36471', nr: '5' }), undefined);
      let reloads = 0;
      o.onDidReload(() => reloads++);
      await o.sync();
      assert.equal(reloads, 1, 'the sync is heard (what the sources answer changed)');
      assert.equal((await o.tweedekamer.lookupKamerstuk({ dossier: '36471', nr: '5' }))!.outcome, 'aangenomen', 'found after the sync');
      o.storeMoved();
      assert.equal(reloads, 2, 'the move of the cache is heard');
      const before = asked.length;
      await o.tweedekamer.lookupKamerstuk({ dossier: '40000', nr: '1' });
      assert.equal(asked.length, before + 1, 'read again after the cache moved');
    });

    it('preload reads what the stores keep of the cited documents many at a time, fetching nothing; the lookups after it read nothing', async () => {
      const store = new MemoryStore();
      await sources(store).koop.fetch({ kind: 'kamerstuk', id: { dossier: '29826', nr: '250' } });
      const offline = sources(store, false);
      let reading = 0;
      let most = 0;
      let reads = 0;
      const slowly = async <T>(read: () => Promise<T>): Promise<T> => {
        reads++;
        most = Math.max(most, ++reading);
        await new Promise((resolve) => setTimeout(resolve, 5));
        try {
          return await read();
        } finally {
          reading--;
        }
      };
      const get = store.get.bind(store);
      store.get = <T>(key: string) => slowly(() => get<T>(key));
      const readShard = store.mirror.readShard.bind(store.mirror);
      store.mirror.readShard = <T>(name: string) => slowly(() => readShard<T>(name));
      const catalog = new Catalog([offline.koop, offline.tweedekamer]);
      const keys: CatalogKey[] = ['250', ...Array.from({ length: 40 }, (_, i) => String(300 + i))].map((nr) => ({ kind: 'kamerstuk', id: { dossier: String(29826 + (Number(nr) % 5)), nr } }));
      const asked = await requestsDuring(() => catalog.preload([...keys, ...keys]));
      assert.deepEqual(asked, []);
      assert.ok(most >= 8, `${most} reads at a time`);
      const preloaded = reads;
      for (const k of keys) await catalog.lookup(k);
      assert.equal(reads, preloaded, 'every lookup answered from memory');
      assert.match((await catalog.lookupKamerstuk({ dossier: '29826', nr: '250' }))!.title!, /Kostic/);
    });

    it('lists a dossier\'s Kamerstukken by number prefix and documents by document number prefix (for completion)', async () => {
      const o = sources();
      await o.sync();
      const listed = await o.tweedekamer.listByIdPrefix('36471-1', 50);
      assert.ok(listed.length >= 2 && listed.every((d) => d.id.startsWith('36471-1')), listed.map((d) => d.id).join(', '));
      assert.deepEqual(await o.tweedekamer.listByIdPrefix('364', 50), [], 'no whole dossier: nothing read');
      const numbered = await o.tweedekamer.documentsByNumberPrefix('2025D1219', 50);
      assert.ok(numbered.some((d) => d.id === '29826-250' && d.documentNumber === '2025D12193'), numbered.map((d) => d.id).join(', '));
      assert.deepEqual(await o.tweedekamer.documentsByNumberPrefix('2025D', 50), [], 'too short a prefix reads no shard');
    });

    it('does not follow a next link to another host, and one sync runs at a time', async () => {
      const store = new MemoryStore();
      const fetcher = new HttpFetcher({ allowed: [server.tk], backoffMs: 5 });
      const asked = await requestsDuring(() => syncMirror({ fetcher, mirror: store.mirror, base: server.tk, categories: ['Activiteit' as SyncCategory] }));
      assert.equal(asked.length, 1);
      assert.equal((await store.mirror.readState())['Activiteit' as SyncCategory]?.next, undefined);
      const release = await store.mirror.lock();
      assert.equal((await syncMirror({ fetcher, mirror: store.mirror, base: server.tk })).status, 'busy');
      await release!();
    });

    it('builds its index from pages kept on disk too', async () => {
      const store = new DiskStore(tmp());
      await sources(store).sync();
      const meta = await buildIndex(store.mirror, new Date('2026-12-01'));
      assert.ok(meta.motionsWithOutcome >= 8, JSON.stringify(meta));
    });
  });

  describe('features on top', () => {
    it('a hover first says the document is not known yet, and shows its title once the lookup landed', async () => {
      const o = sources();
      const service = createKamerwijzer({ sources: o.sources, settings: { online: true } });
      const doc = service.setDocument('file:///ws/brief.txt', 'Zie Kamerstuk 31305, nr. 491.', 1);
      const before = ((await service.hover(doc, 10))!.contents as MarkupContent).value;
      assert.match(before, /Niet bekend/);
      let heard = false;
      service.catalog.onDidChange(() => (heard = true));
      await service.fetchCited(doc);
      assert.ok(heard, 'listeners hear of the news');
      const after = ((await service.hover(doc, 10))!.contents as MarkupContent).value;
      assert.match(after, /Lelylijn/);
      assert.match(after, /24 april 2025/);
    });

    it('definition opens the official text, fetched once and kept as a readable file', async () => {
      const dir = tmp();
      const o = sources(new DiskStore(dir));
      const service = createKamerwijzer({ sources: o.sources, settings: { online: true } });
      const doc = service.setDocument('file:///ws/brief.txt', 'Zie Kamerstuk 29826, nr. 250.', 1);
      await service.fetchCited(doc);
      const [loc] = await service.definition(doc, 10);
      assert.ok(loc, 'a location');
      const file = fileURLToPath(loc.uri);
      assert.ok(file.startsWith(dir));
      const text = fs.readFileSync(file, 'utf8');
      assert.match(text, /^---\nkamerstuk: 29826-250\n/);
      assert.match(text, /verzoekt de regering uiterlijk in Q4 van 2025/);
      const analysis = analyze(text);
      assert.deepEqual(analysis.metadata.kamerstuk, { dossier: '29826', nr: '250' });
      assert.ok(analysis.references.some((r) => r.kind === 'deadline' && r.text === 'uiterlijk in Q4 van 2025'));
      // Offline later: the kept file still answers, without a request.
      const offline = createKamerwijzer({ sources: sources(new DiskStore(dir), false).sources });
      const again = offline.setDocument('file:///ws/brief.txt', 'Zie Kamerstuk 29826, nr. 250.', 1);
      assert.deepEqual(await requestsDuring(async () => assert.equal((await offline.definition(again, 10))[0]!.uri, loc.uri)), []);
    });

    it("a Handelingen citation: the Aanhangsel's facts in the hover, the sitting's text behind definition", async () => {
      const dir = tmp();
      const o = sources(new DiskStore(dir));
      const service = createKamerwijzer({ sources: o.sources, settings: { online: true } });
      const text = 'Zie Aanhangsel Handelingen II 2023/24, nr. 2141 en Handelingen II 2017/18, nr. 70, item 1.';
      const doc = service.setDocument('file:///ws/brief.txt', text, 1);
      await service.fetchCited(doc);
      const hover = ((await service.hover(doc, text.indexOf('2141')))!.contents as MarkupContent).value;
      assert.match(hover, /Uitstel beantwoording vragen van het lid Pijpelink over de doorstroomtoets/);
      assert.match(hover, /5 juli 2024/);
      assert.match(hover, /A\. Pijpelink/);
      assert.match(hover, /\(https:\/\/zoek\.officielebekendmakingen\.nl\/ah-tk-20232024-2141\.html\)/);
      const [loc] = await service.definition(doc, text.indexOf('item 1'));
      assert.ok(loc, 'a location');
      const file = fileURLToPath(loc.uri);
      assert.ok(file.startsWith(dir));
      const opened = fs.readFileSync(file, 'utf8');
      assert.match(opened, /^---\nhandelingen: h-tk-20172018-70-1\n/);
      assert.match(opened, /Aanwezig zijn 144 leden der Kamer/);
      // A sitting cited without its item names no publication: nothing is fetched for it.
      const bare = service.setDocument('file:///ws/kaal.txt', 'Zie Handelingen II 2017/18, nr. 70.', 1);
      assert.deepEqual(await requestsDuring(async () => assert.deepEqual(await service.definition(bare, 10), [])), []);
    });
  });
});
