import * as buffer from 'node:buffer';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_MAX_FILE_BYTES, DOCUMENT_EXTENSIONS } from '../protocol';

/** Why a file could not be read as text. */
export type UnreadableReason = 'missing' | 'directory' | 'notRegular' | 'binary' | 'tooLarge' | 'unreadable';

/** How a text file's bytes were read. */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** Bytes that were not valid in the file's encoding and were replaced by U+FFFD. */
export interface InvalidBytes {
  /** How many replacement characters were put in. */
  readonly count: number;
  /** The byte offset of the first one (0-based). */
  readonly offset: number;
  /** Its line and column in the decoded text (1-based; the column in UTF-16 code units, as editors count). */
  readonly line: number;
  readonly column: number;
}

export type TextFileResult =
  | { readonly ok: true; readonly text: string; readonly encoding: TextEncoding; readonly invalid?: InvalidBytes }
  | { readonly ok: false; readonly reason: UnreadableReason; readonly detail: string };

/** Reads at most this many bytes at a time. */
const CHUNK = 1024 * 1024;

/** Opens for reading without waiting on a FIFO's writer (POSIX); Windows has no such flag and no FIFOs to fear. */
const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);

/**
 * Reads a text document safely, without blocking the event loop: only regular files (no devices,
 * FIFOs or sockets — `/dev/zero` would never end), at most `maxBytes` (counted while reading, so a
 * file that grows is cut off too); refuses binary files; decodes as decodeText does.
 */
export async function readTextFile(file: string, maxBytes = DEFAULT_MAX_FILE_BYTES): Promise<TextFileResult> {
  let stat: fs.Stats;
  try {
    stat = await fs.promises.stat(file);
  } catch (e) {
    return { ok: false, reason: 'missing', detail: errorText(e) };
  }
  if (stat.isDirectory()) return { ok: false, reason: 'directory', detail: file };
  if (!stat.isFile()) return { ok: false, reason: 'notRegular', detail: kindOf(stat) };
  if (stat.size > maxBytes) return { ok: false, reason: 'tooLarge', detail: `${stat.size} bytes > ${maxBytes}` };
  let handle: fs.promises.FileHandle;
  try {
    handle = await fs.promises.open(file, OPEN_FLAGS);
  } catch (e) {
    return { ok: false, reason: 'unreadable', detail: errorText(e) };
  }
  try {
    // The file may have been replaced since the stat: what was opened is checked again.
    const opened = await handle.stat();
    if (!opened.isFile()) return { ok: false, reason: 'notRegular', detail: kindOf(opened) };
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(chunkSize(opened.size, total, maxBytes));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(bytesRead === chunk.length ? chunk : chunk.subarray(0, bytesRead));
      total += bytesRead;
      if (total > maxBytes) return { ok: false, reason: 'tooLarge', detail: `> ${maxBytes} bytes` };
      // A regular file reads short only at its end: no read more to hear so (most files are one chunk).
      if (bytesRead < chunk.length) break;
    }
    return decodeText(Buffer.concat(chunks, total));
  } catch (e) {
    return { ok: false, reason: 'unreadable', detail: errorText(e) };
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/**
 * How many bytes to read next: the whole file as its size says and one byte more (a file that did not
 * grow is read in one read, into a buffer of its size), then a chunk at a time; never past one byte
 * over the limit.
 */
function chunkSize(size: number, total: number, maxBytes: number): number {
  return Math.min(total === 0 ? size + 1 : CHUNK, maxBytes + 1 - total);
}

/**
 * Reads a small regular file synchronously (a manifest, a glossary), at most `maxBytes`, as UTF-8.
 * Undefined when there is no such regular file (a missing file, a folder, a FIFO or device) or it is
 * larger; never waits on a FIFO.
 */
export function readSmallFileSync(file: string, maxBytes = DEFAULT_MAX_FILE_BYTES): { readonly text: string } | { readonly problem: UnreadableReason; readonly detail: string } {
  const read = readBytesSync(file, maxBytes);
  return 'bytes' in read ? { text: read.bytes.toString('utf8') } : read;
}

/**
 * As readTextFile, synchronously (a worker thread reads the files of a workspace scan so; the main
 * thread never should): the same checks, the same decoding, the same answers.
 */
export function readTextFileSync(file: string, maxBytes = DEFAULT_MAX_FILE_BYTES): TextFileResult {
  const read = readBytesSync(file, maxBytes);
  return 'bytes' in read ? decodeText(read.bytes) : { ok: false, reason: read.problem, detail: read.detail };
}

/**
 * As readTextFileSync, with the SHA-256 of the bytes read (base64url): a file whose bytes hash as
 * `expect` is not decoded (`unchanged`), what was made of those bytes before stands (the index cache).
 */
export function readHashedTextFileSync(file: string, maxBytes: number, expect?: string): (Extract<TextFileResult, { ok: true }> & { readonly hash: string }) | Extract<TextFileResult, { ok: false }> | { readonly unchanged: string } {
  const read = readBytesSync(file, maxBytes);
  if (!('bytes' in read)) return { ok: false, reason: read.problem, detail: read.detail };
  const hash = bytesHash(read.bytes);
  if (hash === expect) return { unchanged: hash };
  const decoded = decodeText(read.bytes);
  return decoded.ok ? { ...decoded, hash } : decoded;
}

/** The SHA-256 of bytes, base64url: what tells a file unchanged since its entry was made. */
export function bytesHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('base64url');
}

/** A regular file's bytes, at most `maxBytes` (counted while reading), read synchronously; never waits on a FIFO. */
function readBytesSync(file: string, maxBytes: number): { readonly bytes: Buffer } | { readonly problem: UnreadableReason; readonly detail: string } {
  let fd: number;
  try {
    fd = fs.openSync(file, OPEN_FLAGS);
  } catch (e) {
    const code = errorText(e);
    return { problem: code === 'ENOENT' || code === 'ENOTDIR' ? 'missing' : code === 'EISDIR' ? 'directory' : 'unreadable', detail: code };
  }
  try {
    const stat = fs.fstatSync(fd);
    if (stat.isDirectory()) return { problem: 'directory', detail: file };
    if (!stat.isFile()) return { problem: 'notRegular', detail: kindOf(stat) };
    if (stat.size > maxBytes) return { problem: 'tooLarge', detail: `${stat.size} bytes > ${maxBytes}` };
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(chunkSize(stat.size, total, maxBytes));
      const n = fs.readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
      total += n;
      if (total > maxBytes) return { problem: 'tooLarge', detail: `> ${maxBytes} bytes` };
      // A regular file reads short only at its end: no read more to hear so.
      if (n < chunk.length) break;
    }
    return { bytes: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total) };
  } catch (e) {
    return { problem: 'unreadable', detail: errorText(e) };
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Decodes bytes as a text document, or says why they are not one:
 * - a byte order mark decides: UTF-8, UTF-16 LE or UTF-16 BE (the mark is dropped);
 * - without one, UTF-16 by the place of its NUL bytes (utf16WithoutMark);
 * - files that start like a PDF, ZIP (docx, xlsx), image or executable, or hold NUL bytes or many
 *   control characters, are binary;
 * - otherwise UTF-8; bytes that are not valid UTF-8 become U+FFFD in place, and the first one is
 *   reported (`invalid`) — unless the file has no valid UTF-8 multi-byte sequence at all: then it is
 *   an old 8-bit file and is read as Windows-1252.
 */
export function decodeText(bytes: Uint8Array): TextFileResult {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeUtf16(bytes.subarray(2), 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeUtf16(bytes.subarray(2), 'utf-16be');
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  // UTF-16 without a mark has NUL bytes in its first 64 KiB (in most pairs): without one it is not (one native search).
  const unmarked = bom || bytes.subarray(0, 65536).indexOf(0) < 0 ? undefined : utf16WithoutMark(bytes);
  if (unmarked) return decodeUtf16(bytes, unmarked, 0);
  const body = bom ? bytes.subarray(3) : bytes;
  const magic = binarySignature(body);
  if (magic) return { ok: false, reason: 'binary', detail: magic };
  if (looksBinary(body)) return { ok: false, reason: 'binary', detail: 'contains NUL bytes or control characters' };
  // Valid UTF-8 (nearly every file) is told natively; the walk below finds what is wrong with the rest.
  if (isValidUtf8(body)) return { ok: true, text: utf8(body), encoding: 'utf-8' };
  const check = checkUtf8(body);
  if (check.firstInvalid < 0) return { ok: true, text: utf8(body), encoding: 'utf-8' };
  if (check.multiByte === 0 && !bom) return { ok: true, text: decodeWindows1252(body), encoding: 'windows-1252' };
  const text = utf8(body);
  const before = body.subarray(0, check.firstInvalid);
  const lineStart = before.lastIndexOf(0x0a) + 1;
  let line = 1;
  for (let i = 0; i < lineStart; i++) if (before[i] === 0x0a) line++;
  const column = utf8(before.subarray(lineStart)).length + 1;
  return { ok: true, text, encoding: 'utf-8', invalid: { count: check.invalid, offset: check.firstInvalid + (bom ? 3 : 0), line, column } };
}

/** Windows-1252's characters for the bytes 0x80–0x9F (the rest is ISO-8859-1); Node's TextDecoder reads them as C1 controls. */
const CP1252_HIGH = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function decodeWindows1252(bytes: Uint8Array): string {
  // One character per byte, in chunks that go through a decoder-free table (no spread of a byte array).
  const parts: string[] = [];
  for (let start = 0; start < bytes.length; start += 8192) {
    let chunk = '';
    for (let i = start; i < Math.min(bytes.length, start + 8192); i++) {
      const b = bytes[i]!;
      chunk += b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80]! : String.fromCharCode(b);
    }
    parts.push(chunk);
  }
  return parts.join('');
}

const UTF8 = new TextDecoder('utf-8', { ignoreBOM: true });

function utf8(bytes: Uint8Array): string {
  return UTF8.decode(bytes);
}

/** Node's own test of valid UTF-8 (node:buffer isUtf8, Node 18.14 and later); false where it is missing (checkUtf8 decides then). */
function isValidUtf8(bytes: Uint8Array): boolean {
  const native = (buffer as { isUtf8?: (input: Uint8Array) => boolean }).isUtf8;
  return native ? native(bytes) : false;
}

/**
 * UTF-16 without a byte order mark, as some exports write it: in the first 64 KiB, a NUL byte stands
 * on one side of most pairs (the high byte of the ASCII and Latin-1 characters Dutch text is mostly
 * made of: LE after, BE before) and almost never on the other — the place of the zeros that VS Code
 * guesses these files by too. A binary file with that pattern decodes to NUL or control characters
 * and is refused all the same (decodeUtf16).
 */
function utf16WithoutMark(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(bytes.length, 65536) & ~1;
  if (n < 4) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros >= pairs * UTF16_ZEROS_SIDE && evenZeros <= pairs * UTF16_ZEROS_OTHER_SIDE) return 'utf-16le';
  if (evenZeros >= pairs * UTF16_ZEROS_SIDE && oddZeros <= pairs * UTF16_ZEROS_OTHER_SIDE) return 'utf-16be';
  return undefined;
}

/** UTF-16 without a mark: at least this share of pairs with a NUL on one side, at most this share on the other. */
const UTF16_ZEROS_SIDE = 0.6;
const UTF16_ZEROS_OTHER_SIDE = 0.02;

/** `markBytes`: the byte order mark's length before `body` (for the byte offset of an invalid unit). */
function decodeUtf16(body: Uint8Array, encoding: 'utf-16le' | 'utf-16be', markBytes = 2): TextFileResult {
  let le = body;
  if (encoding === 'utf-16be') {
    const swapped = new Uint8Array(body.length);
    for (let i = 0; i + 1 < body.length; i += 2) {
      swapped[i] = body[i + 1]!;
      swapped[i + 1] = body[i]!;
    }
    if (body.length % 2) swapped[body.length - 1] = body[body.length - 1]!;
    le = swapped;
  }
  const text = new TextDecoder('utf-16le', { ignoreBOM: true }).decode(le);
  if (looksBinaryText(text)) return { ok: false, reason: 'binary', detail: 'contains NUL or control characters' };
  let valid = true;
  try {
    new TextDecoder('utf-16le', { fatal: true, ignoreBOM: true }).decode(le);
  } catch {
    valid = false;
  }
  if (valid) return { ok: true, text, encoding };
  // A lone surrogate or an odd last byte: where the first replacement character is.
  const at = text.indexOf('\ufffd');
  const before = text.slice(0, Math.max(at, 0));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  const count = text.split('\ufffd').length - 1;
  return { ok: true, text, encoding, invalid: { count, offset: markBytes + 2 * before.length, line, column } };
}

/** Walks bytes as the WHATWG UTF-8 decoder does: the first invalid sequence, how many there are, how many valid multi-byte ones. */
function checkUtf8(bytes: Uint8Array): { firstInvalid: number; invalid: number; multiByte: number } {
  let firstInvalid = -1;
  let invalid = 0;
  let multiByte = 0;
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lower = 0x80;
    let upper = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lower = 0xa0;
      if (b === 0xed) upper = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lower = 0x90;
      if (b === 0xf4) upper = 0x8f;
    } else {
      if (firstInvalid < 0) firstInvalid = i;
      invalid++;
      i++;
      continue;
    }
    let j = 1;
    for (; j <= need; j++) {
      const c = i + j < n ? bytes[i + j]! : -1;
      if (c < lower || c > upper) break;
      lower = 0x80;
      upper = 0xbf;
    }
    if (j > need) {
      multiByte++;
      i += need + 1;
    } else {
      // The lead byte and the continuation bytes read so far are one replacement character.
      if (firstInvalid < 0) firstInvalid = i;
      invalid++;
      i += j;
    }
  }
  return { firstInvalid, invalid, multiByte };
}

/** File signatures of formats that are not text: what a file starting so is. */
const SIGNATURES: readonly [readonly number[], string][] = [
  [[0x25, 0x50, 0x44, 0x46, 0x2d], 'PDF'],
  [[0x50, 0x4b, 0x03, 0x04], 'ZIP (docx, xlsx, odt)'],
  [[0x50, 0x4b, 0x05, 0x06], 'ZIP'],
  [[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 'OLE (doc, xls, msg)'],
  [[0x1f, 0x8b], 'gzip'],
  [[0x89, 0x50, 0x4e, 0x47], 'PNG'],
  [[0xff, 0xd8, 0xff], 'JPEG'],
  [[0x47, 0x49, 0x46, 0x38], 'GIF'],
  [[0x7f, 0x45, 0x4c, 0x46], 'ELF'],
];

/** The binary format the bytes start with, if any. */
export function binarySignature(bytes: Uint8Array): string | undefined {
  for (const [sig, name] of SIGNATURES) if (sig.length <= bytes.length && sig.every((b, i) => bytes[i] === b)) return name;
  return undefined;
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

/** How many of a decoded text's first characters looksBinaryText reads. */
export const BINARY_CHECK_CHARS = 65536;

/**
 * The same judgement on text an editor already decoded (a binary file opened as text): a NUL, the
 * signature of a binary format, or many control or replacement characters in the first 64 Ki
 * characters.
 */
export function looksBinaryText(text: string): boolean {
  const n = Math.min(text.length, BINARY_CHECK_CHARS);
  if (text.startsWith('%PDF-') || text.startsWith('PK\u0003\u0004') || text.startsWith('\u007fELF')) return true;
  let odd = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return true;
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12 && c !== 27) || c === 0xfffd) odd++;
  }
  return n > 0 && odd / n > 0.1;
}

/** True for a file name with a document extension. */
export function isDocumentFile(file: string): boolean {
  return DOCUMENT_EXTENSIONS.includes(path.extname(file).toLowerCase());
}

function kindOf(stat: fs.Stats): string {
  if (stat.isFIFO()) return 'FIFO';
  if (stat.isCharacterDevice()) return 'character device';
  if (stat.isBlockDevice()) return 'block device';
  if (stat.isSocket()) return 'socket';
  return 'not a regular file';
}

function errorText(e: unknown): string {
  if (e && typeof e === 'object' && 'code' in e) return String((e as { code: unknown }).code);
  return String(e);
}
