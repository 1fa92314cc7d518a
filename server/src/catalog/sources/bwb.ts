/**
 * The Basiswettenbestand (BWB, wetten.overheid.nl) as a catalog source: a regulation looked up by the
 * titles a text may give it, through KOOP's SRU search (zoekservice.overheid.nl, x-connection=BWB),
 * under the same rules as the other official sources: the answer is kept in the store (found: for a
 * month; "no such citation title": for a day) and answered from there at once; a remote request only
 * while online, one per title at a time however many callers ask; offline, or when the request fails,
 * only what is kept answers. The link to the consolidated text is built from the BWB id.
 */
import { BWB_ID, wettenUrl } from '../../engine/glossary';
import type { CatalogSource, LawAnswer, LawFacts } from '../model';
import { bwbSearchUrl, lawTitleQuery, matchLaw, parseBwbResponse, titleKey, type BwbRecord } from '../official/bwb';
import type { Fetcher, Store } from '../remote';

export const BWB_SOURCE = 'bwb';

const DAY = 24 * 60 * 60 * 1000;

/** Titles asked at once at most (a text's candidate titles, longest first). */
const MAX_TITLES = 8;
/** Records asked for: with the in-force filter one per regulation whose title holds a candidate. */
const MAX_RECORDS = 50;

/** What the store keeps of one lookup. */
type Kept = { readonly found: true; readonly record: BwbRecord; readonly matched: string; readonly fetchedAt: string } | { readonly found: false; readonly fetchedAt: string };

export interface BwbOptions {
  /** The search service's base URL as the settings say now (zoekservice.overheid.nl, or a mirror). */
  readonly base: () => string;
  readonly store: Store;
  /** The fetcher; undefined while offline (only the store answers then). */
  readonly fetcher: () => Fetcher | undefined;
  readonly now?: () => number;
  /** How long a found regulation stays fresh (default 30 days). */
  readonly foundTtlMs?: number;
  /** How long "no such citation title" is remembered (default one day). */
  readonly missingTtlMs?: number;
}

export class BwbSource implements CatalogSource {
  readonly name = BWB_SOURCE;
  private readonly now: () => number;
  /** Lookups under way, by store key. */
  private readonly inflight = new Map<string, Promise<Kept | undefined>>();

  constructor(private readonly options: BwbOptions) {
    this.now = options.now ?? Date.now;
  }

  lookupKamerstuk(): undefined {
    return undefined;
  }

  lookupDocumentNumber(): undefined {
    return undefined;
  }

  async lookupLaw(titles: readonly string[], today: string, signal?: AbortSignal): Promise<LawAnswer> {
    const asked = [...new Map(titles.map((t) => [titleKey(t), t.replace(/\s+/g, ' ').trim()])).values()].filter(Boolean).slice(0, MAX_TITLES);
    if (!asked.length) return { kind: 'unknown' };
    const key = storeKey(asked);
    const kept = await this.options.store.get<Kept>(key).catch(() => undefined);
    const fresh = kept && (kept.expiresAt === undefined || kept.expiresAt > this.now());
    if (fresh || !this.options.fetcher()) return answerOf(kept?.value);
    let pending = this.inflight.get(key);
    if (!pending) {
      pending = this.ask(key, asked, today, signal).finally(() => this.inflight.delete(key));
      this.inflight.set(key, pending);
    }
    // A failed request leaves what was kept (an expired answer still answers).
    return answerOf((await pending) ?? kept?.value);
  }

  private async ask(key: string, titles: readonly string[], today: string, signal: AbortSignal | undefined): Promise<Kept | undefined> {
    const fetcher = this.options.fetcher();
    if (!fetcher) return undefined;
    let records: readonly BwbRecord[];
    try {
      const r = await fetcher.get(bwbSearchUrl(this.options.base(), lawTitleQuery(titles, today), MAX_RECORDS), signal ? { signal } : {});
      if (r.status !== 200) return undefined;
      records = parseBwbResponse(r.body).records;
    } catch {
      return undefined;
    }
    const fetchedAt = new Date(this.now()).toISOString();
    const match = matchLaw(records, titles, today);
    const kept: Kept = match ? { found: true, record: match.record, matched: match.title, fetchedAt } : { found: false, fetchedAt };
    await this.options.store.set(key, kept, kept.found ? (this.options.foundTtlMs ?? 30 * DAY) : (this.options.missingTtlMs ?? DAY)).catch(() => undefined);
    return kept;
  }
}

function storeKey(titles: readonly string[]): string {
  return `bwb/law/${titles.map(titleKey).join('|')}`;
}

function answerOf(kept: Kept | undefined): LawAnswer {
  if (!kept || typeof kept !== 'object') return { kind: 'unknown' };
  if (!kept.found) return { kind: 'notFound' };
  const r = kept.record;
  // A kept entry is read back from disk: only a well-formed one answers.
  if (!r || typeof r.bwbId !== 'string' || !BWB_ID.test(r.bwbId) || typeof r.title !== 'string' || typeof kept.matched !== 'string') return { kind: 'unknown' };
  const law: Record<string, unknown> = {
    bwbId: r.bwbId,
    title: r.title,
    type: r.type,
    authority: r.authority,
    validFrom: r.validFrom,
    validUntil: r.validUntil,
    matched: kept.matched,
    // The link is built from the id, never taken from the response.
    sources: [{ origin: BWB_SOURCE, url: wettenUrl(r.bwbId) }],
  };
  for (const k of Object.keys(law)) if (law[k] === undefined) delete law[k];
  return { kind: 'found', law: law as unknown as LawFacts };
}
