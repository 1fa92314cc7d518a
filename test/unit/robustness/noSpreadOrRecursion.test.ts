/**
 * The server's source has no construct whose stack use grows with the input: a call that spreads a
 * list into its arguments (`push(...list)`, `Math.max(...list)`: every item is an argument on the
 * stack, and some hundred thousand footnote markers overflow it) and no function that calls itself
 * (a recursion as deep as the text is long overflows it just the same). Checked on the syntax tree.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';
import { repoRoot } from '../../support/paths';

const serverSrc = path.join(repoRoot, 'server', 'src');

/** What may stay, and why: "file: what" as reported, without the line. */
const ALLOWED: Readonly<Record<string, string>> = {
  "server/src/io/glossary.ts: path.join(folder, ...WORKSPACE_GLOSSARY_PATH.split('/'))": 'a constant path of two parts',
  'server/src/io/diskStore.ts: walk calls itself': 'the cache folder, at most two levels deep',
};

/** The findings not allowed, without their line in the comparison of allowed ones. */
function notAllowed(found: readonly string[]): string[] {
  return found.filter((f) => !(f.replace(/:\d+: /, ': ') in ALLOWED));
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  const pending = [dir];
  while (pending.length) {
    const d = pending.pop()!;
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) pending.push(p);
      else if (e.name.endsWith('.ts')) out.push(p);
    }
  }
  return out.sort();
}

let parsed: { readonly file: string; readonly source: ts.SourceFile }[] | undefined;

/** Every place in the server's source that a visitor reports, as "file:line: what". */
function findings(visit: (node: ts.Node, source: ts.SourceFile, report: (node: ts.Node, what: string) => void) => void): string[] {
  const out: string[] = [];
  parsed ??= sourceFiles(serverSrc).map((file) => ({ file, source: ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true) }));
  for (const { file, source } of parsed) {
    const report = (node: ts.Node, what: string): void => {
      out.push(`${path.relative(repoRoot, file)}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}: ${what}`);
    };
    const walk = (node: ts.Node): void => {
      visit(node, source, report);
      ts.forEachChild(node, walk);
    };
    walk(source);
  }
  return out;
}

/** The name a function is called by: its declared name, or the variable or property it is assigned to. */
function nameOf(node: ts.FunctionLikeDeclaration): string | undefined {
  if (node.name && ts.isIdentifier(node.name)) return node.name.text;
  const parent = node.parent;
  if ((ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) && ts.isIdentifier(parent.name)) return parent.name.text;
  return undefined;
}

/** The name a call calls: `f(…)` → "f", `this.f(…)` → "f". */
function calleeName(call: ts.CallExpression): string | undefined {
  const e = call.expression;
  if (ts.isIdentifier(e)) return e.text;
  if (ts.isPropertyAccessExpression(e) && e.expression.kind === ts.SyntaxKind.ThisKeyword) return e.name.text;
  return undefined;
}

describe('robustness: no stack use that grows with the input', () => {
  it('no call spreads a list into its arguments (push(...list), Math.max(...list), f.apply(x, list))', () => {
    const spreads = findings((node, source, report) => {
      if (!ts.isCallExpression(node) && !ts.isNewExpression(node)) return;
      if (node.arguments?.some((a) => ts.isSpreadElement(a))) report(node, node.getText(source).slice(0, 80));
      if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'apply') report(node, node.getText(source).slice(0, 80));
    });
    assert.deepEqual(notAllowed(spreads), []);
  });

  it('no function calls itself', () => {
    const recursive = findings((node, _source, report) => {
      if (!ts.isFunctionLike(node) || !('body' in node) || !node.body) return;
      const name = nameOf(node as ts.FunctionLikeDeclaration);
      if (!name) return;
      const look = (n: ts.Node): void => {
        // A nested function is looked at on its own.
        if (n !== node && ts.isFunctionLike(n) && nameOf(n as ts.FunctionLikeDeclaration) !== undefined) return;
        if (ts.isCallExpression(n) && calleeName(n) === name) report(n, `${name} calls itself`);
        ts.forEachChild(n, look);
      };
      ts.forEachChild(node.body as ts.Node, look);
    });
    assert.deepEqual(notAllowed(recursive), []);
  });
});
