import type { Connection, Diagnostic } from 'vscode-languageserver/node';
import type { IndexedDocument } from '../catalog/workspaceIndex';
import type { CheckedFinding } from '../features/model';
import { yieldToEventLoop } from '../io/workspaceScanner';
import { sameDiagnostic, toDiagnostic } from './convert';

/**
 * A slice function for the rules: yields to the event loop (other requests are answered) once
 * `ms` have passed since the last yield, so a small document's rules run in one go and a large
 * document's give way every few milliseconds (between rules).
 */
export function yieldEvery(ms: number): () => Promise<void> {
  let last = Date.now();
  return async () => {
    if (Date.now() - last < ms) return;
    await yieldToEventLoop();
    last = Date.now();
  };
}

/** A document's findings as diagnostics, and the id of that result. */
interface Report {
  readonly resultId: string;
  readonly diagnostics: Diagnostic[];
}

/** How many findings are made diagnostics between two yields to the event loop. */
const REPORT_SLICE = 500;

/**
 * Gets findings to the editor. Clients with pull diagnostics (LSP 3.17, VS Code) ask for them and
 * are told to ask again when something changed; other clients (Neovim 0.7) get them pushed as soon
 * as a document's analysis is made (no fixed delay after an edit). Findings are computed for the
 * editor's current version only: a computation for a version superseded meanwhile stops between
 * rules and the newest version's is made instead. The service keeps them per version, so asking
 * again costs nothing. The last findings of each document are kept for the fix-all actions.
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
    private readonly compute: (doc: IndexedDocument, signal?: AbortSignal) => Promise<CheckedFinding[]>,
    /** The document whose findings can be shown (an open one analyzed at the editor's current version); undefined when it is refused or cannot be analyzed. */
    private readonly checkable: (uri: string) => Promise<IndexedDocument | undefined>,
    /** Aborted when an open document's version is superseded. */
    private readonly versionSignal: (uri: string) => AbortSignal | undefined,
    private readonly isOpen: (uri: string) => boolean,
    private readonly openUris: () => readonly string[],
    private readonly onError: (message: string) => void,
  ) {}

  /** Computes a document's findings and remembers them. */
  async findingsOf(doc: IndexedDocument, signal?: AbortSignal): Promise<CheckedFinding[]> {
    const items = await this.compute(doc, signal);
    this.last.set(doc.uri, items);
    return items;
  }

  /**
   * The findings of a document at the editor's current version (waiting for its analysis); a newer
   * version arriving meanwhile stops the computation and its findings are made instead. Undefined
   * for text that is refused or cannot be analyzed.
   */
  async currentFindings(uri: string): Promise<{ readonly doc: IndexedDocument; readonly items: CheckedFinding[] } | undefined> {
    for (;;) {
      const doc = await this.checkable(uri);
      if (!doc) return undefined;
      const signal = this.versionSignal(uri);
      try {
        return { doc, items: await this.findingsOf(doc, signal) };
      } catch (e) {
        if (signal?.aborted) continue;
        throw e;
      }
    }
  }

  /**
   * The findings as diagnostics, and an id of that result: the service gives the same list for an
   * unchanged document, so a pull that names it as its previous result is answered "unchanged". With
   * `uri`, findings that make the same diagnostics as the document's last report (an edit that moved
   * no finding to another line or column: most keystrokes) keep that report and its id: the editor is
   * told "unchanged" instead of being sent thousands of diagnostics again.
   */
  reportOf(items: CheckedFinding[], uri?: string): Report {
    let report = this.reports.get(items) ?? (uri === undefined ? undefined : this.sameAsLast(uri, items));
    if (!report) this.reports.set(items, (report = { resultId: `kw-${++this.reportCount}`, diagnostics: items.map(toDiagnostic) }));
    if (uri !== undefined) this.lastReports.set(uri, { items, report });
    return report;
  }

  private readonly reports = new WeakMap<CheckedFinding[], Report>();
  private reportCount = 0;
  /** Per document: its last report and the findings it was made of. */
  private readonly lastReports = new Map<string, { readonly items: CheckedFinding[]; readonly report: Report }>();

  /** The document's last report, kept for `items` too, when they make the same diagnostics (in the same order). */
  private sameAsLast(uri: string, items: CheckedFinding[]): Report | undefined {
    const last = this.lastReports.get(uri);
    if (!last || last.items.length !== items.length) return undefined;
    for (let i = 0; i < items.length; i++) if (!sameDiagnostic(last.items[i]!, items[i]!)) return undefined;
    this.reports.set(items, last.report);
    return last.report;
  }

  /**
   * As `reportOf`, without holding up other requests for a large document's thousands of findings:
   * they are made diagnostics in slices, and a report of more than one slice is handed back in a task
   * of its own, so that the reply that carries it is encoded apart from the rules' last slice.
   */
  async report(items: CheckedFinding[], uri?: string): Promise<Report> {
    if (items.length <= REPORT_SLICE) return this.reportOf(items, uri);
    if (!this.reports.has(items) && !(uri !== undefined && this.sameAsLast(uri, items))) {
      const diagnostics: Diagnostic[] = [];
      for (let k = 0; k < items.length; k++) {
        if (k > 0 && k % REPORT_SLICE === 0) await yieldToEventLoop();
        diagnostics.push(toDiagnostic(items[k]!));
      }
      // (Made meanwhile by another request: that one is kept.)
      if (!this.reports.has(items)) this.reports.set(items, { resultId: `kw-${++this.reportCount}`, diagnostics });
    }
    await yieldToEventLoop();
    return this.reportOf(items, uri);
  }

  /** The findings last computed for a document. */
  lastOf(uri: string): CheckedFinding[] | undefined {
    return this.last.get(uri);
  }

  /** Documents whose inlay hints were answered from an older analysis: asked again once the current one is made. */
  readonly staleHints = new Set<string>();

  /** A document's current version was analyzed: push clients get its diagnostics; hints answered meanwhile are refreshed. */
  settled(uri: string): void {
    if (this.staleHints.delete(uri) && this.canRefreshInlayHints) this.connection.languages.inlayHint.refresh().catch(() => undefined);
    this.schedule(uri, 0);
  }

  /** Push mode: publish an open document's diagnostics after `delay` ms (0: at once). */
  schedule(uri: string, delay = 150): void {
    if (this.pull) return;
    clearTimeout(this.timers.get(uri));
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        if (!this.isOpen(uri)) return this.clear(uri);
        this.currentFindings(uri)
          .then((found) => {
            // Text that is refused or cannot be analyzed has no diagnostics (none stale from an earlier version).
            if (!found) return this.clear(uri);
            // Made in slices: a newer version's diagnostics may be sent meanwhile, and these are not sent after them.
            const version = this.versionSignal(uri);
            return this.report(found.items, uri).then(({ diagnostics }) => {
              if (this.isOpen(uri) && !version?.aborted) void this.connection.sendDiagnostics({ uri, version: found.doc.version, diagnostics });
            });
          })
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
    this.lastReports.delete(uri);
    if (!this.pull) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  private clear(uri: string): void {
    this.last.delete(uri);
    this.lastReports.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  private refresh(): void {
    if (this.canRefresh) this.connection.languages.diagnostics.refresh().catch(() => undefined);
  }
}
