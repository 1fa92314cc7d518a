import { isDocumentNumber, kamerstukKey, type KamerstukId } from '../../engine/identifiers';
import { bundledRowCount, motionDocument, outcomeDocument, outcomeSignatories, richDocument, sampleDocument, type BundledCatalogData, type BundledDocument, type MotionRow, type OutcomeRow, type SampleRow } from '../bundledData';
import { foldForSearch, surnameKey } from '../../engine/folding';
import { mergeDocuments, type CatalogDocument, type CatalogSource } from '../model';

/**
 * The catalog data shipped with the extension, as a catalog source. Nothing is made at start-up,
 * and little at the first lookup: the indexes hold where each id's rows are and the few facts they
 * search by (title, type, date, signatories, document number), read from the rows; a document is
 * made of its rows only when it is asked for (and kept). A lookup in the first letter of a session
 * so costs a few milliseconds instead of making all ~18,000 documents.
 */
export class BundledCatalogSource implements CatalogSource {
  readonly name = 'bundled';
  private loaded: BundledCatalogData | undefined;
  private byId: Map<string, readonly Row[]> | undefined;
  private byDocumentNumber: Map<string, string> | undefined;
  private folded: { readonly id: string; readonly title: string }[] | undefined;
  private bySurname: Map<string, Motion[]> | undefined;
  private titled: CatalogDocument[] | undefined;
  /** Documents made so far, by id; the motions known only by their zaak, by row. */
  private readonly made = new Map<string, CatalogDocument>();
  private readonly madeByZaak = new Map<number, CatalogDocument>();

  /** `data` is the compiled data or a loader called on first use. */
  constructor(private readonly data: BundledCatalogData | (() => BundledCatalogData)) {}

  private get bundle(): BundledCatalogData {
    if (!this.loaded) this.loaded = typeof this.data === 'function' ? this.data() : this.data;
    return this.loaded;
  }

  lookupKamerstuk(id: KamerstukId): CatalogDocument | undefined {
    return this.document(kamerstukKey(id));
  }

  lookupDocumentNumber(documentNumber: string): CatalogDocument | undefined {
    const id = this.numbers().get(documentNumber.toUpperCase());
    return id === undefined ? undefined : this.document(id);
  }

  searchTitles(words: readonly string[], limit: number): readonly CatalogDocument[] {
    if (!this.folded) {
      this.folded = [];
      for (const [id, rows] of this.rows()) {
        const title = factOf(rows, TITLE);
        if (title) this.folded.push({ id, title: ` ${foldForSearch(title)} ` });
      }
    }
    const wanted = words.map(foldForSearch).filter(Boolean);
    if (!wanted.length) return [];
    const out: CatalogDocument[] = [];
    for (const { id, title } of this.folded) {
      if (wanted.every((w) => title.includes(w))) {
        out.push(this.document(id)!);
        if (out.length >= limit) break;
      }
    }
    return out;
  }

  findMotions(surnames: readonly string[], limit: number): readonly CatalogDocument[] {
    const keys = surnames.map(surnameKey).filter(Boolean);
    if (!keys.length) return [];
    const [first, ...rest] = keys;
    const candidates = this.motionsOf(first!);
    const found = rest.length ? candidates.filter((m) => rest.every((k) => m.keys.includes(k))) : candidates;
    return found.slice(0, limit).map((m) => this.motionDocument(m));
  }

  /**
   * The motions by signatory surname key, newest first, as the compiled data keeps them (a catalog id,
   * or a row of `outcomes`): made at build time, so that the first look-up by name reads only the
   * motions of that name instead of indexing all ~16,000 (67–100 ms in a process that just started).
   */
  motionIndex(): NonNullable<BundledCatalogData['motionIndex']> {
    const byName: Record<string, (string | number)[]> = {};
    for (const [key, motions] of this.motions()) byName[key] = motions.map((m) => (m.id !== undefined ? m.id : m.zaak!));
    return { rows: bundledRowCount(this.bundle), byName };
  }

  /** The motions of a signatory's surname key, newest first: from the compiled index when the data has one. */
  private motionsOf(key: string): readonly Motion[] {
    const index = this.bundle.motionIndex;
    if (!index || index.rows !== bundledRowCount(this.bundle) || this.bySurname) return this.motions().get(key) ?? [];
    let found = this.indexed.get(key);
    if (!found) {
      const refs = Object.prototype.hasOwnProperty.call(index.byName, key) ? index.byName[key]! : [];
      this.indexed.set(key, (found = refs.map((ref) => this.motionAt(ref))));
    }
    return found;
  }
  /** The motions read from the compiled index so far, by surname key. */
  private readonly indexed = new Map<string, readonly Motion[]>();

  /** A motion of the compiled index: a catalog id's rows, or a row of `outcomes` (as motionList reads them). */
  private motionAt(ref: string | number): Motion {
    return typeof ref === 'number' ? motionOfOutcome(ref, this.bundle.outcomes[ref]!) : motionOfRows(ref, this.rows().get(ref) ?? []);
  }

  motionsBySubmitterPrefix(prefix: string, limit: number): readonly CatalogDocument[] {
    const wanted = foldForSearch(prefix);
    if (!wanted) return [];
    const found = new Set<Motion>();
    for (const { name, surname, motions } of this.signatories()) {
      if (name.startsWith(wanted) || surname.startsWith(wanted)) for (const m of motions) found.add(m);
    }
    return [...found].sort(newestFirst).slice(0, limit).map((m) => this.motionDocument(m));
  }

  documentsByNumberPrefix(prefix: string, limit: number): readonly CatalogDocument[] {
    const wanted = prefix.toUpperCase();
    const out: CatalogDocument[] = [];
    for (const [number, id] of this.numbers()) {
      if (!number.startsWith(wanted)) continue;
      out.push(this.document(id)!);
      if (out.length >= limit) break;
    }
    return out;
  }

  documentsByIdPrefix(prefix: string, limit: number): readonly CatalogDocument[] {
    const out: CatalogDocument[] = [];
    for (const id of this.rows().keys()) {
      if (!id.startsWith(prefix)) continue;
      const doc = this.document(id)!;
      if (!doc.kamerstuk) continue;
      out.push(doc);
      if (out.length >= limit) break;
    }
    return out;
  }

  titledDocuments(): readonly CatalogDocument[] {
    if (!this.titled) this.titled = this.bundle.documents.filter((d) => d.title && !/^motie/i.test(d.type ?? '')).map((d) => this.document(d.id)!);
    return this.titled;
  }

  /** The document of an id, made of its rows on first ask: a sample row, over it a motion row, over that a rich document (each fills what the one above lacks). */
  private document(id: string): CatalogDocument | undefined {
    let doc = this.made.get(id);
    if (doc) return doc;
    const rows = this.rows().get(id);
    if (!rows) return undefined;
    const data = this.bundle;
    for (const r of rows) doc = r.sample ? sampleDocument(r.sample, data) : mergeDocuments(r.motion ? motionDocument(r.motion, data) : richDocument(r.document!), doc);
    this.made.set(id, doc!);
    return doc;
  }

  private motionDocument(m: Motion): CatalogDocument {
    if (m.id !== undefined) return this.document(m.id)!;
    let doc = this.madeByZaak.get(m.zaak!);
    if (!doc) this.madeByZaak.set(m.zaak!, (doc = outcomeDocument(this.bundle.outcomes[m.zaak!]!, this.bundle)));
    return doc;
  }

  /** Each id's rows, lowest precedence first, in the order the data lists the ids (sample, motions, rich documents). */
  private rows(): Map<string, readonly Row[]> {
    if (this.byId) return this.byId;
    const byId = new Map<string, Row[]>();
    const data = this.bundle;
    // Rows are added lowest precedence first; a second sample row of an id takes the first one's place.
    const add = (id: string, row: Row): void => {
      const rows = byId.get(id);
      if (rows && !row.sample) rows.push(row);
      else byId.set(id, [row]);
    };
    for (const row of data.sample) add(row[0], { sample: row });
    for (const row of data.motions) add(row[0], { motion: row });
    for (const d of data.documents) add(d.id, { document: d });
    this.byId = byId;
    return byId;
  }

  /** Ids by document number (upper case). */
  private numbers(): Map<string, string> {
    if (this.byDocumentNumber) return this.byDocumentNumber;
    const byNumber = new Map<string, string>();
    for (const [id, rows] of this.rows()) {
      const number = factOf(rows, DOCUMENT_NUMBER);
      if (number) byNumber.set(number.toUpperCase(), id);
    }
    this.byDocumentNumber = byNumber;
    return byNumber;
  }

  /** Every motion (of the ids' rows, then those known only by their zaak) with its date and signatories. */
  private motionList(): readonly Motion[] {
    if (this.everyMotion) return this.everyMotion;
    const list: Motion[] = [];
    for (const [id, rows] of this.rows()) {
      const type = factOf(rows, TYPE);
      if (type !== 'Motie' && type !== 'Motie (gewijzigd/nader)') continue;
      list.push(motionOfRows(id, rows));
    }
    this.bundle.outcomes.forEach((row, zaak) => list.push(motionOfOutcome(zaak, row)));
    return (this.everyMotion = list);
  }
  private everyMotion: readonly Motion[] | undefined;

  /** The motions by signatory surname, newest first. */
  private motions(): Map<string, Motion[]> {
    if (this.bySurname) return this.bySurname;
    const bySurname = new Map<string, Motion[]>();
    for (const motion of this.motionList()) for (const key of motion.keys) if (key) pushTo(bySurname, key, motion);
    for (const list of bySurname.values()) list.sort((a, b) => ((b.date ?? '') < (a.date ?? '') ? -1 : 1));
    return (this.bySurname = bySurname);
  }

  /** Each signatory's folded name and surname key with their motions (completion by name). */
  private signatories(): readonly { readonly name: string; readonly surname: string; readonly motions: readonly Motion[] }[] {
    if (this.signatoryList) return this.signatoryList;
    const byName = new Map<string, Motion[]>();
    for (const motion of this.motionList()) {
      // (A name without a surname key is in no index.)
      motion.submitters.forEach((name, k) => {
        if (motion.keys[k]) pushTo(byName, foldForSearch(name), motion);
      });
    }
    return (this.signatoryList = [...byName].map(([name, motions]) => ({ name, surname: surnameKey(name), motions })));
  }
  private signatoryList: readonly { readonly name: string; readonly surname: string; readonly motions: readonly Motion[] }[] | undefined;
}

/** One row of an id: a sample row, a motion row or a rich document. */
interface Row {
  readonly sample?: SampleRow;
  readonly motion?: MotionRow;
  readonly document?: BundledDocument;
}

/** A fact as each kind of row gives it (undefined: the row does not say). */
interface Fact<T> {
  readonly sample: (row: SampleRow) => T | undefined;
  readonly motion: (row: MotionRow) => T | undefined;
  readonly document: (d: BundledDocument) => T | undefined;
}

/** A fact of the document an id's rows make: the highest row that says it (as `document` merges them). */
function factOf<T>(rows: readonly Row[], fact: Fact<T>): T | undefined {
  let value: T | undefined;
  for (const r of rows) {
    const v = r.sample ? fact.sample(r.sample) : r.motion ? fact.motion(r.motion) : fact.document(r.document!);
    if (v !== undefined) value = v;
  }
  return value;
}

// What sampleDocument, motionDocument and richDocument make of each fact.
const TITLE: Fact<string> = { sample: (r) => r[1] || undefined, motion: (r) => r[4] || undefined, document: (d) => d.title };
const TYPE: Fact<string> = { sample: (r) => r[3] || undefined, motion: () => 'Motie', document: (d) => d.type };
const DATE: Fact<string> = { sample: (r) => r[2] || undefined, motion: (r) => r[3] || undefined, document: (d) => d.date };
const SUBMITTERS: Fact<readonly string[]> = { sample: () => undefined, motion: (r) => (r[6] ? r[6].split('|') : undefined), document: (d) => d.submitters };
const DOCUMENT_NUMBER: Fact<string> = { sample: () => undefined, motion: (r) => r[1] || undefined, document: (d) => d.documentNumber ?? (isDocumentNumber(d.id) ? d.id : undefined) };

/** A motion in the index: a catalog id, or a row of the motions known only by their zaak; its date, signatories and their surname keys. */
interface Motion {
  readonly id?: string;
  readonly zaak?: number;
  readonly date: string | undefined;
  readonly submitters: readonly string[];
  readonly keys: readonly string[];
}

/** The motion of a catalog id, read from its rows. */
function motionOfRows(id: string, rows: readonly Row[]): Motion {
  const submitters = factOf(rows, SUBMITTERS) ?? [];
  return { id, date: factOf(rows, DATE), submitters, keys: submitters.map(surnameKey) };
}

/** The motion of a row of `outcomes` (known by its zaak only). */
function motionOfOutcome(zaak: number, row: OutcomeRow): Motion {
  const submitters = outcomeSignatories(row[7]);
  return { zaak, date: row[1] || undefined, submitters, keys: submitters.map(surnameKey) };
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function newestFirst(a: { readonly date?: string | undefined }, b: { readonly date?: string | undefined }): number {
  return (b.date ?? '') < (a.date ?? '') ? -1 : (b.date ?? '') > (a.date ?? '') ? 1 : 0;
}
