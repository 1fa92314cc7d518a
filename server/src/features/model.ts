/**
 * The features' shared model: what every feature reads (the context), and what the checks report —
 * findings with their fixes, as plain data. The lsp floor turns findings into LSP diagnostics and
 * code actions, the cli floor into text, JSON and SARIF.
 */
import type { Catalog } from '../catalog/catalog';
import type { GlossaryLookup } from '../catalog/glossaries';
import type { IndexedDocument, WorkspaceIndex } from '../catalog/workspaceIndex';
import type { Range, Span } from '../engine/model';
import type { Locale } from '../l10n';

export type { IndexedDocument };

/** What every feature may read: the workspace, the catalog, the user's language and today's date. */
export interface FeatureContext {
  readonly index: WorkspaceIndex;
  readonly catalog: Catalog;
  readonly locale: Locale;
  /** Today's date (ISO); injected so results are reproducible. */
  readonly today: string;
  /** The glossary of policy instruments per document; without it, instruments are not explained or checked. */
  readonly glossaries?: GlossaryLookup;
  /** True when the official sources may be asked (online, trusted workspace): hovers say what is being looked up. */
  readonly online?: boolean;
}

export type SeverityName = 'off' | 'hint' | 'information' | 'warning' | 'error';
export const SEVERITY_NAMES: readonly SeverityName[] = ['off', 'hint', 'information', 'warning', 'error'];
/** The severities a finding can have, lowest first. */
export type Severity = Exclude<SeverityName, 'off'>;
export const SEVERITIES: readonly Severity[] = ['hint', 'information', 'warning', 'error'];

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

/** A fix a finding offers. */
export interface Fix {
  /** Shown in the editor's light bulb, in the user's language. */
  readonly title: string;
  readonly edits: readonly FixEdit[];
  /** The one fix to apply with "auto fix". */
  readonly preferred?: boolean;
  /** Fixes with a group can be applied together by the fix-all action of that group. */
  readonly fixAllGroup?: FixAllGroup;
  /** Files the fix creates (empty) before its edits apply, e.g. `.kamerwijzer/glossary.json`. */
  readonly createFiles?: readonly string[];
}

/** The groups of fixes that one action can apply together. */
export type FixAllGroup = 'citation' | 'amount' | 'instrument';

/** Another place that explains a finding (the other citation, the footnote). */
export interface RelatedPlace {
  readonly uri: string;
  readonly span: Span;
  readonly message: string;
}

export type FindingTag = 'unnecessary' | 'deprecated';

/** What a rule reports. */
export interface Finding {
  readonly code: string;
  readonly span: Span;
  readonly message: string;
  readonly related?: readonly RelatedPlace[];
  readonly fixes?: readonly Fix[];
  readonly tags?: readonly FindingTag[];
}

/** A finding as the checks deliver it: with its severity under the settings and its place as a range. */
export interface CheckedFinding extends Finding {
  readonly severity: Severity;
  readonly range: Range;
  readonly related?: readonly (RelatedPlace & { readonly range: Range })[];
}

export type CitationStyle = 'official' | 'compact';

/** The settings the checks read. */
export interface DiagnosticSettings {
  /** Severity per code; codes not listed use their rule's default. */
  readonly severity: Readonly<Record<string, SeverityName>>;
  /** The style citations are rewritten to. */
  readonly citationStyle: CitationStyle;
  /** When true, unambiguous citations in another style are flagged (as hints) too. */
  readonly enforceCitationStyle: boolean;
}

export const DEFAULT_DIAGNOSTIC_SETTINGS: DiagnosticSettings = { severity: {}, citationStyle: 'official', enforceCitationStyle: false };
