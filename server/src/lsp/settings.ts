import { isIsoDate } from '../engine/calendar';
import { DEFAULT_DIAGNOSTIC_SETTINGS, SEVERITY_NAMES, type DiagnosticSettings, type SeverityName } from '../features/diagnostics/model';
import { localeFrom, type Locale } from '../l10n';

/** The server's view of the `kamerwijzer.*` settings (see package.json `contributes.configuration`). */
export interface Settings {
  /** UI language of hovers and messages: 'auto' follows the editor. */
  readonly language: 'auto' | 'nl' | 'en';
  /** Glob patterns of files and folders not to index (relative to a workspace folder). */
  readonly exclude: readonly string[];
  /** Documents larger than this many bytes are not analyzed. */
  readonly maxFileSize: number;
  /** "Today" for deadline checks, ISO (YYYY-MM-DD); empty for the real date. */
  readonly today: string;
  /** Severity per diagnostic code, citation style and house-style enforcement. */
  readonly diagnostics: DiagnosticSettings;
}

export const DEFAULT_SETTINGS: Settings = {
  language: 'auto',
  exclude: [],
  maxFileSize: 5 * 1024 * 1024,
  today: '',
  diagnostics: DEFAULT_DIAGNOSTIC_SETTINGS,
};

/** Reads settings from whatever the client sent, keeping defaults for anything missing or malformed. */
export function parseSettings(raw: unknown): Settings {
  const o = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const language = o['language'] === 'nl' || o['language'] === 'en' ? o['language'] : 'auto';
  const exclude = Array.isArray(o['exclude']) ? o['exclude'].filter((x): x is string => typeof x === 'string' && x.length > 0) : DEFAULT_SETTINGS.exclude;
  const maxFileSize = typeof o['maxFileSize'] === 'number' && o['maxFileSize'] > 0 ? o['maxFileSize'] : DEFAULT_SETTINGS.maxFileSize;
  const today = typeof o['today'] === 'string' && isIsoDate(o['today']) ? o['today'] : '';
  const severity: Record<string, SeverityName> = {};
  const rawDiagnostics = o['diagnostics'] && typeof o['diagnostics'] === 'object' ? (o['diagnostics'] as Record<string, unknown>) : {};
  const rawSeverity = rawDiagnostics['severity'] && typeof rawDiagnostics['severity'] === 'object' ? (rawDiagnostics['severity'] as Record<string, unknown>) : {};
  for (const [code, level] of Object.entries(rawSeverity)) {
    if (typeof level === 'string' && (SEVERITY_NAMES as readonly string[]).includes(level)) severity[code] = level as SeverityName;
  }
  const citationStyle = o['citationStyle'] === 'compact' ? 'compact' : 'official';
  const enforceCitationStyle = o['enforceCitationStyle'] === true;
  return { language, exclude, maxFileSize, today, diagnostics: { severity, citationStyle, enforceCitationStyle } };
}

/** The locale of messages: the setting, else the editor's locale. */
export function effectiveLocale(settings: Settings, editorLocale: string | undefined): Locale {
  return settings.language === 'auto' ? localeFrom(editorLocale) : settings.language;
}

/** Today's date in the local time zone, ISO. */
export function localToday(now: Date = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}
