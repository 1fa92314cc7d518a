/**
 * The official identifiers of parliamentary publications on officielebekendmakingen.nl (KOOP), and
 * the addresses of their metadata, texts and search on KOOP's hosts:
 *
 *   kst-29826-277, kst-36600-XIII-65, kst-21501-30-470 (Kamerstukken; a dossier's suffix joined with "-"),
 *   kst-35570-C (an Eerste Kamer paper, its ondernummer a letter),
 *   h-tk-20212022-62-7 (Handelingen: chamber, vergaderjaar, number, item),
 *   ah-tk-20212022-1456 (Aanhangsel van de Handelingen: answers to Kamervragen).
 *
 * One base URL can stand for KOOP's hosts (a mirror or a test server serves /{id}/metadata.xml,
 * /{id}.xml, /frbr/officielepublicaties/…, /sru and the BWB's /sru/Search under it); by default they
 * are the official ones.
 */
import { kamerstukKey, parseHandelingenKey, parseKamerstukKey, type HandelingenId, type KamerstukId } from '../../engine/identifiers';
import { OFFICIAL_ZOEKSERVICE } from './bwb';

export interface KoopHosts {
  /** zoek.officielebekendmakingen.nl: pages, metadata.xml. */
  readonly zoek: string;
  /** repository.overheid.nl: the FRBR manifestations and the SRU search. */
  readonly repository: string;
  /** zoekservice.overheid.nl: the SRU search of the Basiswettenbestand (wetten.overheid.nl). */
  readonly zoekservice: string;
}

export const OFFICIAL_KOOP_HOSTS: KoopHosts = { zoek: 'https://zoek.officielebekendmakingen.nl', repository: 'https://repository.overheid.nl', zoekservice: OFFICIAL_ZOEKSERVICE };

/** KOOP's hosts for a base URL setting: one base for both, or the official hosts when none is set. */
export function koopHosts(base: string | undefined): KoopHosts {
  const b = base?.trim().replace(/\/+$/, '');
  return b ? { zoek: b, repository: b, zoekservice: b } : OFFICIAL_KOOP_HOSTS;
}

/** The official identifier of a Kamerstuk: kst-29826-277. */
export function kstId(id: KamerstukId): string {
  return `kst-${kamerstukKey(id)}`;
}

/** Reads an official identifier back: a Kamerstuk or a Handelingen publication. */
export function parseOfficialId(id: string): { readonly kamerstuk: KamerstukId } | { readonly handelingen: HandelingenId } | undefined {
  const s = id.trim();
  if (/^a?h-(?:tk|ek)-/i.test(s)) {
    const handelingen = parseHandelingenKey(s);
    return handelingen ? { handelingen } : undefined;
  }
  if (!/^kst-/i.test(s)) return undefined;
  const kamerstuk = parseKamerstukKey(s);
  return kamerstuk ? { kamerstuk } : undefined;
}

/** `{zoek}/{id}/metadata.xml`. */
export function metadataUrl(hosts: KoopHosts, id: string): string {
  return `${hosts.zoek}/${id}/metadata.xml`;
}

/** The publication's page: `{zoek}/{id}.html`. */
export function publicationPageUrl(hosts: KoopHosts, id: string): string {
  return `${hosts.zoek}/${id}.html`;
}

/** The XML text of a Kamerstuk in the repository: `{repository}/frbr/officielepublicaties/kst/{dossier}/{id}/1/xml/{id}.xml`. */
export function repositoryXmlUrl(hosts: KoopHosts, id: KamerstukId): string {
  const kst = kstId(id);
  return `${hosts.repository}/frbr/officielepublicaties/kst/${encodeURIComponent(id.dossier)}/${kst}/1/xml/${kst}.xml`;
}

/** The XML text of any publication on the search site: `{zoek}/{id}.xml`. */
export function publicationXmlUrl(hosts: KoopHosts, id: string): string {
  return `${hosts.zoek}/${id}.xml`;
}

/** An SRU 2.0 searchRetrieve request in the gzd record schema. */
export function sruUrl(hosts: KoopHosts, cql: string, startRecord = 1, maximumRecords = 50): string {
  const q = new URLSearchParams({ operation: 'searchRetrieve', version: '2.0', recordSchema: 'gzd', query: cql, maximumRecords: String(maximumRecords), startRecord: String(startRecord) });
  return `${hosts.repository}/sru?${q.toString()}`;
}

/** A CQL string literal: in double quotes, quotes and backslashes escaped. */
export function cqlString(s: string): string {
  return `"${s.replace(/[\\"]/g, '\\$&')}"`;
}

/** CQL for the Kamerstukken of a dossier ("29826", "36600-XIII"). */
export function dossierQuery(dossier: string): string {
  return `w.publicatienaam==${cqlString('Kamerstuk')} and w.dossiernummer==${cqlString(dossier)}`;
}

/** CQL for Kamerstukken whose title holds all of these words. */
export function titleWordsQuery(words: readonly string[]): string {
  return `w.publicatienaam==${cqlString('Kamerstuk')} and dt.title all ${cqlString(words.join(' '))}`;
}
