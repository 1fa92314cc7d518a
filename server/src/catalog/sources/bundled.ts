import { kamerstukKey, type KamerstukId } from '../../engine/identifiers';
import { motionDocument, outcomeDocument, richDocument, sampleDocument, type BundledCatalogData } from '../bundledData';
import { foldForSearch, surnameKey } from '../../engine/folding';
import { mergeDocuments, type CatalogDocument, type CatalogSource } from '../model';

/**
 * The catalog data shipped with the extension, as a catalog source. Indexes are built on first use,
 * so start-up costs nothing until a citation is looked up.
 */
export class BundledCatalogSource implements CatalogSource {
  readonly name = 'bundled';
  private byId: Map<string, CatalogDocument> | undefined;
  private byDocumentNumber: Map<string, CatalogDocument> | undefined;
  private folded: { doc: CatalogDocument; title: string }[] | undefined;
  private motionIndex: { bySurname: Map<string, CatalogDocument[]>; signatories: { name: string; surname: string; docs: CatalogDocument[] }[] } | undefined;
  private titled: CatalogDocument[] | undefined;

  private loaded: BundledCatalogData | undefined;

  /** `data` is the compiled data or a loader called on first use. */
  constructor(private readonly data: BundledCatalogData | (() => BundledCatalogData)) {}

  private get bundle(): BundledCatalogData {
    if (!this.loaded) this.loaded = typeof this.data === 'function' ? this.data() : this.data;
    return this.loaded;
  }

  lookupKamerstuk(id: KamerstukId): CatalogDocument | undefined {
    return this.index().get(kamerstukKey(id));
  }

  lookupDocumentNumber(documentNumber: string): CatalogDocument | undefined {
    this.index();
    return this.byDocumentNumber!.get(documentNumber.toUpperCase());
  }

  searchTitles(words: readonly string[], limit: number): readonly CatalogDocument[] {
    if (!this.folded) {
      this.folded = [...this.index().values()].filter((d) => d.title).map((doc) => ({ doc, title: ` ${foldForSearch(doc.title!)} ` }));
    }
    const wanted = words.map(foldForSearch).filter(Boolean);
    if (!wanted.length) return [];
    const out: CatalogDocument[] = [];
    for (const { doc, title } of this.folded) {
      if (wanted.every((w) => title.includes(w))) {
        out.push(doc);
        if (out.length >= limit) break;
      }
    }
    return out;
  }

  findMotions(surnames: readonly string[], limit: number): readonly CatalogDocument[] {
    const keys = surnames.map(surnameKey).filter(Boolean);
    if (!keys.length) return [];
    const [first, ...rest] = keys;
    const candidates = this.motions().bySurname.get(first!) ?? [];
    if (!rest.length) return candidates.slice(0, limit);
    return candidates.filter((d) => rest.every((k) => this.submitterKeys(d).includes(k))).slice(0, limit);
  }

  motionsBySubmitterPrefix(prefix: string, limit: number): readonly CatalogDocument[] {
    const wanted = foldForSearch(prefix);
    if (!wanted) return [];
    const found = new Set<CatalogDocument>();
    for (const { name, surname, docs } of this.motions().signatories) {
      if (name.startsWith(wanted) || surname.startsWith(wanted)) for (const d of docs) found.add(d);
    }
    return [...found].sort(newestFirst).slice(0, limit);
  }

  documentsByNumberPrefix(prefix: string, limit: number): readonly CatalogDocument[] {
    this.index();
    const wanted = prefix.toUpperCase();
    const out: CatalogDocument[] = [];
    for (const [number, doc] of this.byDocumentNumber!) {
      if (!number.startsWith(wanted)) continue;
      out.push(doc);
      if (out.length >= limit) break;
    }
    return out;
  }

  /** A motion's signatories' surname keys (folded once per motion). */
  private submitterKeys(doc: CatalogDocument): readonly string[] {
    let keys = this.keysOf.get(doc);
    if (!keys) this.keysOf.set(doc, (keys = (doc.submitters ?? []).map(surnameKey)));
    return keys;
  }
  private readonly keysOf = new WeakMap<CatalogDocument, readonly string[]>();

  /** The motions by signatory surname (newest first), and each signatory's folded name with their motions. */
  private motions(): { bySurname: Map<string, CatalogDocument[]>; signatories: { name: string; surname: string; docs: CatalogDocument[] }[] } {
    if (!this.motionIndex) {
      const bySurname = new Map<string, CatalogDocument[]>();
      const byName = new Map<string, CatalogDocument[]>();
      const byZaak = this.bundle.outcomes.map((row) => outcomeDocument(row, this.bundle));
      for (const doc of [...this.index().values(), ...byZaak]) {
        if (doc.type !== 'Motie' && doc.type !== 'Motie (gewijzigd/nader)') continue;
        for (const s of doc.submitters ?? []) {
          const key = surnameKey(s);
          if (!key) continue;
          const list = bySurname.get(key) ?? [];
          list.push(doc);
          bySurname.set(key, list);
          const name = foldForSearch(s);
          const named = byName.get(name) ?? [];
          named.push(doc);
          byName.set(name, named);
        }
      }
      for (const list of bySurname.values()) list.sort((a, b) => ((b.date ?? '') < (a.date ?? '') ? -1 : 1));
      const signatories = [...byName].map(([name, docs]) => ({ name, surname: surnameKey(name), docs }));
      this.motionIndex = { bySurname, signatories };
    }
    return this.motionIndex;
  }

  documentsByIdPrefix(prefix: string, limit: number): readonly CatalogDocument[] {
    const out: CatalogDocument[] = [];
    for (const [id, doc] of this.index()) {
      if (id.startsWith(prefix) && doc.kamerstuk) {
        out.push(doc);
        if (out.length >= limit) break;
      }
    }
    return out;
  }

  titledDocuments(): readonly CatalogDocument[] {
    if (!this.titled) this.titled = this.bundle.documents.filter((d) => d.title && !/^motie/i.test(d.type ?? '')).map((d) => this.index().get(d.id)!);
    return this.titled;
  }

  private index(): Map<string, CatalogDocument> {
    if (this.byId) return this.byId;
    const byId = new Map<string, CatalogDocument>();
    // Lowest precedence first; richer sources overwrite and keep what they lack from below.
    const data = this.bundle;
    for (const row of data.sample) byId.set(row[0], sampleDocument(row, data));
    for (const row of data.motions) byId.set(row[0], mergeDocuments(motionDocument(row, data), byId.get(row[0])));
    for (const d of data.documents) byId.set(d.id, mergeDocuments(richDocument(d), byId.get(d.id)));
    const byNumber = new Map<string, CatalogDocument>();
    for (const d of byId.values()) if (d.documentNumber) byNumber.set(d.documentNumber.toUpperCase(), d);
    this.byId = byId;
    this.byDocumentNumber = byNumber;
    return byId;
  }
}

function newestFirst(a: CatalogDocument, b: CatalogDocument): number {
  return (b.date ?? '') < (a.date ?? '') ? -1 : (b.date ?? '') > (a.date ?? '') ? 1 : 0;
}
