/**
 * What a diagnostics rule is: one code, one file, pure. A rule reads the analyzed document, the
 * workspace and the catalog, and returns findings (features/model.ts); the runner applies severities
 * and silencing comments.
 */
import type { Messages } from '../../l10n';
import type { DiagnosticSettings, FeatureContext, Finding, IndexedDocument, SeverityName } from '../model';

export interface RuleContext extends FeatureContext {
  readonly doc: IndexedDocument;
  readonly settings: DiagnosticSettings;
  readonly m: Messages;
}

/** A diagnostics rule: one code, one file. */
export interface DiagnosticRule {
  /** Stable code, e.g. "citation-malformed". */
  readonly code: string;
  readonly defaultSeverity: SeverityName;
  /** What the rule checks, for documentation (English; the messages themselves are localized). */
  readonly description: string;
  check(ctx: RuleContext): readonly Finding[] | Promise<readonly Finding[]>;
}
