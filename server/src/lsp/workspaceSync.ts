/**
 * Keeps the index in step with the workspace: the documents open in the editor (their text wins),
 * the files on disk (read through io/textFiles), the workspace folders and what they exclude, each
 * folder's glossary and manifests. Scans run in the background, a newer scan cancelling an older
 * one; an edit is analyzed once typing pauses, or at once when a request needs it.
 */
import * as path from 'node:path';
import { FileChangeType, TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { identityKeys, type IndexedDocument } from '../catalog/workspaceIndex';
import { MANIFEST_FILE_NAME } from '../engine/manifest';
import { isWorkspaceGlossaryPath, readWorkspaceGlossary, workspaceGlossaryPath } from '../io/glossary';
import { ManifestLookup } from '../io/manifests';
import { isDocumentFile, readTextFile } from '../io/textFiles';
import { yieldToEventLoop } from '../io/workspaceScanner';
import { messages } from '../l10n';
import type { Kamerwijzer } from '../service/kamerwijzer';
import type { ServerSettings } from './settings';
import { WorkspaceFolders } from './workspaceFolders';

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
}

/** How long edits must pause before a changed document is analyzed again. */
const ANALYSIS_DELAY_MS = 120;

export class WorkspaceSync {
  readonly documents = new TextDocuments(TextDocument);
  readonly folders = new WorkspaceFolders();
  private readonly manifests: ManifestLookup;
  private scanning = false;
  private scanGeneration = 0;
  /** Versions of documents read from disk are negative, so they never equal an editor's version. */
  private diskVersion = 0;
  private readonly tooLargeReported = new Set<string>();
  /** The glossary text last warned about per folder (a broken file is reported once). */
  private readonly glossaryWarned = new Map<string, string>();
  private readonly analysisTimers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly service: Kamerwijzer,
    private readonly settings: ServerSettings,
    private readonly listener: SyncListener,
  ) {
    this.manifests = new ManifestLookup((file, problem) => service.logger.warn(`${file}: ${problem}`));
    this.documents.onDidChangeContent((e) => this.changed(e.document.uri));
    this.documents.onDidClose((e) => this.close(e.document.uri));
  }

  /** How far indexing is. */
  get isScanning(): boolean {
    return this.scanning;
  }

  /** The workspace folder of a document URI (a file in one of the folders), if any. */
  folderOfUri(uri: string): string | undefined {
    const p = pathOf(uri);
    return p ? this.folders.folderOf(p) : undefined;
  }

  /** The indexed document of a URI, analyzed at the editor's current version when it is open. */
  current(uri: string): IndexedDocument | undefined {
    const open = this.documents.get(uri);
    if (open && this.service.document(uri)?.version !== open.version) return this.indexOpen(open);
    return this.service.document(uri);
  }

  /** Sets the workspace folders (initialize, or folders added and removed). */
  setFolders(paths: readonly string[]): void {
    const removed = this.folders.paths.filter((f) => !paths.includes(f));
    for (const f of removed) this.service.glossaries.removeFolder(f);
    this.folders.set(paths);
  }

  /** Exclusions or the size limit changed, or folders changed: forget what is now excluded and scan again. */
  rescan(): void {
    this.folders.setGlobs(this.settings.exclusions);
    this.dropExcluded();
    for (const f of this.folders.paths) this.loadFolderGlossary(f);
    void this.scan();
  }

  /** Handles file events of the watched files; the index's new state is announced when they are done. */
  async filesChanged(changes: readonly { uri: string; type: FileChangeType }[]): Promise<void> {
    try {
      await this.applyFileChanges(changes);
    } finally {
      this.listener.indexed();
    }
  }

  private async applyFileChanges(changes: readonly { uri: string; type: FileChangeType }[]): Promise<void> {
    for (const change of changes) {
      const p = pathOf(change.uri);
      if (!p) continue;
      if (isWorkspaceGlossaryPath(p)) {
        const folder = this.folders.paths.find((f) => workspaceGlossaryPath(f) === p);
        if (folder) this.loadFolderGlossary(folder);
      } else if (path.basename(p) === MANIFEST_FILE_NAME) {
        await this.manifestChanged(p);
      } else if (path.basename(p) === '.gitignore') {
        this.folders.resetGitignores();
        this.dropExcluded();
        void this.scan();
      } else if (isDocumentFile(p) && this.folders.folderOf(p)) {
        if (change.type === FileChangeType.Deleted) {
          if (!this.documents.get(change.uri)) this.service.removeDocument(change.uri);
        } else if (!this.folders.isExcluded(p)) {
          await this.indexFile(p);
        }
      }
    }
  }

  /** Scans every workspace folder in the background; a newer scan cancels an older one. */
  private async scan(): Promise<void> {
    const generation = ++this.scanGeneration;
    this.scanning = true;
    const started = Date.now();
    let count = 0;
    try {
      for await (const file of this.folders.documents(() => generation !== this.scanGeneration)) {
        await this.indexFile(file);
        count++;
        if (count % 20 === 0) await yieldToEventLoop();
      }
    } finally {
      if (generation === this.scanGeneration) {
        this.scanning = false;
        this.service.logger.info(`indexed ${count} documents in ${Date.now() - started} ms.`);
        this.listener.indexed();
        this.listener.recheckAll();
      }
    }
  }

  /** An editor document changed: analyze it once the edits pause. */
  private changed(uri: string): void {
    clearTimeout(this.analysisTimers.get(uri));
    const delay = this.service.index.has(uri) ? ANALYSIS_DELAY_MS : 0;
    this.analysisTimers.set(
      uri,
      setTimeout(() => {
        this.analysisTimers.delete(uri);
        const open = this.documents.get(uri);
        if (!open) return;
        try {
          if (this.service.document(uri)?.version !== open.version) this.indexOpen(open);
          this.listener.settled(uri);
        } catch (err) {
          this.service.logger.error(`analysis of ${uri} failed: ${(err as Error).stack ?? String(err)}`);
        }
      }, delay),
    );
  }

  private close(uri: string): void {
    clearTimeout(this.analysisTimers.get(uri));
    this.analysisTimers.delete(uri);
    this.tooLargeReported.delete(uri);
    this.listener.closed(uri);
    const p = pathOf(uri);
    // The file on disk (if it belongs to the workspace) replaces the editor's text.
    if (p && this.folders.folderOf(p) && isDocumentFile(p) && !this.folders.isExcluded(p)) {
      this.indexFile(p)
        .catch((e: unknown) => this.service.logger.error(`reading ${p} failed: ${(e as Error).message}`))
        .finally(() => this.listener.indexed());
    } else this.service.removeDocument(uri);
  }

  /** Indexes an open editor document (the editor's text wins over the file on disk). */
  private indexOpen(doc: TextDocument): IndexedDocument | undefined {
    const text = doc.getText();
    const max = this.settings.current.maxFileSize;
    if (text.length > max || Buffer.byteLength(text, 'utf8') > max) {
      if (!this.tooLargeReported.has(doc.uri)) {
        this.tooLargeReported.add(doc.uri);
        this.listener.warn(messages(this.settings.locale).server.tooLarge(path.basename(pathOf(doc.uri) ?? doc.uri), max));
      }
      this.service.removeDocument(doc.uri);
      return undefined;
    }
    const p = pathOf(doc.uri);
    return this.update(doc.uri, text, doc.version, p ? this.manifests.factsFor(p) : undefined);
  }

  /** Indexes (or re-indexes) a file from disk, unless the editor has it open; a file that cannot be read leaves the index. */
  private async indexFile(file: string): Promise<void> {
    const uri = URI.file(file).toString();
    if (this.documents.get(uri)) return;
    const read = await readTextFile(file, this.settings.current.maxFileSize);
    if (this.documents.get(uri)) return;
    if (!read.ok) {
      this.service.removeDocument(uri);
      return;
    }
    this.update(uri, read.text, -++this.diskVersion, this.manifests.factsFor(file));
  }

  /** Updates the index; when a document's identity or title changes, its dependents are checked again. */
  private update(uri: string, text: string, version: number, known: ReturnType<ManifestLookup['factsFor']>): IndexedDocument {
    const before = this.service.document(uri);
    const doc = this.service.setDocument(uri, text, version, known ? { known } : undefined);
    if (doc !== before && identity(before) !== identity(doc) && !this.scanning) {
      const keys = [before, doc].flatMap((d) => (d ? identityKeys(d) : []));
      this.listener.recheckDependents(this.service.index.documentsCiting(keys));
    }
    return doc;
  }

  /** A manifest changed: the documents below it get their facts again. */
  private async manifestChanged(file: string): Promise<void> {
    this.manifests.invalidate(file);
    const dir = path.dirname(file);
    for (const doc of [...this.service.index.documents()]) {
      const p = pathOf(doc.uri);
      if (!p || !p.startsWith(dir + path.sep)) continue;
      const open = this.documents.get(doc.uri);
      if (open) this.indexOpen(open);
      else await this.indexFile(p);
    }
  }

  /** Drops indexed disk documents that the current exclusions exclude. */
  private dropExcluded(): void {
    for (const doc of [...this.service.index.documents()]) {
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
      for (const p of update.problems) this.service.logger.warn(`${file}: ${p}`);
      const m = messages(this.settings.locale);
      this.listener.warn(update.broken ? m.glossary.unusable(file, update.problems[0]!) : m.glossary.problems(file, update.problems.length, update.problems[0]!));
    } else if (!update.problems.length) this.glossaryWarned.delete(folder);
    if (!update.changed) return;
    for (const doc of [...this.service.index.documents()]) if (this.folderOfUri(doc.uri) === folder) this.service.reanalyze(doc.uri);
    this.listener.recheckAll();
  }
}

function identity(d: IndexedDocument | undefined): string {
  const m = d?.analysis.metadata;
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
