/**
 * The Basiswettenbestand (BWB) behind wetten.overheid.nl, searched through KOOP's SRU service
 * (zoekservice.overheid.nl/sru/Search, `x-connection=BWB`, SRU 1.2). A response is a
 * searchRetrieveResponse with one record per toestand (a version of a regulation in time), in the gzd
 * record schema:
 *
 *   gzd/originalData/meta/owmskern    dcterms:identifier (BWBR…), dcterms:title (the citation title),
 *                                     dcterms:type, overheid:authority, dcterms:modified, …
 *   gzd/originalData/meta/bwbipm      overheidbwb:toestand, rechtsgebied (repeated), overheidsdomein,
 *                                     geldigheidsperiode_startdatum / _einddatum, zichtperiode_…
 *   gzd/enrichedData                  overheidbwb:locatie_toestand / _wti / _manifest (repository URLs)
 *
 * (the layout of a response recorded from the service, test/fixtures/sources/bwb; see SOURCES.md). A
 * query the service refuses answers a `diagnostics` document, which becomes an SruDiagnostic.
 *
 * Nothing of a response becomes an address: a law's link is built from its BWB id
 * (`wettenUrl`), and the repository locations are not kept at all.
 */
import { BWB_ID } from '../../engine/glossary';
import { SruDiagnostic } from './sru';
import { child, childrenNamed, deepText, descendants, parseXml, type XmlElement } from './xml';

/** One toestand of a regulation, as the search gives it. */
export interface BwbRecord {
  /** "BWBR0001840". */
  readonly bwbId: string;
  /** The citation title ("Grondwet"). */
  readonly title: string;
  /** "wet", "AMvB", "ministeriele-regeling", … */
  readonly type?: string;
  /** The responsible ministry ("Binnenlandse Zaken en Koninkrijksrelaties"). */
  readonly authority?: string;
  /** First and last day this toestand is in force (ISO); 9999-12-31 while it still is. */
  readonly validFrom?: string;
  readonly validUntil?: string;
}

export interface BwbPage {
  readonly numberOfRecords: number;
  readonly records: readonly BwbRecord[];
  /** Where the next page starts; absent on the last page. */
  readonly nextRecordPosition?: number;
}

/** Longest title kept (a citation title is a line; a hostile response is cut short). */
const MAX_TITLE = 300;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function parseBwbResponse(xml: string): BwbPage {
  const root = parseXml(xml);
  const diagnostics = root.name === 'diagnostic' ? [root] : descendants(root, 'diagnostic');
  if (diagnostics.length) {
    const d = diagnostics[0]!;
    throw new SruDiagnostic(deepText(child(d, 'message')) || deepText(child(d, 'details')) || deepText(child(d, 'uri')) || 'SRU diagnostic');
  }
  if (root.name !== 'searchRetrieveResponse') throw new SruDiagnostic(`not an SRU response (${root.name})`);
  const numberOfRecords = Number(deepText(child(root, 'numberOfRecords'))) || 0;
  const records = childrenNamed(child(root, 'records'), 'record').map(recordOf).filter((r): r is BwbRecord => !!r);
  const next = Number(deepText(child(root, 'nextRecordPosition')));
  return { numberOfRecords, records, ...(next > 0 ? { nextRecordPosition: next } : {}) };
}

function recordOf(record: XmlElement): BwbRecord | undefined {
  const data = child(record, 'recordData') ?? record;
  const meta = descendants(data, 'meta')[0] ?? data;
  const kern = child(meta, 'owmskern') ?? meta;
  const ipm = child(meta, 'bwbipm') ?? meta;
  const text = (el: XmlElement, name: string): string | undefined => deepText(child(el, name)) || undefined;
  const bwbId = text(kern, 'identifier');
  const title = text(kern, 'title');
  if (!bwbId || !BWB_ID.test(bwbId) || !title) return undefined;
  const date = (name: string): string | undefined => {
    const d = text(ipm, name);
    return d && ISO_DATE.test(d) ? d : undefined;
  };
  const out: Record<string, unknown> = {
    bwbId,
    title: title.length > MAX_TITLE ? title.slice(0, MAX_TITLE) : title,
    type: text(kern, 'type'),
    authority: text(kern, 'authority'),
    validFrom: date('geldigheidsperiode_startdatum'),
    validUntil: date('geldigheidsperiode_einddatum'),
  };
  for (const k of Object.keys(out)) if (out[k] === undefined) delete out[k];
  return out as unknown as BwbRecord;
}

/** The official search service of the BWB. */
export const OFFICIAL_ZOEKSERVICE = 'https://zoekservice.overheid.nl';

/** A searchRetrieve request on the BWB connection (SRU 1.2; the service's records are gzd). */
export function bwbSearchUrl(base: string, cql: string, maximumRecords = 50): string {
  const q = new URLSearchParams({ operation: 'searchRetrieve', version: '1.2', 'x-connection': 'BWB', query: cql, maximumRecords: String(maximumRecords), startRecord: '1' });
  return `${base}/sru/Search?${q.toString()}`;
}

/** A CQL string literal: in double quotes, quotes and backslashes escaped. */
function cqlString(s: string): string {
  return `"${s.replace(/[\\"]/g, '\\$&')}"`;
}

/**
 * CQL for regulations whose citation title is one of these (`overheidbwb.titel`, the title index the
 * service's explain lists), in force on a day when one is given (`overheidbwb.geldigheidsdatum`):
 * one record per regulation instead of one per version.
 */
export function lawTitleQuery(titles: readonly string[], inForceOn?: string): string {
  const any = titles.map((t) => `overheidbwb.titel==${cqlString(t)}`).join(' or ');
  const titled = titles.length > 1 ? `(${any})` : any;
  return inForceOn && ISO_DATE.test(inForceOn) ? `${titled} and overheidbwb.geldigheidsdatum=${inForceOn}` : titled;
}

/** A title compared: lower case, white space collapsed. */
export function titleKey(title: string): string {
  return title.toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * The regulation a text names, from the records a title search returned: the longest of the
 * candidate titles (longest first) that is exactly some record's citation title; of its versions the
 * one in force on `today`, else the latest. Undefined when no candidate is a citation title.
 */
export function matchLaw(records: readonly BwbRecord[], candidates: readonly string[], today: string): { readonly record: BwbRecord; readonly title: string } | undefined {
  const byTitle = new Map<string, BwbRecord[]>();
  for (const r of records) {
    const k = titleKey(r.title);
    const list = byTitle.get(k);
    if (list) list.push(r);
    else byTitle.set(k, [r]);
  }
  for (const title of candidates) {
    const versions = byTitle.get(titleKey(title));
    if (!versions?.length) continue;
    const inForce = versions.find((r) => (!r.validFrom || r.validFrom <= today) && (!r.validUntil || r.validUntil >= today));
    const latest = versions.reduce((a, b) => ((b.validFrom ?? '') > (a.validFrom ?? '') ? b : a));
    return { record: inForce ?? latest, title };
  }
  return undefined;
}
