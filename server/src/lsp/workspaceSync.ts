/**
 * Keeps the index in step with the workspace: the documents open in the editor (their text wins),
 * the files on disk (read through io/textFiles), the workspace folders and what they exclude, the
 * glossaries (the nearest .kamerwijzer/glossary.json within the workspace folder applies) and
 * manifests. Scans run in the background, a newer scan cancelling an older one. An edit of an open
 * document is analyzed at once, off the main thread (the service's analyzer, a worker thread): a
 * newer version drops the analysis of an older one, and requests that need no current analysis are
 * answered meanwhile from the last one (`view`).
 *
 * One document's trouble stays with it: binary or oversized text is not analyzed (one notice); an
 * analysis that throws is shown once, the document's diagnostics are cleared, and requests are
 * answered from its last good analysis until it can be analyzed again.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FileChangeType, TextDocuments } from 'vscode-languageserver/node';
import { TextDocument, type Position, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { identityKeys, type IndexEntry, type IndexedDocument } from '../catalog/workspaceIndex';
import { MANIFEST_FILE_NAME } from '../engine/manifest';
import { glossaryFolderOf, GlossaryFolders, isInside, isWorkspaceGlossaryPath, readWorkspaceGlossary, workspaceGlossaryPath } from '../io/glossary';
import { ManifestLookup, summarizeProblems } from '../io/manifests';
import { bundledEngineId, IndexCache, isBundled, type IndexCacheProblem } from '../io/indexCache';
import { BINARY_CHECK_CHARS, isDocumentFile, looksBinaryText, readTextFile } from '../io/textFiles';
import { yieldToEventLoop } from '../io/workspaceScanner';
import { messages, type Locale, type Messages } from '../l10n';
import type { Kamerwijzer, ReplacedBytes } from '../service/kamerwijzer';
import type { ServerSettings } from './settings';
import type { EditTrail, TextEditPlace } from './editTrail';
import { StaleView } from './staleView';
import { WorkspaceFolders } from './workspaceFolders';

/** From this length an open document's text is checked and handed to the analyzer in separate tasks. */
const YIELD_BEFORE_ANALYSIS_FROM = 256 * 1024;

/** What the sync tells the rest of the server. */
export interface SyncListener {
  /** Something every open document's findings depend on changed (a glossary, a finished scan). */
  recheckAll(): void;
  /** The documents citing these keys depend on a document whose identity changed. */
  recheckDependents(uris: ReadonlySet<string>): void;
  /** An open document settled after an edit (push clients get its diagnostics). */
  settled(uri: string): void;
  /** The index changed on its own: a scan, file events or a re-read after closing finished. */
  indexed(): void;
  /** A document was closed. */
  closed(uri: string): void;
  /** A problem the user should see once (a notification). */
  warn(message: string): void;
  /** A failure the user should see once (a notification). */
  error(message: string): void;
}

/**
 * How many files a scan has read and analyzed at a time (by the analyzer's workers): enough that a
 * worker never waits for the next file while the main thread takes a result over (12 was measured no
 * quicker on two cores).
 */
const SCAN_FILES_IN_FLIGHT = 6;

/** How long after the last file event the index cache is written. */
const SAVE_ENTRIES_AFTER_MS = 5000;
/** How long a shutdown waits at most for the index cache to be written (within the 2 s a client gives a server to stop). */
const SHUTDOWN_WAITS_MS = 1500;

/** An analysis of an open document under way. */
interface Analysis {
  readonly version: number;
  readonly promise: Promise<IndexedDocument | undefined>;
  readonly abort: AbortController;
}

export class WorkspaceSync {
  /** The editor's documents; each edit is told to the edit trail (where the text changed since the worker's version). */
  readonly documents = new TextDocuments<TextDocument>({ create: TextDocument.create, update: (doc, changes, version) => updated(doc, changes, version, (uri, before, after, place) => this.edited(uri, before, after, place)) });
  /**
   * Per open document found to be no binary text: how many of its first characters are unchanged
   * since (the check reads no further, so an edit past them leaves the answer as it was, and the
   * text just made of the edit is not read whole for it).
   */
  private readonly unchangedSinceChecked = new Map<string, number>();
  readonly folders = new WorkspaceFolders();
  private readonly manifests: ManifestLookup;
  private scanning = false;
  private scanGeneration = 0;
  /** Versions of documents read from disk are negative, so they never equal an editor's version. */
  private diskVersion = 0;
  /** Open documents that are not analyzed (binary or too large), with the reason told. */
  private readonly refused = new Map<string, 'binary' | 'tooLarge'>();
  /** Open documents whose current version could not be analyzed: that version. */
  private readonly failedVersions = new Map<string, number>();
  /** Documents whose failure was shown (once while open) and logged (once until analyzed again). */
  private readonly failureShown = new Set<string>();
  private readonly failureLogged = new Set<string>();
  /** The glossary text last warned about per folder (a broken file is reported once). */
  private readonly glossaryWarned = new Map<string, string>();
  /** Analyses of open documents under way, one per document (its newest version). */
  private readonly analyses = new Map<string, Analysis>();
  /** The last view of each document (`view`). */
  private readonly views = new Map<string, { readonly doc: IndexedDocument; readonly version: number; readonly view: StaleView }>();
  /** Per open document: aborted when its version is superseded (findings of an old version stop). */
  private readonly versionSignals = new Map<string, { readonly version: number; readonly abort: AbortController }>();
  /** Analyses of files read from disk under way (in the worker), one per file: dropped when the file is opened, deleted or read again. */
  private readonly diskAnalyses = new Map<string, AbortController>();
  /** Which folders have a glossary file; those below a workspace folder that are loaded. */
  private readonly glossaryFolders = new GlossaryFolders();
  private readonly subGlossaries = new Set<string>();

  constructor(
    private readonly service: Kamerwijzer,
    private readonly settings: ServerSettings,
    private readonly listener: SyncListener,
    /** The index kept between sessions (the service reads and adds to it; the sync loads and writes it). */
    private readonly entryCache?: IndexCache,
    /** Where open documents changed since the analyzer was given them (the analyzer takes it: lsp/editTrail.ts). */
    private readonly edits?: EditTrail,
  ) {
    // A manifest's problems are one log line, however many there are.
    this.manifests = new ManifestLookup(({ file, problems, usable }) => {
      const m = messages(settings.locale).manifest;
      const { first, more } = summarizeProblems(problems);
      service.logger.warn(usable ? m.problems(file, problems.length, first, more) : m.unusable(file, first));
    });
    this.documents.onDidChangeContent((e) => this.changed(e.document.uri));
    this.documents.onDidClose((e) => this.close(e.document.uri));
  }

  /** How far indexing is. */
  get isScanning(): boolean {
    return this.scanning;
  }

  /**
   * The glossary folder of a document URI: the nearest folder with a loaded glossary file between
   * the document and its workspace folder, else the workspace folder; undefined outside the workspace.
   */
  folderOfUri(uri: string): string | undefined {
    const p = pathOf(uri);
    const top = p ? this.folders.folderOf(p) : undefined;
    if (!p || !top) return undefined;
    const near = this.glossaryFolders.nearest(path.dirname(p), top);
    return near && this.subGlossaries.has(near) ? near : top;
  }

  /**
   * The indexed document of a URI, analyzed at the editor's current version when it is open — or,
   * when that version cannot be analyzed, the last good analysis (undefined for refused text).
   */
  current(uri: string): IndexedDocument | undefined {
    const open = this.documents.get(uri);
    if (open && this.service.document(uri)?.version !== open.version && this.failedVersions.get(uri) !== open.version) return this.indexOpen(open);
    return this.service.document(uri);
  }

  /**
   * The document whose findings can be shown: an open document at the editor's current version
   * (undefined when that version is refused or could not be analyzed), else the indexed one.
   */
  checkable(uri: string): IndexedDocument | undefined {
    const doc = this.current(uri);
    const open = this.documents.get(uri);
    return doc && (!open || doc.version === open.version) ? doc : undefined;
  }

  /**
   * The indexed document of a URI analyzed at the editor's current version, without holding up the
   * main thread: the analysis is made by the service's analyzer (a worker), one per version, a newer
   * version dropping an older one. Else as `current`: the last good analysis when this version
   * cannot be analyzed, undefined for refused text.
   */
  analyzed(uri: string): Promise<IndexedDocument | undefined> {
    const open = this.documents.get(uri);
    const doc = this.service.document(uri);
    if (!open || doc?.version === open.version || this.failedVersions.get(uri) === open.version) return Promise.resolve(doc);
    const running = this.analyses.get(uri);
    if (running?.version === open.version) return running.promise;
    return this.startAnalysis(open);
  }

  /** As `checkable`, waiting for the analysis of the editor's current version (and of any newer one that arrives meanwhile). */
  async checkableNow(uri: string): Promise<IndexedDocument | undefined> {
    // A file the editor does not have open: read again (the index keeps only its entry).
    if (!this.documents.get(uri)) return this.whole(uri);
    for (;;) {
      const version = this.documents.get(uri)?.version;
      const doc = await this.analyzed(uri);
      const open = this.documents.get(uri);
      if (open?.version !== version) continue;
      return doc && (!open || doc.version === open.version) ? doc : undefined;
    }
  }

  /**
   * The last analysis of a document as seen from the editor's current text, at once: what requests
   * about places are answered from while a newer version is analyzed. Waits only when the document
   * has no analysis yet.
   */
  async view(uri: string): Promise<StaleView | undefined> {
    const open = this.documents.get(uri);
    let doc = this.service.document(uri);
    if (open && !doc) doc = await this.analyzed(uri);
    else if (!open && !doc) doc = await this.whole(uri);
    else if (open && doc?.version !== open.version) void this.analyzed(uri).catch(() => undefined);
    if (!doc) return undefined;
    // Refused text (binary, too large) has no analysis to answer from.
    if (open && this.refused.has(uri)) return undefined;
    if (!open) return new StaleView(doc, undefined);
    // One view per analysis and editor version of an open document: the changed stretch is found once.
    const kept = this.views.get(uri);
    if (kept && kept.doc === doc && kept.version === open.version) return kept.view;
    // Where the editor's text differs from the analyzed one, as the edits since tell it (not found by comparing the two).
    const view = new StaleView(doc, open, doc.version === open.version ? undefined : this.edits?.stretchFrom(uri, doc.text, open.getText()));
    this.views.set(uri, { doc, version: open.version, view });
    return view;
  }

  /** Aborted when the open document's current version is superseded or closed (its findings are no longer wanted). */
  versionSignal(uri: string): AbortSignal | undefined {
    const open = this.documents.get(uri);
    if (!open) return undefined;
    let held = this.versionSignals.get(uri);
    if (held?.version !== open.version) {
      held?.abort.abort(new VersionSuperseded(uri));
      this.versionSignals.set(uri, (held = { version: open.version, abort: new AbortController() }));
    }
    return held.abort.signal;
  }

  /** Analyzes an open document's current version through the service's analyzer; a newer version drops it. */
  private startAnalysis(open: TextDocument): Promise<IndexedDocument | undefined> {
    const uri = open.uri;
    this.analyses.get(uri)?.abort.abort(new VersionSuperseded(uri));
    const abort = new AbortController();
    const promise = this.analyzeOpen(open, abort.signal).then(
      (doc) => doc,
      (e: unknown) => {
        if (!(e instanceof VersionSuperseded)) throw e;
        // A newer version (or closing) dropped this analysis: the caller gets the newest one's.
        return this.analyzed(uri);
      },
    );
    const analysis: Analysis = { version: open.version, promise, abort };
    this.analyses.set(uri, analysis);
    const done = (): void => {
      if (this.analyses.get(uri) === analysis) this.analyses.delete(uri);
    };
    promise.then(done, done);
    return promise;
  }

  /**
   * `indexOpen` through the service's analyzer: refused text leaves the index (one notice); an
   * analysis that fails keeps the last good one. Rejects with VersionSuperseded when dropped.
   */
  private async analyzeOpen(doc: TextDocument, signal: AbortSignal): Promise<IndexedDocument | undefined> {
    const text = doc.getText();
    if (this.refuse(doc, text)) return undefined;
    // A large text was just read whole (made one string after the edit, its bytes counted): it is
    // handed to the analyzer in a task of its own (requests are answered in between).
    if (text.length >= YIELD_BEFORE_ANALYSIS_FROM) {
      await yieldToEventLoop();
      if (signal.aborted) throw signal.reason;
    }
    const p = pathOf(doc.uri);
    try {
      if (p) this.discoverGlossary(p);
      const known = p ? this.manifests.factsFor(p) : undefined;
      const before = this.service.entry(doc.uri);
      // The analysis's own signal goes with it once made; what is still made of this version afterwards
      // (the worker's findings) stops with the version's signal, when a newer version or closing comes.
      const version = this.versionSignal(doc.uri);
      const indexed = await this.service.setDocumentAsync(doc.uri, text, doc.version, known ? { known } : undefined, version ? AbortSignal.any([signal, version]) : signal);
      this.dependentsOnIdentity(before, indexed);
      this.failedVersions.delete(doc.uri);
      this.failureLogged.delete(doc.uri);
      return indexed;
    } catch (e) {
      if (signal.aborted) throw signal.reason;
      this.analysisFailed(doc.uri, e, doc.version);
      return this.service.document(doc.uri);
    }
  }

  /** Sets the workspace folders (initialize, or folders added and removed). */
  setFolders(paths: readonly string[]): void {
    const removed = this.folders.paths.filter((f) => !paths.includes(f));
    for (const f of removed) this.service.glossaries.removeFolder(f);
    for (const sub of [...this.subGlossaries]) {
      if (!removed.some((f) => isInside(sub, f))) continue;
      this.subGlossaries.delete(sub);
      this.service.glossaries.removeFolder(sub);
    }
    this.folders.set(paths);
  }

  /** Exclusions or the size limit changed, or folders changed: forget what is now excluded and scan again. */
  rescan(): void {
    this.folders.setGlobs(this.settings.exclusions);
    this.dropExcluded();
    this.glossaryFolders.forget();
    for (const f of this.folders.paths) this.loadFolderGlossary(f);
    for (const sub of [...this.subGlossaries]) this.glossaryChanged(sub, this.glossaryFolders.nearest(sub, sub) === sub);
    void this.scan();
  }

  /** Handles file events of the watched files; the index's new state is announced when they are done. */
  async filesChanged(changes: readonly { uri: string; type: FileChangeType }[]): Promise<void> {
    try {
      await this.applyFileChanges(changes);
    } finally {
      this.listener.indexed();
      this.saveEntriesLater();
    }
  }

  private saveTimer: NodeJS.Timeout | undefined;

  /**
   * The server shuts down: the index cache is written now if entries were made since its last write
   * (during a scan, with the entries of the files the scan has not come to), and awaited.
   */
  async shutdown(): Promise<void> {
    clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    void this.entryCache?.save({ scanning: this.scanning });
    // A cache folder that does not answer holds the shutdown up a little at most.
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([this.entryCache?.settled(), new Promise((resolve) => (timer = setTimeout(resolve, SHUTDOWN_WAITS_MS)))]);
    clearTimeout(timer);
  }

  /** The index cache is written a while after files changed, if that made entries (a scan under way writes it when done). */
  private saveEntriesLater(): void {
    if (!this.entryCache) return;
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => {
      this.saveTimer = undefined;
      if (!this.scanning) void this.entryCache?.save();
    }, SAVE_ENTRIES_AFTER_MS);
    this.saveTimer.unref?.();
  }

  private async applyFileChanges(changes: readonly { uri: string; type: FileChangeType }[]): Promise<void> {
    // A document's event may come twice, from its own watcher and the folders' (WATCHED_FOLDER_GLOB).
    const told = new Set<string>();
    for (const change of changes) {
      const key = `${change.type} ${change.uri}`;
      if (told.has(key)) continue;
      told.add(key);
      const p = pathOf(change.uri);
      if (!p) continue;
      if (isWorkspaceGlossaryPath(p)) {
        const folder = glossaryFolderOf(p);
        if (this.folders.folderOf(folder)) this.glossaryChanged(folder, change.type !== FileChangeType.Deleted);
      } else if (path.basename(p) === MANIFEST_FILE_NAME) {
        await this.manifestChanged(p);
      } else if (path.basename(p) === '.gitignore') {
        this.folders.resetGitignores();
        this.dropExcluded();
        void this.scan();
      } else if (isDocumentFile(p) && this.folders.folderOf(p)) {
        if (change.type === FileChangeType.Deleted) {
          if (!this.documents.get(change.uri)) {
            this.dropDiskAnalysis(change.uri);
            this.removeFromIndex(change.uri);
          }
        } else if (!this.folders.isExcluded(p)) {
          await this.indexFile(p);
        }
      } else if (this.folders.folderOf(p)) {
        // A folder: deleting or renaming one is told as one event for the folder, none for its files.
        if (change.type === FileChangeType.Deleted) this.folderDeleted(p);
        else if (change.type === FileChangeType.Created) await this.folderCreated(p);
      }
    }
  }

  /** A folder was deleted (or renamed away): the documents read from disk below it leave the index, a glossary in it goes. */
  private folderDeleted(folder: string): void {
    for (const doc of [...this.service.index.entries()]) {
      const p = pathOf(doc.uri);
      if (!p || !isInside(p, folder) || this.documents.get(doc.uri)) continue;
      this.dropDiskAnalysis(doc.uri);
      this.removeFromIndex(doc.uri);
    }
    for (const f of [...this.folders.paths, ...this.subGlossaries]) if (isInside(workspaceGlossaryPath(f), folder)) this.glossaryChanged(f, false);
  }

  /** A folder appeared (created, renamed or moved here): the documents below it are indexed (those not excluded). */
  private async folderCreated(folder: string): Promise<void> {
    const workspaceFolder = this.folders.folderOf(folder);
    if (!workspaceFolder || folder === workspaceFolder || this.folders.isExcluded(folder, true) || !(await isDirectory(folder))) return;
    for await (const file of this.folders.documentsBelow(folder)) await this.indexFile(file);
  }

  /** Whether the index holds this file (read from disk, or open). */
  indexesFile(file: string): boolean {
    return !!this.service.entry(URI.file(file).toString());
  }

  /** Scans every workspace folder in the background; a newer scan cancels an older one. */
  private async scan(): Promise<void> {
    const generation = ++this.scanGeneration;
    this.scanning = true;
    const started = Date.now();
    let count = 0;
    const reusedBefore = this.service.stats.entriesReused;
    try {
      // What an earlier session made of the files (whose bytes are unchanged) is taken as it is.
      await this.entryCache?.load(this.folders.paths).catch(() => undefined);
      // Several files at a time, each read and analyzed by one of the analyzer's workers (several at
      // once where it has more than one).
      const inFlight = new Set<Promise<void>>();
      for await (const file of this.folders.documents(() => generation !== this.scanGeneration)) {
        const indexing: Promise<void> = this.indexFile(file)
          .catch((e: unknown) => this.service.logger.error(`indexing ${file} failed: ${(e as Error)?.stack ?? String(e)}`))
          .finally(() => inFlight.delete(indexing));
        inFlight.add(indexing);
        if (inFlight.size >= SCAN_FILES_IN_FLIGHT) await Promise.race(inFlight);
        count++;
        if (count % 20 === 0) await yieldToEventLoop();
      }
      await Promise.all(inFlight);
    } finally {
      if (generation === this.scanGeneration) {
        this.scanning = false;
        const reused = this.service.stats.entriesReused - reusedBefore;
        this.service.logger.info(`indexed ${count} documents in ${Date.now() - started} ms${reused ? ` (${reused} unchanged since they were last indexed)` : ''}.`);
        void this.entryCache?.save();
        this.listener.indexed();
        this.listener.recheckAll();
      }
    }
  }

  /** An editor document changed: its analysis starts at once (dropping an older version's); once made, the document settled. */
  private changed(uri: string): void {
    const open = this.documents.get(uri);
    if (!open) return;
    // The editor's text wins over the file read from disk.
    this.dropDiskAnalysis(uri);
    this.versionSignal(uri);
    const version = open.version;
    this.analyzed(uri).then(
      () => {
        if (this.documents.get(uri)?.version === version) this.listener.settled(uri);
      },
      (err: unknown) => this.service.logger.error(`analysis of ${uri} failed: ${(err as Error)?.stack ?? String(err)}`),
    );
  }

  private close(uri: string): void {
    this.analyses.get(uri)?.abort.abort(new VersionSuperseded(uri));
    this.analyses.delete(uri);
    this.versionSignals.get(uri)?.abort.abort(new VersionSuperseded(uri));
    this.versionSignals.delete(uri);
    this.views.delete(uri);
    this.edits?.forget(uri);
    this.unchangedSinceChecked.delete(uri);
    this.refused.delete(uri);
    this.failedVersions.delete(uri);
    this.failureShown.delete(uri);
    this.failureLogged.delete(uri);
    this.listener.closed(uri);
    const p = pathOf(uri);
    // The file on disk (if it belongs to the workspace) replaces the editor's text. Until it is read,
    // the index keeps only the closed text's entry (what other documents ask of it): the closed text
    // whole, at the editor's version, would pass for the text of the same document opened again at
    // that version (an editor starts again at version 1).
    if (p && this.folders.folderOf(p) && isDocumentFile(p) && !this.folders.isExcluded(p)) {
      this.service.index.release(uri);
      this.indexFile(p)
        .catch((e: unknown) => this.service.logger.error(`reading ${p} failed: ${(e as Error).message}`))
        .finally(() => {
          this.listener.indexed();
          this.saveEntriesLater();
        });
    } else this.removeFromIndex(uri);
  }

  /**
   * Indexes an open editor document (the editor's text wins over the file on disk). Binary or
   * oversized text leaves the index (one notice); an analysis that fails keeps the last good one.
   */
  private indexOpen(doc: TextDocument): IndexedDocument | undefined {
    const text = doc.getText();
    if (this.refuse(doc, text)) return undefined;
    const p = pathOf(doc.uri);
    try {
      if (p) this.discoverGlossary(p);
      const indexed = this.update(doc.uri, text, doc.version, p ? this.manifests.factsFor(p) : undefined);
      this.failedVersions.delete(doc.uri);
      this.failureLogged.delete(doc.uri);
      return indexed;
    } catch (e) {
      this.analysisFailed(doc.uri, e, doc.version);
      return this.service.document(doc.uri);
    }
  }

  /** An edit of an open document (undefined `place`: the whole text replaced), made by the editor's changes. */
  private edited(uri: string, before: string, after: string, place: TextEditPlace | undefined): void {
    this.edits?.record(uri, before, after, place);
    const unchanged = this.unchangedSinceChecked.get(uri);
    if (unchanged !== undefined) this.unchangedSinceChecked.set(uri, Math.min(unchanged, place?.start ?? 0));
  }

  /** Binary or oversized text is not analyzed: it leaves the index, with one notice. */
  private refuse(doc: TextDocument, text: string): boolean {
    const max = this.settings.current.maxFileSize;
    // A UTF-8 byte takes at most 3 per UTF-16 unit: the bytes are counted only for a text that may be too large.
    const checked = (this.unchangedSinceChecked.get(doc.uri) ?? 0) >= BINARY_CHECK_CHARS;
    const refusal = text.length > max || (text.length * 3 > max && Buffer.byteLength(text, 'utf8') > max) ? 'tooLarge' : !checked && looksBinaryText(text) ? 'binary' : undefined;
    if (!refusal) {
      this.refused.delete(doc.uri);
      this.unchangedSinceChecked.set(doc.uri, Infinity);
      return false;
    }
    this.unchangedSinceChecked.delete(doc.uri);
    if (this.refused.get(doc.uri) !== refusal) {
      this.refused.set(doc.uri, refusal);
      const m = messages(this.settings.locale).server;
      const name = path.basename(pathOf(doc.uri) ?? doc.uri);
      this.listener.warn(refusal === 'tooLarge' ? m.tooLarge(name, max) : m.binary(name));
    }
    this.removeFromIndex(doc.uri);
    return true;
  }

  /** An analysis threw: logged once (until the document can be analyzed again), shown once while it is open; its diagnostics go. */
  private analysisFailed(uri: string, e: unknown, openVersion?: number): void {
    if (!this.failureLogged.has(uri)) {
      this.failureLogged.add(uri);
      this.service.logger.error(`analysis of ${uri} failed: ${(e as Error)?.stack ?? String(e)}`);
    }
    if (openVersion === undefined) return;
    this.failedVersions.set(uri, openVersion);
    if (!this.failureShown.has(uri)) {
      this.failureShown.add(uri);
      this.listener.error(messages(this.settings.locale).server.analysisFailed(path.basename(pathOf(uri) ?? uri), (e as Error)?.message ?? String(e)));
    }
  }

  /**
   * Indexes (or re-indexes) a file from disk, unless the editor has it open; a file that cannot be
   * read leaves the index. A worker reads and analyzes it (its text never comes to this thread), or,
   * where none can, it is read here and analyzed by the worker or here.
   */
  private async indexFile(file: string): Promise<void> {
    const uri = URI.file(file).toString();
    if (this.documents.get(uri)) return;
    const max = this.settings.current.maxFileSize;
    // One analysis per file: an older one still running is dropped.
    this.dropDiskAnalysis(uri);
    const abort = new AbortController();
    this.diskAnalyses.set(uri, abort);
    try {
      this.discoverGlossary(file);
      const known = this.manifests.factsFor(file);
      const facts = known ? { known } : undefined;
      const before = this.service.entry(uri);
      const version = -++this.diskVersion;
      const elsewhere = await this.service.indexFileAsync(uri, file, version, facts, max, abort.signal);
      let doc: IndexEntry;
      if (elsewhere) {
        // Unread (deleted meanwhile, unreadable, binary or too large): it left the index.
        if ('unread' in elsewhere) return this.dependentsOnIdentity(before, undefined);
        this.logInvalidBytes(file, elsewhere);
        doc = elsewhere.entry;
      } else {
        const read = await readTextFile(file, max);
        if (abort.signal.aborted || this.documents.get(uri)) return;
        if (!read.ok) {
          this.removeFromIndex(uri);
          return;
        }
        this.logInvalidBytes(file, read);
        doc = await this.service.setDocumentAsync(uri, read.text, version, facts, abort.signal, { checks: false, keep: 'entry' });
      }
      if (this.folders.isExcluded(file) || !this.folders.folderOf(file)) {
        // Excluded (or its folder removed) while it was analyzed.
        this.removeFromIndex(uri);
        return;
      }
      this.dependentsOnIdentity(before, doc);
      this.failureLogged.delete(uri);
    } catch (e) {
      // Dropped (opened, deleted or read again meanwhile): the newer state stands.
      if (abort.signal.aborted) return;
      // The scan goes on; the index keeps what it had of this file.
      this.analysisFailed(uri, e);
    } finally {
      if (this.diskAnalyses.get(uri) === abort) this.diskAnalyses.delete(uri);
    }
  }

  /** Bytes of a file not valid in its encoding (replaced by U+FFFD) are told in the log. */
  private logInvalidBytes(file: string, read: { readonly encoding: string; readonly invalid?: ReplacedBytes | undefined }): void {
    if (!read.invalid) return;
    const { line, column, offset, count } = read.invalid;
    this.service.logger.info(messages(this.settings.locale).encoding.invalid(file, line, column, read.encoding, offset, count));
  }

  /** A file's analysis from disk is no longer wanted. */
  private dropDiskAnalysis(uri: string): void {
    this.diskAnalyses.get(uri)?.abort(new VersionSuperseded(uri));
    this.diskAnalyses.delete(uri);
  }

  /** Updates the index; when a document's identity or title changes, its dependents are checked again. */
  private update(uri: string, text: string, version: number, known: ReturnType<ManifestLookup['factsFor']>, keep: 'whole' | 'entry' = 'whole'): IndexedDocument {
    const before = this.service.entry(uri);
    const doc = this.service.setDocument(uri, text, version, known ? { known } : undefined, keep);
    this.dependentsOnIdentity(before, doc);
    return doc;
  }

  /**
   * A document's identity or title changed, or it came or went (`doc` undefined): the letters that
   * cite it are checked again, and, when its title changed, every open letter (one may name the title
   * without citing it). During a scan nothing is: every open letter is checked when it ends.
   */
  private dependentsOnIdentity(before: IndexEntry | undefined, doc: IndexEntry | undefined): void {
    if (doc === before || identity(before) === identity(doc) || this.scanning) return;
    const keys = [before, doc].flatMap((d) => (d ? identityKeys(d) : []));
    const dependents = this.service.index.documentsCiting(keys);
    if (before?.metadata.title !== doc?.metadata.title) for (const open of this.documents.keys()) dependents.add(open);
    this.listener.recheckDependents(dependents);
  }

  /** A document leaves the index; the letters that depend on it are checked again. */
  private removeFromIndex(uri: string): void {
    const before = this.service.entry(uri);
    this.service.removeDocument(uri);
    this.dependentsOnIdentity(before, undefined);
  }

  /** A manifest changed: the documents below it get their facts again. */
  private async manifestChanged(file: string): Promise<void> {
    this.manifests.invalidate(file);
    const dir = path.dirname(file);
    for (const doc of [...this.service.index.entries()]) {
      const p = pathOf(doc.uri);
      if (!p || !p.startsWith(dir + path.sep)) continue;
      const open = this.documents.get(doc.uri);
      if (open) this.indexOpen(open);
      else await this.indexFile(p);
    }
  }

  /** Drops indexed disk documents that the current exclusions exclude. */
  private dropExcluded(): void {
    for (const doc of [...this.service.index.entries()]) {
      const p = pathOf(doc.uri);
      if (p && !this.documents.get(doc.uri) && (this.folders.isExcluded(p) || !this.folders.folderOf(p))) this.service.removeDocument(doc.uri);
    }
  }

  /**
   * (Re)reads a folder's .kamerwijzer/glossary.json. A broken file is reported once (until its text
   * changes) and the bundled glossary stays in use; when the glossary changed, the folder's documents
   * are analyzed again and every open document checked again.
   */
  private loadFolderGlossary(folder: string): void {
    const file = workspaceGlossaryPath(folder);
    const text = readWorkspaceGlossary(folder);
    const update = this.service.glossaries.setFolder(folder, URI.file(file).toString(), text);
    if (update.problems.length && text !== undefined && this.glossaryWarned.get(folder) !== text) {
      this.glossaryWarned.set(folder, text);
      const { first, more } = summarizeProblems(update.problems);
      this.service.logger.warn(`${file}: ${first}${more ? ` (+${more})` : ''}`);
      const m = messages(this.settings.locale);
      this.listener.warn(update.broken ? m.glossary.unusable(file, update.problems[0]!) : m.glossary.problems(file, update.problems.length, update.problems[0]!));
    } else if (!update.problems.length) this.glossaryWarned.delete(folder);
    if (update.changed) this.reanalyzeBelow(folder);
  }

  /** The documents below a folder are analyzed again with the glossary that now applies to them; every open document is checked again. */
  private reanalyzeBelow(folder: string): void {
    // Of a file the editor does not have open the index keeps an entry, which no glossary changes.
    for (const doc of [...this.service.index.wholeDocuments()]) {
      const p = pathOf(doc.uri);
      if (!p || !isInside(p, folder)) continue;
      try {
        this.service.reanalyze(doc.uri);
      } catch (e) {
        this.analysisFailed(doc.uri, e, this.documents.get(doc.uri)?.version);
      }
    }
    this.listener.recheckAll();
  }

  /**
   * A document whole, for a request about it: the editor's when open (as `current`), else the file,
   * which the index keeps as its entry only, read and analyzed again (and kept whole for a while).
   */
  async whole(uri: string): Promise<IndexedDocument | undefined> {
    if (this.documents.get(uri)) return this.current(uri);
    const held = this.service.document(uri);
    const p = pathOf(uri);
    if (held || !p || !this.service.entry(uri)) return held;
    const read = await readTextFile(p, this.settings.current.maxFileSize);
    if (this.documents.get(uri)) return this.current(uri);
    // Gone or unreadable since it was indexed (no file event told): it leaves the index, as on a read after an event.
    if (!read.ok) {
      this.removeFromIndex(uri);
      return undefined;
    }
    const known = this.manifests.factsFor(p);
    const before = this.service.entry(uri);
    const doc = this.service.setDocument(uri, read.text, -++this.diskVersion, known ? { known } : undefined, 'recent');
    // Changed on disk with no file event (a client that watches nothing): what depends on it is checked again.
    this.dependentsOnIdentity(before, doc);
    return doc;
  }

  /** Before a document in a sub-folder is analyzed, the nearest glossary above it is loaded. */
  private discoverGlossary(file: string): void {
    const top = this.folders.folderOf(file);
    const near = top ? this.glossaryFolders.nearest(path.dirname(file), top) : undefined;
    if (!near || near === top || this.subGlossaries.has(near)) return;
    this.subGlossaries.add(near);
    this.loadFolderGlossary(near);
  }

  /** A glossary file appeared, changed or went. */
  private glossaryChanged(folder: string, exists: boolean): void {
    this.glossaryFolders.set(folder, exists);
    if (this.folders.paths.includes(folder)) return this.loadFolderGlossary(folder);
    if (exists) {
      this.subGlossaries.add(folder);
      return this.loadFolderGlossary(folder);
    }
    if (!this.subGlossaries.delete(folder)) return;
    this.service.glossaries.removeFolder(folder);
    this.glossaryWarned.delete(folder);
    this.reanalyzeBelow(folder);
  }
}

/** An analysis (or findings computation) dropped because a newer version of its document arrived or it closed. */
export class VersionSuperseded extends Error {
  constructor(readonly uri: string) {
    super(`a newer version of ${uri} superseded this one`);
  }
}

function identity(d: IndexEntry | undefined): string {
  const m = d?.metadata;
  return JSON.stringify([m?.kamerstuk, m?.documentNumber, m?.title]);
}

/** The file system path of a file URI; undefined for other schemes. */
export function pathOf(uri: string): string | undefined {
  try {
    const u = URI.parse(uri);
    return u.scheme === 'file' ? u.fsPath : undefined;
  } catch {
    return undefined;
  }
}

/** True for a directory (false when it is gone or unreadable). */
async function isDirectory(p: string): Promise<boolean> {
  try {
    return (await fs.promises.stat(p)).isDirectory();
  } catch {
    return false;
  }
}

/**
 * The language server's index cache in the cache folder in use (`root`), telling its problems in the
 * log in the user's language; undefined where not bundled (bundledEngineId can tell no engine).
 */
export function serverIndexCache(root: () => string | undefined, indexed: (file: string) => boolean, locale: () => Locale, log: (message: string) => void): IndexCache | undefined {
  // The engine's id (a hash of the bundle) is made at the first scan, not while the server starts.
  return isBundled() ? new IndexCache({ root, engine: bundledEngineId, indexed, report: (p) => log(indexCacheMessage(messages(locale()).indexCache, p)) }) : undefined;
}

function indexCacheMessage(m: Messages['indexCache'], p: IndexCacheProblem): string {
  if (p.kind === 'unreadable') return m.unreadable(p.file, p.detail);
  if (p.kind === 'otherVersion') return m.otherVersion(p.file);
  if (p.kind === 'unwritable') return m.unwritable(p.detail);
  return m.full(p.kept, p.left);
}

/**
 * The editor's changes made to a document (as TextDocument.update makes them), each edit told with
 * its place in the text before it: the offsets the update itself reads the range as.
 */
function updated(doc: TextDocument, changes: readonly TextDocumentContentChangeEvent[], version: number, edited: (uri: string, before: string, after: string, place: TextEditPlace | undefined) => void): TextDocument {
  for (const change of changes) {
    const before = doc.getText();
    const place = 'range' in change && change.range ? editPlace(doc, change.range, change.text) : undefined;
    TextDocument.update(doc, [change], version);
    edited(doc.uri, before, doc.getText(), place);
  }
  return doc;
}

/** Where a change's range lies in the document's text before it (a range given backwards read forwards, as the update reads it). */
function editPlace(doc: TextDocument, range: { readonly start: Position; readonly end: Position }, inserted: string): TextEditPlace {
  const a = doc.offsetAt(range.start);
  const b = doc.offsetAt(range.end);
  return { start: Math.min(a, b), end: Math.max(a, b), inserted };
}
