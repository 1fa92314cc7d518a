import { isIsoDate } from '../engine/calendar';
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
}

export const DEFAULT_SETTINGS: Settings = {
  language: 'auto',
  exclude: [],
  maxFileSize: 5 * 1024 * 1024,
  today: '',
};

/** Reads settings from whatever the client sent, keeping defaults for anything missing or malformed. */
export function parseSettings(raw: unknown): Settings {
  const o = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const language = o['language'] === 'nl' || o['language'] === 'en' ? o['language'] : 'auto';
  const exclude = Array.isArray(o['exclude']) ? o['exclude'].filter((x): x is string => typeof x === 'string' && x.length > 0) : DEFAULT_SETTINGS.exclude;
  const maxFileSize = typeof o['maxFileSize'] === 'number' && o['maxFileSize'] > 0 ? o['maxFileSize'] : DEFAULT_SETTINGS.maxFileSize;
  const today = typeof o['today'] === 'string' && isIsoDate(o['today']) ? o['today'] : '';
  return { language, exclude, maxFileSize, today };
}

/** The locale of messages: the setting, else the editor's locale. */
export function effectiveLocale(settings: Settings, editorLocale: string | undefined): Locale {
  return settings.language === 'auto' ? localeFrom(editorLocale) : settings.language;
}

/** Today's date in the local time zone, ISO. */
export function localToday(now: Date = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}
