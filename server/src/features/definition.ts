/**
 * Go to definition: a Kamerstuk or document number jumps to that document in the workspace; a
 * motion to the workspace copy of its Kamerstuk, else to the footnote or citation that gives its
 * number; a footnote marker to its footnote; a policy instrument to its entry in the workspace
 * glossary (.kamerwijzer/glossary.json) when it comes from there, else to the workspace copy of its
 * founding Kamerstuk. A Kamerstuk that is not in the workspace opens its official text, fetched once
 * and kept in the cache as a readable file (offline, only when it was fetched before); so does a
 * Handelingen citation that names one publication (an Aanhangsel, a sitting's item).
 */
import type { Location } from 'vscode-languageserver-types';
import type { PublicationKey } from '../catalog/model';
import { handelingenKey, kamerstukKey, officialHandelingenId, parseKamerstukKey } from '../engine/identifiers';
import { isUnresolved, type Span } from '../engine/model';
import { documentsIdentifiedAs, location } from './locations';
import type { FeatureContext, IndexedDocument } from './model';
import { footnoteOf, targetAt } from './referenceAt';

export async function definition(doc: IndexedDocument, offset: number, ctx: FeatureContext): Promise<Location[]> {
  const target = targetAt(doc, offset);
  if (!target) return [];
  if (target.kind === 'footnoteMarker') {
    const note = footnoteOf(doc, target.marker);
    return note ? [location(doc, note.span)] : [];
  }
  if (target.kind === 'instrument') {
    // An abbreviation with several meanings that the letter leaves open is no one entry's.
    if (isUnresolved(target.mention)) return [];
    const glossary = ctx.glossaries?.forDocument(doc.uri);
    const where = glossary?.locationOf(target.mention.id);
    if (where) return [{ uri: where.uri, range: where.range }];
    const founding = glossary?.entry(target.mention.id)?.legalBasis?.kamerstuk;
    const id = founding ? parseKamerstukKey(founding) : undefined;
    return id ? documentsIdentifiedAs(kamerstukKey(id), ctx) : [];
  }
  // On the document's own identity: the declaration is here (an editor then offers its references).
  if (target.kind === 'identity') return [location(doc, target.span)];
  if (target.kind !== 'reference') return [];
  const r = target.reference;
  if (r.kind === 'kamerstuk') return orOfficialText(documentsIdentifiedAs(kamerstukKey(r), ctx), { kind: 'kamerstuk', id: r }, ctx);
  if (r.kind === 'handelingen') return officialHandelingenId(r) ? orOfficialText(documentsIdentifiedAs(handelingenKey(r), ctx), { kind: 'handelingen', id: r }, ctx) : [];
  if (r.kind === 'documentNumber') {
    const inWorkspace = documentsIdentifiedAs(r.number.toUpperCase(), ctx);
    const id = inWorkspace.length ? undefined : (await ctx.catalog.lookupDocumentNumber(r.number))?.kamerstuk;
    return id ? orOfficialText([], { kind: 'kamerstuk', id }, ctx) : inWorkspace;
  }
  if (r.kind === 'motion' && r.kamerstuk) {
    const inWorkspace = documentsIdentifiedAs(kamerstukKey(r.kamerstuk), ctx);
    if (inWorkspace.length) return inWorkspace;
    if (r.kamerstuk.source === 'footnote') {
      const note = doc.analysis.footnotes.find((f) => within(r.kamerstuk!.span, f.span));
      if (note) return [location(doc, note.span)];
    }
    return [location(doc, r.kamerstuk.span)];
  }
  return [];
}

/** The workspace's copies of a document, else its official text kept as a file (fetched once, when online). */
async function orOfficialText(inWorkspace: Location[], key: PublicationKey, ctx: FeatureContext): Promise<Location[]> {
  if (inWorkspace.length) return inWorkspace;
  const uri = await ctx.catalog.publicationText(key);
  return uri ? [{ uri, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }] : [];
}

function within(inner: Span, outer: Span): boolean {
  return inner.offset >= outer.offset && inner.offset + inner.length <= outer.offset + outer.length;
}
