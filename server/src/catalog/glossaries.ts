/**
 * Which glossary applies where: the bundled glossary everywhere, with each workspace folder's own
 * `.kamerwijzer/glossary.json` laid over it for the documents in that folder. The bundled entries
 * are loaded on first use; files are read by the caller (the io and lsp floors) and handed in as
 * text, so this stays free of I/O.
 */
import { buildGlossary, Glossary, glossaryData, type GlossaryData, type GlossaryEntry } from '../engine/glossary';

/** The workspace glossary file of a document's folder: where "add to glossary" writes. */
export interface WorkspaceGlossaryFile {
  /** URI of `.kamerwijzer/glossary.json` in the folder. */
  readonly uri: string;
  /** Its text, when the file exists. */
  readonly text?: string;
  /** True when the file exists but cannot be used (not JSON, no entries array). */
  readonly broken: boolean;
}

/** What features read: the glossary of a document and its folder's glossary file. */
export interface GlossaryLookup {
  /** The glossary that applies to a document. */
  forDocument(uri: string): Glossary;
  /** The workspace glossary file of the document's folder; undefined outside a workspace folder. */
  workspaceFileFor(uri: string): WorkspaceGlossaryFile | undefined;
}

/** What setting a folder's glossary file did. */
export interface GlossaryUpdate {
  /** The glossary changed (documents in the folder need a new analysis). */
  readonly changed: boolean;
  /** Problems of the file, one line each. */
  readonly problems: readonly string[];
  /** The file could not be used at all; the bundled glossary applies. */
  readonly broken: boolean;
}

interface FolderGlossary {
  readonly file: WorkspaceGlossaryFile;
  /** The folder's own glossary; undefined when the bundled one applies (no file, or a broken one). */
  readonly glossary: Glossary | undefined;
}

export class GlossaryCatalog implements GlossaryLookup {
  private loadedBundledData: GlossaryData | undefined;
  private bundledGlossary: Glossary | undefined;
  private readonly folders = new Map<string, FolderGlossary>();

  /**
   * @param loadBundled reads the bundled glossary, or its entries alone (called once, on first use)
   * @param folderOf the workspace folder (any key the caller uses) of a document URI, if any
   */
  constructor(
    private readonly loadBundled: () => readonly GlossaryEntry[] | GlossaryData,
    private readonly folderOf: (documentUri: string) => string | undefined,
  ) {}

  /** The bundled glossary alone. */
  get bundled(): Glossary {
    this.bundledGlossary ??= Glossary.from(this.bundledOnce());
    return this.bundledGlossary;
  }

  /** The bundled glossary's data (an analysis elsewhere, in a worker, builds the same glossaries from it). */
  get bundledData(): GlossaryData {
    return this.bundledOnce();
  }

  private bundledOnce(): GlossaryData {
    this.loadedBundledData ??= glossaryData(this.loadBundled());
    return this.loadedBundledData;
  }

  /**
   * Sets a folder's glossary file: its URI and text (undefined when the file does not exist).
   * An unchanged text keeps the same glossary (and so the documents' analyses).
   */
  setFolder(folder: string, fileUri: string, text: string | undefined): GlossaryUpdate {
    const before = this.folders.get(folder);
    if (before && before.file.uri === fileUri && before.file.text === text) return { changed: false, problems: [], broken: before.file.broken };
    if (text === undefined) {
      this.folders.set(folder, { file: { uri: fileUri, broken: false }, glossary: undefined });
      return { changed: !!before?.glossary, problems: [], broken: false };
    }
    const built = buildGlossary(this.bundledOnce(), { uri: fileUri, text });
    const glossary = built.broken ? undefined : built.glossary;
    this.folders.set(folder, { file: { uri: fileUri, text, broken: built.broken }, glossary });
    return { changed: !!before?.glossary || !!glossary, problems: built.problems, broken: built.broken };
  }

  /** Forgets a folder (removed from the workspace). */
  removeFolder(folder: string): void {
    this.folders.delete(folder);
  }

  /** The glossary of a folder (the bundled one for an unknown folder). */
  forFolder(folder: string | undefined): Glossary {
    return (folder !== undefined ? this.folders.get(folder)?.glossary : undefined) ?? this.bundled;
  }

  forDocument(uri: string): Glossary {
    return this.forFolder(this.folderOf(uri));
  }

  workspaceFileFor(uri: string): WorkspaceGlossaryFile | undefined {
    const folder = this.folderOf(uri);
    return folder !== undefined ? this.folders.get(folder)?.file : undefined;
  }
}
