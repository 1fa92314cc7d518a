import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../support/paths';

/**
 * The house rules of ARCHITECTURE.md, checked on the source: each floor imports only floors below
 * it, and the engine is pure (no Node I/O, no LSP, no vscode).
 */
const FLOORS = ['engine', 'l10n', 'catalog', 'features', 'io', 'lsp', 'cli'] as const;
type Floor = (typeof FLOORS)[number];

/** Which project floors each floor may import. */
const MAY_IMPORT: Record<Floor, readonly Floor[]> = {
  engine: ['engine'],
  l10n: ['l10n'],
  catalog: ['catalog', 'engine'],
  features: ['features', 'catalog', 'engine', 'l10n'],
  io: ['io', 'engine', 'catalog'],
  lsp: ['lsp', 'features', 'catalog', 'engine', 'l10n', 'io'],
  cli: ['cli', 'lsp', 'features', 'catalog', 'engine', 'l10n', 'io'],
};

/** Packages (and Node built-ins) each floor may import. */
const PACKAGES: Record<Floor, RegExp> = {
  engine: /^$/,
  l10n: /^$/,
  catalog: /^$/,
  features: /^vscode-languageserver-types$/,
  io: /^(node:|ignore$|picomatch$)/,
  lsp: /^(node:|vscode-languageserver|vscode-uri$|ignore$|picomatch$)/,
  cli: /^(node:|vscode-languageserver-types$)/,
};

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...sourceFiles(p));
    else if (e.name.endsWith('.ts')) out.push(p);
  }
  return out;
}

function importsOf(source: string): string[] {
  const found: string[] = [];
  const re = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)|import\(\s*['"]([^'"]+)['"]\s*\)/g;
  for (let m = re.exec(source); m; m = re.exec(source)) found.push((m[1] ?? m[2] ?? m[3])!);
  return found;
}

describe('architecture: floors and their imports', () => {
  const serverSrc = path.join(repoRoot, 'server', 'src');
  for (const floor of FLOORS) {
    const dir = path.join(serverSrc, floor);
    if (!fs.existsSync(dir)) continue;
    it(`${floor} imports only ${MAY_IMPORT[floor].join(', ')}${floor === 'engine' ? ' (pure: no Node, LSP or vscode)' : ''}`, () => {
      const problems: string[] = [];
      for (const file of sourceFiles(dir)) {
        for (const spec of importsOf(fs.readFileSync(file, 'utf8'))) {
          const rel = path.relative(repoRoot, file);
          if (spec.startsWith('.')) {
            const target = path.relative(serverSrc, path.resolve(path.dirname(file), spec)).split(path.sep)[0] as Floor;
            if (target.startsWith('..') || !MAY_IMPORT[floor].includes(target)) problems.push(`${rel}: imports ${spec} (floor ${target})`);
          } else if (!PACKAGES[floor].test(spec)) {
            problems.push(`${rel}: imports package ${spec}`);
          }
        }
      }
      assert.deepEqual(problems, []);
    });
  }

  it('the client imports no server code', () => {
    const problems: string[] = [];
    for (const file of sourceFiles(path.join(repoRoot, 'client', 'src'))) {
      for (const spec of importsOf(fs.readFileSync(file, 'utf8'))) {
        if (spec.includes('server/')) problems.push(`${path.relative(repoRoot, file)}: ${spec}`);
      }
    }
    assert.deepEqual(problems, []);
  });
});
