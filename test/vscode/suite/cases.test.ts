// The shared editor cases (test/e2e/cases.ts) through the VS Code API, inside the extension host, on the
// temporary copy of seeds/ that runTest.ts opens: the same checks the code-server run makes through the UI.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { DEFINITION_CASES, DIAGNOSTIC_CASES, HOVER_CASES, OUTLINE_CASES, QUICK_FIX_CASES } from '../../e2e/cases';

const SEVERITY = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

async function open(file: string): Promise<vscode.TextDocument> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'a workspace folder is open');
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, file));
  await vscode.window.showTextDocument(doc);
  return doc;
}

function positionOf(doc: vscode.TextDocument, text: string, offset: number): vscode.Position {
  const i = doc.getText().indexOf(text);
  assert.ok(i >= 0, `"${text}" in ${doc.fileName}`);
  return doc.positionAt(i + offset);
}

/** Polls until `probe` returns a value (the server indexes and analyzes asynchronously). */
async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const codeOf = (d: vscode.Diagnostic): string => String(typeof d.code === 'object' ? d.code.value : d.code);

async function diagnostic(doc: vscode.TextDocument, code: string, line: number): Promise<vscode.Diagnostic> {
  return until(`${code} at line ${line}`, async () =>
    vscode.languages.getDiagnostics(doc.uri).find((d) => codeOf(d) === code && d.range.start.line === line - 1));
}

describe('Kamerwijzer in the VS Code extension host (shared cases)', function () {
  this.timeout(120_000);

  before(async () => {
    const ext = vscode.extensions.getExtension('kamerwijzer.kamerwijzer');
    assert.ok(ext, 'the extension under development is loaded');
    await open(HOVER_CASES[0]!.file);
    await ext.activate();
  });

  for (const c of HOVER_CASES) {
    it(`hover on "${c.at}" in ${c.file} shows ${c.expect.join(' / ')}`, async () => {
      const doc = await open(c.file);
      await until('the hover', async () => {
        const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, positionOf(doc, c.at, c.offset));
        const text = hovers.flatMap((h) => h.contents).map((m) => (typeof m === 'string' ? m : m.value)).join('\n');
        return c.expect.every((f) => text.includes(f)) ? text : undefined;
      });
    });
  }

  for (const c of DEFINITION_CASES) {
    it(`definition of "${c.at}" in ${c.file} is in ${c.target}`, async () => {
      const doc = await open(c.file);
      await until(`a definition in ${c.target}`, async () => {
        const locs = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
          'vscode.executeDefinitionProvider', doc.uri, positionOf(doc, c.at, c.offset));
        return locs.some((l) => path.basename(('targetUri' in l ? l.targetUri : l.uri).fsPath) === c.target) ? true : undefined;
      });
    });
  }

  for (const c of DIAGNOSTIC_CASES) {
    it(`diagnostics of ${c.file} include ${c.code} at line ${c.line}`, async () => {
      const doc = await open(c.file);
      const d = await diagnostic(doc, c.code, c.line);
      assert.equal(d.severity, SEVERITY[c.severity]);
      assert.equal(d.source, 'kamerwijzer');
      assert.ok(d.message.includes(c.message), d.message);
    });
  }

  for (const c of QUICK_FIX_CASES) {
    it(`quick fix "${c.label}" rewrites line ${c.line} of ${c.file}`, async () => {
      const doc = await open(c.file);
      const at = positionOf(doc, c.at, c.offset);
      assert.equal(at.line, c.line - 1);
      const actions = await until('the quick fix', async () => {
        const all = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
          'vscode.executeCodeActionProvider', doc.uri, new vscode.Range(at, at), vscode.CodeActionKind.QuickFix.value, 10);
        return all.some((a) => a.title === c.label) ? all : undefined;
      });
      const fix = actions.find((a) => a.title === c.label) as vscode.CodeAction;
      assert.equal(fix.isPreferred, true);
      assert.ok(fix.edit, 'the quick fix carries its edit');
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      const line = doc.lineAt(c.line - 1).text;
      assert.ok(line.includes(c.after) && !line.includes(c.at), line);
      await doc.save();
    });
  }

  for (const c of OUTLINE_CASES) {
    it(`the outline of ${c.file} has the groups ${c.groups.join(', ')}`, async () => {
      const doc = await open(c.file);
      const names = await until('document symbols', async () => {
        const symbols = await vscode.commands.executeCommand<(vscode.DocumentSymbol | vscode.SymbolInformation)[]>(
          'vscode.executeDocumentSymbolProvider', doc.uri);
        return symbols?.length ? symbols.map((s) => s.name) : undefined;
      });
      assert.deepEqual([...names].sort(), [...c.groups].sort());
    });
  }
});
