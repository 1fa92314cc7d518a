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

/** The payload of STATUS_REQUEST and INDEXED_NOTIFICATION. */
export interface ServerStatus {
  /** Documents in the workspace index. */
  readonly indexedDocuments: number;
  /** True while the workspace folders are being scanned. */
  readonly scanning: boolean;
  /** The catalog's sources, in the order they are asked ("workspace", "bundled", …). */
  readonly catalogSources: readonly string[];
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

/** Documents larger than this are not analyzed, in the editor (kamerwijzer.maxFileSize) and on the command line (--max-file-size) alike. */
export const DEFAULT_MAX_FILE_BYTES = 20 * 1024 * 1024;
