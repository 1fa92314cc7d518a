/**
 * The catalog data shipped with Kamerwijzer, and how it is compiled from the recorded sources in
 * server/data/sources/ at build time (esbuild.mjs writes dist/data/catalog.json):
 *
 * - seed-citations.json: facts about every document the seed letters cite, each with its source;
 * - motion-outcomes.json / document-facts.json: outcomes and facts established later, with sources;
 * - tk-motions-2023-2025.csv: 8 042 real motions (Tweede Kamer open data + official XML);
 * - documents_2000-2025_hundred-each-year.csv: 2 500 Kamerstukken metadata rows (MIT, Floris Bos).
 *
 * The compiled form is compact: motions and sample rows are arrays with the dossier titles pooled.
 */
import { isDocumentNumber, parseKamerstukKey } from '../engine/identifiers';
import { parseCsvRecords } from './csv';
import type { CatalogDocument, FactSource, MotionOutcome } from './model';

/** A document as the compiled data stores it: the catalog's facts, sources as plain URLs. */
export type BundledDocument = Omit<CatalogDocument, 'kamerstuk' | 'sources' | 'workspace'> & { readonly sources: readonly string[] };

/** [id, documentNumber, zaakNummer, date, onderwerp, kabinetsappreciatie, signatories joined by "|", dossierTitle index] */
export type MotionRow = [string, string, string, string, string, string, string, number];
/** [id, title, date, type, dossierTitle index] */
export type SampleRow = [string, string, string, string, number];
/**
 * A motion known only by its zaak: [zaakNummer, date, onderwerp, outcome, outcomeDate,
 * kabinetsappreciatie, dossierTitle index, signatories joined by "|"] (the signatories as its subject
 * line names them, read at build time).
 */
export type OutcomeRow = [string, string, string, string, string, string, number, string];

export interface BundledCatalogData {
  /** 2: outcome rows carry their signatories (1 read them from the subject at run time). */
  readonly version: 2;
  readonly documents: readonly BundledDocument[];
  readonly dossierTitles: readonly string[];
  readonly motions: readonly MotionRow[];
  readonly sample: readonly SampleRow[];
  /** Voted motions whose Kamerstuk is not known, by zaak. */
  readonly outcomes: readonly OutcomeRow[];
  /** Where the motion rows, sample rows and outcome rows come from (shown in hovers). */
  readonly motionSource: string;
  readonly sampleSource: string;
  readonly outcomeSource: string;
  /** Licence notices that travel with the data. */
  readonly notices: readonly string[];
  /**
   * The motions by signatory surname key, newest first (a catalog id, or a row of `outcomes`), made at
   * build time (BundledCatalogSource.motionIndex) from data of `rows` rows (sample, motion, outcome
   * rows and documents: an index of other data is not used); without it they are indexed at the first
   * look-up.
   */
  readonly motionIndex?: { readonly rows: number; readonly byName: Readonly<Record<string, readonly (string | number)[]>> };
}

/** How many rows the data has (what a compiled motion index was made of). */
export function bundledRowCount(data: Pick<BundledCatalogData, 'sample' | 'motions' | 'outcomes' | 'documents'>): number {
  return data.sample.length + data.motions.length + data.outcomes.length + data.documents.length;
}

export interface RecordedSources {
  readonly seedCitations: unknown;
  readonly motionsCsv: string;
  readonly sampleCsv: string;
  readonly motionOutcomes?: unknown;
  readonly documentFacts?: unknown;
  /** motion-outcomes-2009-2023.csv */
  readonly outcomesCsv?: string;
}

const OUTCOMES: readonly MotionOutcome[] = ['aangenomen', 'verworpen', 'ingetrokken', 'aangehouden', 'overgenomen'];

/** "github:owner/repo@commit:path" → a GitHub URL; URLs stay as they are. */
export function sourceUrl(source: string): string {
  const m = /^github:([^/@]+\/[^@]+)@([0-9a-f]+):(.+)$/.exec(source);
  return m ? `https://github.com/${m[1]}/blob/${m[2]}/${m[3]}` : source;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() ? v.trim() : undefined;
}

function strings(v: unknown): string[] | undefined {
  if (!Array.isArray(v)) return undefined;
  const out = v.map(str).filter((s): s is string => s !== undefined);
  return out.length ? out : undefined;
}

function outcome(v: unknown): MotionOutcome | undefined {
  const s = str(v)?.toLowerCase();
  return s && (OUTCOMES as readonly string[]).includes(s) ? (s as MotionOutcome) : undefined;
}

function records(v: unknown, key: string): Record<string, unknown>[] {
  const list = Array.isArray(v) ? v : v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined;
  return Array.isArray(list) ? list.filter((x): x is Record<string, unknown> => !!x && typeof x === 'object') : [];
}

/** Removes undefined fields so the compiled JSON stays small and comparable. */
function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** Compiles the recorded sources into the bundled catalog. Pure; throws only on malformed sources. */
export function compileBundledCatalog(src: RecordedSources): BundledCatalogData {
  const documents = new Map<string, BundledDocument>();
  for (const r of records(src.seedCitations, 'documents')) {
    const id = str(r['id']);
    if (!id) continue;
    const sources = [str(r['source']), ...records(r['otherSources'], '').map((o) => str(o['source']))].filter((s): s is string => !!s);
    documents.set(
      id,
      compact({
        id,
        documentNumber: str(r['documentNumber']),
        type: str(r['type']),
        title: str(r['title']),
        date: str(r['date']),
        dossierTitle: str(r['dossierTitle']),
        submitters: strings(r['submitters']),
        outcome: outcome(r['outcome']),
        kabinetsappreciatie: str(r['kabinetsappreciatie']),
        zaakNummer: str(r['zaakNummer']),
        alsoDossiers: strings(r['alsoDossiers']),
        sources: sources.map(sourceUrl),
      }),
    );
  }
  // Facts established later override and extend the seed citations.
  for (const r of [...records(src.documentFacts, 'documents'), ...records(src.motionOutcomes, 'motions')]) {
    const id = str(r['id']);
    if (!id) continue;
    const before = documents.get(id);
    const source = str(r['source']);
    const merged: BundledDocument = compact({
      id,
      documentNumber: str(r['documentNumber']) ?? before?.documentNumber,
      type: str(r['type']) ?? before?.type ?? (r['outcome'] !== undefined ? 'Motie' : undefined),
      title: str(r['title']) ?? before?.title,
      date: str(r['date']) ?? before?.date,
      dossierTitle: str(r['dossierTitle']) ?? before?.dossierTitle,
      submitters: strings(r['submitters']) ?? before?.submitters,
      outcome: outcome(r['outcome']) ?? before?.outcome,
      outcomeDate: str(r['outcomeDate']) ?? before?.outcomeDate,
      kabinetsappreciatie: before?.kabinetsappreciatie,
      zaakNummer: str(r['zaakNummer']) ?? before?.zaakNummer,
      alsoDossiers: before?.alsoDossiers,
      replacedBy: str(r['replacedBy']) ?? before?.replacedBy,
      sources: [...(source ? [sourceUrl(source)] : []), ...(before?.sources ?? [])],
    });
    documents.set(id, merged);
  }

  const titles = new Map<string, number>();
  const titleIndex = (t: string): number => {
    let i = titles.get(t);
    if (i === undefined) {
      i = titles.size;
      titles.set(t, i);
    }
    return i;
  };

  const motions: MotionRow[] = [];
  for (const r of parseCsvRecords(src.motionsCsv)) {
    const id = (r['kst_id'] ?? '').replace(/^kst-/, '');
    if (!parseKamerstukKey(id)) continue;
    const signers = signatories(r['xml_ondertekenaars'] ?? '', r['onderwerp'] ?? '').join('|');
    motions.push([
      id,
      r['document_nummer'] ?? '',
      r['zaak_nummer'] ?? '',
      r['xml_voorgesteld_datum'] || r['document_datum'] || '',
      r['onderwerp'] ?? '',
      r['kabinetsappreciatie'] ?? '',
      signers,
      titleIndex(r['dossier_titel'] ?? ''),
    ]);
  }

  const sample: SampleRow[] = [];
  for (const r of parseCsvRecords(src.sampleCsv)) {
    const id = (r['identifier'] ?? '').replace(/^kst-/, '');
    if (!parseKamerstukKey(id)) continue;
    sample.push([id, r['title'] ?? '', r['date'] ?? '', r['type'] ?? '', titleIndex(r['dossier_title'] ?? '')]);
  }

  const outcomes: OutcomeRow[] = [];
  for (const r of src.outcomesCsv ? parseCsvRecords(src.outcomesCsv) : []) {
    const result = outcome(/^stemmen - (aangenomen|verworpen|aangehouden|ingetrokken)/i.exec(r['besluit'] ?? '')?.[1] ?? (/zonder stemming aannemen/i.test(r['besluit'] ?? '') ? 'aangenomen' : undefined));
    if (!result) continue;
    const recordedOn = (r['besluit_gewijzigd_op'] ?? '').slice(0, 10);
    const id = (r['kst_id'] ?? '').replace(/^kst-/, '');
    if (id && parseKamerstukKey(id)) {
      const before = documents.get(id);
      documents.set(
        id,
        compact({
          ...before,
          id,
          type: before?.type ?? 'Motie',
          title: before?.title ?? str(r['onderwerp']),
          date: before?.date ?? str(r['date']),
          dossierTitle: before?.dossierTitle ?? str(r['dossier_titel']),
          documentNumber: before?.documentNumber ?? str(r['document_nummer']),
          zaakNummer: before?.zaakNummer ?? str(r['zaak_nummer']),
          kabinetsappreciatie: before?.kabinetsappreciatie ?? str(r['kabinetsappreciatie']),
          outcome: before?.outcome ?? result,
          outcomeDate: before?.outcomeDate ?? (recordedOn || undefined),
          sources: [...(before?.sources ?? []), sourceUrl(r['source_file'] ?? '')].filter(Boolean),
        }),
      );
      continue;
    }
    const onderwerp = r['onderwerp'] ?? '';
    outcomes.push([r['zaak_nummer'] ?? '', r['date'] ?? '', onderwerp, result, recordedOn, r['kabinetsappreciatie'] ?? '', titleIndex(r['dossier_titel'] ?? ''), signatories('', onderwerp).join('|')]);
  }

  return {
    version: 2,
    documents: [...documents.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    dossierTitles: [...titles.keys()],
    motions,
    sample,
    outcomes,
    // Tweede Kamer open data and officiële bekendmakingen XML, as saved by motiematcher (snapshot 2025-10-04).
    motionSource: 'https://github.com/tommyvanderwal/motiematcher/tree/a1faf70d7868139d87dbc8e14746bb2c5fdf09be/bronmateriaal-onbewerkt',
    sampleSource: 'https://github.com/BluntKatana/linking-references-to-docs-in-parl-debates/blob/f59c25806dc33ccd66fc30d5672ddbf38e517915/system/data/documents_2000-2025_hundred-each-year.csv',
    // Tweede Kamer open data (OData Zaak?$expand=Besluit records), as saved by tkmoties; the row's record in `sources`.
    outcomeSource: 'https://github.com/tkmoties/tkmoties.github.io/tree/b1ad58a752d93db1a64e89629602103a726a1e5e/_data/moties',
    notices: ['documents_2000-2025_hundred-each-year.csv: MIT License, Copyright (c) 2025 Floris Bos'],
  };
}

/** Lines of a motion's text that stand in its signatories column ("verzoekt de regering …"). */
const NOT_A_NAME = /\b(?:verzoekt|overwegende|constaterende|van mening|spreekt uit|roept|draagt|zegt|regering|de Kamer|kabinet|en gaat over)\b|[:;,]$|^(?:of|dat|hoe|om|en|maar|waarbij|houdende)\b/i;

/**
 * The signatories of a motion: the names in its signatories column; where that column holds the
 * motion's text instead, the submitters its subject line names ("Motie van het lid Ouwehand over …",
 * "Motie van de leden Dassen en Grinwis over …").
 */
export function signatories(column: string, onderwerp: string): string[] {
  const names = column
    .split('|')
    .map((s) => s.trim())
    .filter((s) => s && s.split(/\s+/).length <= 5 && !NOT_A_NAME.test(s));
  if (names.length && names.length === column.split('|').filter((s) => s.trim()).length) return names;
  const m = /^(?:gewijzigde\s+)?motie\s+van\s+(?:het\s+lid|de\s+leden)\s+(.+?)(?:\s+c\.s\.)?\s+(?:over|ter|inzake|om|met)\s/i.exec(onderwerp.replace(/\s+/g, ' '));
  if (!m) return names;
  return m[1]!.split(/\s*,\s*|\s+en\s+/).map((n) => n.trim()).filter(Boolean);
}

/** The signatories of an outcome row (its last column). */
export function outcomeSignatories(joined: string): string[] {
  return joined ? joined.split('|') : [];
}

/** The bundled document of a voted motion known only by its zaak. */
export function outcomeDocument(row: OutcomeRow, data: BundledCatalogData): CatalogDocument {
  const [zaakNummer, date, onderwerp, result, recordedOn, appreciatie, dossierTitle, signers] = row;
  return compact({
    id: zaakNummer,
    zaakNummer,
    type: 'Motie',
    title: onderwerp || undefined,
    date: date || undefined,
    dossierTitle: data.dossierTitles[dossierTitle] || undefined,
    submitters: outcomeSignatories(signers),
    outcome: outcome(result),
    outcomeDate: recordedOn || undefined,
    kabinetsappreciatie: appreciatie || undefined,
    sources: [{ origin: 'bundled', url: data.outcomeSource }],
  });
}

/** The bundled document of a motion row. */
export function motionDocument(row: MotionRow, data: BundledCatalogData): CatalogDocument {
  const [id, documentNumber, zaakNummer, date, onderwerp, appreciatie, signers, dossierTitle] = row;
  const kamerstuk = parseKamerstukKey(id);
  return compact({
    id,
    kamerstuk,
    documentNumber: documentNumber || undefined,
    zaakNummer: zaakNummer || undefined,
    type: 'Motie',
    title: onderwerp || undefined,
    date: date || undefined,
    dossierTitle: data.dossierTitles[dossierTitle] || undefined,
    submitters: signers ? signers.split('|') : undefined,
    kabinetsappreciatie: appreciatie || undefined,
    sources: [{ origin: 'bundled', url: data.motionSource }],
  });
}

/** The bundled document of a sample row. */
export function sampleDocument(row: SampleRow, data: BundledCatalogData): CatalogDocument {
  const [id, title, date, type, dossierTitle] = row;
  return compact({
    id,
    kamerstuk: parseKamerstukKey(id),
    title: title || undefined,
    date: date || undefined,
    type: type || undefined,
    dossierTitle: data.dossierTitles[dossierTitle] || undefined,
    sources: [{ origin: 'bundled', url: data.sampleSource }],
  });
}

/** A rich bundled document as a catalog document. */
export function richDocument(d: BundledDocument): CatalogDocument {
  const kamerstuk = parseKamerstukKey(d.id);
  const sources: FactSource[] = d.sources.length ? d.sources.map((url) => ({ origin: 'bundled', url })) : [{ origin: 'bundled' }];
  const { sources: _ignored, ...facts } = d;
  return compact({ ...facts, documentNumber: d.documentNumber ?? (isDocumentNumber(d.id) ? d.id : undefined), kamerstuk, sources });
}
