/**
 * The LSP requests as short adapters: positions to offsets, the document at the editor's version,
 * the feature call through the service, the result back. Every handler is guarded: a failure is
 * logged and answered with "nothing", never a crash.
 */
import {
  DocumentDiagnosticReportKind,
  type CodeActionParams,
  type Connection,
  type ExecuteCommandParams,
  type Diagnostic,
  type InlayHintParams,
  type TextDocumentPositionParams,
} from 'vscode-languageserver/node';
import type { IndexedDocument } from '../catalog/workspaceIndex';
import { STATUS_REQUEST, type ServerStatus } from '../protocol';
import type { Kamerwijzer } from '../service/kamerwijzer';
import type { ClientFeatures } from './capabilities';
import type { ServerCommands } from './commands';
import { fromDiagnostic, toCodeAction, toDiagnostic } from './convert';
import { registerReviewRequests } from './reviewRequests';
import type { DiagnosticsPublisher } from './diagnosticsPublisher';
import type { WorkspaceSync } from './workspaceSync';

export interface HandlerContext {
  readonly connection: Connection;
  readonly service: Kamerwijzer;
  readonly sync: WorkspaceSync;
  readonly publisher: DiagnosticsPublisher;
  readonly client: () => ClientFeatures;
  readonly status: () => ServerStatus;
  readonly commands: ServerCommands;
}

export function registerHandlers({ connection, service, sync, publisher, client, status, commands }: HandlerContext): void {
  /** Runs a handler; a failure is logged and answered with `fallback`. */
  const guard = <P, R>(name: string, fallback: R, fn: (params: P) => R | Promise<R>) => {
    return async (params: P): Promise<R> => {
      try {
        return await fn(params);
      } catch (e) {
        service.logger.error(`${name} failed: ${(e as Error).stack ?? String(e)}`);
        return fallback;
      }
    };
  };
  /** A request about a position: the document at the editor's version and the offset. */
  const onPosition = <P extends TextDocumentPositionParams, R>(name: string, fallback: R, fn: (doc: IndexedDocument, offset: number, params: P) => R | Promise<R>) =>
    guard(name, fallback, async (params: P) => {
      const doc = await sync.whole(params.textDocument.uri);
      return doc ? fn(doc, doc.lines.offsetAt(params.position), params) : fallback;
    });
  /** A request about a whole document. */
  const onDocument = <R>(name: string, fallback: R, fn: (doc: IndexedDocument) => R | Promise<R>) =>
    guard(name, fallback, async (params: { textDocument: { uri: string } }) => {
      const doc = await sync.whole(params.textDocument.uri);
      return doc ? fn(doc) : fallback;
    });

  connection.onHover(onPosition('hover', null, async (doc, offset) => (await service.hover(doc, offset)) ?? null));
  connection.onDefinition(onPosition('definition', null, (doc, offset) => service.definition(doc, offset)));
  connection.onReferences(
    onPosition('references', null, (doc, offset, p: TextDocumentPositionParams & { context: { includeDeclaration: boolean } }) =>
      service.references(doc, offset, p.context.includeDeclaration),
    ),
  );
  connection.onCompletion(onPosition('completion', null, (doc, offset) => service.completion(doc, offset)));
  connection.onDocumentLinks(onDocument('document links', null, (doc) => service.documentLinks(doc)));
  connection.onDocumentSymbol(onDocument('document symbols', null, (doc) => service.documentSymbols(doc)));
  connection.languages.inlayHint.on(
    guard('inlay hints', null, async (p: InlayHintParams) => {
      const doc = await sync.whole(p.textDocument.uri);
      return doc ? service.inlayHints(doc, doc.lines.offsetAt(p.range.start), doc.lines.offsetAt(p.range.end)) : null;
    }),
  );
  connection.onWorkspaceSymbol(guard('workspace symbols', null, (p: { query: string }) => service.workspaceSymbols(p.query)));
  connection.languages.diagnostics.on(
    guard('diagnostics', { kind: DocumentDiagnosticReportKind.Full, items: [] as Diagnostic[] }, async (p: { textDocument: { uri: string } }) => {
      // Text that is refused or cannot be analyzed now has no diagnostics (none stale from its last good version).
      const doc = await sync.wholeCheckable(p.textDocument.uri);
      return { kind: DocumentDiagnosticReportKind.Full, items: doc ? (await publisher.findingsOf(doc)).map(toDiagnostic) : [] };
    }),
  );
  connection.onCodeAction(
    guard('code actions', null, async (p: CodeActionParams) => {
      const doc = await sync.wholeCheckable(p.textDocument.uri);
      if (!doc) return null;
      const all = (publisher.lastOf(doc.uri) ?? (await publisher.findingsOf(doc))).map((f) => fromDiagnostic(toDiagnostic(f)));
      const selected = p.context.diagnostics.map(fromDiagnostic);
      const actions = service.codeActions({ selected, all, createFiles: client().createFiles, ...(p.context.only ? { only: p.context.only } : {}) });
      return actions.map((a) => toCodeAction(a, (uri) => service.entry(uri)));
    }),
  );
  connection.onRequest(STATUS_REQUEST, () => status());
  registerReviewRequests({ connection, service, sync, publisher });
  connection.onExecuteCommand(guard('command', null, (p: ExecuteCommandParams) => commands.execute(p.command, p.arguments ?? [])));
}
