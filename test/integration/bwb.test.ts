/**
 * The Basiswettenbestand (wetten.overheid.nl) behind a hover on a law the glossary lacks, against
 * the local server replaying a real BWB SRU response (test/fixtures/sources/bwb, SOURCES.md §7):
 * the format, which record names the law, the store and its rules (kept, expired, "no such title",
 * failures keep nothing, offline asks nothing), the hover's facts and its link built from the BWB id,
 * and hostile answers.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { MarkupContent } from 'vscode-languageserver-types';
import { MemoryStore } from '../../server/src/catalog/memoryStore';
import type { CatalogSource } from '../../server/src/catalog/model';
import { lawTitleQuery, matchLaw, parseBwbResponse, type BwbRecord } from '../../server/src/catalog/official/bwb';
import { SruDiagnostic } from '../../server/src/catalog/official/sru';
import { DiskStore } from '../../server/src/io/diskStore';
import { OfficialSources } from '../../server/src/io/official';
import { createKamerwijzer } from '../../server/src/service/kamerwijzer';
import { markdownProblems } from '../support/markdownSafety';
import { fixturesDir } from '../support/paths';
import { ReplayServer } from '../support/replayServer';
import { bundledEntries } from '../support/workspace';

const BWB = path.join(fixturesDir, 'sources', 'bwb');
const PAGE = fs.readFileSync(path.join(BWB, 'lawgraph_bwb_sru_grondwet_page.xml'), 'utf8');
const DIAGNOSTIC = fs.readFileSync(path.join(BWB, 'lawgraph_bwb_sru_diagnostic.xml'), 'utf8');
const TODAY = '2026-12-06';
const LETTER = 'Dat volgt uit artikel 1 van de Grondwet.';
const AT = LETTER.indexOf('Grondwet') + 2;

describe('the Basiswettenbestand (wetten.overheid.nl)', function () {
  this.timeout(30000);
  let server: ReplayServer;
  before(async () => (server = await ReplayServer.start()));
  after(async () => server.stop());
  afterEach(() => server.clearOverrides());

  const sources = (...args: Parameters<ReplayServer['sources']>): OfficialSources => server.sources(...args);
  // The bundled glossary has the Grondwet (the one law the recorded response describes): these
  // services have none, as for a law the glossary lacks; the last test has it.
  const service = (o: OfficialSources, locale: 'nl' | 'en' = 'nl', glossary = false) =>
    createKamerwijzer({ sources: o.sources, ...(glossary ? { bundledGlossary: () => bundledEntries } : {}), settings: { online: o.online, today: TODAY, locale } });
  const bwbRequests = (from: number): string[] => server.requests.slice(from).filter((r) => /x-connection=BWB/.test(r));
  const hoverText = async (s: ReturnType<typeof service>, text: string, offset: number): Promise<string | undefined> => {
    const doc = s.setDocument('file:///ws/brief.txt', text, 1);
    const h = await s.hover(doc, offset);
    return h ? (h.contents as MarkupContent).value : undefined;
  };

  describe('the format', () => {
    it('reads the recorded page: one record per toestand, the law’s id, title, type, ministry and validity', () => {
      const page = parseBwbResponse(PAGE);
      assert.equal(page.numberOfRecords, 11);
      assert.equal(page.nextRecordPosition, 4);
      assert.deepEqual(page.records[0], {
        bwbId: 'BWBR0001840',
        title: 'Grondwet',
        type: 'wet',
        authority: 'Binnenlandse Zaken en Koninkrijksrelaties',
        validFrom: '2002-03-21',
        validUntil: '2005-02-07',
      });
      assert.deepEqual(
        page.records.map((r) => r.validFrom),
        ['2002-03-21', '2005-02-08', '2006-04-06'],
      );
    });

    it('a diagnostics answer is an error with its message', () => {
      assert.throws(() => parseBwbResponse(DIAGNOSTIC), (e: unknown) => e instanceof SruDiagnostic && /record schema is known/.test(e.message));
      assert.throws(() => parseBwbResponse('<html><body>Onderhoud</body></html>'), SruDiagnostic);
    });

    it('a record without a BWBR id or a title is left out; a long title is cut', () => {
      const odd = PAGE.replace('<dcterms:identifier>BWBR0001840</dcterms:identifier>', '<dcterms:identifier>javascript:alert(1)</dcterms:identifier>').replace(
        /<dcterms:title>Grondwet<\/dcterms:title>([\s\S]*?<dcterms:title>)Grondwet/,
        `<dcterms:title>Grondwet</dcterms:title>$1${'x'.repeat(1000)}`,
      );
      const records = parseBwbResponse(odd).records;
      assert.equal(records.length, 2);
      assert.equal(records[0]!.title.length, 300);
    });

    it('asks by citation title, in force on the day, the candidates longest first', () => {
      assert.equal(lawTitleQuery(['Grondwet'], TODAY), 'overheidbwb.titel=="Grondwet" and overheidbwb.geldigheidsdatum=2026-12-06');
      assert.equal(lawTitleQuery(['Wet open overheid', 'Wet "x"'], 'gisteren'), '(overheidbwb.titel=="Wet open overheid" or overheidbwb.titel=="Wet \\"x\\"")');
    });

    it('names the law by the longest candidate that is a citation title; the version in force, else the latest', () => {
      const records = parseBwbResponse(PAGE).records;
      assert.equal(matchLaw(records, ['Grondwet van', 'Grondwet'], TODAY)?.title, 'Grondwet');
      assert.equal(matchLaw(records, ['grondwet'], TODAY)?.record.validFrom, '2006-04-06');
      assert.equal(matchLaw(records, ['Grondwet'], '2005-06-01')?.record.validFrom, '2005-02-08');
      assert.equal(matchLaw(records, ['Kieswet'], TODAY), undefined);
      const inForce: BwbRecord = { bwbId: 'BWBR0001840', title: 'Grondwet', validFrom: '2023-02-22', validUntil: '9999-12-31' };
      assert.equal(matchLaw([...records, inForce], ['Grondwet'], TODAY)?.record, inForce);
    });
  });

  describe('the hover, through the store', () => {
    it('shows the official title, type, BWB id, ministry and a link built from the id; then answers from the store', async () => {
      const o = sources();
      const s = service(o);
      const before = server.requests.length;
      const text = await hoverText(s, LETTER, AT);
      assert.ok(text, 'a hover');
      assert.match(text, /\*\*Grondwet\*\* · wet _\(niet in de woordenlijst\)_/);
      assert.match(text, /\*\*BWB-id:\*\* BWBR0001840/);
      assert.match(text, /Binnenlandse Zaken en Koninkrijksrelaties/);
      assert.match(text, /geldig van 6 april 2006 tot en met 10 oktober 2006/);
      assert.match(text, /\(https:\/\/wetten\.overheid\.nl\/BWBR0001840\)/);
      assert.match(text, /wetten\.overheid\.nl \(Basiswettenbestand\)/);
      assert.doesNotMatch(text, /repository\.officiele-overheidspublicaties|wetten\.overheid\.nl\/id/, 'no address from the response');
      assert.deepEqual(markdownProblems(text), []);
      const asked = bwbRequests(before);
      assert.equal(asked.length, 1);
      const q = new URL(asked[0]!.replace(/^koop GET /, ''), 'http://x').searchParams;
      assert.equal(q.get('version'), '1.2');
      assert.equal(q.get('operation'), 'searchRetrieve');
      assert.equal(q.get('query'), 'overheidbwb.titel=="Grondwet" and overheidbwb.geldigheidsdatum=2026-12-06');
      // Kept: the next hover (another document, the same law) asks nothing.
      const again = server.requests.length;
      assert.match((await hoverText(s, 'De Grondwet kent rechten.', 5))!, /BWBR0001840/);
      assert.deepEqual(bwbRequests(again), []);
    });

    it('in English too', async () => {
      const text = await hoverText(service(sources(), 'en'), LETTER, AT);
      assert.match(text!, /_\(not in the glossary\)_/);
      assert.match(text!, /in force from 6 April 2006 to 10 October 2006/);
      assert.match(text!, /Consolidated text: wetten\.overheid\.nl\/BWBR0001840/);
    });

    it('kept on disk: offline later, the answer is there without a request; offline with nothing kept, no hover and no request', async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kw-bwb-'));
      await hoverText(service(sources(new DiskStore(dir))), LETTER, AT);
      const before = server.requests.length;
      const offline = service(sources(new DiskStore(dir), false));
      assert.match((await hoverText(offline, LETTER, AT))!, /BWBR0001840/);
      assert.equal(await hoverText(service(sources(new MemoryStore(), false)), LETTER, AT), undefined);
      assert.deepEqual(server.requests.slice(before), []);
    });

    it('a found law stays fresh for a month; then it is asked again', async () => {
      let now = Date.parse('2026-12-06T10:00:00Z');
      const o = sources(new MemoryStore(() => now), true, { now: () => now });
      const s = service(o);
      await hoverText(s, LETTER, AT);
      const before = server.requests.length;
      now += 29 * 24 * 3600 * 1000;
      await hoverText(s, LETTER, AT);
      assert.deepEqual(bwbRequests(before), []);
      now += 2 * 24 * 3600 * 1000;
      await hoverText(s, LETTER, AT);
      assert.equal(bwbRequests(before).length, 1);
    });

    it('a word that is no citation title: no hover, remembered for a day', async () => {
      // The recorded page holds only the Grondwet: served for another title, it names no such law.
      server.override('koop', (req, res) => {
        if (req.query.get('x-connection') !== 'BWB') return false;
        res.writeHead(200, { 'content-type': 'text/xml' }).end(PAGE);
        return true;
      });
      let now = Date.parse('2026-12-06T10:00:00Z');
      const s = service(sources(new MemoryStore(() => now), true, { now: () => now }));
      const text = 'Zie de Verzamelwet.';
      const before = server.requests.length;
      assert.equal(await hoverText(s, text, 9), undefined);
      assert.equal(await hoverText(s, text, 9), undefined);
      assert.equal(bwbRequests(before).length, 1, 'asked once');
      now += 25 * 3600 * 1000;
      await hoverText(s, text, 9);
      assert.equal(bwbRequests(before).length, 2, 'asked again after a day');
    });

    it('a diagnostic, an error status or a malformed answer: no hover, nothing kept', async () => {
      for (const [status, body] of [
        [200, DIAGNOSTIC],
        [500, 'kapot'],
        [200, '<searchRetrieveResponse><records><record>'],
      ] as const) {
        server.clearOverrides();
        server.override('koop', (req, res) => {
          if (req.query.get('x-connection') !== 'BWB') return false;
          res.writeHead(status, { 'content-type': 'text/xml' }).end(body);
          return true;
        });
        const s = service(sources());
        const before = server.requests.length;
        assert.equal(await hoverText(s, LETTER, AT), undefined);
        await hoverText(s, LETTER, AT);
        assert.ok(bwbRequests(before).length >= 2, `asked again after ${status} ${body.slice(0, 20)}`);
      }
    });

    it('a slow answer: the hover says it is being looked up, and shows the law once it came', async () => {
      server.override('koop', async (req, res) => {
        if (req.query.get('x-connection') !== 'BWB') return false;
        await new Promise((r) => setTimeout(r, 3200));
        res.writeHead(200, { 'content-type': 'text/xml' }).end(PAGE);
        return true;
      });
      const s = service(sources(new MemoryStore(), true, { timeoutMs: 6000 }));
      const first = await hoverText(s, LETTER, AT);
      assert.match(first!, /Wordt opgezocht in het Basiswettenbestand/);
      await new Promise((r) => setTimeout(r, 1200));
      assert.match((await hoverText(s, LETTER, AT))!, /BWBR0001840/);
    });

    it('hostile fields are text, never links or HTML; an address in the response is never shown', async () => {
      const evil = PAGE.split('Binnenlandse Zaken en Koninkrijksrelaties</overheid:authority>')
        .join('[klik](https://evil.example/x) &lt;img src=x onerror=alert(1)&gt;</overheid:authority>')
        .split('<dcterms:type>wet</dcterms:type>')
        .join('<dcterms:type>[wet](command:workbench.action.terminal.new)</dcterms:type>');
      server.override('koop', (req, res) => {
        if (req.query.get('x-connection') !== 'BWB') return false;
        res.writeHead(200, { 'content-type': 'text/xml' }).end(evil);
        return true;
      });
      const text = (await hoverText(service(sources()), LETTER, AT))!;
      assert.match(text, /BWBR0001840/);
      assert.deepEqual(markdownProblems(text), []);
      // The brackets are escaped: text that looks like a link, not a link.
      assert.doesNotMatch(text, /(?<!\\)\]\((?:https:\/\/evil|command:)/);
      assert.match(text, /\\\[klik\\\]/);
    });

    it('a "Wet …" phrase is asked about once, and the hover covers only the title found', async () => {
      // A catalog source standing in for the BWB (the hover's logic, not the format): it knows
      // "Wet open overheid" and records what it is asked.
      const asked: string[][] = [];
      const stub: CatalogSource = {
        name: 'bwb',
        lookupKamerstuk: () => undefined,
        lookupDocumentNumber: () => undefined,
        lookupLaw: async (titles) => {
          asked.push([...titles]);
          const matched = titles.find((t) => t === 'Wet open overheid');
          return matched ? { kind: 'found', law: { bwbId: 'BWBR0045754', title: 'Wet open overheid', type: 'wet', matched, sources: [] } } : { kind: 'notFound' };
        },
      };
      const s = createKamerwijzer({ sources: [stub], settings: { online: true, today: TODAY } });
      const text = 'Zo regelt de Wet open overheid is aangenomen dat';
      const doc = s.setDocument('file:///ws/brief.txt', text, 1);
      const on = await s.hover(doc, text.indexOf('overheid'));
      assert.match((on!.contents as MarkupContent).value, /\*\*Wet open overheid\*\* · wet/);
      assert.deepEqual(on!.range, { start: { line: 0, character: text.indexOf('Wet') }, end: { line: 0, character: text.indexOf(' is') } });
      assert.equal(await s.hover(doc, text.indexOf('aangenomen')), undefined);
      assert.equal(asked.length, 2);
      assert.deepEqual(asked[0], asked[1], 'the same titles wherever the cursor is on the phrase');
      assert.equal(await s.hover(doc, text.indexOf('regelt')), undefined);
      assert.equal(asked.length, 2, 'no lookup where no title is');
    });

    it('a law the glossary has keeps the glossary’s hover and asks nothing', async () => {
      const before = server.requests.length;
      for (const [text, offset] of [
        [LETTER, AT],
        ['De Participatiewet is ingevoerd.', 5],
      ] as const) {
        const hover = await hoverText(service(sources(), 'nl', true), text, offset);
        assert.match(hover!, /wet of regelgeving/);
        assert.doesNotMatch(hover!, /niet in de woordenlijst/);
      }
      assert.deepEqual(bwbRequests(before), []);
    });
  });
});
