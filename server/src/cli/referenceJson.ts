import type { LineIndex } from '../engine/lineIndex';
import type { Reference } from '../engine/model';

/** A reference in the JSON shape of the annotation guideline, with offset, length, line and range added. */
export function referenceToJson(r: Reference, lines: LineIndex): Record<string, unknown> {
  const range = lines.rangeOf(r.span);
  const base: Record<string, unknown> = {
    kind: r.kind,
    line: range.start.line + 1,
    text: r.text,
    offset: r.span.offset,
    length: r.span.length,
    range,
  };
  switch (r.kind) {
    case 'kamerstuk':
      return {
        ...base,
        dossier: r.dossier,
        nr: r.nr,
        ...(r.alsoDossiers?.length ? { alsoDossiers: r.alsoDossiers } : {}),
        ...(r.chamber ? { chamber: r.chamber } : {}),
        ...(r.vergaderjaar ? { vergaderjaar: r.vergaderjaar } : {}),
        ...(r.pages ? { pages: r.pages } : {}),
      };
    case 'dossier':
      return { ...base, dossier: r.dossier };
    case 'documentNumber':
      return { ...base, number: r.number };
    case 'motion':
      return {
        ...base,
        submitters: r.submitters,
        cs: r.cs,
        ...(r.kamerstuk ? { kamerstuk: { dossier: r.kamerstuk.dossier, nr: r.kamerstuk.nr, via: r.kamerstuk.source } } : {}),
      };
    case 'amount':
      return {
        ...base,
        value: r.value,
        ...(r.valueMax !== undefined ? { valueMax: r.valueMax } : {}),
        ...(r.qualifiers?.length ? { qualifiers: r.qualifiers } : {}),
        ...(r.tableUnit ? { tableUnit: r.tableUnit.text } : {}),
      };
    case 'handelingen':
      return {
        ...base,
        chamber: r.chamber,
        year: r.year,
        nr: r.nr,
        ...(r.item ? { item: r.item } : {}),
        aanhangsel: r.aanhangsel,
        ...(r.pages ? { pages: r.pages } : {}),
      };
    case 'deadline':
      return { ...base, ...(r.start ? { start: r.start } : {}), ...(r.end ? { end: r.end } : {}) };
  }
}
