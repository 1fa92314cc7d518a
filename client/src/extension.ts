/**
 * The VS Code side of Kamerwijzer: starts the bundled language server for plain text and Markdown
 * documents, keeps it informed of file changes, offers the commands that work with the official
 * sources, and shows its state in the status bar (indexing, online or offline, a download or sync
 * with its progress). Everything about the text itself happens in the server.
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
import {
  ACTIVITY_NOTIFICATION,
  INDEXED_NOTIFICATION,
  SERVER_COMMANDS,
  STATUS_NOTIFICATION,
  STATUS_REQUEST,
  WATCHED_FILE_GLOBS,
  WATCHED_FOLDER_GLOB,
  type Activity,
  type InitializationOptions,
  type ReportRequest,
  type ReportResult,
  type ServerStatus,
} from '../../server/src/protocol';
import { CitationsView } from './citationsView';
import { WorkspaceCheck } from './checkWorkspace';
import { t } from './l10n';

let client: LanguageClient | undefined;
let statusItem: vscode.StatusBarItem | undefined;
let lastStatus: ServerStatus | undefined;
let activity: Activity | undefined;
let citations: CitationsView | undefined;

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
  const initializationOptions: InitializationOptions = {
    settings: vscode.workspace.getConfiguration('kamerwijzer'),
    storagePath: context.globalStorageUri.fsPath,
    trusted: vscode.workspace.isTrusted,
    watchesFiles: true,
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: documentSelector(),
    outputChannel: output,
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    synchronize: {
      fileEvents: [
        ...WATCHED_FILE_GLOBS.map((glob) => vscode.workspace.createFileSystemWatcher(glob)),
        // A folder deleted, renamed or moved is one event for the folder, none for the documents in it.
        vscode.workspace.createFileSystemWatcher(WATCHED_FOLDER_GLOB, false, true, false),
      ],
    },
    initializationOptions,
  };
  client = new LanguageClient('kamerwijzer', 'Kamerwijzer', serverOptions, clientOptions);
  await client.start();
  client.onNotification(INDEXED_NOTIFICATION, (status: ServerStatus) => {
    showStatus(status);
    // Files changed on disk or a scan ended: the workspace's citations may have too.
    citations?.refreshSoon(1000);
  });
  client.onNotification(STATUS_NOTIFICATION, (status: ServerStatus) => showStatus(status));
  client.onNotification(ACTIVITY_NOTIFICATION, (a: Activity) => showActivity(a));
  try {
    showStatus(await client.sendRequest<ServerStatus>(STATUS_REQUEST));
  } catch {
    // The status arrives with the first indexing notification.
  }
}

function showStatus(status: ServerStatus): void {
  lastStatus = status;
  render();
}

function showActivity(a: Activity): void {
  activity = a.state === 'running' ? a : undefined;
  render();
  if (a.state === 'done' && a.message) void vscode.window.showInformationMessage(a.message);
  if (a.state === 'failed' && a.message) void vscode.window.showWarningMessage(a.message);
}

/** The findings Kamerwijzer shows in the Problems panel: errors and warnings. */
function findingCounts(): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const [, diagnostics] of vscode.languages.getDiagnostics()) {
    for (const d of diagnostics) {
      if (d.source !== 'kamerwijzer') continue;
      if (d.severity === vscode.DiagnosticSeverity.Error) errors++;
      else if (d.severity === vscode.DiagnosticSeverity.Warning) warnings++;
    }
  }
  return { errors, warnings };
}

function render(): void {
  if (!statusItem || !lastStatus) return;
  const s = lastStatus;
  const mode = s.online ? t('online') : t('offline');
  const { errors, warnings } = findingCounts();
  if (activity) {
    statusItem.text = `$(sync~spin) Kamerwijzer ${activity.total ? `${activity.done}/${activity.total}` : activity.done}`;
    statusItem.tooltip = activity.message ?? '';
  } else if (s.scanning) {
    statusItem.text = `$(sync~spin) Kamerwijzer`;
    statusItem.tooltip = t('Kamerwijzer is indexing the workspace…');
  } else {
    statusItem.text = `$(${s.online ? 'globe' : 'book'}) Kamerwijzer $(error) ${errors} $(warning) ${warnings}`;
    statusItem.tooltip = [
      `${t('Kamerwijzer: {0} documents indexed', s.indexedDocuments)} · ${mode}`,
      s.online ? t('Online: cited documents are looked up on the official sources.') : t('Offline: answers come from the workspace, the bundled data and the cache.'),
      t('Findings: {0} errors, {1} warnings (click for the Problems panel)', errors, warnings),
      ...(s.cacheDirectory ? [t('Cache: {0}', s.cacheDirectory)] : []),
    ].join('\n');
  }
  statusItem.show();
}

let renderTimer: NodeJS.Timeout | undefined;
function renderSoon(): void {
  clearTimeout(renderTimer);
  renderTimer = setTimeout(render, 200);
}

/** Runs a server command that may take a while, with a cancellable notification. */
async function runServerTask(command: string, title: string, args: unknown[] = []): Promise<void> {
  if (!client) return;
  await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (_progress, token) => {
    const cancel = token.onCancellationRequested(() => void client?.sendRequest('workspace/executeCommand', { command: SERVER_COMMANDS.cancel, arguments: [] }));
    try {
      await client!.sendRequest('workspace/executeCommand', { command, arguments: args });
    } finally {
      cancel.dispose();
    }
  });
}

/**
 * Export citation report: of the active letter or the whole workspace, as HTML (one self-contained
 * file to attach to a review), Markdown or CSV; saved where the user says, then offered to open.
 */
async function exportReport(): Promise<void> {
  if (!client) return;
  const formats = [
    { label: t('HTML (one file to attach to a review)'), format: 'html' as const, ext: 'html' },
    { label: t('Markdown'), format: 'md' as const, ext: 'md' },
    { label: t('CSV (for a spreadsheet)'), format: 'csv' as const, ext: 'csv' },
  ];
  const picked = await vscode.window.showQuickPick(formats, { title: t('Kamerwijzer: Export citation report') });
  if (!picked) return;
  const active = vscode.window.activeTextEditor?.document;
  const scopes = [
    ...(active ? [{ label: t('This document ({0})', active.uri.path.split('/').pop() ?? ''), uri: active.uri.toString() }] : []),
    { label: t('Every document in the workspace'), uri: undefined },
  ];
  const scope = scopes.length > 1 ? await vscode.window.showQuickPick(scopes, { title: t('Kamerwijzer: Export citation report') }) : scopes[0];
  if (!scope) return;
  const request: ReportRequest = { format: picked.format, ...(scope.uri ? { uri: scope.uri } : {}) };
  const result = (await client.sendRequest('workspace/executeCommand', { command: SERVER_COMMANDS.report, arguments: [request] })) as ReportResult | null;
  if (!result?.content) {
    void vscode.window.showWarningMessage(result?.message ?? t('Kamerwijzer: no report could be made.'));
    return;
  }
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const target = await vscode.window.showSaveDialog({
    ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, `${t('citation-report')}.${picked.ext}`) } : {}),
    filters: { [picked.format.toUpperCase()]: [picked.ext] },
  });
  if (!target) return;
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(result.content));
  const open = t('Open');
  if ((await vscode.window.showInformationMessage(t('Citation report saved: {0}', target.fsPath), open)) === open) {
    await vscode.commands.executeCommand('vscode.open', target);
  }
}

function registerCommands(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('kamerwijzer.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('kamerwijzer.restartServer', async () => {
      await client?.stop();
      await startClient(context, output);
    }),
    // The official text of the Kamerstuk at the cursor (fetched once, kept in the cache).
    vscode.commands.registerCommand('kamerwijzer.openCitedDocument', () => vscode.commands.executeCommand('editor.action.revealDefinition')),
    vscode.commands.registerCommand('kamerwijzer.refreshCitedDocuments', () =>
      runServerTask(SERVER_COMMANDS.refresh, t('Kamerwijzer: refreshing cited documents'), vscode.window.activeTextEditor ? [vscode.window.activeTextEditor.document.uri.toString()] : []),
    ),
    vscode.commands.registerCommand('kamerwijzer.downloadCitedDocuments', () => runServerTask(SERVER_COMMANDS.prefetch, t('Kamerwijzer: downloading cited documents'))),
    vscode.commands.registerCommand('kamerwijzer.synchronize', () => runServerTask(SERVER_COMMANDS.sync, t('Kamerwijzer: synchronizing Tweede Kamer data'))),
    vscode.commands.registerCommand('kamerwijzer.exportReport', () => exportReport()),
    vscode.commands.registerCommand('kamerwijzer.cancelTask', () => client?.sendRequest('workspace/executeCommand', { command: SERVER_COMMANDS.cancel, arguments: [] })),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (e.affectsConfiguration('kamerwijzer.documentSelector') || e.affectsConfiguration('kamerwijzer.cacheDirectory')) {
        await client?.stop();
        await startClient(context, output);
      }
    }),
    // Trusting the workspace allows lookups: the server starts again with it.
    vscode.workspace.onDidGrantWorkspaceTrust(async () => {
      await client?.stop();
      await startClient(context, output);
    }),
  );
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Kamerwijzer', { log: true });
  statusItem = vscode.window.createStatusBarItem('kamerwijzer.status', vscode.StatusBarAlignment.Right, 100);
  statusItem.name = 'Kamerwijzer';
  statusItem.command = 'workbench.actions.view.problems';
  context.subscriptions.push(
    output,
    statusItem,
    (citations = new CitationsView(() => client)),
    new WorkspaceCheck(() => client),
    // The counts of findings follow the Problems panel; the texts follow kamerwijzer.language.
    vscode.languages.onDidChangeDiagnostics(() => renderSoon()),
    vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('kamerwijzer.language') && render()),
  );
  registerCommands(context, output);
  try {
    await startClient(context, output);
  } catch (e) {
    output.appendLine(`Kamerwijzer could not start its language server: ${(e as Error).message}`);
    void vscode.window.showErrorMessage(t('Kamerwijzer could not start its language server. See the Kamerwijzer output for details.'));
  }
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
