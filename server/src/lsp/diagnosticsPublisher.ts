import type { Connection } from 'vscode-languageserver/node';
import type { IndexedDocument } from '../catalog/workspaceIndex';
import type { CheckedFinding } from '../features/model';
import { toDiagnostic } from './convert';

/**
 * Gets findings to the editor. Clients with pull diagnostics (LSP 3.17, VS Code) ask for them and
 * are told to ask again when something changed; other clients (Neovim 0.7) get them pushed shortly
 * after a document settles. The last findings of each document are kept for the fix-all actions.
 */
export class DiagnosticsPublisher {
  /** The client pulls diagnostics; otherwise they are pushed. */
  pull = false;
  /** The client accepts workspace/diagnostic/refresh. */
  canRefresh = false;
  /** The client accepts workspace/inlayHint/refresh: the hints (a motion's outcome) follow new facts too. */
  canRefreshInlayHints = false;
  private readonly last = new Map<string, CheckedFinding[]>();
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly connection: Connection,
    private readonly compute: (doc: IndexedDocument) => Promise<CheckedFinding[]>,
    /** The indexed document of an open editor document at its current version; undefined when it is not open or cannot be analyzed. */
    private readonly openDocument: (uri: string) => IndexedDocument | undefined,
    private readonly openUris: () => readonly string[],
    private readonly onError: (message: string) => void,
  ) {}

  /** Computes a document's findings and remembers them. */
  async findingsOf(doc: IndexedDocument): Promise<CheckedFinding[]> {
    const items = await this.compute(doc);
    this.last.set(doc.uri, items);
    return items;
  }

  /** The findings last computed for a document. */
  lastOf(uri: string): CheckedFinding[] | undefined {
    return this.last.get(uri);
  }

  /** Push mode: publish an open document's diagnostics after `delay` ms without further changes. */
  schedule(uri: string, delay = 150): void {
    if (this.pull) return;
    clearTimeout(this.timers.get(uri));
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        const doc = this.openDocument(uri);
        // Text that is refused or cannot be analyzed has no diagnostics (none stale from an earlier version).
        if (!doc) return this.clear(uri);
        this.findingsOf(doc)
          .then((items) => this.connection.sendDiagnostics({ uri, version: doc.version, diagnostics: items.map(toDiagnostic) }))
          .catch((e: unknown) => {
            this.onError(`diagnostics failed: ${(e as Error).stack ?? String(e)}`);
            this.clear(uri);
          });
      }, delay),
    );
  }

  /** Settings, the glossary or the whole index changed: every open document is checked again. */
  recheckAll(): void {
    if (this.canRefreshInlayHints) this.connection.languages.inlayHint.refresh().catch(() => undefined);
    if (this.pull) this.refresh();
    else for (const uri of this.openUris()) this.schedule(uri, 0);
  }

  /** Documents that depend on a changed one (they cite it) are checked again. */
  recheckDependents(dependents: ReadonlySet<string>): void {
    if (this.pull) this.refresh();
    else for (const uri of this.openUris()) if (dependents.has(uri)) this.schedule(uri, 300);
  }

  /** A document was closed: its diagnostics go. */
  forget(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    this.last.delete(uri);
    if (!this.pull) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  private clear(uri: string): void {
    this.last.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  private refresh(): void {
    if (this.canRefresh) this.connection.languages.diagnostics.refresh().catch(() => undefined);
  }
}
