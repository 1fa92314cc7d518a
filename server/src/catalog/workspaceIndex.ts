import { analyze, analyzeWhole, type AnalyzeOptions, type WholeAnalysis } from '../engine/analyze';
import { detached } from '../engine/chars';
import { changedStretch, reanalyze, recordReanalysisLineage, sameAnalyzeOptions } from '../engine/incremental';
import { handelingenKey, kamerstukKey, parseHandelingenKey, parseKamerstukKey } from '../engine/identifiers';
import { LineIndex, positionAmong } from '../engine/lineIndex';
import type { DocumentAnalysis, DocumentMetadata, KnownDocumentFacts, Position, Range, Reference, Span } from '../engine/model';
import type { CatalogKey } from './model';

/** Where offsets of a document fall in lines: what locations need, without the text. */
export interface DocumentLines {
  positionAt(offset: number): Position;
  rangeOf(span: Span): Range;
}

/**
 * What the index keeps of every workspace document: where it is, how its lines run, what it says of
 * itself (its metadata: identity, title, date) and what it cites — enough for references, definition,
 * workspace symbols, completion and the workspace as a catalog source, without its text or analysis.
 */
export interface IndexEntry {
  readonly uri: string;
  /** The editor's version when open, or a counter for files read from disk. */
  readonly version: number;
  readonly lines: DocumentLines;
  readonly metadata: DocumentMetadata;
  readonly known: KnownDocumentFacts | undefined;
}

/** One analyzed workspace document, whole: its text and analysis. */
export interface IndexedDocument extends IndexEntry {
  readonly text: string;
  readonly lines: LineIndex;
  readonly analysis: DocumentAnalysis;
}

/** What a citation is, as the index keeps it: its kind and where it stands (a motion: its submitters too). */
export interface CitedPlace {
  readonly kind: Reference['kind'];
  readonly span: Span;
  /** A motion's submitters as the text names them, and whether "c.s." follows. */
  readonly motion?: { readonly submitters: readonly string[]; readonly cs: boolean };
}

/** A citation of a document somewhere in the workspace. */
export interface IndexedCitation {
  readonly doc: IndexEntry;
  readonly reference: CitedPlace;
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
export function identityKeys(doc: Pick<IndexEntry, 'metadata'>): string[] {
  const m = doc.metadata;
  const keys: string[] = [];
  if (m.kamerstuk) keys.push(kamerstukKey(m.kamerstuk));
  if (m.documentNumber) keys.push(m.documentNumber.toUpperCase());
  return keys;
}

/** What a catalog description of a document says of it, its place apart, as one string (to tell a change). */
function describedFacts(doc: Pick<IndexEntry, 'metadata'>): string {
  const m = doc.metadata;
  return [JSON.stringify(m.kamerstuk ?? null), m.documentNumber ?? '', m.title ?? '', m.date ?? ''].join('\u0000');
}

/** What a catalog description of a document holds of its metadata, its place too, as one string (to tell a change). */
function describedMetadata(doc: Pick<IndexEntry, 'metadata'>): string {
  const m = doc.metadata;
  return [describedFacts(doc), m.identitySpan?.offset ?? '', m.identitySpan?.length ?? ''].join('\u0000');
}

/**
 * The catalog key of a cited key: a Kamerstuk, a Handelingen publication the key names officially
 * (chamber known; an Aanhangsel or a sitting's item), else a document number; undefined for a
 * Handelingen key that names no one publication.
 */
export function catalogKeyOf(key: string): CatalogKey | undefined {
  const id = parseKamerstukKey(key);
  if (id) return { kind: 'kamerstuk', id: { dossier: id.dossier, nr: id.nr } };
  const h = parseHandelingenKey(key);
  if (h) return h.chamber && (h.aanhangsel || h.item) ? { kind: 'handelingen', id: h } : undefined;
  if (/^[ah]{1,2}-/i.test(key)) return undefined;
  return { kind: 'documentNumber', number: key };
}

/**
 * How a document is held: whole (open in the editor), as its entry only (a file on disk), or whole
 * for now (`recent`: a file a request asked about; only the last RECENT_WHOLE of those stay whole).
 * `metadata`: as its entry without its citations (what `check` keeps of a document it does not hold
 * whole: the rules read only what other documents say of themselves).
 */
export type Keep = 'whole' | 'recent' | 'entry' | 'metadata';

/** Whether a document so kept is held as its entry only. */
export function asEntry(keep: Keep): keep is 'entry' | 'metadata' {
  return keep === 'entry' || keep === 'metadata';
}

/** How many documents asked about without being open stay whole. */
export const RECENT_WHOLE = 8;

/** The kinds of reference that cite a document (citedKey), by their code in packed citations. */
export const KINDS = ['kamerstuk', 'documentNumber', 'handelingen', 'motion'] as const satisfies readonly Reference['kind'][];

/**
 * A document's citations in document order, as plain data: what its entry keeps of its references,
 * made where it was analyzed (a worker hands over this, not the references).
 */
export interface CitationList {
  /** The keys it cites, each once, in the order of their first citation. */
  readonly keys: readonly string[];
  /** Four numbers per citation: the key's index in `keys`, its kind's code (KINDS), offset, length. */
  readonly found: Int32Array;
  /** The motions among them: citation number, submitters as the text names them, whether "c.s." follows. */
  readonly motions: readonly (readonly [number, readonly string[], boolean])[];
}

/** The citations among a document's references (those with a cited key), in document order. */
export function citationList(references: readonly Reference[]): CitationList {
  const keys: string[] = [];
  const keyIndex = new Map<string, number>();
  const found: number[] = [];
  const motions: [number, readonly string[], boolean][] = [];
  for (const r of references) {
    const key = citedKey(r);
    if (!key) continue;
    let k = keyIndex.get(key);
    if (k === undefined) {
      keyIndex.set(key, (k = keys.length));
      keys.push(key);
    }
    if (r.kind === 'motion') motions.push([found.length / 4, r.submitters, r.cs]);
    found.push(k, KINDS.indexOf(r.kind as (typeof KINDS)[number]), r.span.offset, r.span.length);
  }
  return { keys, found: Int32Array.from(found), motions };
}

/** A document's citations, packed and grouped by key. */
interface PackedCitations {
  /** The keys this document cites, each once, in the order of their first citation. */
  readonly keys: readonly string[];
  /** Where each key's citations start in `places` (in citations; one more entry than keys). */
  readonly starts: Int32Array;
  /** Three numbers per citation: kind code, offset, length; by key, in document order within a key. */
  readonly places: Int32Array;
  /** The submitters of the motions among them, by citation number (few per letter). */
  readonly motions: ReadonlyMap<number, { readonly submitters: readonly string[]; readonly cs: boolean }>;
}

/** Line starts without the text: a few bytes a line. */
class PackedLines implements DocumentLines {
  private constructor(
    private readonly starts: Uint32Array,
    private readonly length: number,
  ) {}

  static of(lines: LineIndex, length: number): PackedLines {
    const starts = new Uint32Array(lines.lineCount);
    for (let i = 0; i < starts.length; i++) starts[i] = lines.lineStart(i);
    return new PackedLines(starts, length);
  }

  static ofStarts(starts: ArrayLike<number>, length: number): PackedLines {
    return new PackedLines(Uint32Array.from(starts), length);
  }

  positionAt(offset: number): Position {
    return positionAmong(this.starts, this.length, offset);
  }

  rangeOf(span: Span): Range {
    return { start: this.positionAt(span.offset), end: this.positionAt(span.offset + span.length) };
  }
}

/** What the index holds per document: its entry, its packed citations, and the whole document when kept. */
interface Slot {
  readonly entry: IndexEntry;
  readonly citations: PackedCitations;
  readonly whole: IndexedDocument | undefined;
  /** The instrument matcher it was analyzed with (a new glossary means a new analysis). */
  readonly matcher: AnalyzeOptions['instruments'];
  /**
   * For a document held whole and analyzed here: what its next version is analyzed from where only a
   * stretch of it changed (engine/incremental.ts), with the options it was made with.
   */
  readonly incremental?: { readonly analysis: WholeAnalysis; readonly options: AnalyzeOptions };
}

/**
 * Every document of the workspace, with inverted indexes from a cited key to the documents citing it
 * and to the documents that are that key. A document is kept whole (text and analysis) only when
 * asked (`keep: 'whole'`: what the editor has open); of the others the index keeps their entry —
 * metadata, line starts, their citations packed in typed arrays — so a workspace of thousands of
 * letters costs a few bytes per line and citation, not its text and analyses. Updated one document at
 * a time; a whole document is analyzed again only when its text or known facts change.
 */
export class WorkspaceIndex {
  private readonly slots = new Map<string, Slot>();
  /** Cited key → the documents citing it. */
  private readonly citing = new Map<string, Set<string>>();
  private readonly identities = new Map<string, Set<string>>();
  /** One string per key, shared by every document that cites it. */
  private readonly keyStrings = new Map<string, string>();
  /** The documents held whole for now (`keep: 'recent'`), oldest first. */
  private readonly recent: string[] = [];
  /**
   * Changes whenever a document comes, goes, or its identity, title, date or identity span changes
   * (what a catalog description of it holds): lists made from the entries' metadata are kept until then.
   */
  private metadataChanges = 0;

  /** A number that changes whenever the metadata of the workspace's documents may have (see `metadataChanges`). */
  get metadataStamp(): number {
    return this.metadataChanges;
  }

  /**
   * Changes whenever a document comes, goes, or its identity, title or date changes — what the
   * catalog says of it but where it says it: an edit before where a letter names itself moves that
   * place (the metadata stamp changes), not what any citation of it is told.
   */
  private factChanges = 0;

  /** A number that changes whenever the facts the catalog gives of the workspace's documents may have (see `factChanges`). */
  get factsStamp(): number {
    return this.factChanges;
  }

  /**
   * Analyzes (or re-uses) a document and indexes it; returns it whole either way. With
   * `keep: 'entry'` the index keeps only its entry, and the document is analyzed for what cites
   * documents only (AnalyzeOptions.citationsOnly; the caller may use it for its metadata and
   * citations, and let it go). An analysis made elsewhere comes with its line index and, where made
   * beside it, its `citationList`.
   */
  update(uri: string, text: string, version: number, options: AnalyzeOptions = {}, keep: Keep = 'whole', analyzed?: DocumentAnalysis, lines?: LineIndex, citations?: CitationList): IndexedDocument {
    const doc = this.analyzed(uri, text, version, options, asEntry(keep) ? keep : 'whole', analyzed, lines, citations);
    const at = this.recent.indexOf(uri);
    if (at >= 0) this.recent.splice(at, 1);
    if (keep === 'recent') {
      this.recent.push(uri);
      if (this.recent.length > RECENT_WHOLE) this.release(this.recent.shift()!);
    }
    return doc;
  }

  /** Whether `update` with this text and these options would re-use the document's analysis (only one held whole can be). */
  isCurrent(uri: string, text: string, options: AnalyzeOptions = {}): boolean {
    const slot = this.slots.get(uri);
    const whole = slot?.whole;
    return !!whole && whole.text === text && sameFacts(whole.known, options.known) && slot.matcher === options.instruments;
  }

  private analyzed(uri: string, text: string, version: number, options: AnalyzeOptions, keep: 'whole' | 'entry' | 'metadata', made?: DocumentAnalysis, madeLines?: LineIndex, madeCitations?: CitationList): IndexedDocument {
    const before = this.slots.get(uri);
    const whole = before?.whole;
    if (whole && whole.text === text && sameFacts(whole.known, options.known) && before.matcher === options.instruments) {
      if (whole.version === version && keep === 'whole') return whole;
      const same = whole.version === version ? whole : { ...whole, version };
      this.slots.set(uri, { ...before, entry: keep === 'whole' ? same : entryOf(same, PackedLines.of(whole.lines, whole.text.length)), whole: keep === 'whole' ? same : undefined });
      return same;
    }
    // An open document's next version: its line index made from the previous version's.
    const lines = (made && madeLines) || (whole && keep === 'whole' ? whole.lines.edited(text, changedStretch(whole.text, text)) : new LineIndex(text));
    let incremental: Slot['incremental'];
    let analysis: DocumentAnalysis;
    if (made) analysis = made;
    else if (keep !== 'whole') analysis = entryAnalysis(text, options, lines, keep);
    else {
      const was = before?.incremental;
      const same = was && sameAnalyzeOptions(was.options, options);
      let result: WholeAnalysis;
      if (same) {
        const re = reanalyze(was.analysis, text, { ...options, lines });
        // What the rules make per reference of this version is made from the version before's (perReference.ts).
        recordReanalysisLineage(was.analysis.analysis, re);
        result = re.result;
      } else result = analyzeWhole(text, { ...options, lines });
      incremental = { analysis: result, options };
      analysis = result.analysis;
    }
    const doc: IndexedDocument = { uri, version, text, lines, metadata: analysis.metadata, analysis, known: options.known };
    const entry = keep === 'whole' ? doc : entryOf(doc, PackedLines.of(lines, text.length));
    this.store(uri, entry, (made && madeCitations) || citationList(doc.analysis.references), keep === 'whole' ? doc : undefined, options.instruments, incremental);
    return doc;
  }

  /**
   * Indexes a document as its entry from what was made of it elsewhere (a worker read the file and
   * analyzed it with `entryAnalysis`, as `update` with `keep: 'entry'` does): its length, line
   * starts, metadata and citations. The text never comes to this thread.
   */
  updateEntry(uri: string, version: number, made: { readonly length: number; readonly lineStarts: ArrayLike<number>; readonly metadata: DocumentMetadata; readonly citations: CitationList }, options: AnalyzeOptions = {}): IndexEntry {
    // The metadata as an entry of a document analyzed here has it (plain JSON: no property that is undefined).
    const entry: IndexEntry = { uri, version, lines: PackedLines.ofStarts(made.lineStarts, made.length), metadata: detachedCopy(made.metadata), known: options.known };
    this.store(uri, entry, made.citations, undefined, options.instruments);
    return entry;
  }

  /** Puts a document's slot in (in place of the one it had), with its citations and identities. */
  private store(uri: string, entry: IndexEntry, citations: CitationList, whole: IndexedDocument | undefined, matcher: AnalyzeOptions['instruments'], incremental?: Slot['incremental']): void {
    const before = this.slots.get(uri);
    // Taken out and put back: the same URIs (in the same order) when it was there before.
    const order = before ? this.sortedUris : undefined;
    if (!before || describedMetadata(before.entry) !== describedMetadata(entry)) this.metadataChanges++;
    if (!before || describedFacts(before.entry) !== describedFacts(entry)) this.factChanges++;
    // Packed before the slot it replaces is taken out: the keys the versions share keep their strings.
    const packed = this.pack(citations);
    this.removeSlot(uri, packed.keys);
    this.sortedUris = order;
    this.slots.set(uri, { entry, citations: packed, whole, matcher, ...(incremental ? { incremental } : {}) });
    for (const key of packed.keys) {
      let set = this.citing.get(key);
      if (!set) this.citing.set(key, (set = new Set()));
      set.add(uri);
    }
    for (const key of identityKeys(entry)) {
      let set = this.identities.get(key);
      if (!set) this.identities.set(key, (set = new Set()));
      set.add(uri);
    }
  }

  /**
   * A document indexed as its entry, whole again from its text (read again) — the index does not
   * change: what the check of a document needs once, without moving it in the index's order.
   */
  wholeAgain(uri: string, text: string, version: number, options: AnalyzeOptions = {}): IndexedDocument {
    const held = this.slots.get(uri)?.whole;
    if (held && held.text === text && held.version === version) return held;
    const lines = new LineIndex(text);
    // Checked as it is: the rules read its sentences as the analysis split them.
    const analysis = analyze(text, { ...options, lines, keepSentences: true });
    return { uri, version, text, lines, metadata: analysis.metadata, analysis, known: options.known };
  }

  /** Keeps only the entry of a document held whole (the editor closed it; its text on disk is the same). */
  release(uri: string): void {
    const slot = this.slots.get(uri);
    if (!slot?.whole) return;
    this.slots.set(uri, { entry: entryOf(slot.whole, PackedLines.of(slot.whole.lines, slot.whole.text.length)), citations: slot.citations, whole: undefined, matcher: slot.matcher });
  }

  remove(uri: string): void {
    if (this.slots.has(uri)) {
      this.metadataChanges++;
      this.factChanges++;
    }
    this.removeSlot(uri);
  }

  /** Takes a document's slot out; `kept`: keys cited again at once (their shared strings stay). */
  private removeSlot(uri: string, kept?: readonly string[]): void {
    const slot = this.slots.get(uri);
    if (!slot) return;
    const keeping = kept && new Set(kept);
    const at = this.recent.indexOf(uri);
    if (at >= 0) this.recent.splice(at, 1);
    this.slots.delete(uri);
    this.sortedUris = undefined;
    for (const key of slot.citations.keys) {
      const set = this.citing.get(key);
      if (!set) continue;
      set.delete(uri);
      if (set.size === 0) {
        this.citing.delete(key);
        if (!keeping?.has(key)) this.keyStrings.delete(key);
      }
    }
    for (const key of identityKeys(slot.entry)) {
      const set = this.identities.get(key);
      set?.delete(uri);
      if (set?.size === 0) this.identities.delete(key);
    }
  }

  /** The document, when the index holds it whole. */
  get(uri: string): IndexedDocument | undefined {
    return this.slots.get(uri)?.whole;
  }

  /** What the index keeps of a document (whole or not). */
  entry(uri: string): IndexEntry | undefined {
    return this.slots.get(uri)?.entry;
  }

  has(uri: string): boolean {
    return this.slots.has(uri);
  }

  /**
   * Every document's entry, in order of URI: the same order however the documents came in (a scan
   * has several files analyzed at a time, and takes them in as they are done).
   */
  *entries(): IterableIterator<IndexEntry> {
    for (const uri of this.urisInOrder()) {
      const slot = this.slots.get(uri);
      if (slot) yield slot.entry;
    }
  }

  /** The documents held whole, in order of URI. */
  *wholeDocuments(): IterableIterator<IndexedDocument> {
    for (const uri of this.urisInOrder()) {
      const whole = this.slots.get(uri)?.whole;
      if (whole) yield whole;
    }
  }

  /** The URIs sorted, kept until a document comes or goes. */
  private sortedUris: string[] | undefined;

  private urisInOrder(): readonly string[] {
    return (this.sortedUris ??= [...this.slots.keys()].sort());
  }

  get size(): number {
    return this.slots.size;
  }

  /** Every citation of a key (Kamerstuk key or document number) across the workspace, in document order. */
  citationsOf(key: string): IndexedCitation[] {
    const uris = this.citing.get(key);
    if (!uris) return [];
    const out: IndexedCitation[] = [];
    for (const uri of [...uris].sort()) {
      const slot = this.slots.get(uri)!;
      const { keys, starts, places, motions } = slot.citations;
      const k = keys.indexOf(key);
      for (let c = starts[k]!; c < starts[k + 1]!; c++) {
        const motion = motions.get(c);
        out.push({ doc: slot.entry, reference: { kind: KINDS[places[3 * c]!]!, span: { offset: places[3 * c + 1]!, length: places[3 * c + 2]! }, ...(motion ? { motion } : {}) } });
      }
    }
    return out;
  }

  /** The keys a document cites, each once, in the order of their first citation. */
  keysCitedBy(uri: string): readonly string[] {
    return this.slots.get(uri)?.citations.keys ?? [];
  }

  /** Every key cited somewhere in the workspace. */
  citedKeys(): IterableIterator<string> {
    return this.citing.keys();
  }

  /** The workspace documents that are the document with this key. */
  documentsIdentifiedAs(key: string): IndexEntry[] {
    return [...(this.identities.get(key) ?? [])].sort().map((uri) => this.slots.get(uri)!.entry);
  }

  /** URIs of the documents that cite any of these keys (for re-checking dependents after a change). */
  documentsCiting(keys: readonly string[]): Set<string> {
    const out = new Set<string>();
    for (const key of keys) for (const uri of this.citing.get(key) ?? []) out.add(uri);
    return out;
  }

  /** One copy of each motion signatory's name as written, shared by every document and version (forgotten past 50,000 names). */
  private readonly names = new Map<string, string>();

  /** A signatory's name that shares no memory with the text it was cut from (a motion's names are kept with its citation). */
  private sharedName(name: string): string {
    let shared = this.names.get(name);
    if (shared === undefined) {
      if (this.names.size >= 50_000) this.names.clear();
      this.names.set(name, (shared = detached(name)));
    }
    return shared;
  }

  /** A document's citations grouped by key, their keys and signatories' names shared with every other document's. */
  private pack(list: CitationList): PackedCitations {
    const keys = list.keys.map((key) => {
      let shared = this.keyStrings.get(key);
      if (shared === undefined) this.keyStrings.set(key, (shared = detached(key)));
      return shared;
    });
    const found = list.found;
    const submitters = new Map<number, { submitters: readonly string[]; cs: boolean }>();
    for (const [c, names, cs] of list.motions) submitters.set(c, { submitters: names.map((name) => this.sharedName(name)), cs });
    // Grouped by key (a counting sort, stable: document order within a key).
    const starts = new Int32Array(keys.length + 1);
    for (let i = 0; i < found.length; i += 4) starts[found[i]! + 1]!++;
    for (let k = 0; k < keys.length; k++) starts[k + 1]! += starts[k]!;
    const next = starts.slice(0, keys.length);
    const places = new Int32Array((found.length / 4) * 3);
    const motions = new Map<number, { submitters: readonly string[]; cs: boolean }>();
    for (let i = 0; i < found.length; i += 4) {
      const c = next[found[i]!]!++;
      const motion = submitters.get(i / 4);
      if (motion) motions.set(c, motion);
      places[3 * c] = found[i + 1]!;
      places[3 * c + 1] = found[i + 2]!;
      places[3 * c + 2] = found[i + 3]!;
    }
    return { keys, starts, places, motions };
  }
}

/** The entry of a whole document: its metadata copied (so that no string of it keeps the text alive). */
function entryOf(doc: IndexedDocument, lines: DocumentLines): IndexEntry {
  return { uri: doc.uri, version: doc.version, lines, metadata: detachedCopy(doc.analysis.metadata), known: doc.known };
}

/**
 * The analysis an entry is made from: what cites documents (`entry`) or only what the document says
 * of itself (`metadata`), never policy instruments, amounts or deadlines (they change no citation and
 * no metadata; without them a document is analyzed in about a third of the time). The same wherever
 * it is made (here, or in a worker that read the file).
 */
export function entryAnalysis(text: string, options: AnalyzeOptions, lines: LineIndex, keep: 'entry' | 'metadata' = 'entry'): DocumentAnalysis {
  const { instruments, senses, ...citing } = options;
  void instruments;
  void senses;
  return analyze(text, { ...citing, lines, ...(keep === 'entry' ? { citationsOnly: true } : { metadataOnly: true }) });
}

/** The line starts of a document, without its text. */
export function packedLines(doc: Pick<IndexedDocument, 'lines' | 'text'>): DocumentLines {
  return PackedLines.of(doc.lines, doc.text.length);
}

/**
 * A copy of plain data (strings, numbers, arrays, objects) that shares no memory with the text its
 * strings were cut from (a substring may keep the whole text alive).
 */
export function detachedCopy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function sameFacts(a: KnownDocumentFacts | undefined, b: KnownDocumentFacts | undefined): boolean {
  return JSON.stringify(a ?? {}) === JSON.stringify(b ?? {});
}
