import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { GlossaryCatalog } from '../../../server/src/catalog/glossaries';
import { BWB_ID, buildGlossary, completeEntries, Glossary, mergeGlossaries, parseGlossary, type GlossaryEntry } from '../../../server/src/engine/glossary';
import { repoRoot } from '../../support/paths';
import { bundledEntries, bundledGlossary } from '../../support/workspace';

const entry = (fields: Record<string, unknown>): string => JSON.stringify({ version: 1, entries: [fields] });

describe('glossary: parseGlossary', () => {
  it('reads the bundled glossary without problems', () => {
    const parsed = parseGlossary(fs.readFileSync(path.join(repoRoot, 'server', 'data', 'glossary.json'), 'utf8'));
    assert.deepEqual(parsed.problems, []);
    assert.ok(parsed.usable);
    const complete = completeEntries(parsed);
    assert.deepEqual(complete.problems, []);
    assert.equal(complete.entries.length, parsed.entries.length);
    assert.ok(complete.entries.length >= 60);
    assert.equal(bundledEntries.length, complete.entries.length);
  });

  /** [what, text, expected problems (substrings, in order), usable, ids of the usable entries] */
  const broken: ReadonlyArray<readonly [string, string, readonly string[], boolean, readonly string[]]> = [
    ['not JSON', '{ "entries": [ }', ['not valid JSON'], false, []],
    ['empty text', '', ['not valid JSON'], false, []],
    ['an array', '[]', ['must be a JSON object'], false, []],
    ['no entries', '{ "version": 1 }', ['"entries" must be an array'], false, []],
    ['entries not an array', '{ "entries": {} }', ['"entries" must be an array'], false, []],
    ['unknown top-level property and version', '{ "version": 2, "extra": true, "entries": [] }', ['unknown property "extra"', 'version must be 1'], true, []],
    ['entry not an object', '{ "entries": [ "wbso" ] }', ['entries[0]: an entry must be an object'], true, []],
    ['bad id', entry({ id: 'WBSO', name: 'WBSO' }), ['entries[0]: id must be lower case'], true, []],
    ['missing id', entry({ name: 'WBSO' }), ['entries[0]: id must be'], true, []],
    ['duplicate id', '{ "entries": [ { "id": "a", "name": "A" }, { "id": "a", "name": "B" } ] }', ['entries[1] (a): the id "a" occurs more than once'], true, ['a']],
    ['bad kind', entry({ id: 'x', kind: 'regeling' }), ['entries[0] (x): kind must be one of subsidieregeling'], true, ['x']],
    ['empty name', entry({ id: 'x', name: '' }), ['entries[0] (x): name must be a non-empty string'], true, ['x']],
    ['abbreviations not an array', entry({ id: 'x', abbreviations: 'X' }), ['abbreviations must be an array'], true, ['x']],
    ['abbreviation twice', entry({ id: 'x', abbreviations: ['X', 'X'] }), ['abbreviations lists "X" twice'], true, ['x']],
    ['empty variant', entry({ id: 'x', variants: [''] }), ['variants must hold non-empty strings'], true, ['x']],
    [
      'term of two entries',
      '{ "entries": [ { "id": "a", "abbreviations": ["AB"] }, { "id": "b", "abbreviations": ["AB"] } ] }',
      ['entries[1] (b): "AB" already belongs to a'],
      true,
      ['a', 'b'],
    ],
    ['description without nl', entry({ id: 'x', description: { en: 'only English' } }), ['description must be an object with a non-empty "nl"'], true, ['x']],
    ['description with unknown language', entry({ id: 'x', description: { nl: 'Iets', fr: 'Quelque' } }), ['description has an unknown property "fr"'], true, ['x']],
    ['legal basis without text', entry({ id: 'x', legalBasis: { kamerstuk: '33009-140' } }), ['legalBasis must be null or an object'], true, ['x']],
    ['bad Kamerstuk', entry({ id: 'x', legalBasis: { text: 'Brief', kamerstuk: '33009, nr. 140' } }), ['legalBasis.kamerstuk must be dossier-number'], true, ['x']],
    ['bad url', entry({ id: 'x', url: 'rvo.nl/x' }), ['url must be an http(s) URL'], true, ['x']],
    ['empty sources', entry({ id: 'x', sources: [] }), ['sources must be a non-empty array'], true, ['x']],
    ['source without says', entry({ id: 'x', sources: [{ url: 'https://example.org' }] }), ['sources[0] must have'], true, ['x']],
    ['unknown entry property', entry({ id: 'x', naam: 'X' }), ['entries[0] (x): unknown property "naam"'], true, ['x']],
    ['law without a citation title', entry({ id: 'x', law: { bwbId: 'BWBR0018450' } }), ['entries[0] (x): law must be null or an object with a non-empty "citationTitle"'], true, ['x']],
    ['law with a bad BWB id', entry({ id: 'x', law: { citationTitle: 'Zorgverzekeringswet', bwbId: 'BWB18450' } }), ['law.bwbId must be a BWB identifier'], true, ['x']],
    ['law url elsewhere', entry({ id: 'x', law: { citationTitle: 'Zorgverzekeringswet', bwbId: 'BWBR0018450', url: 'https://example.org/zvw' } }), ['law.url must be a https://wetten.overheid.nl/ URL'], true, ['x']],
    ['law url of another act', entry({ id: 'x', law: { citationTitle: 'Zorgverzekeringswet', bwbId: 'BWBR0018450', url: 'https://wetten.overheid.nl/BWBR0035917' } }), ['law.url must link to BWBR0018450'], true, ['x']],
    ['law url without its id', entry({ id: 'x', law: { citationTitle: 'Zorgverzekeringswet', url: 'https://wetten.overheid.nl/BWBR0018450' } }), ['law.url needs the law.bwbId'], true, ['x']],
    ['unknown law property', entry({ id: 'x', law: { citationTitle: 'Zorgverzekeringswet', bwb: 'BWBR0018450' } }), ['law has an unknown property "bwb"'], true, ['x']],
    ['ambiguities not an array', '{ "entries": [], "ambiguities": {} }', ['"ambiguities" must be an array'], true, []],
    ['ambiguity with one entry', '{ "entries": [], "ambiguities": [ { "abbreviation": "AB", "entries": ["a"] } ] }', ['ambiguities[0] (AB): entries must list at least two'], true, []],
    ['ambiguity without an abbreviation', '{ "entries": [], "ambiguities": [ { "entries": ["a", "b"] } ] }', ['ambiguities[0]: must be an object with a non-empty "abbreviation"'], true, []],
    [
      'ambiguity listed twice, with an unknown property',
      '{ "entries": [], "ambiguities": [ { "abbreviation": "AB", "entries": ["a", "b"], "notitie": "x" }, { "abbreviation": "AB", "entries": ["a", "c"] } ] }',
      ['ambiguities[0] (AB): unknown property "notitie"', 'ambiguities[1] (AB): "AB" is listed twice'],
      true,
      [],
    ],
    [
      'term of two entries, the ambiguity naming another pair',
      '{ "entries": [ { "id": "a", "abbreviations": ["AB"] }, { "id": "b", "abbreviations": ["AB"] } ], "ambiguities": [ { "abbreviation": "AB", "entries": ["a", "c"] } ] }',
      ['entries[1] (b): "AB" already belongs to a'],
      true,
      ['a', 'b'],
    ],
  ];
  for (const [what, text, problems, usable, ids] of broken) {
    it(what, () => {
      const parsed = parseGlossary(text);
      assert.equal(parsed.usable, usable);
      assert.equal(parsed.problems.length, problems.length, parsed.problems.join('\n'));
      parsed.problems.forEach((p, i) => {
        assert.ok(p.includes(problems[i]!), `${p} should contain ${problems[i]}`);
        assert.ok(!p.includes('\n'), 'one line');
      });
      assert.deepEqual(parsed.entries.map((e) => e.id), ids);
    });
  }

  it('keeps the valid fields of an entry and drops the invalid ones', () => {
    const parsed = parseGlossary(entry({ id: 'x', name: 'X-regeling', kind: 'nope', abbreviations: ['XR', ''], description: { nl: 'Een regeling.' } }));
    assert.deepEqual(parsed.entries, [{ id: 'x', name: 'X-regeling', abbreviations: ['XR'], description: { nl: 'Een regeling.' } }]);
  });

  it('keeps a law object, and a term shared by the entries of an ambiguity', () => {
    const law = { bwbId: 'BWBR0018450', citationTitle: 'Zorgverzekeringswet', abbreviation: 'Zvw', url: 'https://wetten.overheid.nl/BWBR0018450' };
    const parsed = parseGlossary(
      JSON.stringify({
        entries: [
          { id: 'zvw', name: 'Zorgverzekeringswet', abbreviations: ['Zvw'], law },
          { id: 'a', abbreviations: ['AB'] },
          { id: 'b', variants: ['AB'], law: null },
        ],
        ambiguities: [{ abbreviation: 'AB', entries: ['a', 'b'], note: 'A of B.' }],
      }),
    );
    assert.deepEqual(parsed.problems, []);
    assert.deepEqual(parsed.entries[0]!.law, law);
    assert.equal(parsed.entries[2]!.law, null);
    assert.deepEqual(parsed.ambiguities, [{ abbreviation: 'AB', entries: ['a', 'b'], note: 'A of B.' }]);
  });

  it('checks a standalone file\'s ambiguities against its entries', () => {
    const parsed = parseGlossary(
      JSON.stringify({
        entries: [
          { id: 'a', name: 'A', kind: 'programma', description: { nl: 'A.' }, abbreviations: ['AB'] },
          { id: 'b', name: 'B', kind: 'programma', description: { nl: 'B.' } },
        ],
        ambiguities: [{ abbreviation: 'AB', entries: ['a', 'b', 'c'] }],
      }),
    );
    const complete = completeEntries(parsed);
    assert.deepEqual(complete.problems, [
      'ambiguity AB: b does not list "AB" among its abbreviations or variants; left out',
      'ambiguity AB: no entry "c"; left out',
      'ambiguity AB: fewer than two entries left; not ambiguous',
    ]);
    assert.deepEqual(complete.ambiguities, []);
  });

  it('never throws, whatever the input', () => {
    for (const text of [
      'null',
      '1',
      '"x"',
      '{"entries": null}',
      '{"entries": [null, 1, [], {"id": 5}]}',
      '\uFEFF{"entries": []}',
      '{"entries": [{"id": "a", "legalBasis": null, "fullName": null, "ministry": null, "law": null}]}',
      '{"entries": [{"id": "a", "law": 5}, {"id": "b", "law": {"citationTitle": "X", "bwbId": 7, "url": 8, "abbreviation": ""}}], "ambiguities": [null, 1, {"abbreviation": "X", "entries": [1, 2]}]}',
    ]) {
      assert.doesNotThrow(() => parseGlossary(text), text);
    }
    assert.deepEqual(parseGlossary('\uFEFF{"entries": []}').problems, []);
  });

  it('knows where each id is written', () => {
    const text = '{\n  "entries": [\n    {\n      "id": "wbso",\n      "variants": ["S&O"]\n    }\n  ]\n}\n';
    const span = parseGlossary(text).idSpans.get('wbso')!;
    assert.equal(text.slice(span.offset, span.offset + span.length), '"id": "wbso"');
  });
});

describe('glossary: mergeGlossaries and buildGlossary', () => {
  const wbso = bundledEntries.find((e) => e.id === 'wbso')!;

  it('a workspace entry with a bundled id overrides the fields it gives and inherits the rest', () => {
    const merged = mergeGlossaries(bundledEntries, [{ id: 'wbso', description: { nl: 'Onze eigen uitleg.' }, variants: ['speur- en ontwikkelingsaftrek'] }]);
    const e = merged.entries.find((x) => x.id === 'wbso')!;
    assert.equal(e.description.nl, 'Onze eigen uitleg.');
    assert.equal(e.description.en, undefined, 'the description is replaced as a whole');
    assert.deepEqual(e.variants, ['speur- en ontwikkelingsaftrek']);
    assert.equal(e.fullName, wbso.fullName);
    assert.equal(e.ministry, wbso.ministry);
    assert.deepEqual(e.abbreviations, wbso.abbreviations);
    assert.equal(merged.entries.length, bundledEntries.length);
    assert.deepEqual([...merged.workspaceIds], ['wbso']);
    assert.deepEqual(merged.problems, []);
  });

  it('a new entry is added when complete and skipped with a problem when not', () => {
    const merged = mergeGlossaries(bundledEntries, [
      { id: 'dumava', name: 'DUMAVA', abbreviations: ['DUMAVA'], kind: 'subsidieregeling', description: { nl: 'Subsidie voor verduurzaming van maatschappelijk vastgoed.' } },
      { id: 'half', name: 'Half' },
    ]);
    assert.equal(merged.entries.length, bundledEntries.length + 1);
    const added = merged.entries.find((e) => e.id === 'dumava')!;
    assert.deepEqual(added.variants, [], 'missing arrays default to empty');
    assert.equal(merged.problems.length, 1);
    assert.match(merged.problems[0]!, /^half: a new entry needs kind, description/);
  });

  it('workspace terms win over bundled ones', () => {
    const { glossary, problems, broken } = buildGlossary(bundledEntries, {
      uri: 'file:///ws/.kamerwijzer/glossary.json',
      text: entry({ id: 'nts-netwerk', name: 'Netwerk Toekomst Sterk', abbreviations: ['NTS'], kind: 'programma', description: { nl: 'Een netwerk.' } }),
    });
    assert.deepEqual(problems, []);
    assert.equal(broken, false);
    assert.deepEqual(glossary.matcher.find('De NTS en de Nationale Technologiestrategie').map((m) => m.id), ['nts-netwerk', 'nts']);
    assert.ok(glossary.fromWorkspace('nts-netwerk'));
    assert.ok(!glossary.fromWorkspace('nts'));
    assert.deepEqual(glossary.locationOf('nts-netwerk'), { uri: 'file:///ws/.kamerwijzer/glossary.json', range: { start: { line: 0, character: 25 }, end: { line: 0, character: 43 } } });
  });

  it('a workspace ambiguity replaces the bundled one; a workspace entry may take part in it', () => {
    const { glossary, problems } = buildGlossary(bundledGlossary, {
      uri: 'file:///ws/.kamerwijzer/glossary.json',
      text: JSON.stringify({
        entries: [{ id: 'npo-netwerk', name: 'Netwerk Publieke Organisaties', abbreviations: ['NPO'], kind: 'organisatie', description: { nl: 'Een netwerk.' } }],
        ambiguities: [{ abbreviation: 'NPO', entries: ['npo-netwerk', 'nationaal-programma-onderwijs', 'nederlandse-publieke-omroep', 'geen-entry'] }],
      }),
    });
    assert.deepEqual(problems, ['ambiguity NPO: no entry "geen-entry"; left out']);
    assert.deepEqual(glossary.ambiguity('NPO')!.entries, ['npo-netwerk', 'nationaal-programma-onderwijs', 'nederlandse-publieke-omroep']);
    assert.deepEqual(glossary.senses.candidatesOf('NPO'), ['npo-netwerk', 'nationaal-programma-onderwijs', 'nederlandse-publieke-omroep']);
  });

  it('the bundled glossary declares its ambiguities; entries alone have none', () => {
    assert.ok(Glossary.from(bundledGlossary).ambiguity('NPO'));
    assert.equal(new Glossary(bundledEntries).ambiguity('NPO'), undefined);
    assert.equal(buildGlossary(bundledEntries).glossary.senses.empty, true);
  });

  it('a broken workspace file leaves the bundled glossary in use', () => {
    const built = buildGlossary(bundledEntries, { uri: 'file:///ws/.kamerwijzer/glossary.json', text: '{ oops' });
    assert.ok(built.broken);
    assert.equal(built.glossary.entries.length, bundledEntries.length);
    assert.match(built.problems[0]!, /not valid JSON/);
  });

  it('GlossaryCatalog: per folder, unchanged text keeps the glossary, a deleted file falls back to the bundled one', () => {
    let loads = 0;
    const catalog = new GlossaryCatalog(
      () => {
        loads++;
        return bundledEntries as GlossaryEntry[];
      },
      (uri) => (uri.startsWith('file:///a/') ? 'a' : uri.startsWith('file:///b/') ? 'b' : undefined),
    );
    assert.equal(loads, 0, 'the bundled glossary is loaded lazily');
    const text = entry({ id: 'wbso', name: 'WBSO (eigen)' });
    assert.equal(catalog.setFolder('a', 'file:///a/.kamerwijzer/glossary.json', text).changed, true);
    const first = catalog.forDocument('file:///a/brief.txt');
    assert.equal(first.entry('wbso')!.name, 'WBSO (eigen)');
    assert.equal(catalog.forDocument('file:///b/brief.txt').entry('wbso')!.name, 'WBSO');
    assert.equal(catalog.forDocument('file:///elders/brief.txt'), catalog.bundled);
    assert.equal(catalog.setFolder('a', 'file:///a/.kamerwijzer/glossary.json', text).changed, false);
    assert.equal(catalog.forDocument('file:///a/brief.txt'), first);
    const gone = catalog.setFolder('a', 'file:///a/.kamerwijzer/glossary.json', undefined);
    assert.equal(gone.changed, true);
    assert.equal(catalog.forDocument('file:///a/brief.txt'), catalog.bundled);
    assert.deepEqual(catalog.workspaceFileFor('file:///a/brief.txt'), { uri: 'file:///a/.kamerwijzer/glossary.json', broken: false });
    const bad = catalog.setFolder('a', 'file:///a/.kamerwijzer/glossary.json', '{');
    assert.ok(bad.broken);
    assert.equal(catalog.workspaceFileFor('file:///a/brief.txt')!.broken, true);
    assert.equal(loads, 1);
  });
});

describe('glossary schema and package.json', () => {
  const schema = JSON.parse(fs.readFileSync(path.join(repoRoot, 'schemas', 'glossary.schema.json'), 'utf8'));
  const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));

  it('the schema allows a workspace entry that overrides only some fields', () => {
    assert.deepEqual(schema.definitions.entry.required, ['id']);
  });

  it('the schema and parseGlossary agree on kinds', () => {
    assert.deepEqual(schema.definitions.entry.properties.kind.enum, ['subsidieregeling', 'fonds', 'fiscale regeling', 'programma', 'wet', 'strategie', 'organisatie']);
  });

  it('the schema and parseGlossary agree on law and ambiguities', () => {
    const law = schema.definitions.entry.properties.law;
    assert.deepEqual(Object.keys(law.properties), ['bwbId', 'citationTitle', 'abbreviation', 'url']);
    assert.deepEqual(law.required, ['citationTitle']);
    assert.deepEqual(law.type, ['object', 'null']);
    assert.equal(law.properties.bwbId.pattern, BWB_ID.source);
    assert.deepEqual(law.dependencies, { url: ['bwbId'] });
    assert.ok(new RegExp(law.properties.url.pattern).test('https://wetten.overheid.nl/BWBR0018450'));
    assert.ok(!new RegExp(law.properties.url.pattern).test('https://example.org/BWBR0018450'));
    assert.deepEqual(Object.keys(schema.properties), ['$schema', '$comment', 'version', 'entries', 'ambiguities']);
    const ambiguity = schema.definitions.ambiguity;
    assert.deepEqual(Object.keys(ambiguity.properties), ['$comment', 'abbreviation', 'entries', 'note']);
    assert.deepEqual(ambiguity.required, ['abbreviation', 'entries']);
    assert.equal(ambiguity.properties.entries.minItems, 2);
    // Every field the schema allows on an entry is read without an "unknown property" problem.
    const fields = Object.keys(schema.definitions.entry.properties);
    const parsed = parseGlossary(JSON.stringify({ entries: [Object.fromEntries(fields.map((f) => [f, f === 'id' ? 'x' : null]))] }));
    assert.ok(!parsed.problems.some((p) => p.includes('unknown property')), parsed.problems.join('\n'));
  });

  it('package.json validates .kamerwijzer/glossary.json with the schema', () => {
    const v = (pkg.contributes.jsonValidation as { fileMatch: string; url: string }[]).find((x) => x.url === './schemas/glossary.schema.json');
    assert.ok(v, 'jsonValidation entry');
    assert.match(v.fileMatch, /\.kamerwijzer\/glossary\.json$/);
  });
});
