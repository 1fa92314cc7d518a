/**
 * The server's settings in one place: the `kamerwijzer.*` settings as the client sends them
 * (workspace/configuration, didChangeConfiguration or initializationOptions), `files.exclude`, and
 * the editor's locale; parsed with defaults for anything missing or malformed.
 */
import type { Connection } from 'vscode-languageserver/node';
import { isIsoDate } from '../engine/calendar';
import { enabledGlobs } from '../io/exclusions';
import { DEFAULT_DIAGNOSTIC_SETTINGS, SEVERITY_NAMES, type DiagnosticSettings, type SeverityName } from '../features/model';
import { localeFrom, type Locale } from '../l10n';
import { DEFAULT_MAX_FILE_BYTES } from '../protocol';
import type { OnlineSettings } from '../io/official';
import type { ServiceSettings } from '../service/kamerwijzer';
import { DEFAULT_INLAY_HINT_SETTINGS, type InlayHintSettings } from '../features/inlayHints';

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
  /** Look documents up on the official hosts (in a trusted workspace). */
  readonly online: boolean;
  /** Base URLs of the official sources ("" for the official hosts). */
  readonly sources: { readonly officielebekendmakingen: string; readonly tweedekamer: string; readonly requestsPerSecond: number };
  /** Where the cache lives ("" for the default: the editor's storage, else the XDG cache folder). */
  readonly cacheDirectory: string;
  /** Which inlay hints are shown. */
  readonly inlayHints: InlayHintSettings;
}

export const DEFAULT_SETTINGS: Settings = {
  language: 'auto',
  exclude: [],
  maxFileSize: DEFAULT_MAX_FILE_BYTES,
  today: '',
  diagnostics: DEFAULT_DIAGNOSTIC_SETTINGS,
  online: true,
  sources: { officielebekendmakingen: '', tweedekamer: '', requestsPerSecond: 4 },
  cacheDirectory: '',
  inlayHints: DEFAULT_INLAY_HINT_SETTINGS,
};

/** Reads settings from whatever the client sent, keeping defaults for anything missing or malformed. */
export function parseSettings(raw: unknown): Settings {
  const o = record(raw);
  const language = o['language'] === 'nl' || o['language'] === 'en' ? o['language'] : 'auto';
  const exclude = Array.isArray(o['exclude']) ? o['exclude'].filter((x): x is string => typeof x === 'string' && x.length > 0) : DEFAULT_SETTINGS.exclude;
  const maxFileSize = typeof o['maxFileSize'] === 'number' && o['maxFileSize'] > 0 ? o['maxFileSize'] : DEFAULT_SETTINGS.maxFileSize;
  const today = typeof o['today'] === 'string' && isIsoDate(o['today']) ? o['today'] : '';
  const severity: Record<string, SeverityName> = {};
  for (const [code, level] of Object.entries(record(record(o['diagnostics'])['severity']))) {
    if (typeof level === 'string' && (SEVERITY_NAMES as readonly string[]).includes(level)) severity[code] = level as SeverityName;
  }
  const citationStyle = o['citationStyle'] === 'compact' ? 'compact' : 'official';
  const enforceCitationStyle = o['enforceCitationStyle'] === true;
  const sources = record(o['sources']);
  const rate = sources['requestsPerSecond'];
  return {
    language,
    exclude,
    maxFileSize,
    today,
    diagnostics: { severity, citationStyle, enforceCitationStyle },
    online: o['online'] !== false,
    sources: {
      officielebekendmakingen: httpUrl(sources['officielebekendmakingen']),
      tweedekamer: httpUrl(sources['tweedekamer']),
      requestsPerSecond: typeof rate === 'number' && rate > 0 && rate <= 50 ? rate : DEFAULT_SETTINGS.sources.requestsPerSecond,
    },
    cacheDirectory: typeof o['cacheDirectory'] === 'string' ? o['cacheDirectory'].trim() : '',
    inlayHints: {
      deadlines: record(o['inlayHints'])['deadlines'] !== false,
      amounts: record(o['inlayHints'])['amounts'] !== false,
      motions: record(o['inlayHints'])['motions'] !== false,
    },
  };
}

/** An http(s) base URL, or "" (the official host) for anything else. */
function httpUrl(v: unknown): string {
  if (typeof v !== 'string' || !v.trim()) return '';
  try {
    const u = new URL(v.trim());
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.toString().replace(/\/+$/, '') : '';
  } catch {
    return '';
  }
}

function record(v: unknown): Record<string, unknown> {
  return v && typeof v === 'object' ? (v as Record<string, unknown>) : {};
}

/** The locale of messages: the setting, else the editor's locale. */
export function effectiveLocale(settings: Settings, editorLocale: string | undefined): Locale {
  return settings.language === 'auto' ? localeFrom(editorLocale) : settings.language;
}

/** The settings as the client gives them, and how to ask it again. */
export class ServerSettings {
  current: Settings = DEFAULT_SETTINGS;
  /** Globs of the editor's files.exclude that are switched on. */
  filesExclude: string[] = [];
  editorLocale: string | undefined;
  /** The client answers workspace/configuration. */
  canAsk = false;
  /** The workspace is trusted (VS Code's workspace trust; other editors: yes). */
  trusted = true;
  /** The editor's own storage folder for the cache (VS Code's global storage), if it gave one. */
  editorStorage: string | undefined;

  get locale(): Locale {
    return effectiveLocale(this.current, this.editorLocale);
  }

  /** What the features read of these settings. */
  get service(): Partial<ServiceSettings> {
    return { locale: this.locale, today: this.current.today, diagnostics: this.current.diagnostics, online: this.online, inlayHints: this.current.inlayHints };
  }

  /** Lookups on the official hosts are allowed: the setting is on, the workspace trusted, and KAMERWIJZER_OFFLINE not set. */
  get online(): boolean {
    return this.current.online && this.trusted && !offlineByEnvironment();
  }

  /** What the official sources read of these settings. */
  get onlineSettings(): OnlineSettings {
    return { online: this.online, ...this.current.sources };
  }

  /** Globs of everything not to index. */
  get exclusions(): string[] {
    return [...this.filesExclude, ...this.current.exclude];
  }

  /** Asks the client for the settings (when it can answer); a failure keeps the current ones. */
  async load(connection: Connection, onError: (message: string) => void): Promise<void> {
    if (!this.canAsk) return;
    try {
      const [kw, files] = (await connection.workspace.getConfiguration([{ section: 'kamerwijzer' }, { section: 'files.exclude' }])) as unknown[];
      this.current = parseSettings(kw);
      this.filesExclude = enabledGlobs(files);
    } catch (e) {
      onError(`could not read settings: ${(e as Error).message}`);
    }
  }

  /** What decides which files are indexed, to see whether a change needs a new scan. */
  indexingKey(): string {
    return JSON.stringify({ exclusions: this.exclusions, maxFileSize: this.current.maxFileSize });
  }
}

/** KAMERWIJZER_OFFLINE=1 (or true) in the environment switches every lookup off, whatever the settings say. */
export function offlineByEnvironment(env: NodeJS.ProcessEnv = process.env): boolean {
  return /^(1|true|yes)$/i.test(env['KAMERWIJZER_OFFLINE'] ?? '');
}
