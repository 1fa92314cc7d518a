import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Exclusions } from './exclusions';
import { isDocumentFile } from './textFiles';

/** Yields to the event loop so that requests (typing, hovers) are served between batches of work. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Lists the documents under a workspace folder without blocking: directories are read
 * asynchronously and the walk yields between folders. Hidden folders and node_modules are skipped;
 * `exclusions` decides the rest. Unreadable folders are skipped silently. `below`: only the documents
 * below this folder of `root` (its exclusions still relative to `root`).
 */
export async function* scanDocuments(root: string, exclusions: Exclusions, isCancelled: () => boolean = () => false, below: string = root): AsyncGenerator<string> {
  const pending: string[] = [below];
  while (pending.length) {
    if (isCancelled()) return;
    const dir = pending.shift()!;
    let entries: fs.Dirent[];
    try {
      entries = await fs.promises.readdir(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      const rel = path.relative(root, full).split(path.sep).join('/');
      if (entry.isDirectory()) {
        if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
        if (!exclusions.isExcluded(rel, true)) pending.push(full);
      } else if (entry.isFile() && isDocumentFile(entry.name) && !exclusions.isExcluded(rel, false)) {
        if (isCancelled()) return;
        yield full;
      }
    }
    await yieldToEventLoop();
  }
}
