/**
 * What the VS Code client and the language server (and the command line) agree on beside LSP
 * itself: Kamerwijzer's own requests and notifications with their payloads, the files it reads and
 * watches, and its size limit. The client imports this module and nothing else of the server; it
 * imports nothing itself.
 */

/** Request `kamerwijzer/status` (client → server): the server's state. */
export const STATUS_REQUEST = 'kamerwijzer/status';
/** Notification `kamerwijzer/indexed` (server → client): the index changed (a workspace scan or file events were handled); payload ServerStatus. */
export const INDEXED_NOTIFICATION = 'kamerwijzer/indexed';

/** Notification `kamerwijzer/statusChanged` (server → client): online or offline, the cache folder; payload ServerStatus. */
export const STATUS_NOTIFICATION = 'kamerwijzer/statusChanged';

/** The payload of STATUS_REQUEST, INDEXED_NOTIFICATION and STATUS_NOTIFICATION. */
export interface ServerStatus {
  /** Documents in the workspace index. */
  readonly indexedDocuments: number;
  /** True while the workspace folders are being scanned. */
  readonly scanning: boolean;
  /** The catalog's sources, in the order they are asked ("workspace", "officielebekendmakingen", …). */
  readonly catalogSources: readonly string[];
  /** Lookups on the official hosts are on (the setting, and a trusted workspace). */
  readonly online: boolean;
  /** The cache folder in use, if any. */
  readonly cacheDirectory?: string;
}

/** Notification `kamerwijzer/activity` (server → client): a long task's progress. */
export const ACTIVITY_NOTIFICATION = 'kamerwijzer/activity';

export interface Activity {
  /** 'sync': the Tweede Kamer mirror; 'prefetch': downloading what the workspace cites; 'refresh': cited documents fetched again. */
  readonly kind: 'sync' | 'prefetch' | 'refresh';
  readonly state: 'running' | 'done' | 'failed' | 'cancelled';
  /** Steps done (pages, documents) and, where known, how many in all. */
  readonly done: number;
  readonly total?: number;
  /** A short line in the user's language ("Zaak: 12 pagina's", the reason it failed). */
  readonly message?: string;
}

/**
 * Commands the server executes (workspace/executeCommand); any LSP client can call them. Arguments:
 * refresh [uri?] (the cited documents of that document, or of every open one, fetched again);
 * prefetch [] (everything the workspace cites, metadata and texts, for working offline);
 * sync [] (the Tweede Kamer mirror brought up to date); cancel [] (stops a running sync or prefetch);
 * report [ReportRequest] (the citation report of one document or of the workspace, as a text).
 */
export const SERVER_COMMANDS = {
  refresh: 'kamerwijzer.server.refresh',
  prefetch: 'kamerwijzer.server.prefetch',
  sync: 'kamerwijzer.server.sync',
  cancel: 'kamerwijzer.server.cancel',
  report: 'kamerwijzer.server.report',
} as const;

/** What the report command is asked: one document (its URI) or the whole workspace, in a format. */
export interface ReportRequest {
  readonly uri?: string;
  readonly format: 'md' | 'csv' | 'html';
}

/** The report command's answer: the report's text, or why there is none. */
export interface ReportResult {
  readonly content?: string;
  readonly documents: number;
  readonly message?: string;
}

/**
 * Request `kamerwijzer/citations` (client → server): every citation of one document (`uri`) or of
 * every document in the workspace (no `uri`), one entry per place, in text order, with its status —
 * for the editor's Citations view. Answers CitationsResult.
 */
export const CITATIONS_REQUEST = 'kamerwijzer/citations';

export interface CitationsParams {
  readonly uri?: string;
}

/** A citation's status for a reviewer (worst first): as in the citation report. */
export type CitationStatus = 'wrong' | 'stale' | 'malformed' | 'known' | 'unknown';
export type CitationKind = 'kamerstuk' | 'motion' | 'documentNumber' | 'handelingen' | 'dossier';

export interface CitationEntry {
  readonly uri: string;
  readonly kind: CitationKind;
  /** How it is named ("Kamerstuk 29 826, nr. 250"); a motion as written, with its Kamerstuk. */
  readonly citation: string;
  /** The text as written. */
  readonly text: string;
  readonly title?: string;
  readonly status: CitationStatus;
  /** The status in the user's language ("bekend", "niet bekend (offline)"). */
  readonly statusLabel: string;
  /** LSP range (0-based lines, UTF-16 characters). */
  readonly range: { readonly start: { readonly line: number; readonly character: number }; readonly end: { readonly line: number; readonly character: number } };
}

export interface CitationsResult {
  readonly entries: readonly CitationEntry[];
  /** The group names per kind in the user's language ("Kamerstukken", "Moties"). */
  readonly kindLabels: Readonly<Record<CitationKind, string>>;
}

/** Request `kamerwijzer/documents` (client → server): the URIs of every document in the workspace index (string[]). */
export const DOCUMENTS_REQUEST = 'kamerwijzer/documents';

/**
 * Request `kamerwijzer/check` (client → server): the diagnostics of these documents (indexed ones;
 * others are left out) — for "Check workspace", which asks in batches so it can show progress and stop.
 */
export const CHECK_REQUEST = 'kamerwijzer/check';

export interface CheckParams {
  readonly uris: readonly string[];
}

export interface CheckResult {
  /** LSP diagnostics per document. */
  readonly documents: readonly { readonly uri: string; readonly diagnostics: readonly unknown[] }[];
}

/** What the editor may pass in initializationOptions beside `settings`. */
export interface InitializationOptions {
  /** The kamerwijzer.* settings. */
  readonly settings?: unknown;
  /** A folder the editor keeps for the extension (VS Code's global storage): the default cache folder. */
  readonly storagePath?: string;
  /** False in a workspace the user has not trusted: no lookups on the official hosts. */
  readonly trusted?: boolean;
  /** The editor watches WATCHED_FILE_GLOBS and WATCHED_FOLDER_GLOB itself (the VS Code extension): the server registers no watchers. */
  readonly watchesFiles?: boolean;
}

/** Extensions of the documents Kamerwijzer reads (lower case, with the dot). */
export const DOCUMENT_EXTENSIONS: readonly string[] = ['.txt', '.md', '.markdown'];

/** The files whose changes the server must hear of: documents, folder manifests, ignore files, workspace glossaries. */
export const WATCHED_FILE_GLOBS: readonly string[] = [
  `**/*.{${DOCUMENT_EXTENSIONS.map((e) => e.slice(1)).join(',')}}`,
  '**/kamerwijzer.json',
  '**/.gitignore',
  '**/.kamerwijzer/glossary.json',
];

/**
 * Created and deleted paths of every kind (changes not watched): a folder deleted, renamed or moved is
 * told as one event for the folder, none for the documents in it (VS Code's watcher folds them).
 */
export const WATCHED_FOLDER_GLOB = '**/*';

/** Documents larger than this are not analyzed, in the editor (kamerwijzer.maxFileSize) and on the command line (--max-file-size) alike. */
export const DEFAULT_MAX_FILE_BYTES = 20 * 1024 * 1024;
