/**
 * The language server: wires the connection to the workspace index, the catalog and the features.
 * This floor only converts: positions to offsets, URIs to paths, settings to options; every answer
 * comes from a feature module. Every handler is guarded: a failure is logged and answered with
 * "nothing", never a crash.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  DidChangeConfigurationNotification,
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
import { WorkspaceCatalogSource, WorkspaceIndex, type IndexedDocument } from '../catalog/workspaceIndex';
import { MANIFEST_FILE_NAME } from '../engine/manifest';
import { definition } from '../features/definition';
import { documentLinks } from '../features/documentLinks';
import { documentSymbols } from '../features/documentSymbols';
import { hover } from '../features/hover';
import { references } from '../features/references';
import type { FeatureContext } from '../features/context';
import { workspaceSymbols } from '../features/workspaceSymbols';
import { loadBundledCatalog } from '../io/bundledData';
import { Exclusions, enabledGlobs } from '../io/exclusions';
import { ManifestLookup } from '../io/manifests';
import { decodeText, isDocumentFile } from '../io/textFiles';
import { scanDocuments, yieldToEventLoop } from '../io/workspaceScanner';
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

  let settings: Settings = DEFAULT_SETTINGS;
  let editorLocale: string | undefined;
  let folders: string[] = [];
  let exclusions = new Map<string, Exclusions>();
  let filesExclude: string[] = [];
  let canAskConfiguration = false;
  let supportsFolders = false;
  let scanning = false;
  let scanGeneration = 0;
  let diskVersion = 0;
  const tooLargeReported = new Set<string>();

  const context = (): FeatureContext => ({
    index,
    catalog,
    locale: effectiveLocale(settings, editorLocale),
    today: settings.today || localToday(options.now?.() ?? new Date()),
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

  /** Indexes an open editor document (the editor's text wins over the file on disk). */
  const indexOpenDocument = (doc: TextDocument): IndexedDocument | undefined => {
    const text = doc.getText();
    if (text.length > settings.maxFileSize) {
      if (!tooLargeReported.has(doc.uri)) {
        tooLargeReported.add(doc.uri);
        const nl = effectiveLocale(settings, editorLocale) === 'nl';
        void connection.window.showWarningMessage(
          nl
            ? `Kamerwijzer: ${path.basename(pathOf(doc.uri) ?? doc.uri)} is groter dan kamerwijzer.maxFileSize (${settings.maxFileSize} bytes) en wordt niet geanalyseerd.`
            : `Kamerwijzer: ${path.basename(pathOf(doc.uri) ?? doc.uri)} is larger than kamerwijzer.maxFileSize (${settings.maxFileSize} bytes) and is not analyzed.`,
        );
      }
      index.remove(doc.uri);
      return undefined;
    }
    return index.update(doc.uri, text, doc.version, { known: knownFacts(doc.uri) });
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
    index.update(uri, decoded.text, ++diskVersion, { known: manifests.factsFor(file) });
  };

  const folderOf = (file: string): string | undefined => folders.find((f) => file === f || file.startsWith(f + path.sep));

  const isExcluded = (file: string): boolean => {
    const folder = folderOf(file);
    if (!folder) return false;
    const rel = path.relative(folder, file).split(path.sep).join('/');
    if (rel.split('/').some((part) => part.startsWith('.') || part === 'node_modules')) return true;
    return exclusions.get(folder)?.isExcluded(rel, false) ?? false;
  };

  /** Scans every workspace folder in the background; a newer scan cancels an older one. */
  const scanWorkspace = async (): Promise<void> => {
    const generation = ++scanGeneration;
    scanning = true;
    const started = Date.now();
    let count = 0;
    exclusions = new Map(folders.map((f) => [f, new Exclusions(f, [...filesExclude, ...settings.exclude])]));
    try {
      for (const folder of folders) {
        for await (const file of scanDocuments(folder, exclusions.get(folder)!, () => generation !== scanGeneration)) {
          await indexFile(file);
          count++;
          if (count % 20 === 0) await yieldToEventLoop();
        }
      }
    } finally {
      if (generation === scanGeneration) {
        scanning = false;
        log.info(`Kamerwijzer: indexed ${count} documents in ${Date.now() - started} ms.`);
        void connection.sendNotification('kamerwijzer/indexed', status());
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

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    editorLocale = params.locale;
    canAskConfiguration = !!params.capabilities.workspace?.configuration;
    supportsFolders = !!params.capabilities.workspace?.workspaceFolders;
    const init = params.initializationOptions as { settings?: unknown } | undefined;
    if (init?.settings) settings = parseSettings(init.settings);
    const fromFolders = params.workspaceFolders?.map((f) => pathOf(f.uri)).filter((p): p is string => !!p);
    const root = params.rootUri ? pathOf(params.rootUri) : params.rootPath ?? undefined;
    folders = fromFolders?.length ? fromFolders : root ? [root] : [];
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        documentLinkProvider: { resolveProvider: false },
        documentSymbolProvider: { label: 'Kamerwijzer' },
        workspaceSymbolProvider: true,
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
        folders = [...folders.filter((f) => !removed.has(f)), ...e.added.map((f) => pathOf(f.uri)).filter((p): p is string => !!p)];
        dropExcluded();
        void scanWorkspace();
      });
    }
    await loadSettings();
    void scanWorkspace();
  });

  connection.onDidChangeConfiguration(
    guard('configuration', undefined, async (change: { settings: unknown }) => {
      const before = JSON.stringify({ exclude: settings.exclude, filesExclude, maxFileSize: settings.maxFileSize });
      if (canAskConfiguration) await loadSettings();
      else settings = parseSettings((change.settings as Record<string, unknown> | undefined)?.['kamerwijzer']);
      const after = JSON.stringify({ exclude: settings.exclude, filesExclude, maxFileSize: settings.maxFileSize });
      if (before !== after) {
        exclusions = new Map(folders.map((f) => [f, new Exclusions(f, [...filesExclude, ...settings.exclude])]));
        dropExcluded();
        void scanWorkspace();
      }
    }),
  );

  documents.onDidChangeContent((e) => {
    try {
      indexOpenDocument(e.document);
    } catch (err) {
      log.error(`Kamerwijzer: analysis of ${e.document.uri} failed: ${(err as Error).stack ?? String(err)}`);
    }
  });

  documents.onDidClose((e) => {
    tooLargeReported.delete(e.document.uri);
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
        if (name === MANIFEST_FILE_NAME) {
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
          for (const ex of exclusions.values()) ex.reset();
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

  connection.onRequest('kamerwijzer/status', () => status());

  documents.listen(connection);
}

declare const KAMERWIJZER_VERSION: string | undefined;
