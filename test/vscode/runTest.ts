// `npm run test:vscode`: the extension-host test suite (suite/) in a real VS Code, via @vscode/test-electron.
// Downloads VS Code (the newest stable release that satisfies package.json's engines.vscode) into .vscode-test/,
// opens a temporary copy of seeds/ with the extension under development (dist/, built by the npm script) and
// runs suite/index.js inside the extension host. The cases are test/e2e/cases.ts, shared with the code-server run.
//
// Where VS Code cannot be downloaded (no network) or cannot be shown (Linux without a display), it prints one
// "test:vscode skipped: …" line and exits 0. Under Linux without a display: xvfb-run -a npm run test:vscode.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { download, runTests, SilentReporter } from '@vscode/test-electron';
import { SETTINGS } from '../e2e/cases';
import { repoRoot } from '../support/paths';

/** Idle time-out of each download request (no data for this long: give up). */
const DOWNLOAD_IDLE_TIMEOUT_MS = 10_000;
/** The whole download (about 150 MB) may take this long. */
const DOWNLOAD_TOTAL_TIMEOUT_MS = 10 * 60_000;

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    p,
    new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms / 1000} s`)), ms))),
  ]).finally(() => clearTimeout(timer));
}

async function main(): Promise<number> {
  let vscodeExecutablePath: string;
  try {
    vscodeExecutablePath = await withTimeout(
      download({
        extensionDevelopmentPath: repoRoot,
        cachePath: path.join(repoRoot, '.vscode-test'),
        timeout: DOWNLOAD_IDLE_TIMEOUT_MS,
        reporter: process.env.KW_VSCODE_DOWNLOAD_PROGRESS === '1' ? undefined : new SilentReporter(),
      }),
      DOWNLOAD_TOTAL_TIMEOUT_MS,
      'the download',
    );
  } catch (e) {
    const reason = (e instanceof Error ? e.message : String(e)).split('\n')[0];
    console.log(`test:vscode skipped: VS Code could not be downloaded (${reason})`);
    return 0;
  }
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    console.log('test:vscode skipped: no display to run VS Code on (run it as: xvfb-run -a npm run test:vscode)');
    return 0;
  }

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kw-vscode-test-'));
  try {
    // A copy of the seeds: the quick-fix case edits a file.
    const workspace = path.join(tmp, 'seeds');
    fs.cpSync(path.join(repoRoot, 'seeds'), workspace, { recursive: true });
    const userData = path.join(tmp, 'user-data');
    fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
    fs.writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify({ ...SETTINGS, 'security.workspace.trust.enabled': false }, null, 2));
    await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: path.join(__dirname, 'suite', 'index.js'),
      launchArgs: [
        workspace,
        '--disable-extensions',
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        `--user-data-dir=${userData}`,
        // Electron refuses to run as root without it (CI containers).
        ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      ],
    });
    return 0;
  } catch (e) {
    console.error(`test:vscode failed: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
