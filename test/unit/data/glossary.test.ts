import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * The bundled glossary (server/data/glossary.json): enough entries, well formed, every fact with a
 * source. Workspace glossaries may leave out sources and English; the bundled one may not.
 */
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
}

interface GlossaryFile {
  $schema?: string;
  version: number;
  entries: GlossaryEntry[];
}

const glossary = JSON.parse(fs.readFileSync(glossaryPath, 'utf8')) as GlossaryFile;
const entries = glossary.entries;

function nonEmpty(value: unknown): boolean {
  return typeof value === 'string' && value.trim().length > 0;
}

describe('bundled glossary (server/data/glossary.json)', () => {
  it('is version 1 and points at its schema', () => {
    assert.equal(glossary.version, 1);
    assert.equal(glossary.$schema, '../../schemas/glossary.schema.json');
    assert.ok(fs.existsSync(path.join(repoRoot, 'schemas', 'glossary.schema.json')), 'schemas/glossary.schema.json exists');
  });

  it('has at least 60 entries', () => {
    assert.ok(Array.isArray(entries));
    assert.ok(entries.length >= 60, `only ${entries.length} entries`);
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

  it('uses no abbreviation or variant for two entries', () => {
    const owner = new Map<string, string>();
    for (const e of entries) {
      for (const term of [...(e.abbreviations ?? []), ...(e.variants ?? [])]) {
        assert.ok(nonEmpty(term), `${e.id}: empty abbreviation or variant`);
        const other = owner.get(term);
        assert.ok(other === undefined || other === e.id, `${JSON.stringify(term)} is used by ${other} and ${e.id}`);
        owner.set(term, e.id);
      }
    }
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
