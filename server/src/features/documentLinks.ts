/**
 * Document links: every Kamerstuk, dossier and document number opens its official page; so does a
 * Handelingen citation that names one publication (a list of numbers in one citation gets none: one
 * range cannot open several pages).
 */
import type { DocumentLink } from 'vscode-languageserver-types';
import { kamerstukKey, officialDossierUrl, officialHandelingenId, officialHandelingenPageUrl, officialPageUrl, tweedeKamerDocumentUrl } from '../engine/identifiers';
import { messages } from '../l10n';
import { safeWebUrl } from './markdown';
import type { FeatureContext, IndexedDocument } from './model';

export function documentLinks(doc: IndexedDocument, ctx: Pick<FeatureContext, 'locale'>): DocumentLink[] {
  const m = messages(ctx.locale);
  const links: DocumentLink[] = [];
  const handelingenAt = new Map<number, number>();
  for (const r of doc.analysis.references) if (r.kind === 'handelingen') handelingenAt.set(r.span.offset, (handelingenAt.get(r.span.offset) ?? 0) + 1);
  for (const r of doc.analysis.references) {
    if (r.kind === 'kamerstuk') {
      links.push({ range: doc.lines.rangeOf(r.span), target: officialPageUrl(r), tooltip: m.links.official(`kst-${kamerstukKey(r)}`) });
    } else if (r.kind === 'documentNumber') {
      links.push({ range: doc.lines.rangeOf(r.span), target: tweedeKamerDocumentUrl(r.number), tooltip: m.links.tweedeKamer(r.number) });
    } else if (r.kind === 'handelingen') {
      const page = officialHandelingenPageUrl(r);
      if (page && handelingenAt.get(r.span.offset) === 1) links.push({ range: doc.lines.rangeOf(r.span), target: page, tooltip: m.links.official(officialHandelingenId(r)!) });
    } else if (r.kind === 'dossier') {
      links.push({ range: doc.lines.rangeOf(r.span), target: officialDossierUrl(r.dossier), tooltip: m.links.official(r.dossier) });
    }
  }
  // Every target is a checked web address (no other scheme, nothing that is not a host name).
  return links.flatMap((l) => {
    const target = safeWebUrl(l.target);
    return target ? [{ ...l, target }] : [];
  });
}
