/**
 * The local mirror of the Tweede Kamer's open data (built by `kamerwijzer sync`, catalog/mirror.ts)
 * as a catalog source: a Kamerstuk's document number, type, title and date, a motion's outcome, the
 * cabinet's assessment and the gewijzigde motie that replaced it, a document number's Kamerstuk, a
 * dossier's highest number. Shards are read on first use and a few kept in memory.
 */
import { kamerstukKey, parseKamerstukKey, type KamerstukId } from '../../engine/identifiers';
import { dossierShardName, numberShardName, type DossierShard, type MirrorFacts, type MirrorMeta, type NumberShard } from '../mirror';
import type { CatalogDocument, CatalogSource } from '../model';
import type { MirrorStore } from '../remote';

export const TWEEDEKAMER_SOURCE = 'tweedekamer';

/** Shards kept in memory at most. */
const KEEP = 64;

export class TweedeKamerSource implements CatalogSource {
  readonly name = TWEEDEKAMER_SOURCE;
  private readonly shards = new Map<string, Promise<unknown>>();
  /**
   * Shards the mirror does not have (a dossier it holds nothing of, or no mirror at all): remembered
   * apart, without bound, so that a letter citing more dossiers than KEEP does not read the disk for
   * them again on every check.
   */
  private readonly missing = new Set<string>();

  /**
   * @param mirror the mirror's store
   * @param feedBase the SyncFeed's base as the settings say now, shown as where the facts come from
   */
  constructor(
    private readonly mirror: MirrorStore,
    private readonly feedBase: () => string,
  ) {}

  /** Forgets the shards read (the mirror was synced again). */
  reload(): void {
    this.shards.clear();
    this.missing.clear();
  }

  async meta(): Promise<MirrorMeta | undefined> {
    return this.mirror.readShard<MirrorMeta>('meta');
  }

  async lookupKamerstuk(id: KamerstukId): Promise<CatalogDocument | undefined> {
    const shard = await this.shard<DossierShard>(dossierShardName(id.dossier));
    const facts = shard?.documents[kamerstukKey(id)];
    const dossier = shard?.dossiers[id.dossier];
    if (!facts) return dossier?.highest !== undefined ? { id: kamerstukKey(id), kamerstuk: id, dossierHighest: dossier.highest, sources: [] } : undefined;
    return this.documentOf(id, facts, dossier);
  }

  async lookupDocumentNumber(documentNumber: string): Promise<CatalogDocument | undefined> {
    const numbers = await this.shard<NumberShard>(numberShardName(documentNumber));
    const key = numbers?.[documentNumber.toUpperCase()];
    const id = key ? parseKamerstukKey(key) : undefined;
    return id ? this.lookupKamerstuk(id) : undefined;
  }

  /** The Kamerstukken of the dossier's shard whose key starts with `prefix` ("29826-2"). */
  async listByIdPrefix(prefix: string, limit: number): Promise<readonly CatalogDocument[]> {
    const dossierNumber = /^(\d{4,6})-/.exec(prefix)?.[1];
    if (!dossierNumber) return [];
    const shard = await this.shard<DossierShard>(dossierShardName(dossierNumber));
    const out: CatalogDocument[] = [];
    for (const [key, facts] of Object.entries(shard?.documents ?? {})) {
      const id = key.startsWith(prefix) ? parseKamerstukKey(key) : undefined;
      if (id) out.push(this.documentOf(id, facts, shard!.dossiers[id.dossier]));
      if (out.length >= limit) break;
    }
    return out;
  }

  /** The Kamerstukken whose document number starts with `prefix` (at least "2025D44": one shard). */
  async documentsByNumberPrefix(prefix: string, limit: number): Promise<readonly CatalogDocument[]> {
    const wanted = prefix.toUpperCase();
    if (wanted.length < 7) return [];
    const numbers = await this.shard<NumberShard>(numberShardName(wanted));
    const out: CatalogDocument[] = [];
    for (const [number, key] of Object.entries(numbers ?? {})) {
      if (out.length >= limit) break;
      const id = number.startsWith(wanted) ? parseKamerstukKey(key) : undefined;
      const doc = id ? await this.lookupKamerstuk(id) : undefined;
      if (doc) out.push(doc);
    }
    return out;
  }

  async dossierHighest(dossier: string): Promise<number | undefined> {
    return (await this.shard<DossierShard>(dossierShardName(dossier)))?.dossiers[dossier]?.highest;
  }

  private documentOf(id: KamerstukId, f: MirrorFacts, dossier: DossierShard['dossiers'][string] | undefined): CatalogDocument {
    const doc: Record<string, unknown> = {
      id: kamerstukKey(id),
      kamerstuk: id,
      documentNumber: f.documentNumber,
      type: f.type,
      title: f.title,
      date: f.date,
      dossierTitle: dossier?.title,
      zaakNummer: f.zaakNummer,
      outcome: f.outcome,
      outcomeDate: f.outcomeDate,
      kabinetsappreciatie: f.kabinetsappreciatie,
      replacedBy: f.replacedBy,
      dossierHighest: dossier?.highest,
      sources: [{ origin: TWEEDEKAMER_SOURCE, url: `${this.feedBase().replace(/\/+$/, '')}/SyncFeed/2.0/Feed` }],
    };
    for (const k of Object.keys(doc)) if (doc[k] === undefined) delete doc[k];
    return doc as unknown as CatalogDocument;
  }

  private shard<T>(name: string): Promise<T | undefined> {
    let s = this.shards.get(name);
    if (s) {
      // Most recently used last.
      this.shards.delete(name);
      this.shards.set(name, s);
      return s as Promise<T | undefined>;
    }
    // Answered on a later turn of the event loop, as a read from disk is: a check that asks about
    // hundreds of dossiers the mirror lacks lets the server answer requests between them.
    if (this.missing.has(name)) return new Promise((resolve) => setImmediate(() => resolve(undefined)));
    const read: Promise<T | undefined> = this.mirror.readShard<T>(name).then(
      (found) => {
        if (found !== undefined) return found;
        // Kept as missing instead (unless the mirror was synced again meanwhile).
        if (this.shards.get(name) === read) {
          this.shards.delete(name);
          this.missing.add(name);
        }
        return undefined;
      },
      () => undefined,
    );
    s = read;
    this.shards.set(name, s);
    if (this.shards.size > KEEP) this.shards.delete(this.shards.keys().next().value!);
    return s as Promise<T | undefined>;
  }
}
