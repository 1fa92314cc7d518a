/**
 * The on-disk store of answers, fetched texts and the Tweede Kamer mirror: plain files in one
 * folder, no server and no native module. Every write goes to a temporary file that is then renamed
 * into place (atomic on one file system), so a reader — in this process or another — sees an old or
 * a new entry, never half of one; a corrupt or truncated entry reads as missing (and is fetched
 * again). Answers and texts are evicted least recently used first when they exceed the size cap;
 * the mirror is not (the user asked for it). One sync at a time holds a lock file.
 *
 *   <root>/kv/ab/abcdef….json        answers, keyed by a hash of their key
 *   <root>/texts/kst-29826-250.md     fetched publications as readable files
 *   <root>/mirror/state.json          the sync's state per category
 *   <root>/mirror/pages/Zaak/00000012.json
 *   <root>/mirror/index/d29826.json   the index shards
 *   <root>/mirror/sync.lock
 */
import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { SyncCategory, SyncEntity } from '../catalog/official/syncFeed';
import type { MirrorState, MirrorStore, Store, StoreEntry } from '../catalog/remote';

export interface DiskStoreOptions {
  /** Bytes the answers and texts may take before the least recently used go (default 256 MiB). */
  readonly maxBytes?: number;
  readonly now?: () => number;
}

interface Envelope {
  readonly v: 1;
  readonly key: string;
  readonly storedAt: number;
  readonly expiresAt?: number;
  readonly value: unknown;
}

/** The default cache folder of the command line: $XDG_CACHE_HOME/kamerwijzer, else ~/.cache/kamerwijzer. */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const xdg = env['XDG_CACHE_HOME'];
  return path.join(xdg && path.isAbsolute(xdg) ? xdg : path.join(os.homedir(), '.cache'), 'kamerwijzer');
}

/** Writes a file atomically: a temporary file beside it, then a rename. */
export async function writeAtomic(file: string, data: string | Uint8Array): Promise<void> {
  await fs.promises.mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await fs.promises.writeFile(tmp, data);
    await fs.promises.rename(tmp, file);
  } catch (e) {
    await fs.promises.rm(tmp, { force: true }).catch(() => undefined);
    throw e;
  }
}

export class DiskStore implements Store {
  readonly mirror: DiskMirror;
  private written = 0;
  private readonly now: () => number;

  constructor(
    readonly root: string,
    private readonly options: DiskStoreOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.mirror = new DiskMirror(path.join(root, 'mirror'));
  }

  private fileOf(key: string): string {
    const h = createHash('sha256').update(key).digest('hex').slice(0, 40);
    return path.join(this.root, 'kv', h.slice(0, 2), `${h}.json`);
  }

  async get<T>(key: string): Promise<StoreEntry<T> | undefined> {
    const file = this.fileOf(key);
    let env: Envelope;
    try {
      env = JSON.parse(await fs.promises.readFile(file, 'utf8')) as Envelope;
    } catch (e) {
      // Missing, unreadable, or corrupt (a truncated file): not there. A corrupt one goes.
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') await fs.promises.rm(file, { force: true }).catch(() => undefined);
      return undefined;
    }
    if (!env || env.v !== 1 || env.key !== key || typeof env.storedAt !== 'number') return undefined;
    // Least recently used first: reading counts as use (file times are the real clock's).
    const t = new Date();
    await fs.promises.utimes(file, t, t).catch(() => undefined);
    return { value: env.value as T, storedAt: env.storedAt, ...(typeof env.expiresAt === 'number' ? { expiresAt: env.expiresAt } : {}) };
  }

  async set(key: string, value: unknown, ttlMs?: number): Promise<void> {
    const storedAt = this.now();
    const env: Envelope = { v: 1, key, storedAt, ...(ttlMs !== undefined ? { expiresAt: storedAt + ttlMs } : {}), value };
    const data = JSON.stringify(env);
    await writeAtomic(this.fileOf(key), data);
    await this.wrote(data.length);
  }

  async delete(key: string): Promise<void> {
    await fs.promises.rm(this.fileOf(key), { force: true });
  }

  async putText(name: string, text: string): Promise<string> {
    const file = path.join(this.root, 'texts', safeName(name));
    await writeAtomic(file, text);
    await this.wrote(text.length);
    return pathToFileURL(file).toString();
  }

  async textUri(name: string): Promise<string | undefined> {
    const file = path.join(this.root, 'texts', safeName(name));
    try {
      const st = await fs.promises.stat(file);
      if (!st.isFile() || st.size === 0) return undefined;
      const t = new Date();
      await fs.promises.utimes(file, t, t).catch(() => undefined);
      return pathToFileURL(file).toString();
    } catch {
      return undefined;
    }
  }

  /** Bytes the answers and texts take now. */
  async size(): Promise<number> {
    return (await this.files()).reduce((n, f) => n + f.size, 0);
  }

  /** Evicts once every 5% of the cap written. */
  private async wrote(bytes: number): Promise<void> {
    this.written += bytes;
    const cap = this.options.maxBytes ?? 256 * 1024 * 1024;
    if (this.written < cap / 20) return;
    this.written = 0;
    await this.evict(cap).catch(() => undefined);
  }

  /** Removes the least recently used answers and texts until they take at most 90% of the cap. */
  async evict(cap = this.options.maxBytes ?? 256 * 1024 * 1024): Promise<number> {
    const files = await this.files();
    let total = files.reduce((n, f) => n + f.size, 0);
    if (total <= cap) return 0;
    files.sort((a, b) => a.mtimeMs - b.mtimeMs);
    let removed = 0;
    for (const f of files) {
      if (total <= cap * 0.9) break;
      await fs.promises.rm(f.file, { force: true }).catch(() => undefined);
      total -= f.size;
      removed++;
    }
    return removed;
  }

  private async files(): Promise<{ file: string; size: number; mtimeMs: number }[]> {
    const out: { file: string; size: number; mtimeMs: number }[] = [];
    const walk = async (dir: string, depth: number): Promise<void> => {
      let entries: fs.Dirent[];
      try {
        entries = await fs.promises.readdir(dir, { withFileTypes: true });
      } catch {
        return;
      }
      for (const e of entries) {
        const p = path.join(dir, e.name);
        if (e.isDirectory() && depth > 0) await walk(p, depth - 1);
        else if (e.isFile() && !e.name.endsWith('.tmp')) {
          const st = await fs.promises.stat(p).catch(() => undefined);
          if (st) out.push({ file: p, size: st.size, mtimeMs: st.mtimeMs });
        }
      }
    };
    await walk(path.join(this.root, 'kv'), 1);
    await walk(path.join(this.root, 'texts'), 0);
    return out;
  }
}

class DiskMirror implements MirrorStore {
  constructor(private readonly dir: string) {}

  async readState(): Promise<MirrorState> {
    try {
      const s = JSON.parse(await fs.promises.readFile(path.join(this.dir, 'state.json'), 'utf8')) as unknown;
      return s && typeof s === 'object' ? (s as MirrorState) : {};
    } catch {
      return {};
    }
  }

  async writeState(state: MirrorState): Promise<void> {
    await writeAtomic(path.join(this.dir, 'state.json'), JSON.stringify(state));
  }

  async writePage(category: SyncCategory, seq: number, entities: readonly SyncEntity[]): Promise<void> {
    await writeAtomic(path.join(this.dir, 'pages', category, `${String(seq).padStart(8, '0')}.json`), JSON.stringify(entities));
  }

  async *readPages(category: SyncCategory): AsyncIterable<readonly SyncEntity[]> {
    const dir = path.join(this.dir, 'pages', category);
    let names: string[];
    try {
      names = (await fs.promises.readdir(dir)).filter((n) => /^\d{8}\.json$/.test(n)).sort();
    } catch {
      return;
    }
    for (const n of names) {
      try {
        const page = JSON.parse(await fs.promises.readFile(path.join(dir, n), 'utf8')) as unknown;
        if (Array.isArray(page)) yield page as SyncEntity[];
      } catch {
        // A page that cannot be read is skipped; the next sync writes it again.
      }
    }
  }

  async writeShard(name: string, value: unknown): Promise<void> {
    await writeAtomic(path.join(this.dir, 'index', `${safeName(name)}.json`), JSON.stringify(value));
  }

  async readShard<T>(name: string): Promise<T | undefined> {
    try {
      return JSON.parse(await fs.promises.readFile(path.join(this.dir, 'index', `${safeName(name)}.json`), 'utf8')) as T;
    } catch {
      return undefined;
    }
  }

  /** The lock is a file created exclusively; one left by a process that is gone (or older than a day) is taken over. */
  async lock(): Promise<(() => Promise<void>) | undefined> {
    const file = path.join(this.dir, 'sync.lock');
    await fs.promises.mkdir(this.dir, { recursive: true });
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        await fs.promises.writeFile(file, JSON.stringify({ pid: process.pid, at: Date.now() }), { flag: 'wx' });
        return async () => {
          await fs.promises.rm(file, { force: true });
        };
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
        if (!(await staleLock(file))) return undefined;
        await fs.promises.rm(file, { force: true });
      }
    }
    return undefined;
  }
}

async function staleLock(file: string): Promise<boolean> {
  try {
    const { pid, at } = JSON.parse(await fs.promises.readFile(file, 'utf8')) as { pid: number; at: number };
    if (Date.now() - at > 24 * 60 * 60 * 1000) return true;
    try {
      process.kill(pid, 0);
      return false;
    } catch {
      return true;
    }
  } catch {
    return true;
  }
}

/** A file name from a key: letters, digits, dot, dash and underscore only. */
function safeName(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 200);
}

/**
 * A store whose folder is known only later (the editor tells it at start) or changes (the setting
 * kamerwijzer.cacheDirectory): until it has one, nothing is kept and nothing found.
 */
export class FolderStore implements Store {
  private disk: DiskStore | undefined;
  readonly mirror: MirrorStore;

  constructor(private readonly options: DiskStoreOptions = {}) {
    const self = this;
    this.mirror = {
      readState: async () => (self.disk ? self.disk.mirror.readState() : {}),
      writeState: async (s) => self.disk?.mirror.writeState(s),
      writePage: async (c, n, e) => self.disk?.mirror.writePage(c, n, e),
      readPages: (c) => (self.disk ? self.disk.mirror.readPages(c) : (async function* () {})()),
      writeShard: async (n, v) => self.disk?.mirror.writeShard(n, v),
      readShard: async <T>(n: string) => (self.disk ? self.disk.mirror.readShard<T>(n) : undefined),
      lock: async () => (self.disk ? self.disk.mirror.lock() : undefined),
    };
  }

  /** The folder in use, if any. */
  get root(): string | undefined {
    return this.disk?.root;
  }

  /** Uses this folder from now on; true when it is another one than before. */
  use(root: string): boolean {
    if (this.disk?.root === root) return false;
    this.disk = new DiskStore(root, this.options);
    return true;
  }

  get<T>(key: string): Promise<StoreEntry<T> | undefined> {
    return this.disk ? this.disk.get<T>(key) : Promise.resolve(undefined);
  }
  async set(key: string, value: unknown, ttlMs?: number): Promise<void> {
    await this.disk?.set(key, value, ttlMs);
  }
  async delete(key: string): Promise<void> {
    await this.disk?.delete(key);
  }
  async putText(name: string, text: string): Promise<string | undefined> {
    return this.disk?.putText(name, text);
  }
  async textUri(name: string): Promise<string | undefined> {
    return this.disk?.textUri(name);
  }
  async size(): Promise<number> {
    return this.disk ? this.disk.size() : 0;
  }
}
