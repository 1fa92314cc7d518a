/**
 * An SRU searchRetrieveResponse of repository.overheid.nl in the gzd record schema: the number of
 * records, the next start position, and per record the publication's identifier, title, type, date
 * and the parliamentary fields (dossiernummer, ondernummer, vergaderjaar, indiener), with the
 * preferred URL of its page. A diagnostics response (a query the service refused) becomes an error.
 */
import { normalizeDossier } from '../../engine/identifiers';
import { child, childrenNamed, deepText, descendants, parseXml, type XmlElement } from './xml';

export interface SruRecord {
  readonly identifier: string;
  readonly title?: string;
  readonly type?: string;
  readonly date?: string;
  readonly dossiers: readonly string[];
  readonly ondernummer?: string;
  readonly vergaderjaar?: string;
  readonly submitters: readonly string[];
  readonly publicationName?: string;
  readonly preferredUrl?: string;
}

export interface SruPage {
  readonly numberOfRecords: number;
  readonly records: readonly SruRecord[];
  /** Where the next page starts; absent on the last page. */
  readonly nextRecordPosition?: number;
}

export class SruDiagnostic extends Error {}

export function parseSruResponse(xml: string): SruPage {
  const root = parseXml(xml);
  if (root.name !== 'searchRetrieveResponse') throw new SruDiagnostic(`not an SRU response (${root.name})`);
  const diagnostics = descendants(root, 'diagnostic');
  if (diagnostics.length) {
    const d = diagnostics[0]!;
    throw new SruDiagnostic(deepText(child(d, 'message')) || deepText(child(d, 'details')) || deepText(child(d, 'uri')) || 'SRU diagnostic');
  }
  const numberOfRecords = Number(deepText(child(root, 'numberOfRecords'))) || 0;
  const records = childrenNamed(child(root, 'records'), 'record').map(recordOf).filter((r): r is SruRecord => !!r);
  const next = Number(deepText(child(root, 'nextRecordPosition')));
  return { numberOfRecords, records, ...(next > 0 ? { nextRecordPosition: next } : {}) };
}

function recordOf(record: XmlElement): SruRecord | undefined {
  const data = child(record, 'recordData') ?? record;
  const first = (name: string): string | undefined => {
    const t = descendants(data, name).map(deepText).find(Boolean);
    return t || undefined;
  };
  const identifier = first('identifier');
  if (!identifier) return undefined;
  const dossiers = descendants(data, 'dossiernummer')
    .flatMap((e) => deepText(e).split(';'))
    .map((d) => d.trim())
    .filter(Boolean)
    .map(normalizeDossier);
  const date = (first('issued') ?? first('date') ?? first('available'))?.slice(0, 10);
  const out: Record<string, unknown> = {
    identifier,
    title: first('title'),
    type: first('type'),
    date: date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : undefined,
    dossiers: [...new Set(dossiers)],
    ondernummer: first('ondernummer'),
    vergaderjaar: first('vergaderjaar'),
    submitters: descendants(data, 'indiener').map(deepText).filter(Boolean),
    publicationName: first('publicationname') ?? first('publicatienaam'),
    preferredUrl: first('preferredUrl'),
  };
  for (const k of Object.keys(out)) if (out[k] === undefined) delete out[k];
  return out as unknown as SruRecord;
}
