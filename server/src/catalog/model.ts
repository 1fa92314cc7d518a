/**
 * The catalog's model: what is known about a parliamentary document, and where each fact comes from.
 */
import { handelingenKey, type HandelingenId, type KamerstukId } from '../engine/identifiers';
import type { Span } from '../engine/model';

export type MotionOutcome = 'aangenomen' | 'verworpen' | 'ingetrokken' | 'aangehouden' | 'overgenomen';

/** Where a fact was found. */
export interface FactSource {
  /** The catalog source that answered: 'workspace', 'bundled', 'officielebekendmakingen', 'tweedekamer', 'cache'. */
  readonly origin: string;
  /** The page or record the fact was taken from (a URL), when known. */
  readonly url?: string;
}

/** A place in a workspace document. */
export interface WorkspaceLocation {
  readonly uri: string;
  readonly span: Span;
}

/** What the catalog knows of one document. Every field but the id is optional. */
export interface CatalogDocument {
  /** Kamerstuk key ("29826-250", "36600-XIII-65"), document number ("2025D37684") or Handelingen id ("h-tk-20212022-62-7"). */
  readonly id: string;
  readonly kamerstuk?: KamerstukId;
  readonly handelingen?: HandelingenId;
  readonly documentNumber?: string;
  /** "Brief regering", "Motie", "Bijlage", … (Tweede Kamer `Soort`). */
  readonly type?: string;
  readonly title?: string;
  /** ISO date of the document. */
  readonly date?: string;
  readonly dossierTitle?: string;
  /** Signatories (motions) or the sending minister (letters). */
  readonly submitters?: readonly string[];
  readonly outcome?: MotionOutcome;
  readonly outcomeDate?: string;
  readonly kabinetsappreciatie?: string;
  readonly zaakNummer?: string;
  readonly alsoDossiers?: readonly string[];
  /** The id of the document that replaces this one (rectification, herdruk, new version). */
  readonly replacedBy?: string;
  /** Sources of the facts, most authoritative first. */
  readonly sources: readonly FactSource[];
  /** When the document itself is in the workspace: where it names its own identity (or its start). */
  readonly workspace?: WorkspaceLocation;
  /** An official source says there is no such document (and where it said so). */
  readonly absent?: FactSource;
  /** The highest ondernummer an official source knows in the document's dossier (for numbers beyond it). */
  readonly dossierHighest?: number;
}

/** A document the catalog can be asked about. */
export type CatalogKey =
  | { readonly kind: 'kamerstuk'; readonly id: KamerstukId }
  | { readonly kind: 'documentNumber'; readonly number: string }
  | { readonly kind: 'handelingen'; readonly id: HandelingenId };

/** A document whose official text can be had as a file. */
export type PublicationKey = Exclude<CatalogKey, { readonly kind: 'documentNumber' }>;

/** The text form of a key ("29826-250", "2025D12193", "h-tk-20212022-62-7"), for de-duplication. */
export function catalogKeyText(key: CatalogKey): string {
  if (key.kind === 'kamerstuk') return `${key.id.dossier}-${key.id.nr}`;
  if (key.kind === 'handelingen') return handelingenKey(key.id);
  return key.number.toUpperCase();
}

/** What asking an official source about a document brought. */
export type FetchOutcome = 'updated' | 'unchanged' | 'failed';

/** A regulation of the Basiswettenbestand (wetten.overheid.nl) as an official source describes it. */
export interface LawFacts {
  /** "BWBR0001840". */
  readonly bwbId: string;
  /** Its citation title, as the source writes it. */
  readonly title: string;
  /** "wet", "AMvB", "ministeriele-regeling", … */
  readonly type?: string;
  /** The responsible ministry. */
  readonly authority?: string;
  /** The version described: in force from, until (ISO; 9999-12-31 while in force). */
  readonly validFrom?: string;
  readonly validUntil?: string;
  /** Which of the titles asked about it is (as the text wrote it). */
  readonly matched: string;
  readonly sources: readonly FactSource[];
}

/** What asking about a regulation by title brought: found, not a citation title, or not known (offline, failed). */
export type LawAnswer = { readonly kind: 'found'; readonly law: LawFacts } | { readonly kind: 'notFound' } | { readonly kind: 'unknown' };

/** One place where the catalog can look documents up. */
export interface CatalogSource {
  readonly name: string;
  /** A Kamerstuk by its id. */
  lookupKamerstuk(id: KamerstukId): CatalogDocument | undefined | Promise<CatalogDocument | undefined>;
  /** A Tweede Kamer document number (2025D44449). */
  lookupDocumentNumber(documentNumber: string): CatalogDocument | undefined | Promise<CatalogDocument | undefined>;
  /** A Handelingen publication (sources that know them). */
  lookupHandelingen?(id: HandelingenId): CatalogDocument | undefined | Promise<CatalogDocument | undefined>;
  /** Documents whose title contains all the given words (lower-case, accents folded); at most `limit`. */
  searchTitles?(words: readonly string[], limit: number): readonly CatalogDocument[];
  /** Documents whose id, without spaces, starts with `prefix` ("29826-2" → 29826-250, 29826-277, …); at most `limit`. */
  documentsByIdPrefix?(prefix: string, limit: number): readonly CatalogDocument[];
  /**
   * Documents with a title that a letter may name in words (letters, reports; not motions). The same
   * array while they stay the same: the catalog keeps its merged list (and rules what they made of it) until then.
   */
  titledDocuments?(): readonly CatalogDocument[];
  /** Motions whose signatories include all of these surnames (folded), newest first. */
  findMotions?(surnames: readonly string[], limit: number): readonly CatalogDocument[];
  /**
   * Motions with a signatory whose name or surname, folded, starts with `prefix` ("kos" → Kostić,
   * "van der p" → Van der Plas), newest first; at most `limit`. For completion as a name is typed.
   */
  motionsBySubmitterPrefix?(prefix: string, limit: number): readonly CatalogDocument[];
  /** Documents whose Tweede Kamer document number starts with `prefix` (upper case: "2025D44"); at most `limit`. */
  documentsByNumberPrefix?(prefix: string, limit: number): readonly CatalogDocument[] | Promise<readonly CatalogDocument[]>;
  /**
   * Like `documentsByIdPrefix`, for sources that read their documents from files on demand (the
   * Tweede Kamer mirror): asked only with a whole dossier in the prefix ("29826-2", "36600-XIII-").
   */
  listByIdPrefix?(prefix: string, limit: number): Promise<readonly CatalogDocument[]>;
  /**
   * Asks the source's remote end about a document (sources that have one) unless a fresh answer is
   * kept (or `force`); resolves when the answer is known and kept, or the asking failed. Never throws.
   */
  fetch?(key: CatalogKey, signal?: AbortSignal, force?: boolean): Promise<FetchOutcome>;
  /** Documents whose title holds all these words, from the source's remote search (sources that have one). */
  searchRemote?(words: readonly string[], limit: number, signal?: AbortSignal): Promise<readonly CatalogDocument[]>;
  /** The highest ondernummer the source knows in a dossier. */
  dossierHighest?(dossier: string): number | undefined | Promise<number | undefined>;
  /** The official text of a Kamerstuk or Handelingen publication kept as a readable file (fetched when it may): its URI. */
  publicationText?(key: PublicationKey, signal?: AbortSignal): Promise<string | undefined>;
  /**
   * A regulation by the titles a text may give it, longest first ("Wet open overheid is", "Wet open
   * overheid", "Wet open"): from what the source keeps, else asked of its remote end when it may
   * (in force on `today`). Never throws.
   */
  lookupLaw?(titles: readonly string[], today: string, signal?: AbortSignal): Promise<LawAnswer>;
}

/** `primary`'s facts, completed by `secondary`'s; sources of both. */
export function mergeDocuments(primary: CatalogDocument, secondary: CatalogDocument | undefined): CatalogDocument {
  if (!secondary) return primary;
  const merged: Record<string, unknown> = { ...secondary };
  for (const [k, v] of Object.entries(primary)) if (v !== undefined) merged[k] = v;
  merged['sources'] = [...primary.sources, ...secondary.sources];
  return merged as unknown as CatalogDocument;
}

/** True when the catalog knows more of a document than its number. */
export function hasFacts(d: CatalogDocument): boolean {
  return !!(d.title || d.type || d.date || d.submitters?.length || d.outcome || d.workspace);
}

/** True when a source says the document does not exist and no source knows anything of it. */
export function isAbsent(d: CatalogDocument | undefined): boolean {
  return !!d?.absent && !hasFacts(d);
}
