import * as path from 'node:path';
import type { TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { Catalog } from '../../../server/src/catalog/catalog';
import { GlossaryCatalog } from '../../../server/src/catalog/glossaries';
import { WorkspaceCatalogSource, WorkspaceIndex, type IndexedDocument } from '../../../server/src/catalog/workspaceIndex';
import type { GlossaryEntry } from '../../../server/src/engine/glossary';
import { LineIndex } from '../../../server/src/engine/lineIndex';
import type { Span } from '../../../server/src/engine/model';
import type { FeatureContext } from '../../../server/src/features/context';
import { loadBundledGlossary } from '../../../server/src/io/glossary';
import type { Locale } from '../../../server/src/l10n';
import { repoRoot } from '../../support/paths';

/** The bundled glossary as the server reads it (server/data is the source of dist/data). */
export const bundledEntries: readonly GlossaryEntry[] = loadBundledGlossary(path.join(repoRoot, 'server', 'data'), (p) => {
  throw new Error(p);
});

/** The in-memory workspace folder. */
export const FOLDER = 'file:///ws';
export const GLOSSARY_URI = `${FOLDER}/.kamerwijzer/glossary.json`;

/**
 * A fixture text with markers: `[[…]]` around expected ranges, `|` at the cursor (write `\|` for a
 * literal bar). Returns the text without markers.
 */
export function marked(fixture: string): { text: string; ranges: Span[]; cursor: number | undefined } {
  let text = '';
  const ranges: Span[] = [];
  const open: number[] = [];
  let cursor: number | undefined;
  for (let i = 0; i < fixture.length; i++) {
    if (fixture.startsWith('[[', i)) {
      open.push(text.length);
      i++;
    } else if (fixture.startsWith(']]', i) && open.length) {
      const start = open.pop()!;
      ranges.push({ offset: start, length: text.length - start });
      i++;
    } else if (fixture.startsWith('\\|', i)) {
      text += '|';
      i++;
    } else if (fixture[i] === '|') cursor = text.length;
    else text += fixture[i];
  }
  ranges.sort((a, b) => a.offset - b.offset);
  return { text, ranges, cursor };
}

export interface TestWorkspace {
  readonly ctx: FeatureContext;
  readonly index: WorkspaceIndex;
  readonly glossaries: GlossaryCatalog;
  /** Adds (or replaces) a document at file:///ws/<name>. */
  add(name: string, text: string): IndexedDocument;
}

/** An in-memory workspace folder (file:///ws) with an optional .kamerwijzer/glossary.json text. */
export function workspace(options: { glossary?: string; locale?: Locale; documents?: Record<string, string> } = {}): TestWorkspace {
  const index = new WorkspaceIndex();
  const glossaries = new GlossaryCatalog(
    () => bundledEntries,
    (uri) => (uri.startsWith(`${FOLDER}/`) ? 'ws' : undefined),
  );
  glossaries.setFolder('ws', GLOSSARY_URI, options.glossary);
  const catalog = new Catalog([new WorkspaceCatalogSource(index)]);
  const ctx: FeatureContext = { index, catalog, locale: options.locale ?? 'nl', today: '2026-11-23', glossaries };
  const add = (name: string, text: string): IndexedDocument => {
    const uri = `${FOLDER}/${name}`;
    return index.update(uri, text, 1, { instruments: glossaries.forDocument(uri).matcher });
  };
  for (const [name, text] of Object.entries(options.documents ?? {})) add(name, text);
  return { ctx, index, glossaries, add };
}

/** Applies text edits (non-overlapping) to a text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const lines = new LineIndex(text);
  const withOffsets = edits.map((e) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), newText: e.newText }));
  withOffsets.sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of withOffsets) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

/** The text edits of a workspace edit for one URI (from `changes` or `documentChanges`). */
export function editsFor(edit: WorkspaceEdit, uri: string): TextEdit[] {
  if (edit.changes?.[uri]) return edit.changes[uri]!;
  const out: TextEdit[] = [];
  for (const c of edit.documentChanges ?? []) {
    if ('textDocument' in c && c.textDocument.uri === uri) out.push(...(c.edits as TextEdit[]));
  }
  return out;
}
