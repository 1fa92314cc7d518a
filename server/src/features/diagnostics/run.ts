/**
 * Runs the diagnostics rules on one document: each rule's findings get the configured severity,
 * silencing comments are applied, and the result is converted to LSP diagnostics that carry their
 * related places and the fixes the quick-fix action needs (in `data`).
 */
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from 'vscode-languageserver-types';
import { messages } from '../../l10n';
import type { FeatureContext, IndexedDocument } from '../context';
import type { DiagnosticRule, DiagnosticSettings, Finding, Fix, SeverityName } from './model';
import { readSuppressions } from './suppressions';

/** The data a Kamerwijzer diagnostic carries. */
export interface DiagnosticData {
  readonly fixes: readonly Fix[];
}

export const DIAGNOSTIC_SOURCE = 'kamerwijzer';

const LSP_SEVERITY: Record<Exclude<SeverityName, 'off'>, DiagnosticSeverity> = {
  hint: DiagnosticSeverity.Hint,
  information: DiagnosticSeverity.Information,
  warning: DiagnosticSeverity.Warning,
  error: DiagnosticSeverity.Error,
};

/** The effective severity of a rule under the settings. */
export function severityOf(rule: DiagnosticRule, settings: DiagnosticSettings): SeverityName {
  return settings.severity[rule.code] ?? rule.defaultSeverity;
}

/** Diagnostics of one document; a failing rule is reported through `onRuleError` and skipped. */
export async function computeDiagnostics(
  doc: IndexedDocument,
  ctx: FeatureContext,
  settings: DiagnosticSettings,
  rules: readonly DiagnosticRule[],
  onRuleError: (code: string, error: unknown) => void = () => undefined,
): Promise<Diagnostic[]> {
  const suppressions = readSuppressions(doc.text, doc.lines);
  const m = messages(ctx.locale);
  const out: Diagnostic[] = [];
  for (const rule of rules) {
    const severity = severityOf(rule, settings);
    if (severity === 'off') continue;
    let findings: readonly Finding[];
    try {
      findings = await rule.check({ ...ctx, doc, settings, m });
    } catch (e) {
      onRuleError(rule.code, e);
      continue;
    }
    for (const f of findings) {
      const range = doc.lines.rangeOf(f.span);
      if (suppressions.isSilenced(f.code, range.start.line)) continue;
      const related = f.related?.map((r) => ({
        location: { uri: r.uri, range: (r.uri === doc.uri ? doc : ctx.index.get(r.uri) ?? doc).lines.rangeOf(r.span) },
        message: r.message,
      }));
      const data: DiagnosticData = { fixes: f.fixes ?? [] };
      out.push({
        range,
        severity: LSP_SEVERITY[severity],
        code: f.code,
        codeDescription: { href: `https://github.com/kamerwijzer/kamerwijzer#${f.code}` },
        source: DIAGNOSTIC_SOURCE,
        message: f.message,
        ...(related?.length ? { relatedInformation: related } : {}),
        ...(f.tags?.length ? { tags: f.tags.map((t) => (t === 'unnecessary' ? DiagnosticTag.Unnecessary : DiagnosticTag.Deprecated)) } : {}),
        data,
      });
    }
  }
  out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return out;
}
