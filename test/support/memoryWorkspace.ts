/**
 * An in-memory workspace for feature tests: documents analyzed into a WorkspaceIndex, a catalog of
 * the workspace plus a fixed list of known documents (or the real bundled data), and helpers to
 * find places in a text and apply edits.
 */
import * as path from 'node:path';
import { BundledCatalogSource } from '../../server/src/catalog/bundledSource';
import { Catalog } from '../../server/src/catalog/catalog';
import { foldForSearch, type CatalogDocument, type CatalogSource } from '../../server/src/catalog/model';
import { WorkspaceCatalogSource, WorkspaceIndex, type IndexedDocument } from '../../server/src/catalog/workspaceIndex';
import { kamerstukKey, parseKamerstukKey, type KamerstukId } from '../../server/src/engine/identifiers';
import type { KnownDocumentFacts, Span } from '../../server/src/engine/model';
import type { FeatureContext } from '../../server/src/features/context';
import { loadBundledCatalog } from '../../server/src/io/bundledData';
import type { Locale } from '../../server/src/l10n';
import { repoRoot } from './paths';

/** A catalog source over a fixed list of documents (ids "29826-250" or "2025D12193"). */
export class ListCatalogSource implements CatalogSource {
  readonly name = 'test';
  constructor(private readonly docs: readonly Omit<CatalogDocument, 'sources' | 'kamerstuk'>[]) {}
  private full(d: Omit<CatalogDocument, 'sources' | 'kamerstuk'>): CatalogDocument {
    const kamerstuk = parseKamerstukKey(d.id);
    return { ...d, ...(kamerstuk ? { kamerstuk } : {}), sources: [{ origin: 'test' }] };
  }
  lookupKamerstuk(id: KamerstukId): CatalogDocument | undefined {
    const d = this.docs.find((x) => x.id === kamerstukKey(id));
    return d && this.full(d);
  }
  lookupDocumentNumber(n: string): CatalogDocument | undefined {
    const d = this.docs.find((x) => x.id === n || x.documentNumber === n);
    return d && this.full(d);
  }
  searchTitles(words: readonly string[], limit: number): CatalogDocument[] {
    const w = words.map(foldForSearch);
    return this.docs.filter((d) => d.title && w.every((x) => ` ${foldForSearch(d.title!)} `.includes(x))).slice(0, limit).map((d) => this.full(d));
  }
  documentsByIdPrefix(prefix: string, limit: number): CatalogDocument[] {
    return this.docs.filter((d) => d.id.startsWith(prefix) && parseKamerstukKey(d.id)).slice(0, limit).map((d) => this.full(d));
  }
  titledDocuments(): CatalogDocument[] {
    return this.docs.filter((d) => d.title && !/^motie/i.test(d.type ?? '')).map((d) => this.full(d));
  }
  findMotions(surnames: readonly string[], limit: number): CatalogDocument[] {
    const last = (s: string): string => foldForSearch(s).split(' ').pop()!;
    return this.docs
      .filter((d) => /^motie/i.test(d.type ?? '') && surnames.every((s) => (d.submitters ?? []).some((x) => last(x) === last(s))))
      .slice(0, limit)
      .map((d) => this.full(d));
  }
}

export interface MemoryWorkspace {
  readonly index: WorkspaceIndex;
  readonly catalog: Catalog;
  ctx(locale?: Locale, today?: string): FeatureContext;
  add(name: string, text: string, known?: KnownDocumentFacts): IndexedDocument;
}

let bundled: BundledCatalogSource | undefined;
/** The real bundled catalog (dist/data, built by `node esbuild.mjs` before the tests). */
export function bundledSource(): BundledCatalogSource {
  bundled ??= new BundledCatalogSource(() => loadBundledCatalog(path.join(repoRoot, 'dist', 'data')));
  return bundled;
}

export function memoryWorkspace(options: { known?: readonly Omit<CatalogDocument, 'sources' | 'kamerstuk'>[]; bundled?: boolean; today?: string } = {}): MemoryWorkspace {
  const index = new WorkspaceIndex();
  const sources: CatalogSource[] = [new WorkspaceCatalogSource(index)];
  if (options.known) sources.push(new ListCatalogSource(options.known));
  if (options.bundled) sources.push(bundledSource());
  const catalog = new Catalog(sources);
  return {
    index,
    catalog,
    ctx: (locale: Locale = 'nl', today = options.today ?? '2026-11-23') => ({ index, catalog, locale, today }),
    add: (name, text, known) => index.update(`file:///ws/${name}`, text, 1, known ? { known } : {}),
  };
}

/** The span of the n-th occurrence of `needle`. */
export function spanOf(text: string, needle: string, occurrence = 0): Span {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`${JSON.stringify(needle)} not found`);
  }
  return { offset: at, length: needle.length };
}

/** Applies edits (offset spans in the original text) from last to first. */
export function applyEdits(text: string, edits: readonly { span: Span; newText: string }[]): string {
  return [...edits]
    .sort((a, b) => b.span.offset - a.span.offset)
    .reduce((t, e) => t.slice(0, e.span.offset) + e.newText + t.slice(e.span.offset + e.span.length), text);
}
