/**
 * What the official sources need from outside, as interfaces: a fetcher that talks HTTP only to the
 * configured hosts, and a store that keeps answers, fetched texts and the Tweede Kamer mirror. The
 * io floor implements them for Node (io/httpFetcher.ts, io/diskStore.ts); tests give a local server
 * and a store in memory. Nothing here reads a URL from a document: addresses are built from ids.
 */
import type { SyncCategory, SyncEntity } from './official/syncFeed';

export interface HttpResponse {
  readonly status: number;
  /** The address finally answered (after redirects on allowed hosts). */
  readonly url: string;
  readonly body: string;
}

/** Why a request brought no answer: the network, a timeout, a refused redirect, too many retries, an abort. */
export class FetchError extends Error {
  constructor(
    message: string,
    readonly reason: 'network' | 'timeout' | 'redirect' | 'status' | 'aborted' | 'host' | 'tooLarge',
    readonly status?: number,
  ) {
    super(message);
  }
}

export interface Fetcher {
  /**
   * GETs an address on an allowed host. Redirects are followed only to allowed hosts; 429 and 5xx
   * are retried with backoff; the answer is returned whatever its status (404 included). Rejects
   * with FetchError when no answer came.
   */
  get(url: string, options?: { readonly signal?: AbortSignal }): Promise<HttpResponse>;
}

export interface StoreEntry<T = unknown> {
  readonly value: T;
  /** When it was stored (ms since the epoch). */
  readonly storedAt: number;
  /** When it expires (ms since the epoch); absent: it does not. */
  readonly expiresAt?: number;
}

/** Answers and texts kept between runs; every method tolerates a broken entry (it is simply not there). */
export interface Store {
  get<T>(key: string): Promise<StoreEntry<T> | undefined>;
  set(key: string, value: unknown, ttlMs?: number): Promise<void>;
  delete(key: string): Promise<void>;
  /** Keeps a readable text (a fetched publication); returns where an editor can open it (a file URI), if the store has files. */
  putText(name: string, text: string): Promise<string | undefined>;
  /** A kept text's URI, if it is there. */
  textUri(name: string): Promise<string | undefined>;
  readonly mirror: MirrorStore;
}

/** Where a category's sync stands. */
export interface CategoryState {
  /** The next page to fetch; absent when the feed was read to its end. */
  readonly next?: string;
  /** The last page read (a sync after the end starts from it again, for what came since). */
  readonly last?: string;
  /** Pages stored. */
  readonly pages: number;
  /** When the category was last read to its end. */
  readonly completedAt?: string;
}

export type MirrorState = Partial<Record<SyncCategory, CategoryState>>;

/** The local copy of the Tweede Kamer's SyncFeed: pages as read, their state, and the index built from them. */
export interface MirrorStore {
  readState(): Promise<MirrorState>;
  writeState(state: MirrorState): Promise<void>;
  /** Stores page `seq` of a category (replacing one of the same number). */
  writePage(category: SyncCategory, seq: number, entities: readonly SyncEntity[]): Promise<void>;
  /** The stored pages of a category, in order. */
  readPages(category: SyncCategory): AsyncIterable<readonly SyncEntity[]>;
  /** Writes one shard of the index (replacing it) and reads one back. */
  writeShard(name: string, value: unknown): Promise<void>;
  readShard<T>(name: string): Promise<T | undefined>;
  /** Takes the sync lock (one sync at a time, across processes); undefined when another holds it. */
  lock(): Promise<(() => Promise<void>) | undefined>;
}
