/**
 * The metadata of an official publication as officielebekendmakingen gives it, in either shape:
 * the standalone `{id}/metadata.xml` (`<metadata_gegevens>` with one `<metadata name scheme
 * content/>` per value, nested for some) and the `<meta name scheme content/>` block at the top of
 * a publication's own XML. The Kamerstuk fields are those of the parliamentary configuration:
 * DC.identifier, OVERHEIDop.dossiernummer (several, ";"-separated, main dossier first),
 * OVERHEIDop.ondernummer, OVERHEIDop.documenttitel, OVERHEIDop.dossiertitel, OVERHEIDop.indiener,
 * DC.type (scheme OVERHEIDop.KamerstukTypen), DCTERMS.issued, OVERHEIDop.vergaderjaar.
 */
import { normalizeDossier } from '../../engine/identifiers';
import { descendants, parseXml, type XmlElement } from './xml';

/** One name/scheme/content triple. */
export interface MetadataValue {
  readonly name: string;
  readonly scheme: string;
  readonly content: string;
}

/** What a metadata record says of a publication (absent fields were not given). */
export interface PublicationMetadata {
  /** DC.identifier: "kst-29826-250", "ah-tk-20212022-1456". */
  readonly identifier?: string;
  /** The dossiers, normalized ("29826", "36600-XIII"), the main dossier first. */
  readonly dossiers: readonly string[];
  readonly ondernummer?: string;
  /** OVERHEIDop.documenttitel, else DC.title. */
  readonly title?: string;
  readonly dossierTitle?: string;
  readonly submitters: readonly string[];
  /** DC.type in scheme OVERHEIDop.KamerstukTypen ("Motie", "Brief regering"), or the Aanhangsel/Handelingen type. */
  readonly type?: string;
  /** DC.type in scheme OVERHEIDop.Parlementair: "Kamerstuk", "Handelingen", "Aanhangsel van de Handelingen". */
  readonly parliamentaryType?: string;
  /** DCTERMS.issued (the date on the document). */
  readonly issued?: string;
  readonly available?: string;
  /** "2024-2025". */
  readonly vergaderjaar?: string;
  readonly publicationName?: string;
  /** Every value as given, for what the fields above leave out. */
  readonly values: readonly MetadataValue[];
}

/** Reads the metadata of either shape; throws XmlError on malformed XML. */
export function parsePublicationMetadata(xml: string): PublicationMetadata {
  return metadataFromElement(parseXml(xml));
}

export function metadataFromElement(root: XmlElement): PublicationMetadata {
  const values: MetadataValue[] = [];
  for (const el of [...descendants(root, 'metadata'), ...descendants(root, 'meta')]) {
    const name = el.attrs['name'];
    const content = el.attrs['content'];
    if (name && content !== undefined) values.push({ name, scheme: el.attrs['scheme'] ?? '', content: content.trim() });
  }
  const all = (name: string, scheme?: string): string[] =>
    values.filter((v) => v.name === name && (scheme === undefined || v.scheme === scheme) && v.content).map((v) => v.content);
  const one = (name: string, scheme?: string): string | undefined => all(name, scheme)[0];
  const dossiers = all('OVERHEIDop.dossiernummer')
    .flatMap((d) => d.split(';'))
    .map((d) => d.trim())
    .filter(Boolean)
    .map(normalizeDossier);
  const title = one('OVERHEIDop.documenttitel') ?? one('DC.title');
  const out: Record<string, unknown> = {
    identifier: one('DC.identifier'),
    dossiers: [...new Set(dossiers)],
    ondernummer: one('OVERHEIDop.ondernummer'),
    title,
    dossierTitle: one('OVERHEIDop.dossiertitel'),
    submitters: all('OVERHEIDop.indiener'),
    type: one('DC.type', 'OVERHEIDop.KamerstukTypen') ?? one('DC.type', 'OVERHEIDop.AanhangselTypen') ?? one('DC.type', 'OVERHEIDop.HandelingenTypen'),
    parliamentaryType: one('DC.type', 'OVERHEIDop.Parlementair'),
    issued: isoDate(one('DCTERMS.issued')),
    available: isoDate(one('DCTERMS.available')),
    vergaderjaar: one('OVERHEIDop.vergaderjaar'),
    publicationName: one('OVERHEIDop.publicationName'),
    values,
  };
  for (const k of Object.keys(out)) if (out[k] === undefined) delete out[k];
  return out as unknown as PublicationMetadata;
}

function isoDate(s: string | undefined): string | undefined {
  const m = s ? /^(\d{4}-\d{2}-\d{2})/.exec(s) : null;
  return m ? m[1] : undefined;
}
