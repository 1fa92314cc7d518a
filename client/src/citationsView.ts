/**
 * The Citations view in the Explorer: every citation of the open document — or, toggled, of every
 * document in the workspace — grouped by kind, each with its status (known, not known offline,
 * stale, wrong, malformed) and title. Clicking one reveals it. It asks the server
 * (`kamerwijzer/citations`) again when the active editor changes and whenever the server's
 * diagnostics change (they follow every edit and every lookup that brings news).
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CITATIONS_REQUEST, type CitationEntry, type CitationKind, type CitationsParams, type CitationsResult, type CitationStatus } from '../../server/src/protocol';
import { t } from './l10n';

export const CITATIONS_VIEW = 'kamerwijzer.citations';
const SCOPE_CONTEXT = 'kamerwijzer.citationsScope';

type Node =
  | { readonly type: 'file'; readonly uri: string; readonly entries: readonly CitationEntry[] }
  | { readonly type: 'group'; readonly kind: CitationKind; readonly label: string; readonly entries: readonly CitationEntry[]; readonly uri?: string }
  | { readonly type: 'entry'; readonly entry: CitationEntry }
  | { readonly type: 'message'; readonly text: string };

const KIND_ORDER: readonly CitationKind[] = ['kamerstuk', 'motion', 'documentNumber', 'handelingen', 'dossier'];

const STATUS_ICON: Readonly<Record<CitationStatus, [string, string]>> = {
  known: ['pass', 'testing.iconPassed'],
  unknown: ['question', 'descriptionForeground'],
  stale: ['history', 'list.warningForeground'],
  wrong: ['error', 'list.errorForeground'],
  malformed: ['warning', 'list.warningForeground'],
};

export class CitationsView implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private workspace = false;
  private result: CitationsResult | undefined;
  private requested: string | undefined;
  private timer: NodeJS.Timeout | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly view: vscode.TreeView<Node>;

  constructor(private readonly client: () => LanguageClient | undefined) {
    this.view = vscode.window.createTreeView(CITATIONS_VIEW, { treeDataProvider: this, showCollapseAll: true });
    void vscode.commands.executeCommand('setContext', SCOPE_CONTEXT, 'document');
    this.disposables.push(
      this.view,
      this.changed,
      vscode.window.onDidChangeActiveTextEditor(() => this.refreshSoon(0)),
      // The workspace's list is the costlier one: asked again after a longer quiet time.
      vscode.languages.onDidChangeDiagnostics((e) => {
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        if (this.workspace) this.refreshSoon(2000);
        else if (active && e.uris.some((u) => u.toString() === active)) this.refreshSoon(400);
      }),
      this.view.onDidChangeVisibility((e) => e.visible && this.refreshSoon(0)),
      // The server's labels (kinds, statuses) follow kamerwijzer.language.
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('kamerwijzer.language') && this.refreshSoon(500)),
      vscode.commands.registerCommand('kamerwijzer.citations.showWorkspace', () => this.setScope(true)),
      vscode.commands.registerCommand('kamerwijzer.citations.showDocument', () => this.setScope(false)),
      vscode.commands.registerCommand('kamerwijzer.citations.refresh', () => this.refresh()),
      vscode.commands.registerCommand('kamerwijzer.citations.reveal', (entry: CitationEntry) => reveal(entry)),
    );
  }

  private setScope(workspace: boolean): void {
    this.workspace = workspace;
    void vscode.commands.executeCommand('setContext', SCOPE_CONTEXT, workspace ? 'workspace' : 'document');
    void this.refresh();
  }

  /** Asks again after a short quiet time (edits come in bursts). */
  refreshSoon(ms: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), ms);
  }

  async refresh(): Promise<void> {
    const client = this.client();
    if (!client || !this.view.visible) return;
    const uri = this.workspace ? undefined : vscode.window.activeTextEditor?.document.uri.toString();
    const key = `${this.workspace}:${uri}`;
    this.requested = key;
    if (!this.workspace && !uri) {
      this.result = undefined;
      this.changed.fire(undefined);
      return;
    }
    try {
      const params: CitationsParams = uri ? { uri } : {};
      const result = await client.sendRequest<CitationsResult>(CITATIONS_REQUEST, params);
      if (this.requested !== key) return;
      this.result = result;
    } catch {
      this.result = undefined;
    }
    this.view.description = this.workspace ? t('workspace') : undefined;
    this.changed.fire(undefined);
  }

  getChildren(node?: Node): Node[] {
    if (!node) {
      const entries = this.result?.entries ?? [];
      // No letter open: the view's welcome text (package.json viewsWelcome) says what to do.
      if (!entries.length) return this.workspace || vscode.window.activeTextEditor ? [{ type: 'message', text: t('No citations found.') }] : [];
      if (!this.workspace) return this.groups(entries);
      const byUri = new Map<string, CitationEntry[]>();
      for (const e of entries) byUri.set(e.uri, [...(byUri.get(e.uri) ?? []), e]);
      return [...byUri].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([uri, list]) => ({ type: 'file', uri, entries: list }));
    }
    if (node.type === 'file') return this.groups(node.entries, node.uri);
    if (node.type === 'group') return node.entries.map((entry) => ({ type: 'entry', entry }));
    return [];
  }

  private groups(entries: readonly CitationEntry[], uri?: string): Node[] {
    return KIND_ORDER.flatMap((kind) => {
      const list = entries.filter((e) => e.kind === kind);
      return list.length ? [{ type: 'group' as const, kind, label: this.result?.kindLabels[kind] ?? kind, entries: list, ...(uri ? { uri } : {}) }] : [];
    });
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.type === 'message') return new vscode.TreeItem(node.text, vscode.TreeItemCollapsibleState.None);
    if (node.type === 'file') {
      const item = new vscode.TreeItem(vscode.Uri.parse(node.uri), vscode.TreeItemCollapsibleState.Collapsed);
      item.description = problemsOf(node.entries);
      item.id = `file:${node.uri}`;
      return item;
    }
    if (node.type === 'group') {
      const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Expanded);
      item.description = `${node.entries.length}${problemsOf(node.entries) ? ` · ${problemsOf(node.entries)}` : ''}`;
      item.id = `group:${node.uri ?? ''}:${node.kind}`;
      return item;
    }
    const e = node.entry;
    const item = new vscode.TreeItem(e.citation, vscode.TreeItemCollapsibleState.None);
    item.description = `${e.statusLabel}${e.title ? ` · ${e.title}` : ''}`;
    const tooltip = new vscode.MarkdownString();
    tooltip.appendText(e.citation);
    tooltip.appendMarkdown('\n\n');
    tooltip.appendText(`${t('Status')}: ${e.statusLabel}`);
    if (e.title) tooltip.appendMarkdown('\n\n').appendText(e.title);
    tooltip.appendMarkdown('\n\n').appendText(`${t('As written')}: “${e.text}” (${t('line {0}', e.range.start.line + 1)})`);
    item.tooltip = tooltip;
    const [icon, color] = STATUS_ICON[e.status];
    item.iconPath = new vscode.ThemeIcon(icon, new vscode.ThemeColor(color));
    item.command = { command: 'kamerwijzer.citations.reveal', title: t('Reveal'), arguments: [e] };
    item.contextValue = `citation.${e.status}`;
    return item;
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}

/** "2 onjuist, 1 verouderd": the citations that need a look. */
function problemsOf(entries: readonly CitationEntry[]): string {
  const counts = new Map<string, number>();
  for (const e of entries) if (e.status === 'wrong' || e.status === 'stale' || e.status === 'malformed') counts.set(e.statusLabel, (counts.get(e.statusLabel) ?? 0) + 1);
  return [...counts].map(([label, n]) => `${n} ${label}`).join(', ');
}

async function reveal(e: CitationEntry): Promise<void> {
  const range = new vscode.Range(e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character);
  await vscode.window.showTextDocument(vscode.Uri.parse(e.uri), { selection: range, preserveFocus: false });
}
