import { kamerstukKey, type KamerstukId } from '../../engine/identifiers';
import { foldForSearch } from '../../engine/folding';
import type { CatalogDocument, CatalogSource } from '../model';
import { identityKeys, type IndexEntry, type WorkspaceIndex } from '../workspaceIndex';

/** The workspace's own documents as a catalog source: a document that is the cited one. */
export class WorkspaceCatalogSource implements CatalogSource {
  readonly name = 'workspace';

  constructor(private readonly index: WorkspaceIndex) {}

  lookupKamerstuk(id: KamerstukId): CatalogDocument | undefined {
    return this.describe(kamerstukKey(id));
  }

  lookupDocumentNumber(documentNumber: string): CatalogDocument | undefined {
    return this.describe(documentNumber.toUpperCase());
  }

  searchTitles(words: readonly string[], limit: number): readonly CatalogDocument[] {
    const wanted = words.map(foldForSearch).filter(Boolean);
    const out: CatalogDocument[] = [];
    if (!wanted.length) return out;
    for (const doc of this.index.entries()) {
      const title = doc.metadata.title;
      if (!title) continue;
      const folded = ` ${foldForSearch(title)} `;
      if (!wanted.every((w) => folded.includes(w))) continue;
      const key = identityKeys(doc)[0];
      const described = this.describeDocument(doc, key ?? doc.uri);
      out.push(described);
      if (out.length >= limit) break;
    }
    return out;
  }

  documentsByIdPrefix(prefix: string, limit: number): readonly CatalogDocument[] {
    const out: CatalogDocument[] = [];
    for (const doc of this.index.entries()) {
      const key = identityKeys(doc).find((k) => k.startsWith(prefix));
      if (key && doc.metadata.kamerstuk) out.push(this.describeDocument(doc, key));
      if (out.length >= limit) break;
    }
    return out;
  }

  documentsByNumberPrefix(prefix: string, limit: number): readonly CatalogDocument[] {
    const out: CatalogDocument[] = [];
    const wanted = prefix.toUpperCase();
    for (const doc of this.index.entries()) {
      const number = doc.metadata.documentNumber?.toUpperCase();
      if (number?.startsWith(wanted)) out.push(this.describeDocument(doc, number));
      if (out.length >= limit) break;
    }
    return out;
  }

  /** The same array until a document comes, goes or its metadata changes (the index's `metadataStamp`). */
  titledDocuments(): readonly CatalogDocument[] {
    const stamp = this.index.metadataStamp;
    if (this.titled?.stamp === stamp) return this.titled.documents;
    const out: CatalogDocument[] = [];
    for (const doc of this.index.entries()) {
      const key = identityKeys(doc)[0];
      if (key && doc.metadata.title) out.push(this.describeDocument(doc, key));
    }
    this.titled = { stamp, documents: out };
    return out;
  }
  private titled: { readonly stamp: number; readonly documents: readonly CatalogDocument[] } | undefined;

  private describe(key: string): CatalogDocument | undefined {
    const doc = this.index.documentsIdentifiedAs(key)[0];
    return doc ? this.describeDocument(doc, key) : undefined;
  }

  private describeDocument(doc: IndexEntry, key: string): CatalogDocument {
    const m = doc.metadata;
    const facts: Record<string, unknown> = {
      id: key,
      kamerstuk: m.kamerstuk,
      documentNumber: m.documentNumber,
      title: m.title,
      date: m.date,
      sources: [{ origin: 'workspace', url: doc.uri }],
      workspace: { uri: doc.uri, span: m.identitySpan ?? { offset: 0, length: 0 } },
    };
    for (const k of Object.keys(facts)) if (facts[k] === undefined) delete facts[k];
    return facts as unknown as CatalogDocument;
  }
}
