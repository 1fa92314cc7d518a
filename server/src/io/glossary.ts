import * as fs from 'node:fs';
import * as path from 'node:path';
import { completeEntries, parseGlossary, WORKSPACE_GLOSSARY_PATH, type GlossaryData } from '../engine/glossary';

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
    text = fs.readFileSync(file, 'utf8');
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

/** The text of a folder's glossary file, or undefined when there is none (or it cannot be read). */
export function readWorkspaceGlossary(folder: string): string | undefined {
  try {
    return fs.readFileSync(workspaceGlossaryPath(folder), 'utf8');
  } catch {
    return undefined;
  }
}
