import * as fs from 'node:fs';
import * as path from 'node:path';
import { completeEntries, parseGlossary, WORKSPACE_GLOSSARY_PATH, type GlossaryData } from '../engine/glossary';
import { readDataFile } from './dataFiles';
import { readSmallFileSync } from './textFiles';

/** File name of the bundled glossary in dist/data/ (esbuild.mjs copies server/data/glossary.json). */
export const GLOSSARY_FILE = 'glossary.json';

/**
 * Reads the bundled glossary: its entries and ambiguous abbreviations. A missing or broken file is
 * reported and gives an empty glossary (Kamerwijzer works on without instrument hovers); problems
 * of single entries are reported too.
 */
export function loadBundledGlossary(dataDir: string, report: (problem: string) => void = () => undefined): GlossaryData {
  const file = path.join(dataDir, GLOSSARY_FILE);
  let text: string;
  try {
    text = readDataFile(file);
  } catch (e) {
    report(`bundled glossary missing (${file}): ${(e as Error).message}`);
    return { entries: [], ambiguities: [] };
  }
  const parsed = parseGlossary(text);
  const merged = completeEntries(parsed);
  for (const p of [...parsed.problems, ...merged.problems]) report(`bundled glossary ${file}: ${p}`);
  return { entries: merged.entries, ambiguities: merged.ambiguities };
}

/** The path of a workspace folder's glossary file (.kamerwijzer/glossary.json). */
export function workspaceGlossaryPath(folder: string): string {
  return path.join(folder, ...WORKSPACE_GLOSSARY_PATH.split('/'));
}

/** True when a path is a workspace glossary file (…/.kamerwijzer/glossary.json). */
export function isWorkspaceGlossaryPath(file: string): boolean {
  return path.basename(file) === 'glossary.json' && path.basename(path.dirname(file)) === '.kamerwijzer';
}

/** The folder a glossary file belongs to (the folder holding .kamerwijzer/). */
export function glossaryFolderOf(file: string): string {
  return path.dirname(path.dirname(file));
}

/** The text of a folder's glossary file, or undefined when there is none (or it is no regular file, or cannot be read). */
export function readWorkspaceGlossary(folder: string): string | undefined {
  const read = readSmallFileSync(workspaceGlossaryPath(folder));
  return 'text' in read ? read.text : undefined;
}

/** True when a folder has a glossary file. */
export function hasWorkspaceGlossary(folder: string): boolean {
  try {
    return fs.statSync(workspaceGlossaryPath(folder)).isFile();
  } catch {
    return false;
  }
}

/**
 * Which glossary applies to a document: the nearest `.kamerwijzer/glossary.json` in the document's
 * folder or a folder above it (up to `top`, when given). The answer per folder is cached;
 * `forget()` after files changed.
 */
export class GlossaryFolders {
  private readonly has = new Map<string, boolean>();

  constructor(private readonly exists: (folder: string) => boolean = hasWorkspaceGlossary) {}

  /** The nearest folder at or above `dir` (not above `top`) with a glossary file. */
  nearest(dir: string, top?: string): string | undefined {
    let d = path.resolve(dir);
    const stop = top === undefined ? undefined : path.resolve(top);
    for (;;) {
      let known = this.has.get(d);
      if (known === undefined) this.has.set(d, (known = this.exists(d)));
      if (known) return d;
      if (d === stop) return undefined;
      const parent = path.dirname(d);
      if (parent === d || (stop !== undefined && !isInside(parent, stop))) return undefined;
      d = parent;
    }
  }

  /** Tells the cache a folder's glossary file appeared or went. */
  set(folder: string, exists: boolean): void {
    this.has.set(path.resolve(folder), exists);
  }

  forget(): void {
    this.has.clear();
  }
}

/** True when `p` is `folder` or below it. */
export function isInside(p: string, folder: string): boolean {
  return p === folder || p.startsWith(folder.endsWith(path.sep) ? folder : folder + path.sep);
}
