import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';
import { repoRoot } from '../support/paths';

/**
 * The house rules of ARCHITECTURE.md and docs/architecture.md, checked on the source: each floor
 * imports only floors below it; the engine is pure (no Node I/O, no LSP, no vscode); no feature
 * imports another feature's entry file and no rule another rule; nothing above the catalog names a
 * concrete catalog source; the client shares only the protocol module with the server.
 */
const FLOORS = ['engine', 'l10n', 'protocol', 'catalog', 'features', 'service', 'io', 'lsp', 'cli'] as const;
type Floor = (typeof FLOORS)[number];

/** Which project floors each floor may import. */
const MAY_IMPORT: Record<Floor, readonly Floor[]> = {
  engine: ['engine'],
  l10n: ['l10n'],
  protocol: [],
  catalog: ['catalog', 'engine'],
  features: ['features', 'catalog', 'engine', 'l10n'],
  service: ['service', 'features', 'catalog', 'engine', 'l10n'],
  io: ['io', 'engine', 'catalog', 'protocol'],
  lsp: ['lsp', 'service', 'features', 'catalog', 'engine', 'l10n', 'io', 'protocol'],
  cli: ['cli', 'lsp', 'service', 'features', 'catalog', 'engine', 'l10n', 'io', 'protocol'],
};

/** Packages (and Node built-ins) each floor may import. */
const PACKAGES: Record<Floor, RegExp> = {
  engine: /^$/,
  l10n: /^$/,
  protocol: /^$/,
  catalog: /^sax$/,
  features: /^vscode-languageserver-types$/,
  service: /^vscode-languageserver-types$/,
  io: /^(node:|ignore$|picomatch$)/,
  lsp: /^(node:|vscode-languageserver|vscode-uri$|ignore$|picomatch$)/,
  cli: /^(node:|vscode-languageserver-types$)/,
};

/** The files a feature is called through (by the composition root); no other feature imports them. */
const FEATURE_ENTRIES = ['hover', 'definition', 'references', 'documentLinks', 'documentSymbols', 'workspaceSymbols', 'completion', 'codeActions', 'inlayHints', 'diagnostics/run', 'diagnostics/rules'].map((f) =>
  path.join('server', 'src', 'features', `${f}.ts`),
);

const serverSrc = path.join(repoRoot, 'server', 'src');

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

/** The floor of a file under server/src ("protocol.ts" is a floor of one file). */
function floorOf(file: string): Floor {
  return path.relative(serverSrc, file).split(path.sep)[0]!.replace(/\.ts$/, '') as Floor;
}

/** Every project import of the server: [importing file, imported file], relative to the repository. */
function projectImports(): [string, string][] {
  const out: [string, string][] = [];
  for (const file of sourceFiles(serverSrc)) {
    for (const spec of importsOf(fs.readFileSync(file, 'utf8'))) {
      if (spec.startsWith('.')) out.push([path.relative(repoRoot, file), path.relative(repoRoot, path.resolve(path.dirname(file), spec)) + '.ts']);
    }
  }
  return out;
}

describe('architecture: floors and their imports', () => {
  for (const floor of FLOORS) {
    const files = sourceFiles(serverSrc).filter((f) => floorOf(f) === floor);
    if (!files.length) continue;
    it(`${floor} imports only ${MAY_IMPORT[floor].join(', ') || 'nothing'}${floor === 'engine' ? ' (pure: no Node, LSP or vscode)' : ''}`, () => {
      const problems: string[] = [];
      for (const file of files) {
        for (const spec of importsOf(fs.readFileSync(file, 'utf8'))) {
          const rel = path.relative(repoRoot, file);
          if (spec.startsWith('.')) {
            const target = path.resolve(path.dirname(file), spec);
            const targetFloor = floorOf(target + '.ts');
            if (path.relative(serverSrc, target).startsWith('..') || (targetFloor !== floor && !MAY_IMPORT[floor].includes(targetFloor))) problems.push(`${rel}: imports ${spec} (floor ${targetFloor})`);
          } else if (!PACKAGES[floor].test(spec)) {
            problems.push(`${rel}: imports package ${spec}`);
          }
        }
      }
      assert.deepEqual(problems, []);
    });
  }

  it("no feature imports another feature's entry file", () => {
    const problems = projectImports().filter(([from, to]) => from.startsWith(path.join('server', 'src', 'features')) && FEATURE_ENTRIES.includes(to));
    assert.deepEqual(problems.map(([a, b]) => `${a} → ${b}`), []);
  });

  it('no rule imports another rule', () => {
    const rules = path.join('server', 'src', 'features', 'diagnostics', 'rules') + path.sep;
    const problems = projectImports().filter(([from, to]) => from.startsWith(rules) && to.startsWith(rules));
    assert.deepEqual(problems.map(([a, b]) => `${a} → ${b}`), []);
  });

  it('nothing above the catalog names a concrete catalog source (the io floor builds the bundled one, the catalog the workspace one)', () => {
    const sources = path.join('server', 'src', 'catalog', 'sources') + path.sep;
    const allowed = [path.join('server', 'src', 'catalog') + path.sep, path.join('server', 'src', 'io') + path.sep];
    const problems = projectImports().filter(([from, to]) => to.startsWith(sources) && !allowed.some((a) => from.startsWith(a)));
    assert.deepEqual(problems.map(([a, b]) => `${a} → ${b}`), []);
  });

  it('the client imports of the server only the protocol module', () => {
    const problems: string[] = [];
    for (const file of sourceFiles(path.join(repoRoot, 'client', 'src'))) {
      for (const spec of importsOf(fs.readFileSync(file, 'utf8'))) {
        if (spec.includes('server/') && !/\/server\/src\/protocol$/.test(spec)) problems.push(`${path.relative(repoRoot, file)}: ${spec}`);
      }
    }
    assert.deepEqual(problems, []);
  });

  it('the protocol module imports nothing', () => {
    assert.deepEqual(importsOf(fs.readFileSync(path.join(serverSrc, 'protocol.ts'), 'utf8')), []);
  });
});

describe('architecture: thin adapters', () => {
  /** Functions (declarations, methods, arrows) longer than `max` lines in the files of a folder. */
  function longFunctions(dir: string, max: number): string[] {
    const out: string[] = [];
    for (const file of sourceFiles(dir)) {
      const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
      const visit = (node: ts.Node): void => {
        if (ts.isFunctionLike(node) && 'body' in node && node.body) {
          const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
          const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
          if (end - start + 1 > max) out.push(`${path.relative(repoRoot, file)}:${start + 1} (${end - start + 1} lines)`);
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
    return out;
  }

  it('no function in server/src/lsp or server/src/cli is over 80 lines', () => {
    assert.deepEqual([...longFunctions(path.join(serverSrc, 'lsp'), 80), ...longFunctions(path.join(serverSrc, 'cli'), 80)], []);
  });

  it('no regular expression with a Unicode property escape is made, nor a value made lazily asked for, when its module loads (engine/lazily.ts: each costs start-up time)', () => {
    const eager: string[] = [];
    for (const file of sourceFiles(serverSrc)) {
      const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
      // The values of the module made at their first use (`const X = lazily(…)`): not asked for as it loads either.
      const lazy = new Set([...source.text.matchAll(/^(?:export )?const (\w+) = lazily\(/gm)].map((m) => m[1]!));
      // What runs as the module loads: its top-level statements, not the functions they define.
      const visit = (node: ts.Node): void => {
        if (ts.isFunctionLike(node) || ts.isClassLike(node)) return;
        const made = ts.isRegularExpressionLiteral(node) || (ts.isNewExpression(node) && node.expression.getText(source) === 'RegExp');
        const asked = ts.isCallExpression(node) && ts.isIdentifier(node.expression) && lazy.has(node.expression.text);
        if ((made && /\\{1,2}p\{/.test(node.getText(source))) || asked) eager.push(`${path.relative(repoRoot, file)}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}`);
        ts.forEachChild(node, visit);
      };
      source.statements.forEach(visit);
    }
    assert.deepEqual(eager, []);
  });

  it('the server module is under 200 lines', () => {
    const lines = fs.readFileSync(path.join(serverSrc, 'lsp', 'server.ts'), 'utf8').split('\n').length;
    assert.ok(lines < 200, `${lines} lines`);
  });
});
