/**
 * The citation report of a set of documents: every document they cite (a Kamerstuk, a document
 * number, a dossier, a Handelingen publication), what the sources know of it, its status for a
 * reviewer, and every place it is cited; then the findings of each document. The command line writes
 * it as Markdown, CSV or one self-contained HTML file (cli/reportOutput.ts).
 */
import { citedKey } from '../catalog/workspaceIndex';
import { hasFacts, isAbsent, type CatalogDocument } from '../catalog/model';
import { officialDossierText, officialHandelingenPageUrl, officialPageUrl, parseHandelingenKey, parseKamerstukKey, tweedeKamerDocumentUrl } from '../engine/identifiers';
import type { Reference, Span } from '../engine/model';
import { handelingenTitle, kamerstukTitle } from './citations';
import type { CheckedFinding, FeatureContext, IndexedDocument } from './model';

/**
 * What a reviewer needs to know of a cited document, worst first: a finding says the citation is
 * wrong (another document than described, other submitters), stale (rejected motion followed,
 * replaced, does not exist), or malformed; else it is known, or not known (offline).
 */
export const REPORT_STATUSES = ['wrong', 'stale', 'malformed', 'known', 'unknown'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

const STATUS_OF_CODE: Readonly<Record<string, ReportStatus>> = {
  'citation-title-mismatch': 'wrong',
  'motion-submitters-mismatch': 'wrong',
  'citation-inconsistent': 'wrong',
  'kamerstuk-unknown': 'stale',
  'document-replaced': 'stale',
  'motion-outcome-conflict': 'stale',
  'citation-malformed': 'malformed',
};

export interface ReportPlace {
  readonly uri: string;
  /** 1-based. */
  readonly line: number;
  readonly text: string;
}

export interface ReportedDocument {
  /** "29826-250", "2025D44449", "h-tk-20212022-62-7", "dossier 29826". */
  readonly key: string;
  readonly kind: 'kamerstuk' | 'documentNumber' | 'handelingen' | 'dossier';
  /** How it is named to a person: "Kamerstuk 29 826, nr. 250". */
  readonly citation: string;
  readonly title?: string;
  readonly type?: string;
  readonly date?: string;
  readonly outcome?: string;
  readonly replacedBy?: string;
  readonly status: ReportStatus;
  /** Its official page, built from its id. */
  readonly url?: string;
  readonly places: readonly ReportPlace[];
}

export interface ReportedFindings {
  readonly uri: string;
  readonly findings: readonly CheckedFinding[];
}

export interface CitationReport {
  readonly documents: readonly ReportedDocument[];
  readonly findings: readonly ReportedFindings[];
}

/** Builds the report of these documents from their analyses, their findings and the catalog. */
export async function citationReport(
  docs: Iterable<{ readonly doc: IndexedDocument; readonly findings: readonly CheckedFinding[] }> | AsyncIterable<{ readonly doc: IndexedDocument; readonly findings: readonly CheckedFinding[] }>,
  ctx: FeatureContext,
): Promise<CitationReport> {
  const reported: ReportedFindings[] = [];
  const byKey = new Map<string, { kind: ReportedDocument['kind']; places: ReportPlace[]; statuses: Set<ReportStatus>; first: Reference }>();
  for await (const { doc, findings } of docs) {
    reported.push({ uri: doc.uri, findings });
    for (const r of doc.analysis.references) {
      const key = r.kind === 'dossier' ? `dossier ${r.dossier}` : citedKey(r);
      if (!key || r.kind === 'motion') continue;
      const entry = byKey.get(key) ?? { kind: r.kind as ReportedDocument['kind'], places: [], statuses: new Set<ReportStatus>(), first: r };
      entry.places.push({ uri: doc.uri, line: doc.lines.positionAt(r.span.offset).line + 1, text: r.text.replace(/\s+/g, ' ') });
      for (const status of findingStatuses(r.span, findings)) entry.statuses.add(status);
      byKey.set(key, entry);
    }
  }
  const documents: ReportedDocument[] = [];
  for (const [key, e] of [...byKey].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const found = await lookupCited(key, e.kind, ctx);
    const status = worstStatus([...e.statuses, lookupStatus(found)]);
    documents.push({
      key,
      kind: e.kind,
      citation: citationOf(key, e.kind),
      ...(found?.title ? { title: found.title } : {}),
      ...(found?.type ? { type: found.type } : {}),
      ...(found?.date ? { date: found.date } : {}),
      ...(found?.outcome ? { outcome: found.outcome } : {}),
      ...(found?.replacedBy ? { replacedBy: found.replacedBy } : {}),
      status,
      ...(urlOf(key, e.kind) ? { url: urlOf(key, e.kind)! } : {}),
      places: e.places,
    });
  }
  return { documents, findings: reported };
}

/** The statuses the findings overlapping a span give it (a finding that says the citation is wrong, stale or malformed). */
export function findingStatuses(span: Span, findings: readonly CheckedFinding[]): ReportStatus[] {
  const out: ReportStatus[] = [];
  for (const f of findings) {
    const status = STATUS_OF_CODE[f.code];
    if (status && f.span.offset < span.offset + span.length && span.offset < f.span.offset + f.span.length) out.push(status);
  }
  return out;
}

/** What the catalog's answer alone says: stale (does not exist, replaced), known, or not known. */
export function lookupStatus(found: CatalogDocument | undefined): ReportStatus {
  if (found && (isAbsent(found) || found.replacedBy)) return 'stale';
  return found && hasFacts(found) ? 'known' : 'unknown';
}

/** The worst of some statuses (REPORT_STATUSES is worst first). */
export function worstStatus(statuses: readonly ReportStatus[]): ReportStatus {
  return REPORT_STATUSES.find((s) => statuses.includes(s)) ?? 'unknown';
}

/** What the catalog knows of a cited document by its report key. */
export async function lookupCited(key: string, kind: ReportedDocument['kind'], ctx: FeatureContext): Promise<CatalogDocument | undefined> {
  if (kind === 'kamerstuk') {
    const id = parseKamerstukKey(key);
    return id ? ctx.catalog.lookupKamerstuk(id) : undefined;
  }
  if (kind === 'documentNumber') return ctx.catalog.lookupDocumentNumber(key);
  if (kind === 'handelingen') {
    const id = parseHandelingenKey(key);
    return id ? ctx.catalog.lookupHandelingen(id) : undefined;
  }
  return undefined;
}

/** How a cited document is named to a person, by its report key. */
export function citationOf(key: string, kind: ReportedDocument['kind']): string {
  if (kind === 'kamerstuk') return kamerstukTitle(parseKamerstukKey(key)!);
  if (kind === 'handelingen') return handelingenTitle(parseHandelingenKey(key)!);
  if (kind === 'dossier') return `Dossier ${officialDossierText(key.slice('dossier '.length))}`;
  return key;
}

function urlOf(key: string, kind: ReportedDocument['kind']): string | undefined {
  if (kind === 'kamerstuk') return officialPageUrl(parseKamerstukKey(key)!);
  if (kind === 'handelingen') return officialHandelingenPageUrl(parseHandelingenKey(key)!);
  if (kind === 'documentNumber') return tweedeKamerDocumentUrl(key);
  return undefined;
}
