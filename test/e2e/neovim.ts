// Runs the headless Neovim LSP check (test/e2e/neovim/run.sh: init.lua, which runs README.md's Neovim block, and
// test.lua) from Node and returns its JSON result. As a script it checks the shared cases (cases.ts) against the
// REAL server (node dist/cli.js lsp --stdio; run `npm run build` first):
//
//   node out/test/e2e/neovim.js           # hover + definition on seed 003 and 004, diagnostics on seed 000
//   node out/test/e2e/neovim.js --fake    # the harness alone, against the stand-in server fakeServer.js
//
// KW_LSP_CMD (a JSON array) runs another server command instead.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DEFINITION_CASES, DIAGNOSTIC_CASES, HOVER_CASES } from './cases';
import { artifactsDir, e2eDir, log, repoRoot } from './tools';

export interface NeovimLspOptions {
  /** File to open (default seeds/003_5ba8678b3eddeb36.txt). */
  file?: string;
  /** Server command (default: node dist/cli.js lsp --stdio; 'fake': test/e2e/neovim/fakeServer.js). */
  cmd?: string[] | 'fake';
  /** Which checks run (default all). */
  checks?: ('hover' | 'definition' | 'diagnostics')[];
  /** Cursor goes on the first occurrence of this text for hover/definition (default "motie"), offset bytes in. */
  positionText?: string;
  positionOffset?: number;
  /** Fragments the hover must contain. */
  expectHover?: string | string[];
  minDiagnostics?: number;
  expectDefinition?: boolean;
  /** A definition location must be in a file of this name. */
  expectDefinitionFile?: string;
  /** A diagnostic with this code (and line, 1-based, and message fragment) must arrive. */
  expectDiagnostic?: { code: string; line?: number; message?: string };
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
  fs.mkdirSync(path.dirname(resultFile), { recursive: true });
  // No test touches the internet: the server makes no lookup.
  const env: NodeJS.ProcessEnv = { ...process.env, KW_NVIM_RESULT: resultFile, KAMERWIJZER_OFFLINE: '1' };
  if (opts.cmd) env.KW_LSP_CMD = opts.cmd === 'fake' ? 'fake' : JSON.stringify(opts.cmd);
  if (opts.checks) env.KW_NVIM_CHECKS = opts.checks.join(',');
  if (opts.positionText) env.KW_NVIM_POS_TEXT = opts.positionText;
  if (opts.positionOffset !== undefined) env.KW_NVIM_POS_OFFSET = String(opts.positionOffset);
  if (opts.expectHover) env.KW_NVIM_EXPECT_HOVER = ([] as string[]).concat(opts.expectHover).join('|');
  if (opts.expectDefinitionFile) env.KW_NVIM_EXPECT_DEFINITION_FILE = opts.expectDefinitionFile;
  if (opts.expectDiagnostic) {
    env.KW_NVIM_EXPECT_DIAG_CODE = opts.expectDiagnostic.code;
    if (opts.expectDiagnostic.line) env.KW_NVIM_EXPECT_DIAG_LINE = String(opts.expectDiagnostic.line);
    if (opts.expectDiagnostic.message) env.KW_NVIM_EXPECT_DIAG_MESSAGE = opts.expectDiagnostic.message;
  }
  if (opts.minDiagnostics !== undefined) env.KW_NVIM_MIN_DIAGNOSTICS = String(opts.minDiagnostics);
  if (opts.expectDefinition !== undefined) env.KW_NVIM_EXPECT_DEFINITION = opts.expectDefinition ? '1' : '0';
  if (opts.timeoutMs !== undefined) env.KW_NVIM_TIMEOUT_MS = String(opts.timeoutMs);
  const r = spawnSync('bash', [path.join(e2eDir, 'neovim', 'run.sh'), file], { cwd: repoRoot, env, encoding: 'utf8' });
  if (!fs.existsSync(resultFile)) {
    throw new Error(`Neovim wrote no result (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  }
  return JSON.parse(fs.readFileSync(resultFile, 'utf8')) as NeovimLspResult;
}

/** The shared cases as Neovim checks: hover + definition per definition case, diagnostics per diagnostic case. */
function realServerChecks(): [string, NeovimLspOptions][] {
  const seeds = path.join(repoRoot, 'seeds');
  const checks: [string, NeovimLspOptions][] = [];
  for (const [i, c] of DEFINITION_CASES.entries()) {
    const hover = HOVER_CASES.find((h) => h.file === c.file && h.at === c.at);
    checks.push([`hover and definition of "${c.at}" in ${c.file} (→ ${c.target})`, {
      file: path.join(seeds, c.file),
      checks: hover ? ['hover', 'definition'] : ['definition'],
      positionText: c.at,
      positionOffset: c.offset,
      ...(hover ? { expectHover: hover.expect } : {}),
      expectDefinitionFile: c.target,
      resultFile: path.join(artifactsDir, `nvim-lsp-definition-${i + 1}.json`),
    }]);
  }
  for (const [i, c] of DIAGNOSTIC_CASES.entries()) {
    checks.push([`diagnostics of ${c.file}: ${c.code} on line ${c.line}`, {
      file: path.join(seeds, c.file),
      checks: ['diagnostics'],
      expectDiagnostic: { code: c.code, line: c.line, message: c.message },
      resultFile: path.join(artifactsDir, `nvim-lsp-diagnostics-${i + 1}.json`),
    }]);
  }
  return checks;
}

function fakeServerChecks(): { checks: [string, NeovimLspOptions][]; tmp: string } {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kw-nvim-md-'));
  const md = path.join(tmp, 'brief.md');
  fs.writeFileSync(md, '# Kamerbrief\n\nDe motie-Kostić c.s. (Kamerstuk 29826, nr. 250) is aangenomen.\n');
  return {
    tmp,
    checks: [
      ['text file, fake server', { cmd: 'fake', expectHover: 'hello kamerwijzer', minDiagnostics: 1 }],
      ['markdown file, fake server', { cmd: 'fake', file: md, expectHover: 'hello kamerwijzer', minDiagnostics: 1 }],
    ],
  };
}

if (require.main === module) {
  const fake = process.argv.includes('--fake');
  const cmd = process.env.KW_LSP_CMD ? undefined : fake ? undefined : ['node', path.join(repoRoot, 'dist', 'cli.js'), 'lsp', '--stdio'];
  if (!fake && !process.env.KW_LSP_CMD && !fs.existsSync(path.join(repoRoot, 'dist', 'cli.js'))) {
    console.error('dist/cli.js missing: run npm run build first');
    process.exit(1);
  }
  const { checks, tmp } = fake ? fakeServerChecks() : { checks: realServerChecks(), tmp: undefined };
  let passed = 0;
  let failed = 0;
  for (const [name, o] of checks) {
    const res = runNeovimLsp(cmd && !o.cmd ? { ...o, cmd } : o);
    log(`${res.ok ? 'PASS' : 'FAIL'} ${name}: nvim ${res.nvim} (${res.mode}), hover ${JSON.stringify(res.hover?.slice(0, 80))}, ` +
      `${res.diagnostics?.length ?? 0} diagnostic(s), definition ${JSON.stringify(res.definition?.map((d) => path.basename(d.uri)))}, ` +
      `${res.timings_ms.total} ms${res.failures.length ? `; failures: ${res.failures.join('; ')}` : ''}`);
    if (res.ok) passed++;
    else failed++;
  }
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}
