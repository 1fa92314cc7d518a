/**
 * The bundled catalog source makes a document of its rows only when it is asked for, and searches
 * by facts read from the rows. Every answer is compared with a model that makes every document of
 * the real bundled data first (as the source did before), for every id, document number, signatory
 * and many prefixes; and the first lookup is seen to make only what it answers.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { parseKamerstukKey } from '../../server/src/engine/identifiers';
import { foldForSearch, surnameKey } from '../../server/src/engine/folding';
import { motionDocument, outcomeDocument, richDocument, sampleDocument, type BundledCatalogData } from '../../server/src/catalog/bundledData';
import { mergeDocuments, type CatalogDocument } from '../../server/src/catalog/model';
import { BundledCatalogSource } from '../../server/src/catalog/sources/bundled';
import { loadBundledCatalog } from '../../server/src/io/bundledData';
import { repoRoot } from '../support/paths';

/** Every document made at once: the sample rows, the motion rows laid over them, the rich documents over those. */
function everyDocument(data: BundledCatalogData): Map<string, CatalogDocument> {
  const byId = new Map<string, CatalogDocument>();
  for (const row of data.sample) byId.set(row[0], sampleDocument(row, data));
  for (const row of data.motions) byId.set(row[0], mergeDocuments(motionDocument(row, data), byId.get(row[0])));
  for (const d of data.documents) byId.set(d.id, mergeDocuments(richDocument(d), byId.get(d.id)));
  return byId;
}

/** The answers of the source as it was, from every document made at once. */
class EagerModel {
  readonly byId: Map<string, CatalogDocument>;
  readonly byNumber = new Map<string, CatalogDocument>();
  readonly bySurname = new Map<string, CatalogDocument[]>();
  readonly byName = new Map<string, CatalogDocument[]>();
  readonly titled: CatalogDocument[];

  constructor(data: BundledCatalogData) {
    this.byId = everyDocument(data);
    for (const d of this.byId.values()) if (d.documentNumber) this.byNumber.set(d.documentNumber.toUpperCase(), d);
    const byZaak = data.outcomes.map((row) => outcomeDocument(row, data));
    for (const doc of [...this.byId.values(), ...byZaak]) {
      if (doc.type !== 'Motie' && doc.type !== 'Motie (gewijzigd/nader)') continue;
      for (const s of doc.submitters ?? []) {
        const key = surnameKey(s);
        if (!key) continue;
        this.bySurname.set(key, [...(this.bySurname.get(key) ?? []), doc]);
        this.byName.set(foldForSearch(s), [...(this.byName.get(foldForSearch(s)) ?? []), doc]);
      }
    }
    for (const list of this.bySurname.values()) list.sort((a, b) => ((b.date ?? '') < (a.date ?? '') ? -1 : 1));
    this.titled = data.documents.filter((d) => d.title && !/^motie/i.test(d.type ?? '')).map((d) => this.byId.get(d.id)!);
  }

  findMotions(surnames: readonly string[], limit: number): CatalogDocument[] {
    const [first, ...rest] = surnames.map(surnameKey).filter(Boolean);
    if (!first) return [];
    const candidates = this.bySurname.get(first) ?? [];
    return (rest.length ? candidates.filter((d) => rest.every((k) => (d.submitters ?? []).map(surnameKey).includes(k))) : candidates).slice(0, limit);
  }

  motionsBySubmitterPrefix(prefix: string, limit: number): CatalogDocument[] {
    const wanted = foldForSearch(prefix);
    if (!wanted) return [];
    const found = new Set<CatalogDocument>();
    for (const [name, docs] of this.byName) if (name.startsWith(wanted) || surnameKey(name).startsWith(wanted)) for (const d of docs) found.add(d);
    const newestFirst = (a: CatalogDocument, b: CatalogDocument): number => ((b.date ?? '') < (a.date ?? '') ? -1 : (b.date ?? '') > (a.date ?? '') ? 1 : 0);
    return [...found].sort(newestFirst).slice(0, limit);
  }

  searchTitles(words: readonly string[], limit: number): CatalogDocument[] {
    const wanted = words.map(foldForSearch).filter(Boolean);
    if (!wanted.length) return [];
    return [...this.byId.values()].filter((d) => d.title && wanted.every((w) => ` ${foldForSearch(d.title!)} `.includes(w))).slice(0, limit);
  }

  byIdPrefix(prefix: string, limit: number): CatalogDocument[] {
    return [...this.byId].filter(([id, d]) => id.startsWith(prefix) && d.kamerstuk).map(([, d]) => d).slice(0, limit);
  }

  byNumberPrefix(prefix: string, limit: number): CatalogDocument[] {
    return [...this.byNumber].filter(([n]) => n.startsWith(prefix.toUpperCase())).map(([, d]) => d).slice(0, limit);
  }
}

describe('bundled catalog source: documents made when asked', function () {
  this.timeout(60_000);
  const data = loadBundledCatalog(path.join(repoRoot, 'dist', 'data'));
  const model = new EagerModel(data);
  const source = new BundledCatalogSource(data);
  /** The same facts in the same order (documents compared as JSON: key order counts, as in `info --json`). */
  const same = (actual: readonly CatalogDocument[] | CatalogDocument | undefined, expected: readonly CatalogDocument[] | CatalogDocument | undefined, what: string): void =>
    assert.equal(JSON.stringify(actual), JSON.stringify(expected), what);

  it('makes nothing at the first lookup but the document asked for', () => {
    const fresh = new BundledCatalogSource(data);
    const [id] = [...model.byId.keys()].filter((k) => parseKamerstukKey(k));
    same(fresh.lookupKamerstuk(parseKamerstukKey(id!)!), model.byId.get(id!), id!);
    const made = (fresh as unknown as { made: Map<string, CatalogDocument> }).made;
    assert.deepEqual([...made.keys()], [id]);
  });

  it('answers every Kamerstuk and every document number as the model does', () => {
    assert.ok(model.byId.size > 10_000, `${model.byId.size} documents`);
    for (const [id, doc] of model.byId) {
      const k = parseKamerstukKey(id);
      if (k) same(source.lookupKamerstuk(k), doc, id);
    }
    assert.ok(model.byNumber.size > 8_000);
    for (const [number, doc] of model.byNumber) {
      same(source.lookupDocumentNumber(number), doc, number);
      same(source.lookupDocumentNumber(number.toLowerCase()), doc, number);
    }
    assert.equal(source.lookupDocumentNumber('2099D99999'), undefined);
    assert.equal(source.lookupKamerstuk(parseKamerstukKey('99999-999')!), undefined);
  });

  it('finds motions by every signatory (alone and with another), and by name prefixes, newest first', () => {
    assert.ok(model.bySurname.size > 200);
    for (const [key, docs] of model.bySurname) {
      same(source.findMotions([key], 25), model.findMotions([key], 25), key);
      const other = docs[0]!.submitters?.map(surnameKey).find((k) => k && k !== key);
      if (other) same(source.findMotions([key, other], 1000), model.findMotions([key, other], 1000), `${key} + ${other}`);
    }
    for (const prefix of ['k', 'ko', 'van', 'de', 'pa', 'Omtzigt', 'Kostić', 'x', '']) same(source.motionsBySubmitterPrefix(prefix, 40), model.motionsBySubmitterPrefix(prefix, 40), prefix);
  });

  it('the motions by name come from the index compiled at build time, as indexing them at the first look-up gives them', () => {
    assert.ok(data.motionIndex && Object.keys(data.motionIndex.byName).length > 200, 'the compiled data holds the index');
    const unindexed = new BundledCatalogSource({ ...data, motionIndex: undefined });
    const fresh = new BundledCatalogSource(data);
    same(fresh.findMotions(['Kostić'], 30), unindexed.findMotions(['Kostić'], 30), 'Kostić');
    // The first look-up by name read only the motions of that name.
    assert.equal((fresh as unknown as { bySurname?: unknown }).bySurname, undefined);
    for (const [key, docs] of model.bySurname) {
      same(fresh.findMotions([key], 1000), unindexed.findMotions([key], 1000), key);
      const other = docs.at(-1)!.submitters?.map(surnameKey).find((k) => k && k !== key);
      if (other) same(fresh.findMotions([key, other], 30), unindexed.findMotions([key, other], 30), `${key} + ${other}`);
    }
  });

  it('where the rows of an id disagree, the higher row wins in searches too (a sample row, a motion row over it, a rich document over both)', () => {
    const rows: BundledCatalogData = {
      ...data,
      dossierTitles: ['Stikstofbeleid'],
      sample: [
        ['36001-1', 'Oude titel uit de steekproef', '2001-01-01', 'Kamerstuk', 0],
        ['36001-2', 'Motie van het lid Jansen over boeren', '2002-02-02', 'Motie', 0],
        ['36001-3', 'Alleen in de steekproef', '2003-03-03', 'Kamerstuk', 0],
      ],
      motions: [
        ['36001-1', '2024D00001', '2024Z00001', '2024-01-01', 'Motie van het lid Pietersen over stikstof', 'Ontraden', 'Pietersen|De Vries', 0],
        ['36001-2', '', '', '', '', '', '', 0],
        ['36001-4', '2024D00004', '', '2024-04-04', 'Motie van de leden Pietersen en Bakker over water', '', 'Pietersen|Bakker', 0],
      ],
      documents: [
        { id: '36001-1', type: 'Brief regering', title: 'Brief over stikstof en water', sources: [] },
        { id: '36001-4', documentNumber: '2024D99999', sources: [] },
        { id: '2024D00077', title: 'Een document dat alleen een nummer heeft', sources: [] },
      ],
      outcomes: [['2021Z00001', '2021-06-01', 'Motie van het lid Bakker over polders', 'aangenomen', '2021-06-02', '', 0, 'Bakker']],
    };
    const lazy = new BundledCatalogSource(rows);
    const eager = new EagerModel(rows);
    for (const id of eager.byId.keys()) same(lazy.documentsByIdPrefix(id, 5), eager.byIdPrefix(id, 5), id);
    for (const words of [['steekproef'], ['stikstof'], ['boeren'], ['water'], ['nummer'], ['motie']]) same(lazy.searchTitles(words, 10), eager.searchTitles(words, 10), words.join(' '));
    for (const number of ['2024D00001', '2024D00004', '2024D99999', '2024D00077']) same(lazy.lookupDocumentNumber(number), eager.byNumber.get(number), number);
    same(lazy.documentsByNumberPrefix('2024D', 10), eager.byNumberPrefix('2024D', 10), 'numbers');
    for (const names of [['Pietersen'], ['Jansen'], ['Bakker'], ['Pietersen', 'Bakker'], ['De Vries']]) same(lazy.findMotions(names, 10), eager.findMotions(names, 10), names.join(' '));
    for (const prefix of ['p', 'b', 'de', 'j']) same(lazy.motionsBySubmitterPrefix(prefix, 10), eager.motionsBySubmitterPrefix(prefix, 10), prefix);
    // The facts the searches found by: a title of the rich document, a motion's date and signatories, the rich number.
    assert.deepEqual(lazy.searchTitles(['steekproef'], 10).map((d) => d.id), ['36001-3']);
    assert.deepEqual(lazy.findMotions(['Pietersen'], 10).map((d) => d.id), ['36001-4']);
    assert.equal(lazy.lookupDocumentNumber('2024D00004'), undefined);
    assert.equal(lazy.lookupDocumentNumber('2024D99999')?.id, '36001-4');
  });

  it('searches titles, ids and document numbers by prefix, and lists the titled documents, as the model does', () => {
    for (const words of [['motie'], ['motie', 'stikstof'], ['Wijziging', 'wet'], ['jaarverslag'], ['brief', 'regering'], ['ÉÉN'], ['zzzzqq'], []]) same(source.searchTitles(words, 50), model.searchTitles(words, 50), words.join(' '));
    for (const prefix of ['2', '29826-', '21501-32-', '36', '36200-XV', '1']) same(source.documentsByIdPrefix(prefix, 60), model.byIdPrefix(prefix, 60), prefix);
    for (const prefix of ['2023D', '2024d4', '2025D', '20', 'X']) same(source.documentsByNumberPrefix(prefix, 60), model.byNumberPrefix(prefix, 60), prefix);
    same(source.titledDocuments(), model.titled, 'titled');
  });
});
