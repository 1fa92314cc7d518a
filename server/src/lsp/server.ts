/**
 * The language server: builds Kamerwijzer through the composition root, keeps the workspace in
 * sync, follows the settings and answers requests through thin handlers (handlers.ts). This floor
 * only converts: positions to offsets, URIs to paths, settings to options, findings to diagnostics.
 */
import { MessageType, ShowMessageNotification, type Connection, type DidChangeWatchedFilesParams, type InitializeParams, type InitializeResult } from 'vscode-languageserver/node';
import { defaultCacheDir, FolderStore } from '../io/diskStore';
import { diskData } from '../io/environment';
import { OfficialSources } from '../io/official';
import { INDEXED_NOTIFICATION, STATUS_NOTIFICATION, type InitializationOptions, type ServerStatus } from '../protocol';
import { createKamerwijzer, type Kamerwijzer, type Logger } from '../service/kamerwijzer';
import { clientFeatures, registerWithClient, serverCapabilities, type ClientFeatures } from './capabilities';
import { ServerCommands } from './commands';
import { DiagnosticsPublisher, yieldEvery } from './diagnosticsPublisher';
import { AnalyzerPool } from './analyzerPool';
import { EditTrail } from './editTrail';
import { registerHandlers } from './handlers';
import { CitationLookups } from './lookups';
import { parseSettings, ServerSettings } from './settings';
import { pathOf, serverIndexCache, WorkspaceSync } from './workspaceSync';

export interface ServerOptions {
  /** Folder of the compiled bundled data (dist/data). */
  readonly dataDir: string;
  /** The clock; injected for tests. */
  readonly now?: () => Date;
  /** Tests only: called before each analysis (see KamerwijzerOptions.beforeAnalysis). */
  readonly beforeAnalysis?: (uri: string, text: string) => void;
  /** Where documents are analyzed: a worker thread (its script: tests give a missing one to see the fallback), or the main thread. */
  readonly analysis?: { readonly inProcess?: boolean; readonly workerScript?: string; /** How many worker threads analyze (default: one per core, at most four). */ readonly workers?: number };
}

export function startServer(connection: Connection, options: ServerOptions): void {
  const logger: Logger = {
    info: (m) => connection.console.info(`Kamerwijzer: ${m}`),
    warn: (m) => connection.console.warn(`Kamerwijzer: ${m}`),
    error: (m) => connection.console.error(`Kamerwijzer: ${m}`),
  };
  const settings = new ServerSettings();
  // The cache folder is known once the editor has said where (initialize, settings).
  const store = new FolderStore();
  const official = new OfficialSources(store, settings.onlineSettings, { userAgent: `Kamerwijzer/${VERSION} (+https://github.com/kamerwijzer/kamerwijzer)` });
  const disk = diskData(options.dataDir, logger);
  // The folder of a document is known to the sync, which needs the service: it is looked up late.
  let sync: WorkspaceSync | undefined;
  const entryCache = serverIndexCache(() => store.root, (file) => !!sync?.indexesFile(file), () => settings.locale, logger.info);
  const edits = new EditTrail(); // where open documents changed since the worker was given them
  const analyzer = options.analysis?.inProcess ? undefined : new AnalyzerPool({ logger, edits, ...(options.analysis?.workerScript ? { script: options.analysis.workerScript } : {}), ...(options.analysis?.workers ? { workers: options.analysis.workers } : {}) });
  const service = createKamerwijzer({
    sources: [...official.sources, ...disk.sources],
    bundledGlossary: disk.bundledGlossary,
    folderOf: (uri) => sync?.folderOfUri(uri),
    ...(options.now ? { clock: options.now } : {}),
    ...(options.beforeAnalysis ? { beforeAnalysis: options.beforeAnalysis } : {}),
    ...(analyzer ? { analyzer } : {}), ...(entryCache ? { entryCache } : {}),
    slice: yieldEvery(2),
    logger,
  });
  official.onDidReload(() => service.invalidate()); // synced, or another cache folder: findings that read the sources go
  const lookups = new CitationLookups(service, logger.error);
  const publisher = new DiagnosticsPublisher(
    connection,
    (doc, signal) => service.findings(doc, signal),
    async (uri) => sync?.checkableNow(uri),
    (uri) => sync?.versionSignal(uri),
    (uri) => !!sync?.documents.get(uri),
    () => sync?.documents.all().map((d) => d.uri) ?? [],
    logger.error,
  );
  const status = (): ServerStatus => ({
    indexedDocuments: service.index.size,
    scanning: sync?.isScanning ?? false,
    catalogSources: service.catalog.sourceNames,
    online: official.online,
    ...(store.root ? { cacheDirectory: store.root } : {}),
  });
  sync = new WorkspaceSync(service, settings, {
    recheckAll: () => publisher.recheckAll(),
    recheckDependents: (uris) => publisher.recheckDependents(uris),
    settled: (uri) => {
      publisher.settled(uri);
      const doc = sync?.current(uri);
      if (doc) lookups.plan(doc);
    },
    indexed: () => void connection.sendNotification(INDEXED_NOTIFICATION, status()),
    closed: (uri) => {
      lookups.cancel(uri);
      publisher.forget(uri);
    },
    warn: (message) => void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message }),
    error: (message) => void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Error, message }),
  }, entryCache, edits);
  let refresh: NodeJS.Timeout | undefined; // a lookup that brings news: the documents are checked again (at most every quarter second)
  service.catalog.onDidChange(() => {
    refresh ??= setTimeout(() => {
      refresh = undefined;
      publisher.recheckAll();
    }, 250);
  });
  const commands = new ServerCommands({ connection, service, official, sync, settings, recheckAll: () => publisher.recheckAll() });
  // The worker starts loading once `initialize` is answered (starting a thread takes the main thread a
  // few milliseconds, which the answer need not wait for): it loads while the client sends the documents.
  const warmUp = (): void => void setTimeout(() => analyzer?.warmUp(), 0);
  const parts: Parts = { connection, service, settings, sync, publisher, logger, official, store, lookups, status, warmUp };
  const client = registerLifecycle(parts);
  registerHandlers({ connection, service, sync, publisher, client, status, commands });
  sync.documents.listen(connection);
}

interface Parts {
  readonly connection: Connection;
  readonly service: Kamerwijzer;
  readonly settings: ServerSettings;
  readonly sync: WorkspaceSync;
  readonly publisher: DiagnosticsPublisher;
  readonly logger: Logger;
  readonly official: OfficialSources;
  readonly store: FolderStore;
  readonly lookups: CitationLookups;
  readonly status: () => ServerStatus;
  /** Starts the analysis worker (called when `initialize` is answered). */
  readonly warmUp: () => void;
}

/** initialize, initialized, settings and file events; returns what the client turned out to support. */
function registerLifecycle({ connection, service, settings, sync, publisher, logger, official, store, lookups, status, warmUp }: Parts): () => ClientFeatures {
  let client = clientFeatures({ capabilities: {} } as InitializeParams);
  let initialized = false;
  const applySettings = (): void => {
    service.configure(settings.service);
    official.configure(settings.onlineSettings);
    if (!settings.online) lookups.cancelAll();
    if (store.use(settings.current.cacheDirectory || settings.editorStorage || defaultCacheDir())) official.storeMoved();
    // The client hears of online/offline and the cache folder (not before it is initialized).
    if (initialized) void connection.sendNotification(STATUS_NOTIFICATION, status());
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    client = clientFeatures(params);
    settings.editorLocale = params.locale;
    settings.canAsk = client.configuration;
    publisher.pull = client.pullDiagnostics;
    publisher.canRefresh = client.diagnosticRefresh;
    publisher.canRefreshInlayHints = client.inlayHintRefresh;
    const init = params.initializationOptions as InitializationOptions | undefined;
    if (init?.settings) settings.current = parseSettings(init.settings);
    if (typeof init?.storagePath === 'string' && init.storagePath) settings.editorStorage = init.storagePath;
    if (init?.trusted === false) settings.trusted = false;
    applySettings();
    const fromFolders = params.workspaceFolders?.map((f) => pathOf(f.uri)).filter((p): p is string => !!p);
    const root = params.rootUri ? pathOf(params.rootUri) : (params.rootPath ?? undefined);
    sync.setFolders(fromFolders?.length ? fromFolders : root ? [root] : []);
    warmUp(); // after the answer is written (a timer runs after the writer's turn)
    return { capabilities: serverCapabilities(client), serverInfo: { name: 'kamerwijzer', version: VERSION } };
  });

  connection.onInitialized(async () => {
    initialized = true;
    registerWithClient(connection, client);
    if (client.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        const removed = new Set(e.removed.map((f) => pathOf(f.uri)));
        const added = e.added.map((f) => pathOf(f.uri)).filter((p): p is string => !!p);
        sync.setFolders([...sync.folders.paths.filter((f) => !removed.has(f)), ...added]);
        sync.rescan();
      });
    }
    await settings.load(connection, logger.warn);
    applySettings();
    // Documents opened before the settings arrived were checked with the defaults: check them again.
    publisher.recheckAll();
    sync.rescan();
  });

  connection.onDidChangeConfiguration(async (change: { settings: unknown }) => {
    try {
      const before = settings.indexingKey();
      if (settings.canAsk) await settings.load(connection, logger.warn);
      else settings.current = parseSettings((change.settings as Record<string, unknown> | undefined)?.['kamerwijzer']);
      applySettings();
      // Severities, style or "today" may have changed: every open document is checked again.
      publisher.recheckAll();
      if (before !== settings.indexingKey()) sync.rescan();
    } catch (e) {
      logger.error(`configuration failed: ${(e as Error).stack ?? String(e)}`);
    }
  });

  connection.onShutdown(() => sync.shutdown()); // what the index cache has to write is written first
  connection.onDidChangeWatchedFiles((params: DidChangeWatchedFilesParams) => {
    sync.filesChanged(params.changes).catch((e: unknown) => logger.error(`file events failed: ${(e as Error).stack ?? String(e)}`));
  });
  return () => client;
}

declare const KAMERWIJZER_VERSION: string | undefined;
const VERSION = typeof KAMERWIJZER_VERSION === 'string' ? KAMERWIJZER_VERSION : 'dev';
