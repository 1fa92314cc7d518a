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
import type { CheckedFinding, FixEdit, Severity } from '../features/model';

export const DIAGNOSTIC_SOURCE = 'kamerwijzer';

const LSP_SEVERITY: Record<Severity, DiagnosticSeverity> = {
  hint: DiagnosticSeverity.Hint,
  information: DiagnosticSeverity.Information,
  warning: DiagnosticSeverity.Warning,
  error: DiagnosticSeverity.Error,
};

/**
 * A finding as a diagnostic. Its fixes stay in the server: a code action finds them by the
 * diagnostic's place, code and message among the document's current findings (`fixablesOf`), so a
 * report carries no edits (a large letter's report is a third smaller) and no edit the editor sends
 * back is trusted.
 */
export function toDiagnostic(f: CheckedFinding): Diagnostic {
  const d: Diagnostic = {
    range: f.range,
    severity: LSP_SEVERITY[f.severity],
    code: f.code,
    codeDescription: codeDescriptionOf(f.code),
    source: DIAGNOSTIC_SOURCE,
    message: f.message,
  };
  if (f.related?.length) d.relatedInformation = f.related.map((r) => ({ location: { uri: r.uri, range: r.range }, message: r.message }));
  if (f.tags?.length) d.tags = f.tags.map((t) => (t === 'unnecessary' ? DiagnosticTag.Unnecessary : DiagnosticTag.Deprecated));
  return d;
}

/**
 * True when two findings make the same diagnostic (`toDiagnostic` writes the same): the same place,
 * severity, code, message, tags and related places. Compared field by field, without making either.
 */
export function sameDiagnostic(a: CheckedFinding, b: CheckedFinding): boolean {
  if (a === b) return true;
  if (a.code !== b.code || a.severity !== b.severity || a.message !== b.message || !sameRange(a.range, b.range)) return false;
  const ta = a.tags?.length ? a.tags : undefined;
  const tb = b.tags?.length ? b.tags : undefined;
  if (ta !== tb && (!ta || !tb || ta.length !== tb.length || ta.some((t, i) => t !== tb[i]))) return false;
  const ra = a.related?.length ? a.related : undefined;
  const rb = b.related?.length ? b.related : undefined;
  if (ra === rb) return true;
  if (!ra || !rb || ra.length !== rb.length) return false;
  return ra.every((r, i) => r.uri === rb[i]!.uri && r.message === rb[i]!.message && sameRange(r.range, rb[i]!.range));
}

function sameRange(a: CheckedFinding['range'], b: CheckedFinding['range']): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/** The link to a code's documentation, one object per code (a large letter's report has thousands of diagnostics). */
function codeDescriptionOf(code: string): { readonly href: string } {
  let made = CODE_DESCRIPTIONS.get(code);
  if (!made) CODE_DESCRIPTIONS.set(code, (made = Object.freeze({ href: `https://github.com/kamerwijzer/kamerwijzer#${code}` })));
  return made;
}
const CODE_DESCRIPTIONS = new Map<string, { readonly href: string }>();

/**
 * The diagnostics the editor asks code actions for, each with the fixes of the current finding it
 * shows (the same place, code and message); none for another source's diagnostic or one of an older
 * version of the text. `all`: the document's current findings with their diagnostics.
 */
export function fixablesOf(asked: readonly Diagnostic[], all: readonly (Fixable & { readonly diagnostic: Diagnostic })[]): (Fixable & { readonly diagnostic: Diagnostic })[] {
  const byKey = new Map(all.map((x) => [diagnosticKey(x.diagnostic), x.fixes ?? []]));
  return asked.map((d) => ({ diagnostic: d, fixes: d.source === DIAGNOSTIC_SOURCE ? (byKey.get(diagnosticKey(d)) ?? []) : [] }));
}

function diagnosticKey(d: Diagnostic): string {
  const { start, end } = d.range;
  return `${String(d.code)}\u0000${start.line}:${start.character}-${end.line}:${end.character}\u0000${typeof d.message === 'string' ? d.message : ''}`;
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
