/**
 * Every citation of some documents, one entry per place, for the editor's Citations view: its kind
 * (Kamerstuk, document number, Handelingen, dossier, motion), how it is named, its title, and its
 * status for a reviewer as the citation report decides it (report.ts): the worst of what the
 * findings at that place say (wrong, stale, malformed) and what the catalog says of the document
 * (stale when it does not exist or was replaced, else known or not known offline).
 */
import { citedKey } from '../catalog/workspaceIndex';
import type { CatalogDocument } from '../catalog/model';
import { kamerstukKey } from '../engine/identifiers';
import type { Span } from '../engine/model';
import type { CheckedFinding, FeatureContext, IndexedDocument } from './model';
import { citationOf, findingStatuses, lookupCited, lookupStatus, worstStatus, type ReportedDocument, type ReportStatus } from './report';

export const CITATION_KINDS = ['kamerstuk', 'motion', 'documentNumber', 'handelingen', 'dossier'] as const;
export type CitationKind = (typeof CITATION_KINDS)[number];

export interface ListedCitation {
  readonly uri: string;
  readonly kind: CitationKind;
  /** The cited document's key ("29826-250", "2025D44449", "h-tk-20212022-62-7", "dossier 29826"); a motion without a Kamerstuk has none. */
  readonly key?: string;
  /** How it is named to a person: "Kamerstuk 29 826, nr. 250"; a motion as written. */
  readonly citation: string;
  /** The text as written. */
  readonly text: string;
  readonly title?: string;
  readonly status: ReportStatus;
  readonly span: Span;
}

/** The citations of the documents in text order, each with its status; one lookup per cited document. */
export async function citationList(
  docs: readonly { readonly doc: IndexedDocument; readonly findings: readonly CheckedFinding[] }[],
  ctx: FeatureContext,
  /** The lookups made so far, by key: shared by the calls for one list made a document at a time. */
  looked = new Map<string, Promise<CatalogDocument | undefined>>(),
): Promise<ListedCitation[]> {
  const lookup = (key: string, kind: ReportedDocument['kind']): Promise<CatalogDocument | undefined> => {
    let p = looked.get(key);
    if (!p) looked.set(key, (p = lookupCited(key, kind, ctx)));
    return p;
  };
  const out: ListedCitation[] = [];
  for (const { doc, findings } of docs) {
    for (const r of doc.analysis.references) {
      const text = r.text.replace(/\s+/g, ' ');
      const flagged = findingStatuses(r.span, findings);
      if (r.kind === 'motion') {
        const key = r.kamerstuk ? kamerstukKey(r.kamerstuk) : undefined;
        const found = key ? await lookup(key, 'kamerstuk') : undefined;
        out.push({
          uri: doc.uri,
          kind: 'motion',
          ...(key ? { key } : {}),
          citation: key ? `${text} (${citationOf(key, 'kamerstuk')})` : text,
          text,
          ...(found?.title ? { title: found.title } : {}),
          status: worstStatus([...flagged, lookupStatus(found)]),
          span: r.span,
        });
        continue;
      }
      if (r.kind !== 'kamerstuk' && r.kind !== 'documentNumber' && r.kind !== 'handelingen' && r.kind !== 'dossier') continue;
      const key = r.kind === 'dossier' ? `dossier ${r.dossier}` : citedKey(r);
      if (!key) continue;
      const found = await lookup(key, r.kind);
      out.push({
        uri: doc.uri,
        kind: r.kind,
        key,
        citation: citationOf(key, r.kind),
        text,
        ...(found?.title ? { title: found.title } : {}),
        // A dossier is no document the catalog looks up: only the findings say more than "not known".
        status: worstStatus([...flagged, r.kind === 'dossier' ? 'unknown' : lookupStatus(found)]),
        span: r.span,
      });
    }
  }
  return out;
}
