/**
 * The catalog as the rules of one computation see it (Catalog.forOneComputation): each document is
 * asked of the sources once however many rules look it up, the next computation asks again, and the
 * findings are those of the catalog itself.
 */
import * as assert from 'node:assert/strict';
import { Catalog } from '../../../server/src/catalog/catalog';
import type { CatalogDocument, CatalogSource } from '../../../server/src/catalog/model';
import { kamerstukKey, type KamerstukId } from '../../../server/src/engine/identifiers';
import { createKamerwijzer } from '../../../server/src/service/kamerwijzer';

/** A source that knows a few documents and counts what it is asked. */
function countingSource(documents: readonly CatalogDocument[]): CatalogSource & { readonly asked: Map<string, number> } {
  const asked = new Map<string, number>();
  const count = (k: string): void => void asked.set(k, (asked.get(k) ?? 0) + 1);
  const byId = new Map(documents.map((d) => [d.id, d]));
  return {
    name: 'counting',
    asked,
    lookupKamerstuk: async (id: KamerstukId) => (count(`kst:${kamerstukKey(id)}`), byId.get(kamerstukKey(id))),
    lookupDocumentNumber: () => undefined,
    titledDocuments: () => documents,
    dossierHighest: (dossier: string) => (count(`highest:${dossier}`), 12),
  };
}

const KNOWN: CatalogDocument = { id: '29826-250', kamerstuk: { dossier: '29826', nr: '250' }, type: 'Motie', title: 'Motie van het lid Kostić c.s. over de toekomst van de industrie', sources: [] };
const OTHER: CatalogDocument = { id: '36471-7', kamerstuk: { dossier: '36471', nr: '7' }, type: 'Brief regering', title: 'Toekomstperspectief op de energie-intensieve industrie in Nederland', sources: [] };

describe('the catalog for one computation', () => {
  it('asks the sources once per document, titles and dossier; the catalog itself and the next computation ask again', async () => {
    const source = countingSource([KNOWN, OTHER]);
    const catalog = new Catalog([source]);
    const view = catalog.forOneComputation();
    for (let k = 0; k < 3; k++) {
      assert.equal((await view.lookupKamerstuk({ dossier: '29826', nr: '250' }))?.title, KNOWN.title);
      assert.equal(await view.lookupKamerstuk({ dossier: '29826', nr: '999' }), undefined);
      assert.deepEqual(await view.titlesOf({ dossier: '36471', nr: '7' }), [OTHER.title]);
      assert.equal(await view.dossierHighest('29826'), 12);
    }
    assert.deepEqual(Object.fromEntries(source.asked), { 'kst:29826-250': 1, 'kst:29826-999': 1, 'kst:36471-7': 1, 'highest:29826': 1 });
    await catalog.lookupKamerstuk({ dossier: '29826', nr: '250' });
    await catalog.forOneComputation().lookupKamerstuk({ dossier: '29826', nr: '250' });
    assert.equal(source.asked.get('kst:29826-250'), 3);
    // The lists the catalog keeps are its own, shared with every view.
    assert.equal(view.titledDocuments(), catalog.titledDocuments());
    assert.equal(catalog.forOneComputation().titledDocuments(), catalog.titledDocuments());
  });

  it("the checks of a letter ask about each cited document once, and find what the catalog's answers say", async () => {
    const source = countingSource([KNOWN, OTHER]);
    const service = createKamerwijzer({ sources: [source], settings: { today: '2026-01-15' } });
    const text = 'Zie de motie-Kostić c.s. (Kamerstuk 29826, nr. 250) en Kamerstuk 29826, nr. 999.\nIn Kamerstuk 29826, nr. 250 staat het ook.\n';
    const doc = service.setDocument('file:///ws/brief.txt', text, 1);
    const findings = await service.findings(doc);
    assert.deepEqual(findings.filter((f) => f.code === 'kamerstuk-unknown').map((f) => text.slice(f.span.offset, f.span.offset + f.span.length)), ['Kamerstuk 29826, nr. 999']);
    // Several rules look up each citation (unknown, replaced, title, motion): the source heard of each once.
    assert.equal(source.asked.get('kst:29826-250'), 1);
    assert.equal(source.asked.get('kst:29826-999'), 1);
  });
});
