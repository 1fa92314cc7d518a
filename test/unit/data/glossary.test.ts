import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * The bundled glossary (server/data/glossary.json): enough entries across every ministry, valid
 * against schemas/glossary.schema.json, every fact with a source, every abbreviation and variant
 * owned by one entry (or by the entries of an ambiguity), and the acts with their official names and
 * verified BWB identifiers. Workspace glossaries may leave out sources and English; the bundled one
 * may not.
 */
import { validate } from '../../support/jsonSchema';

const repoRoot = path.resolve(__dirname, '../../../..');
const glossaryPath = path.join(repoRoot, 'server', 'data', 'glossary.json');

const KINDS = ['subsidieregeling', 'fonds', 'fiscale regeling', 'programma', 'wet', 'strategie', 'organisatie'];
const KAMERSTUK = /^\d{4,6}(-[A-Z0-9]+)?-\d+$/;

interface GlossaryEntry {
  id: string;
  name: string;
  fullName?: string | null;
  abbreviations?: string[];
  variants?: string[];
  kind: string;
  ministry?: string | null;
  description: { nl: string; en?: string };
  legalBasis?: { text: string; kamerstuk?: string; url?: string } | null;
  url?: string;
  sources?: { url: string; says: string }[];
  law?: { bwbId?: string; citationTitle: string; abbreviation?: string; url?: string } | null;
}

interface GlossaryFile {
  $schema?: string;
  version: number;
  entries: GlossaryEntry[];
  ambiguities?: { abbreviation: string; entries: string[]; note?: string }[];
}

/** The ministries of the Schoof cabinet, as the glossary names them (short names, without "Ministerie van"). */
const MINISTRIES = [
  'Algemene Zaken',
  'Asiel en Migratie',
  'Binnenlandse Zaken en Koninkrijksrelaties',
  'Buitenlandse Zaken',
  'Defensie',
  'Economische Zaken',
  'Financiën',
  'Infrastructuur en Waterstaat',
  'Justitie en Veiligheid',
  'Klimaat en Groene Groei',
  'Landbouw, Visserij, Voedselzekerheid en Natuur',
  'Onderwijs, Cultuur en Wetenschap',
  'Sociale Zaken en Werkgelegenheid',
  'Volksgezondheid, Welzijn en Sport',
  'Volkshuisvesting en Ruimtelijke Ordening',
];

/**
 * Entries of kind "wet" without a BWB identifier, and why. Every other one has a law object with a
 * BWB id that was checked against public sources (wetten.overheid.nl mirrors and public
 * repositories that cite it with the act's name).
 */
const WITHOUT_BWB_ID: Readonly<Record<string, string>> = {
  'eu-ets': 'EU law',
  'eu-chips-act': 'EU law',
  'net-zero-industry-act': 'EU law',
  csrd: 'EU law',
  csddd: 'EU law',
  'eu-asiel-en-migratiepact': 'EU law',
  'participatiewet-in-balans': 'bill',
  'asielnoodmaatregelenwet': 'bill',
  tweestatusstelsel: 'bill',
  'wet-terugkeer-en-vreemdelingenbewaring': 'bill',
  'uitvoeringswet-asiel-en-migratiepact': 'bill',
  'wet-collectieve-warmte': 'bill',
  'wet-financiele-defensieverplichtingen': 'bill',
  belastingplan: 'a yearly package of bills',
  'wet-toekomst-pensioenen': 'an amending act (its rules are in the Pensioenwet)',
  'wet-betaalbare-huur': 'an amending act (its rules are in the Uitvoeringswet huurprijzen woonruimte)',
  'eigen-risico': 'a part of the Zorgverzekeringswet',
  woningwaarderingsstelsel: 'a part of the Besluit huurprijzen woonruimte',
  'exportcontrole-strategische-goederen': 'a licensing regime under several acts',
  'regeling-periodiek-evaluatieonderzoek': 'not verified',
  klimaatwet: 'not verified',
  'comptabiliteitswet-2016': 'not verified',
  'wiv-2017': 'not verified',
  wolbes: 'not verified',
  spreidingswet: 'not verified',
  'kaderwet-ezk-lnv-subsidies': 'not verified',
  energiebesluit: 'not verified',
};

/** Acts whose identifiers are pinned: a change here must be checked again against wetten.overheid.nl. */
const PINNED_BWB_IDS: Readonly<Record<string, string>> = {
  zorgverzekeringswet: 'BWBR0018450',
  'wet-langdurige-zorg': 'BWBR0035917',
  'wmo-2015': 'BWBR0035362',
  participatiewet: 'BWBR0015703',
  omgevingswet: 'BWBR0037885',
  'algemene-wet-bestuursrecht': 'BWBR0005537',
  'vreemdelingenwet-2000': 'BWBR0011823',
  'wet-open-overheid': 'BWBR0045754',
  'uitvoeringswet-huurprijzen-woonruimte': 'BWBR0014315',
  grondwet: 'BWBR0001840',
};

const glossary = JSON.parse(fs.readFileSync(glossaryPath, 'utf8')) as GlossaryFile;
const entries = glossary.entries;
const schema = JSON.parse(fs.readFileSync(path.join(repoRoot, 'schemas', 'glossary.schema.json'), 'utf8')) as Record<string, unknown>;

function nonEmpty(value: unknown): boolean {
  return typeof value === 'string' && value.trim().length > 0;
}

describe('bundled glossary (server/data/glossary.json)', () => {
  it('is version 1 and points at its schema', () => {
    assert.equal(glossary.version, 1);
    assert.equal(glossary.$schema, '../../schemas/glossary.schema.json');
    assert.ok(fs.existsSync(path.join(repoRoot, 'schemas', 'glossary.schema.json')), 'schemas/glossary.schema.json exists');
  });

  it('has at least 300 entries', () => {
    assert.ok(Array.isArray(entries));
    assert.ok(entries.length >= 300, `only ${entries.length} entries`);
  });

  it('is valid against schemas/glossary.schema.json, entry by entry', () => {
    const entrySchema = (schema['definitions'] as Record<string, Record<string, unknown>>)['entry']!;
    for (const e of entries) assert.deepEqual(validate(e, entrySchema, schema, e.id), [], e.id);
    assert.deepEqual(validate(glossary, schema), []);
  });

  it('is the only bundled glossary file (esbuild.mjs copies server/data/*.json to dist/data)', () => {
    const json = fs.readdirSync(path.join(repoRoot, 'server', 'data')).filter((f) => f.endsWith('.json'));
    assert.deepEqual(json, ['glossary.json']);
  });

  it('covers every ministry, by its exact short name', () => {
    const used = new Set(entries.map((e) => e.ministry).filter((m): m is string => !!m));
    for (const m of MINISTRIES) assert.ok(used.has(m), `no entry of ${m}`);
    for (const m of used) assert.ok(MINISTRIES.includes(m), `unknown ministry name ${JSON.stringify(m)}`);
    for (const m of MINISTRIES) {
      const n = entries.filter((e) => e.ministry === m).length;
      assert.ok(n >= 5, `only ${n} entries of ${m}`);
    }
  });

  it('has unique, well-formed ids', () => {
    const seen = new Set<string>();
    for (const e of entries) {
      assert.match(e.id, /^[a-z0-9]+(-[a-z0-9]+)*$/, `bad id ${JSON.stringify(e.id)}`);
      assert.ok(!seen.has(e.id), `duplicate id ${e.id}`);
      seen.add(e.id);
    }
  });

  it('gives every entry a name, a known kind, Dutch and English descriptions and a url', () => {
    for (const e of entries) {
      assert.ok(nonEmpty(e.name), `${e.id}: name`);
      assert.ok(KINDS.includes(e.kind), `${e.id}: kind ${JSON.stringify(e.kind)}`);
      assert.ok(nonEmpty(e.description?.nl), `${e.id}: description.nl`);
      assert.ok(nonEmpty(e.description?.en), `${e.id}: description.en`);
      assert.ok(nonEmpty(e.url) && /^https?:\/\//.test(e.url!), `${e.id}: url`);
      assert.ok(Array.isArray(e.abbreviations), `${e.id}: abbreviations is an array`);
      assert.ok(Array.isArray(e.variants), `${e.id}: variants is an array`);
      assert.ok(e.ministry === null || nonEmpty(e.ministry), `${e.id}: ministry is a name or null`);
    }
  });

  it('gives every entry at least one source with an https url and what it says', () => {
    for (const e of entries) {
      assert.ok(Array.isArray(e.sources) && e.sources.length >= 1, `${e.id}: no sources`);
      for (const s of e.sources!) {
        assert.match(s.url, /^https:\/\/\S+$/, `${e.id}: source url ${s.url}`);
        assert.ok(nonEmpty(s.says), `${e.id}: source ${s.url} says nothing`);
      }
    }
  });

  it('uses no abbreviation or variant for two entries, unless an ambiguity names both', () => {
    const shared = new Map((glossary.ambiguities ?? []).map((a) => [a.abbreviation, new Set(a.entries)] as const));
    const owner = new Map<string, string>();
    for (const e of entries) {
      for (const term of [...(e.abbreviations ?? []), ...(e.variants ?? [])]) {
        assert.ok(nonEmpty(term), `${e.id}: empty abbreviation or variant`);
        const other = owner.get(term);
        const allowed = other === undefined || other === e.id || (shared.get(term)?.has(other) && shared.get(term)?.has(e.id));
        assert.ok(allowed, `${JSON.stringify(term)} is used by ${other} and ${e.id}`);
        if (other === undefined) owner.set(term, e.id);
      }
    }
  });

  it('names in each ambiguity at least two existing entries that all list the abbreviation', () => {
    assert.ok((glossary.ambiguities ?? []).some((a) => a.abbreviation === 'NPO'), 'NPO is ambiguous');
    for (const a of glossary.ambiguities ?? []) {
      assert.ok(a.entries.length >= 2, `${a.abbreviation}: fewer than two entries`);
      for (const id of a.entries) {
        const e = entries.find((x) => x.id === id);
        assert.ok(e, `${a.abbreviation}: no entry ${id}`);
        assert.ok([...(e!.abbreviations ?? []), ...(e!.variants ?? [])].includes(a.abbreviation), `${a.abbreviation}: ${id} does not list it`);
      }
      assert.ok(nonEmpty(a.note), `${a.abbreviation}: a note says when it means which`);
    }
  });

  it('has no abbreviation of two letters that reads as something else in running text', () => {
    // Two-letter abbreviations kept, each the usual one for the entry: WW, ZW, OM, AP, Sr, Sv, Gw, Wm, Ow, Aw, Tw, Vw.
    const allowed = new Set(['WW', 'ZW', 'OM', 'AP', 'Sr', 'Sv', 'Gw', 'Wm', 'Ow', 'Aw', 'Tw', 'Vw']);
    for (const e of entries) {
      for (const term of [...(e.abbreviations ?? []), ...(e.variants ?? [])]) {
        if (term.length <= 2) assert.ok(allowed.has(term), `${e.id}: ${JSON.stringify(term)} is too short to match in running text`);
      }
    }
  });

  it('gives every act its official names and, where verified, its BWB identifier and consolidated text', () => {
    const seen = new Map<string, string>();
    let withId = 0;
    for (const e of entries) {
      const law = e.law;
      if (law) {
        assert.ok(nonEmpty(law.citationTitle), `${e.id}: law.citationTitle`);
        const names = [e.name, e.fullName, ...(e.abbreviations ?? []), ...(e.variants ?? [])].filter(Boolean);
        assert.ok(names.includes(law.citationTitle) || (law.abbreviation !== undefined && names.includes(law.abbreviation)), `${e.id}: the entry's names include the citation title or the abbreviation`);
        if (law.bwbId) {
          withId++;
          assert.match(law.bwbId, /^BWBR\d{7}$/, `${e.id}: law.bwbId`);
          assert.equal(law.url, `https://wetten.overheid.nl/${law.bwbId}`, `${e.id}: law.url`);
          assert.ok(!seen.has(law.bwbId), `${law.bwbId} is the law of ${seen.get(law.bwbId)} and ${e.id}`);
          seen.set(law.bwbId, e.id);
        } else assert.equal(law.url, undefined, `${e.id}: a url without a verified BWB id`);
      }
      if (e.kind === 'wet') {
        const reason = WITHOUT_BWB_ID[e.id];
        if (reason) assert.ok(!law?.bwbId, `${e.id} has a BWB id now: take it off WITHOUT_BWB_ID`);
        else assert.ok(law?.bwbId, `${e.id}: an act needs a law object with a verified BWB id (or a reason in WITHOUT_BWB_ID)`);
      }
    }
    for (const id of Object.keys(WITHOUT_BWB_ID)) assert.ok(entries.some((e) => e.id === id && e.kind === 'wet'), `WITHOUT_BWB_ID: no act ${id}`);
    assert.ok(withId >= 70, `only ${withId} acts with a BWB id`);
    for (const [id, bwbId] of Object.entries(PINNED_BWB_IDS)) assert.equal(entries.find((e) => e.id === id)?.law?.bwbId, bwbId, id);
  });

  it('links the consolidated text of an act by its BWB id only to that act', () => {
    // A wetten.overheid.nl link in url or legalBasis of an act names the act's own BWB id (the Wet op de huurtoeslag is BWBR0008659).
    for (const e of entries) {
      const id = e.law?.bwbId;
      for (const url of [e.url, e.legalBasis?.url]) {
        const m = url ? /^https:\/\/wetten\.overheid\.nl\/(BWBR\d{7})/.exec(url) : null;
        if (m && id) assert.equal(m[1], id, `${e.id}: ${url}`);
      }
    }
    assert.equal(entries.find((e) => e.id === 'huurtoeslag')?.legalBasis?.url, 'https://wetten.overheid.nl/BWBR0008659');
  });

  it('writes every Kamerstuk in legalBasis as dossier-number', () => {
    for (const e of entries) {
      if (e.legalBasis === null || e.legalBasis === undefined) continue;
      assert.ok(nonEmpty(e.legalBasis.text), `${e.id}: legalBasis.text`);
      if (e.legalBasis.kamerstuk !== undefined) {
        assert.match(e.legalBasis.kamerstuk, KAMERSTUK, `${e.id}: kamerstuk ${e.legalBasis.kamerstuk}`);
      }
    }
  });
});
