import * as fs from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import picomatch from 'picomatch';

/**
 * Decides which files of a workspace folder are not indexed: the folder's .gitignore files (at the
 * root and in sub-folders), VS Code's `files.exclude`, and the `kamerwijzer.exclude` globs.
 */
export class Exclusions {
  private readonly gitignores = new Map<string, Ignore | null>();
  private readonly globs: ((p: string) => boolean)[];

  constructor(
    private readonly root: string,
    globs: readonly string[],
    private readonly useGitignore = true,
  ) {
    this.globs = globs.map((g) => picomatch(g.replace(/^\.\//, ''), { dot: true }));
  }

  /** `relativePath` uses "/" and is relative to the folder's root. */
  isExcluded(relativePath: string, isDirectory: boolean): boolean {
    if (this.globs.some((m) => m(relativePath) || (isDirectory && m(`${relativePath}/`)))) return true;
    if (!this.useGitignore) return false;
    // Each .gitignore applies to paths below its folder.
    const parts = relativePath.split('/');
    for (let i = 0; i < parts.length; i++) {
      const dir = parts.slice(0, i).join('/');
      const ig = this.gitignoreOf(dir);
      if (!ig) continue;
      const rel = parts.slice(i).join('/') + (isDirectory ? '/' : '');
      if (ig.ignores(rel)) return true;
    }
    return false;
  }

  /** Forgets cached .gitignore files (one changed). */
  reset(): void {
    this.gitignores.clear();
  }

  private gitignoreOf(dir: string): Ignore | null {
    if (this.gitignores.has(dir)) return this.gitignores.get(dir)!;
    let ig: Ignore | null = null;
    try {
      const text = fs.readFileSync(path.join(this.root, dir, '.gitignore'), 'utf8');
      ig = ignore().add(text);
    } catch {
      ig = null;
    }
    this.gitignores.set(dir, ig);
    return ig;
  }
}

/** The glob patterns switched on in a VS Code `files.exclude` object ({ "**\/.git": true }). */
export function enabledGlobs(filesExclude: unknown): string[] {
  if (!filesExclude || typeof filesExclude !== 'object') return [];
  return Object.entries(filesExclude as Record<string, unknown>)
    .filter(([, on]) => on === true)
    .map(([glob]) => glob);
}
