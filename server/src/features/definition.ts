/**
 * Go to definition: a Kamerstuk or document number jumps to that document in the workspace; a
 * motion to the workspace copy of its Kamerstuk, else to the footnote or citation that gives its
 * number; a footnote marker to its footnote; a policy instrument to its entry in the workspace
 * glossary (.kamerwijzer/glossary.json) when it comes from there, else to the workspace copy of its
 * founding Kamerstuk. A document that is not in the workspace has no location (its document link
 * still opens the official page).
 */
import type { Location } from 'vscode-languageserver-types';
import { kamerstukKey, parseKamerstukKey } from '../engine/identifiers';
import type { Span } from '../engine/model';
import { documentsIdentifiedAs, location } from './locations';
import type { FeatureContext, IndexedDocument } from './model';
import { footnoteOf, targetAt } from './referenceAt';

export function definition(doc: IndexedDocument, offset: number, ctx: FeatureContext): Location[] {
  const target = targetAt(doc, offset);
  if (!target) return [];
  if (target.kind === 'footnoteMarker') {
    const note = footnoteOf(doc, target.marker);
    return note ? [location(doc, note.span)] : [];
  }
  if (target.kind === 'instrument') {
    const glossary = ctx.glossaries?.forDocument(doc.uri);
    const where = glossary?.locationOf(target.mention.id);
    if (where) return [{ uri: where.uri, range: where.range }];
    const founding = glossary?.entry(target.mention.id)?.legalBasis?.kamerstuk;
    const id = founding ? parseKamerstukKey(founding) : undefined;
    return id ? documentsIdentifiedAs(kamerstukKey(id), ctx) : [];
  }
  if (target.kind !== 'reference') return [];
  const r = target.reference;
  if (r.kind === 'kamerstuk') return documentsIdentifiedAs(kamerstukKey(r), ctx);
  if (r.kind === 'documentNumber') return documentsIdentifiedAs(r.number.toUpperCase(), ctx);
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

function within(inner: Span, outer: Span): boolean {
  return inner.offset >= outer.offset && inner.offset + inner.length <= outer.offset + outer.length;
}
