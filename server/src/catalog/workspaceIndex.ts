import { analyze, type AnalyzeOptions } from '../engine/analyze';
import { handelingenKey, kamerstukKey } from '../engine/identifiers';
import { LineIndex } from '../engine/lineIndex';
import type { DocumentAnalysis, KnownDocumentFacts, Reference } from '../engine/model';

/** One analyzed workspace document. */
export interface IndexedDocument {
  readonly uri: string;
  /** The editor's version when open, or a counter for files read from disk. */
  readonly version: number;
  readonly text: string;
  readonly lines: LineIndex;
  readonly analysis: DocumentAnalysis;
  readonly known: KnownDocumentFacts | undefined;
}

/** A citation of a document somewhere in the workspace. */
export interface IndexedCitation {
  readonly doc: IndexedDocument;
  readonly reference: Reference;
}

/** The key under which a reference cites a document: the Kamerstuk key or the document number. */
export function citedKey(r: Reference): string | undefined {
  if (r.kind === 'kamerstuk') return kamerstukKey(r);
  if (r.kind === 'documentNumber') return r.number.toUpperCase();
  if (r.kind === 'handelingen') return handelingenKey(r);
  if (r.kind === 'motion' && r.kamerstuk) return kamerstukKey(r.kamerstuk);
  return undefined;
}

/** The keys under which a document is known itself (its own Kamerstuk and document number). */
export function identityKeys(doc: IndexedDocument): string[] {
  const m = doc.analysis.metadata;
  const keys: string[] = [];
  if (m.kamerstuk) keys.push(kamerstukKey(m.kamerstuk));
  if (m.documentNumber) keys.push(m.documentNumber.toUpperCase());
  return keys;
}

/**
 * Every document of the workspace, analyzed, with inverted indexes from a cited key to its
 * citations and to the document that is that key. Updated one document at a time; a document is
 * analyzed again only when its text or known facts change.
 */
export class WorkspaceIndex {
  private readonly docs = new Map<string, IndexedDocument>();
  private readonly citations = new Map<string, Map<string, IndexedCitation[]>>();
  private readonly identities = new Map<string, Set<string>>();
  /** The instrument matcher each document was analyzed with (a new glossary means a new analysis). */
  private readonly matchers = new Map<string, AnalyzeOptions['instruments']>();

  /** Whether `update` with this text and these options would re-use the document's analysis. */
  isCurrent(uri: string, text: string, options: AnalyzeOptions = {}): boolean {
    const before = this.docs.get(uri);
    return !!before && before.text === text && sameFacts(before.known, options.known) && this.matchers.get(uri) === options.instruments;
  }

  /**
   * Analyzes (or re-uses) a document and indexes it. `analyzed`, when given, is the analysis of this
   * text under these options made elsewhere (the server's analysis worker).
   */
  update(uri: string, text: string, version: number, options: AnalyzeOptions = {}, analyzed?: DocumentAnalysis): IndexedDocument {
    const before = this.docs.get(uri);
    if (before && this.isCurrent(uri, text, options)) {
      if (before.version === version) return before;
      const same = { ...before, version };
      this.docs.set(uri, same);
      return same;
    }
    const lines = new LineIndex(text);
    const doc: IndexedDocument = { uri, version, text, lines, analysis: analyzed ?? analyze(text, { ...options, lines }), known: options.known };
    this.remove(uri);
    this.docs.set(uri, doc);
    this.matchers.set(uri, options.instruments);
    for (const reference of doc.analysis.references) {
      const key = citedKey(reference);
      if (!key) continue;
      let byDoc = this.citations.get(key);
      if (!byDoc) this.citations.set(key, (byDoc = new Map()));
      const list = byDoc.get(uri) ?? [];
      list.push({ doc, reference });
      byDoc.set(uri, list);
    }
    for (const key of identityKeys(doc)) {
      let set = this.identities.get(key);
      if (!set) this.identities.set(key, (set = new Set()));
      set.add(uri);
    }
    return doc;
  }

  remove(uri: string): void {
    const doc = this.docs.get(uri);
    if (!doc) return;
    this.docs.delete(uri);
    this.matchers.delete(uri);
    for (const reference of doc.analysis.references) {
      const key = citedKey(reference);
      const byDoc = key ? this.citations.get(key) : undefined;
      if (!byDoc) continue;
      byDoc.delete(uri);
      if (byDoc.size === 0) this.citations.delete(key!);
    }
    for (const key of identityKeys(doc)) {
      const set = this.identities.get(key);
      set?.delete(uri);
      if (set?.size === 0) this.identities.delete(key);
    }
  }

  get(uri: string): IndexedDocument | undefined {
    return this.docs.get(uri);
  }

  has(uri: string): boolean {
    return this.docs.has(uri);
  }

  documents(): IterableIterator<IndexedDocument> {
    return this.docs.values();
  }

  get size(): number {
    return this.docs.size;
  }

  /** Every citation of a key (Kamerstuk key or document number) across the workspace, in document order. */
  citationsOf(key: string): IndexedCitation[] {
    const byDoc = this.citations.get(key);
    if (!byDoc) return [];
    return [...byDoc.keys()].sort().flatMap((uri) => byDoc.get(uri)!);
  }

  /** Every key cited somewhere in the workspace. */
  citedKeys(): IterableIterator<string> {
    return this.citations.keys();
  }

  /** The workspace documents that are the document with this key. */
  documentsIdentifiedAs(key: string): IndexedDocument[] {
    return [...(this.identities.get(key) ?? [])].sort().map((uri) => this.docs.get(uri)!);
  }

  /** URIs of the documents that cite any of these keys (for re-checking dependents after a change). */
  documentsCiting(keys: readonly string[]): Set<string> {
    const out = new Set<string>();
    for (const key of keys) for (const uri of this.citations.get(key)?.keys() ?? []) out.add(uri);
    return out;
  }
}

function sameFacts(a: KnownDocumentFacts | undefined, b: KnownDocumentFacts | undefined): boolean {
  return JSON.stringify(a ?? {}) === JSON.stringify(b ?? {});
}
