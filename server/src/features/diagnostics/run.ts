/**
 * Runs the diagnostics rules on one document: each rule's findings get the configured severity and
 * their place as a range, silencing comments are applied, and the result is sorted by place. A rule
 * that fails is reported and skipped; the others still run.
 */
import { messages } from '../../l10n';
import type { CheckedFinding, DiagnosticSettings, FeatureContext, IndexedDocument, Severity, SeverityName } from '../model';
import type { DiagnosticRule } from './model';
import { readSuppressions } from './suppressions';

/** The effective severity of a rule under the settings. */
export function severityOf(rule: DiagnosticRule, settings: DiagnosticSettings): SeverityName {
  return settings.severity[rule.code] ?? rule.defaultSeverity;
}

/** The findings of one document; a failing rule is reported through `onRuleError` and skipped. */
export async function computeFindings(
  doc: IndexedDocument,
  ctx: FeatureContext,
  settings: DiagnosticSettings,
  rules: readonly DiagnosticRule[],
  onRuleError: (code: string, error: unknown) => void = () => undefined,
): Promise<CheckedFinding[]> {
  const suppressions = readSuppressions(doc.text, doc.lines);
  const m = messages(ctx.locale);
  const out: CheckedFinding[] = [];
  for (const rule of rules) {
    const severity = severityOf(rule, settings);
    if (severity === 'off') continue;
    let findings;
    try {
      findings = await rule.check({ ...ctx, doc, settings, m });
    } catch (e) {
      onRuleError(rule.code, e);
      continue;
    }
    for (const f of findings) {
      const range = doc.lines.rangeOf(f.span);
      if (suppressions.isSilenced(f.code, range.start.line)) continue;
      const { related, ...rest } = f;
      const located = related?.map((r) => ({ ...r, range: (r.uri === doc.uri ? doc : (ctx.index.entry(r.uri) ?? doc)).lines.rangeOf(r.span) }));
      out.push({ ...rest, severity: severity as Severity, range, ...(located ? { related: located } : {}) });
    }
  }
  out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return out;
}
