import type { KamerstukId } from '../engine/identifiers';
import { mergeDocuments, type CatalogDocument, type CatalogSource } from './model';
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
  constructor(
    private readonly sources: readonly CatalogSource[],
    private readonly onSourceError: (source: string, error: unknown) => void = () => undefined,
  ) {}

  get sourceNames(): readonly string[] {
    return this.sources.map((s) => s.name);
  }

  async lookupKamerstuk(id: KamerstukId): Promise<CatalogDocument | undefined> {
    return this.merge((s) => s.lookupKamerstuk(id));
  }

  async lookupDocumentNumber(documentNumber: string): Promise<CatalogDocument | undefined> {
    return this.merge((s) => s.lookupDocumentNumber(documentNumber));
  }

  /** Documents whose titles hold all the words, from every source that can search, de-duplicated by id. */
  searchTitles(words: readonly string[], limit: number): CatalogDocument[] {
    return this.collect((s) => s.searchTitles?.(words, limit) ?? [], limit);
  }

  /** Documents whose id starts with a prefix, from every source, de-duplicated by id. */
  documentsByIdPrefix(prefix: string, limit: number): CatalogDocument[] {
    return this.collect((s) => s.documentsByIdPrefix?.(prefix, limit) ?? [], limit);
  }

  /** Documents with a title a letter may name in words, from every source, de-duplicated by id. */
  titledDocuments(): CatalogDocument[] {
    return this.collect((s) => s.titledDocuments?.() ?? [], Number.MAX_SAFE_INTEGER);
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

  private collect(ask: (s: CatalogSource) => readonly CatalogDocument[], limit: number): CatalogDocument[] {
    const seen = new Map<string, CatalogDocument>();
    for (const source of this.sources) {
      let found: readonly CatalogDocument[] = [];
      try {
        found = ask(source);
      } catch (e) {
        this.onSourceError(source.name, e);
      }
      for (const d of found) seen.set(d.id, seen.has(d.id) ? mergeDocuments(seen.get(d.id)!, d) : d);
      if (seen.size >= limit) break;
    }
    return [...seen.values()].slice(0, limit);
  }
}
