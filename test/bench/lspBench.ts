/**
 * A bare JSON-RPC client for the bench: starts the built language server over stdio, answers what
 * an editor answers (configuration, registrations, refreshes) and times requests. Unlike the tests'
 * LspSession it knows the server's process id (for its resident set) and which bundle it starts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter, type InitializeParams, type ProtocolConnection } from 'vscode-languageserver-protocol/node';
import { INDEXED_NOTIFICATION } from '../../server/src/protocol';
import { repoRoot } from '../support/paths';

export interface BenchServerOptions {
  /** The workspace folder (may be empty). */
  readonly folder: string;
  /** dist/server.js (what VS Code starts) or dist/cli.js lsp. */
  readonly bundle?: 'server' | 'cli';
  /** Where the server keeps V8's code cache ($XDG_CACHE_HOME); the bench's own folder by default, never the user's. */
  readonly codeCache?: string;
  /** The cache folder (the setting kamerwijzer.cacheDirectory), kept when the server stops; a new one, removed then, by default. */
  readonly cacheDirectory?: string;
}

/** The bench's folder for V8's code cache of the server (one per run). */
let benchCodeCache: string | undefined;

export class BenchServer {
  private indexedWaiters: (() => void)[] = [];
  indexedCount = 0;
  private readonly cacheDir: string;

  private constructor(
    readonly connection: ProtocolConnection,
    readonly child: ChildProcess,
    /** performance.now() when the process was spawned. */
    readonly spawnedAt: number,
    cacheDir: string,
    /** Whether the cache folder is the server's own (removed when it stops). */
    private readonly ownCacheDir: boolean,
  ) {
    this.cacheDir = cacheDir;
  }

  /** Spawns the server; nothing is sent yet. */
  static spawn(options: BenchServerOptions): BenchServer {
    const args = options.bundle === 'cli' ? [path.join(repoRoot, 'dist', 'cli.js'), 'lsp', '--stdio'] : [path.join(repoRoot, 'dist', 'server.js'), '--stdio'];
    const spawnedAt = performance.now();
    const xdg = options.codeCache ?? (benchCodeCache ??= fs.mkdtempSync(path.join(os.tmpdir(), 'kw-bench-codecache-')));
    const child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'ignore'], env: { ...process.env, XDG_CACHE_HOME: xdg } });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const cacheDir = options.cacheDirectory ?? fs.mkdtempSync(path.join(os.tmpdir(), 'kw-bench-cache-'));
    const settings = { online: false, cacheDirectory: cacheDir };
    connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) => params.items.map((i) => (i.section === 'kamerwijzer' ? settings : i.section === 'files.exclude' ? {} : null)));
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onRequest('workspace/diagnostic/refresh', () => null);
    connection.onRequest('workspace/inlayHint/refresh', () => null);
    connection.onNotification('window/logMessage', () => undefined);
    connection.onNotification('window/showMessage', () => undefined);
    connection.onNotification('textDocument/publishDiagnostics', () => undefined);
    const server = new BenchServer(connection, child, spawnedAt, cacheDir, !options.cacheDirectory);
    connection.onNotification(INDEXED_NOTIFICATION, () => {
      server.indexedCount++;
      const waiting = server.indexedWaiters;
      server.indexedWaiters = [];
      for (const w of waiting) w();
    });
    connection.listen();
    return server;
  }

  /** Sends initialize (pull diagnostics, like VS Code); resolves with the time it was answered. */
  async initialize(folder: string): Promise<number> {
    const params: InitializeParams = {
      processId: process.pid,
      rootUri: pathToFileURL(folder).toString(),
      workspaceFolders: [{ uri: pathToFileURL(folder).toString(), name: path.basename(folder) }],
      locale: 'nl',
      capabilities: {
        workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true }, diagnostics: { refreshSupport: true } },
        textDocument: {
          diagnostic: { relatedDocumentSupport: false },
          publishDiagnostics: { relatedInformation: true },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          synchronization: { didSave: false },
        },
      },
      initializationOptions: { settings: { online: false, cacheDirectory: this.cacheDir } },
    };
    await this.connection.sendRequest('initialize', params);
    const answered = performance.now();
    await this.connection.sendNotification('initialized', {});
    return answered;
  }

  /** Resolves at the next kamerwijzer/indexed notification (or at once when `count` were already seen). */
  indexed(count = 1): Promise<void> {
    if (this.indexedCount >= count) return Promise.resolve();
    return new Promise((resolve) => {
      const check = (): void => {
        if (this.indexedCount >= count) resolve();
        else this.indexedWaiters.push(check);
      };
      this.indexedWaiters.push(check);
    });
  }

  /** The server process's peak resident set so far, in MB (Linux: /proc; undefined elsewhere). */
  peakRssMb(): number | undefined {
    return this.statusMb('VmHWM');
  }

  /** The server process's resident set now, in MB (Linux: /proc; undefined elsewhere). */
  rssMb(): number | undefined {
    return this.statusMb('VmRSS');
  }

  private statusMb(field: 'VmHWM' | 'VmRSS'): number | undefined {
    try {
      const status = fs.readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
      const m = new RegExp(`${field}:\\s+(\\d+)\\s+kB`).exec(status);
      return m ? Number(m[1]) / 1024 : undefined;
    } catch {
      return undefined;
    }
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      await this.connection.sendNotification('exit');
    } catch {
      // gone already
    }
    this.connection.dispose();
    this.child.kill();
    if (this.ownCacheDir) fs.rmSync(this.cacheDir, { recursive: true, force: true });
  }
}
