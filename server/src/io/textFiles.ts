import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_MAX_FILE_BYTES, DOCUMENT_EXTENSIONS } from '../protocol';

/** Why a file could not be read as text. */
export type UnreadableReason = 'missing' | 'directory' | 'binary' | 'tooLarge' | 'unreadable';

export type TextFileResult =
  | { readonly ok: true; readonly text: string; readonly encoding: 'utf-8' | 'windows-1252' }
  | { readonly ok: false; readonly reason: UnreadableReason; readonly detail: string };

/**
 * Reads a text document safely, without blocking the event loop: refuses directories, binary and
 * huge files; decodes UTF-8 (BOM stripped) or Windows-1252.
 */
export async function readTextFile(file: string, maxBytes = DEFAULT_MAX_FILE_BYTES): Promise<TextFileResult> {
  let stat: fs.Stats;
  try {
    stat = await fs.promises.stat(file);
  } catch (e) {
    return { ok: false, reason: 'missing', detail: errorText(e) };
  }
  if (stat.isDirectory()) return { ok: false, reason: 'directory', detail: file };
  if (stat.size > maxBytes) return { ok: false, reason: 'tooLarge', detail: `${stat.size} bytes > ${maxBytes}` };
  let bytes: Buffer;
  try {
    bytes = await fs.promises.readFile(file);
  } catch (e) {
    return { ok: false, reason: 'unreadable', detail: errorText(e) };
  }
  return decodeText(bytes);
}

/** Decodes bytes as a text document, or says why they are not one. */
export function decodeText(bytes: Uint8Array): TextFileResult {
  if (looksBinary(bytes)) return { ok: false, reason: 'binary', detail: 'contains NUL bytes or control characters' };
  try {
    let text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return { ok: true, text, encoding: 'utf-8' };
  } catch {
    return { ok: true, text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}

/** True when the first 64 KiB hold a NUL byte or many control characters (not a text document). */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 65536);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12 && b !== 27) control++;
  }
  return n > 0 && control / n > 0.1;
}

/** True for a file name with a document extension. */
export function isDocumentFile(file: string): boolean {
  return DOCUMENT_EXTENSIONS.includes(path.extname(file).toLowerCase());
}

function errorText(e: unknown): string {
  if (e && typeof e === 'object' && 'code' in e) return String((e as { code: unknown }).code);
  return String(e);
}
