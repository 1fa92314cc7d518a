/**
 * Findings and actions as LSP sees them: a finding becomes a Diagnostic that carries its fixes in
 * `data` (so a quick fix needs no recomputation), an action a CodeAction with a WorkspaceEdit.
 */
import {
  CodeActionKind,
  DiagnosticSeverity,
  DiagnosticTag,
  type CodeAction,
  type CreateFile,
  type Diagnostic,
  type TextDocumentEdit,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import type { IndexEntry } from '../catalog/workspaceIndex';
import type { Action, Fixable } from '../features/codeActions';
import type { CheckedFinding, Fix, FixEdit, Severity } from '../features/model';

export const DIAGNOSTIC_SOURCE = 'kamerwijzer';

const LSP_SEVERITY: Record<Severity, DiagnosticSeverity> = {
  hint: DiagnosticSeverity.Hint,
  information: DiagnosticSeverity.Information,
  warning: DiagnosticSeverity.Warning,
  error: DiagnosticSeverity.Error,
};

/** The data a Kamerwijzer diagnostic carries. */
export interface DiagnosticData {
  readonly fixes: readonly Fix[];
}

export function toDiagnostic(f: CheckedFinding): Diagnostic {
  const data: DiagnosticData = { fixes: f.fixes ?? [] };
  return {
    range: f.range,
    severity: LSP_SEVERITY[f.severity],
    code: f.code,
    codeDescription: { href: `https://github.com/kamerwijzer/kamerwijzer#${f.code}` },
    source: DIAGNOSTIC_SOURCE,
    message: f.message,
    ...(f.related?.length ? { relatedInformation: f.related.map((r) => ({ location: { uri: r.uri, range: r.range }, message: r.message })) } : {}),
    ...(f.tags?.length ? { tags: f.tags.map((t) => (t === 'unnecessary' ? DiagnosticTag.Unnecessary : DiagnosticTag.Deprecated)) } : {}),
    data,
  };
}

/** A diagnostic the editor sends back, with the fixes it carries (none for other sources' diagnostics). */
export function fromDiagnostic(d: Diagnostic): Fixable & { readonly diagnostic: Diagnostic } {
  const data = d.source === DIAGNOSTIC_SOURCE ? (d.data as DiagnosticData | undefined) : undefined;
  return { diagnostic: d, fixes: Array.isArray(data?.fixes) ? data!.fixes : [] };
}

/**
 * A workspace edit from fix edits (spans resolved against the indexed documents; edits of other
 * files carry their own range). When the fix creates files, the edit is a list of document changes:
 * the file creations first, then the text edits.
 */
export function toWorkspaceEdit(edits: readonly FixEdit[], docOf: (uri: string) => IndexEntry | undefined, createFiles: readonly string[] = []): WorkspaceEdit {
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

export function toCodeAction(a: Action<Fixable & { readonly diagnostic: Diagnostic }>, docOf: (uri: string) => IndexEntry | undefined): CodeAction {
  return {
    title: a.title,
    kind: a.kind === 'quickfix' ? CodeActionKind.QuickFix : `${CodeActionKind.SourceFixAll}.kamerwijzer`,
    ...(a.kind === 'quickfix' ? { diagnostics: a.targets.map((t) => t.diagnostic) } : {}),
    ...(a.preferred !== undefined ? { isPreferred: a.preferred } : {}),
    edit: toWorkspaceEdit(a.edits, docOf, a.createFiles),
  };
}
