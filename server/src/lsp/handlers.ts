/**
 * The LSP requests as short adapters: positions to offsets, the document, the feature call through
 * the service, the result back. Requests about places (hover, definition, references, completion,
 * links, symbols, inlay hints) never wait for an analysis under way: they are answered from the
 * document's last analysis, mapped onto the editor's text (staleView.ts). Diagnostics and code
 * actions wait for the analysis of the current version (without holding up the others). Every
 * handler is guarded: a failure is logged and answered with "nothing", never a crash.
 */
import {
  DocumentDiagnosticReportKind,
  type CodeActionParams,
  type DocumentDiagnosticParams,
  type DocumentDiagnosticReport,
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
import { fixablesOf, toCodeAction } from './convert';
import { registerReviewRequests } from './reviewRequests';
import type { DiagnosticsPublisher } from './diagnosticsPublisher';
import type { WorkspaceSync } from './workspaceSync';

/** What the service computed (analyses, rule runs, findings computations): for tests and troubleshooting, not part of the protocol. */
export const STATS_REQUEST = 'kamerwijzer/internal/stats';

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
  /**
   * A request about a position: the last analysis, the position mapped onto it, the answer mapped
   * back. A position in text changed since the last analysis, or an answer reaching into it, waits
   * for the current analysis (the worker makes it; other requests go on meanwhile).
   */
  const onPosition = <P extends TextDocumentPositionParams, R>(name: string, fallback: R, fn: (doc: IndexedDocument, offset: number, params: P) => R | Promise<R>) =>
    guard(name, fallback, async (params: P) => {
      const uri = params.textDocument.uri;
      for (let first = true; ; first = false) {
        const view = await sync.view(uri);
        if (!view) return fallback;
        const offset = view.offsetAt(params.position);
        if (offset !== undefined) {
          const answer = view.mapAnswer(await fn(view.doc, offset, params), first);
          if (answer !== undefined || !first) return answer ?? fallback;
        } else if (!first) return fallback;
        await sync.analyzed(uri);
      }
    });
  /** A request about a whole document: the last analysis, the answer's places mapped onto the editor's text. */
  const onDocument = <R>(name: string, fallback: R, fn: (doc: IndexedDocument) => R | Promise<R>) =>
    guard(name, fallback, async (params: { textDocument: { uri: string } }) => {
      const view = await sync.view(params.textDocument.uri);
      return view ? (view.mapAnswer(await fn(view.doc)) ?? fallback) : fallback;
    });

  connection.onHover(onPosition('hover', null, async (doc, offset) => (await service.hover(doc, offset)) ?? null));
  connection.onDefinition(onPosition('definition', null, (doc, offset) => service.definition(doc, offset)));
  connection.onReferences(
    onPosition('references', null, (doc, offset, p: TextDocumentPositionParams & { context: { includeDeclaration: boolean } }) =>
      service.references(doc, offset, p.context.includeDeclaration),
    ),
  );
  // Completion reads the text before the cursor: the editor's current text, beside the last analysis.
  connection.onCompletion(
    guard('completion', null, async (params: TextDocumentPositionParams) => {
      const view = await sync.view(params.textDocument.uri);
      const doc = view?.withCurrentText();
      return doc ? await service.completion(doc, doc.lines.offsetAt(params.position)) : null;
    }),
  );
  connection.onDocumentLinks(onDocument('document links', null, (doc) => service.documentLinks(doc)));
  connection.onDocumentSymbol(onDocument('document symbols', null, (doc) => service.documentSymbols(doc)));
  connection.languages.inlayHint.on(
    guard('inlay hints', null, async (p: InlayHintParams) => {
      const view = await sync.view(p.textDocument.uri);
      if (!view) return null;
      const { from, to } = view.spanOf(p.range);
      if (!view.exact) publisher.staleHints.add(p.textDocument.uri);
      return view.mapAnswer(await service.inlayHints(view.doc, from, to)) ?? null;
    }),
  );
  connection.onWorkspaceSymbol(guard('workspace symbols', null, (p: { query: string }) => service.workspaceSymbols(p.query)));
  registerChecks({ connection, service, publisher, client, guard });
  connection.onRequest(STATUS_REQUEST, () => status());
  connection.onRequest(STATS_REQUEST, () => ({ ...service.stats }));
  registerReviewRequests({ connection, service, sync, publisher, guarded: guard });
  connection.onExecuteCommand(guard('command', null, (p: ExecuteCommandParams) => commands.execute(p.command, p.arguments ?? [])));
}

export type Guard = <P, R>(name: string, fallback: R, fn: (params: P) => R | Promise<R>) => (params: P) => Promise<R>;

/** Diagnostics (pulled) and code actions: both wait for the findings of the editor's current version. */
function registerChecks({ connection, service, publisher, client, guard }: Pick<HandlerContext, 'connection' | 'service' | 'publisher' | 'client'> & { readonly guard: Guard }): void {
  connection.languages.diagnostics.on(
    guard('diagnostics', { kind: DocumentDiagnosticReportKind.Full, items: [] as Diagnostic[] } as DocumentDiagnosticReport, async (p: DocumentDiagnosticParams) => {
      // Text that is refused or cannot be analyzed now has no diagnostics (none stale from its last good version).
      const findings = await publisher.currentFindings(p.textDocument.uri);
      if (!findings) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
      // The same findings as the client's previous result (kept per version), or findings that make the
      // same diagnostics as the document's last report (it keeps its id): "unchanged", nothing sent again.
      const { resultId, diagnostics } = await publisher.report(findings.items, p.textDocument.uri);
      if (p.previousResultId === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
      return { kind: DocumentDiagnosticReportKind.Full, resultId, items: diagnostics };
    }),
  );
  connection.onCodeAction(
    guard('code actions', null, async (p: CodeActionParams) => {
      const findings = await publisher.currentFindings(p.textDocument.uri);
      if (!findings) return null;
      const { diagnostics } = publisher.reportOf(findings.items, p.textDocument.uri);
      const all = findings.items.map((f, i) => ({ diagnostic: diagnostics[i]!, fixes: f.fixes ?? [] }));
      const selected = fixablesOf(p.context.diagnostics, all);
      const actions = service.codeActions({ selected, all, createFiles: client().createFiles, ...(p.context.only ? { only: p.context.only } : {}) });
      return actions.map((a) => toCodeAction(a, (uri) => service.entry(uri)));
    }),
  );
}
