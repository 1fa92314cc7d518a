/**
 * Answering from the last analysis while a newer version of a document is being analyzed. The
 * editor's text and the analyzed text differ in one stretch (the edits since: everything between
 * their common beginning and their common end); outside it the text is the same, only shifted.
 *
 * - A position outside the changed stretch is mapped onto the analyzed text, the request answered
 *   from its analysis, and every place in the answer in this document mapped back; a place inside
 *   the stretch moves to its edge. A position inside the changed stretch has no answer from the last
 *   analysis (nothing: the analysis of the new text will know).
 * - Completion reads the text before the cursor: it gets the editor's current text and line index,
 *   with the last analysis beside them.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, Range } from 'vscode-languageserver/node';
import type { IndexedDocument } from '../catalog/workspaceIndex';
import { fitsLengths, type ChangedStretch } from '../engine/incremental';
import { LineIndex } from '../engine/lineIndex';

/** The common beginning and end of two texts: the one stretch where they differ. */
export class TextChange {
  private constructor(
    /** Length of the common beginning. */
    readonly prefix: number,
    /** Length of the common end (not overlapping the beginning). */
    readonly suffix: number,
    readonly oldLength: number,
    readonly newLength: number,
  ) {}

  static between(before: string, after: string): TextChange {
    textComparisons.count++;
    const prefix = commonPrefix(before, after);
    const suffix = commonSuffix(before, after, Math.min(before.length, after.length) - prefix);
    return new TextChange(prefix, suffix, before.length, after.length);
  }

  /**
   * The change of a text of `oldLength` into one of `newLength` that differ only in `stretch` (undefined:
   * nowhere); undefined when the stretch does not fit the two lengths.
   */
  static of(stretch: ChangedStretch | undefined, oldLength: number, newLength: number): TextChange | undefined {
    if (!stretch) return oldLength === newLength ? new TextChange(oldLength, 0, oldLength, newLength) : undefined;
    return fitsLengths(stretch, oldLength, newLength) ? new TextChange(stretch.start, oldLength - stretch.oldEnd, oldLength, newLength) : undefined;
  }

  /** The offset in the old text of an offset in the new one; undefined inside the changed stretch. */
  toOld(offset: number): number | undefined {
    if (offset <= this.prefix) return offset;
    if (offset >= this.newLength - this.suffix) return offset - this.newLength + this.oldLength;
    return undefined;
  }

  /** The offset in the new text of an offset in the old one; inside the changed stretch, its start (`end`: its end). */
  toNew(offset: number, end = false): number {
    if (offset <= this.prefix) return offset;
    if (offset >= this.oldLength - this.suffix) return offset - this.oldLength + this.newLength;
    return end ? this.newLength - this.suffix : this.prefix;
  }
}

/** How many times two texts were compared to find where they differ (the tests count them). */
export const textComparisons = { count: 0 };

/** Compares in blocks (string equality is a fast comparison), then character by character in the first differing block. */
function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  for (let block = 65536; block >= 1; block >>= 4) {
    while (i + block <= n && a.slice(i, i + block) === b.slice(i, i + block)) i += block;
  }
  return i;
}

function commonSuffix(a: string, b: string, max: number): number {
  let k = 0;
  for (let block = 65536; block >= 1; block >>= 4) {
    while (k + block <= max && a.slice(a.length - k - block, a.length - k) === b.slice(b.length - k - block, b.length - k)) k += block;
  }
  return k;
}

/**
 * A document's last analysis as seen from the editor's text as it was when the view was made (when
 * the request came): an edit arriving while the request is answered changes neither the places it
 * maps nor the text it compares (the editor's document is updated in place, so its text and version
 * are kept here, and its own positions used only while it is still that version).
 */
export class StaleView {
  private change: TextChange | undefined;
  private currentDoc: IndexedDocument | undefined;
  /** The editor's text and version when the view was made. */
  private readonly editor: { readonly text: string; readonly version: number } | undefined;
  private editorLines: LineIndex | undefined;

  constructor(
    readonly doc: IndexedDocument,
    /** The editor's document; undefined (or the same text) when the analysis is current. */
    private readonly open: TextDocument | undefined,
    /**
     * Where the editor's text differs from the analyzed one as the editor's edits tell it (lsp/editTrail.ts
     * `stretchFrom`; `{ stretch: undefined }`: nowhere), when known: neither text is read to find it.
     * Undefined: the two texts are compared.
     */
    known?: { readonly stretch: ChangedStretch | undefined },
  ) {
    this.editor = open && { text: open.getText(), version: open.version };
    if (known && this.editor) this.change = TextChange.of(known.stretch, doc.text.length, this.editor.text.length);
  }

  /** True when the analysis is of the editor's text. */
  get exact(): boolean {
    const editor = this.editor;
    return !editor || editor.version === this.doc.version || (this.textChange().prefix === this.doc.text.length && this.doc.text.length === editor.text.length);
  }

  private textChange(): TextChange {
    this.change ??= TextChange.between(this.doc.text, this.editor!.text);
    return this.change;
  }

  /** The editor's lines as they were: its document's own while it is still that version, else made from the text kept. */
  private lines(): Pick<LineIndex, 'offsetAt' | 'positionAt'> {
    if (this.open!.version === this.editor!.version) return this.open!;
    this.editorLines ??= new LineIndex(this.editor!.text);
    return this.editorLines;
  }

  /** The analyzed offset of an editor position; undefined inside the changed stretch. */
  offsetAt(position: Position): number | undefined {
    if (this.exact) return this.doc.lines.offsetAt(position);
    return this.textChange().toOld(this.lines().offsetAt(position));
  }

  /** The analyzed offsets of an editor range, its ends moved out of the changed stretch. */
  spanOf(range: Range): { readonly from: number; readonly to: number } {
    if (this.exact) return { from: this.doc.lines.offsetAt(range.start), to: this.doc.lines.offsetAt(range.end) };
    const change = this.textChange();
    const from = this.lines().offsetAt(range.start);
    const to = this.lines().offsetAt(range.end);
    return { from: change.toOld(from) ?? change.prefix, to: change.toOld(to) ?? change.oldLength - change.suffix };
  }

  /**
   * The analyzed document with the editor's text and line index (its analysis the last one): for
   * features that read the text around the cursor (completion).
   */
  withCurrentText(): IndexedDocument {
    if (this.exact) return this.doc;
    const { text, version } = this.editor!;
    this.currentDoc ??= { ...this.doc, version, text, lines: this.currentLines(text) };
    return this.currentDoc;
  }

  /**
   * The line index of the editor's text, made from the analyzed text's through the change (the line
   * starts before it kept, those after it moved, only the changed stretch read): not read whole.
   */
  private currentLines(text: string): LineIndex {
    const { prefix, suffix, oldLength, newLength } = this.textChange();
    // One character wider on each side: never between the "\r" and "\n" of a line end (LineIndex.edited).
    const after = Math.min(1, suffix);
    return this.doc.lines.edited(text, { start: Math.max(0, prefix - 1), oldEnd: oldLength - suffix + after, newEnd: newLength - suffix + after });
  }

  /**
   * An answer's places in this document (ranges, selection ranges, inlay hint positions) mapped onto
   * the editor's text; other documents' places stay. `strict`: undefined when a place of the answer
   * reaches into text changed since (the answer may be stale: a reference being typed).
   */
  mapAnswer<T>(answer: T, strict = false): T | undefined {
    if (this.exact || answer === null || answer === undefined) return answer;
    this.touched = false;
    const mapped = this.mapValue(answer) as T;
    return strict && this.touched ? undefined : mapped;
  }

  /** Set while mapping when a range reaches into (or touches) the changed stretch. */
  private touched = false;

  /** A copy of an answer with its places in this document mapped (by a work list: answers nest, the stack does not grow with them). */
  private mapValue(root: unknown): unknown {
    const box: Record<string, unknown> = {};
    const work: [unknown, Record<string | number, unknown>, string | number, boolean][] = [[root, box, 'value', true]];
    for (let item = work.pop(); item; item = work.pop()) {
      const [value, parent, key, here] = item;
      if (!value || typeof value !== 'object') {
        parent[key] = value;
      } else if (Array.isArray(value)) {
        const copy: unknown[] = new Array(value.length);
        parent[key] = copy;
        for (let i = 0; i < value.length; i++) work.push([value[i], copy as unknown as Record<number, unknown>, i, here]);
      } else {
        const o = value as Record<string, unknown>;
        const uri = typeof o['uri'] === 'string' ? o['uri'] : typeof o['targetUri'] === 'string' ? o['targetUri'] : undefined;
        const inThis = uri === undefined ? here : uri === this.doc.uri;
        const copy: Record<string, unknown> = {};
        parent[key] = copy;
        for (const [k, v] of Object.entries(o)) {
          if (inThis && isRange(v) && RANGE_KEYS.has(k)) copy[k] = this.mapRange(v);
          else if (inThis && k === 'position' && isPosition(v)) copy[k] = this.mapPosition(v, false);
          else {
            copy[k] = v;
            work.push([v, copy, k, inThis]);
          }
        }
      }
    }
    return box['value'];
  }

  private mapRange(r: Range): Range {
    const change = this.textChange();
    if (this.doc.lines.offsetAt(r.start) <= change.oldLength - change.suffix && this.doc.lines.offsetAt(r.end) >= change.prefix) this.touched = true;
    return { start: this.mapPosition(r.start, false), end: this.mapPosition(r.end, true) };
  }

  private mapPosition(p: Position, end: boolean): Position {
    return this.lines().positionAt(this.textChange().toNew(this.doc.lines.offsetAt(p), end));
  }
}

const RANGE_KEYS = new Set(['range', 'selectionRange', 'targetRange', 'targetSelectionRange', 'originSelectionRange', 'insert', 'replace']);

function isPosition(v: unknown): v is Position {
  return !!v && typeof v === 'object' && typeof (v as Position).line === 'number' && typeof (v as Position).character === 'number';
}

function isRange(v: unknown): v is Range {
  return !!v && typeof v === 'object' && isPosition((v as Range).start) && isPosition((v as Range).end);
}
