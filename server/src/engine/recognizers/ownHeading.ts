/**
 * The document's own official heading ("34 919 Defensienota … Nr. 89 BRIEF VAN …") as a Kamerstuk
 * reference. A letter that names its own number — in its heading, its page footer ("Tweede Kamer,
 * vergaderjaar 2021–2022, 29 826, nr. 147") or an open-data header ("kamerstukdossier 29826 -277") —
 * cites itself; the footer and open-data forms are read by the Kamerstuk recognizer, the heading by
 * the metadata recognizer, and this turns the heading into a reference too, so that find-references
 * and scoring treat all three alike.
 */
import { normalizeDossier } from '../identifiers';
import type { DocumentMetadata, KamerstukReference, Reference } from '../model';

/** The heading's dossier numbers at line starts: "29 826", "36 410 L", "21 501-02". */
const DOSSIER_LINE = /(?:^|\n)[ \t]*(\d{2} ?\d{3}(?:[- ](?:[IVXLC]{1,6}|[A-Z]|\d{1,2}))?)(?=[ \t])/g;
/** "Nr. 108" at the heading's end, or an Eerste Kamer paper's letters alone on their line ("AO"). */
const NUMBER = /(?:\bNr\.[ \t]*(\d{1,5}|[A-Z]{1,3})|(?:^|\n)[ \t]*([A-Z]{1,3}))\s*$/;

export function ownHeadingReference(source: string, metadata: DocumentMetadata, citations: readonly Reference[]): KamerstukReference | undefined {
  const span = metadata.identitySpan;
  const own = metadata.kamerstuk;
  if (!span || !own || (metadata.kamerstukSource !== 'header' && metadata.kamerstukSource !== 'openDataHeader')) return undefined;
  if (citations.some((c) => c.span.offset < span.offset + span.length && span.offset < c.span.offset + c.span.length)) return undefined;
  const text = source.slice(span.offset, span.offset + span.length);
  const nr = NUMBER.exec(text);
  const dossiers = [...text.matchAll(DOSSIER_LINE)];
  if (!nr || !dossiers.length) return undefined;
  const first = dossiers[0]!;
  const firstAt = first.index! + first[0].indexOf(first[1]!);
  const nrText = nr[1] ?? nr[2]!;
  const nrAt = nr[1] ? nr.index + nr[0].indexOf(nrText, 3) : nr.index + nr[0].lastIndexOf(nrText);
  const also = dossiers.slice(1).map((d) => normalizeDossier(d[1]!)).filter((d) => d !== own.dossier);
  return {
    kind: 'kamerstuk',
    span,
    text,
    dossier: own.dossier,
    nr: own.nr,
    ...(also.length ? { alsoDossiers: also } : {}),
    form: {
      keyword: null,
      dossierText: first[1]!,
      numberMarker: nr[1] ? 'Nr.' : null,
      separator: text.slice(firstAt + first[1]!.length, nrAt),
      dossierSpan: { offset: span.offset + firstAt, length: first[1]!.length },
      nrSpan: { offset: span.offset + nrAt, length: nrText.length },
      dossierInherited: false,
      identifier: false,
    },
  };
}
