import { spawn, type ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver-protocol/node';
import { LineIndex } from '../../server/src/engine/lineIndex';
import { INDEXED_NOTIFICATION } from '../../server/src/protocol';
import type { Position } from '../../server/src/engine/model';
import { repoRoot } from './paths';

/**
 * A real JSON-RPC client talking to the built language server (dist/cli.js lsp --stdio) over
 * stdio, as an editor does.
 */
export class LspSession {
  /** Fires on every message from the server the session records. */
  private readonly events = new EventEmitter();
  /** How many kamerwijzer/indexed notifications arrived. */
  indexedCount = 0;
  /** How often the server asked the client to pull diagnostics again. */
  diagnosticRefreshes = 0;
  /** Diagnostics the server pushed (clients without pull diagnostics), by URI. */
  readonly published = new Map<string, { version?: number; diagnostics: { code?: string | number; message: string; range: { start: { line: number } } }[] }>();
  /** What the server showed the user (window/showMessage) and wrote to its log (window/logMessage). */
  readonly shown: { type: number; message: string }[] = [];
  readonly logged: { type: number; message: string }[] = [];
  /** What the server registered with the client (client/registerCapability). */
  readonly registrations: { method: string; registerOptions?: unknown }[] = [];

  private constructor(
    readonly connection: ProtocolConnection,
    private readonly child: ChildProcess,
    readonly initializeResult: InitializeResult,
    readonly stderr: string[],
  ) {}

  static async start(options: {
    folders: string[];
    locale?: string;
    settings?: Record<string, unknown>;
    filesExclude?: Record<string, boolean>;
    configuration?: boolean;
    pullDiagnostics?: boolean;
    trusted?: boolean;
    /** Environment variables for the server process (besides the test's own). */
    env?: Record<string, string>;
    /** The command line that runs the server (dist/cli.js unless given: the bench compares builds). */
    cli?: string;
    /** Says (initializationOptions.watchesFiles) that the client watches the files itself, as the VS Code extension does. */
    watchesFiles?: boolean;
  }): Promise<LspSession> {
    const child = spawn(process.execPath, [options.cli ?? path.join(repoRoot, 'dist', 'cli.js'), 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, XDG_CACHE_HOME: testCacheHome(), ...options.env } });
    const stderr: string[] = [];
    child.stderr!.on('data', (d: Buffer) => stderr.push(d.toString()));
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    // No test touches the internet: offline unless a test points the sources at its replay server.
    const settings = { online: false, cacheDirectory: fs.mkdtempSync(path.join(os.tmpdir(), 'kw-lsp-cache-')), ...(options.settings ?? {}) };
    connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) =>
      params.items.map((i) => (i.section === 'kamerwijzer' ? settings : i.section === 'files.exclude' ? (options.filesExclude ?? {}) : null)),
    );
    connection.onRequest('client/registerCapability', (p: { registrations: { method: string; registerOptions?: unknown }[] }) => {
      later((s) => s.record(() => s.registrations.push(...p.registrations)));
      return null;
    });
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onNotification('window/logMessage', (p: { type: number; message: string }) => later((s) => s.record(() => s.logged.push(p))));
    connection.onNotification('window/showMessage', (p: { type: number; message: string }) => later((s) => s.record(() => s.shown.push(p))));
    let firstIndexed: () => void = () => undefined;
    const indexed = new Promise<void>((resolve) => (firstIndexed = resolve));
    let session: LspSession | undefined;
    const early: (() => void)[] = [];
    const later = (f: (s: LspSession) => void): void => (session ? f(session) : void early.push(() => f(session!)));
    connection.onNotification(INDEXED_NOTIFICATION, () => {
      firstIndexed();
      later((s) => s.record(() => s.indexedCount++));
    });
    connection.onRequest('workspace/diagnostic/refresh', () => {
      later((s) => s.record(() => s.diagnosticRefreshes++));
      return null;
    });
    connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; version?: number; diagnostics: [] }) => later((s) => s.record(() => s.published.set(p.uri, p))));
    connection.listen();
    const { pathToFileURL } = await import('node:url');
    const params: InitializeParams = {
      processId: process.pid,
      rootUri: pathToFileURL(options.folders[0]!).toString(),
      workspaceFolders: options.folders.map((f) => ({ uri: pathToFileURL(f).toString(), name: path.basename(f) })),
      locale: options.locale ?? 'nl',
      capabilities: {
        workspace: {
          configuration: options.configuration ?? true,
          workspaceFolders: true,
          didChangeWatchedFiles: { dynamicRegistration: true },
          ...(options.pullDiagnostics === false ? {} : { diagnostics: { refreshSupport: true } }),
        },
        textDocument: {
          ...(options.pullDiagnostics === false ? {} : { diagnostic: { relatedDocumentSupport: false } }),
          publishDiagnostics: { relatedInformation: true },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          definition: { linkSupport: false },
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
        },
      },
      initializationOptions: { settings, ...(options.trusted === false ? { trusted: false } : {}), ...(options.watchesFiles ? { watchesFiles: true } : {}) },
    };
    const result = (await connection.sendRequest('initialize', params)) as InitializeResult;
    await connection.sendNotification('initialized', {});
    await indexed;
    session = new LspSession(connection, child, result, stderr);
    for (const f of early) f();
    return session;
  }

  private record(change: () => void): void {
    change();
    this.events.emit('message');
  }

  /** Waits until `check` holds, looking again at every message the session records (fails after `ms`). */
  until(check: () => boolean, ms = 10000): Promise<void> {
    if (check()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.events.off('message', look);
        reject(new Error('condition not reached'));
      }, ms);
      const look = (): void => {
        if (!check()) return;
        clearTimeout(timer);
        this.events.off('message', look);
        resolve();
      };
      this.events.on('message', look);
    });
  }

  /** Does `action`, then waits for the next kamerwijzer/indexed notification (the index changed). */
  async indexedAfter(action: () => Promise<void>): Promise<void> {
    const before = this.indexedCount;
    await action();
    await this.until(() => this.indexedCount > before);
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  notify(method: string, params: unknown): Promise<void> {
    return this.connection.sendNotification(method, params);
  }

  async stop(): Promise<void> {
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } catch {
      // already gone
    }
    this.connection.dispose();
    this.child.kill();
  }
}

/** The position of the n-th occurrence (0-based) of `needle` in `text`, plus `delta` characters. */
export function positionOf(text: string, needle: string, delta = 0, occurrence = 0): Position {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`${JSON.stringify(needle)} not found (occurrence ${occurrence})`);
  }
  return new LineIndex(text).positionAt(at + delta);
}

let cacheHome: string | undefined;
/** The tests' own cache folder (the server's code cache, fetched documents): never the user's ~/.cache. */
function testCacheHome(): string {
  if (!cacheHome) {
    const made = fs.mkdtempSync(path.join(os.tmpdir(), 'kamerwijzer-test-cache-'));
    process.once('exit', () => fs.rmSync(made, { recursive: true, force: true }));
    cacheHome = made;
  }
  return cacheHome;
}
