/**
 * The workspace index in bounded memory: of a document the editor does not have open it keeps the
 * entry (metadata, line starts, packed citations), never its text or analysis; references,
 * definition, workspace symbols, completion and the workspace catalog still work across such
 * documents.
 */
import * as assert from 'node:assert/strict';
import { catalogKeyOf, RECENT_WHOLE, WorkspaceIndex } from '../../server/src/catalog/workspaceIndex';
import { Glossary } from '../../server/src/engine/glossary';
import { LineIndex } from '../../server/src/engine/lineIndex';
import { createKamerwijzer } from '../../server/src/service/kamerwijzer';
import { bundledGlossary } from '../support/workspace';

const VISIE = '---\nkamerstuk: 29826-147\ntitel: Het verschil maken met strategisch en groen industriebeleid\ndatum: 2022-07-08\n---\nHierbij bied ik u de visie aan. Een zin die alleen in de tekst staat.\n';
const ANDER = 'Eerder: Kamerstuk 29826, nr. 147.\nEn nog eens (Kamerstuk 29 826, nr. 147), en Kamerstuk 35 420, nr. 57.\n';
const BRIEF = 'Zie Kamerstuk 29 826, nr. 147.';

const uri = (name: string): string => `file:///ws/${name}`;

describe('workspace index: entries of documents not held whole', () => {
  it('keeps of a document read from disk its entry, not its text or analysis', () => {
    const index = new WorkspaceIndex();
    const whole = index.update(uri('visie.md'), VISIE, -1, {}, 'entry');
    assert.ok(whole.analysis, 'the caller gets the document whole');
    assert.equal(index.get(uri('visie.md')), undefined);
    const entry = index.entry(uri('visie.md'))!;
    assert.ok(entry);
    assert.equal('text' in entry, false);
    assert.equal('analysis' in entry, false);
    assert.equal(entry.metadata.title, 'Het verschil maken met strategisch en groen industriebeleid');
    assert.doesNotMatch(JSON.stringify(entry), /alleen in de tekst/);
    assert.deepEqual([...index.wholeDocuments()], []);
    assert.deepEqual(
      [...index.entries()].map((e) => e.uri),
      [uri('visie.md')],
    );
  });

  it('answers citations, their ranges and identities from the entries', () => {
    const index = new WorkspaceIndex();
    index.update(uri('visie.md'), VISIE, -1, {}, 'entry');
    index.update(uri('ander.txt'), ANDER, -2, {}, 'entry');
    const lines = new LineIndex(ANDER);
    const cited = index.citationsOf('29826-147');
    assert.deepEqual(
      cited.map((c) => ANDER.slice(c.reference.span.offset, c.reference.span.offset + c.reference.span.length)),
      ['Kamerstuk 29826, nr. 147', 'Kamerstuk 29 826, nr. 147'],
    );
    assert.deepEqual(
      cited.map((c) => c.doc.lines.rangeOf(c.reference.span)),
      cited.map((c) => lines.rangeOf(c.reference.span)),
    );
    assert.deepEqual(
      cited.map((c) => c.reference.kind),
      ['kamerstuk', 'kamerstuk'],
    );
    assert.deepEqual(index.keysCitedBy(uri('ander.txt')), ['29826-147', '35420-57']);
    assert.deepEqual(
      index.documentsIdentifiedAs('29826-147').map((d) => d.uri),
      [uri('visie.md')],
    );
    assert.deepEqual([...index.documentsCiting(['35420-57'])], [uri('ander.txt')]);
    index.remove(uri('ander.txt'));
    assert.deepEqual(index.citationsOf('29826-147'), []);
    assert.deepEqual([...index.citedKeys()], []);
  });

  it('lets a document go to its entry when released, and keeps only the last few asked about whole', () => {
    const index = new WorkspaceIndex();
    const doc = index.update(uri('ander.txt'), ANDER, 1);
    assert.equal(index.get(uri('ander.txt')), doc);
    index.release(uri('ander.txt'));
    assert.equal(index.get(uri('ander.txt')), undefined);
    assert.equal(index.entry(uri('ander.txt'))!.lines.positionAt(ANDER.indexOf('En nog')).line, 1);
    for (let i = 0; i <= RECENT_WHOLE; i++) index.update(uri(`brief-${i}.txt`), BRIEF, -i - 1, {}, 'recent');
    assert.equal(index.get(uri('brief-0.txt')), undefined, 'the oldest let go');
    assert.ok(index.get(uri(`brief-${RECENT_WHOLE}.txt`)));
    assert.equal([...index.wholeDocuments()].length, RECENT_WHOLE);
    assert.equal(index.citationsOf('29826-147').length, RECENT_WHOLE + 1 + 2, 'every one still cites');
  });

  it('analyzes a document kept as its entry for its citations only: no glossary, amounts or deadlines (no citation or metadata depends on them)', () => {
    const glossary = Glossary.from(bundledGlossary);
    const options = { instruments: glossary.matcher, senses: glossary.senses };
    const text = `${VISIE}De WBSO en de Innovatiebox blijven. Zie Kamerstuk 29 826, nr. 150. Er komt € 12 miljoen bij; ik stuur u voor de zomer een brief.\n`;
    const index = new WorkspaceIndex();
    const asEntry = index.update(uri('a.md'), text, -1, options, 'entry');
    const whole = index.update(uri('b.md'), text, 1, options);
    assert.deepEqual(asEntry.analysis.instruments, []);
    assert.ok(whole.analysis.instruments.length > 0);
    assert.deepEqual(new Set(whole.analysis.references.map((r) => r.kind)), new Set(['kamerstuk', 'amount', 'deadline']));
    assert.deepEqual(
      asEntry.analysis.references,
      whole.analysis.references.filter((r) => r.kind !== 'amount' && r.kind !== 'deadline'),
    );
    assert.deepEqual(asEntry.analysis.metadata, whole.analysis.metadata);
  });

  it('lists its documents in order of URI, whatever order they came in', () => {
    const index = new WorkspaceIndex();
    for (const name of ['c.md', 'a.md', 'b.md']) index.update(uri(name), BRIEF, -1, {}, 'entry');
    index.update(uri('aa.md'), BRIEF, 1);
    assert.deepEqual([...index.entries()].map((e) => e.uri), [uri('a.md'), uri('aa.md'), uri('b.md'), uri('c.md')]);
    // Taken in again (a newer version), removed, added: still in order.
    index.update(uri('a.md'), `${BRIEF} `, -2, {}, 'entry');
    index.remove(uri('b.md'));
    index.update(uri('ab.md'), BRIEF, 1);
    assert.deepEqual([...index.entries()].map((e) => e.uri), [uri('a.md'), uri('aa.md'), uri('ab.md'), uri('c.md')]);
    assert.deepEqual([...index.wholeDocuments()].map((e) => e.uri), [uri('aa.md'), uri('ab.md')]);
  });

  it("keeps a motion's submitters with its citation", () => {
    const index = new WorkspaceIndex();
    const text = 'De motie van het lid Kostić c.s. (Kamerstuk 29826, nr. 250) is aangenomen.\n';
    index.update(uri('motie.txt'), text, -1, {}, 'entry');
    const motions = index.citationsOf('29826-250').filter((c) => c.reference.kind === 'motion');
    assert.equal(motions.length, 1);
    assert.deepEqual(motions[0]!.reference.motion, { submitters: ['Kostić'], cs: true });
  });

  it('reads cited keys back as catalog keys', () => {
    assert.deepEqual(catalogKeyOf('29826-147'), { kind: 'kamerstuk', id: { dossier: '29826', nr: '147' } });
    assert.deepEqual(catalogKeyOf('2025D44449'), { kind: 'documentNumber', number: '2025D44449' });
    assert.deepEqual(catalogKeyOf('ah-tk-20212022-1456'), { kind: 'handelingen', id: { chamber: 'II', year: '2021-2022', nr: '1456', aanhangsel: true } });
    assert.equal(catalogKeyOf('h-x-20212022-62-7'), undefined, 'no chamber: no one publication');
    assert.equal(catalogKeyOf('h-tk-20212022-62'), undefined, 'a sitting without its item');
  });
});

describe('workspace features across documents the index keeps as entries', () => {
  const service = createKamerwijzer({ settings: { today: '2026-01-15' } });
  service.setDocument(uri('visie.md'), VISIE, -1, undefined, 'entry');
  service.setDocument(uri('ander.txt'), ANDER, -2, undefined, 'entry');
  const brief = service.setDocument(uri('brief.txt'), BRIEF, 1);
  const at = BRIEF.indexOf('147');

  it('find references lists the citations in the closed documents and the declaration', () => {
    const found = service.references(brief, at, true);
    assert.deepEqual(
      found.map((l) => `${l.uri.slice('file:///ws/'.length)}:${l.range.start.line}:${l.range.start.character}`),
      ['visie.md:1:11', 'ander.txt:0:8', 'ander.txt:1:13', 'brief.txt:0:4'],
    );
  });

  it('definition lands in the closed document that is the cited one', async () => {
    const found = await service.definition(brief, at);
    assert.deepEqual(
      found.map((l) => l.uri),
      [uri('visie.md')],
    );
  });

  it('workspace symbols and the workspace catalog know the closed document by its title', async () => {
    const symbols = await service.workspaceSymbols('industriebeleid');
    assert.ok(symbols.some((s) => s.location.uri === uri('visie.md') && /industriebeleid/.test(s.containerName ?? '')));
    const known = await service.catalog.lookupKamerstuk({ dossier: '29826', nr: '147' });
    assert.equal(known?.title, 'Het verschil maken met strategisch en groen industriebeleid');
  });

  it('the hover over a citation lists the places elsewhere, in closed documents', async () => {
    const h = await service.hover(brief, at);
    const value = typeof h?.contents === 'object' && 'value' in h.contents ? h.contents.value : '';
    assert.match(value, /ander\.txt:1/);
    assert.match(value, /ander\.txt:2/);
  });

  it('completion offers the Kamerstukken and motions the closed documents cite', async () => {
    const typing = service.setDocument(uri('typing.txt'), 'Zie Kamerstuk 29 8', 1);
    const found = await service.completion(typing, typing.text.length);
    assert.ok(found.items.some((i) => i.label.includes('29 826, nr. 147')), JSON.stringify(found.items.map((i) => i.label)));
    service.removeDocument(uri('typing.txt'));
  });

  it('every key the workspace cites, for fetching', () => {
    assert.deepEqual(
      service
        .citedInWorkspace()
        .map((k) => (k.kind === 'kamerstuk' ? `${k.id.dossier}-${k.id.nr}` : k.kind))
        .sort(),
      ['29826-147', '35420-57'],
    );
  });
});

describe("the workspace's titled documents, kept while they hold", () => {
  const TITLED = (title: string, kamerstuk = '29826-147'): string => `---\nkamerstuk: ${kamerstuk}\ntitel: ${title}\ndatum: 2022-07-08\n---\nHierbij bied ik u de visie aan.\n`;

  it('changes its metadata stamp when a document comes, goes or its identity or title changes, not on other edits', () => {
    const index = new WorkspaceIndex();
    const stamps = [index.metadataStamp];
    const step = (what: () => void): boolean => {
      what();
      stamps.push(index.metadataStamp);
      return stamps.at(-1) !== stamps.at(-2);
    };
    assert.equal(step(() => index.update(uri('visie.md'), TITLED('Het verschil maken'), 1)), true, 'a document comes');
    assert.equal(step(() => index.update(uri('visie.md'), TITLED('Het verschil maken') + 'Een zin meer.\n', 2)), false, 'an edit of the body');
    assert.equal(step(() => index.update(uri('visie.md'), TITLED('Het verschil maken met groen industriebeleid'), 3)), true, 'the title changes');
    assert.equal(step(() => index.update(uri('visie.md'), TITLED('Het verschil maken met groen industriebeleid', '29826-148'), 4)), true, 'the identity changes');
    assert.equal(step(() => index.release(uri('visie.md'))), false, 'let go to its entry');
    assert.equal(step(() => index.remove(uri('nergens.md'))), false, 'removing what is not there');
    assert.equal(step(() => index.remove(uri('visie.md'))), true, 'the document goes');
  });

  it("gives the catalog's rules the same list until a title changes, then the new title", async () => {
    const service = createKamerwijzer({ settings: { today: '2026-01-15' } });
    service.setDocument(uri('visie.md'), TITLED('Het verschil maken met strategisch en groen industriebeleid'), -1, undefined, 'entry');
    service.setDocument(uri('brief.txt'), 'Een brief zonder titel.', 1);
    const first = service.catalog.titledDocuments();
    service.setDocument(uri('brief.txt'), 'Een brief zonder titel, bewerkt.', 2);
    assert.equal(service.catalog.titledDocuments(), first, 'an edit that changes no metadata keeps the list');
    let version = 2;
    const brief = (text: string): Promise<string[]> =>
      service.findings(service.setDocument(uri('brief.txt'), text, ++version)).then((fs) => fs.filter((f) => f.code === 'document-title-without-citation').map((f) => f.message));
    assert.equal((await brief('Zie de visie Het verschil maken met strategisch en groen industriebeleid.')).length, 1);
    service.setDocument(uri('visie.md'), TITLED('Samen werken aan schone en slimme fabrieken'), -1, undefined, 'entry');
    assert.notEqual(service.catalog.titledDocuments(), first);
    assert.deepEqual(await brief('Zie de visie Het verschil maken met strategisch en groen industriebeleid.'), [], 'the old title is no longer known');
    assert.equal((await brief('Zie de visie Samen werken aan schone en slimme fabrieken.')).length, 1, 'the new one is');
  });
});
