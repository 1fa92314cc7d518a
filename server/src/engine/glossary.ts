/**
 * The glossary of policy instruments: the bundled one (server/data/glossary.json) and a workspace's
 * own `.kamerwijzer/glossary.json`, which adds entries or overrides bundled ones by id.
 *
 * `parseGlossary` checks a glossary text against the rules of schemas/glossary.schema.json and never
 * throws: what is wrong becomes a one-line problem naming the entry, and the rest is used.
 * `mergeGlossaries` lays a workspace glossary over the bundled one; a workspace entry may give only
 * the fields it changes. A `Glossary` is the result: its entries, where each was written, the
 * `InstrumentMatcher` that finds them in a text and the `InstrumentSenses` that tell which entry an
 * abbreviation with several meanings (the glossary's `ambiguities`, "NPO") stands for.
 */
import { LineIndex } from './lineIndex';
import type { Range, Span } from './model';
import { InstrumentMatcher, termTooLong } from './instrumentMatcher';
import { InstrumentSenses } from './instrumentSenses';
import { oneLine } from './chars';

export { InstrumentMatcher } from './instrumentMatcher';

/** Where a workspace glossary lives, relative to a workspace folder. */
export const WORKSPACE_GLOSSARY_PATH = '.kamerwijzer/glossary.json';

export const GLOSSARY_KINDS = ['subsidieregeling', 'fonds', 'fiscale regeling', 'programma', 'wet', 'strategie', 'organisatie'] as const;
export type GlossaryKind = (typeof GLOSSARY_KINDS)[number];

export interface GlossaryLegalBasis {
  /** The act, regulation, decision or letter, in words. */
  readonly text: string;
  /** Kamerstuk of the founding letter or bill as dossier-number ("33009-140", "35570-XIII-82"). */
  readonly kamerstuk?: string;
  readonly url?: string;
}

export interface GlossarySource {
  readonly url: string;
  readonly says: string;
}

/** An act (or regulation) by its official names in the Basiswettenbestand (BWB) of wetten.overheid.nl. */
export interface GlossaryLaw {
  /** Its BWB identifier ("BWBR0018450"); absent when it could not be verified. */
  readonly bwbId?: string;
  /** The official citation title (citeertitel): "Zorgverzekeringswet", "Wet maatschappelijke ondersteuning 2015". */
  readonly citationTitle: string;
  /** The official abbreviation, when there is one ("Zvw", "Wmo 2015"). */
  readonly abbreviation?: string;
  /** The consolidated text on wetten.overheid.nl (https://wetten.overheid.nl/BWBR0018450). */
  readonly url?: string;
}

/** An abbreviation that stands for more than one entry ("NPO"): which ones, and why. */
export interface GlossaryAmbiguity {
  /** The abbreviation as written ("NPO"). Each entry named lists it among its abbreviations or variants. */
  readonly abbreviation: string;
  /** The ids of the entries it can stand for, at least two, the most usual first. */
  readonly entries: readonly string[];
  /** For maintainers and the hover: when it means which. */
  readonly note?: string;
}

/** What a glossary file amounts to: its entries and its ambiguous abbreviations. */
export interface GlossaryData {
  readonly entries: readonly GlossaryEntry[];
  readonly ambiguities: readonly GlossaryAmbiguity[];
}

/** Entries alone (no ambiguities) or a whole glossary. */
export function glossaryData(from: readonly GlossaryEntry[] | GlossaryData): GlossaryData {
  return isGlossaryData(from) ? from : { entries: from, ambiguities: [] };
}

function isGlossaryData(from: readonly GlossaryEntry[] | GlossaryData): from is GlossaryData {
  return !Array.isArray(from);
}

/** One policy instrument, organisation or programme, as in the glossary JSON. */
export interface GlossaryEntry {
  readonly id: string;
  /** The usual name as written in letters ("WBSO", "Nationaal Groeifonds"). */
  readonly name: string;
  /** The full, official name when it differs from the usual name. */
  readonly fullName?: string | null;
  readonly abbreviations: readonly string[];
  readonly variants: readonly string[];
  readonly kind: GlossaryKind;
  readonly ministry?: string | null;
  readonly description: { readonly nl: string; readonly en?: string };
  readonly legalBasis?: GlossaryLegalBasis | null;
  /** The official page. */
  readonly url?: string;
  readonly sources?: readonly GlossarySource[];
  /** For an act: its official citation title, abbreviation and BWB identifier. */
  readonly law?: GlossaryLaw | null;
}

/** An entry as a file gives it: only the id is required (a workspace entry may override some fields). */
export type GlossaryEntryPatch = { readonly id: string } & { readonly [K in Exclude<keyof GlossaryEntry, 'id'>]?: GlossaryEntry[K] };

export interface ParsedGlossary {
  /** The usable entries, in file order; invalid fields left out. */
  readonly entries: readonly GlossaryEntryPatch[];
  /** One line per problem, naming the entry ("entries[3] (wbso): kind must be one of …"). */
  readonly problems: readonly string[];
  /** False when the text cannot be used at all (not JSON, no entries array). */
  readonly usable: boolean;
  /** Where each entry's `"id": "…"` is written in the text (for go-to-definition). */
  readonly idSpans: ReadonlyMap<string, Span>;
  /** The abbreviations with several meanings the file declares (its entries may be in another file). */
  readonly ambiguities: readonly GlossaryAmbiguity[];
}

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const URL_PATTERN = /^https?:\/\//;
const KAMERSTUK = /^\d{4,6}(-[A-Z0-9]+)?-\d+$/;
/** A BWB identifier of an act or regulation. */
export const BWB_ID = /^BWBR\d{7}$/;
/** The consolidated text of an act on wetten.overheid.nl. */
const WETTEN_URL = /^https:\/\/wetten\.overheid\.nl\/\S+$/;
const TOP_LEVEL = new Set(['$schema', '$comment', 'version', 'entries', 'ambiguities']);
const ENTRY_FIELDS = new Set(['$comment', 'id', 'name', 'fullName', 'abbreviations', 'variants', 'kind', 'ministry', 'description', 'legalBasis', 'url', 'sources', 'law']);
const LAW_FIELDS = ['bwbId', 'citationTitle', 'abbreviation', 'url'];
const AMBIGUITY_FIELDS = ['$comment', 'abbreviation', 'entries', 'note'];

/** The consolidated text of an act by its BWB identifier. */
export function wettenUrl(bwbId: string): string {
  return `https://wetten.overheid.nl/${bwbId}`;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

function nonEmpty(v: unknown): v is string {
  return typeof v === 'string' && v.trim().length > 0;
}

/** Reads a glossary JSON text. Never throws. */
export function parseGlossary(text: string): ParsedGlossary {
  const problems: string[] = [];
  const unusable = (problem: string): ParsedGlossary => ({ entries: [], problems: [problem], usable: false, idSpans: new Map(), ambiguities: [] });
  let root: unknown;
  try {
    root = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return unusable(`not valid JSON: ${oneLine((e as Error).message)}`);
  }
  if (!isObject(root)) return unusable('the glossary must be a JSON object with an "entries" array');
  for (const key of Object.keys(root)) if (!TOP_LEVEL.has(key)) problems.push(`unknown property "${key}" (allowed: ${[...TOP_LEVEL].join(', ')})`);
  if (root['version'] !== undefined && root['version'] !== 1) problems.push(`version must be 1, not ${JSON.stringify(root['version'])}`);
  const list = root['entries'];
  if (!Array.isArray(list)) return unusable('"entries" must be an array of entries');

  const ambiguities = parseAmbiguities(root['ambiguities'], problems);
  /** The ids an abbreviation may be shared by (from `ambiguities`). */
  const sharedBy = new Map(ambiguities.map((a) => [a.abbreviation, new Set(a.entries)] as const));
  const entries: GlossaryEntryPatch[] = [];
  const ids = new Set<string>();
  /** Which entry owns each abbreviation and variant in this file. */
  const owner = new Map<string, string>();
  list.forEach((raw, index) => {
    const where = (id?: string): string => `entries[${index}]${id ? ` (${id})` : ''}`;
    if (!isObject(raw)) {
      problems.push(`${where()}: an entry must be an object`);
      return;
    }
    const id = raw['id'];
    if (typeof id !== 'string' || !ID.test(id)) {
      problems.push(`${where()}: id must be lower case letters, digits and hyphens (e.g. "wbso"), not ${JSON.stringify(id)}; entry skipped`);
      return;
    }
    if (ids.has(id)) {
      problems.push(`${where(id)}: the id "${id}" occurs more than once; entry skipped`);
      return;
    }
    ids.add(id);
    const at = where(id);
    const entry: Record<string, unknown> = { id };
    for (const key of Object.keys(raw)) if (!ENTRY_FIELDS.has(key)) problems.push(`${at}: unknown property "${key}"`);

    const field = (key: string, valid: (v: unknown) => boolean, message: string): void => {
      if (!(key in raw)) return;
      if (valid(raw[key])) entry[key] = raw[key];
      else problems.push(`${at}: ${key} ${message}`);
    };
    field('name', nonEmpty, 'must be a non-empty string');
    field('fullName', (v) => v === null || typeof v === 'string', 'must be a string or null');
    for (const key of ['name', 'fullName'] as const) {
      const tooLong = typeof entry[key] === 'string' ? termTooLong(entry[key]) : undefined;
      if (tooLong) problems.push(`${at}: ${key} is ${tooLong} ("${shortened(entry[key] as string)}"); it is not looked for in the text`);
    }
    field('kind', (v) => (GLOSSARY_KINDS as readonly unknown[]).includes(v), `must be one of ${GLOSSARY_KINDS.join(', ')}`);
    field('ministry', (v) => v === null || typeof v === 'string', 'must be a string or null');
    field('url', (v) => typeof v === 'string' && URL_PATTERN.test(v), 'must be an http(s) URL');
    for (const key of ['abbreviations', 'variants'] as const) {
      if (!(key in raw)) continue;
      const value = raw[key];
      if (!Array.isArray(value)) {
        problems.push(`${at}: ${key} must be an array of strings`);
        continue;
      }
      const terms: string[] = [];
      const listed = new Set<string>();
      for (const t of value) {
        const tooLong = nonEmpty(t) ? termTooLong(t) : undefined;
        if (!nonEmpty(t)) problems.push(`${at}: ${key} must hold non-empty strings, not ${JSON.stringify(t)}`);
        else if (tooLong) problems.push(`${at}: ${key} has a term ${tooLong} ("${shortened(t)}"); left out`);
        else if (listed.has(t)) problems.push(`${at}: ${key} lists "${t}" twice`);
        else if (owner.has(t) && owner.get(t) !== id && !(sharedBy.get(t)?.has(id) && sharedBy.get(t)?.has(owner.get(t)!))) {
          problems.push(`${at}: "${t}" already belongs to ${owner.get(t)}; left out here (list it under "ambiguities" when it stands for both)`);
        } else {
          terms.push(t);
          listed.add(t);
          owner.set(t, id);
        }
      }
      entry[key] = terms;
    }
    if ('description' in raw) {
      const d = raw['description'];
      if (!isObject(d) || !nonEmpty(d['nl'])) problems.push(`${at}: description must be an object with a non-empty "nl" (and optionally "en")`);
      else {
        for (const key of Object.keys(d)) if (key !== 'nl' && key !== 'en') problems.push(`${at}: description has an unknown property "${key}"`);
        if (d['en'] !== undefined && !nonEmpty(d['en'])) problems.push(`${at}: description.en must be a non-empty string`);
        entry['description'] = { nl: d['nl'], ...(nonEmpty(d['en']) ? { en: d['en'] } : {}) };
      }
    }
    if ('legalBasis' in raw) {
      const lb = raw['legalBasis'];
      if (lb === null) entry['legalBasis'] = null;
      else if (!isObject(lb) || !nonEmpty(lb['text'])) problems.push(`${at}: legalBasis must be null or an object with a non-empty "text"`);
      else {
        const basis: Record<string, string> = { text: lb['text'] };
        for (const key of Object.keys(lb)) if (!['text', 'kamerstuk', 'url'].includes(key)) problems.push(`${at}: legalBasis has an unknown property "${key}"`);
        if (lb['kamerstuk'] !== undefined) {
          if (typeof lb['kamerstuk'] === 'string' && KAMERSTUK.test(lb['kamerstuk'])) basis['kamerstuk'] = lb['kamerstuk'];
          else problems.push(`${at}: legalBasis.kamerstuk must be dossier-number such as "33009-140", not ${JSON.stringify(lb['kamerstuk'])}`);
        }
        if (lb['url'] !== undefined) {
          if (typeof lb['url'] === 'string' && URL_PATTERN.test(lb['url'])) basis['url'] = lb['url'];
          else problems.push(`${at}: legalBasis.url must be an http(s) URL`);
        }
        entry['legalBasis'] = basis;
      }
    }
    if ('sources' in raw) {
      const s = raw['sources'];
      if (!Array.isArray(s) || s.length === 0) problems.push(`${at}: sources must be a non-empty array`);
      else {
        const sources: GlossarySource[] = [];
        s.forEach((src, i) => {
          if (isObject(src) && typeof src['url'] === 'string' && URL_PATTERN.test(src['url']) && nonEmpty(src['says'])) sources.push({ url: src['url'], says: src['says'] });
          else problems.push(`${at}: sources[${i}] must have an http(s) "url" and a non-empty "says"`);
        });
        if (sources.length) entry['sources'] = sources;
      }
    }
    if ('law' in raw) {
      const law = parseLaw(raw['law'], at, problems);
      if (law !== undefined) entry['law'] = law;
    }
    entries.push(entry as GlossaryEntryPatch);
  });
  return { entries, problems, usable: true, idSpans: idSpansIn(text, [...ids]), ambiguities };
}

/** An entry's `law`: null, or an object with a citation title and, when verified, a BWB id and its URL. */
function parseLaw(raw: unknown, at: string, problems: string[]): GlossaryLaw | null | undefined {
  if (raw === null) return null;
  if (!isObject(raw) || !nonEmpty(raw['citationTitle'])) {
    problems.push(`${at}: law must be null or an object with a non-empty "citationTitle"`);
    return undefined;
  }
  for (const key of Object.keys(raw)) if (!LAW_FIELDS.includes(key)) problems.push(`${at}: law has an unknown property "${key}"`);
  const law: { bwbId?: string; citationTitle: string; abbreviation?: string; url?: string } = { citationTitle: raw['citationTitle'] };
  const bwbId = raw['bwbId'];
  if (bwbId !== undefined) {
    if (typeof bwbId === 'string' && BWB_ID.test(bwbId)) law.bwbId = bwbId;
    else problems.push(`${at}: law.bwbId must be a BWB identifier such as "BWBR0018450", not ${JSON.stringify(bwbId)}`);
  }
  if (raw['abbreviation'] !== undefined) {
    if (nonEmpty(raw['abbreviation'])) law.abbreviation = raw['abbreviation'];
    else problems.push(`${at}: law.abbreviation must be a non-empty string`);
  }
  const url = raw['url'];
  if (url !== undefined) {
    if (typeof url !== 'string' || !WETTEN_URL.test(url)) problems.push(`${at}: law.url must be a https://wetten.overheid.nl/ URL`);
    else if (!law.bwbId) problems.push(`${at}: law.url needs the law.bwbId it links to; left out`);
    else if (!url.startsWith(wettenUrl(law.bwbId))) problems.push(`${at}: law.url must link to ${law.bwbId} (${wettenUrl(law.bwbId)}), not ${url}`);
    else law.url = url;
  }
  return law;
}

/** The top-level `ambiguities`: each an abbreviation, at least two entry ids and an optional note. */
function parseAmbiguities(raw: unknown, problems: string[]): GlossaryAmbiguity[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    problems.push('"ambiguities" must be an array of { abbreviation, entries, note }');
    return [];
  }
  const out: GlossaryAmbiguity[] = [];
  const seen = new Set<string>();
  raw.forEach((a, index) => {
    const at = `ambiguities[${index}]`;
    if (!isObject(a) || !nonEmpty(a['abbreviation'])) {
      problems.push(`${at}: must be an object with a non-empty "abbreviation"; left out`);
      return;
    }
    const abbreviation = a['abbreviation'];
    const where = `${at} (${abbreviation})`;
    for (const key of Object.keys(a)) if (!AMBIGUITY_FIELDS.includes(key)) problems.push(`${where}: unknown property "${key}"`);
    if (seen.has(abbreviation)) {
      problems.push(`${where}: "${abbreviation}" is listed twice; left out here`);
      return;
    }
    const list = a['entries'];
    const ids = Array.isArray(list) ? [...new Set(list.filter((id): id is string => typeof id === 'string' && ID.test(id)))] : [];
    if (!Array.isArray(list) || ids.length !== list.length || ids.length < 2) {
      problems.push(`${where}: entries must list at least two different entry ids; left out`);
      return;
    }
    if (a['note'] !== undefined && !nonEmpty(a['note'])) problems.push(`${where}: note must be a non-empty string`);
    seen.add(abbreviation);
    out.push({ abbreviation, entries: ids, ...(nonEmpty(a['note']) ? { note: a['note'] } : {}) });
  });
  return out;
}

/** A term as a problem quotes it: its start, on one line. */
function shortened(term: string): string {
  return oneLine(term.slice(0, 200), 80);
}

/** The span of `"id": "<id>"` for each id. */
function idSpansIn(text: string, ids: readonly string[]): Map<string, Span> {
  const out = new Map<string, Span>();
  const wanted = new Set(ids);
  const re = /"id"\s*:\s*"([a-z0-9-]+)"/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (wanted.has(m[1]!) && !out.has(m[1]!)) out.set(m[1]!, { offset: m.index, length: m[0].length });
  }
  return out;
}


export interface MergedGlossary {
  readonly entries: readonly GlossaryEntry[];
  readonly problems: readonly string[];
  /** Ids of the entries the workspace added or changed. */
  readonly workspaceIds: ReadonlySet<string>;
  /** The ambiguous abbreviations of both, each naming only entries that list it (a workspace one replaces a bundled one). */
  readonly ambiguities: readonly GlossaryAmbiguity[];
}

/**
 * Lays workspace entries over bundled ones: an entry with a bundled id replaces the fields it gives
 * (description, legal basis, abbreviations and variants as a whole) and inherits the rest; an entry
 * with a new id is added when it has a name, kind and Dutch description.
 */
export function mergeGlossaries(
  bundled: readonly GlossaryEntry[],
  workspace: readonly GlossaryEntryPatch[],
  ambiguities: { readonly bundled?: readonly GlossaryAmbiguity[]; readonly workspace?: readonly GlossaryAmbiguity[] } = {},
): MergedGlossary {
  const problems: string[] = [];
  const byId = new Map(bundled.map((e) => [e.id, e] as const));
  const workspaceIds = new Set<string>();
  const added: GlossaryEntry[] = [];
  for (const patch of workspace) {
    const base = byId.get(patch.id);
    const given = Object.fromEntries(Object.entries(patch).filter(([k, v]) => v !== undefined && k !== '$comment')) as GlossaryEntryPatch;
    if (base) {
      byId.set(patch.id, { ...base, ...given } as GlossaryEntry);
      workspaceIds.add(patch.id);
      continue;
    }
    const missing = (['name', 'kind', 'description'] as const).filter((k) => given[k] === undefined);
    if (missing.length) {
      problems.push(`${patch.id}: a new entry needs ${missing.join(', ')} (no bundled entry with this id to inherit from); entry skipped`);
      continue;
    }
    const entry: GlossaryEntry = { abbreviations: [], variants: [], ...given } as GlossaryEntry;
    byId.set(patch.id, entry);
    added.push(entry);
    workspaceIds.add(patch.id);
  }
  const entries = [...bundled.map((e) => byId.get(e.id)!), ...added];
  return { entries, problems, workspaceIds, ambiguities: mergeAmbiguities(byId, ambiguities.bundled ?? [], ambiguities.workspace ?? [], problems) };
}

/**
 * The ambiguities of the merged glossary: a workspace one replaces the bundled one for the same
 * abbreviation. Each keeps only entries that exist and list the abbreviation; one left with fewer
 * than two is dropped. Problems are reported for the workspace's own ambiguities (the bundled ones
 * are checked by the bundled glossary's tests, and a workspace override may change them).
 */
function mergeAmbiguities(
  byId: ReadonlyMap<string, GlossaryEntry>,
  bundled: readonly GlossaryAmbiguity[],
  workspace: readonly GlossaryAmbiguity[],
  problems: string[],
): GlossaryAmbiguity[] {
  const own = new Set(workspace.map((a) => a.abbreviation));
  const out: GlossaryAmbiguity[] = [];
  for (const a of [...workspace, ...bundled.filter((b) => !own.has(b.abbreviation))]) {
    const report = own.has(a.abbreviation) ? (p: string): void => void problems.push(`ambiguity ${a.abbreviation}: ${p}`) : (): void => undefined;
    const kept = a.entries.filter((id) => {
      const e = byId.get(id);
      if (!e) report(`no entry "${id}"; left out`);
      else if (!(e.abbreviations ?? []).includes(a.abbreviation) && !(e.variants ?? []).includes(a.abbreviation)) report(`${id} does not list "${a.abbreviation}" among its abbreviations or variants; left out`);
      else return true;
      return false;
    });
    if (kept.length >= 2) out.push({ ...a, entries: kept });
    else report('fewer than two entries left; not ambiguous');
  }
  return out;
}

/** Where a workspace glossary entry is written: its file and the range of its "id". */
export interface GlossaryEntryLocation {
  readonly uri: string;
  readonly range: Range;
}

/** The workspace glossary file as read. */
export interface WorkspaceGlossaryText {
  readonly uri: string;
  readonly text: string;
}

/** A glossary ready for use: entries by id, their origin, the matcher and the senses of ambiguous abbreviations. */
export class Glossary {
  readonly matcher: InstrumentMatcher;
  /** Tells which entry an abbreviation with several meanings stands for in a text. */
  readonly senses: InstrumentSenses;
  private readonly byId: Map<string, GlossaryEntry>;
  private readonly ambiguityOf: Map<string, GlossaryAmbiguity>;

  constructor(
    readonly entries: readonly GlossaryEntry[],
    private readonly workspace: { readonly ids: ReadonlySet<string>; readonly locations: ReadonlyMap<string, GlossaryEntryLocation> } = { ids: new Set(), locations: new Map() },
    readonly ambiguities: readonly GlossaryAmbiguity[] = [],
  ) {
    this.byId = new Map(entries.map((e) => [e.id, e] as const));
    this.ambiguityOf = new Map(ambiguities.map((a) => [a.abbreviation, a] as const));
    // Workspace entries first: their terms win over bundled ones.
    const ordered = [...entries.filter((e) => workspace.ids.has(e.id)), ...entries.filter((e) => !workspace.ids.has(e.id))];
    this.matcher = InstrumentMatcher.fromEntries(ordered);
    this.senses = InstrumentSenses.fromGlossary(entries, ambiguities);
  }

  /** The whole glossary (for analyze(): the matcher and the senses). */
  static from(data: GlossaryData): Glossary {
    return new Glossary(data.entries, undefined, data.ambiguities);
  }

  /** The ambiguity an abbreviation takes part in, if any ("NPO"). */
  ambiguity(abbreviation: string): GlossaryAmbiguity | undefined {
    return this.ambiguityOf.get(abbreviation);
  }

  entry(id: string): GlossaryEntry | undefined {
    return this.byId.get(id);
  }

  /** True when the workspace glossary added or changed the entry. */
  fromWorkspace(id: string): boolean {
    return this.workspace.ids.has(id);
  }

  /** Where the workspace glossary writes the entry, when it does. */
  locationOf(id: string): GlossaryEntryLocation | undefined {
    return this.workspace.locations.get(id);
  }
}

/** The outcome of building a glossary from the bundled entries and a workspace file. */
export interface BuiltGlossary {
  readonly glossary: Glossary;
  /** Problems of the workspace file (empty without one). */
  readonly problems: readonly string[];
  /** True when the workspace file could not be used at all; the bundled glossary is used. */
  readonly broken: boolean;
}

/** The complete entries of a glossary file that must stand alone (the bundled one), with its ambiguities checked against them. */
export function completeEntries(parsed: ParsedGlossary): MergedGlossary {
  return mergeGlossaries([], parsed.entries, { workspace: parsed.ambiguities });
}

/**
 * Builds the glossary of a workspace folder: the bundled glossary (or its entries alone) with the
 * folder's own file laid over it.
 */
export function buildGlossary(bundledGlossary: readonly GlossaryEntry[] | GlossaryData, workspaceFile?: WorkspaceGlossaryText): BuiltGlossary {
  const bundled = glossaryData(bundledGlossary);
  if (!workspaceFile) return { glossary: Glossary.from(bundled), problems: [], broken: false };
  const parsed = parseGlossary(workspaceFile.text);
  if (!parsed.usable) return { glossary: Glossary.from(bundled), problems: parsed.problems, broken: true };
  const merged = mergeGlossaries(bundled.entries, parsed.entries, { bundled: bundled.ambiguities, workspace: parsed.ambiguities });
  const lines = new LineIndex(workspaceFile.text);
  const locations = new Map<string, GlossaryEntryLocation>();
  for (const [id, span] of parsed.idSpans) {
    if (merged.workspaceIds.has(id)) locations.set(id, { uri: workspaceFile.uri, range: lines.rangeOf(span) });
  }
  return { glossary: new Glossary(merged.entries, { ids: merged.workspaceIds, locations }, merged.ambiguities), problems: [...parsed.problems, ...merged.problems], broken: false };
}
