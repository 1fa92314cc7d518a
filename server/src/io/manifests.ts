import * as fs from 'node:fs';
import * as path from 'node:path';
import { MANIFEST_FILE_NAME, parseManifest, type Manifest } from '../engine/manifest';
import type { KnownDocumentFacts } from '../engine/model';

/**
 * Finds what the nearest manifest (kamerwijzer.json in the document's folder or a folder above it)
 * knows about a document. Manifests are read once and cached; a broken one is reported once.
 */
export class ManifestLookup {
  private readonly cache = new Map<string, Manifest | null>();

  constructor(private readonly report: (file: string, problem: string) => void = () => undefined) {}

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
    try {
      if (fs.statSync(file).isFile()) {
        manifest = parseManifest(fs.readFileSync(file, 'utf8'));
        for (const p of manifest.problems) this.report(file, p);
      }
    } catch {
      manifest = null;
    }
    this.cache.set(dir, manifest);
    return manifest;
  }
}
