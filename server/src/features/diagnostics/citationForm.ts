/**
 * What is wrong with how a Kamerstuk citation is written, for the malformed-citation and
 * house-style rules: both must agree on which citations are broken (the house-style rule leaves
 * those to the other).
 */
import type { KamerstukReference, Reference } from '../../engine/model';
import type { Messages } from '../../l10n';

/** What is broken about a citation's form, as a message; undefined when nothing is. */
export function malformation(r: KamerstukReference, next: Reference | undefined, text: string, m: Messages): string | undefined {
  const f = r.form;
  if (f.identifier || f.dossierInherited) return undefined;
  // The citation as written, on one line: for the message only (most citations are well formed).
  const shown = (): string => r.text.replace(/\s+/g, ' ');
  if (/\s-|-\s/.test(f.separator)) return m.diag.malformed.hyphenSpace(shown());
  if (splitWrongly(f.dossierText)) return m.diag.malformed.splitDigits(shown());
  // An Eerste Kamer paper's letters need no "nr." ("Kamerstukken I 2019/20, 35 300, C" is the official form).
  if (f.keyword && f.numberMarker === null && !f.separator.includes('-') && !/^[A-Z]+$/.test(r.nr)) return m.diag.malformed.noNr(shown());
  if (f.keyword && /^kamerstukken$/i.test(f.keyword.trim()) && !r.alsoDossiers?.length && !continuesAsGroup(r, next, text)) {
    return m.diag.malformed.pluralForOne(shown());
  }
  if (f.numberMarker && /nr\.\d/.test(r.text)) return m.diag.malformed.noSpace(shown());
  // "Kamerstuk 35 925 nr 12", "Kamerstuk 19 637 nr. 3334": the official form has ", nr." between
  // dossier and number.
  if (f.keyword && f.numberMarker && /^nrs?\.?$/i.test(f.numberMarker.trim())) {
    if (!f.separator.includes(',')) return m.diag.malformed.noComma(shown());
    if (!f.numberMarker.includes('.')) return m.diag.malformed.noPeriod(shown());
  }
  return undefined;
}

/**
 * True when the dossier's leading digits (and spaces) are split other than as "ddd ddd" ("354 20"):
 * what /^[\d ]+/ finds, trimmed, holds a space and is not /^\d{1,3} \d{3}$/. Read in place: every
 * citation of every version is asked.
 */
export function splitWrongly(dossier: string): boolean {
  let end = 0;
  while (end < dossier.length && (dossier.charCodeAt(end) === 32 || (dossier.charCodeAt(end) >= 48 && dossier.charCodeAt(end) <= 57))) end++;
  let from = 0;
  while (from < end && dossier.charCodeAt(from) === 32) from++;
  while (end > from && dossier.charCodeAt(end - 1) === 32) end--;
  const space = dossier.indexOf(' ', from);
  return space >= 0 && space < end && !/^\d{1,3} \d{3}$/.test(dossier.slice(from, end));
}

/** True when the next citation continues this one ("… nr. 97 en 30 821 nr. 113", "nrs. 2302, 2374"). */
function continuesAsGroup(r: KamerstukReference, next: Reference | undefined, text: string): boolean {
  if (!next || next.kind !== 'kamerstuk') return false;
  const end = r.span.offset + r.span.length;
  if (next.form.dossierInherited) return true;
  return next.span.offset - end <= 12 && /^\s*(,|en|;)\s*$/.test(text.slice(end, next.span.offset));
}
