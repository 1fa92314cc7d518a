/**
 * The diagnostics model: what a rule reports, how severe it is, and the fixes it offers.
 * Rules are pure: they read the analyzed document, the workspace and the catalog, and return
 * findings; the diagnostics runner applies severities and silencing comments and converts them.
 */
import type { Range, Span } from '../../engine/model';
import type { Messages } from '../../l10n';
import type { FeatureContext, IndexedDocument } from '../context';

export type SeverityName = 'off' | 'hint' | 'information' | 'warning' | 'error';
export const SEVERITY_NAMES: readonly SeverityName[] = ['off', 'hint', 'information', 'warning', 'error'];

/** One text edit of a fix: replace `span` in `uri` by `newText`. */
export interface FixEdit {
  readonly uri: string;
  readonly span: Span;
  readonly newText: string;
  /**
   * The span as a line/character range, for files that are not indexed documents (the workspace
   * glossary); used when the index does not know `uri`.
   */
  readonly range?: Range;
}

/** A fix a finding offers; carried in the diagnostic's data so the quick fix needs no recomputation. */
export interface Fix {
  /** Shown in the editor's light bulb, in the user's language. */
  readonly title: string;
  readonly edits: readonly FixEdit[];
  /** The one fix to apply with "auto fix". */
  readonly preferred?: boolean;
  /** Fixes with a group can be applied together by the fix-all action of that group. */
  readonly fixAllGroup?: string;
  /** Files the fix creates (empty) before its edits apply, e.g. `.kamerwijzer/glossary.json`. */
  readonly createFiles?: readonly string[];
}

/** Another place that explains a finding (the other citation, the footnote). */
export interface RelatedPlace {
  readonly uri: string;
  readonly span: Span;
  readonly message: string;
}

export interface Finding {
  readonly code: string;
  readonly span: Span;
  readonly message: string;
  readonly related?: readonly RelatedPlace[];
  readonly fixes?: readonly Fix[];
  readonly tags?: readonly ('unnecessary' | 'deprecated')[];
}

export type CitationStyle = 'official' | 'compact';

/** The settings rules read. */
export interface DiagnosticSettings {
  /** Severity per code; codes not listed use their rule's default. */
  readonly severity: Readonly<Record<string, SeverityName>>;
  /** The style citations are rewritten to. */
  readonly citationStyle: CitationStyle;
  /** When true, unambiguous citations in another style are flagged (as hints) too. */
  readonly enforceCitationStyle: boolean;
}

export const DEFAULT_DIAGNOSTIC_SETTINGS: DiagnosticSettings = { severity: {}, citationStyle: 'official', enforceCitationStyle: false };

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
