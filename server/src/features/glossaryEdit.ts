/**
 * Adding an entry to a workspace glossary (.kamerwijzer/glossary.json) as a text edit: into the
 * "entries" array of an existing file, keeping its layout, or as the whole text of a new file.
 */
import type { WorkspaceGlossaryFile } from '../catalog/glossaries';
import type { GlossaryEntryPatch } from '../engine/glossary';
import { LineIndex } from '../engine/lineIndex';
import type { FixEdit } from './model';

export interface GlossaryAddition {
  readonly edit: FixEdit;
  /** True when the file does not exist yet and must be created first. */
  readonly create: boolean;
}

/** The edit that adds `entry` to the file, or undefined when the file cannot be extended safely. */
export function glossaryAddition(file: WorkspaceGlossaryFile, entry: GlossaryEntryPatch): GlossaryAddition | undefined {
  if (file.broken) return undefined;
  const zero = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  if (file.text === undefined) {
    const newText = JSON.stringify({ version: 1, entries: [entry] }, null, 2) + '\n';
    return { edit: { uri: file.uri, span: { offset: 0, length: 0 }, range: zero, newText }, create: true };
  }
  const text = file.text;
  const array = entriesArray(text);
  if (!array) return undefined;
  const keyIndent = indentOf(text, array.open);
  const inner = text.slice(array.open + 1, array.close);
  const firstItem = array.open + 1 + (inner.length - inner.trimStart().length);
  const onOwnLine = /[\r\n][ \t]*$/.test(text.slice(array.open, firstItem));
  const itemIndent = inner.trim() && onOwnLine ? indentOf(text, firstItem) : `${keyIndent}  `;
  const entryText = JSON.stringify(entry, null, 2).replace(/\n/g, `\n${itemIndent}`);
  let span;
  let newText;
  if (!inner.trim()) {
    span = { offset: array.open + 1, length: inner.length };
    newText = `\n${itemIndent}${entryText}\n${keyIndent}`;
  } else {
    const last = array.open + 1 + inner.trimEnd().length;
    span = { offset: last, length: 0 };
    newText = `,\n${itemIndent}${entryText}`;
  }
  return { edit: { uri: file.uri, span, range: new LineIndex(text).rangeOf(span), newText }, create: false };
}

/** The leading whitespace of the line that holds `offset`. */
function indentOf(text: string, offset: number): string {
  // After \n, \r\n or a lone \r.
  const lineStart = Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1)) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart, offset))![0];
}

/** Offsets of the "[" and "]" of the top-level "entries" array. */
function entriesArray(text: string): { open: number; close: number } | undefined {
  let depth = 0;
  let open = -1;
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"') {
      const start = ++i;
      while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
      const value = text.slice(start, i);
      i++;
      if (depth === 1 && open < 0 && value === 'entries') {
        const m = /^\s*:\s*\[/.exec(text.slice(i, i + 200));
        if (m) {
          open = i + m[0].length - 1;
          depth = 2;
          i = open + 1;
        }
      }
      continue;
    }
    if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      depth--;
      if (open >= 0 && depth === 1 && c === ']') return { open, close: i };
    }
    i++;
  }
  return undefined;
}
