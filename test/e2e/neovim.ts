// Runs the headless Neovim LSP check (test/e2e/neovim/run.sh: init.lua + test.lua) from Node and returns its
// JSON result. As a script it checks the fake server:  node out/test/e2e/neovim.js
//
// Later, for the real server:
//   runNeovimLsp({ file: 'seeds/003_….txt', cmd: ['node', 'dist/cli.js', 'lsp', '--stdio'], expectHover: '…' })
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { artifactsDir, e2eDir, log, repoRoot } from './tools';

export interface NeovimLspOptions {
  /** File to open (default seeds/003_5ba8678b3eddeb36.txt). */
  file?: string;
  /** Server command (default: test/e2e/neovim/fakeServer.js). */
  cmd?: string[];
  /** Cursor goes on the first occurrence of this text for hover/definition (default "motie"). */
  positionText?: string;
  expectHover?: string;
  minDiagnostics?: number;
  expectDefinition?: boolean;
  timeoutMs?: number;
  /** Where the JSON goes (default artifacts/nvim-lsp-<file>.json). */
  resultFile?: string;
}

export interface NeovimLspResult {
  ok: boolean;
  exit_code: number;
  nvim: string;
  mode: 'vim.lsp.config' | 'vim.lsp.start' | 'vim.lsp.start_client';
  attached: boolean;
  filetype: string;
  hover?: string;
  definition?: { uri: string; line: number; character: number }[];
  diagnostics?: { lnum: number; col: number; severity: number; message: string; source?: string; code?: string | number }[];
  failures: string[];
  timings_ms: Record<string, number>;
}

export function runNeovimLsp(opts: NeovimLspOptions = {}): NeovimLspResult {
  const file = path.resolve(opts.file ?? path.join(repoRoot, 'seeds', '003_5ba8678b3eddeb36.txt'));
  const resultFile = opts.resultFile ?? path.join(artifactsDir, `nvim-lsp-${path.basename(file)}.json`);
  const env: NodeJS.ProcessEnv = { ...process.env, KW_NVIM_RESULT: resultFile };
  if (opts.cmd) env.KW_LSP_CMD = JSON.stringify(opts.cmd);
  if (opts.positionText) env.KW_NVIM_POS_TEXT = opts.positionText;
  if (opts.expectHover) env.KW_NVIM_EXPECT_HOVER = opts.expectHover;
  if (opts.minDiagnostics !== undefined) env.KW_NVIM_MIN_DIAGNOSTICS = String(opts.minDiagnostics);
  if (opts.expectDefinition !== undefined) env.KW_NVIM_EXPECT_DEFINITION = opts.expectDefinition ? '1' : '0';
  if (opts.timeoutMs !== undefined) env.KW_NVIM_TIMEOUT_MS = String(opts.timeoutMs);
  const r = spawnSync('bash', [path.join(e2eDir, 'neovim', 'run.sh'), file], { cwd: repoRoot, env, encoding: 'utf8' });
  if (!fs.existsSync(resultFile)) {
    throw new Error(`Neovim wrote no result (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  }
  return JSON.parse(fs.readFileSync(resultFile, 'utf8')) as NeovimLspResult;
}

if (require.main === module) {
  const mdDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kw-nvim-md-'));
  const md = path.join(mdDir, 'brief.md');
  fs.writeFileSync(md, '# Kamerbrief\n\nDe motie-Kostić c.s. (Kamerstuk 29826, nr. 250) is aangenomen.\n');
  const checks: [string, NeovimLspOptions][] = [
    ['text file, fake server', { expectHover: 'hello kamerwijzer', minDiagnostics: 1 }],
    ['markdown file, fake server', { file: md, expectHover: 'hello kamerwijzer', minDiagnostics: 1 }],
  ];
  let passed = 0;
  let failed = 0;
  for (const [name, o] of checks) {
    const res = runNeovimLsp(o);
    log(`${res.ok ? 'PASS' : 'FAIL'} ${name}: nvim ${res.nvim} (${res.mode}), hover ${JSON.stringify(res.hover)}, ` +
      `${res.diagnostics?.length ?? 0} diagnostic(s), ${res.definition?.length ?? 0} definition(s), ` +
      `${res.timings_ms.total} ms${res.failures.length ? `; failures: ${res.failures.join('; ')}` : ''}`);
    if (res.ok) passed++;
    else failed++;
  }
  fs.rmSync(mdDir, { recursive: true, force: true });
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}
