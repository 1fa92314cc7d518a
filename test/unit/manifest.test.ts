import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseManifest } from '../../server/src/engine/manifest';
import type { KnownDocumentFacts } from '../../server/src/engine/model';
import { seedsDir } from '../support/paths';

interface Case {
  readonly name: string;
  readonly text: string;
  /** Expected entries by file name. */
  readonly documents: Readonly<Record<string, KnownDocumentFacts>>;
  /** Each expected problem is a substring of one reported problem, in order. */
  readonly problems: readonly string[];
}

const json = (value: unknown): string => JSON.stringify(value);

const CASES: readonly Case[] = [
  {
    name: 'a complete entry',
    text: json({ documents: { 'brief.txt': { kamerstuk: '29826-147', date: '2022-07-08', title: 'Industriebeleid', documentNumber: '2022D30651' } } }),
    documents: { 'brief.txt': { kamerstuk: '29826-147', date: '2022-07-08', title: 'Industriebeleid', documentNumber: '2022D30651' } },
    problems: [],
  },
  {
    name: 'kamerstuk ids are normalized to dossier-nr (no kst- prefix, suffix in capitals)',
    text: json({ documents: { 'a.txt': { kamerstuk: 'kst-36600-xiii-65' }, 'b.txt': { kamerstuk: ' 21501-30-470 ' } } }),
    documents: { 'a.txt': { kamerstuk: '36600-XIII-65' }, 'b.txt': { kamerstuk: '21501-30-470' } },
    problems: [],
  },
  {
    name: 'note and $comment are allowed, the $schema key too',
    text: json({ $schema: '../schemas/kamerwijzer.schema.json', $comment: 'x', documents: { 'a.txt': { note: 'n', $comment: 'c', date: '2020-10-30' } } }),
    documents: { 'a.txt': { date: '2020-10-30' } },
    problems: [],
  },
  {
    name: 'bad values are reported and left out; the valid fields of the entry stay',
    text: json({ documents: { 'a.txt': { kamerstuk: '29826', date: '2022-02-30', title: '  ', documentNumber: '2025Z19083', datum: 'x' }, 'b.txt': { date: '2022-07-08' } } }),
    documents: { 'a.txt': {}, 'b.txt': { date: '2022-07-08' } },
    problems: ['a.txt: "kamerstuk"', 'a.txt: "date"', 'a.txt: "title"', 'a.txt: "documentNumber"', 'a.txt: unknown field "datum"'],
  },
  {
    name: 'values of the wrong type',
    text: json({ documents: { 'a.txt': { kamerstuk: 29826147, date: 20221108, title: ['t'], documentNumber: null } } }),
    documents: { 'a.txt': {} },
    problems: ['"kamerstuk"', '"date"', '"title"', '"documentNumber"'],
  },
  {
    name: 'titles are trimmed',
    text: json({ documents: { 'a.txt': { title: '  Industriebeleid met focus \n' } } }),
    documents: { 'a.txt': { title: 'Industriebeleid met focus' } },
    problems: [],
  },
  {
    name: 'file names: ./ and backslashes are normalized',
    text: json({ documents: { './brieven\\a.txt': { date: '2020-10-30' } } }),
    documents: { 'brieven/a.txt': { date: '2020-10-30' } },
    problems: [],
  },
  {
    name: 'two keys naming the same file: the first counts, the second is reported',
    text: json({ documents: { 'a.txt': { date: '2020-10-30' }, './a.txt': { date: '2021-01-01' } } }),
    documents: { 'a.txt': { date: '2020-10-30' } },
    problems: ['./a.txt: names the same file as "a.txt"'],
  },
  {
    name: 'a byte order mark (Windows editors write one) is no reason to reject the file',
    text: '\uFEFF' + json({ documents: { 'a.txt': { date: '2020-10-30' } } }),
    documents: { 'a.txt': { date: '2020-10-30' } },
    problems: [],
  },
  {
    name: 'an entry that is not an object',
    text: json({ documents: { 'a.txt': '29826-147', 'b.txt': null, 'c.txt': [] } }),
    documents: {},
    problems: ['a.txt: entry must be an object', 'b.txt: entry must be an object', 'c.txt: entry must be an object'],
  },
  { name: 'invalid JSON', text: '{ "documents": { ', documents: {}, problems: ['invalid JSON'] },
  { name: 'an empty file', text: '', documents: {}, problems: ['invalid JSON'] },
  { name: 'not an object', text: '[1, 2]', documents: {}, problems: ['must be a JSON object'] },
  { name: 'no documents', text: '{}', documents: {}, problems: ['no "documents" object'] },
  { name: 'documents is a list', text: json({ documents: [] }), documents: {}, problems: ['"documents" must be an object'] },
  {
    name: 'unknown top-level fields are reported (the schema allows none)',
    text: json({ documents: {}, document: {} }),
    documents: {},
    problems: ['unknown field "document"'],
  },
  {
    name: 'a file named like an Object prototype key is an ordinary entry',
    text: '{"documents": {"__proto__": {"date": "2020-10-30"}, "constructor": {"title": "t"}}}',
    documents: { ['__proto__']: { date: '2020-10-30' }, constructor: { title: 't' } },
    problems: [],
  },
];

describe('parseManifest', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const manifest = parseManifest(c.text);
      const got: Record<string, KnownDocumentFacts> = Object.create(null) as Record<string, KnownDocumentFacts>;
      for (const [file, facts] of manifest.documents) got[file] = facts;
      const want: Record<string, KnownDocumentFacts> = Object.create(null) as Record<string, KnownDocumentFacts>;
      for (const file of Object.getOwnPropertyNames(c.documents)) want[file] = c.documents[file]!;
      assert.deepEqual(got, want);
      assert.equal(manifest.problems.length, c.problems.length, `problems: ${manifest.problems.join(' | ')}`);
      c.problems.forEach((p, i) => assert.ok(manifest.problems[i]!.includes(p), `problem ${i}: ${manifest.problems[i]} lacks ${p}`));
    });
  }

  it('never throws, whatever the text', () => {
    const texts = ['null', 'true', '"x"', '{"documents": null}', '{"documents": {"a": {"kamerstuk": {}}}}', '\uFEFF', '{'.repeat(10_000)];
    for (const t of texts) assert.doesNotThrow(() => parseManifest(t), t.slice(0, 20));
  });

  it("reads the seeds' manifest without problems", () => {
    const manifest = parseManifest(fs.readFileSync(path.join(seedsDir, 'kamerwijzer.json'), 'utf8'));
    assert.deepEqual(manifest.problems, []);
    assert.equal(manifest.documents.size, 5);
    assert.deepEqual(manifest.documents.get('000_314d4768fc43998e.txt'), {
      kamerstuk: '29826-124',
      date: '2020-10-30',
      title: 'Visie op de toekomst van de industrie in Nederland',
    });
    assert.equal(manifest.documents.get('002_185b39cd919789ed.txt')?.documentNumber, '2025D44449');
    assert.equal(manifest.documents.get('003_5ba8678b3eddeb36.txt')?.kamerstuk, undefined);
  });
});
