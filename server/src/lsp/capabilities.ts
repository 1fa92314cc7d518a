/** What the client can do, read once from `initialize`, and what the server offers in return. */
import { SERVER_COMMANDS } from '../protocol';
import { CodeActionKind, type InitializeParams, type ServerCapabilities, TextDocumentSyncKind } from 'vscode-languageserver/node';

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
  };
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
    completionProvider: { triggerCharacters: [' '] },
    inlayHintProvider: { resolveProvider: false },
    codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, `${CodeActionKind.SourceFixAll}.kamerwijzer`] },
    ...(client.pullDiagnostics ? { diagnosticProvider: { identifier: 'kamerwijzer', interFileDependencies: true, workspaceDiagnostics: false } } : {}),
    executeCommandProvider: { commands: Object.values(SERVER_COMMANDS) },
    workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
  };
}
