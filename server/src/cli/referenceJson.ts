import type { LineIndex } from '../engine/lineIndex';
import type { Reference } from '../engine/model';

/**
 * A reference in the JSON shape of the annotation guideline, with offset, length, line and range added.
 * Its fields are added to one object in the order they are written (not spread into a new object per
 * kind: `extract` writes hundreds of thousands of them).
 */
export function referenceToJson(r: Reference, lines: LineIndex): Record<string, unknown> {
  const range = lines.rangeOf(r.span);
  const o: Record<string, unknown> = {
    kind: r.kind,
    line: range.start.line + 1,
    text: r.text,
    offset: r.span.offset,
    length: r.span.length,
    range,
  };
  switch (r.kind) {
    case 'kamerstuk':
      o.dossier = r.dossier;
      o.nr = r.nr;
      if (r.alsoDossiers?.length) o.alsoDossiers = r.alsoDossiers;
      if (r.chamber) o.chamber = r.chamber;
      if (r.vergaderjaar) o.vergaderjaar = r.vergaderjaar;
      if (r.pages) o.pages = r.pages;
      break;
    case 'dossier':
      o.dossier = r.dossier;
      break;
    case 'documentNumber':
      o.number = r.number;
      break;
    case 'motion':
      o.submitters = r.submitters;
      o.cs = r.cs;
      if (r.kamerstuk) o.kamerstuk = { dossier: r.kamerstuk.dossier, nr: r.kamerstuk.nr, via: r.kamerstuk.source };
      break;
    case 'amount':
      o.value = r.value;
      if (r.valueMax !== undefined) o.valueMax = r.valueMax;
      if (r.qualifiers?.length) o.qualifiers = r.qualifiers;
      if (r.tableUnit) o.tableUnit = r.tableUnit.text;
      break;
    case 'handelingen':
      o.chamber = r.chamber;
      o.year = r.year;
      o.nr = r.nr;
      if (r.item) o.item = r.item;
      o.aanhangsel = r.aanhangsel;
      if (r.pages) o.pages = r.pages;
      break;
    case 'deadline':
      if (r.start) o.start = r.start;
      if (r.end) o.end = r.end;
      break;
  }
  return o;
}
