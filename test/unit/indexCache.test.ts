/**
 * The index kept between sessions (io/indexCache.ts): what is written is read back the same, only
 * for the same engine, folders and inputs; a cache file that is broken in any way costs analyses,
 * never a wrong entry or a failure.
 */
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { citationList, entryAnalysis, WorkspaceIndex } from '../../server/src/catalog/workspaceIndex';
import { LineIndex } from '../../server/src/engine/lineIndex';
import { IndexCache, packInts, unpackInts, type IndexCacheEntry } from '../../server/src/io/indexCache';
import { bytesHash, readHashedTextFileSync, readTextFileSync } from '../../server/src/io/textFiles';
import { seedsDir } from '../support/paths';

/** The entry a worker makes of a letter (readAndAnalyzeFile), without its hash. */
function entryOf(text: string): IndexCacheEntry {
  const lines = new LineIndex(text);
  const analysis = entryAnalysis(text, {}, lines);
  return { encoding: 'utf-8', length: text.length, lineStarts: lines.startsData(), metadata: analysis.metadata, citations: citationList(analysis.references) };
}

const seeds = fs
  .readdirSync(seedsDir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => ({ file: path.join('/ws', f), text: fs.readFileSync(path.join(seedsDir, f), 'utf8') }));

describe('index cache: packed numbers', () => {
  it('packInts and unpackInts give back any 32-bit numbers, with stride 1 and 4', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), { maxLength: 60 }), fc.constantFrom(1, 4), (values, stride) => {
        assert.deepEqual(unpackInts(packInts(values, stride), stride), Int32Array.from(values));
      }),
    );
  });

  it('line starts take a byte or two each (a line under 64 characters one), not four', () => {
    const starts = new LineIndex(seeds.map((s) => s.text).join('\n')).startsData();
    let expected = 0;
    for (let i = 0; i < starts.length; i++) {
      const length = starts[i]! - (i ? starts[i - 1]! : 0);
      expected += length < 64 ? 1 : length < 2 ** 13 ? 2 : 3;
    }
    assert.equal(Buffer.from(packInts(starts, 1), 'base64').length, expected);
    assert.ok(expected < starts.length * 2);
  });

  it('anything else is no list of numbers: not base64, a varint cut off, a number beyond 32 bits', () => {
    assert.equal(unpackInts('not base64!', 1), undefined);
    assert.equal(unpackInts(42, 1), undefined);
    assert.equal(unpackInts(Buffer.from([0x80]).toString('base64'), 1), undefined);
    assert.equal(unpackInts(Buffer.from([0xff, 0xff, 0xff, 0xff, 0x7f]).toString('base64'), 1), undefined);
    assert.deepEqual(unpackInts('', 1), new Int32Array(0));
  });
});

describe('index cache: reading what was written', () => {
  let root: string;
  const logged: string[] = [];
  const make = (options: Partial<ConstructorParameters<typeof IndexCache>[0]> = {}): IndexCache =>
    new IndexCache({ root: () => root, engine: 'engine-1', indexed: () => true, report: (p) => logged.push(p.kind), ...options });
  const fileOf = (cache: IndexCache): string => cache.fileOf(['/ws'])!;

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'kw-index-cache-'));
    logged.length = 0;
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  /** A cache with every seed letter remembered and written. */
  async function written(options: Partial<ConstructorParameters<typeof IndexCache>[0]> = {}): Promise<IndexCache> {
    const cache = make(options);
    await cache.load(['/ws']);
    for (const s of seeds) cache.remember(s.file, '{}', `hash-${path.basename(s.file)}`, entryOf(s.text));
    await cache.save();
    return cache;
  }

  it('a new session reads back each entry as the analysis made it, with its hash, for the same inputs only', async () => {
    await written();
    const next = make();
    await next.load(['/ws']);
    for (const s of seeds) {
      const found = next.lookup(s.file, '{}');
      assert.ok(found, s.file);
      assert.equal(found.hash, `hash-${path.basename(s.file)}`);
      const made = entryOf(s.text);
      assert.deepEqual(found.entry.lineStarts, made.lineStarts);
      assert.deepEqual(found.entry.citations.found, made.citations.found);
      assert.deepEqual(found.entry.citations.keys, made.citations.keys);
      assert.deepEqual(found.entry.citations.motions, made.citations.motions);
      assert.deepEqual(found.entry.metadata, JSON.parse(JSON.stringify(made.metadata)));
      assert.equal(found.entry.length, s.text.length);
      assert.equal(next.lookup(s.file, '{"documentDate":"2025-01-01"}'), undefined, 'other facts: analyzed again');
    }
    assert.equal(next.lookup('/ws/other.txt', '{}'), undefined);
    assert.deepEqual(logged, []);
  });

  it('another engine or other folders: nothing is used', async () => {
    await written();
    const other = make({ engine: 'engine-2' });
    await other.load(['/ws']);
    assert.equal(other.lookup(seeds[0]!.file, '{}'), undefined);
    assert.deepEqual(logged, ['otherVersion']);
    // Written over with this engine's entries (told once), and read by it next time.
    other.remember(seeds[0]!.file, '{}', 'h2', entryOf(seeds[0]!.text));
    await other.save();
    assert.deepEqual(logged, ['otherVersion']);
    const again = make({ engine: 'engine-2' });
    await again.load(['/ws']);
    assert.equal(again.lookup(seeds[0]!.file, '{}')?.hash, 'h2');
    assert.equal(again.lookup(seeds[1]!.file, '{}'), undefined);
    const folders = make();
    await folders.load(['/ws', '/elders']);
    assert.equal(folders.lookup(seeds[0]!.file, '{}'), undefined);
    assert.notEqual(folders.fileOf(['/ws', '/elders']), fileOf(folders));
  });

  it('only the files still in the index are written; entries made since are written beside those kept', async () => {
    const first = await written();
    const gone = seeds[1]!.file;
    const second = make({ indexed: (f) => f !== gone });
    await second.load(['/ws']);
    second.remember('/ws/nieuw.txt', '{}', 'hash-nieuw', entryOf('Zie Kamerstuk 29826, nr. 300.'));
    await second.save();
    const third = make();
    await third.load(['/ws']);
    assert.equal(third.lookup(gone, '{}'), undefined);
    assert.ok(third.lookup(seeds[0]!.file, '{}'));
    assert.deepEqual(third.lookup('/ws/nieuw.txt', '{}')?.entry.citations.keys, ['29826-300']);
    void first;
  });

  it('an entry made in this session answers before it is written (a scan cancelled by a newer one)', async () => {
    const cache = make();
    await cache.load(['/ws']);
    cache.remember(seeds[0]!.file, '{}', 'h', entryOf(seeds[0]!.text));
    await cache.load(['/ws']);
    assert.equal(cache.lookup(seeds[0]!.file, '{}')?.hash, 'h');
    cache.forget(seeds[0]!.file);
    assert.equal(cache.lookup(seeds[0]!.file, '{}'), undefined);
  });

  it('files beyond the most bytes are left out and told; those written are read back', async () => {
    await written();
    const max = Math.floor(fs.statSync(fileOf(make())).size / 2);
    fs.rmSync(fileOf(make()));
    await written({ maxBytes: max });
    assert.deepEqual(logged, ['full']);
    const next = make({ maxBytes: max });
    await next.load(['/ws']);
    const kept = seeds.filter((s) => next.lookup(s.file, '{}'));
    assert.ok(kept.length > 0 && kept.length < seeds.length, `${kept.length} of ${seeds.length}`);
    assert.ok(fs.statSync(fileOf(next)).size <= max);
    for (const s of kept) assert.deepEqual(next.lookup(s.file, '{}')!.entry.citations.keys, entryOf(s.text).citations.keys);
  });

  it('a file larger than the most bytes is not read (no cache writes one)', async () => {
    await written();
    const small = make({ maxBytes: 1000 });
    await small.load(['/ws']);
    assert.equal(small.lookup(seeds[0]!.file, '{}'), undefined);
    assert.deepEqual(logged, ['unreadable']);
  });

  it('an entry made in this session answers only for the inputs it was made with (facts changed by a manifest)', async () => {
    const cache = make();
    await cache.load(['/ws']);
    cache.remember(seeds[0]!.file, '{"known":{"title":"A"}}', 'h', entryOf(seeds[0]!.text));
    assert.equal(cache.lookup(seeds[0]!.file, '{}'), undefined);
    assert.equal(cache.lookup(seeds[0]!.file, '{"known":{"title":"A"}}')?.hash, 'h');
  });

  it('nothing made or dropped since the last write: nothing is written', async () => {
    await written();
    fs.appendFileSync(fileOf(make()), 'a line without a tab, which a write would leave out\n');
    const cache = make();
    await cache.load(['/ws']);
    await cache.save();
    assert.match(fs.readFileSync(fileOf(cache), 'utf8'), /without a tab/);
    cache.forget('/ws/never-kept.txt');
    await cache.save();
    assert.match(fs.readFileSync(fileOf(cache), 'utf8'), /without a tab/, 'a file never kept (a binary one) changes nothing');
    await cache.load(['/ws']);
    cache.forget(seeds[0]!.file);
    await cache.save();
    assert.doesNotMatch(fs.readFileSync(fileOf(cache), 'utf8'), /without a tab/);
  });

  it('entries made while the file is written (a new file, a newer entry of a file written) are written next time', async () => {
    const cache = make();
    await cache.load(['/ws']);
    cache.remember(seeds[0]!.file, '{}', 'h0', entryOf(seeds[0]!.text));
    const rename = fs.promises.rename;
    fs.promises.rename = async (from, to) => {
      fs.promises.rename = rename;
      cache.remember(seeds[1]!.file, '{}', 'h1', entryOf(seeds[1]!.text));
      cache.remember(seeds[0]!.file, '{}', 'h0b', entryOf(seeds[0]!.text));
      return rename(from, to);
    };
    try {
      await cache.save();
    } finally {
      fs.promises.rename = rename;
    }
    const between = make();
    await between.load(['/ws']);
    assert.deepEqual([between.lookup(seeds[0]!.file, '{}')?.hash, between.lookup(seeds[1]!.file, '{}')?.hash], ['h0', undefined]);
    await cache.save();
    const after = make();
    await after.load(['/ws']);
    assert.deepEqual([after.lookup(seeds[0]!.file, '{}')?.hash, after.lookup(seeds[1]!.file, '{}')?.hash], ['h0b', 'h1']);
  });

  it('the temporary files of writes cut off long ago are removed', async () => {
    await written();
    const dir = path.dirname(fileOf(make()));
    const old = path.join(dir, 'x.ndjson.123.abcd.tmp');
    const recent = path.join(dir, 'x.ndjson.124.abcd.tmp');
    fs.writeFileSync(old, 'half');
    fs.writeFileSync(recent, 'half');
    const twoHoursAgo = new Date(Date.now() - 2 * 3600 * 1000);
    fs.utimesSync(old, twoHoursAgo, twoHoursAgo);
    await make().load(['/ws']);
    assert.deepEqual([fs.existsSync(old), fs.existsSync(recent)], [false, true]);
  });

  it('a report that throws stops nothing', async () => {
    await written();
    const cache = make({ engine: 'engine-3', report: () => { throw new Error('no log'); } });
    await cache.load(['/ws']);
    cache.remember(seeds[0]!.file, '{}', 'h', entryOf(seeds[0]!.text));
    await cache.save();
    const again = make({ engine: 'engine-3' });
    await again.load(['/ws']);
    assert.equal(again.lookup(seeds[0]!.file, '{}')?.hash, 'h');
  });
});

describe('index cache: a broken cache file costs analyses, nothing else', () => {
  let root: string;
  const logged: string[] = [];
  const make = (): IndexCache => new IndexCache({ root: () => root, engine: 'engine-1', indexed: () => true, report: (p) => logged.push(p.kind) });

  beforeEach(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'kw-index-cache-'));
    logged.length = 0;
    const cache = make();
    await cache.load(['/ws']);
    for (const s of seeds) cache.remember(s.file, '{}', 'h', entryOf(s.text));
    await cache.save();
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  const file = (): string => make().fileOf(['/ws'])!;
  const lines = (): string[] => fs.readFileSync(file(), 'utf8').split('\n');
  const entryJson = (line: string): Record<string, unknown> => JSON.parse(line.slice(line.indexOf('\t') + 1)) as Record<string, unknown>;
  const withLine = (i: number, change: (entry: Record<string, unknown>) => void): void => {
    const all = lines();
    const line = all[i]!;
    const entry = entryJson(line);
    change(entry);
    all[i] = `${line.slice(0, line.indexOf('\t'))}\t${JSON.stringify(entry)}`;
    fs.writeFileSync(file(), all.join('\n'));
  };
  const fileOfLine = (i: number): string => (JSON.parse(lines()[i]!.slice(0, lines()[i]!.indexOf('\t'))) as string[])[0]!;
  const readable = async (): Promise<string[]> => {
    const cache = make();
    await cache.load(['/ws']);
    return seeds.filter((s) => cache.lookup(s.file, '{}')).map((s) => s.file);
  };

  it('garbage, an empty file, a file cut off in a line', async () => {
    const all = lines();
    const second = fileOfLine(1);
    fs.writeFileSync(file(), Buffer.from([0, 1, 2, 255, 10, 9, 10]));
    assert.deepEqual(await readable(), []);
    fs.writeFileSync(file(), '');
    assert.deepEqual(await readable(), []);
    // The header, the first file's line and half the second's.
    fs.writeFileSync(file(), all.join('\n').slice(0, all[0]!.length + 1 + all[1]!.length + 1 + Math.floor(all[2]!.length / 2)));
    assert.deepEqual(await readable(), [second]);
  });

  const damages: [string, (e: Record<string, unknown>) => void][] = [
    ['line starts not base64', (e) => (e['lineStarts'] = '***')],
    ['line starts that go back', (e) => (e['lineStarts'] = packInts([0, 50, 40], 1))],
    ['line starts beyond the text', (e) => (e['lineStarts'] = packInts([0, 10 ** 7], 1))],
    ['a citation of a key not listed', (e) => ((e['citations'] as Record<string, unknown>)['found'] = packInts([99, 0, 0, 1], 4))],
    ['a citation of an unknown kind', (e) => ((e['citations'] as Record<string, unknown>)['found'] = packInts([0, 9, 0, 1], 4))],
    ['a citation beyond the text', (e) => ((e['citations'] as Record<string, unknown>)['found'] = packInts([0, 0, 10 ** 7, 1], 4))],
    ['a motion of no citation', (e) => ((e['citations'] as Record<string, unknown>)['motions'] = [[10 ** 6, [], false]])],
    ['a title that is no string', (e) => (e['metadata'] = { title: { toString: 1 } })],
    ['a span that is no span', (e) => (e['metadata'] = { identitySpan: { offset: -1, length: 2 } })],
    ['a metadata source that is none', (e) => (e['metadata'] = { title: 'x', titleSource: 'elsewhere' })],
    ['replaced bytes that are no count', (e) => (e['invalid'] = { count: 'x', offset: 1, line: 1, column: 1 })],
    ['keys that are no strings', (e) => ((e['citations'] as Record<string, unknown>)['keys'] = [1])],
    ['no length', (e) => delete e['length']],
    ['an array for an entry', (e) => Object.keys(e).forEach((k) => delete e[k])],
  ];
  for (const [what, damage] of damages) {
    it(`a line with ${what}: that file only is analyzed again`, async () => {
      const damaged = fileOfLine(2);
      withLine(2, damage);
      const left = await readable();
      assert.equal(left.length, seeds.length - 1);
      assert.ok(!left.includes(damaged));
    });
  }

  it('what metadata does not have is not taken over (however deep): the entry is made of the fields it has', async () => {
    // Nested deeper than JSON.stringify can write back (the index copies metadata through JSON).
    const deep = `${'{"deeper":'.repeat(5000)}{}${'}'.repeat(5000)}`;
    const damaged = fileOfLine(2);
    withLine(2, (e) => {
      e['metadata'] = { ...(e['metadata'] as Record<string, unknown>), extra: 'DEEP', kamerstuk: { dossier: '29826', nr: '1', more: 'DEEP' }, identitySpans: [{ offset: 1, length: 2, more: 'DEEP' }] };
      e['invalid'] = { count: 1, offset: 2, line: 3, column: 4, more: 'DEEP' };
    });
    fs.writeFileSync(file(), fs.readFileSync(file(), 'utf8').replaceAll('"DEEP"', deep));
    const cache = make();
    await cache.load(['/ws']);
    const entry = cache.lookup(damaged, '{}')!.entry;
    assert.equal((entry.metadata as unknown as Record<string, unknown>)['extra'], undefined);
    assert.deepEqual([entry.metadata.kamerstuk, entry.metadata.identitySpans, entry.invalid], [{ dossier: '29826', nr: '1' }, [{ offset: 1, length: 2 }], { count: 1, offset: 2, line: 3, column: 4 }]);
    const index = new WorkspaceIndex();
    const indexed = index.updateEntry('file:///ws/x.txt', -1, entry);
    assert.equal(indexed.metadata.kamerstuk?.nr, '1');
    assert.deepEqual(index.documentsIdentifiedAs('29826-1').length, 1);
  });

  it('lines without a tab are passed over; the lines after them are read', async () => {
    const all = lines();
    fs.writeFileSync(file(), [all[0], ...Array.from({ length: 2000 }, () => 'x'.repeat(100)), ...all.slice(1)].join('\n'));
    assert.equal((await readable()).length, seeds.length);
  });

  it('a cache file that cannot be read or written: told, and every file is analyzed', async () => {
    fs.rmSync(file());
    fs.mkdirSync(file());
    const cache = make();
    await cache.load(['/ws']);
    assert.equal(cache.lookup(seeds[0]!.file, '{}'), undefined);
    cache.remember(seeds[0]!.file, '{}', 'h', entryOf(seeds[0]!.text));
    await cache.save();
    assert.deepEqual(logged, ['unreadable', 'unwritable'], 'told once when loaded, once when written');
  });

  it('an engine that cannot be told (asked once, at the first use): nothing is kept, read or written', async () => {
    let asked = 0;
    const cache = new IndexCache({ root: () => root, engine: () => void asked++, indexed: () => true });
    assert.equal(asked, 0);
    await cache.load(['/ws']);
    cache.remember('/ws/a.txt', '{}', 'h', entryOf('tekst'));
    assert.equal(cache.lookup('/ws/a.txt', '{}'), undefined);
    await cache.save();
    assert.equal(cache.fileOf(['/ws']), undefined);
    assert.equal(asked, 1);
  });

  it('no cache folder: nothing is read or written', async () => {
    const cache = new IndexCache({ root: () => undefined, engine: 'engine-1', indexed: () => true });
    await cache.load(['/ws']);
    cache.remember('/ws/a.txt', '{}', 'h', entryOf('tekst'));
    await cache.save();
    assert.equal(cache.fileOf(['/ws']), undefined);
  });
});

describe('reading a file with the hash of its bytes', () => {
  it('decodes as readTextFileSync does and tells the hash; bytes that hash as expected are not decoded', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kw-hashed-'));
    try {
      const f = path.join(dir, 'brief.txt');
      fs.writeFileSync(f, 'Zie Kamerstuk 29826, nr. 147 – vóór 1 juli.');
      const read = readHashedTextFileSync(f, 1024);
      assert.ok('ok' in read && read.ok);
      const { hash, ...decoded } = read;
      assert.deepEqual(decoded, readTextFileSync(f, 1024));
      assert.equal(hash, bytesHash(fs.readFileSync(f)));
      assert.deepEqual(readHashedTextFileSync(f, 1024, hash), { unchanged: hash });
      fs.writeFileSync(f, 'Zie Kamerstuk 29826, nr. 148 – vóór 1 juli.');
      const changed = readHashedTextFileSync(f, 1024, hash);
      assert.ok('ok' in changed && changed.ok && changed.hash !== hash);
      assert.deepEqual(readHashedTextFileSync(f, 10, hash), { ok: false, reason: 'tooLarge', detail: `${fs.statSync(f).size} bytes > 10` });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
