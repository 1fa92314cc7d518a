import type { SyncCategory, SyncEntity } from './official/syncFeed';
import type { MirrorState, MirrorStore, Store, StoreEntry } from './remote';

/** A store in memory: for `--offline` runs without a cache folder, and for tests. */
export class MemoryStore implements Store {
  private readonly entries = new Map<string, StoreEntry>();
  private readonly texts = new Map<string, string>();
  readonly mirror = new MemoryMirror();

  constructor(private readonly now: () => number = Date.now) {}

  async get<T>(key: string): Promise<StoreEntry<T> | undefined> {
    const e = this.entries.get(key) as StoreEntry<T> | undefined;
    return e && JSON.parse(JSON.stringify(e));
  }

  async set(key: string, value: unknown, ttlMs?: number): Promise<void> {
    const storedAt = this.now();
    this.entries.set(key, { value: JSON.parse(JSON.stringify(value ?? null)), storedAt, ...(ttlMs !== undefined ? { expiresAt: storedAt + ttlMs } : {}) });
  }

  async delete(key: string): Promise<void> {
    this.entries.delete(key);
  }

  async putText(name: string, text: string): Promise<string | undefined> {
    this.texts.set(name, text);
    return undefined;
  }

  async textUri(): Promise<string | undefined> {
    return undefined;
  }

  /** A kept text (tests). */
  text(name: string): string | undefined {
    return this.texts.get(name);
  }
}

class MemoryMirror implements MirrorStore {
  private state: MirrorState = {};
  private readonly pages = new Map<SyncCategory, SyncEntity[][]>();
  private readonly shards = new Map<string, string>();
  private locked = false;

  async readState(): Promise<MirrorState> {
    return JSON.parse(JSON.stringify(this.state));
  }
  async writeState(state: MirrorState): Promise<void> {
    this.state = JSON.parse(JSON.stringify(state));
  }
  async writePage(category: SyncCategory, seq: number, entities: readonly SyncEntity[]): Promise<void> {
    const list = this.pages.get(category) ?? [];
    list[seq] = [...entities];
    this.pages.set(category, list);
  }
  async *readPages(category: SyncCategory): AsyncIterable<readonly SyncEntity[]> {
    for (const page of this.pages.get(category) ?? []) if (page) yield page;
  }
  async writeShard(name: string, value: unknown): Promise<void> {
    this.shards.set(name, JSON.stringify(value));
  }
  async readShard<T>(name: string): Promise<T | undefined> {
    const s = this.shards.get(name);
    return s === undefined ? undefined : (JSON.parse(s) as T);
  }
  async lock(): Promise<(() => Promise<void>) | undefined> {
    if (this.locked) return undefined;
    this.locked = true;
    return async () => {
      this.locked = false;
    };
  }
}
