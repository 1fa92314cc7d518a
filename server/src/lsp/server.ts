/**
 * The language server: wires the connection to the workspace index, the catalog and the features.
 * This floor only converts: positions to offsets, URIs to paths, settings to options; every answer
 * comes from a feature module. Every handler is guarded: a failure is logged and answered with
 * "nothing", never a crash.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DocumentDiagnosticReportKind,
  MessageType,
  ShowMessageNotification,
  type Diagnostic,
  FileChangeType,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  type TextDocumentPositionParams,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { BundledCatalogSource } from '../catalog/bundledSource';
import type { BundledCatalogData } from '../catalog/bundledData';
import { Catalog } from '../catalog/catalog';
import { GlossaryCatalog } from '../catalog/glossaries';
import { WorkspaceCatalogSource, WorkspaceIndex, identityKeys, type IndexedDocument } from '../catalog/workspaceIndex';
import { MANIFEST_FILE_NAME } from '../engine/manifest';
import { codeActions } from '../features/codeActions';
import { completion } from '../features/completion';
import { definition } from '../features/definition';
import { ALL_RULES } from '../features/diagnostics/rules';
import { computeDiagnostics } from '../features/diagnostics/run';
import { documentLinks } from '../features/documentLinks';
import { documentSymbols } from '../features/documentSymbols';
import { hover } from '../features/hover';
import { references } from '../features/references';
import type { FeatureContext } from '../features/context';
import { workspaceSymbols } from '../features/workspaceSymbols';
import { loadBundledCatalog } from '../io/bundledData';
import { isWorkspaceGlossaryPath, loadBundledGlossary, readWorkspaceGlossary, workspaceGlossaryPath } from '../io/glossary';
import { messages } from '../l10n';
import { enabledGlobs } from '../io/exclusions';
import { ManifestLookup } from '../io/manifests';
import { decodeText, isDocumentFile } from '../io/textFiles';
import { yieldToEventLoop } from '../io/workspaceScanner';
import { DiagnosticsPublisher } from './diagnosticsPublisher';
import { WorkspaceFolders } from './workspaceFolders';
import { DEFAULT_SETTINGS, effectiveLocale, localToday, parseSettings, type Settings } from './settings';

export interface ServerOptions {
  /** Folder of the compiled bundled data (dist/data). */
  readonly dataDir: string;
  /** The clock; injected for tests. */
  readonly now?: () => Date;
}

/** Status reported by the `kamerwijzer/status` request (editors and tests use it to know the index is ready). */
export interface ServerStatus {
  readonly indexedDocuments: number;
  readonly scanning: boolean;
  readonly catalogSources: readonly string[];
}

const EMPTY_BUNDLE: BundledCatalogData = {
  version: 1,
  documents: [],
  dossierTitles: [],
  motions: [],
  sample: [],
  motionSource: '',
  sampleSource: '',
  notices: [],
};

export function startServer(connection: Connection, options: ServerOptions): void {
  const documents = new TextDocuments(TextDocument);
  const index = new WorkspaceIndex();
  const log = connection.console;
  const catalog = new Catalog(
    [
      new WorkspaceCatalogSource(index),
      new BundledCatalogSource(() => {
        try {
          return loadBundledCatalog(options.dataDir);
        } catch (e) {
          log.error(`Kamerwijzer: ${(e as Error).message}; continuing without bundled data.`);
          return EMPTY_BUNDLE;
        }
      }),
    ],
    (source, e) => log.warn(`Kamerwijzer: catalog source ${source} failed: ${(e as Error).message}`),
  );
  const manifests = new ManifestLookup((file, problem) => log.warn(`Kamerwijzer: ${file}: ${problem}`));
  // The bundled glossary is read on first use; each workspace folder's .kamerwijzer/glossary.json is laid over it.
  const glossaries = new GlossaryCatalog(
    () => loadBundledGlossary(options.dataDir, (problem) => log.warn(`Kamerwijzer: ${problem}`)),
    (uri) => {
      const p = pathOf(uri);
      return p ? folderOf(p) : undefined;
    },
  );
  /** The glossary text last warned about per folder (a broken file is reported once). */
  const glossaryWarned = new Map<string, string>();

  let settings: Settings = DEFAULT_SETTINGS;
  let editorLocale: string | undefined;
  const folders = new WorkspaceFolders();
  let filesExclude: string[] = [];
  let canAskConfiguration = false;
  /** The client applies workspace edits that create files (the "add to glossary" fix). */
  let canCreateFiles = false;
  let supportsFolders = false;
  let scanning = false;
  let scanGeneration = 0;
  /** Versions of documents read from disk are negative, so they never equal an editor's version. */
  let diskVersion = 0;
  const tooLargeReported = new Set<string>();

  const context = (): FeatureContext => ({
    index,
    catalog,
    locale: effectiveLocale(settings, editorLocale),
    today: settings.today || localToday(options.now?.() ?? new Date()),
    glossaries,
  });

  /** Runs a handler; a failure is logged and answered with `fallback`. */
  const guard = <P, R>(name: string, fallback: R, fn: (params: P) => R | Promise<R>) => {
    return async (params: P): Promise<R> => {
      try {
        return await fn(params);
      } catch (e) {
        log.error(`Kamerwijzer: ${name} failed: ${(e as Error).stack ?? String(e)}`);
        return fallback;
      }
    };
  };

  /** Shows a warning in the editor (a notification: nothing to answer, nothing to fail). */
  const warn = (message: string): void => {
    void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
  };

  const pathOf = (uri: string): string | undefined => {
    try {
      const u = URI.parse(uri);
      return u.scheme === 'file' ? u.fsPath : undefined;
    } catch {
      return undefined;
    }
  };

  const knownFacts = (uri: string) => {
    const p = pathOf(uri);
    return p ? manifests.factsFor(p) : undefined;
  };

  /** Updates the index; when a document's identity or title changes, its dependents are re-checked. */
  const updateIndex = (uri: string, text: string, version: number, known: ReturnType<typeof knownFacts>): IndexedDocument => {
    const before = index.get(uri);
    const identity = (d: IndexedDocument | undefined): string => JSON.stringify([d?.analysis.metadata.kamerstuk, d?.analysis.metadata.documentNumber, d?.analysis.metadata.title]);
    const doc = index.update(uri, text, version, { known, instruments: glossaries.forDocument(uri).matcher });
    if (doc !== before && identity(before) !== identity(doc)) {
      const keys = [before, doc].flatMap((d) => (d ? identityKeys(d) : []));
      if (!scanning) dependentsChanged(keys);
    }
    return doc;
  };

  /** Indexes an open editor document (the editor's text wins over the file on disk). */
  const indexOpenDocument = (doc: TextDocument): IndexedDocument | undefined => {
    const text = doc.getText();
    if (text.length > settings.maxFileSize) {
      if (!tooLargeReported.has(doc.uri)) {
        tooLargeReported.add(doc.uri);
        warn(messages(effectiveLocale(settings, editorLocale)).server.tooLarge(path.basename(pathOf(doc.uri) ?? doc.uri), settings.maxFileSize));
      }
      index.remove(doc.uri);
      return undefined;
    }
    return updateIndex(doc.uri, text, doc.version, knownFacts(doc.uri));
  };

  /** Indexes (or re-indexes) a file from disk, unless the editor has it open. */
  const indexFile = async (file: string): Promise<void> => {
    const uri = URI.file(file).toString();
    if (documents.get(uri)) return;
    let bytes: Buffer;
    try {
      const stat = await fs.promises.stat(file);
      if (!stat.isFile() || stat.size > settings.maxFileSize) {
        index.remove(uri);
        return;
      }
      bytes = await fs.promises.readFile(file);
    } catch {
      index.remove(uri);
      return;
    }
    const decoded = decodeText(bytes);
    if (!decoded.ok) {
      index.remove(uri);
      return;
    }
    updateIndex(uri, decoded.text, -++diskVersion, manifests.factsFor(file));
  };

  const folderOf = (file: string): string | undefined => folders.folderOf(file);
  const isExcluded = (file: string): boolean => folders.isExcluded(file);

  /** Scans every workspace folder in the background; a newer scan cancels an older one. */
  const scanWorkspace = async (): Promise<void> => {
    const generation = ++scanGeneration;
    scanning = true;
    const started = Date.now();
    let count = 0;
    folders.setGlobs([...filesExclude, ...settings.exclude]);
    try {
      for await (const file of folders.documents(() => generation !== scanGeneration)) {
        await indexFile(file);
        count++;
        if (count % 20 === 0) await yieldToEventLoop();
      }
    } finally {
      if (generation === scanGeneration) {
        scanning = false;
        log.info(`Kamerwijzer: indexed ${count} documents in ${Date.now() - started} ms.`);
        void connection.sendNotification('kamerwijzer/indexed', status());
        publisher.recheckAll();
      }
    }
  };

  /** Drops indexed disk documents that the current exclusions exclude (settings changed). */
  const dropExcluded = (): void => {
    for (const doc of [...index.documents()]) {
      const p = pathOf(doc.uri);
      if (p && !documents.get(doc.uri) && (isExcluded(p) || !folderOf(p))) index.remove(doc.uri);
    }
  };

  /**
   * (Re)reads a folder's .kamerwijzer/glossary.json. A broken file is reported once (until its text
   * changes) and the bundled glossary stays in use; when the glossary changed, the folder's documents
   * are analyzed again and their diagnostics refreshed.
   */
  const loadFolderGlossary = (folder: string): void => {
    const file = workspaceGlossaryPath(folder);
    const text = readWorkspaceGlossary(folder);
    const update = glossaries.setFolder(folder, URI.file(file).toString(), text);
    if (update.problems.length && text !== undefined && glossaryWarned.get(folder) !== text) {
      glossaryWarned.set(folder, text);
      for (const p of update.problems) log.warn(`Kamerwijzer: ${file}: ${p}`);
      const m = messages(effectiveLocale(settings, editorLocale));
      const message = update.broken ? m.glossary.unusable(file, update.problems[0]!) : m.glossary.problems(file, update.problems.length, update.problems[0]!);
      warn(message);
    } else if (!update.problems.length) glossaryWarned.delete(folder);
    if (!update.changed) return;
    for (const doc of [...index.documents()]) {
      const p = pathOf(doc.uri);
      if (!p || folderOf(p) !== folder) continue;
      index.update(doc.uri, doc.text, doc.version, { known: doc.known, instruments: glossaries.forDocument(doc.uri).matcher });
    }
    publisher.recheckAll();
  };

  const status = (): ServerStatus => ({ indexedDocuments: index.size, scanning, catalogSources: catalog.sourceNames });

  const loadSettings = async (): Promise<void> => {
    if (!canAskConfiguration) return;
    try {
      const [kw, files] = (await connection.workspace.getConfiguration([{ section: 'kamerwijzer' }, { section: 'files.exclude' }])) as unknown[];
      settings = parseSettings(kw);
      filesExclude = enabledGlobs(files);
    } catch (e) {
      log.warn(`Kamerwijzer: could not read settings: ${(e as Error).message}`);
    }
  };

  const publisher = new DiagnosticsPublisher(
    connection,
    (doc) =>
      computeDiagnostics(doc, context(), settings.diagnostics, ALL_RULES, (code, e) =>
        log.error(`Kamerwijzer: rule ${code} failed on ${doc.uri}: ${(e as Error).stack ?? String(e)}`),
      ),
    (uri) => (documents.get(uri) ? index.get(uri) : undefined),
    () => documents.all().map((d) => d.uri),
    (message) => log.error(`Kamerwijzer: ${message}`),
  );

  /** Another document's identity changed: the letters that cite it are checked again. */
  const dependentsChanged = (keys: readonly string[]): void => publisher.recheckDependents(index.documentsCiting(keys));

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    editorLocale = params.locale;
    canAskConfiguration = !!params.capabilities.workspace?.configuration;
    supportsFolders = !!params.capabilities.workspace?.workspaceFolders;
    publisher.pull = !!params.capabilities.textDocument?.diagnostic;
    publisher.canRefresh = !!params.capabilities.workspace?.diagnostics?.refreshSupport;
    const workspaceEdit = params.capabilities.workspace?.workspaceEdit;
    canCreateFiles = !!workspaceEdit?.documentChanges && !!workspaceEdit.resourceOperations?.includes('create');
    const init = params.initializationOptions as { settings?: unknown } | undefined;
    if (init?.settings) settings = parseSettings(init.settings);
    const fromFolders = params.workspaceFolders?.map((f) => pathOf(f.uri)).filter((p): p is string => !!p);
    const root = params.rootUri ? pathOf(params.rootUri) : params.rootPath ?? undefined;
    folders.set(fromFolders?.length ? fromFolders : root ? [root] : []);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        documentLinkProvider: { resolveProvider: false },
        documentSymbolProvider: { label: 'Kamerwijzer' },
        workspaceSymbolProvider: true,
        completionProvider: { triggerCharacters: [' '] },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, `${CodeActionKind.SourceFixAll}.kamerwijzer`] },
        ...(publisher.pull ? { diagnosticProvider: { identifier: 'kamerwijzer', interFileDependencies: true, workspaceDiagnostics: false } } : {}),
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'kamerwijzer', version: typeof KAMERWIJZER_VERSION === 'string' ? KAMERWIJZER_VERSION : 'dev' },
    };
  });

  connection.onInitialized(async () => {
    if (canAskConfiguration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: ['kamerwijzer', 'files.exclude'] }).catch(() => undefined);
    }
    if (supportsFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        const removed = new Set(e.removed.map((f) => pathOf(f.uri)));
        for (const f of removed) if (f) glossaries.removeFolder(f);
        folders.set([...folders.paths.filter((f) => !removed.has(f)), ...e.added.map((f) => pathOf(f.uri)).filter((p): p is string => !!p)]);
        for (const f of folders.paths) loadFolderGlossary(f);
        dropExcluded();
        void scanWorkspace();
      });
    }
    await loadSettings();
    // Documents opened before the settings arrived were checked with the defaults: check them again.
    publisher.recheckAll();
    for (const f of folders.paths) loadFolderGlossary(f);
    void scanWorkspace();
  });

  connection.onDidChangeConfiguration(
    guard('configuration', undefined, async (change: { settings: unknown }) => {
      const before = JSON.stringify({ exclude: settings.exclude, filesExclude, maxFileSize: settings.maxFileSize });
      if (canAskConfiguration) await loadSettings();
      else settings = parseSettings((change.settings as Record<string, unknown> | undefined)?.['kamerwijzer']);
      const after = JSON.stringify({ exclude: settings.exclude, filesExclude, maxFileSize: settings.maxFileSize });
      // Severities, style or "today" may have changed: every open document is checked again.
      publisher.recheckAll();
      if (before !== after) {
        folders.setGlobs([...filesExclude, ...settings.exclude]);
        dropExcluded();
        void scanWorkspace();
      }
    }),
  );

  /**
   * Typing never waits for analysis: a changed document is analyzed once the edits pause (or at
   * once when a request needs it, see indexedDoc/docAt), then its diagnostics follow.
   */
  const analysisTimers = new Map<string, NodeJS.Timeout>();
  const ANALYSIS_DELAY_MS = 120;
  documents.onDidChangeContent((e) => {
    const uri = e.document.uri;
    clearTimeout(analysisTimers.get(uri));
    analysisTimers.set(
      uri,
      setTimeout(() => {
        analysisTimers.delete(uri);
        const open = documents.get(uri);
        if (!open) return;
        try {
          if (index.get(uri)?.version !== open.version) indexOpenDocument(open);
          publisher.schedule(uri, 0);
        } catch (err) {
          log.error(`Kamerwijzer: analysis of ${uri} failed: ${(err as Error).stack ?? String(err)}`);
        }
      }, index.has(uri) ? ANALYSIS_DELAY_MS : 0),
    );
  });

  documents.onDidClose((e) => {
    clearTimeout(analysisTimers.get(e.document.uri));
    analysisTimers.delete(e.document.uri);
    tooLargeReported.delete(e.document.uri);
    publisher.forget(e.document.uri);
    const p = pathOf(e.document.uri);
    // The file on disk (if any, and if it belongs to the workspace) replaces the editor's text.
    if (p && folderOf(p) && isDocumentFile(p) && !isExcluded(p) && fs.existsSync(p)) void indexFile(p);
    else index.remove(e.document.uri);
  });

  connection.onDidChangeWatchedFiles(
    guard('file events', undefined, async (params: { changes: { uri: string; type: FileChangeType }[] }) => {
      for (const change of params.changes) {
        const p = pathOf(change.uri);
        if (!p) continue;
        const name = path.basename(p);
        if (isWorkspaceGlossaryPath(p)) {
          const folder = folders.paths.find((f) => workspaceGlossaryPath(f) === p);
          if (folder) loadFolderGlossary(folder);
        } else if (name === MANIFEST_FILE_NAME) {
          manifests.invalidate(p);
          // Only the documents below that manifest need their facts again.
          const dir = path.dirname(p);
          for (const doc of [...index.documents()]) {
            const dp = pathOf(doc.uri);
            if (!dp || !dp.startsWith(dir + path.sep)) continue;
            const open = documents.get(doc.uri);
            if (open) indexOpenDocument(open);
            else await indexFile(dp);
          }
        } else if (name === '.gitignore') {
          folders.resetGitignores();
          dropExcluded();
          void scanWorkspace();
        } else if (isDocumentFile(p) && folderOf(p)) {
          if (change.type === FileChangeType.Deleted) {
            if (!documents.get(change.uri)) index.remove(change.uri);
          } else if (!isExcluded(p)) {
            await indexFile(p);
          }
        }
      }
    }),
  );

  const docAt = (params: TextDocumentPositionParams): { doc: IndexedDocument; offset: number } | undefined => {
    const open = documents.get(params.textDocument.uri);
    const doc = (open && index.get(open.uri)?.version === open.version ? index.get(open.uri) : open ? indexOpenDocument(open) : undefined) ?? index.get(params.textDocument.uri);
    if (!doc) return undefined;
    return { doc, offset: doc.lines.offsetAt(params.position) };
  };

  const indexedDoc = (uri: string): IndexedDocument | undefined => {
    const open = documents.get(uri);
    if (open && index.get(uri)?.version !== open.version) return indexOpenDocument(open);
    return index.get(uri);
  };

  connection.onHover(
    guard('hover', null, async (params: TextDocumentPositionParams) => {
      const at = docAt(params);
      return at ? ((await hover(at.doc, at.offset, context())) ?? null) : null;
    }),
  );

  connection.onDefinition(
    guard('definition', null, (params: TextDocumentPositionParams) => {
      const at = docAt(params);
      return at ? definition(at.doc, at.offset, context()) : null;
    }),
  );

  connection.onReferences(
    guard('references', null, (params: TextDocumentPositionParams & { context: { includeDeclaration: boolean } }) => {
      const at = docAt(params);
      return at ? references(at.doc, at.offset, params.context.includeDeclaration, context()) : null;
    }),
  );

  connection.onDocumentLinks(
    guard('document links', null, (params: { textDocument: { uri: string } }) => {
      const doc = indexedDoc(params.textDocument.uri);
      return doc ? documentLinks(doc, context()) : null;
    }),
  );

  connection.onDocumentSymbol(
    guard('document symbols', null, (params: { textDocument: { uri: string } }) => {
      const doc = indexedDoc(params.textDocument.uri);
      return doc ? documentSymbols(doc, context()) : null;
    }),
  );

  connection.onWorkspaceSymbol(guard('workspace symbols', null, (params: { query: string }) => workspaceSymbols(params.query, context())));

  connection.languages.diagnostics.on(
    guard('diagnostics', { kind: DocumentDiagnosticReportKind.Full, items: [] as Diagnostic[] }, async (params: { textDocument: { uri: string } }) => {
      const doc = indexedDoc(params.textDocument.uri);
      return { kind: DocumentDiagnosticReportKind.Full, items: doc ? await publisher.diagnosticsOf(doc) : [] };
    }),
  );

  connection.onCodeAction(
    guard('code actions', null, async (params: { textDocument: { uri: string }; context: { diagnostics: Diagnostic[]; only?: string[] } }) => {
      const doc = indexedDoc(params.textDocument.uri);
      if (!doc) return null;
      const all = publisher.lastOf(doc.uri) ?? (await publisher.diagnosticsOf(doc));
      return codeActions(
        { diagnostics: params.context.diagnostics, allDiagnostics: all, createFiles: canCreateFiles, ...(params.context.only ? { only: params.context.only } : {}) },
        context().locale,
        (uri) => index.get(uri),
      );
    }),
  );

  connection.onCompletion(
    guard('completion', null, async (params: TextDocumentPositionParams) => {
      const at = docAt(params);
      return at ? { isIncomplete: true, items: await completion(at.doc, at.offset, context(), settings.diagnostics.citationStyle) } : null;
    }),
  );

  connection.onRequest('kamerwijzer/status', () => status());

  documents.listen(connection);
}

declare const KAMERWIJZER_VERSION: string | undefined;
