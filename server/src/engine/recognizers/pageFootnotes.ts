import { FlatText } from '../flatText';
import { isRegExpSpaceCode } from '../chars';
import { LineIndex } from '../lineIndex';
import type { Footnote, FootnoteMarker } from '../model';
import { GluedMarkerIndex, MarkerStrength } from './gluedFootnoteMarker';
import { lazily } from '../lazily';

/**
 * Footnotes of a letter whose PDF was extracted to plain text: at the foot of each page, lines that
 * start with the label ("1 SER advies 21/01, Reshoring, Februari 2021.", continued on following
 * lines), and in the running text above them the marker as digits glued to a word or punctuation
 * ("februari 20211", "april 2022.2", "industrie5").
 *
 * Labels run 1, 2, 3 … through the document, so marker N lies after marker N-1 and before body N —
 * and, since a footnote is printed on the page of its marker, after the footnote block of the page
 * before. A label line is only accepted when that sequence holds and its marker is found in that
 * window (or it directly follows footnote N-1 in the same block), so numbered paragraphs and table
 * cells that happen to start a line with a number are left alone. Figures and tables sometimes
 * carry their own notes numbered from 1 again ("(MIEK-projecten)1" … "1 Bron: MIEK"); those form a
 * local series beside the main one.
 */

export interface PageFootnoteResult {
  readonly footnotes: Footnote[];
  readonly markers: FootnoteMarker[];
}

/** A line that may start a footnote: its label and where the text after the label begins. */
interface LabelLine {
  readonly label: number;
  readonly labelStart: number;
  readonly bodyStart: number;
}

/**
 * Where a series of labels stands: the last label accepted, the end of its marker, and the block of
 * footnotes (one page's foot) it was printed in.
 */
interface Series {
  last: number;
  markerEnd: number;
  /** Last line and end offset of the last accepted footnote; -1 and 0 before the first. */
  lastEndLine: number;
  lastEnd: number;
  /** Start of the block holding the last accepted footnote, and the end of the block before it. */
  blockStart: number;
  prevBlockEnd: number;
}

/** How a label line stands to a series' last footnote. */
type Placement = 'adjacent' | 'near' | 'apart';

function newSeries(): Series {
  return { last: 0, markerEnd: 0, lastEndLine: -1, lastEnd: 0, blockStart: 0, prevBlockEnd: 0 };
}

/** Labels a sequence may skip (a footnote whose label or marker extraction mangled). */
const MAX_LABEL_GAP = 3;
/** Lines one footnote may span; longer means the page's running text was taken in. */
const MAX_FOOTNOTE_LINES = 20;
/** Lines between two footnotes of one block that may still be the first one's continuation. */
const MAX_STRAY_LINES = MAX_FOOTNOTE_LINES;
/** A restarted series that reaches this label takes over as the main one (an appendix numbered anew). */
const PROMOTE_AT_LABEL = 3;
/** How far before its footnote a marker is looked for: a few pages of text at most. */
const MAX_PAGE_WINDOW = 30_000;
/** Lines looked back over to place a label line against the last footnote. */
const MAX_PLACEMENT_LINES = 200;

const LABEL_LINE = lazily(() => /^[ \t\f]{0,3}([1-9]\d{0,2})[ \t]{1,4}(?=[\p{L}(«‘“"'#§[])/u);
const BLANK = /^[\s\f]*$/;
/** A line that ends a sentence ("… februari 2021.", "… (2020).", "… nr. 77)."). */
const ENDS_SENTENCE = /[.!?]["”’»)]?\s*$/;
/** A line that runs on into the next ("… een opdracht voor ", "… equipment, ", "… maatwerkaf-"). */
const RUNS_ON = lazily(() => /[\p{Ll},\-–]\s*$/u);
const STARTS_LOWERCASE = lazily(() => /^\s*\p{Ll}/u);

export function recognizePageFootnotes(source: string, lines: LineIndex = new LineIndex(source)): PageFootnoteResult {
  const n = lines.lineCount;
  const pageMarked = hasPageStartMarks(source, lines);
  const isPageStart = (i: number): boolean => {
    const t = lines.lineText(i);
    return t.startsWith('\f') || (pageMarked && /^ \S/.test(t));
  };
  const labelLine = (i: number): LabelLine | undefined => {
    const t = lines.lineText(i);
    const m = LABEL_LINE().exec(t);
    if (!m) return undefined;
    const lineStart = lines.lineStart(i);
    const labelStart = lineStart + m[0].indexOf(m[1]!);
    return { label: Number(m[1]), labelStart, bodyStart: lineStart + m[0].length };
  };

  // Built only once a line that may be a footnote turns up: most texts have few or none.
  let gluedIndex: GluedMarkerIndex | undefined;
  const glued = (): GluedMarkerIndex => (gluedIndex ??= new GluedMarkerIndex(source));
  const footnotes: Footnote[] = [];
  const markers: FootnoteMarker[] = [];
  let main = newSeries();
  let local: Series | undefined;
  let lastSeries: Series | undefined;
  let lastBodyEndLine = -1;
  let lastBodyEnd = 0;

  /**
   * 'adjacent': only blank lines since the series' last footnote, so the same block; 'near': a few
   * lines that may be that footnote's own continuation (where page ends are not marked); else 'apart'.
   */
  const placement = (s: Series, line: number): Placement => {
    if (s.lastEndLine < 0) return 'apart';
    let nonBlank = 0;
    if (line - s.lastEndLine > MAX_PLACEMENT_LINES) return 'apart';
    for (let j = s.lastEndLine + 1; j < line; j++) {
      if (isPageStart(j)) return 'apart';
      const t = lines.lineText(j);
      if (BLANK.test(t)) continue;
      if (++nonBlank > MAX_STRAY_LINES) return 'apart';
      if (STARTS_LOWERCASE().test(t) && ENDS_SENTENCE.test(lines.lineText(j - 1))) return 'apart';
    }
    return nonBlank === 0 ? 'adjacent' : 'near';
  };

  // Only lines that start with a label can start a footnote; one scan finds them.
  const candidates = new RegExp(LABEL_LINE().source, 'gmu');
  for (let c = candidates.exec(source); c; c = candidates.exec(source)) {
    const i = lines.positionAt(c.index).line;
    if (i <= lastBodyEndLine) continue;
    const cand = labelLine(i);
    if (!cand) continue;
    if (!(i === 0 || i - 1 === lastBodyEndLine || BLANK.test(lines.lineText(i - 1)) || ENDS_SENTENCE.test(lines.lineText(i - 1)))) {
      continue; // A number that starts a wrapped line of running text.
    }
    const L = cand.label;
    const label = String(L);

    /** Finds marker L for series s: after its marker L-1, on the page of this label line. */
    const markerFor = (s: Series, where: Placement, minimum?: MarkerStrength): { at: number; sameBlock: boolean } | undefined => {
      if (where !== 'adjacent') {
        const at = glued().find(label, Math.max(s.markerEnd, s.lastEnd, cand.labelStart - MAX_PAGE_WINDOW), cand.labelStart, minimum);
        if (at !== undefined) return { at, sameBlock: false };
      }
      if (where !== 'apart') {
        const at = glued().find(label, Math.max(s.markerEnd, s.prevBlockEnd, s.blockStart - MAX_PAGE_WINDOW), s.blockStart, minimum);
        if (at !== undefined) return { at, sameBlock: true };
      }
      return undefined;
    };

    let series: Series | undefined;
    let found: { at: number; sameBlock: boolean } | undefined;
    let sameBlock = false;
    if (L > main.last && L <= main.last + MAX_LABEL_GAP) {
      const where = placement(main, i);
      found = markerFor(main, where);
      if (found) series = main;
      else if (L === main.last + 1 && where !== 'apart' && lastSeries === main) series = main; // next in the same block
      sameBlock = found ? found.sameBlock : where !== 'apart';
    }
    if (!series && main.last >= 1 && (L === 1 || (local && L === local.last + 1))) {
      const s = L === 1 || !local ? newSeries() : local;
      if (L === 1) s.lastEnd = lastBodyEnd;
      const where = placement(s, i);
      found = markerFor(s, where);
      if (found || (L > 1 && where !== 'apart' && lastSeries === s)) {
        series = local = s;
        sameBlock = found ? found.sameBlock : where !== 'apart';
      }
    }
    if (!series && L > main.last) {
      // Resynchronize after labels that extraction mangled beyond the gap ("!" for 1, "#" for a marker):
      // only on a marker glued to a word on the same page, which digits in running text never are.
      found = markerFor(main, 'apart', MarkerStrength.Strong);
      if (found) series = main;
      sameBlock = false;
    }
    if (!series) continue;

    const endLine = footnoteEndLine(i, [L, series === main ? L : main.last]);
    const bodyEnd = trimmedEnd(source, cand.bodyStart, lines.lineEnd(endLine));
    footnotes.push({
      label,
      span: { offset: cand.labelStart, length: bodyEnd - cand.labelStart },
      bodySpan: { offset: cand.bodyStart, length: bodyEnd - cand.bodyStart },
      body: new FlatText(source.slice(cand.bodyStart, bodyEnd)).text.trim(),
      style: 'pdfLine',
    });
    if (found) {
      markers.push({ label, span: { offset: found.at, length: label.length }, style: 'superscript' });
      series.markerEnd = found.at + label.length;
    }
    if (!sameBlock) {
      series.prevBlockEnd = series.lastEnd;
      series.blockStart = lines.lineStart(i);
    }
    series.last = L;
    series.lastEnd = bodyEnd;
    series.lastEndLine = endLine;
    if (series === local && L >= PROMOTE_AT_LABEL) {
      // A numbering that starts again and runs on is an appendix's own series, not a table's notes.
      main = local;
      local = undefined;
    }
    lastSeries = series;
    lastBodyEndLine = endLine;
    lastBodyEnd = bodyEnd;
  }
  return { footnotes, markers };

  /**
   * The last line of the footnote whose label line is `first`. `after` holds the labels whose
   * successors start a new footnote: its own, and for a table's note the main series' last.
   */
  function footnoteEndLine(first: number, after: readonly number[]): number {
    let last = first;
    let blankSeen = false;
    for (let j = first + 1; j < n && j - first < MAX_FOOTNOTE_LINES; j++) {
      const t = lines.lineText(j);
      if (isPageStart(j)) break;
      if (BLANK.test(t)) {
        blankSeen = true;
        continue;
      }
      const next = labelLine(j);
      if (next && after.some((l) => next.label > l && next.label <= l + MAX_LABEL_GAP)) break;
      const lastText = lines.lineText(last);
      // After a blank line only a sentence cut off mid-way continues ("… een opdracht voor \n\nNederland").
      if (blankSeen && !RUNS_ON().test(lastText)) break;
      if (ENDS_SENTENCE.test(lastText)) {
        // A finished sentence followed by a line starting in lower case: the page's text resumes.
        if (STARTS_LOWERCASE().test(t)) break;
        // Without page marks nothing tells a footnote's next sentence from the next page's first
        // line ("Passende regelgeving", "Tabel 3: …"); taking in a page would hide its markers, so
        // the footnote ends with its sentence.
        if (!pageMarked) break;
      }
      last = j;
      blankSeen = false;
    }
    return last;
  }
}

/**
 * Some extractions mark the first line of each page with a single leading space (a form feed
 * turned into a space) or keep the form feed; where they do, that is the surest end of a footnote.
 * Whether the text does: a form feed, or a few lines (at most a fifth) opening with one space.
 */
export function hasPageStartMarks(source: string, lines: LineIndex): boolean {
  // A form feed on any line (a line's text is all of the source but its line breaks).
  if (source.includes('\f')) return true;
  let marked = 0;
  let nonBlank = 0;
  // Read in place: a line is blank when it holds only white space (BLANK), marked when it starts with
  // one space and then something else (/^ \S/).
  for (let i = 0; i < lines.lineCount; i++) {
    const start = lines.lineStart(i);
    const end = lines.lineEnd(i);
    let k = start;
    while (k < end && isRegExpSpaceCode(source.charCodeAt(k))) k++;
    if (k === end) continue;
    nonBlank++;
    if (k === start + 1 && source.charCodeAt(start) === 32) marked++;
  }
  return marked >= 2 && marked <= nonBlank * 0.2;
}

function trimmedEnd(source: string, from: number, to: number): number {
  let end = to;
  while (end > from && /\s/.test(source[end - 1]!)) end--;
  return end;
}
