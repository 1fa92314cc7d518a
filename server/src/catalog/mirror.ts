/**
 * The local mirror of the Tweede Kamer's SyncFeed: syncing (page by page, resumable from the last
 * page kept, incremental after the end) and the index built from it — per Kamerstuk its document
 * number, type, title, date, and for a motion its zaak, outcome (the latest besluit), the cabinet's
 * assessment and the gewijzigde motie that replaced it; per dossier its title and highest number;
 * per document number its Kamerstuk. The index is sharded by dossier and by document number prefix,
 * so a lookup reads one small shard.
 */
import { normalizeDossier } from '../engine/identifiers';
import type { MotionOutcome } from './model';
import { parseFeedPage, SYNC_CATEGORIES, type BesluitEntity, type DocumentEntity, type DossierEntity, type SyncCategory, type SyncEntity, type ZaakEntity } from './official/syncFeed';
import type { CategoryState, Fetcher, MirrorState, MirrorStore } from './remote';

/** What the mirror knows of one Kamerstuk. */
export interface MirrorFacts {
  readonly documentNumber?: string;
  readonly type?: string;
  readonly title?: string;
  readonly date?: string;
  readonly zaakNummer?: string;
  readonly outcome?: MotionOutcome;
  /** When the besluit was recorded (its last change, tk:bijgewerkt). */
  readonly outcomeDate?: string;
  readonly kabinetsappreciatie?: string;
  /** The Kamerstuk of the gewijzigde motie that replaced this one. */
  readonly replacedBy?: string;
}

export interface DossierShard {
  /** Per dossier (with suffix): title and highest ondernummer. */
  readonly dossiers: Record<string, { readonly title?: string; readonly highest?: number }>;
  /** Per Kamerstuk key ("36600-XIII-65"). */
  readonly documents: Record<string, MirrorFacts>;
}

/** Per document number ("2025D44449"): its Kamerstuk key. */
export type NumberShard = Record<string, string>;

export interface MirrorMeta {
  readonly builtAt: string;
  readonly documents: number;
  readonly motionsWithOutcome: number;
}

/** The shard that holds a dossier's facts ("36600-XIII" and "36600" share "d36600"). */
export function dossierShardName(dossier: string): string {
  return `d${dossier.split('-')[0]}`;
}

/** The shard that holds a document number ("2025D44449" → "n2025D44"). */
export function numberShardName(documentNumber: string): string {
  return `n${documentNumber.toUpperCase().slice(0, 7)}`;
}

export interface SyncProgress {
  readonly category: SyncCategory;
  /** Pages read in this run, and kept in all. */
  readonly pages: number;
  readonly entities: number;
}

export interface SyncOptions {
  readonly fetcher: Fetcher;
  readonly mirror: MirrorStore;
  /** The SyncFeed's base ("https://gegevensmagazijn.tweedekamer.nl"). */
  readonly base: string;
  readonly categories?: readonly SyncCategory[];
  readonly signal?: AbortSignal;
  readonly onProgress?: (p: SyncProgress) => void;
  /** At most this many pages per category in one run (a sync resumes where it stopped). */
  readonly maxPages?: number;
  readonly now?: () => Date;
}

export type SyncResult = { readonly status: 'done' | 'interrupted'; readonly pages: number } | { readonly status: 'busy' } | { readonly status: 'failed'; readonly message: string };

/**
 * Reads the feed of each category from where the last run stopped; after each page the page and
 * the state are kept, so an interruption loses nothing. The next link is followed only while it
 * stays on the configured host. Builds the index at the end.
 */
export async function syncMirror(o: SyncOptions): Promise<SyncResult> {
  const release = await o.mirror.lock();
  if (!release) return { status: 'busy' };
  let total = 0;
  try {
    const state: MirrorState = await o.mirror.readState();
    for (const category of o.categories ?? SYNC_CATEGORIES) {
      const r = await syncCategory(o, category, state);
      total += r.pages;
      if (r.stopped) return r.failure ? { status: 'failed', message: r.failure } : { status: 'interrupted', pages: total };
    }
    await buildIndex(o.mirror, o.now?.() ?? new Date());
    return { status: 'done', pages: total };
  } finally {
    await release();
  }
}

async function syncCategory(o: SyncOptions, category: SyncCategory, state: MirrorState): Promise<{ pages: number; stopped: boolean; failure?: string }> {
  const base = o.base.replace(/\/+$/, '');
  const host = new URL(base).host;
  let s: CategoryState = state[category] ?? { pages: 0 };
  let url: string | undefined = s.next ?? s.last ?? `${base}/SyncFeed/2.0/Feed?category=${encodeURIComponent(category)}`;
  // Re-reading the last page after the end: it is kept again in its own place.
  let seq = s.next ? s.pages : s.last ? Math.max(0, s.pages - 1) : 0;
  let pages = 0;
  let entities = 0;
  while (url) {
    if (o.signal?.aborted) return { pages, stopped: true };
    if (o.maxPages !== undefined && pages >= o.maxPages) return { pages, stopped: true };
    let page;
    try {
      const r = await o.fetcher.get(url, o.signal ? { signal: o.signal } : {});
      if (r.status !== 200) return { pages, stopped: true, failure: `${category}: HTTP ${r.status}` };
      page = parseFeedPage(r.body);
    } catch (e) {
      if (o.signal?.aborted) return { pages, stopped: true };
      return { pages, stopped: true, failure: `${category}: ${(e as Error).message}` };
    }
    await o.mirror.writePage(category, seq, page.entities);
    const next = page.next && sameHost(page.next, host) ? page.next : undefined;
    s = { pages: seq + 1, last: url, ...(next ? { next } : { completedAt: (o.now?.() ?? new Date()).toISOString() }) };
    state[category] = s;
    await o.mirror.writeState(state);
    seq++;
    pages++;
    entities += page.entities.length;
    o.onProgress?.({ category, pages, entities });
    url = next;
  }
  return { pages, stopped: false };
}

function sameHost(url: string, host: string): boolean {
  try {
    const u = new URL(url);
    return u.host === host && (u.protocol === 'https:' || u.protocol === 'http:');
  } catch {
    return false;
  }
}

const OUTCOMES: readonly [RegExp, MotionOutcome][] = [
  [/^stemmen - (aangenomen|zonder stemming aannemen)/i, 'aangenomen'],
  [/^stemmen - verworpen/i, 'verworpen'],
  [/^stemmen - aangehouden/i, 'aangehouden'],
  [/^stemmen - ingetrokken/i, 'ingetrokken'],
  [/^overgenomen/i, 'overgenomen'],
];

/** The motion outcome a besluit records, if it is one. */
export function outcomeOf(besluitSoort: string | undefined): MotionOutcome | undefined {
  return besluitSoort ? OUTCOMES.find(([re]) => re.test(besluitSoort))?.[1] : undefined;
}

/** Reads every kept page (later pages win: the feed is in order of change) and writes the index shards. */
export async function buildIndex(mirror: MirrorStore, now: Date): Promise<MirrorMeta> {
  const latest = async <T extends SyncEntity>(category: SyncCategory, keep: (e: SyncEntity) => e is T): Promise<Map<string, T>> => {
    const map = new Map<string, T>();
    for await (const page of mirror.readPages(category)) for (const e of page) if (keep(e)) e.deleted ? map.delete(e.id) : map.set(e.id, e);
    return map;
  };
  const dossiers = await latest('Kamerstukdossier', (e): e is DossierEntity => e.kind === 'kamerstukdossier');
  const zaken = await latest('Zaak', (e): e is ZaakEntity => e.kind === 'zaak');
  const besluiten = await latest('Besluit', (e): e is BesluitEntity => e.kind === 'besluit' && !!outcomeOf(e.besluitSoort));
  const documents = await latest('Document', (e): e is DocumentEntity => e.kind === 'document' && !!e.dossier && e.volgnummer !== undefined && e.volgnummer > 0);

  const dossierKey = (id: string | undefined): string | undefined => {
    const d = id ? dossiers.get(id) : undefined;
    if (!d?.nummer) return undefined;
    return normalizeDossier(d.toevoeging ? `${d.nummer}-${d.toevoeging}` : d.nummer);
  };
  // The latest besluit with an outcome per zaak.
  const besluitOf = new Map<string, BesluitEntity>();
  for (const b of besluiten.values()) for (const z of b.zaken) {
    const before = besluitOf.get(z);
    if (!before || (b.updated ?? '') >= (before.updated ?? '')) besluitOf.set(z, b);
  }
  // The Kamerstuk of each zaak (through its documents), and the replacements.
  const kamerstukOfZaak = new Map<string, string>();
  for (const d of documents.values()) {
    const dossier = dossierKey(d.dossier);
    if (dossier) for (const z of d.zaken) kamerstukOfZaak.set(z, `${dossier}-${d.volgnummer}`);
  }
  const replacedBy = new Map<string, string>();
  for (const z of zaken.values()) for (const old of z.vervangenVanuit) {
    const newer = kamerstukOfZaak.get(z.id);
    if (newer) replacedBy.set(old, newer);
  }

  const byShard = new Map<string, { dossiers: DossierShard['dossiers']; documents: Record<string, MirrorFacts> }>();
  const shard = (dossier: string) => {
    const name = dossierShardName(dossier);
    let s = byShard.get(name);
    if (!s) byShard.set(name, (s = { dossiers: {}, documents: {} }));
    return s;
  };
  for (const d of dossiers.values()) {
    const key = dossierKey(d.id);
    if (key) shard(key).dossiers[key] = clean({ title: d.titel, highest: d.hoogsteVolgnummer });
  }
  const numbers = new Map<string, NumberShard>();
  let motionsWithOutcome = 0;
  for (const d of documents.values()) {
    const dossier = dossierKey(d.dossier);
    if (!dossier) continue;
    const key = `${dossier}-${d.volgnummer}`;
    const zaak = d.zaken.map((z) => zaken.get(z)).find((z) => z?.soort?.toLowerCase().startsWith('motie')) ?? zaken.get(d.zaken[0] ?? '');
    const besluit = zaak ? besluitOf.get(zaak.id) : undefined;
    const outcome = outcomeOf(besluit?.besluitSoort);
    if (outcome) motionsWithOutcome++;
    shard(dossier).documents[key] = clean({
      documentNumber: d.documentNummer,
      type: d.soort,
      title: d.onderwerp ?? d.titel,
      date: d.datum?.slice(0, 10),
      zaakNummer: zaak?.nummer,
      outcome,
      outcomeDate: outcome ? besluit?.updated?.slice(0, 10) : undefined,
      kabinetsappreciatie: zaak?.kabinetsappreciatie,
      replacedBy: zaak ? replacedBy.get(zaak.id) : undefined,
    });
    if (d.documentNummer) {
      const name = numberShardName(d.documentNummer);
      const n = numbers.get(name) ?? {};
      n[d.documentNummer.toUpperCase()] = key;
      numbers.set(name, n);
    }
  }
  for (const [name, value] of byShard) await mirror.writeShard(name, value);
  for (const [name, value] of numbers) await mirror.writeShard(name, value);
  const meta: MirrorMeta = { builtAt: now.toISOString(), documents: documents.size, motionsWithOutcome };
  await mirror.writeShard('meta', meta);
  return meta;
}

function clean<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}
