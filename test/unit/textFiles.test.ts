/**
 * Reading documents, manifests and glossaries from disk: what is decoded how, what is refused, and
 * that nothing is read without bound.
 */
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { GlossaryFolders } from '../../server/src/io/glossary';
import { ManifestLookup, summarizeProblems, type ManifestReport } from '../../server/src/io/manifests';
import { decodeText, looksBinaryText, readSmallFileSync, readTextFile as readTextFileAsync, readTextFileSync, type TextFileResult } from '../../server/src/io/textFiles';

const utf8 = (s: string): Buffer => Buffer.from(s, 'utf8');

describe('decoding text files', () => {
  it('valid UTF-8, with or without a byte order mark', () => {
    assert.deepEqual(decodeText(utf8('€ 5 miljoen – vóór 1 juli')), { ok: true, text: '€ 5 miljoen – vóór 1 juli', encoding: 'utf-8' });
    assert.deepEqual(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8('€ 5')])), { ok: true, text: '€ 5', encoding: 'utf-8' });
  });

  it('an invalid byte becomes U+FFFD in place; the rest stays intact and the first place is told', () => {
    const bytes = Buffer.concat([utf8('regel één\n€ 5 miljoen, '), Buffer.from([0xe9]), utf8(' en € 7 miljoen'), Buffer.from([0xc3]), utf8('\n')]);
    const r = decodeText(bytes);
    assert.ok(r.ok);
    assert.equal(r.text, 'regel één\n€ 5 miljoen, \ufffd en € 7 miljoen\ufffd\n');
    assert.equal(r.encoding, 'utf-8');
    assert.deepEqual(r.invalid, { count: 2, offset: bytes.indexOf(0xe9), line: 2, column: '€ 5 miljoen, '.length + 1 });
  });

  it('valid UTF-8 is what the WHATWG decoder accepts, no more and no less (surrogates, overlong forms, beyond U+10FFFF)', () => {
    const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    const accepts = (bytes: Uint8Array): boolean => {
      try {
        strict.decode(bytes);
        return true;
      } catch {
        return false;
      }
    };
    const byte = fc.oneof(fc.constantFrom(0x41, 0x20, 0x0a, 0x7f, 0x80, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xed, 0xef, 0xa0, 0x9f, 0xf0, 0xf4, 0xf5, 0x90, 0x8f, 0xff), fc.integer({ min: 0x20, max: 0xff }));
    fc.assert(
      fc.property(fc.array(byte, { maxLength: 24 }), fc.string({ unit: 'grapheme', maxLength: 8 }), (bytes, prefix) => {
        const all = Buffer.concat([utf8(`x${prefix}`), Buffer.from(bytes)]);
        const r = decodeText(all);
        if (!r.ok) return;
        assert.equal(r.encoding === 'utf-8' && !r.invalid, accepts(all), JSON.stringify([...all]));
        if (accepts(all)) assert.equal(r.text, strict.decode(all));
      }),
      { numRuns: 2000 },
    );
  });

  it('a file without any UTF-8 multi-byte sequence is an old 8-bit file: Windows-1252', () => {
    const r = decodeText(Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x93, 0x63, 0x94, 0x20, 0x96, 0x20, 0x80, 0x20, 0x35]));
    assert.deepEqual(r, { ok: true, text: 'Café “c” – € 5', encoding: 'windows-1252' });
  });

  it('UTF-16 LE and BE with a byte order mark', () => {
    const text = 'Zie Kamerstuk 29826, nr. 150 — € 5 miljoen.\n';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(le).swap16();
    assert.deepEqual(decodeText(le), { ok: true, text, encoding: 'utf-16le' });
    assert.deepEqual(decodeText(be), { ok: true, text, encoding: 'utf-16be' });
    // An odd last byte: one replacement character at the end.
    const odd = decodeText(Buffer.concat([le, Buffer.from([0x41])]));
    assert.ok(odd.ok && odd.text === `${text}\ufffd` && odd.invalid?.count === 1 && odd.invalid.line === 2);
  });

  it('UTF-16 LE and BE without a byte order mark (told by where the NUL bytes stand)', () => {
    const text = 'De minister heeft op 17 oktober 2025 de Kamer geïnformeerd (Kamerstuk 29 826, nr. 277) over de ‘visie’ – € 5 miljoen.\n';
    const le = Buffer.from(text.repeat(3), 'utf16le');
    const be = Buffer.from(le).swap16();
    assert.deepEqual(decodeText(le), { ok: true, text: text.repeat(3), encoding: 'utf-16le' });
    assert.deepEqual(decodeText(be), { ok: true, text: text.repeat(3), encoding: 'utf-16be' });
    // Cut off after a byte: the text, and one replacement character at the end, at its byte offset.
    const odd = decodeText(le.subarray(0, le.length - 1));
    assert.ok(odd.ok && odd.encoding === 'utf-16le' && odd.invalid?.count === 1 && odd.invalid.offset === le.length - 2, JSON.stringify(odd));
    // A binary file of 16-bit numbers looks the same and decodes to control characters: refused.
    const numbers = Buffer.from(Uint16Array.from({ length: 200 }, (_, i) => (i % 19) + 1).buffer);
    assert.equal(decodeText(numbers).ok, false);
    // ASCII with a few NUL bytes is no UTF-16.
    assert.equal(decodeText(Buffer.concat([Buffer.from('Kamerstuk 29 826, nr. 277\n'.repeat(20)), Buffer.alloc(8)])).ok, false);
  });

  it('binaries are refused: NUL bytes, control characters, PDF, ZIP, OLE, images', () => {
    for (const bytes of [
      Buffer.alloc(100),
      Buffer.from('abc\u0001\u0002\u0003\u0004\u0005\u0006\u0007'),
      utf8('%PDF-1.7\n1 0 obj\n'),
      Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]),
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]),
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.alloc(64)]),
    ]) {
      const r = decodeText(bytes);
      assert.equal(r.ok ? 'text' : r.reason, 'binary', bytes.subarray(0, 8).toString('hex'));
    }
  });

  it('text an editor decoded from a binary file is recognized too', () => {
    assert.ok(looksBinaryText('PK\u0003\u0004word/document.xml'));
    assert.ok(looksBinaryText('%PDF-1.4\n'));
    assert.ok(looksBinaryText('abc\u0000def'));
    assert.ok(looksBinaryText('\ufffd\ufffd\ufffdab\ufffd\ufffd'));
    assert.ok(!looksBinaryText('Zie Kamerstuk 29826, nr. 150 — € 5 miljoen.\n\tMet een tab.'));
  });
});

describe('reading files: regular files only, never without bound', () => {
  /** Read both ways (a worker thread reads synchronously): the answers are the same. */
  const readTextFile = async (file: string, maxBytes?: number): Promise<TextFileResult> => {
    const read = await readTextFileAsync(file, maxBytes);
    assert.deepEqual(readTextFileSync(file, maxBytes), read, file);
    return read;
  };
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kw-read-'));
  });

  it('a file over the limit is refused', async () => {
    const f = path.join(dir, 'groot.txt');
    fs.writeFileSync(f, 'a'.repeat(2000));
    assert.deepEqual(await readTextFile(f, 1999), { ok: false, reason: 'tooLarge', detail: '2000 bytes > 1999' });
    assert.equal((await readTextFile(f, 2000)).ok, true);
    assert.deepEqual(readSmallFileSync(f, 1999), { problem: 'tooLarge', detail: '2000 bytes > 1999' });
  });

  it('reads files of every size whole: empty, one chunk, exactly a chunk, several chunks', async () => {
    for (const size of [0, 1, 1024 * 1024 - 1, 1024 * 1024, 1024 * 1024 + 1, 2.5 * 1024 * 1024]) {
      const f = path.join(dir, `maat-${size}.txt`);
      const text = 'Kamerstuk 29 826, nr. 147. '.repeat(Math.ceil(size / 27)).slice(0, size);
      fs.writeFileSync(f, text);
      const read = await readTextFile(f);
      assert.ok(read.ok, String(size));
      assert.equal(read.text, text, String(size));
    }
  });

  it('a file that holds more than its size says (Linux /proc) is read whole, still within the limit', async function () {
    if (process.platform !== 'linux') this.skip();
    const file = '/proc/self/mountinfo';
    assert.equal(fs.statSync(file).size, 0);
    const read = await readTextFile(file);
    assert.ok(read.ok && read.text.length > 0 && read.text.includes('\n'), 'read past the size the file gives');
    const expected = fs.readFileSync(file, 'utf8');
    assert.equal(read.text.split('\n')[0], expected.split('\n')[0]);
    assert.deepEqual(await readTextFileAsync(file, 10), { ok: false, reason: 'tooLarge', detail: '> 10 bytes' });
    assert.deepEqual(readTextFileSync(file, 10), { ok: false, reason: 'tooLarge', detail: '> 10 bytes' });
  });

  it('devices and FIFOs are not read', async function () {
    if (process.platform === 'win32') this.skip();
    assert.deepEqual(await readTextFile('/dev/zero'), { ok: false, reason: 'notRegular', detail: 'character device' });
    assert.deepEqual(readSmallFileSync('/dev/zero'), { problem: 'notRegular', detail: 'character device' });
    const fifo = path.join(dir, 'pijp.json');
    assert.equal(spawnSync('mkfifo', [fifo]).status, 0);
    // Nobody writes to the FIFO: reading it would wait forever.
    assert.deepEqual(await readTextFile(fifo), { ok: false, reason: 'notRegular', detail: 'FIFO' });
    assert.deepEqual(readSmallFileSync(fifo), { problem: 'notRegular', detail: 'FIFO' });
  });

  it('missing files and folders', async () => {
    assert.deepEqual(await readTextFile(path.join(dir, 'weg.txt')), { ok: false, reason: 'missing', detail: 'ENOENT' });
    assert.deepEqual(readSmallFileSync(path.join(dir, 'weg.txt')), { problem: 'missing', detail: 'ENOENT' });
    assert.deepEqual(await readTextFile(dir), { ok: false, reason: 'directory', detail: dir });
  });
});

describe('manifests and glossaries on disk', () => {
  it('a manifest is reported once, as a whole, and says whether its valid fields are used', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kw-manifest-'));
    fs.writeFileSync(path.join(dir, 'kamerwijzer.json'), JSON.stringify({ documents: { 'a.txt': { date: 'nee', title: 'Titel' }, 'b.txt': { date: 'nee' }, 'c.txt': 1 } }));
    const reports: ManifestReport[] = [];
    const lookup = new ManifestLookup((r) => reports.push(r));
    assert.deepEqual(lookup.factsFor(path.join(dir, 'a.txt')), { title: 'Titel' });
    lookup.factsFor(path.join(dir, 'b.txt'));
    assert.equal(reports.length, 1);
    assert.equal(reports[0]!.usable, true);
    assert.equal(reports[0]!.problems.length, 3);
    assert.deepEqual(summarizeProblems(['a', 'b', 'c', 'd', 'e']), { first: 'a; b; c', more: 2 });

    fs.writeFileSync(path.join(dir, 'kamerwijzer.json'), '{ "documents": ');
    lookup.invalidate(path.join(dir, 'kamerwijzer.json'));
    lookup.factsFor(path.join(dir, 'a.txt'));
    assert.equal(reports[1]!.usable, false);
  });

  it('the glossary that applies is the nearest one above, not above the top', () => {
    const has = new Set(['/w', '/w/a']);
    const asked: string[] = [];
    const folders = new GlossaryFolders((d) => (asked.push(d), has.has(d)));
    assert.equal(folders.nearest('/w/a/b/c'), '/w/a');
    assert.equal(folders.nearest('/w/x'), '/w');
    assert.equal(folders.nearest('/w/a/b/c', '/w/a/b'), undefined);
    assert.equal(folders.nearest('/v', '/v'), undefined);
    const before = asked.length;
    assert.equal(folders.nearest('/w/a/b/c'), '/w/a');
    assert.equal(asked.length, before, 'answers are cached');
    folders.set('/w/a/b', true);
    assert.equal(folders.nearest('/w/a/b/c'), '/w/a/b');
  });
});
