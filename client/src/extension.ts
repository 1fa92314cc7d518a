/**
 * The VS Code side of Kamerwijzer: starts the bundled language server for plain text and Markdown
 * documents, keeps it informed of file changes, and shows its state in the status bar. Everything
 * about the text itself happens in the server.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  LanguageClient,
  RevealOutputChannelOn,
  TransportKind,
  type DocumentSelector,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { INDEXED_NOTIFICATION, STATUS_REQUEST, WATCHED_FILE_GLOBS, type ServerStatus } from '../../server/src/protocol';

let client: LanguageClient | undefined;
let statusItem: vscode.StatusBarItem | undefined;

/** The document selector from `kamerwijzer.documentSelector` (language ids), for files and unsaved documents. */
function documentSelector(): DocumentSelector {
  const languages = vscode.workspace.getConfiguration('kamerwijzer').get<string[]>('documentSelector', ['plaintext', 'markdown']);
  const valid = languages.filter((l) => typeof l === 'string' && l.length > 0);
  return (valid.length ? valid : ['plaintext', 'markdown']).flatMap((language) => [
    { scheme: 'file', language },
    { scheme: 'untitled', language },
  ]);
}

async function startClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): Promise<void> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: documentSelector(),
    outputChannel: output,
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    synchronize: {
      fileEvents: WATCHED_FILE_GLOBS.map((glob) => vscode.workspace.createFileSystemWatcher(glob)),
    },
    initializationOptions: { settings: vscode.workspace.getConfiguration('kamerwijzer') },
  };
  client = new LanguageClient('kamerwijzer', 'Kamerwijzer', serverOptions, clientOptions);
  await client.start();
  client.onNotification(INDEXED_NOTIFICATION, (status: ServerStatus) => showStatus(status));
  try {
    showStatus(await client.sendRequest<ServerStatus>(STATUS_REQUEST));
  } catch {
    // The status arrives with the first indexing notification.
  }
}

function showStatus(status: ServerStatus): void {
  if (!statusItem) return;
  statusItem.text = status.scanning ? `$(sync~spin) Kamerwijzer` : `$(book) Kamerwijzer`;
  statusItem.tooltip = status.scanning
    ? vscode.l10n.t('Kamerwijzer is indexing the workspace…')
    : vscode.l10n.t('Kamerwijzer: {0} documents indexed', status.indexedDocuments);
  statusItem.show();
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Kamerwijzer', { log: true });
  statusItem = vscode.window.createStatusBarItem('kamerwijzer.status', vscode.StatusBarAlignment.Right, 100);
  statusItem.name = 'Kamerwijzer';
  statusItem.command = 'kamerwijzer.showOutput';
  context.subscriptions.push(output, statusItem);

  context.subscriptions.push(
    vscode.commands.registerCommand('kamerwijzer.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('kamerwijzer.restartServer', async () => {
      await client?.stop();
      await startClient(context, output);
    }),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (e.affectsConfiguration('kamerwijzer.documentSelector')) {
        await client?.stop();
        await startClient(context, output);
      }
    }),
  );

  try {
    await startClient(context, output);
  } catch (e) {
    output.appendLine(`Kamerwijzer could not start its language server: ${(e as Error).message}`);
    void vscode.window.showErrorMessage(vscode.l10n.t('Kamerwijzer could not start its language server. See the Kamerwijzer output for details.'));
  }
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
