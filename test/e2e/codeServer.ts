// Starts and stops code-server (VS Code 1.139 in the browser) for the end-to-end tests.
//
// code-server runs under Node 24 (.tools/node24), the test itself under the system Node 20. Each instance gets
// its own temporary user-data, extensions, config and XDG dirs, so nothing in ~ is read or written and runs
// do not see each other's state. The whole process tree (code-server, the VS Code server, the extension host and
// any language server the extension starts) runs in its own process group, which stop() kills.
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { artifactsDir, assertToolsInstalled, codeServerBin, log, node24Bin, StopWaiting, waitFor } from './tools';

export interface CodeServerOptions {
  /** The folder to open (absolute path). */
  workspace: string;
  /** .vsix files to install (with `code-server --install-extension`) before starting. */
  vsix?: string[];
  /** User settings merged over DEFAULT_SETTINGS and written to <user-data-dir>/User/settings.json. */
  settings?: Record<string, unknown>;
  /** Time allowed for one start-up attempt until the HTTP port answers (default 60 s). */
  startTimeoutMs?: number;
  /** Start-up attempts (default 3): a new port and fresh directories each time. */
  attempts?: number;
  /** Extra environment for code-server (and so for the extension host and the language server). */
  env?: Record<string, string>;
  /** Where code-server's output is written (default: <artifacts>/code-server-<port>.log). */
  logFile?: string;
  /** Keep the temporary directories after stop() (for debugging). Also: E2E_KEEP_TMP=1. */
  keepTmp?: boolean;
}

export interface CodeServer {
  port: number;
  /** e.g. http://127.0.0.1:41234 */
  baseUrl: string;
  /** The workbench URL with the workspace folder open. */
  folderUrl: string;
  workspace: string;
  tmpDir: string;
  userDataDir: string;
  extensionsDir: string;
  logFile: string;
  /** The process-group leader's pid (code-server's). */
  pid: number;
  /** code-server's output so far (also in logFile). */
  output(): string;
  stop(): Promise<void>;
}

/** Settings that keep the workbench quiet and deterministic for tests. */
export const DEFAULT_SETTINGS: Record<string, unknown> = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.reduceMotion': 'on',
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'chat.disableAIFeatures': true,
  'chat.commandCenter.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'outline.collapseItems': 'alwaysExpand',
  'git.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
  'editor.hover.delay': 300,
  'editor.minimap.enabled': false,
  'files.autoSave': 'off',
  'window.restoreWindows': 'none',
  'workbench.editor.enablePreview': false,
  'editor.wordWrap': 'on',
};

/** A free TCP port on 127.0.0.1 (the OS picks it; a race with another process is handled by retrying). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      if (addr === null || typeof addr === 'string') return reject(new Error('no port'));
      srv.close(() => resolve(addr.port));
    });
  });
}

function httpGet(url: string, timeoutMs: number): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { timeout: timeoutMs }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('timeout', () => req.destroy(new Error('http timeout')));
    req.on('error', reject);
  });
}

/** Environment for code-server: Node 24 first on PATH, home-independent config/data dirs, no inherited VS Code vars. */
function codeServerEnv(tmpDir: string, extra: Record<string, string> | undefined): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    // Variables of an outer VS Code (e.g. when run from its terminal) or Node options for the test's Node 20
    // must not leak into code-server.
    if (k.startsWith('VSCODE_') || k === 'ELECTRON_RUN_AS_NODE' || k === 'NODE_OPTIONS') continue;
    env[k] = v;
  }
  env.PATH = `${node24Bin}${path.delimiter}${process.env.PATH ?? ''}`;
  env.XDG_CONFIG_HOME = path.join(tmpDir, 'xdg-config');
  env.XDG_DATA_HOME = path.join(tmpDir, 'xdg-data');
  env.XDG_CACHE_HOME = path.join(tmpDir, 'xdg-cache');
  env.DONT_PROMPT_WSL_INSTALL = '1';
  // No extension gallery: code-server's default (open-vsx.org) cannot be reached here; an empty gallery
  // configuration disables the marketplace queries instead of letting them fail on DNS.
  env.EXTENSIONS_GALLERY = '{}';
  return { ...env, ...extra };
}

/** Runs code-server once to completion (for --install-extension etc.), with Node 24 on PATH. */
export function runCodeServerCli(args: string[], env: NodeJS.ProcessEnv, timeoutMs = 120_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(codeServerBin, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`code-server ${args.join(' ')} timed out after ${timeoutMs} ms:\n${out}`));
    }, timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(out);
      else reject(new Error(`code-server ${args.join(' ')} exited with ${code ?? signal}:\n${out}`));
    });
  });
}

/** Installs .vsix files into the given extensions dir and checks that code-server then lists them. */
export async function installExtensions(
  vsixFiles: string[],
  dirs: { userDataDir: string; extensionsDir: string; tmpDir: string },
  env: NodeJS.ProcessEnv,
): Promise<string[]> {
  for (const vsix of vsixFiles) {
    if (!fs.existsSync(vsix)) throw new Error(`vsix not found: ${vsix}`);
    const t0 = Date.now();
    const out = await runCodeServerCli(
      [
        '--user-data-dir', dirs.userDataDir,
        '--extensions-dir', dirs.extensionsDir,
        '--config', path.join(dirs.tmpDir, 'config.yaml'),
        '--force',
        '--install-extension', path.resolve(vsix),
      ],
      env,
    );
    if (!/successfully installed/i.test(out)) {
      throw new Error(`installing ${vsix} did not report success:\n${out}`);
    }
    log(`installed ${path.basename(vsix)} in ${Date.now() - t0} ms`);
  }
  const listed = await runCodeServerCli(
    ['--user-data-dir', dirs.userDataDir, '--extensions-dir', dirs.extensionsDir, '--config',
      path.join(dirs.tmpDir, 'config.yaml'), '--list-extensions', '--show-versions'],
    env,
  );
  return listed.split('\n').map((l) => l.trim()).filter((l) => /^[\w.-]+\.[\w.-]+@/.test(l));
}

/**
 * Process groups still running (pid -> temp dir to remove, if any): killed when the test process exits,
 * however it exits (a forgotten stop(), an exception, Ctrl+C, a CI time-out's SIGTERM).
 */
const liveGroups = new Map<number, string | undefined>();
let exitHookInstalled = false;
function killAllSync(): void {
  for (const [p, tmp] of liveGroups) {
    killGroup(p, 'SIGKILL');
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  }
  liveGroups.clear();
}
function trackGroup(pid: number, tmpDir: string | undefined): void {
  liveGroups.set(pid, tmpDir);
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', killAllSync);
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(sig, () => {
      killAllSync();
      process.exit(sig === 'SIGINT' ? 130 : 143);
    });
  }
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function stopProcessGroup(child: ChildProcess): Promise<void> {
  const pid = child.pid;
  if (pid === undefined) return;
  killGroup(pid, 'SIGTERM');
  try {
    await waitFor('code-server process group to exit', () => !groupAlive(pid), 10_000, 100);
  } catch {
    log(`code-server group ${pid} did not exit on SIGTERM, sending SIGKILL`);
    killGroup(pid, 'SIGKILL');
    await waitFor('code-server process group to die', () => !groupAlive(pid), 5_000, 100);
  }
}

async function startOnce(opts: CodeServerOptions, attempt: number): Promise<CodeServer> {
  const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kw-code-server-'));
  const userDataDir = path.join(tmpDir, 'user-data');
  const extensionsDir = path.join(tmpDir, 'extensions');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  // An explicit config file, so code-server neither reads nor writes ~/.config/code-server/config.yaml.
  fs.writeFileSync(path.join(tmpDir, 'config.yaml'), 'auth: none\ncert: false\n');
  fs.writeFileSync(
    path.join(userDataDir, 'User', 'settings.json'),
    JSON.stringify({ ...DEFAULT_SETTINGS, ...opts.settings }, null, 2),
  );
  const env = codeServerEnv(tmpDir, opts.env);
  const cleanupTmp = () => {
    if (!(opts.keepTmp || process.env.E2E_KEEP_TMP === '1')) fs.rmSync(tmpDir, { recursive: true, force: true });
  };

  try {
    if (opts.vsix && opts.vsix.length > 0) {
      const listed = await installExtensions(opts.vsix, { userDataDir, extensionsDir, tmpDir }, env);
      log(`extensions: ${listed.join(', ') || '(none listed)'}`);
    }
  } catch (e) {
    cleanupTmp();
    throw e;
  }

  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  fs.mkdirSync(artifactsDir, { recursive: true });
  const logFile = opts.logFile ?? path.join(artifactsDir, `code-server-${port}.log`);
  const logStream = fs.createWriteStream(logFile);
  let output = '';
  const args = [
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    '--config', path.join(tmpDir, 'config.yaml'),
    '--ignore-last-opened',
    opts.workspace,
  ];
  log(`starting code-server on ${baseUrl} (attempt ${attempt}), log ${logFile}`);
  const t0 = Date.now();
  // detached: its own process group, so that stop() reaches every descendant with one kill(-pid).
  const child = spawn(codeServerBin, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const keep = opts.keepTmp || process.env.E2E_KEEP_TMP === '1';
  if (child.pid !== undefined) trackGroup(child.pid, keep ? undefined : tmpDir);
  const onData = (d: Buffer) => {
    output += d.toString();
    logStream.write(d);
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  let exited: string | undefined;
  child.on('exit', (code, signal) => {
    exited = `exited with ${code ?? signal}`;
  });
  child.on('error', (e) => {
    exited = `failed to spawn: ${e.message}`;
  });

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await stopProcessGroup(child);
    if (child.pid !== undefined) liveGroups.delete(child.pid);
    await new Promise<void>((resolve) => logStream.end(resolve));
    cleanupTmp();
  };

  try {
    await waitFor(
      `code-server HTTP on ${baseUrl}`,
      async () => {
        if (exited) throw new StopWaiting(`code-server ${exited}:\n${output.slice(-2000)}`);
        // /healthz answers once the HTTP server is up; then the workbench page itself must be served.
        const health = await httpGet(`${baseUrl}/healthz`, 2_000);
        if (health.status !== 200) return false;
        const page = await httpGet(`${baseUrl}/?folder=${encodeURIComponent(opts.workspace)}`, 5_000);
        return page.status === 200 && page.body.includes('workbench') ? true : false;
      },
      opts.startTimeoutMs ?? 60_000,
      200,
    ).catch((e: Error) => {
      // A dead process is not worth waiting for: report it as such.
      if (exited) throw new Error(`code-server ${exited}:\n${output.slice(-2000)}`);
      throw e;
    });
  } catch (e) {
    await stop();
    throw e;
  }
  log(`code-server ready on ${baseUrl} in ${Date.now() - t0} ms`);

  return {
    port,
    baseUrl,
    folderUrl: `${baseUrl}/?folder=${encodeURIComponent(opts.workspace)}`,
    workspace: opts.workspace,
    tmpDir,
    userDataDir,
    extensionsDir,
    logFile,
    pid: child.pid!,
    output: () => output,
    stop,
  };
}

/** Starts code-server for opts.workspace; retries start-up (fresh port and dirs) up to opts.attempts times. */
export async function startCodeServer(opts: CodeServerOptions): Promise<CodeServer> {
  assertToolsInstalled();
  if (!fs.existsSync(opts.workspace)) throw new Error(`workspace not found: ${opts.workspace}`);
  const attempts = opts.attempts ?? 3;
  let lastError: unknown;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      return await startOnce(opts, attempt);
    } catch (e) {
      lastError = e;
      log(`code-server start attempt ${attempt}/${attempts} failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  throw lastError instanceof Error ? lastError : new Error(String(lastError));
}
