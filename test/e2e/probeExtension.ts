// A tiny throwaway VS Code extension, generated into a temp dir and packaged as a .vsix, that exercises every
// workbench helper without the real Kamerwijzer extension: hover, go to definition, a diagnostic (Problems),
// a quick fix and document symbols (Outline), for plaintext. smoke.ts uses it; the real tests install
// the Kamerwijzer .vsix instead.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { repoRoot } from './tools';

export const PROBE = {
  id: 'kamerwijzer-e2e.kw-e2e-probe',
  hoverText: 'hello kamerwijzer',
  /** The probe reports one warning on the first occurrence of this word in each plaintext document. */
  diagnosticWord: 'motie',
  diagnosticMessage: 'kw-probe: motie gevonden',
  quickFixLabel: 'kw-probe: schrijf MOTIE',
  /** Go to definition jumps to line 1 of this file (in the same folder as the document). */
  definitionTarget: '000_314d4768fc43998e.txt',
  /** Written to the output channel and to the status bar when the extension is active. */
  readyText: 'kw-probe ready',
};

const EXTENSION_JS = `
const vscode = require('vscode');
const path = require('path');
const P = ${JSON.stringify(PROBE)};

exports.activate = (ctx) => {
  const sel = { language: 'plaintext' };
  ctx.subscriptions.push(vscode.languages.registerHoverProvider(sel, {
    provideHover: (doc, pos) => {
      const range = doc.getWordRangeAtPosition(pos);
      return new vscode.Hover(new vscode.MarkdownString('**' + P.hoverText + '**'), range);
    },
  }));
  ctx.subscriptions.push(vscode.languages.registerDefinitionProvider(sel, {
    provideDefinition: (doc) => new vscode.Location(
      vscode.Uri.file(path.join(path.dirname(doc.uri.fsPath), P.definitionTarget)), new vscode.Position(0, 0)),
  }));
  const diags = vscode.languages.createDiagnosticCollection('kw-probe');
  ctx.subscriptions.push(diags);
  const check = (doc) => {
    if (doc.languageId !== 'plaintext' || doc.uri.scheme !== 'file') return;
    const text = doc.getText();
    const i = text.indexOf(P.diagnosticWord);
    if (i < 0) return diags.set(doc.uri, []);
    const range = new vscode.Range(doc.positionAt(i), doc.positionAt(i + P.diagnosticWord.length));
    const d = new vscode.Diagnostic(range, P.diagnosticMessage, vscode.DiagnosticSeverity.Warning);
    d.source = 'kw-probe';
    d.code = 'KW000';
    diags.set(doc.uri, [d]);
  };
  vscode.workspace.textDocuments.forEach(check);
  ctx.subscriptions.push(vscode.workspace.onDidOpenTextDocument(check));
  ctx.subscriptions.push(vscode.workspace.onDidChangeTextDocument((e) => check(e.document)));
  ctx.subscriptions.push(vscode.languages.registerCodeActionsProvider(sel, {
    provideCodeActions: (doc, range, context) => context.diagnostics
      .filter((d) => d.source === 'kw-probe')
      .map((d) => {
        const a = new vscode.CodeAction(P.quickFixLabel, vscode.CodeActionKind.QuickFix);
        a.diagnostics = [d];
        a.edit = new vscode.WorkspaceEdit();
        a.edit.replace(doc.uri, d.range, P.diagnosticWord.toUpperCase());
        a.isPreferred = true;
        return a;
      }),
  }, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }));
  ctx.subscriptions.push(vscode.languages.registerDocumentSymbolProvider(sel, {
    // Short lines without a final full stop count as headings.
    provideDocumentSymbols: (doc) => {
      const out = [];
      for (let l = 0; l < doc.lineCount; l++) {
        const t = doc.lineAt(l).text.trim();
        if (t.length === 0 || t.length > 60 || /[.,:;]$/.test(t) || t.startsWith('·')) continue;
        const r = doc.lineAt(l).range;
        out.push(new vscode.DocumentSymbol(t, 'kop', vscode.SymbolKind.String, r, r));
      }
      return out;
    },
  }));
  const ch = vscode.window.createOutputChannel('kw-probe');
  ctx.subscriptions.push(ch);
  ch.appendLine(P.readyText);
  const sb = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Left, 1000);
  sb.text = P.readyText;
  sb.show();
  ctx.subscriptions.push(sb);
};
exports.deactivate = () => {};
`;

/**
 * Generates the probe extension into outDir (default: a new temp dir, which the caller removes when done) and
 * packages it with the repo's vsce; returns the .vsix path.
 */
export function buildProbeVsix(outDir: string = fs.mkdtempSync(path.join(os.tmpdir(), 'kw-probe-'))): string {
  const src = path.join(outDir, 'src');
  fs.mkdirSync(src, { recursive: true });
  fs.writeFileSync(
    path.join(src, 'package.json'),
    JSON.stringify(
      {
        name: 'kw-e2e-probe',
        displayName: 'Kamerwijzer e2e probe',
        description: 'Throwaway extension for the end-to-end test infrastructure',
        publisher: 'kamerwijzer-e2e',
        version: '0.0.1',
        license: 'MIT',
        engines: { vscode: '^1.80.0' },
        main: './extension.js',
        activationEvents: ['onLanguage:plaintext'],
        contributes: {},
      },
      null,
      2,
    ),
  );
  fs.writeFileSync(path.join(src, 'extension.js'), EXTENSION_JS);
  fs.writeFileSync(path.join(src, 'LICENSE'), 'MIT\n');
  const vsix = path.join(outDir, 'kw-e2e-probe-0.0.1.vsix');
  execFileSync(
    path.join(repoRoot, 'node_modules', '.bin', 'vsce'),
    ['package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', vsix],
    { cwd: src, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return vsix;
}
