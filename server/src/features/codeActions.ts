/**
 * Quick fixes: each Kamerwijzer diagnostic carries its fixes (in `data`); this turns them into code
 * actions, plus one "fix all" action per group (citation style, amount notation) and a
 * source.fixAll action that applies every preferred fix of the document.
 */
import { CodeActionKind, type CodeAction, type CreateFile, type Diagnostic, type TextDocumentEdit, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver-types';
import type { IndexedDocument } from '../catalog/workspaceIndex';
import { messages, type Locale } from '../l10n';
import type { Fix, FixEdit } from './diagnostics/model';
import { DIAGNOSTIC_SOURCE, type DiagnosticData } from './diagnostics/run';

function fixesOf(d: Diagnostic): readonly Fix[] {
  if (d.source !== DIAGNOSTIC_SOURCE) return [];
  const data = d.data as DiagnosticData | undefined;
  return Array.isArray(data?.fixes) ? data!.fixes : [];
}

/**
 * A workspace edit from fix edits (spans resolved against the indexed documents; edits of other
 * files carry their own range). When the fix creates files, the edit is a list of document changes:
 * the file creations first, then the text edits.
 */
export function toWorkspaceEdit(edits: readonly FixEdit[], docOf: (uri: string) => IndexedDocument | undefined, createFiles: readonly string[] = []): WorkspaceEdit {
  const changes: Record<string, TextEdit[]> = {};
  const seen = new Set<string>();
  for (const e of edits) {
    const doc = docOf(e.uri);
    const range = doc ? doc.lines.rangeOf(e.span) : e.range;
    if (!range) continue;
    const key = `${e.uri}#${e.span.offset}:${e.span.length}`;
    if (seen.has(key)) continue;
    seen.add(key);
    (changes[e.uri] ??= []).push({ range, newText: e.newText });
  }
  if (!createFiles.length) return { changes };
  return {
    documentChanges: [
      ...createFiles.map((uri): CreateFile => ({ kind: 'create', uri, options: { ignoreIfExists: true } })),
      ...Object.entries(changes).map(([uri, list]): TextDocumentEdit => ({ textDocument: { uri, version: null }, edits: list })),
    ],
  };
}

export interface CodeActionRequest {
  /** The diagnostics the editor sends for the range. */
  readonly diagnostics: readonly Diagnostic[];
  /** All current diagnostics of the document (for the fix-all actions). */
  readonly allDiagnostics: readonly Diagnostic[];
  /** Kinds the editor asks for (empty: all). */
  readonly only?: readonly string[];
  /** False when the editor cannot create files in a workspace edit; fixes that create files are then left out. */
  readonly createFiles?: boolean;
}

export function codeActions(request: CodeActionRequest, locale: Locale, docOf: (uri: string) => IndexedDocument | undefined): CodeAction[] {
  const m = messages(locale);
  const wants = (kind: string): boolean => !request.only?.length || request.only.some((k) => kind === k || kind.startsWith(`${k}.`));
  const actions: CodeAction[] = [];
  if (wants(CodeActionKind.QuickFix)) {
    const groups = new Set<string>();
    for (const d of request.diagnostics) {
      for (const fix of fixesOf(d)) {
        if (fix.createFiles?.length && request.createFiles === false) continue;
        actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: !!fix.preferred, edit: toWorkspaceEdit(fix.edits, docOf, fix.createFiles) });
        if (fix.fixAllGroup) groups.add(fix.fixAllGroup);
      }
    }
    for (const group of groups) {
      const all = request.allDiagnostics.flatMap((d) => fixesOf(d).filter((f) => f.fixAllGroup === group).slice(0, 1).map((f) => ({ d, f })));
      if (all.length < 2) continue;
      actions.push({
        title: `${group === 'citation' ? m.diag.fixAllCitations : group === 'instrument' ? m.diag.instrument.fixAll : m.diag.fixAllAmounts} (${all.length})`,
        kind: CodeActionKind.QuickFix,
        diagnostics: all.map((x) => x.d),
        edit: toWorkspaceEdit(all.flatMap((x) => x.f.edits), docOf),
      });
    }
  }
  if (wants(CodeActionKind.SourceFixAll)) {
    const preferred = request.allDiagnostics.flatMap((d) => fixesOf(d).filter((f) => f.preferred && f.fixAllGroup).slice(0, 1));
    if (preferred.length) {
      actions.push({ title: m.diag.fixAllKamerwijzer, kind: `${CodeActionKind.SourceFixAll}.kamerwijzer`, edit: toWorkspaceEdit(preferred.flatMap((f) => f.edits), docOf) });
    }
  }
  return actions;
}
