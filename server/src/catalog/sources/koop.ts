/**
 * officielebekendmakingen (KOOP) as a catalog source: what a publication's metadata.xml says of a
 * Kamerstuk, kept in the store (found: for a month; "does not exist": for a day) and answered from
 * there at once; the repository's XML text kept as a readable file for go-to-definition; the SRU
 * search for title words and a dossier's papers. A redirect to a page whose address holds "fout404"
 * is the site's "not found". Without a fetcher (offline) it answers only from the store.
 */
import { kamerstukKey, officialHandelingenId, type HandelingenId, type KamerstukId } from '../../engine/identifiers';
import { pushAll } from '../../engine/arrays';
import type { CatalogDocument, CatalogKey, CatalogSource, FetchOutcome, PublicationKey } from '../model';
import { dossierQuery, kstId, metadataUrl, parseOfficialId, publicationPageUrl, publicationXmlUrl, repositoryXmlUrl, sruUrl, titleWordsQuery, type KoopHosts } from '../official/ids';
import { parsePublicationMetadata, type PublicationMetadata } from '../official/metadata';
import { renderPublication } from '../official/publicationText';
import { parseSruResponse, type SruRecord } from '../official/sru';
import type { Fetcher, HttpResponse, Store } from '../remote';

export const KOOP_SOURCE = 'officielebekendmakingen';

const DAY = 24 * 60 * 60 * 1000;

/** What the store keeps of one publication. */
type Answer = { readonly found: true; readonly metadata: PublicationMetadata; readonly fetchedAt: string } | { readonly found: false; readonly fetchedAt: string };

export interface KoopOptions {
  /** KOOP's hosts as the settings say now. */
  readonly hosts: () => KoopHosts;
  readonly store: Store;
  /** The fetcher; undefined while offline (only the store answers then). */
  readonly fetcher: () => Fetcher | undefined;
  readonly now?: () => number;
  /** How long a found publication's metadata stays fresh (default 30 days). */
  readonly foundTtlMs?: number;
  /** How long "does not exist" is remembered (default one day). */
  readonly missingTtlMs?: number;
  /** Records per SRU page (default 50). */
  readonly sruPageSize?: number;
}

export class KoopSource implements CatalogSource {
  readonly name = KOOP_SOURCE;
  /** Answers read from the store or fetched in this run, by official id. */
  private readonly answers = new Map<string, Answer | null>();
  private readonly highest = new Map<string, number>();
  /** Dossiers whose highest number the store did not have when asked. */
  private readonly highestNotStored = new Set<string>();
  private readonly now: () => number;

  constructor(private readonly options: KoopOptions) {
    this.now = options.now ?? Date.now;
  }

  get online(): boolean {
    return !!this.options.fetcher();
  }

  async lookupKamerstuk(id: KamerstukId): Promise<CatalogDocument | undefined> {
    const kst = kstId(id);
    const answer = await this.answer(kst);
    const highest = this.highest.get(id.dossier) ?? (await this.storedHighest(id.dossier));
    const page = publicationPageUrl(this.options.hosts(), kst);
    if (!answer) return highest !== undefined ? { id: kamerstukKey(id), kamerstuk: id, dossierHighest: highest, sources: [] } : undefined;
    if (!answer.found) return { id: kamerstukKey(id), kamerstuk: id, absent: { origin: KOOP_SOURCE, url: page }, ...(highest !== undefined ? { dossierHighest: highest } : {}), sources: [] };
    return documentOf(id, answer.metadata, page, highest);
  }

  lookupDocumentNumber(): undefined {
    return undefined;
  }

  /** A Handelingen publication (an Aanhangsel, a sitting's item) by what its metadata.xml said. */
  async lookupHandelingen(id: HandelingenId): Promise<CatalogDocument | undefined> {
    const official = officialHandelingenId(id);
    if (!official) return undefined;
    const answer = await this.answer(official);
    if (!answer) return undefined;
    const page = publicationPageUrl(this.options.hosts(), official);
    if (!answer.found) return { id: official, handelingen: id, absent: { origin: KOOP_SOURCE, url: page }, sources: [] };
    return handelingenDocumentOf(official, id, answer.metadata, page);
  }

  async dossierHighest(dossier: string): Promise<number | undefined> {
    return this.highest.get(dossier) ?? (await this.storedHighest(dossier));
  }

  /** Fetches a Kamerstuk's or Handelingen publication's metadata unless a fresh answer is kept. */
  async fetch(key: CatalogKey, signal?: AbortSignal, force = false): Promise<FetchOutcome> {
    const fetcher = this.options.fetcher();
    const kst = officialIdOf(key);
    if (!kst || !fetcher) return 'unchanged';
    const kept = await this.options.store.get<Answer>(storeKey(kst));
    if (!force && kept && (kept.expiresAt === undefined || kept.expiresAt > this.now())) {
      this.answers.set(kst, kept.value);
      return 'unchanged';
    }
    let response: HttpResponse;
    try {
      response = await fetcher.get(metadataUrl(this.options.hosts(), kst), signal ? { signal } : {});
    } catch {
      return 'failed';
    }
    const fetchedAt = new Date(this.now()).toISOString();
    let answer: Answer;
    if (isNotFound(response)) answer = { found: false, fetchedAt };
    else if (response.status !== 200) return 'failed';
    else {
      try {
        answer = { found: true, metadata: withoutValues(parsePublicationMetadata(response.body)), fetchedAt };
      } catch {
        return 'failed';
      }
    }
    this.answers.set(kst, answer);
    await this.options.store.set(storeKey(kst), answer, answer.found ? (this.options.foundTtlMs ?? 30 * DAY) : (this.options.missingTtlMs ?? DAY)).catch(() => undefined);
    return 'updated';
  }

  /**
   * The official text of a Kamerstuk or Handelingen publication as a readable file: from the store,
   * else fetched (a Kamerstuk's XML from the repository, else the search site's) and kept. Returns
   * the file's URI, or undefined when it cannot be had (offline and never fetched, not found, no
   * file store, a Handelingen citation that names no single publication).
   */
  async publicationText(key: PublicationKey, signal?: AbortSignal): Promise<string | undefined> {
    const official = officialIdOf(key);
    if (!official) return undefined;
    const name = `${official}.md`;
    const kept = await this.options.store.textUri(name);
    const fetcher = this.options.fetcher();
    if (kept || !fetcher) return kept;
    const hosts = this.options.hosts();
    const urls = key.kind === 'kamerstuk' ? [repositoryXmlUrl(hosts, key.id), publicationXmlUrl(hosts, official)] : [publicationXmlUrl(hosts, official)];
    let xml: string | undefined;
    for (const url of urls) {
      try {
        const r = await fetcher.get(url, signal ? { signal } : {});
        if (r.status === 200 && !isNotFound(r)) {
          xml = r.body;
          break;
        }
      } catch {
        return undefined;
      }
    }
    if (xml === undefined) return undefined;
    const answer = await this.answer(official);
    let text: string;
    try {
      text = renderPublication(xml, {
        identity: key.kind === 'kamerstuk' ? { kamerstuk: key.id } : { handelingen: official },
        officialId: official,
        ...(answer?.found ? { metadata: answer.metadata } : {}),
        pageUrl: publicationPageUrl(hosts, official),
        fetchedOn: new Date(this.now()).toISOString().slice(0, 10),
      });
    } catch {
      return undefined;
    }
    return this.options.store.putText(name, text);
  }

  /** Kamerstukken whose title holds all these words, from the SRU search (kept for a day). */
  async searchRemote(words: readonly string[], limit: number, signal?: AbortSignal): Promise<readonly CatalogDocument[]> {
    const records = await this.sru(titleWordsQuery(words), limit, signal);
    return records.flatMap((r) => {
      const doc = recordDocument(r, this.options.hosts());
      return doc ? [doc] : [];
    });
  }

  /** Lists a dossier's Kamerstukken through the SRU search and remembers the highest ondernummer. */
  async listDossier(dossier: string, signal?: AbortSignal): Promise<number | undefined> {
    const records = await this.sru(dossierQuery(dossier), 1000, signal);
    const numbers = records.filter((r) => r.dossiers[0] === dossier).map((r) => Number(r.ondernummer)).filter((n) => Number.isInteger(n) && n > 0);
    if (!numbers.length) return undefined;
    const highest = numbers.reduce((a, b) => Math.max(a, b), 0);
    this.highest.set(dossier, highest);
    await this.options.store.set(`koop/highest/${dossier}`, highest, DAY).catch(() => undefined);
    return highest;
  }

  private async sru(cql: string, limit: number, signal?: AbortSignal): Promise<SruRecord[]> {
    const key = `koop/sru/${cql}/${limit}`;
    const kept = await this.options.store.get<SruRecord[]>(key);
    if (kept && (kept.expiresAt === undefined || kept.expiresAt > this.now())) return kept.value;
    const fetcher = this.options.fetcher();
    if (!fetcher) return kept?.value ?? [];
    const out: SruRecord[] = [];
    let start = 1;
    // Pages of at most 50 records, until the limit or the last page.
    for (let pages = 0; pages < 40 && out.length < limit; pages++) {
      let page;
      try {
        const r = await fetcher.get(sruUrl(this.options.hosts(), cql, start, Math.min(this.options.sruPageSize ?? 50, limit - out.length)), signal ? { signal } : {});
        if (r.status !== 200) break;
        page = parseSruResponse(r.body);
      } catch {
        break;
      }
      pushAll(out, page.records);
      if (!page.nextRecordPosition || page.nextRecordPosition <= start) break;
      start = page.nextRecordPosition;
    }
    await this.options.store.set(key, out, DAY).catch(() => undefined);
    return out.slice(0, limit);
  }

  private async answer(kst: string): Promise<Answer | undefined> {
    if (this.answers.has(kst)) return this.answers.get(kst) ?? undefined;
    const kept = await this.options.store.get<Answer>(storeKey(kst));
    // An expired answer still answers (offline first); fetch() refreshes it.
    this.answers.set(kst, kept?.value ?? null);
    return kept?.value;
  }

  private async storedHighest(dossier: string): Promise<number | undefined> {
    // The store is read once per dossier (as `answer` reads it once per document): a hover on a
    // citation must not open a file that is not there again and again.
    if (this.highestNotStored.has(dossier)) return undefined;
    const kept = await this.options.store.get<number>(`koop/highest/${dossier}`);
    if (typeof kept?.value === 'number') this.highest.set(dossier, kept.value);
    else this.highestNotStored.add(dossier);
    return typeof kept?.value === 'number' ? kept.value : undefined;
  }
}

/** The official identifier a key asks about: kst-…, h-tk-…, ah-tk-…; undefined when it names none. */
function officialIdOf(key: CatalogKey): string | undefined {
  if (key.kind === 'kamerstuk') return kstId(key.id);
  if (key.kind === 'handelingen') return officialHandelingenId(key.id);
  return undefined;
}

function storeKey(kst: string): string {
  return `koop/metadata/${kst}`;
}

/** The site's "not found": a 404, or a redirect that ends on its fout404 page. */
function isNotFound(r: HttpResponse): boolean {
  return r.status === 404 || r.status === 410 || /fout404/i.test(r.url);
}

/** The metadata without the raw value list (kept small in the store). */
function withoutValues(m: PublicationMetadata): PublicationMetadata {
  return { ...m, values: [] };
}

function documentOf(id: KamerstukId, m: PublicationMetadata, page: string, highest: number | undefined): CatalogDocument {
  const doc: Record<string, unknown> = {
    id: kamerstukKey(id),
    kamerstuk: id,
    type: m.type,
    title: m.title,
    date: m.issued ?? m.available,
    dossierTitle: m.dossierTitle,
    submitters: m.submitters.length ? m.submitters : undefined,
    alsoDossiers: m.dossiers.length > 1 ? m.dossiers.slice(1) : undefined,
    dossierHighest: highest,
    sources: [{ origin: KOOP_SOURCE, url: page }],
  };
  for (const k of Object.keys(doc)) if (doc[k] === undefined) delete doc[k];
  return doc as unknown as CatalogDocument;
}

function handelingenDocumentOf(official: string, id: HandelingenId, m: PublicationMetadata, page: string): CatalogDocument {
  const doc: Record<string, unknown> = {
    id: official,
    handelingen: id,
    type: m.type ?? m.parliamentaryType ?? m.publicationName,
    title: m.title,
    date: m.issued ?? m.available,
    // Kamervragen: the members who asked them.
    submitters: m.submitters.length ? m.submitters : undefined,
    sources: [{ origin: KOOP_SOURCE, url: page }],
  };
  for (const k of Object.keys(doc)) if (doc[k] === undefined) delete doc[k];
  return doc as unknown as CatalogDocument;
}

function recordDocument(r: SruRecord, hosts: KoopHosts): CatalogDocument | undefined {
  const parsed = parseOfficialId(r.identifier);
  if (!parsed || !('kamerstuk' in parsed)) return undefined;
  const id = parsed.kamerstuk;
  const doc: Record<string, unknown> = {
    id: kamerstukKey(id),
    kamerstuk: id,
    type: r.type,
    title: r.title,
    date: r.date,
    submitters: r.submitters.length ? r.submitters : undefined,
    // The page's address is built from the id, never taken from the response.
    sources: [{ origin: KOOP_SOURCE, url: publicationPageUrl(hosts, kstId(id)) }],
  };
  for (const k of Object.keys(doc)) if (doc[k] === undefined) delete doc[k];
  return doc as unknown as CatalogDocument;
}
