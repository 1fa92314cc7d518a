import type { FlatText } from '../flatText';
import { pushAll } from '../arrays';
import { parseWrittenNumber, writtenNumberValue, type NumberNotation } from './dutchNumber';
import { lazily } from '../lazily';

/**
 * Figures in a table whose caption gives their unit: "Tabel 3 Budgettaire gevolgen (bedragen x € 1.000)",
 * "(bedragen x € 1 mln)", "(bedragen in miljoenen euro)", "(x 1.000 euro)", "(in € mln)", "(€ mln)",
 * "Bedragen x € 1 mln" in a table's first cell. Such a caption makes every figure of its table a sum of
 * money: "63.539" under "x € 1.000" is € 63.539.000.
 *
 * The annotation guideline says nothing about tables, so the rule is this recognizer's own, and
 * deliberately narrow:
 *
 * - The caption is the unit expression in brackets, after "bedragen", or alone at the edge of its line
 *   or cell, and it names the euro: "Bedrag (mln.)" or a caption in another currency scales nothing
 *   (nor does a caption in the middle of a sentence). The caption itself is no amount ("x € 1.000" names
 *   a unit, not a sum).
 * - Its table is the run of lines that follows (a caption in a row's first cell: that row and the lines
 *   after it). The table ends at a line of running text (a sentence, a long line), after five empty
 *   lines in a row, after ten lines in a row without a figure (six once figures have been seen), at
 *   the end of a "|" table, and at the next caption, which starts a table of its own. A caption in a
 *   later cell of a "|" row ("| Aantal | Bedrag (x € 1.000) |") scales that column only.
 * - A figure is a number that stands alone as a cell ("472", "– 100", "63.539", "12,5"), or the run of
 *   numbers that ends a row after its label ("Uitgaven 0 472 63.539" when the columns are separated by
 *   single spaces). A single number after a label counts only when it is written with a thousands dot
 *   or a decimal comma: "Artikel 3" and "Tabel 16" are labels.
 * - Not figures: years (four plain digits 1900-2099, the column headings), zeros (empty cells as
 *   budget tables fill them), numbers in English notation or followed by a period ("7.1", "1.5.": article
 *   numbers), numbers in brackets, percentages, the figures of a row whose label counts something
 *   ("Aantal", "fte", "%"), and in a table copied one cell per line a small plain number that stands
 *   where a row's article number stands (alone between labels, or one past the header's columns).
 */
export interface TableFigure {
  /** Flat-text offsets of the figure, its sign included. */
  readonly start: number;
  readonly end: number;
  readonly value: number;
  readonly notation: NumberNotation;
  /** The caption's unit as written ("x € 1.000") and its flat-text offsets. */
  readonly unit: { readonly text: string; readonly start: number; readonly end: number };
}

export interface TableReading {
  readonly figures: TableFigure[];
  /** Flat-text spans of the captions' units: no amount of their own. */
  readonly captions: { readonly start: number; readonly end: number }[];
}

const SCALE_ALT = '1[. ]?000(?:[. ]?000){0,2}|1 ?(?:mln|mld|mrd|miljoen|miljard)\\.?|(?:mln|mld|mrd|miljoen|miljard|duizend)\\.?|1(?![\\d.,])';
const EURO_ALT = "euro(?:['’]s)?|EUR|€";
/**
 * The unit of a caption. Each alternative names the euro and at most one scale; spaces are single or
 * absent (line breaks are read on the source, where a caption stays on its line).
 */
const UNIT = new RegExp(
  [
    // "x € 1.000", "x € 1 mln", "x €1 mld", "x EUR mln", "x € 1"
    `[x×] ?(?:${EURO_ALT}) ?(?:${SCALE_ALT})`,
    // "x 1.000 euro", "x 1 mln €", "x mln euro"
    `[x×] ?(?:${SCALE_ALT}) ?(?:${EURO_ALT})`,
    // "in miljoenen euro", "in duizenden euro's"
    `in (?:duizenden|miljoenen|miljarden) (?:${EURO_ALT})`,
    // "in € mln", "in € 1.000", "in EUR miljoen"
    `in (?:${EURO_ALT}) ?(?:${SCALE_ALT})`,
    // "in mln euro", "in mld. €"
    `in (?:mln|mld|mrd|miljoen|miljard)\\.? (?:${EURO_ALT})`,
    // "€ x 1.000", "EUR x 1 mln"
    `(?:${EURO_ALT}) ?[x×] ?(?:${SCALE_ALT})`,
    // "(€ mln)", "(EUR miljoen)": a column's or table's unit in brackets
    `(?:€|EUR) ?(?:mln|mld|mrd|miljoen|miljard|dzd)\\.?`,
    // "in euro's", "in €": figures in whole euros
    `in (?:${EURO_ALT})`,
  ].join('|'),
  'giu',
);

/** Reads the multiplier out of a unit as matched: "1.000" 10³, "mln"/"miljoenen" 10⁶, "mld" 10⁹, else 1. */
function multiplierOf(unit: string): number {
  const u = unit.toLowerCase();
  if (/mld|mrd|miljard/.test(u)) return 1e9;
  if (/mln|miljoen/.test(u)) return 1e6;
  if (/duizend|dzd/.test(u)) return 1e3;
  const groups = u.match(/000/g)?.length ?? 0;
  return 10 ** (3 * groups);
}

/** How far before a unit "(" or "bedragen" may stand, and how far after it ")". */
const CAPTION_REACH = 40;

/**
 * The caption context of a unit at source [start, end): bracketed, after "bedragen", or alone at its
 * line's or cell's edge. Looks at most CAPTION_REACH characters either way (and over the white space
 * beside the unit), so that a long line of units costs no more than its length.
 */
function isCaption(source: string, start: number, end: number, plain: boolean): boolean {
  let from = start;
  while (from > 0 && start - from < CAPTION_REACH && source[from - 1] !== '\n') from--;
  let to = end;
  while (to < source.length && to - end < CAPTION_REACH && source[to] !== '\n') to++;
  const before = source.slice(from, start);
  const after = source.slice(end, to);
  // "2 x € 1.000" multiplies a sum (also when a line break falls before the "x").
  let d = start;
  while (d > 0 && start - d < CAPTION_REACH && /\s/.test(source[d - 1]!)) d--;
  if (d > 0 && /\d/.test(source[d - 1]!)) return false;
  // "(bedragen x € 1.000)", "(x € 1 mln; prijzen 2024)"
  if (/\([^()]*$/.test(before) && /^[^()]*\)/.test(after)) return true;
  if (/(?:^|[^\p{L}])bedragen (?:zijn )?$/iu.test(before)) return true;
  // "in €" and "in euro" alone are too common in running text to stand for a caption.
  if (plain) return false;
  // "x € 1.000" alone in its line or cell, or ending a line that is no sentence.
  let b = start;
  while (b > 0 && (source[b - 1] === ' ' || source[b - 1] === '\t')) b--;
  if (b === 0 || source[b - 1] === '\n' || source[b - 1] === '|') return true;
  let a = end;
  while (a < source.length && (source[a] === ' ' || source[a] === '\t' || source[a] === '\r')) a++;
  return (a === source.length || source[a] === '\n' || source[a] === '|') && !/[.!?]\s*$/.test(before);
}

/** A table's figures, not counted as such for a row whose label counts something. */
const COUNT_LABEL = lazily(() => /aantal|(?:^|[^\p{L}])fte|procent|%|personen|stuks/iu);
/** A Dutch figure: plain digits, or thousands dots, and an optional decimal comma; with a sign before it. */
const FIGURE = /^(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d{1,6})?$/;
const SIGN = /^[-–‒−+]$/;
const PROSE_WORD = lazily(() => /\p{L}{2,}/gu);

/** Lines looked at per table, at most (a budget table in one cell per line runs to a few hundred). */
const MAX_TABLE_LINES = 2000;
const MAX_BLANK_RUN = 4;
const MAX_LABELS_BEFORE_FIGURES = 10;
const MAX_LABELS_BETWEEN_FIGURES = 6;

export function readCaptionedTables(flat: FlatText): TableReading {
  const source = flat.source;
  const figures: TableFigure[] = [];
  const finder = new CaptionFinder(flat);
  for (let caption = finder.next(0); caption; caption = finder.next(caption.tableEnd)) {
    caption.tableEnd = readTable(flat, caption, finder, figures);
  }
  finder.next(source.length + 1);
  return { figures, captions: finder.captions.map((c) => ({ start: c.unit.start, end: c.unit.end })) };
}

interface Caption {
  readonly start: number;
  readonly end: number;
  readonly multiplier: number;
  /** The unit as written, with flat-text offsets. */
  readonly unit: TableFigure['unit'];
  /** Where its table ends, once read. */
  tableEnd: number;
}

/**
 * The captions of a text in order; every caption found is kept. Every unit names the euro, which is
 * rare in a text: the finder looks for "€", "EUR" and "euro", and tries the unit only at the few
 * places just before each (a unit is at most UNIT_BEFORE_EURO characters long before its euro).
 */
class CaptionFinder {
  private euros: EuroMarkers | undefined;
  private readonly unit = new RegExp(UNIT.source, 'iuy');
  /** Units are looked for from here on: the end of the last unit found, or the last place tried. */
  private scannedTo = 0;
  private done = false;
  readonly captions: Caption[] = [];
  /** The first caption not before the position last asked for. */
  private cursor = 0;

  constructor(private readonly flat: FlatText) {}

  /** The first caption that starts at or after `from`; `from` never decreases between calls. */
  next(from: number): Caption | undefined {
    while (this.cursor < this.captions.length && this.captions[this.cursor]!.start < from) this.cursor++;
    if (this.cursor < this.captions.length) return this.captions[this.cursor];
    const source = this.flat.source;
    const euros = (this.euros ??= new EuroMarkers(source));
    for (let e = this.done ? -1 : euros.next(); e >= 0; e = euros.next()) {
      const caption = this.unitAround(source, e);
      if (!caption) continue;
      this.captions.push(caption);
      if (caption.start >= from) {
        this.cursor = this.captions.length - 1;
        return caption;
      }
    }
    this.done = true;
    this.cursor = this.captions.length;
    return undefined;
  }

  /** The caption whose unit holds the euro marker at `at`, if any. */
  private unitAround(source: string, at: number): Caption | undefined {
    for (let i = Math.max(this.scannedTo, at - UNIT_BEFORE_EURO); i <= at; i++) {
      if (!isUnitStart(source.charCodeAt(i))) continue;
      this.unit.lastIndex = i;
      const m = this.unit.exec(source);
      if (!m) continue;
      const start = i;
      const end = start + m[0].length;
      if (end <= at) continue;
      // The unit starts a word ("x", "in") and ends one ("mln", "euro", "1.000").
      if (start > 0 && /[\p{L}\p{N}]/u.test(source[start - 1]!)) continue;
      if (end < source.length && /[\p{L}\p{N}]/u.test(source[end]!)) continue;
      if (!isCaption(source, start, end, PLAIN_UNIT.test(m[0]))) continue;
      this.scannedTo = end;
      this.euros!.lastIndex = Math.max(this.euros!.lastIndex, end);
      const unit = { text: m[0], start: this.flat.flatIndex(start), end: this.flat.flatIndex(end - 1) + 1 };
      return { start, end, multiplier: multiplierOf(m[0]), unit, tableEnd: end };
    }
    this.scannedTo = Math.max(this.scannedTo, at + 1);
    return undefined;
  }
}

/**
 * The euro markers of a text in order, as `/€|eur/gi` finds them from `lastIndex` on (the two never
 * overlap), by two quicker searches: "€" by indexOf, "eur" in any case by a pattern of its own.
 */
class EuroMarkers {
  /** Where the next search starts; moved past each marker found. */
  lastIndex = 0;
  /** The next "€" and "eur" at or after where each was last looked for from (-1: none left; -2: not looked for). */
  private sign = -2;
  private word = -2;
  private readonly eur = /eur/gi;

  constructor(private readonly text: string) {}

  /** The start of the next marker at or after lastIndex, or -1. */
  next(): number {
    const from = this.lastIndex;
    if (this.sign !== -1 && this.sign < from) this.sign = this.text.indexOf('€', from);
    if (this.word !== -1 && this.word < from) {
      this.eur.lastIndex = from;
      this.word = this.eur.test(this.text) ? this.eur.lastIndex - 3 : -1;
    }
    const at = this.sign < 0 ? this.word : this.word < 0 ? this.sign : Math.min(this.sign, this.word);
    if (at >= 0) this.lastIndex = at + (at === this.sign ? 1 : 3);
    return at;
  }
}

/** How far before its euro marker a unit may start ("x 1.000.000.000 euro", "in miljarden euro's"). */
const UNIT_BEFORE_EURO = 24;
/** The first letters of a unit. */
/** What a unit starts with: x X × i I € E e (by code unit). */
function isUnitStart(c: number): boolean {
  return c === 120 || c === 88 || c === 0xd7 || c === 105 || c === 73 || c === 0x20ac || c === 69 || c === 101;
}

/** A unit without a scale: "in €", "in euro's", "x € 1". */
const PLAIN_UNIT = /^(?:in (?:€|EUR|euro(?:['’]s)?)|[x×] ?(?:€|EUR|euro) ?1)$/i;

/**
 * Reads the table after a caption and adds its figures; returns where the table ends (at the latest,
 * the start of the line of the next caption).
 */
function readTable(flat: FlatText, caption: Caption, finder: CaptionFinder, out: TableFigure[]): number {
  const source = flat.source;
  const { multiplier, unit } = caption;
  const capLineStart = source.lastIndexOf('\n', caption.start - 1) + 1;
  let capLineEnd = source.indexOf('\n', caption.end);
  if (capLineEnd < 0) capLineEnd = source.length;
  const capLine = source.slice(capLineStart, capLineEnd).replace(/\r$/, '');
  const piped = capLine.trimStart().startsWith('|');
  // A caption in a later cell of a "|" row scales its column only.
  const column = piped ? cellIndexAt(capLine, caption.start - capLineStart) : 0;
  const scoped = column > 1;
  const skip = { from: caption.start - capLineStart, to: caption.end - capLineStart };
  // The rest of the caption's line is a row only when it is laid out as one ("| 2024 | 2025 |"); a
  // caption in the middle of a sentence ("Het kabinet trekt (bedragen x € 1 mln) uit voor …") heads no table.
  const rest = capLine.slice(skip.to).replace(/^[^\t|]*?\)/, '');
  const laidOut = piped || /\t| {2,}/.test(rest);
  if (!laidOut && (rest.match(PROSE_WORD())?.length ?? 0) >= 2) return capLineEnd;
  if (laidOut) pushAll(out, readRow(flat, capLineStart, capLine, piped ? 0 : skip.to, skip, scoped ? column : 0, multiplier, unit).figures);

  // A table copied one cell per line has its rows as runs of lines that hold one number each. A small
  // plain number ("1", "12") is an article or item number where it stands alone between labels once the
  // table has shown rows of several numbers, or where it ends a run one longer than the header has
  // years (the next row's number right after this row's figures).
  let run: { figures: TableFigure[]; text: string }[] = [];
  let runOfYears = false;
  let longestRun = 0;
  let columns = 0;
  const itemNumber = (text: string): boolean => /^\d{1,2}$/.test(text);
  const endRun = (): void => {
    const last = run[run.length - 1];
    if (last && itemNumber(last.text) && ((run.length === 1 && longestRun >= 2) || (!runOfYears && columns >= 2 && run.length === columns + 1))) run.pop();
    for (const r of run) pushAll(out, r.figures);
    longestRun = Math.max(longestRun, run.length);
    if (runOfYears && run.length >= 2) columns = run.length;
    run = [];
  };
  const end = (at: number): number => {
    endRun();
    return at;
  };

  let at = capLineEnd + 1;
  let blanks = 0;
  let labels = 0;
  let seenFigures = false;
  let inPipes = piped;
  for (let n = 0; at <= source.length && n < MAX_TABLE_LINES; n++) {
    let lineEnd = source.indexOf('\n', at);
    if (lineEnd < 0) lineEnd = source.length;
    const line = source.slice(at, lineEnd).replace(/\r$/, '');
    const trimmed = line.trim();
    if (trimmed === '') {
      if (++blanks > MAX_BLANK_RUN) return end(at);
    } else {
      blanks = 0;
      // The next caption starts a table of its own.
      const next = finder.next(at);
      if (next && next.start < lineEnd) return end(at);
      const isPipe = trimmed.startsWith('|') || trimmed.endsWith('|');
      if (inPipes && !isPipe) return end(at);
      if (isPipe) inPipes = true;
      if (scoped && !isPipe) return end(at);
      if (!isPipe && isProse(trimmed)) return end(at);
      const row = readRow(flat, at, line, 0, undefined, scoped ? column : 0, multiplier, unit);
      if (row.lone) {
        // The years of a header are a run of their own: the first row's item number may follow them.
        if (run.length > 0 && row.year !== runOfYears) endRun();
        runOfYears = row.year;
        run.push({ figures: row.figures, text: trimmed });
      } else {
        endRun();
        pushAll(out, row.figures);
      }
      if (row.numbers > 0) {
        seenFigures = true;
        labels = 0;
      } else if (++labels > (seenFigures ? MAX_LABELS_BETWEEN_FIGURES : MAX_LABELS_BEFORE_FIGURES)) {
        return end(at);
      }
    }
    if (lineEnd >= source.length) return end(source.length);
    at = lineEnd + 1;
  }
  return end(at);
}

/** A line of running text: long, or a sentence of several words. */
function isProse(line: string): boolean {
  if (line.length > 150) return true;
  const words = line.match(PROSE_WORD())?.length ?? 0;
  if (words >= 6 && /[.!?]["”’)]?$/.test(line)) return true;
  return words >= 4 && /\p{Ll}{2}[.!?] \p{Lu}/u.test(line);
}

/** The 1-based index of the "|" cell that holds `at` in a line ("| a | b |": a is 1, b is 2). */
function cellIndexAt(line: string, at: number): number {
  let index = line.trimStart().startsWith('|') ? 0 : 1;
  for (let i = 0; i < at; i++) if (line[i] === '|') index++;
  return index;
}

/**
 * The figures of one row (a source line starting at `lineStart`, read from `from`, without the
 * caption's own cell `skip`); `numbers` counts the row's numbers, figures or not (years and zeros keep a
 * table going); `lone` tells a line that holds one number and nothing else.
 */
function readRow(
  flat: FlatText,
  lineStart: number,
  line: string,
  from: number,
  skip: { readonly from: number; readonly to: number } | undefined,
  column: number,
  multiplier: number,
  unit: TableFigure['unit'],
): { figures: TableFigure[]; numbers: number; lone: boolean; year: boolean } {
  const cells = splitCells(line, from).filter((c) => !skip || c.offset + c.text.length <= skip.from || c.offset >= skip.to);
  const label = cells.find((c) => /\p{L}/u.test(c.text));
  const counts = label !== undefined && COUNT_LABEL().test(label.text);
  const figures: TableFigure[] = [];
  let numbers = 0;
  let years = 0;
  for (const cell of cells) {
    if (column > 0 && cell.index !== column) continue;
    // An empty value ("–", "...") holds a place in its row.
    if (EMPTY_VALUE.test(cell.text)) {
      numbers++;
      continue;
    }
    for (const f of figuresInCell(cell.text)) {
      if (f.year) years++;
      numbers++;
      if (counts || !f.figure) continue;
      const start = lineStart + cell.offset + f.start;
      const end = lineStart + cell.offset + f.end;
      const flatStart = flat.flatIndex(start);
      const flatEnd = flat.flatIndex(end - 1) + 1;
      // Left out of the flat text (front matter): not read.
      if (flat.sourceOffset(flatStart) !== start || flat.sourceOffset(flatEnd - 1) !== end - 1) continue;
      figures.push({ start: flatStart, end: flatEnd, value: f.value * multiplier, notation: f.notation, unit });
    }
  }
  const lone = numbers === 1 && cells.length === 1 && !line.includes('|') && label === undefined;
  return { figures, numbers, lone, year: years === 1 && numbers === 1 };
}

/** A cell that stands for no value: a dash, an ellipsis. */
const EMPTY_VALUE = /^(?:[-–—‒−]{1,2}|\.{2,3}|…)$/;

interface Cell {
  readonly text: string;
  /** Offset of the cell's text in its line. */
  readonly offset: number;
  /** The "|" cell index (1-based, as cellIndexAt counts) in a "|" row, else 0. */
  readonly index: number;
}

/** The cells of a line from `from`: between "|", else between tabs or runs of two or more spaces. */
function splitCells(line: string, from: number): Cell[] {
  const cells: Cell[] = [];
  const piped = line.includes('|');
  const push = (a: number, b: number, index: number): void => {
    let s = a;
    let e = b;
    while (s < e && /\s/.test(line[s]!)) s++;
    while (e > s && /\s/.test(line[e - 1]!)) e--;
    if (e > s) cells.push({ text: line.slice(s, e), offset: s, index });
  };
  if (piped) {
    let index = line.trimStart().startsWith('|') ? 0 : 1;
    let cellStart = 0;
    for (let i = 0; i <= line.length; i++) {
      if (i < line.length && line[i] !== '|') continue;
      if (i > from) push(Math.max(cellStart, from), i, index);
      index++;
      cellStart = i + 1;
    }
    return cells;
  }
  // Cells are separated by a tab or by two or more spaces.
  let cellStart = from;
  let i = from;
  while (i < line.length) {
    const gap = line[i] === '\t' || (line[i] === ' ' && line[i + 1] === ' ');
    if (!gap) {
      i++;
      continue;
    }
    push(cellStart, i, 0);
    while (i < line.length && (line[i] === ' ' || line[i] === '\t')) i++;
    cellStart = i;
  }
  push(cellStart, line.length, 0);
  return cells;
}

interface CellNumber {
  readonly start: number;
  readonly end: number;
  readonly value: number;
  readonly notation: NumberNotation;
  /** False for a number that is no figure (a year, a zero). */
  readonly figure: boolean;
  readonly year: boolean;
}

/**
 * The numbers of a cell that may be figures: the whole cell when it holds numbers only, else the run
 * of numbers after its label (two or more, or one written with a thousands dot or a decimal comma).
 */
function figuresInCell(cell: string): CellNumber[] {
  const tokens: { text: string; start: number }[] = [];
  for (const m of cell.matchAll(/\S+/g)) tokens.push({ text: m[0], start: m.index! });
  const run: CellNumber[] = [];
  let signed = false;
  let k = tokens.length - 1;
  for (; k >= 0; k--) {
    const t = tokens[k]!;
    // A sign standing before a number, one space between: "– 100".
    if (SIGN.test(t.text) && run.length > 0 && !signed && run[0]!.start === t.start + 2) {
      run[0] = { ...run[0]!, start: t.start, value: -run[0]!.value };
      signed = true;
      continue;
    }
    const glued = /^([-–‒−+]?)(.*)$/.exec(t.text)!;
    if (!FIGURE.test(glued[2]!)) break;
    const n = parseWrittenNumber(glued[2]!, true);
    if (!n || n.notation === 'english') break;
    const negative = glued[1] !== '' && glued[1] !== '+';
    const value = writtenNumberValue(n) * (negative ? -1 : 1);
    const year = /^(?:19|20)\d\d$/.test(t.text);
    run.unshift({ start: t.start, end: t.start + t.text.length, value, notation: n.notation, figure: !year && value !== 0, year });
    signed = false;
  }
  if (k < 0) return run;
  // After a label: a single plain number is part of it ("Artikel 3").
  if (run.length === 1 && !/[.,]/.test(cell.slice(run[0]!.start, run[0]!.end))) return [];
  return run;
}
