import * as path from 'node:path';
import { Exclusions } from '../io/exclusions';
import { scanDocuments } from '../io/workspaceScanner';

/**
 * The workspace folders and what in them is indexed: each folder's .gitignore files, VS Code's
 * files.exclude and kamerwijzer.exclude; hidden folders and node_modules never.
 */
export class WorkspaceFolders {
  private list: string[] = [];
  private globs: readonly string[] = [];
  private exclusions = new Map<string, Exclusions>();

  get paths(): readonly string[] {
    return this.list;
  }

  set(folders: readonly string[]): void {
    this.list = [...folders];
    this.rebuild();
  }

  /** The exclusion globs (files.exclude and kamerwijzer.exclude) changed. */
  setGlobs(globs: readonly string[]): void {
    this.globs = [...globs];
    this.rebuild();
  }

  /** A .gitignore changed: read them again. */
  resetGitignores(): void {
    for (const e of this.exclusions.values()) e.reset();
  }

  /** The workspace folder holding a file, if any. */
  folderOf(file: string): string | undefined {
    return this.list.find((f) => file === f || file.startsWith(f + path.sep));
  }

  /** True when a file (or a folder) in a workspace folder is not to be indexed. */
  isExcluded(file: string, isDirectory = false): boolean {
    const folder = this.folderOf(file);
    if (!folder) return false;
    const rel = path.relative(folder, file).split(path.sep).join('/');
    if (rel.split('/').some((part) => part.startsWith('.') || part === 'node_modules')) return true;
    return this.exclusions.get(folder)?.isExcluded(rel, isDirectory) ?? false;
  }

  /** Every document to index, folder by folder, without blocking; stops when `isCancelled` says so. */
  async *documents(isCancelled: () => boolean): AsyncGenerator<string> {
    for (const folder of this.list) {
      const exclusions = this.exclusions.get(folder) ?? new Exclusions(folder, this.globs);
      yield* scanDocuments(folder, exclusions, isCancelled);
      if (isCancelled()) return;
    }
  }

  /** The documents to index below a folder inside a workspace folder (as `documents` lists them there). */
  async *documentsBelow(dir: string): AsyncGenerator<string> {
    const folder = this.folderOf(dir);
    if (!folder) return;
    const exclusions = this.exclusions.get(folder) ?? new Exclusions(folder, this.globs);
    yield* scanDocuments(folder, exclusions, undefined, dir);
  }

  private rebuild(): void {
    this.exclusions = new Map(this.list.map((f) => [f, new Exclusions(f, this.globs)]));
  }
}
