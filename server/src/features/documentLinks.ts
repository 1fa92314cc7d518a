/** Document links: every Kamerstuk, dossier and document number opens its official page. */
import type { DocumentLink } from 'vscode-languageserver-types';
import { kamerstukKey, officialDossierUrl, officialPageUrl, tweedeKamerDocumentUrl } from '../engine/identifiers';
import { messages } from '../l10n';
import type { FeatureContext, IndexedDocument } from './model';

export function documentLinks(doc: IndexedDocument, ctx: Pick<FeatureContext, 'locale'>): DocumentLink[] {
  const m = messages(ctx.locale);
  const links: DocumentLink[] = [];
  for (const r of doc.analysis.references) {
    if (r.kind === 'kamerstuk') {
      links.push({ range: doc.lines.rangeOf(r.span), target: officialPageUrl(r), tooltip: m.links.official(`kst-${kamerstukKey(r)}`) });
    } else if (r.kind === 'documentNumber') {
      links.push({ range: doc.lines.rangeOf(r.span), target: tweedeKamerDocumentUrl(r.number), tooltip: m.links.tweedeKamer(r.number) });
    } else if (r.kind === 'dossier') {
      links.push({ range: doc.lines.rangeOf(r.span), target: officialDossierUrl(r.dossier), tooltip: m.links.official(r.dossier) });
    }
  }
  return links;
}
