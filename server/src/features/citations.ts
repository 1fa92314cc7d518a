/**
 * Writing a Kamerstuk citation, in the official style or a house style:
 * - official: "Kamerstuk 29 826, nr. 147", "Kamerstuk 35 300 XIII, nr. 102", "Kamerstuk 21 501-30, nr. 470"
 *   (the dossier as the official header prints it);
 * - compact: "Kamerstuk 29826, nr. 147", "Kamerstuk 35300-XIII, nr. 102", "Kamerstuk 21501-30, nr. 470".
 * Every feature that names a Kamerstuk to a person (hover headings, outline, messages, fixes,
 * completion) writes it here.
 */
import { officialDossierText, type HandelingenId, type KamerstukId } from '../engine/identifiers';
import type { KamerstukReference } from '../engine/model';
import type { CitationStyle } from './model';

export function dossierInStyle(dossier: string, style: CitationStyle): string {
  return style === 'official' ? officialDossierText(dossier) : dossier;
}

/** A citation of one Kamerstuk in a style. */
export function formatCitation(id: KamerstukId, style: CitationStyle): string {
  return `Kamerstuk ${dossierInStyle(id.dossier, style)}, ${numberInStyle(id.nr)}`;
}

/**
 * The ondernummer as cited: "nr. 147"; an Eerste Kamer paper's letters stand alone, as the Kamer
 * prints them ("Kamerstukken I 2019/20, 35 300, C").
 */
function numberInStyle(nr: string): string {
  return /^[A-Z]+$/.test(nr) ? nr : `nr. ${nr}`;
}

/**
 * "Handelingen II 2021/22, nr. 62, item 7", "Aanhangsel Handelingen II 2021/22, nr. 1456": how a
 * Handelingen publication is named to a person, in the form of the Leidraad (vergaderjaar short).
 */
export function handelingenTitle(h: HandelingenId): string {
  const [from, to] = h.year.split('-');
  const chamber = h.chamber ? ` ${h.chamber}` : '';
  return `${h.aanhangsel ? 'Aanhangsel ' : ''}Handelingen${chamber} ${from}/${to!.slice(2)}, nr. ${h.nr}${h.item ? `, item ${h.item}` : ''}`;
}

/** "Kamerstuk 29 826, nr. 147": how a Kamerstuk is named to a person (the official style). */
export function kamerstukTitle(id: KamerstukId): string {
  return formatCitation(id, 'official');
}

/**
 * The citation rewritten in a style, keeping what the writer added that the style allows: the
 * chamber and vergaderjaar of the Leidraad form ("Kamerstukken II 2019/20, 35 300 XIII, nr. 102").
 */
export function rewriteCitation(r: KamerstukReference, style: CitationStyle): string {
  if (r.chamber && r.vergaderjaar) {
    const [from, to] = r.vergaderjaar.split('-');
    return `Kamerstukken ${r.chamber} ${from}/${to!.slice(2)}, ${dossierInStyle(r.dossier, style)}, ${numberInStyle(r.nr)}`;
  }
  return formatCitation(r, style);
}

/** A citation written as the writer wrote this one: the official id stays an id, a bare citation stays bare. */
export function citationLike(r: KamerstukReference, id: KamerstukId, style: CitationStyle): string {
  if (r.form.identifier) return `kst-${id.dossier}-${id.nr}`;
  if (r.form.keyword && /-/.test(r.form.separator) && !r.form.numberMarker) return `${r.form.keyword} ${id.dossier}-${id.nr}`;
  const text = rewriteCitation({ ...r, ...id }, style);
  return r.form.keyword ? text : text.replace(/^Kamerstuk /, '');
}
