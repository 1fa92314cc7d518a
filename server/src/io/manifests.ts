import * as fs from 'node:fs';
import * as path from 'node:path';
import { MANIFEST_FILE_NAME, parseManifest, type Manifest } from '../engine/manifest';
import type { KnownDocumentFacts } from '../engine/model';
import { readSmallFileSync } from './textFiles';

/** What a manifest's problems amount to, told once per manifest read. */
export interface ManifestReport {
  /** The manifest file. */
  readonly file: string;
  /** Every problem found, one line each (there may be very many: report them bounded, see summarizeProblems). */
  readonly problems: readonly string[];
  /** False when nothing of the manifest can be used (not JSON, no "documents" object); true when its valid entries and fields are used. */
  readonly usable: boolean;
}

/** At most this many problems of one file are spelled out; the rest are counted. */
export const PROBLEMS_SHOWN = 3;

/** The first few problems, joined, and how many more there are. */
export function summarizeProblems(problems: readonly string[], shown = PROBLEMS_SHOWN): { readonly first: string; readonly more: number } {
  return { first: problems.slice(0, shown).join('; '), more: Math.max(0, problems.length - shown) };
}

/**
 * Finds what the nearest manifest (kamerwijzer.json in the document's folder or a folder above it)
 * knows about a document. Manifests are read once and cached; a manifest with problems is reported
 * once, as a whole (however many problems it has).
 */
export class ManifestLookup {
  private readonly cache = new Map<string, Manifest | null>();

  constructor(private readonly report: (report: ManifestReport) => void = () => undefined) {}

  factsFor(documentPath: string): KnownDocumentFacts | undefined {
    const abs = path.resolve(documentPath);
    let dir = path.dirname(abs);
    for (;;) {
      const manifest = this.load(dir);
      if (manifest) {
        const key = path.relative(dir, abs).split(path.sep).join('/');
        const facts = manifest.documents.get(key);
        if (facts) return facts;
      }
      const parent = path.dirname(dir);
      if (parent === dir) return undefined;
      dir = parent;
    }
  }

  /** Forgets a cached manifest (after it changed on disk). */
  invalidate(manifestPath: string): void {
    this.cache.delete(path.dirname(path.resolve(manifestPath)));
  }

  private load(dir: string): Manifest | null {
    if (this.cache.has(dir)) return this.cache.get(dir)!;
    const file = path.join(dir, MANIFEST_FILE_NAME);
    let manifest: Manifest | null = null;
    let exists = false;
    try {
      exists = fs.statSync(file).isFile();
    } catch {
      exists = false;
    }
    if (exists) {
      const read = readSmallFileSync(file);
      if ('text' in read) {
        manifest = parseManifest(read.text);
        // A manifest that yields no entry at all while it has problems cannot be used (not JSON, no "documents").
        if (manifest.problems.length) this.report({ file, problems: manifest.problems, usable: manifest.documents.size > 0 });
      } else if (read.problem !== 'missing') {
        this.report({ file, problems: [`${read.problem}: ${read.detail}`], usable: false });
      }
    }
    this.cache.set(dir, manifest);
    return manifest;
  }
}
