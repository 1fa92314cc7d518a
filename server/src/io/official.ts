/**
 * The official sources as the server and the command line use them: officielebekendmakingen
 * (KOOP), the Basiswettenbestand of wetten.overheid.nl (KOOP's BWB search) and the Tweede Kamer's
 * SyncFeed mirror, over one store (the cache folder, or memory) and one
 * fetcher that talks only to the configured hosts. Online or not, base URLs and the request rate are
 * settings and can change while running; offline, the sources answer from the store alone and no
 * request is made.
 */
import { syncMirror, type SyncProgress, type SyncResult } from '../catalog/mirror';
import type { CatalogSource } from '../catalog/model';
import { koopHosts } from '../catalog/official/ids';
import type { SyncCategory } from '../catalog/official/syncFeed';
import type { Fetcher, Store } from '../catalog/remote';
import { BwbSource } from '../catalog/sources/bwb';
import { KoopSource } from '../catalog/sources/koop';
import { TweedeKamerSource } from '../catalog/sources/tweedekamer';
import { HttpFetcher } from './httpFetcher';

export const OFFICIAL_TWEEDEKAMER_BASE = 'https://gegevensmagazijn.tweedekamer.nl';

export interface OnlineSettings {
  /** Lookups on the official hosts are allowed (the setting, and a trusted workspace). */
  readonly online: boolean;
  /** Base URL for KOOP's hosts ("" or undefined: the official hosts). */
  readonly officielebekendmakingen?: string;
  /** Base URL of the Tweede Kamer's Gegevensmagazijn ("" or undefined: the official host). */
  readonly tweedekamer?: string;
  /** Requests per second per host at most. */
  readonly requestsPerSecond?: number;
}

export interface OfficialOptions {
  readonly userAgent?: string;
  readonly timeoutMs?: number;
  readonly backoffMs?: number;
  /** Hears of every request (the command line's --verbose, tests). */
  readonly onRequest?: (url: string) => void;
  /** A fetcher to use instead of HTTP (tests). */
  readonly fetcher?: Fetcher;
  /** Records per SRU page. */
  readonly sruPageSize?: number;
  /** The clock (tests). */
  readonly now?: () => number;
}

export class OfficialSources {
  readonly koop: KoopSource;
  readonly bwb: BwbSource;
  readonly tweedekamer: TweedeKamerSource;
  private fetcher: Fetcher | undefined;
  private current: OnlineSettings;
  private readonly reloadListeners = new Set<() => void>();

  constructor(
    readonly store: Store,
    settings: OnlineSettings,
    private readonly options: OfficialOptions = {},
  ) {
    this.current = settings;
    this.fetcher = this.makeFetcher(settings);
    this.koop = new KoopSource({ store, hosts: () => koopHosts(this.current.officielebekendmakingen), fetcher: () => this.fetcher, ...(options.sruPageSize ? { sruPageSize: options.sruPageSize } : {}), ...(options.now ? { now: options.now } : {}) });
    this.bwb = new BwbSource({ store, base: () => koopHosts(this.current.officielebekendmakingen).zoekservice, fetcher: () => this.fetcher, ...(options.now ? { now: options.now } : {}) });
    this.tweedekamer = new TweedeKamerSource(store.mirror, () => this.tweedeKamerBase);
  }

  /** Catalog sources, most authoritative first. */
  get sources(): readonly CatalogSource[] {
    return [this.koop, this.tweedekamer, this.bwb];
  }

  get online(): boolean {
    return !!this.fetcher;
  }

  get tweedeKamerBase(): string {
    return (this.current.tweedekamer?.trim() || OFFICIAL_TWEEDEKAMER_BASE).replace(/\/+$/, '');
  }

  /** New settings: online or not, other hosts, another rate. */
  configure(settings: OnlineSettings): void {
    this.current = settings;
    this.fetcher = this.makeFetcher(settings);
  }

  /**
   * Hears when what the sources answer may have changed wholesale, without a fetch saying which
   * documents: the mirror was synced, or the cache folder moved. Returns a function that stops it.
   */
  onDidReload(listener: () => void): () => void {
    this.reloadListeners.add(listener);
    return () => this.reloadListeners.delete(listener);
  }

  /** The cache folder changed: the mirror's shards read so far (and those it did not have) are forgotten. */
  storeMoved(): void {
    this.reload();
  }

  /** Brings the Tweede Kamer mirror up to date (resumable); needs to be online. */
  async sync(options: { readonly categories?: readonly SyncCategory[]; readonly signal?: AbortSignal; readonly onProgress?: (p: SyncProgress) => void; readonly maxPages?: number } = {}): Promise<SyncResult> {
    if (!this.fetcher) return { status: 'failed', message: 'offline' };
    const result = await syncMirror({ fetcher: this.fetcher, mirror: this.store.mirror, base: this.tweedeKamerBase, ...options });
    this.reload();
    return result;
  }

  private reload(): void {
    this.tweedekamer.reload();
    for (const listener of this.reloadListeners) listener();
  }

  private makeFetcher(s: OnlineSettings): Fetcher | undefined {
    if (!s.online) return undefined;
    if (this.options.fetcher) return this.options.fetcher;
    const hosts = koopHosts(s.officielebekendmakingen);
    return new HttpFetcher({
      allowed: [hosts.zoek, hosts.repository, hosts.zoekservice, s.tweedekamer?.trim() || OFFICIAL_TWEEDEKAMER_BASE],
      ...(s.requestsPerSecond ? { ratePerSecond: s.requestsPerSecond } : {}),
      ...(this.options.timeoutMs ? { timeoutMs: this.options.timeoutMs } : {}),
      ...(this.options.backoffMs !== undefined ? { backoffMs: this.options.backoffMs } : {}),
      ...(this.options.userAgent ? { userAgent: this.options.userAgent } : {}),
      ...(this.options.onRequest ? { onRequest: this.options.onRequest } : {}),
    });
  }
}
