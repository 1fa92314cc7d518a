/**
 * The composition root: `createKamerwijzer` builds the workspace index, the catalog, the glossaries
 * and the feature calls once, from what it is given — catalog sources, the bundled glossary, where a
 * document's workspace folder is, a clock and a logger. The language server, the command line and
 * every test build Kamerwijzer through it, so they share one wiring; time, files and network enter
 * only as these parameters (in the spirit of vscode-markdown-languageservice's createLanguageService).
 */
import { LineIndex } from '../engine/lineIndex';
import type { Hover, Location, DocumentLink, DocumentSymbol, InlayHint, SymbolInformation } from 'vscode-languageserver-types';
import { workspaceCatalog, type Catalog } from '../catalog/catalog';
import { GlossaryCatalog } from '../catalog/glossaries';
import type { CatalogKey, CatalogSource } from '../catalog/model';
import { asEntry, catalogKeyOf, WorkspaceIndex, type CitationList, type IndexEntry, type IndexedDocument, type Keep } from '../catalog/workspaceIndex';
import type { GlossaryData, GlossaryEntry } from '../engine/glossary';
import { officialHandelingenId } from '../engine/identifiers';
import type { DocumentAnalysis, DocumentMetadata, KnownDocumentFacts } from '../engine/model';
import { codeActions, type Action, type ActionRequest, type Fixable } from '../features/codeActions';
import { completion, type CompletionResult } from '../features/completion';
import { definition } from '../features/definition';
import { ALL_RULES } from '../features/diagnostics/rules';
import type { DiagnosticRule } from '../features/diagnostics/model';
import { adoptPrepared, versionFollows, type PreparedDocument } from '../features/diagnostics/prepared';
import { computeFindings, severityOf } from '../features/diagnostics/run';
import { documentLinks } from '../features/documentLinks';
import { DocumentWords, type DocumentWordsData } from '../features/documentWords';
import { DEFAULT_INLAY_HINT_SETTINGS, inlayHints, type InlayHintSettings } from '../features/inlayHints';
import { documentSymbols } from '../features/documentSymbols';
import { hover } from '../features/hover';
import { DEFAULT_DIAGNOSTIC_SETTINGS, type CheckedFinding, type DiagnosticSettings, type FeatureContext, type Finding } from '../features/model';
import { references } from '../features/references';
import { workspaceSymbols } from '../features/workspaceSymbols';
import type { Locale } from '../l10n';
import { FindingsCache } from './findingsCache';

/** Where Kamerwijzer reports what goes wrong inside it (never the user's findings). */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export const SILENT_LOGGER: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** The settings the features read. */
export interface ServiceSettings {
  /** The language of hovers and messages. */
  readonly locale: Locale;
  /** Today's date (ISO) for deadline checks; empty for the clock's local date. */
  readonly today: string;
  readonly diagnostics: DiagnosticSettings;
  /** The official sources may be asked (hovers say what is being looked up). */
  readonly online: boolean;
  /** Which inlay hints are shown. */
  readonly inlayHints: InlayHintSettings;
}

export const DEFAULT_SERVICE_SETTINGS: ServiceSettings = { locale: 'nl', today: '', diagnostics: DEFAULT_DIAGNOSTIC_SETTINGS, online: false, inlayHints: DEFAULT_INLAY_HINT_SETTINGS };

export interface KamerwijzerOptions {
  /** Catalog sources asked after the workspace's own documents, most authoritative first (bundled data, official sources, a test's list). */
  readonly sources?: readonly CatalogSource[];
  /** The bundled glossary entries, read on first use; without it only workspace glossaries apply. */
  readonly bundledGlossary?: () => readonly GlossaryEntry[] | GlossaryData;
  /** The workspace folder (any key) of a document URI, for the folder's own glossary. */
  readonly folderOf?: (uri: string) => string | undefined;
  /** The clock: today's date for deadlines when the settings give none. */
  readonly clock?: () => Date;
  readonly logger?: Logger;
  readonly settings?: Partial<ServiceSettings>;
  /** The diagnostics rules (all of them unless a test picks some). */
  readonly rules?: readonly DiagnosticRule[];
  /**
   * Called before a document is analyzed; what it throws, the analysis throws (tests inject a failing
   * analysis so, to see that one document's failure affects only that document).
   */
  readonly beforeAnalysis?: (uri: string, text: string) => void;
  /**
   * Analyzes documents elsewhere (the language server's worker thread) for `setDocumentAsync`;
   * without it, `setDocumentAsync` analyzes in this thread.
   */
  readonly analyzer?: DocumentAnalyzer;
  /** Awaited between the rules of a findings computation, so the caller's event loop runs (the language server yields to other requests). */
  readonly slice?: () => Promise<void>;
  /** The entries of files made in an earlier session (the language server's index cache), for `indexFileAsync`. */
  readonly entryCache?: EntryCache;
}

/** What the index's entry of a file read elsewhere is made of: how it was decoded, the text's length in UTF-16 units, its line starts, and what it says of itself and cites. */
export interface FileEntry {
  readonly encoding: string;
  readonly invalid?: ReplacedBytes;
  readonly length: number;
  readonly lineStarts: Int32Array;
  readonly metadata: DocumentMetadata;
  readonly citations: CitationList;
}

/**
 * The entries of files kept between sessions with the hash of the bytes each was made of and the
 * inputs (facts, date) it was analyzed with: a file whose bytes hash the same is not analyzed again.
 */
export interface EntryCache {
  /** The entry kept of the file for these inputs, with the hash of its bytes. */
  lookup(file: string, inputs: string): { readonly hash: string; readonly entry: FileEntry } | undefined;
  /** The file was read and analyzed: its entry, made of bytes with this hash. */
  remember(file: string, inputs: string, hash: string, entry: FileEntry): void;
  /** The file could not be read: what was kept of it goes. */
  forget(file: string): void;
}

/** One analysis to make elsewhere: the text and all that decides its analysis, as plain data. */
export interface AnalysisJob {
  readonly uri: string;
  readonly text: string;
  readonly known?: KnownDocumentFacts;
  readonly documentDate?: string;
  /** The document's glossary folder (the key `folderOf` gives), if any. */
  readonly glossaryFolder?: string;
  /** That folder's glossary file as the glossaries know it (its URI, and its text when it exists); none: the bundled glossary. */
  readonly glossaryFile?: { readonly uri: string; readonly text?: string };
  /** The checks to run beside the analysis, on the analyzed document alone (the rules that read only it). */
  readonly checks?: DocumentChecks;
  /** Analyze without the glossary's instruments (a file the index keeps as its entry; extract). */
  readonly withoutInstruments?: boolean;
  /** Only what cites a document (AnalyzeOptions.citationsOnly: a file the index keeps as its entry). */
  readonly citationsOnly?: boolean;
  /** Only its metadata (AnalyzeOptions.metadataOnly: a document `check` keeps as its entry without citations). */
  readonly metadataOnly?: boolean;
  /** No later version will follow (a check): the analysis is not kept to analyze the next version from. */
  readonly once?: boolean;
}

/** The rules (of ALL_RULES, by code) to run beside an analysis, and all they read besides the document. */
export interface DocumentChecks {
  readonly codes: readonly string[];
  readonly settings: DiagnosticSettings;
  readonly locale: Locale;
  readonly today: string;
  readonly online: boolean;
}

/**
 * Makes analyses elsewhere: the same analysis `analyze` gives in this thread for the job's text,
 * facts and glossary (built from `bundledGlossary` and the job's glossary file). Undefined when it
 * cannot (its worker failed): the service then analyzes in this thread. An analysis that throws
 * rejects with what it threw; an aborted signal rejects with the signal's reason.
 */
export interface DocumentAnalyzer {
  analyze(job: AnalysisJob, bundledGlossary: () => GlossaryData, signal?: AbortSignal): Promise<AnalyzedElsewhere | undefined>;
  /**
   * Reads a file and analyzes it for the index's entry (what cites documents only), where the text
   * stays: the caller's thread never holds it. Undefined when it cannot (its workers failed).
   */
  analyzeFile?(job: FileJob, bundledGlossary: () => GlossaryData, signal?: AbortSignal): Promise<AnalyzedFile | undefined>;
}

/** A file of the workspace to read and analyze elsewhere for the index's entry. */
export interface FileJob {
  readonly uri: string;
  /** Its path. */
  readonly file: string;
  /** Larger files are not read (the setting `maxFileSize`). */
  readonly maxBytes: number;
  readonly known?: KnownDocumentFacts;
  readonly documentDate?: string;
  /** The hash of the bytes its entry was made of before (an index cache's): bytes that hash so are not analyzed again. */
  readonly expect?: string;
}

/** Bytes of a file that were not valid in its encoding (replaced by U+FFFD): how many, where the first was (its byte offset, 1-based line and column). */
export interface ReplacedBytes {
  readonly count: number;
  readonly offset: number;
  readonly line: number;
  readonly column: number;
}

/** Why a file could not be read as text (io/textFiles.ts: missing, binary, too large…). */
export interface UnreadFile {
  readonly unread: { readonly reason: string; readonly detail: string };
}

/** A file whose bytes hash as its job expected (FileJob.expect): the entry made of them before stands. */
export interface UnchangedFile {
  readonly unchanged: string;
}

/** A file read and analyzed elsewhere: unread, unchanged, or how it was decoded and what its entry needs (and the hash of its bytes). */
export type AnalyzedFile =
  | UnreadFile
  | UnchangedFile
  | (FileEntry & { readonly hash: string });

/** A file indexed from elsewhere: unread (it left the index), or its entry and how it was decoded. */
export type IndexedFile = UnreadFile | { readonly entry: IndexEntry; readonly encoding: string; readonly invalid?: ReplacedBytes };

/** An analysis made elsewhere, with the text's words read beside it (the rules' shared word index). */
export interface AnalyzedElsewhere {
  readonly analysis: DocumentAnalysis;
  readonly words?: DocumentWordsData;
  /**
   * The findings of the job's checks that read only the document (`computeDocumentOnlyFindings`):
   * the service keeps them as those rules' findings of this version; the rest run in this thread.
   */
  readonly findings?: readonly { readonly code: string; readonly findings: readonly Finding[] }[];
  /**
   * Those findings, when they follow the analysis (an open document's version: the analysis is used
   * meanwhile); undefined when they could not be made there (the rules then run in this thread).
   */
  readonly findingsLater?: Promise<AnalyzedElsewhere['findings']>;
  /** What the rules left to this thread need of the document (sentences, citation descriptions), made beside the analysis. */
  readonly prepared?: PreparedDocument;
  /** The text's line starts, as the analyzer found them (the line index is made from them, not found again). */
  readonly lineStarts?: Int32Array;
  /** The analysis's citations as the index keeps them (`citationList` of its references), made beside it. */
  readonly citations?: CitationList;
  /** 'stretch' when the analysis was made from the document's previous one, reading only the changed stretch again (engine/incremental.ts). */
  readonly how?: 'stretch' | 'whole' | 'unchanged';
  /** The text went to the analyzer as what changed since the version it was given before (lsp/editTrail.ts). */
  readonly fromEdit?: true;
}

/** How `setDocumentAsync` has a document analyzed elsewhere. */
export interface AsyncAnalysisOptions {
  /** Run the rules that read only the document beside the analysis (default true; a workspace scan's files: false). */
  readonly checks?: boolean;
  /**
   * What the index keeps (default 'whole'). 'entry' (a file on disk the editor does not have open): only
   * its entry, analyzed for what cites documents only: without the glossary's instruments, amounts and
   * deadlines (they change no citation and no metadata). 'metadata': its entry without its citations,
   * analyzed for its metadata only.
   */
  readonly keep?: Keep;
}

/** What the service computed (not what it re-used): tests count work through it. */
export interface ServiceStats {
  /** Analyses made (in this thread or by the analyzer). */
  analyses: number;
  /** Of those, the analyses made by the analyzer (the worker thread). */
  analysesElsewhere: number;
  /** Of those, the analyses made from the document's previous analysis, reading only a changed stretch again. */
  stretchAnalysesElsewhere: number;
  /** Of those, the analyses whose text went to the analyzer as an edit of the version it had before, not whole. */
  editedElsewhere: number;
  /** Rules run (each rule of each findings computation that was not taken from the cache, and each rule run beside an analysis elsewhere). */
  ruleRuns: number;
  /** Of those, the rules run beside an analysis elsewhere (the worker thread). */
  ruleRunsElsewhere: number;
  /** Findings computations that were not answered from the cache. */
  findingsComputed: number;
  /** Files of a scan whose entry was taken from the entry cache (their bytes unchanged since an earlier session). */
  entriesReused: number;
  /** References whose findings a per-reference rule took over from the version before (features/diagnostics/perReference.ts). */
  referencesTakenOver: number;
}

/** What is known of a document beside its text. */
export interface DocumentFacts {
  /** What a manifest (kamerwijzer.json) says of it. */
  readonly known?: KnownDocumentFacts;
  /** A date that overrides every date the document gives (the command line's --document-date). */
  readonly documentDate?: string;
}

export interface Kamerwijzer {
  readonly index: WorkspaceIndex;
  readonly catalog: Catalog;
  readonly glossaries: GlossaryCatalog;
  readonly rules: readonly DiagnosticRule[];
  readonly settings: ServiceSettings;
  readonly logger: Logger;
  /** Changes settings; what is not given stays. */
  configure(settings: Partial<ServiceSettings>): void;
  /** What the features read, under the current settings. */
  context(): FeatureContext;

  /**
   * Analyzes (or re-uses) a document and indexes it; returns it whole. When the analysis throws, the
   * index keeps what it had. `keep: 'entry'` (a file on disk that the editor does not have open): the
   * index keeps only what the workspace features need of it (WorkspaceIndex), not its text and
   * analysis, and the document returned has only what cites documents (no amounts, deadlines or instrument mentions).
   */
  setDocument(uri: string, text: string, version: number, facts?: DocumentFacts, keep?: Keep): IndexedDocument;
  /**
   * A document indexed as its entry, whole again from its text (as read again): analyzed as
   * `setDocument` would, the index unchanged.
   */
  wholeAgain(uri: string, text: string, version: number, facts?: DocumentFacts): IndexedDocument;
  /**
   * As `wholeAgain`, with the analysis made by the analyzer when one is given, and beside it the rules
   * that read only the document (their findings kept for `findings` of the document returned).
   */
  wholeAgainAsync(uri: string, text: string, version: number, facts?: DocumentFacts, signal?: AbortSignal): Promise<IndexedDocument>;
  /**
   * As `setDocument`, with the analysis made by the analyzer (a worker thread) when one is given:
   * this thread stays free meanwhile. An aborted signal drops the analysis (the promise rejects with
   * its reason) and leaves the index as it was.
   */
  setDocumentAsync(uri: string, text: string, version: number, facts?: DocumentFacts, signal?: AbortSignal, options?: AsyncAnalysisOptions): Promise<IndexedDocument>;
  /**
   * A file of the workspace, read and analyzed by the analyzer for the index's entry (as
   * `setDocumentAsync` with `keep: 'entry'` on its text), its text never in this thread. Undefined
   * when the analyzer cannot read files (none given, its workers failed, or a test hook wants the
   * text here first): the caller reads the file and calls `setDocumentAsync`. Unreadable: the
   * document leaves the index.
   */
  indexFileAsync(uri: string, file: string, version: number, facts: DocumentFacts | undefined, maxBytes: number, signal?: AbortSignal): Promise<IndexedFile | undefined>;
  /** Analyzes a document held whole again with its folder's current glossary (undefined for one not held whole). */
  reanalyze(uri: string): IndexedDocument | undefined;
  removeDocument(uri: string): void;
  /** The document, when the index holds it whole. */
  document(uri: string): IndexedDocument | undefined;
  /** What the index keeps of a document, whole or not. */
  entry(uri: string): IndexEntry | undefined;
  /** Every document the workspace cites somewhere, as catalog keys (for fetching them all). */
  citedInWorkspace(): CatalogKey[];

  hover(doc: IndexedDocument, offset: number): Promise<Hover | undefined>;
  definition(doc: IndexedDocument, offset: number): Promise<Location[]>;
  references(doc: IndexedDocument, offset: number, includeDeclaration: boolean): Location[];
  documentLinks(doc: IndexedDocument): DocumentLink[];
  /** The inlay hints of the references in [from, to). */
  inlayHints(doc: IndexedDocument, from: number, to: number): Promise<InlayHint[]>;
  documentSymbols(doc: IndexedDocument): DocumentSymbol[];
  workspaceSymbols(query: string): Promise<SymbolInformation[]>;
  /** Citations to insert at the offset; `isIncomplete` when the editor should ask again as the user types. */
  completion(doc: IndexedDocument, offset: number): Promise<CompletionResult>;
  /**
   * The findings of the checks on a document, sorted by place; kept per document version, settings,
   * date and glossary (a second request is answered at once), the rules that read the workspace run
   * again when it changed. An aborted signal stops the computation between rules (it rejects with the
   * signal's reason; the rules run so far stay kept).
   */
  findings(doc: IndexedDocument, signal?: AbortSignal): Promise<CheckedFinding[]>;
  /** Something the findings read changed without the service seeing it (a synchronized mirror): every document's workspace-reading rules run again. */
  invalidate(): void;
  readonly stats: ServiceStats;
  /** Asks the official sources about every document a document cites; resolves when they answered (or failed). */
  fetchCited(doc: IndexedDocument, signal?: AbortSignal, force?: boolean): Promise<void>;
  codeActions<T extends Fixable>(request: ActionRequest<T>): Action<T>[];
}

export function createKamerwijzer(options: KamerwijzerOptions = {}): Kamerwijzer {
  const logger = options.logger ?? SILENT_LOGGER;
  const clock = options.clock ?? (() => new Date());
  const index = new WorkspaceIndex();
  const catalog = workspaceCatalog(index, options.sources ?? [], (source, e) => logger.warn(`catalog source ${source} failed: ${(e as Error).message}`));
  const glossaries = new GlossaryCatalog(options.bundledGlossary ?? (() => []), options.folderOf ?? (() => undefined));
  const rules = options.rules ?? ALL_RULES;
  let settings: ServiceSettings = { ...DEFAULT_SERVICE_SETTINGS, ...options.settings };
  const facts = new Map<string, DocumentFacts>();
  const stats: ServiceStats = { analyses: 0, analysesElsewhere: 0, stretchAnalysesElsewhere: 0, editedElsewhere: 0, ruleRuns: 0, ruleRunsElsewhere: 0, findingsComputed: 0, entriesReused: 0, referencesTakenOver: 0 };
  const kept = new FindingsCache(() => index.factsStamp);
  const catalogChanged = (): void => {
    kept.catalogChanged();
    kept.workspaceChanged();
  };
  catalog.onDidChange(catalogChanged);
  /** Indexes a document; the workspace changed when its analysis did. */
  const indexed = (uri: string, text: string, version: number, documentFacts: DocumentFacts | undefined, analyzed?: DocumentAnalysis, keep: Keep = 'whole', lines?: LineIndex, citations?: CitationList): IndexedDocument => {
    const before = index.get(uri);
    rememberFacts(uri, documentFacts);
    const doc = index.update(uri, text, version, analyzeOptions(uri, documentFacts), keep, analyzed, lines, citations);
    // An open document's next version: what the rules keep per version is made from the previous one's.
    if (before && !asEntry(keep) && before.text !== doc.text) versionFollows(doc, before);
    if (doc.analysis !== before?.analysis) {
      if (!analyzed) stats.analyses++;
      kept.workspaceChanged();
    }
    return doc;
  };
  /** What a document's findings are kept under besides its analysis: the settings, the date, its glossary and glossary file. */
  const localOf = (uri: string, today: string): readonly unknown[] => [settings, today, glossaries.forDocument(uri), glossaries.workspaceFileFor(uri)];
  /**
   * The checks to run beside an analysis elsewhere: every rule of ALL_RULES that is on (the analyzer
   * runs those that read only the document), but those that read the workspace when they last ran
   * here: the analyzer would leave them out after running them up to their first look at it (a rule
   * that read nothing of it on some document goes back to the analyzer).
   */
  const checksOf = (): DocumentChecks => ({
    codes: rules.filter((r) => ALL_RULES.includes(r) && severityOf(r, settings.diagnostics) !== 'off' && !kept.readsWorkspace(r.code)).map((r) => r.code),
    settings: settings.diagnostics,
    locale: settings.locale,
    today: context().today,
    online: settings.online,
  });
  const computeChecked = async (doc: IndexedDocument, signal?: AbortSignal): Promise<CheckedFinding[]> => {
    const ctx = context();
    const glossaryLocal = localOf(doc.uri, ctx.today);
    // Findings are kept only beside a document the index holds whole: the kept entry holds its analysis.
    try {
      return await keptFindings(doc, ctx, glossaryLocal, signal);
    } finally {
      // (Not a newer version's findings: this computation may end after that version was indexed.)
      if (index.get(doc.uri) !== doc) kept.forget(doc.uri, doc.analysis);
    }
  };
  const keptFindings = (doc: IndexedDocument, ctx: FeatureContext, glossaryLocal: readonly unknown[], signal?: AbortSignal): Promise<CheckedFinding[]> => {
    return kept.findings(doc, glossaryLocal, (cache) => {
      stats.findingsComputed++;
      const onError = (code: string, e: unknown) => logger.error(`rule ${code} failed on ${doc.uri}: ${(e as Error).stack ?? String(e)}`);
      return computeFindings(doc, ctx, settings.diagnostics, rules, onError, {
        cache,
        ...(options.slice ? { slice: options.slice } : {}),
        ...(signal ? { signal } : {}),
        onRule: () => stats.ruleRuns++,
        onTaken: (_code, count) => (stats.referencesTakenOver += count),
      });
    });
  };

  const context = (): FeatureContext => ({
    index,
    catalog,
    locale: settings.locale,
    today: settings.today || isoDate(clock()),
    glossaries,
    online: settings.online,
  });

  /**
   * What was made beside a document's analysis elsewhere, taken over by the document (of that
   * analysis): the word index, what the rules prepare, and the findings of the rules run beside it,
   * kept as this version's when what they read (`checkedWith`) is still so.
   */
  const takeOver = (doc: IndexedDocument, made: AnalyzedElsewhere, checkedWith: readonly unknown[]): void => {
    // The worker sends its word index with a whole analysis only: a stretch's line items are made here
    // from the previous version's and the words around the change (features/lineItems.ts).
    if (made.words) DocumentWords.adopt(doc, made.words);
    else DocumentWords.notFollowing(doc);
    if (made.prepared) adoptPrepared(doc, made.prepared);
    const local = localOf(doc.uri, context().today);
    if (!local.every((x, i) => x === checkedWith[i])) return;
    const count = (seeded: number): void => {
      stats.ruleRuns += seeded;
      stats.ruleRunsElsewhere += seeded;
    };
    if (made.findings) count(kept.seed(doc, local, made.findings));
    if (made.findingsLater) kept.seedLater(doc, local, made.findingsLater, count);
  };

  /** The job that has a document analyzed elsewhere, with the checks that read only it or without them. */
  const jobOf = (uri: string, text: string, documentFacts: DocumentFacts | undefined, withChecks: boolean, entry?: 'entry' | 'metadata'): AnalysisJob => {
    const file = glossaries.workspaceFileFor(uri);
    const folder = options.folderOf?.(uri);
    return {
      uri,
      text,
      ...factsOfJob(documentFacts),
      ...(folder !== undefined ? { glossaryFolder: folder } : {}),
      ...(file ? { glossaryFile: { uri: file.uri, ...(file.text !== undefined ? { text: file.text } : {}) } } : {}),
      ...(withChecks ? { checks: checksOf() } : {}),
      ...(entry ? { withoutInstruments: true, ...(entry === 'entry' ? { citationsOnly: true } : { metadataOnly: true }) } : {}),
    };
  };

  /** What a job carries of a document's facts. */
  const factsOfJob = (f: DocumentFacts | undefined): Pick<AnalysisJob, 'known' | 'documentDate'> => ({ ...(f?.known ? { known: f.known } : {}), ...(f?.documentDate ? { documentDate: f.documentDate } : {}) });

  /** The facts a document is analyzed with from now on (`reanalyze` reads them again). */
  const rememberFacts = (uri: string, f: DocumentFacts | undefined): void => {
    if (f) facts.set(uri, f);
    else facts.delete(uri);
  };

  const removeDocument = (uri: string): void => {
    facts.delete(uri);
    kept.forget(uri);
    if (index.has(uri)) kept.workspaceChanged();
    index.remove(uri);
  };

  const analyzeOptions = (uri: string, f: DocumentFacts | undefined) => ({
    known: f?.known,
    instruments: glossaries.forDocument(uri).matcher,
    senses: glossaries.forDocument(uri).senses,
    ...(f?.documentDate ? { documentDate: f.documentDate } : {}),
  });

  return {
    index,
    catalog,
    glossaries,
    rules,
    logger,
    get settings() {
      return settings;
    },
    configure(changes) {
      settings = { ...settings, ...changes };
    },
    context,
    setDocument(uri, text, version, documentFacts, keep = 'whole') {
      options.beforeAnalysis?.(uri, text);
      return indexed(uri, text, version, documentFacts, undefined, keep);
    },
    wholeAgain(uri, text, version, documentFacts) {
      options.beforeAnalysis?.(uri, text);
      return index.wholeAgain(uri, text, version, analyzeOptions(uri, documentFacts));
    },
    async wholeAgainAsync(uri, text, version, documentFacts, signal) {
      const held = index.get(uri);
      if (held && held.text === text && held.version === version) return held;
      options.beforeAnalysis?.(uri, text);
      const analyzeWith = analyzeOptions(uri, documentFacts);
      if (options.analyzer) {
        const job: AnalysisJob = { ...jobOf(uri, text, documentFacts, true), once: true };
        const checkedWith = localOf(uri, job.checks?.today ?? '');
        const made = await options.analyzer.analyze(job, () => glossaries.bundledData, signal);
        if (signal?.aborted) throw signal.reason;
        // Made with the glossary this document still has (else analyzed here again, below).
        if (made && analyzeOptions(uri, documentFacts).instruments === analyzeWith.instruments) {
          stats.analyses++;
          stats.analysesElsewhere++;
          const lines = made.lineStarts ? LineIndex.withStarts(text, made.lineStarts) : new LineIndex(text);
          const doc: IndexedDocument = { uri, version, text, lines, metadata: made.analysis.metadata, analysis: made.analysis, known: documentFacts?.known };
          takeOver(doc, made, checkedWith);
          return doc;
        }
      }
      return index.wholeAgain(uri, text, version, analyzeOptions(uri, documentFacts));
    },
    async setDocumentAsync(uri, text, version, documentFacts, signal, asyncOptions) {
      options.beforeAnalysis?.(uri, text);
      for (;;) {
        const analyzeWith = analyzeOptions(uri, documentFacts);
        const keep = asyncOptions?.keep ?? 'whole';
        if (!options.analyzer || index.isCurrent(uri, text, analyzeWith)) return indexed(uri, text, version, documentFacts, undefined, keep);
        const job = jobOf(uri, text, documentFacts, !(asyncOptions?.checks === false || asEntry(keep)), asEntry(keep) ? keep : undefined);
        const checkedWith = localOf(uri, job.checks?.today ?? '');
        const made = await options.analyzer.analyze(job, () => glossaries.bundledData, signal);
        // Taking the analysis over is cut in a few steps, each after the event loop ran (a hover waits
        // for one step at most).
        if (made && options.slice) await options.slice();
        if (signal?.aborted) throw signal.reason;
        if (!made) return indexed(uri, text, version, documentFacts, undefined, keep);
        stats.analyses++;
        stats.analysesElsewhere++;
        if (made.how === 'stretch') stats.stretchAnalysesElsewhere++;
        if (made.fromEdit) stats.editedElsewhere++;
        // The glossary changed while the analysis was made elsewhere: it is made again with the new one.
        if (!asEntry(keep) && analyzeOptions(uri, documentFacts).instruments !== analyzeWith.instruments) continue;
        const doc = indexed(uri, text, version, documentFacts, made.analysis, keep, made.lineStarts && LineIndex.withStarts(text, made.lineStarts), made.citations);
        if (options.slice && !asEntry(keep)) await options.slice();
        if (doc.analysis === made.analysis) takeOver(doc, made, checkedWith);
        return doc;
      }
    },
    async indexFileAsync(uri, file, version, documentFacts, maxBytes, signal) {
      if (!options.analyzer?.analyzeFile || options.beforeAnalysis) return undefined;
      const facts = factsOfJob(documentFacts);
      // An entry made of the same bytes with the same facts in an earlier session is taken as it is.
      const cache = options.entryCache;
      const inputs = JSON.stringify(facts);
      const cached = cache?.lookup(file, inputs);
      const job: FileJob = { uri, file, maxBytes, ...facts, ...(cached ? { expect: cached.hash } : {}) };
      const answer = await options.analyzer.analyzeFile(job, () => glossaries.bundledData, signal);
      if (signal?.aborted) throw signal.reason;
      if (!answer) return undefined;
      if ('unread' in answer) {
        cache?.forget(file);
        removeDocument(uri);
        return answer;
      }
      let made: FileEntry;
      if ('unchanged' in answer) {
        if (!cached || answer.unchanged !== cached.hash) throw new Error(`${file}: unchanged against an entry not asked about`);
        stats.entriesReused++;
        made = cached.entry;
      } else {
        const { hash, ...entry } = answer;
        cache?.remember(file, inputs, hash, entry);
        stats.analyses++;
        stats.analysesElsewhere++;
        made = entry;
      }
      rememberFacts(uri, documentFacts);
      const entry = index.updateEntry(uri, version, made, analyzeOptions(uri, documentFacts));
      kept.workspaceChanged();
      return { entry, encoding: made.encoding, ...(made.invalid ? { invalid: made.invalid } : {}) };
    },
    reanalyze(uri) {
      const doc = index.get(uri);
      if (doc) options.beforeAnalysis?.(uri, doc.text);
      return doc && indexed(uri, doc.text, doc.version, facts.get(uri));
    },
    removeDocument,
    document: (uri) => index.get(uri),
    entry: (uri) => index.entry(uri),
    citedInWorkspace: () => [...index.citedKeys()].flatMap((key) => catalogKeyOf(key) ?? []),
    hover: (doc, offset) => hover(doc, offset, context()),
    definition: (doc, offset) => definition(doc, offset, context()),
    references: (doc, offset, includeDeclaration) => references(doc, offset, includeDeclaration, context()),
    documentLinks: (doc) => documentLinks(doc, context()),
    inlayHints: (doc, from, to) => inlayHints(doc, from, to, context(), settings.inlayHints),
    documentSymbols: (doc) => documentSymbols(doc, context()),
    workspaceSymbols: (query) => workspaceSymbols(query, context()),
    completion: (doc, offset) => completion(doc, offset, context(), settings.diagnostics.citationStyle),
    findings: computeChecked,
    invalidate: catalogChanged,
    stats,
    codeActions: (request) => codeActions(request, settings.locale),
    fetchCited: (doc, signal, force) => catalog.fetch(citedCatalogKeys(doc), signal, force),
  };
}

/** The documents a document cites: its Kamerstukken, its motions' Kamerstukken, its document numbers and the Handelingen publications it names. */
export function citedCatalogKeys(doc: IndexedDocument): CatalogKey[] {
  const keys: CatalogKey[] = [];
  for (const r of doc.analysis.references) {
    if (r.kind === 'kamerstuk') keys.push({ kind: 'kamerstuk', id: { dossier: r.dossier, nr: r.nr } });
    else if (r.kind === 'motion' && r.kamerstuk) keys.push({ kind: 'kamerstuk', id: { dossier: r.kamerstuk.dossier, nr: r.kamerstuk.nr } });
    else if (r.kind === 'documentNumber') keys.push({ kind: 'documentNumber', number: r.number });
    else if (r.kind === 'handelingen' && officialHandelingenId(r)) keys.push({ kind: 'handelingen', id: { chamber: r.chamber, year: r.year, nr: r.nr, ...(r.item ? { item: r.item } : {}), aanhangsel: r.aanhangsel } });
  }
  return keys;
}

/** A date in the local time zone, ISO. */
export function isoDate(now: Date): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}
