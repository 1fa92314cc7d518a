/**
 * A page of the Tweede Kamer's SyncFeed (Atom: `SyncFeed/2.0/Feed?category=…`, chained by
 * `<link rel="next">`), each entry's entity in the tkData namespace as the official XSDs define it.
 * Only what the catalog uses is kept of each entity: the four categories below, compact.
 */
import { child, childrenNamed, childText, parseXml, type XmlElement } from './xml';

export const SYNC_CATEGORIES = ['Kamerstukdossier', 'Zaak', 'Besluit', 'Document'] as const;
export type SyncCategory = (typeof SYNC_CATEGORIES)[number];

interface EntityBase {
  readonly id: string;
  readonly deleted: boolean;
  /** tk:bijgewerkt: when the entity was last changed (UTC). */
  readonly updated?: string;
}

export interface DossierEntity extends EntityBase {
  readonly kind: 'kamerstukdossier';
  readonly nummer?: string;
  readonly toevoeging?: string;
  readonly titel?: string;
  readonly hoogsteVolgnummer?: number;
  readonly afgesloten?: boolean;
}

export interface ZaakEntity extends EntityBase {
  readonly kind: 'zaak';
  readonly nummer?: string;
  readonly soort?: string;
  readonly onderwerp?: string;
  readonly titel?: string;
  readonly gestartOp?: string;
  readonly volgnummer?: number;
  readonly kabinetsappreciatie?: string;
  readonly dossier?: string;
  /** The zaken this one was put in place of (a gewijzigde motie refers to the motion it replaces). */
  readonly vervangenVanuit: readonly string[];
}

export interface BesluitEntity extends EntityBase {
  readonly kind: 'besluit';
  readonly zaken: readonly string[];
  readonly besluitSoort?: string;
  readonly besluitTekst?: string;
  readonly stemmingsSoort?: string;
}

export interface DocumentEntity extends EntityBase {
  readonly kind: 'document';
  readonly documentNummer?: string;
  readonly soort?: string;
  readonly onderwerp?: string;
  readonly titel?: string;
  readonly datum?: string;
  readonly volgnummer?: number;
  readonly dossier?: string;
  readonly zaken: readonly string[];
}

export type SyncEntity = DossierEntity | ZaakEntity | BesluitEntity | DocumentEntity;

export interface FeedPage {
  readonly entities: readonly SyncEntity[];
  /** The next page's address as the feed gives it; absent on the last page. */
  readonly next?: string;
}

/** Reads one feed page; entities of other kinds are skipped. Throws XmlError on malformed XML. */
export function parseFeedPage(xml: string): FeedPage {
  const feed = parseXml(xml);
  if (feed.name !== 'feed') throw new Error(`not an Atom feed (${feed.name})`);
  const next = childrenNamed(feed, 'link').find((l) => l.attrs['rel'] === 'next')?.attrs['href'];
  const entities: SyncEntity[] = [];
  for (const entry of childrenNamed(feed, 'entry')) {
    const content = child(entry, 'content');
    const el = content?.children[0];
    const entity = el ? entityOf(el) : undefined;
    if (entity) entities.push(entity);
  }
  return { entities, ...(next ? { next } : {}) };
}

function entityOf(el: XmlElement): SyncEntity | undefined {
  const id = el.attrs['id'];
  if (!id) return undefined;
  const base = { id, deleted: el.attrs['verwijderd'] === 'true', ...opt('updated', el.attrs['bijgewerkt']) };
  const text = (name: string): string | undefined => childText(el, name);
  const ref = (name: string): string | undefined => child(el, name)?.attrs['ref'];
  const refs = (name: string): string[] => childrenNamed(el, name).map((c) => c.attrs['ref']).filter((r): r is string => !!r);
  const num = (name: string): number | undefined => {
    const t = text(name);
    return t !== undefined && /^-?\d+$/.test(t) ? Number(t) : undefined;
  };
  switch (el.name) {
    case 'kamerstukdossier':
      return clean({ kind: 'kamerstukdossier' as const, ...base, nummer: text('nummer'), toevoeging: text('toevoeging'), titel: text('titel'), hoogsteVolgnummer: num('hoogsteVolgnummer'), afgesloten: text('afgesloten') === undefined ? undefined : text('afgesloten') === 'true' });
    case 'zaak':
      return clean({
        kind: 'zaak' as const,
        ...base,
        nummer: text('nummer'),
        soort: text('soort'),
        onderwerp: text('onderwerp'),
        titel: text('titel'),
        gestartOp: text('gestartOp'),
        volgnummer: num('volgnummer'),
        kabinetsappreciatie: text('kabinetsappreciatie'),
        dossier: ref('kamerstukdossier'),
        vervangenVanuit: refs('vervangenVanuit'),
      });
    case 'besluit':
      return clean({ kind: 'besluit' as const, ...base, zaken: refs('zaak'), besluitSoort: text('besluitSoort'), besluitTekst: text('besluitTekst'), stemmingsSoort: text('stemmingsSoort') });
    case 'document':
      return clean({
        kind: 'document' as const,
        ...base,
        documentNummer: text('documentNummer'),
        soort: text('soort'),
        onderwerp: text('onderwerp'),
        titel: text('titel'),
        datum: text('datum'),
        volgnummer: num('volgnummer'),
        dossier: ref('kamerstukdossier'),
        zaken: refs('zaak'),
      });
    default:
      return undefined;
  }
}

function opt<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return (value ? { [key]: value } : {}) as { [P in K]?: string };
}

function clean<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}
