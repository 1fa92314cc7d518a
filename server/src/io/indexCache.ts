/**
 * The workspace index kept between sessions: what the index keeps of each file of a workspace scan
 * (its entry: line starts, metadata and citations), with the hash of the bytes it was made of and the
 * facts it was analyzed with. The next session's scan still reads every file (the worker that reads
 * it hashes its bytes), but a file whose bytes and facts are the same is not analyzed again: its entry
 * is taken from here. Opening a workspace of 2,000 letters again costs the reading, not the analysis.
 *
 * One file per set of workspace folders, in the cache folder:
 *
 *   <root>/workspace-index/<hash of the folders>.ndjson
 *
 * Its first line says what made it: {"kamerwijzerIndex":FORMAT,"engine":"…","folders":[…]}; a file of
 * another format or engine (another build of Kamerwijzer) is not used. Then one line per file: the JSON
 * array [path, hash, inputs], a tab, and the JSON of its entry (JSON.stringify writes neither a tab
 * nor a line feed). A line that cannot be read or whose entry is not of the shape an entry has is left
 * out (that file is analyzed again); a file that cannot be read at all is an empty cache. The file is
 * written whole (a temporary file renamed into place) after a scan and after files changed; what it
 * holds of files that no scan saw since (deleted, excluded) goes then.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { KINDS, type CitationList } from '../catalog/workspaceIndex';
import type { DocumentMetadata, MetadataSource, Span } from '../engine/model';
import { writeAtomic } from './diskStore';
import type { InvalidBytes } from './textFiles';
import { yieldToEventLoop } from './workspaceScanner';

/** Bumped when what a line holds changes: a file of another format is not read. */
export const INDEX_CACHE_FORMAT = 1;

/**
 * The most bytes a cache file is written with (about 15,000 letters; a write holds the file about three
 * times over for a moment); the files beyond are analyzed again next time. A larger file is not read.
 */
const MAX_BYTES = 64 * 1024 * 1024;

/** A temporary file of a write this long ago was left by a write cut off: it is removed. */
const LEFTOVER_AFTER_MS = 60 * 60 * 1000;

/** Lines read between two turns of the event loop. */
const LINES_PER_TURN = 500;

/** A file's entry as the index keeps it (the service's FileEntry). */
export interface IndexCacheEntry {
  readonly encoding: string;
  readonly invalid?: InvalidBytes;
  readonly length: number;
  readonly lineStarts: Int32Array;
  readonly metadata: DocumentMetadata;
  readonly citations: CitationList;
}

/** Why a cache file was not used (`unreadable`, `otherVersion`) or not written (`unwritable`), or that it was written without some files (`full`). */
export type IndexCacheProblem =
  | { readonly kind: 'unreadable'; readonly file: string; readonly detail: string }
  | { readonly kind: 'otherVersion'; readonly file: string }
  | { readonly kind: 'unwritable'; readonly detail: string }
  | { readonly kind: 'full'; readonly kept: number; readonly left: number };

export interface IndexCacheOptions {
  /** The cache folder in use; undefined: none, nothing is kept. */
  readonly root: () => string | undefined;
  /**
   * What made the entries (this build of the engine): a file another build wrote is not used. A
   * function is asked once, when the cache is first used (undefined: no cache file is read or written).
   */
  readonly engine: string | (() => string | undefined);
  /** Whether a file is in the index (read from disk or open): a cache file is written with the entries of those only. */
  readonly indexed: (file: string) => boolean;
  /** Told why a cache file was not used or could not be written, or what did not fit in it. */
  readonly report?: (problem: IndexCacheProblem) => void;
  /** Tests: the most bytes a cache file is written with. */
  readonly maxBytes?: number;
}

export class IndexCache {
  private folders: readonly string[] = [];
  /** The cache file read at the start of a scan and where each file's line lies in it; let go of once written. */
  private loaded: ReadCache = EMPTY;
  /** Entries made since the last write: their head and line (UTF-8, no line feed). */
  private readonly fresh = new Map<string, { readonly hash: string; readonly inputs: string; readonly line: Buffer }>();
  /** Whether a write has something to change: entries made or dropped since the last one, or no usable file read. */
  private changed = false;
  /** The write under way (writes run one at a time; it never rejects). */
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly options: IndexCacheOptions) {}

  private engineId: string | undefined | null = null;

  /** The engine's id (asked of the option once). */
  private engine(): string | undefined {
    if (this.engineId === null) this.engineId = typeof this.options.engine === 'string' ? this.options.engine : this.options.engine();
    return this.engineId;
  }

  /** The cache file of the folders, when a cache folder is in use and the engine is known. */
  fileOf(folders: readonly string[]): string | undefined {
    const root = this.options.root();
    if (!root || this.engine() === undefined) return undefined;
    const key = createHash('sha256').update(JSON.stringify([...folders].sort())).digest('hex').slice(0, 32);
    return path.join(root, 'workspace-index', `${key}.ndjson`);
  }

  /** A scan of these folders starts: the cache file is read, lookups answer from it. Never rejects. */
  async load(folders: readonly string[]): Promise<void> {
    await this.writing;
    this.folders = [...folders].sort();
    this.loaded = await this.read(true);
    // Nothing usable read (none yet, another version, damaged): what the scan makes is written.
    if (!this.loaded.lines.size) this.changed = true;
    await this.removeLeftovers();
  }

  /** The entry kept of a file for these inputs (facts and date, as a string), with the hash of its bytes. */
  lookup(file: string, inputs: string): { readonly hash: string; readonly entry: IndexCacheEntry } | undefined {
    // Made in this session and not written yet (a scan that a newer one cancelled), or read.
    const made = this.fresh.get(file);
    if (made) {
      const entry = made.inputs === inputs ? entryOfJson(made.line.toString('utf8', made.line.indexOf(9) + 1)) : undefined;
      return entry && { hash: made.hash, entry };
    }
    const kept = this.loaded.lines.get(file);
    if (!kept || kept.inputs !== inputs) return undefined;
    const entry = entryOfJson(this.loaded.bytes.toString('utf8', kept.entryStart, kept.end));
    if (!entry) {
      this.loaded.lines.delete(file);
      return undefined;
    }
    return { hash: kept.hash, entry };
  }

  /** The file was read and analyzed: its entry, made of bytes with this hash with these inputs. */
  remember(file: string, inputs: string, hash: string, entry: IndexCacheEntry): void {
    if (this.engine() === undefined) return;
    this.loaded.lines.delete(file);
    this.fresh.set(file, { hash, inputs, line: Buffer.from(lineOf(file, hash, inputs, entry)) });
    this.changed = true;
  }

  /** The file could not be read: what was kept of it goes (a file never kept, as a binary one, changes nothing). */
  forget(file: string): void {
    const dropped = this.fresh.delete(file);
    if (this.loaded.lines.delete(file) || dropped) this.changed = true;
  }

  /**
   * Writes the cache file, when entries were made or dropped since the last write: with the entries
   * of the files in the index (during a scan, `scanning`: also those the scan has not come to), those
   * made since from memory, the others from the file (a hash that no longer fits only costs a
   * reading). Then lets go of the lines it held. Never rejects: a cache that cannot be written is told
   * and costs the next session time, nothing else.
   */
  save(options: { readonly scanning?: boolean } = {}): Promise<void> {
    this.writing = this.writing.then(() => this.write(options.scanning ?? false)).catch((e: unknown) => this.tell({ kind: 'unwritable', detail: (e as Error)?.message ?? String(e) }));
    return this.writing;
  }

  /** Resolves once no write is under way (the server waits for it before it exits). */
  settled(): Promise<void> {
    return this.writing;
  }

  private async write(scanning: boolean): Promise<void> {
    const file = this.fileOf(this.folders);
    if (!file || !this.folders.length || !this.changed) {
      this.loaded = EMPTY;
      return;
    }
    // What is made from here on is written next time; what is written now is what was made so far.
    this.changed = false;
    const fresh = new Map(this.fresh);
    try {
      // What the file holds now: written at the last save, or by another window of the same folders
      // (one of another version is replaced, as told when it was loaded).
      const onDisk = await this.read(false);
      const header = Buffer.from(headerOf(this.engine()!, this.folders));
      const parts: Buffer[] = [header, NEWLINE];
      let bytes = header.length + 1;
      const max = this.options.maxBytes ?? MAX_BYTES;
      let left = 0;
      const add = (line: Buffer): void => {
        if (bytes + line.length + 1 > max) {
          left++;
          return;
        }
        parts.push(line, NEWLINE);
        bytes += line.length + 1;
      };
      const keep = (f: string): boolean => scanning || this.options.indexed(f);
      for (const [f, made] of fresh) if (keep(f)) add(made.line);
      for (const [f, kept] of onDisk.lines) if (!fresh.has(f) && keep(f)) add(onDisk.bytes.subarray(kept.start, kept.end));
      await writeAtomic(file, Buffer.concat(parts, bytes));
      if (left) this.tell({ kind: 'full', kept: parts.length / 2 - 1, left });
      for (const [f, made] of fresh) if (this.fresh.get(f) === made) this.fresh.delete(f);
    } catch (e) {
      // Not written: the next write tries again, with the file's entries and those made from now on
      // (what was made so far is let go of, so that a cache folder that refuses writes holds no memory).
      this.changed = true;
      this.fresh.clear();
      throw e;
    } finally {
      this.loaded = EMPTY;
    }
  }

  /** Tells a problem; a report that throws is no reason to stop. */
  private tell(problem: IndexCacheProblem): void {
    try {
      this.options.report?.(problem);
    } catch {
      // told nothing
    }
  }

  /** The folders' cache file and its lines by path; none when it is missing, unreadable, too large or of another format or engine (told when `tell`). */
  private async read(tell: boolean): Promise<ReadCache> {
    const file = this.fileOf(this.folders);
    if (!file) return EMPTY;
    try {
      const read = await this.readLines(file);
      if (read === 'otherVersion' && tell) this.tell({ kind: 'otherVersion', file });
      return read === 'otherVersion' ? EMPTY : read;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException)?.code;
      if (code !== 'ENOENT' && tell) this.tell({ kind: 'unreadable', file, detail: code ?? (e as Error)?.message ?? String(e) });
      return EMPTY;
    }
  }

  private async readLines(file: string): Promise<ReadCache | 'otherVersion'> {
    // No file this cache writes is larger; anything larger is not read.
    const { size } = await fs.promises.stat(file);
    if (size > (this.options.maxBytes ?? MAX_BYTES)) throw new Error(`${size} bytes`);
    const bytes = await fs.promises.readFile(file);
    const first = bytes.indexOf(10);
    if (first < 0 || bytes.toString('utf8', 0, first) !== headerOf(this.engine()!, this.folders)) return bytes.length ? 'otherVersion' : EMPTY;
    const lines = new Map<string, KeptLine>();
    let at = first + 1;
    for (let n = 1; at < bytes.length; n++) {
      let end = bytes.indexOf(10, at);
      if (end < 0) end = bytes.length;
      // The tab within the line only (a line without one is passed over without reading further).
      const tab = bytes.subarray(at, end).indexOf(9);
      const head = tab >= 0 ? headOf(bytes.toString('utf8', at, at + tab)) : undefined;
      if (head) lines.set(head.file, { hash: head.hash, inputs: head.inputs, start: at, entryStart: at + tab + 1, end });
      at = end + 1;
      if (n % LINES_PER_TURN === 0) await yieldToEventLoop();
    }
    return { bytes, lines };
  }

  /** Removes the temporary files of writes that were cut off (the process ended meanwhile) a while ago. */
  private async removeLeftovers(): Promise<void> {
    const file = this.fileOf(this.folders);
    if (!file) return;
    const dir = path.dirname(file);
    try {
      for (const name of await fs.promises.readdir(dir)) {
        if (!name.endsWith('.tmp')) continue;
        const leftover = path.join(dir, name);
        if (Date.now() - (await fs.promises.stat(leftover)).mtimeMs > LEFTOVER_AFTER_MS) await fs.promises.rm(leftover, { force: true });
      }
    } catch {
      // nothing to tidy
    }
  }
}

/** A file's line as read: the hash and inputs of its head, and where the line and its entry lie in the file's bytes. */
interface KeptLine {
  readonly hash: string;
  readonly inputs: string;
  readonly start: number;
  readonly entryStart: number;
  readonly end: number;
}

/** A cache file as read: its bytes and its lines by path. */
interface ReadCache {
  readonly bytes: Buffer;
  readonly lines: Map<string, KeptLine>;
}

const EMPTY: ReadCache = { bytes: Buffer.alloc(0), lines: new Map() };
const NEWLINE = Buffer.from('\n');

function headerOf(engine: string, folders: readonly string[]): string {
  return JSON.stringify({ kamerwijzerIndex: INDEX_CACHE_FORMAT, engine, folders });
}

/**
 * A file's line: its head [path, hash, inputs], a tab, its entry. The line starts and the citations'
 * numbers are packed (packInts): a letter's line starts take a byte or two each, not a number in JSON.
 */
function lineOf(file: string, hash: string, inputs: string, e: IndexCacheEntry): string {
  const entry = {
    encoding: e.encoding,
    ...(e.invalid ? { invalid: e.invalid } : {}),
    length: e.length,
    lineStarts: packInts(e.lineStarts, 1),
    metadata: e.metadata,
    citations: { keys: e.citations.keys, found: packInts(e.citations.found, 4), motions: e.citations.motions },
  };
  return `${JSON.stringify([file, hash, inputs])}\t${JSON.stringify(entry)}`;
}

function headOf(text: string): { readonly file: string; readonly hash: string; readonly inputs: string } | undefined {
  try {
    const head: unknown = JSON.parse(text);
    if (!Array.isArray(head) || head.length !== 3 || !head.every((x) => typeof x === 'string')) return undefined;
    return { file: head[0] as string, hash: head[1] as string, inputs: head[2] as string };
  } catch {
    return undefined;
  }
}

/** The entry written as JSON, when it has the shape of one (what the index would be given by an analysis); else undefined. */
export function entryOfJson(json: string): IndexCacheEntry | undefined {
  let o: unknown;
  try {
    o = JSON.parse(json);
  } catch {
    return undefined;
  }
  if (!isRecord(o) || typeof o['encoding'] !== 'string' || !isCount(o['length'])) return undefined;
  const length = o['length'];
  const lineStarts = unpackInts(o['lineStarts'], 1);
  if (!lineStarts || !validLineStarts(lineStarts, length)) return undefined;
  const invalid = o['invalid'] === undefined ? undefined : invalidOf(o['invalid']);
  if (o['invalid'] !== undefined && !invalid) return undefined;
  const metadata = metadataOf(o['metadata']);
  if (!metadata) return undefined;
  const citations = citationsOf(o['citations'], length);
  if (!citations) return undefined;
  return {
    encoding: o['encoding'],
    ...(invalid ? { invalid } : {}),
    length,
    lineStarts,
    metadata,
    citations,
  };
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function isCount(x: unknown): x is number {
  return typeof x === 'number' && Number.isSafeInteger(x) && x >= 0;
}

function validLineStarts(starts: Int32Array, length: number): boolean {
  if (starts.length === 0 || starts[0] !== 0) return false;
  for (let i = 1; i < starts.length; i++) if (starts[i]! <= starts[i - 1]! || starts[i]! > length) return false;
  return true;
}


const METADATA_STRINGS = ['date', 'documentNumber', 'dossierTitle', 'title'] as const;
const METADATA_SOURCE_FIELDS = ['dateSource', 'kamerstukSource', 'documentNumberSource', 'titleSource'] as const;
const METADATA_SOURCES: ReadonlySet<string> = new Set(['header', 'openDataHeader', 'datumLine', 'manifest', 'frontMatter', 'option'] satisfies MetadataSource[]);

/** Bytes replaced in decoding, of its four numbers only. */
function invalidOf(x: unknown): IndexCacheEntry['invalid'] {
  if (!isRecord(x)) return undefined;
  const { count, offset, line, column } = x;
  return isCount(count) && isCount(offset) && isCount(line) && isCount(column) ? { count, offset, line, column } : undefined;
}

/** A span of its two numbers only. */
function spanOf(x: unknown): Span | undefined {
  return isRecord(x) && isCount(x['offset']) && isCount(x['length']) ? { offset: x['offset'], length: x['length'] } : undefined;
}

/** The metadata made again of the fields metadata has, each of its type (nothing else is taken over); undefined when one is not. */
function metadataOf(m: unknown): DocumentMetadata | undefined {
  if (!isRecord(m)) return undefined;
  const out: Record<string, unknown> = {};
  for (const k of METADATA_STRINGS) {
    if (m[k] === undefined) continue;
    if (typeof m[k] !== 'string') return undefined;
    out[k] = m[k];
  }
  for (const k of METADATA_SOURCE_FIELDS) {
    if (m[k] === undefined) continue;
    if (typeof m[k] !== 'string' || !METADATA_SOURCES.has(m[k])) return undefined;
    out[k] = m[k];
  }
  const ks = m['kamerstuk'];
  if (ks !== undefined) {
    if (!(isRecord(ks) && typeof ks['dossier'] === 'string' && typeof ks['nr'] === 'string')) return undefined;
    out['kamerstuk'] = { dossier: ks['dossier'], nr: ks['nr'] };
  }
  for (const k of ['identitySpan', 'frontMatterSpan'] as const) {
    if (m[k] === undefined) continue;
    const span = spanOf(m[k]);
    if (!span) return undefined;
    out[k] = span;
  }
  const spans = m['identitySpans'];
  if (spans !== undefined) {
    if (!Array.isArray(spans)) return undefined;
    const list: Span[] = [];
    for (const x of spans) {
      const span = spanOf(x);
      if (!span) return undefined;
      list.push(span);
    }
    out['identitySpans'] = list;
  }
  if (m['headEnd'] !== undefined) {
    if (!isCount(m['headEnd'])) return undefined;
    out['headEnd'] = m['headEnd'];
  }
  return out as DocumentMetadata;
}


function citationsOf(x: unknown, length: number): CitationList | undefined {
  if (!isRecord(x)) return undefined;
  const keys = x['keys'];
  if (!Array.isArray(keys) || !keys.every((k) => typeof k === 'string')) return undefined;
  const found = unpackInts(x['found'], 4);
  if (!found || found.length % 4 !== 0) return undefined;
  for (let i = 0; i < found.length; i += 4) {
    const key = found[i]!;
    const kind = found[i + 1]!;
    const offset = found[i + 2]!;
    const len = found[i + 3]!;
    if (key < 0 || key >= keys.length || kind < 0 || kind >= KINDS.length || offset < 0 || len < 0 || offset + len > length) return undefined;
  }
  const motions = x['motions'];
  const citations = found.length / 4;
  const validMotion = (m: unknown): boolean =>
    Array.isArray(m) && m.length === 3 && isCount(m[0]) && m[0] < citations && Array.isArray(m[1]) && m[1].every((s) => typeof s === 'string') && typeof m[2] === 'boolean';
  if (!Array.isArray(motions) || !motions.every(validMotion)) return undefined;
  const copied = (motions as [number, string[], boolean][]).map(([n, submitters, cs]): [number, string[], boolean] => [n, submitters.slice(), cs]);
  return { keys: keys as string[], found, motions: copied };
}

/**
 * Whole numbers (of an Int32Array) as a string: each one's difference from the number `stride` places
 * before it (0 before the first), zigzagged (0, -1, 1, -2 … as 0, 1, 2, 3 …) and written as a
 * little-endian base-128 varint, the bytes in base64. Line starts and sorted offsets differ by little.
 */
export function packInts(values: ArrayLike<number>, stride: number): string {
  const bytes: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const d = values[i]! - (i >= stride ? values[i - stride]! : 0);
    let z = d >= 0 ? 2 * d : -2 * d - 1;
    while (z >= 128) {
      bytes.push((z % 128) + 128);
      z = Math.floor(z / 128);
    }
    bytes.push(z);
  }
  return Buffer.from(bytes).toString('base64');
}

/** The numbers packInts wrote; undefined for anything else (not base64, a varint cut off, a number beyond 32 bits). */
export function unpackInts(x: unknown, stride: number): Int32Array | undefined {
  if (typeof x !== 'string' || !BASE64.test(x)) return undefined;
  const bytes = Buffer.from(x, 'base64');
  const out: number[] = [];
  let i = 0;
  while (i < bytes.length) {
    let z = 0;
    let scale = 1;
    for (;;) {
      if (i >= bytes.length || scale > 2 ** 35) return undefined;
      const b = bytes[i++]!;
      z += (b & 127) * scale;
      scale *= 128;
      if (b < 128) break;
    }
    const d = z % 2 === 0 ? z / 2 : -(z + 1) / 2;
    const v = d + (out.length >= stride ? out[out.length - stride]! : 0);
    if (v < -(2 ** 31) || v >= 2 ** 31) return undefined;
    out.push(v);
  }
  return Int32Array.from(out);
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

declare const KAMERWIJZER_VERSION: string | undefined;

/**
 * What identifies this build of the engine: the version and a hash of the server's bundle
 * (dist/server-main.js, beside the command line's: the workers that analyze run it, whichever
 * started the server). Undefined when not bundled (the tests' compiled modules) or when that bundle
 * cannot be read: the language server then keeps no index cache, since nothing tells a change of
 * the engine.
 */
/** Whether this code runs bundled (dist/), where bundledEngineId can tell the engine. */
export function isBundled(): boolean {
  return typeof KAMERWIJZER_VERSION === 'string';
}

export function bundledEngineId(): string | undefined {
  if (typeof KAMERWIJZER_VERSION !== 'string') return undefined;
  try {
    const bundle = fs.readFileSync(path.join(__dirname, 'server-main.js'));
    return `${KAMERWIJZER_VERSION}-${createHash('sha256').update(bundle).digest('base64url').slice(0, 24)}`;
  } catch {
    return undefined;
  }
}
