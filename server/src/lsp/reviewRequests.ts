/**
 * The requests behind the editor's Citations view and its "Check workspace" command (protocol.ts):
 * the citations of a document or of the workspace with their status, the indexed documents, and the
 * diagnostics of a batch of documents. Kept apart from the per-document handlers: each answers from
 * the index and the checks, never from the network.
 */
import type { Connection } from 'vscode-languageserver/node';
import type { IndexedDocument } from '../catalog/workspaceIndex';
import { citationList } from '../features/citationList';
import { messages } from '../l10n';
import { CHECK_REQUEST, CITATIONS_REQUEST, DOCUMENTS_REQUEST, type CheckParams, type CheckResult, type CitationsParams, type CitationsResult } from '../protocol';
import type { Kamerwijzer } from '../service/kamerwijzer';
import { toDiagnostic } from './convert';
import type { DiagnosticsPublisher } from './diagnosticsPublisher';
import type { Guard } from './handlers';
import type { WorkspaceSync } from './workspaceSync';

export interface ReviewContext {
  readonly connection: Connection;
  readonly service: Kamerwijzer;
  readonly sync: WorkspaceSync;
  readonly publisher: DiagnosticsPublisher;
  /** The handlers' guard: a failure is logged and answered with the fallback. */
  readonly guarded: Guard;
}

export function registerReviewRequests({ connection, service, sync, publisher, guarded }: ReviewContext): void {
  /** A document as the editor has it (open) or read from disk (the index keeps only the entry of a file that is not open). */
  const documentOf = async (uri: string): Promise<IndexedDocument | undefined> => (sync.documents.get(uri) ? sync.checkableNow(uri) : sync.whole(uri));
  const findingsOf = (doc: IndexedDocument) => (sync.documents.get(doc.uri) ? publisher.findingsOf(doc) : service.findings(doc)).catch(() => []);
  connection.onRequest(
    CITATIONS_REQUEST,
    guarded('citations', { entries: [], kindLabels: messages(service.settings.locale).view.groups }, async (p: CitationsParams | undefined): Promise<CitationsResult> => {
      const m = messages(service.settings.locale);
      const uris = p?.uri ? [p.uri] : [...service.index.entries()].map((e) => e.uri);
      // One document at a time: a file that is not open is read again for its citations and let go
      // before the next (the index keeps only its entry).
      const entries: CitationsResult['entries'][number][] = [];
      const looked: Parameters<typeof citationList>[2] = new Map();
      for (const uri of uris) {
        const doc = await documentOf(uri);
        if (!doc) continue;
        const listed = await citationList([{ doc, findings: await findingsOf(doc) }], service.context(), looked);
        for (const c of listed) {
          entries.push({
            uri: c.uri,
            kind: c.kind,
            citation: c.citation,
            text: c.text,
            ...(c.title ? { title: c.title } : {}),
            status: c.status,
            statusLabel: m.report.statuses[c.status],
            range: { start: doc.lines.positionAt(c.span.offset), end: doc.lines.positionAt(c.span.offset + c.span.length) },
          });
        }
      }
      return { kindLabels: m.view.groups, entries };
    }),
  );
  connection.onRequest(DOCUMENTS_REQUEST, () => [...service.index.entries()].map((d) => d.uri).sort());
  connection.onRequest(
    CHECK_REQUEST,
    guarded('check', { documents: [] }, async (p: CheckParams): Promise<CheckResult> => {
      const documents = [];
      for (const uri of p?.uris ?? []) {
        const doc = await documentOf(uri);
        if (doc) documents.push({ uri, diagnostics: (await findingsOf(doc)).map(toDiagnostic) });
      }
      return { documents };
    }),
  );
}
