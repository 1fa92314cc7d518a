/**
 * Check workspace: every document the server indexed is checked and its findings go to the Problems
 * panel — in batches, with a progress notification that can be cancelled. Open documents keep the
 * diagnostics the server gives them as they are edited; this collection holds the others, and drops a
 * document's entry when it is opened (its live diagnostics take over) or when a new check starts.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CHECK_REQUEST, DOCUMENTS_REQUEST, type CheckParams, type CheckResult } from '../../server/src/protocol';
import { t } from './l10n';

const BATCH = 8;

export class WorkspaceCheck implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('kamerwijzer-workspace');
  private readonly disposables: vscode.Disposable[] = [
    this.collection,
    vscode.workspace.onDidOpenTextDocument((d) => this.collection.delete(d.uri)),
    vscode.commands.registerCommand('kamerwijzer.checkWorkspace', () => this.run()),
  ];

  constructor(private readonly client: () => LanguageClient | undefined) {}

  async run(): Promise<void> {
    const client = this.client();
    if (!client) return;
    const uris = await client.sendRequest<string[]>(DOCUMENTS_REQUEST, {});
    this.collection.clear();
    const open = new Set(vscode.workspace.textDocuments.map((d) => d.uri.toString()));
    let errors = 0;
    let warnings = 0;
    let done = 0;
    const cancelled = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: t('Kamerwijzer: checking the workspace'), cancellable: true },
      async (progress, token) => {
        for (let i = 0; i < uris.length; i += BATCH) {
          if (token.isCancellationRequested) return true;
          const params: CheckParams = { uris: uris.slice(i, i + BATCH) };
          const result = await client.sendRequest<CheckResult>(CHECK_REQUEST, params, token);
          for (const d of result.documents) {
            const diagnostics = await client.protocol2CodeConverter.asDiagnostics(d.diagnostics as never[]);
            errors += diagnostics.filter((x) => x.severity === vscode.DiagnosticSeverity.Error).length;
            warnings += diagnostics.filter((x) => x.severity === vscode.DiagnosticSeverity.Warning).length;
            if (!open.has(d.uri)) this.collection.set(vscode.Uri.parse(d.uri), diagnostics);
          }
          done += params.uris.length;
          progress.report({ increment: (100 * params.uris.length) / Math.max(1, uris.length), message: t('{0} of {1} documents', done, uris.length) });
        }
        return token.isCancellationRequested;
      },
    );
    const summary = t('{0} documents checked: {1} errors, {2} warnings.', done, errors, warnings);
    const show = t('Show problems');
    void vscode.window.showInformationMessage(cancelled ? `${t('Check stopped.')} ${summary}` : summary, show).then((answer) => {
      if (answer === show) void vscode.commands.executeCommand('workbench.actions.view.problems');
    });
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
