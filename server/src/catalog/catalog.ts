import { kamerstukKey, type HandelingenId, type KamerstukId } from '../engine/identifiers';
import { catalogKeyText, mergeDocuments, type CatalogDocument, type CatalogKey, type CatalogSource, type FetchOutcome, type LawAnswer, type PublicationKey } from './model';
import { WorkspaceCatalogSource } from './sources/workspace';
import type { WorkspaceIndex } from './workspaceIndex';

/** The catalog of a workspace: its own documents first, then the given sources in order. */
export function workspaceCatalog(index: WorkspaceIndex, sources: readonly CatalogSource[], onSourceError?: (source: string, error: unknown) => void): Catalog {
  return new Catalog([new WorkspaceCatalogSource(index), ...sources], onSourceError);
}

/**
 * "What is Kamerstuk 29826-250?" — asks its sources in order (the workspace's own documents, the
 * bundled data, then online sources and their cache when configured) and merges what they know:
 * earlier sources win per fact, later ones fill the gaps. A failing source is skipped and reported,
 * never fatal.
 */
export class Catalog {
  /** Fetches under way, per source and key, with the number of callers still waiting for each. */
  private readonly inflight = new Map<string, { readonly done: Promise<FetchOutcome>; readonly abort: AbortController; waiting: number }>();
  private readonly listeners = new Set<(keys: readonly CatalogKey[]) => void>();

  constructor(
    private readonly sources: readonly CatalogSource[],
    private readonly onSourceError: (source: string, error: unknown) => void = () => undefined,
  ) {}

  /** True when a source can ask a remote end (an official source, online). */
  get canFetch(): boolean {
    return this.sources.some((s) => s.fetch);
  }

  /** Hears of documents whose facts changed because a fetch brought news. */
  onDidChange(listener: (keys: readonly CatalogKey[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** True while a fetch of this key is under way. */
  isFetching(key: CatalogKey): boolean {
    const text = catalogKeyText(key);
    for (const k of this.inflight.keys()) if (k.endsWith(`\u0000${text}`)) return true;
    return false;
  }

  /**
   * Asks every source that can fetch about these documents: one request per source and document
   * at a time, however many callers ask. Resolves when all are answered (or failed); listeners hear
   * of the documents that changed. When every caller waiting for a fetch has aborted, it is aborted.
   */
  async fetch(keys: readonly CatalogKey[], signal?: AbortSignal, force = false): Promise<void> {
    const changed: CatalogKey[] = [];
    const unique = uniqueKeys(keys);
    await Promise.all(
      unique.flatMap((key) =>
        this.sources
          .filter((s) => s.fetch)
          .map(async (source) => {
            if (signal?.aborted) return;
            const outcome = await this.fetchOne(source, key, signal, force);
            if (outcome === 'updated') changed.push(key);
          }),
      ),
    );
    if (changed.length) for (const l of this.listeners) l(changed);
  }

  /**
   * Reads what the sources keep of these documents (their stores on disk, the mirror's shards) ahead,
   * `concurrency` at a time, and fetches nothing: the lookups of the checks that follow find it in
   * memory instead of each waiting for the disk in turn. A failing source is reported and skipped.
   */
  async preload(keys: readonly CatalogKey[], concurrency = PRELOAD_AT_A_TIME): Promise<void> {
    // A Kamerstuk's lookup reads its dossier's highest number too.
    const unique = uniqueKeys(keys);
    let next = 0;
    const reader = async (): Promise<void> => {
      while (next < unique.length) await this.lookup(unique[next++]!);
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, unique.length) }, reader));
  }

  private fetchOne(source: CatalogSource, key: CatalogKey, signal: AbortSignal | undefined, force: boolean): Promise<FetchOutcome> {
    const id = `${source.name}\u0000${catalogKeyText(key)}`;
    let entry = this.inflight.get(id);
    if (!entry) {
      const abort = new AbortController();
      const done = source
        .fetch!(key, abort.signal, force)
        .catch((e: unknown): FetchOutcome => {
          this.onSourceError(source.name, e);
          return 'failed';
        })
        .finally(() => this.inflight.delete(id));
      entry = { done, abort, waiting: 0 };
      this.inflight.set(id, entry);
    }
    const e = entry;
    e.waiting++;
    const leave = (): void => {
      if (--e.waiting === 0) e.abort.abort();
    };
    signal?.addEventListener('abort', leave, { once: true });
    return e.done.finally(() => signal?.removeEventListener('abort', leave));
  }

  /** Documents whose titles hold all the words, from the sources' remote searches (empty offline). */
  async searchRemote(words: readonly string[], limit: number, signal?: AbortSignal): Promise<CatalogDocument[]> {
    const found = await Promise.all(this.sources.filter((s) => s.searchRemote).map((s) => s.searchRemote!(words, limit, signal).catch(() => [])));
    return [...new Map(found.flat().map((d) => [d.id, d])).values()].slice(0, limit);
  }

  /** The official text of a publication as a readable file's URI, from the first source that has (or may fetch) it. */
  async publicationText(key: PublicationKey, signal?: AbortSignal): Promise<string | undefined> {
    for (const s of this.sources) {
      if (!s.publicationText) continue;
      const uri = await s.publicationText(key, signal).catch(() => undefined);
      if (uri) return uri;
    }
    return undefined;
  }

  /**
   * A regulation by the titles a text may give it (longest first), from the first source that finds
   * it; "not found" when a source that could ask says none of them is a citation title; else unknown.
   */
  async lookupLaw(titles: readonly string[], today: string, signal?: AbortSignal): Promise<LawAnswer> {
    let answer: LawAnswer = { kind: 'unknown' };
    for (const s of this.sources) {
      if (!s.lookupLaw || !titles.length) continue;
      let a: LawAnswer;
      try {
        a = await s.lookupLaw(titles, today, signal);
      } catch (e) {
        this.onSourceError(s.name, e);
        continue;
      }
      if (a.kind === 'found') return a;
      if (a.kind === 'notFound') answer = a;
    }
    return answer;
  }

  /** The highest ondernummer any source knows in a dossier. */
  async dossierHighest(dossier: string): Promise<number | undefined> {
    const all = await Promise.all(this.sources.filter((s) => s.dossierHighest).map((s) => Promise.resolve(s.dossierHighest!(dossier)).catch(() => undefined)));
    const known = all.filter((n): n is number => typeof n === 'number');
    return known.length ? known.reduce((a, b) => Math.max(a, b)) : undefined;
  }

  get sourceNames(): readonly string[] {
    return this.sources.map((s) => s.name);
  }

  async lookupKamerstuk(id: KamerstukId): Promise<CatalogDocument | undefined> {
    return this.merge((s) => s.lookupKamerstuk(id));
  }

  /**
   * This catalog for one computation (the checks of one document version): each document, its
   * titles and each dossier's highest number are asked of the sources once, however many rules ask.
   * What a fetch brings meanwhile reaches the next computation (the findings that read the catalog
   * are made again when it changes). Everything else is this catalog's own (its fetches, its lists).
   */
  forOneComputation(): Catalog {
    const view = Object.create(this) as Catalog;
    const once = <K, T>(ask: (key: K) => Promise<T>, keyOf: (key: K) => string): ((key: K) => Promise<T>) => {
      const asked = new Map<string, Promise<T>>();
      return (key) => {
        const k = keyOf(key);
        let answer = asked.get(k);
        if (!answer) asked.set(k, (answer = ask(key)));
        return answer;
      };
    };
    view.lookupKamerstuk = once((id: KamerstukId) => this.lookupKamerstuk(id), kamerstukKey);
    view.titlesOf = once((id: KamerstukId) => this.titlesOf(id), kamerstukKey);
    view.dossierHighest = once((dossier: string) => this.dossierHighest(dossier), (dossier) => dossier);
    // What this catalog keeps of its lists is kept in it, not in the view.
    view.titledDocuments = () => this.titledDocuments();
    return view;
  }

  /** Every title the sources give a Kamerstuk (the workspace's, the bundled data's, the official ones), each once. */
  async titlesOf(id: KamerstukId): Promise<string[]> {
    const titles = new Set<string>();
    for (const source of this.sources) {
      try {
        const found = await source.lookupKamerstuk(id);
        if (found?.title) titles.add(found.title);
      } catch (e) {
        this.onSourceError(source.name, e);
      }
    }
    return [...titles];
  }

  async lookupDocumentNumber(documentNumber: string): Promise<CatalogDocument | undefined> {
    return this.merge((s) => s.lookupDocumentNumber(documentNumber));
  }

  async lookupHandelingen(id: HandelingenId): Promise<CatalogDocument | undefined> {
    return this.merge((s) => s.lookupHandelingen?.(id));
  }

  /** What the sources know of any key. */
  async lookup(key: CatalogKey): Promise<CatalogDocument | undefined> {
    if (key.kind === 'kamerstuk') return this.lookupKamerstuk(key.id);
    if (key.kind === 'handelingen') return this.lookupHandelingen(key.id);
    return this.lookupDocumentNumber(key.number);
  }

  /** Documents whose titles hold all the words, from every source that can search, de-duplicated by id. */
  searchTitles(words: readonly string[], limit: number): CatalogDocument[] {
    return this.collect((s) => s.searchTitles?.(words, limit) ?? [], limit);
  }

  /** Documents whose id starts with a prefix, from every source, de-duplicated by id. */
  documentsByIdPrefix(prefix: string, limit: number): CatalogDocument[] {
    return this.collect((s) => s.documentsByIdPrefix?.(prefix, limit) ?? [], limit);
  }

  /**
   * Documents with a title a letter may name in words, from every source, de-duplicated by id. The
   * same array while every source answers with the same one (rules keep what they derive from it per array).
   */
  titledDocuments(): readonly CatalogDocument[] {
    const lists = this.sources.map((s) => this.listFrom(s, (x) => x.titledDocuments?.() ?? NO_DOCUMENTS));
    const kept = this.titled;
    if (kept && kept.lists.length === lists.length && kept.lists.every((l, i) => l === lists[i])) return kept.merged;
    const merged = mergeLists(lists, Number.MAX_SAFE_INTEGER);
    this.titled = { lists, merged };
    return merged;
  }
  private titled: { readonly lists: readonly (readonly CatalogDocument[])[]; readonly merged: readonly CatalogDocument[] } | undefined;

  /**
   * Documents whose id starts with a prefix, from every source — those that read files on demand
   * too, when the prefix holds a whole dossier ("29826-2") — de-duplicated by id, merged per fact.
   */
  async findByIdPrefix(prefix: string, limit: number): Promise<CatalogDocument[]> {
    const found = this.documentsByIdPrefix(prefix, limit);
    if (!/^\d{4,6}(?:-[0-9A-Z]+)*-/.test(prefix)) return found;
    const listed = await Promise.all(this.sources.filter((s) => s.listByIdPrefix).map((s) => s.listByIdPrefix!(prefix, limit).catch((e: unknown) => (this.onSourceError(s.name, e), []))));
    return mergeLists([found, ...listed], limit);
  }

  /** Documents whose document number starts with a prefix ("2025D44"), from every source that can tell. */
  async findByNumberPrefix(prefix: string, limit: number): Promise<CatalogDocument[]> {
    const lists = await Promise.all(
      this.sources
        .filter((s) => s.documentsByNumberPrefix)
        .map(async (s) => {
          try {
            return await s.documentsByNumberPrefix!(prefix, limit);
          } catch (e) {
            this.onSourceError(s.name, e);
            return [];
          }
        }),
    );
    return mergeLists(lists, limit);
  }

  /** Motions with a signatory whose name starts so, from every source that knows motions. */
  motionsBySubmitterPrefix(prefix: string, limit: number): CatalogDocument[] {
    return this.collect((s) => s.motionsBySubmitterPrefix?.(prefix, limit) ?? [], limit);
  }

  /** Motions signed by all of these surnames, from every source that knows motions. */
  findMotions(surnames: readonly string[], limit: number): CatalogDocument[] {
    return this.collect((s) => s.findMotions?.(surnames, limit) ?? [], limit);
  }

  private async merge(ask: (s: CatalogSource) => CatalogDocument | undefined | Promise<CatalogDocument | undefined>): Promise<CatalogDocument | undefined> {
    let result: CatalogDocument | undefined;
    for (const source of this.sources) {
      let found: CatalogDocument | undefined;
      try {
        found = await ask(source);
      } catch (e) {
        this.onSourceError(source.name, e);
        continue;
      }
      if (found) result = result ? mergeDocuments(result, found) : found;
    }
    return result;
  }

  /** A source's list, or none when the source fails (reported). */
  private listFrom(source: CatalogSource, ask: (s: CatalogSource) => readonly CatalogDocument[]): readonly CatalogDocument[] {
    try {
      return ask(source);
    } catch (e) {
      this.onSourceError(source.name, e);
      return NO_DOCUMENTS;
    }
  }

  private collect(ask: (s: CatalogSource) => readonly CatalogDocument[], limit: number): CatalogDocument[] {
    const seen = new Map<string, CatalogDocument>();
    for (const source of this.sources) {
      const found = this.listFrom(source, ask);
      for (const d of found) seen.set(d.id, seen.has(d.id) ? mergeDocuments(seen.get(d.id)!, d) : d);
      if (seen.size >= limit) break;
    }
    return [...seen.values()].slice(0, limit);
  }
}

const NO_DOCUMENTS: readonly CatalogDocument[] = [];

/** The keys, each once. */
function uniqueKeys(keys: readonly CatalogKey[]): CatalogKey[] {
  return [...new Map(keys.map((k) => [catalogKeyText(k), k])).values()];
}

/** How many documents `preload` reads at a time (the disk's reads overlap; libuv has four threads by default). */
const PRELOAD_AT_A_TIME = 16;

/** Lists of documents as one, de-duplicated by id (earlier lists win per fact), at most `limit`. */
function mergeLists(lists: readonly (readonly CatalogDocument[])[], limit: number): CatalogDocument[] {
  const seen = new Map<string, CatalogDocument>();
  for (const list of lists) for (const d of list) seen.set(d.id, seen.has(d.id) ? mergeDocuments(seen.get(d.id)!, d) : d);
  return [...seen.values()].slice(0, limit);
}
