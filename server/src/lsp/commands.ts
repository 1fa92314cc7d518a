/**
 * The server's commands (workspace/executeCommand, protocol.ts SERVER_COMMANDS): look the cited
 * documents up again, download everything the workspace cites for working offline, bring the
 * Tweede Kamer mirror up to date, and cancel a running task. One long task at a time; its progress
 * goes to the client as `kamerwijzer/activity` notifications.
 */
import type { Connection } from 'vscode-languageserver/node';
import { catalogKeyText, type CatalogKey } from '../catalog/model';
import type { OfficialSources } from '../io/official';
import { messages } from '../l10n';
import { citationReport } from '../features/report';
import { formatReport, REPORT_FORMATS, type ReportFormat } from '../features/reportFormats';
import type { IndexedDocument } from '../catalog/workspaceIndex';
import { ACTIVITY_NOTIFICATION, SERVER_COMMANDS, type Activity, type ReportRequest, type ReportResult } from '../protocol';
import { citedCatalogKeys, type Kamerwijzer } from '../service/kamerwijzer';
import type { ServerSettings } from './settings';
import type { WorkspaceSync } from './workspaceSync';

export interface CommandContext {
  readonly connection: Connection;
  readonly service: Kamerwijzer;
  readonly official: OfficialSources;
  readonly sync: WorkspaceSync;
  readonly settings: ServerSettings;
  /** Every open document is to be checked again (new facts arrived). */
  readonly recheckAll: () => void;
}

export class ServerCommands {
  private running: { readonly kind: Activity['kind']; readonly abort: AbortController } | undefined;

  constructor(private readonly c: CommandContext) {}

  get names(): string[] {
    return Object.values(SERVER_COMMANDS);
  }

  async execute(command: string, args: readonly unknown[]): Promise<unknown> {
    switch (command) {
      case SERVER_COMMANDS.cancel:
        this.running?.abort.abort();
        return null;
      case SERVER_COMMANDS.refresh:
        return this.task('refresh', (signal) => this.refresh(typeof args[0] === 'string' ? args[0] : undefined, signal));
      case SERVER_COMMANDS.prefetch:
        return this.task('prefetch', (signal) => this.prefetch(signal));
      case SERVER_COMMANDS.sync:
        return this.task('sync', (signal) => this.syncMirror(signal));
      case SERVER_COMMANDS.report:
        return this.citationReport(args[0]);
      default:
        return null;
    }
  }

  /** Runs one long task at a time, reporting its end; another while one runs is refused. */
  private async task(kind: Activity['kind'], run: (signal: AbortSignal) => Promise<Activity>): Promise<Activity> {
    const m = messages(this.c.settings.locale).commands;
    if (!this.c.official.online) return this.report({ kind, state: 'failed', done: 0, message: m.offline });
    if (this.running) return this.report({ kind, state: 'failed', done: 0, message: m.busy });
    const abort = new AbortController();
    this.running = { kind, abort };
    try {
      const result = await run(abort.signal);
      this.c.recheckAll();
      return this.report(abort.signal.aborted ? { ...result, state: 'cancelled' } : result);
    } catch (e) {
      return this.report({ kind, state: 'failed', done: 0, message: (e as Error).message });
    } finally {
      this.running = undefined;
    }
  }

  private report(a: Activity): Activity {
    void this.c.connection.sendNotification(ACTIVITY_NOTIFICATION, a);
    return a;
  }

  /** The cited documents of one document (or of every open one), fetched again whatever the cache holds. */
  private async refresh(uri: string | undefined, signal: AbortSignal): Promise<Activity> {
    const docs = uri ? [this.c.sync.current(uri)] : this.c.sync.documents.all().map((d) => this.c.sync.current(d.uri));
    const keys = docs.flatMap((d) => (d ? citedCatalogKeys(d) : []));
    await this.c.service.catalog.fetch(keys, signal, true);
    return { kind: 'refresh', state: 'done', done: unique(keys).length };
  }

  /** Everything the workspace cites: the metadata, and the texts of the Kamerstukken. */
  private async prefetch(signal: AbortSignal): Promise<Activity> {
    const keys = unique(this.c.service.citedInWorkspace());
    const m = messages(this.c.settings.locale).commands;
    let done = 0;
    for (let i = 0; i < keys.length && !signal.aborted; i += 8) {
      const batch = keys.slice(i, i + 8);
      await this.c.service.catalog.fetch(batch, signal);
      for (const k of batch) if (k.kind !== 'documentNumber' && !signal.aborted) await this.c.service.catalog.publicationText(k, signal);
      done += batch.length;
      this.report({ kind: 'prefetch', state: 'running', done, total: keys.length, message: m.prefetching(done, keys.length) });
    }
    return { kind: 'prefetch', state: 'done', done, total: keys.length, message: m.prefetched(done) };
  }

  private async citationReport(arg: unknown): Promise<ReportResult> {
    const request = (arg ?? {}) as Partial<ReportRequest>;
    const format = REPORT_FORMATS.includes(request.format as ReportFormat) ? (request.format as ReportFormat) : 'html';
    const uris = typeof request.uri === 'string' ? (this.c.sync.current(request.uri) || this.c.service.entry(request.uri) ? [request.uri] : []) : [...this.c.service.index.entries()].map((e) => e.uri);
    if (!uris.length) return { documents: 0, message: messages(this.c.settings.locale).commands.nothingToReport };
    return { content: await reportOf(this.c.service, uris, (uri) => this.c.sync.whole(uri), format, this.c.settings.locale), documents: uris.length };
  }

  private async syncMirror(signal: AbortSignal): Promise<Activity> {
    const m = messages(this.c.settings.locale).commands;
    let pages = 0;
    const result = await this.c.official.sync({
      signal,
      onProgress: (p) => {
        pages++;
        this.report({ kind: 'sync', state: 'running', done: pages, message: m.syncing(p.category, p.pages) });
      },
    });
    if (result.status === 'busy') return { kind: 'sync', state: 'failed', done: 0, message: m.syncBusy };
    if (result.status === 'failed') return { kind: 'sync', state: 'failed', done: pages, message: result.message };
    return { kind: 'sync', state: result.status === 'done' ? 'done' : 'cancelled', done: result.pages, message: m.synced(result.pages) };
  }
}

/**
 * The citation report of one document or of every document in the workspace, in the asked format;
 * works offline (what is known), like the checks.
 */
async function reportOf(service: Kamerwijzer, uris: readonly string[], whole: (uri: string) => Promise<IndexedDocument | undefined>, format: ReportFormat, locale: 'nl' | 'en'): Promise<string> {
  // One document at a time: the index keeps only the entries of the files the editor does not have open.
  async function* checked(): AsyncGenerator<{ doc: IndexedDocument; findings: Awaited<ReturnType<Kamerwijzer['findings']>> }> {
    for (const uri of uris) {
      const doc = await whole(uri).catch(() => undefined);
      if (doc) yield { doc, findings: await service.findings(doc).catch(() => []) };
    }
  }
  const report = await citationReport(checked(), service.context());
  const root = commonFolder(uris);
  return formatReport(report, format, messages(locale), locale, (uri) => decodeURIComponent(uri.startsWith(root) ? uri.slice(root.length) : uri));
}

/** The deepest folder URI ("file:///ws/") that holds all these URIs. */
function commonFolder(uris: readonly string[]): string {
  if (!uris.length) return '';
  let prefix = uris[0]!.slice(0, uris[0]!.lastIndexOf('/') + 1);
  for (const u of uris) while (prefix && !u.startsWith(prefix)) prefix = prefix.slice(0, prefix.lastIndexOf('/', prefix.length - 2) + 1);
  return prefix;
}

function unique(keys: readonly CatalogKey[]): CatalogKey[] {
  return [...new Map(keys.map((k) => [catalogKeyText(k), k])).values()];
}
