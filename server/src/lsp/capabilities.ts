/** What the client can do, read once from `initialize`, and what the server offers in return. */
import { SERVER_COMMANDS, WATCHED_FILE_GLOBS, WATCHED_FOLDER_GLOB, type InitializationOptions } from '../protocol';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  type Connection,
  type FileSystemWatcher,
  type InitializeParams,
  type ServerCapabilities,
  TextDocumentSyncKind,
  WatchKind,
} from 'vscode-languageserver/node';

export interface ClientFeatures {
  /** The client answers workspace/configuration. */
  readonly configuration: boolean;
  /** The client sends workspace folder changes. */
  readonly workspaceFolders: boolean;
  /** The client pulls diagnostics (LSP 3.17); otherwise they are pushed. */
  readonly pullDiagnostics: boolean;
  /** The client accepts workspace/diagnostic/refresh. */
  readonly diagnosticRefresh: boolean;
  /** The client applies workspace edits that create files (the "add to glossary" fix). */
  readonly createFiles: boolean;
  /** The client accepts workspace/inlayHint/refresh. */
  readonly inlayHintRefresh: boolean;
  /** The server asks the client to watch the files (Neovim): the client can, and does not already (VS Code's extension does). */
  readonly watchFiles: boolean;
}

export function clientFeatures(params: InitializeParams): ClientFeatures {
  const c = params.capabilities;
  const edit = c.workspace?.workspaceEdit;
  return {
    configuration: !!c.workspace?.configuration,
    workspaceFolders: !!c.workspace?.workspaceFolders,
    pullDiagnostics: !!c.textDocument?.diagnostic,
    diagnosticRefresh: !!c.workspace?.diagnostics?.refreshSupport,
    createFiles: !!edit?.documentChanges && !!edit.resourceOperations?.includes('create'),
    inlayHintRefresh: !!c.workspace?.inlayHint?.refreshSupport,
    watchFiles: !!c.workspace?.didChangeWatchedFiles?.dynamicRegistration && (params.initializationOptions as InitializationOptions | undefined)?.watchesFiles !== true,
  };
}

/** The files and folders whose creation, change or deletion the server must hear of (see WATCHED_FILE_GLOBS, WATCHED_FOLDER_GLOB). */
export function fileWatchers(): FileSystemWatcher[] {
  return [...WATCHED_FILE_GLOBS.map((globPattern) => ({ globPattern })), { globPattern: WATCHED_FOLDER_GLOB, kind: WatchKind.Create | WatchKind.Delete }];
}

/** After `initialized`: asks the client for settings changes and, where the editor does not watch them itself, file events. */
export function registerWithClient(connection: Connection, client: ClientFeatures): void {
  if (client.configuration) void connection.client.register(DidChangeConfigurationNotification.type, { section: ['kamerwijzer', 'files.exclude'] }).catch(() => undefined);
  if (client.watchFiles) void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: fileWatchers() }).catch(() => undefined);
}

export function serverCapabilities(client: ClientFeatures): ServerCapabilities {
  return {
    textDocumentSync: TextDocumentSyncKind.Incremental,
    hoverProvider: true,
    definitionProvider: true,
    referencesProvider: true,
    documentLinkProvider: { resolveProvider: false },
    documentSymbolProvider: { label: 'Kamerwijzer' },
    workspaceSymbolProvider: true,
    // " " after "Kamerstuk", "motie", "Handelingen II"; "-" after "motie" ("motie-Kostić"). Markdown has no
    // suggestions while typing words by default: these are what brings the list up.
    completionProvider: { triggerCharacters: [' ', '-'] },
    inlayHintProvider: { resolveProvider: false },
    codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, `${CodeActionKind.SourceFixAll}.kamerwijzer`] },
    ...(client.pullDiagnostics ? { diagnosticProvider: { identifier: 'kamerwijzer', interFileDependencies: true, workspaceDiagnostics: false } } : {}),
    executeCommandProvider: { commands: Object.values(SERVER_COMMANDS) },
    workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
  };
}
