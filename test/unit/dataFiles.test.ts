/**
 * The bundled data files are written in ASCII (`asciiJson`: every other character as its \u escape)
 * and read as one byte per character when they are (`readDataFile`), else as UTF-8: the same values
 * either way, also for characters beyond the BMP and for a file written by hand in UTF-8.
 */
import * as assert from 'node:assert/strict';
import { isAscii } from 'node:buffer';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { asciiJson, readDataFile } from '../../server/src/io/dataFiles';

describe('the bundled data files', () => {
  const value = { title: 'Motie van het lid Kostić c.s. over ‘de zorg’ — € 1,5 mld. 🇳🇱', quote: '"\\\n', list: ['é', 'ß', '\u2028', 'İ'] };
  let dir: string;
  before(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kw-data-'))));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('are written in ASCII and read back as the same values', () => {
    const file = path.join(dir, 'ascii.json');
    fs.writeFileSync(file, asciiJson(value));
    assert.ok(isAscii(fs.readFileSync(file)));
    assert.deepEqual(JSON.parse(readDataFile(file)), value);
  });

  it('are read as UTF-8 when they hold other bytes', () => {
    const file = path.join(dir, 'utf8.json');
    fs.writeFileSync(file, JSON.stringify(value), 'utf8');
    assert.equal(isAscii(fs.readFileSync(file)), false);
    assert.deepEqual(JSON.parse(readDataFile(file)), value);
  });
});
