/**
 * The installable package: runs the `vsce package` command of `npm run package` (writing into a temp dir
 * instead of kamerwijzer.vsix) and reads the .vsix (a zip) with a small zip directory reader: only the bundled
 * code and the extension's declarative parts, an icon, README, CHANGELOG, license, a manifest with repository,
 * categories and keywords, and well under 2 MB. Needs dist/ (npm test builds it first).
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { repoRoot } from '../support/paths';

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
}

/** The entries of a zip file's central directory (no zip64, no multi-disk: a .vsix is neither). */
function zipEntries(zip: Buffer): ZipEntry[] {
  // The end-of-central-directory record: 22 bytes plus a comment of at most 64 KiB, at the very end.
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  assert.ok(eocd >= 0, 'end of central directory record');
  const count = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  const entries: ZipEntry[] = [];
  for (let k = 0; k < count; k++) {
    assert.equal(zip.readUInt32LE(p), 0x02014b50, `central directory entry ${k}`);
    const nameLength = zip.readUInt16LE(p + 28);
    entries.push({
      method: zip.readUInt16LE(p + 10),
      compressedSize: zip.readUInt32LE(p + 20),
      size: zip.readUInt32LE(p + 24),
      localHeaderOffset: zip.readUInt32LE(p + 42),
      name: zip.toString('utf8', p + 46, p + 46 + nameLength),
    });
    p += 46 + nameLength + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
  }
  return entries;
}

/** One entry's content (stored or deflated). */
function zipRead(zip: Buffer, e: ZipEntry): Buffer {
  const h = e.localHeaderOffset;
  assert.equal(zip.readUInt32LE(h), 0x04034b50, `local header of ${e.name}`);
  const start = h + 30 + zip.readUInt16LE(h + 26) + zip.readUInt16LE(h + 28);
  const raw = zip.subarray(start, start + e.compressedSize);
  if (e.method === 0) return raw;
  assert.equal(e.method, 8, `${e.name}: compression method ${e.method}`);
  return zlib.inflateRawSync(raw);
}

describe('the .vsix package (npm run package)', function () {
  this.timeout(180_000);
  const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  let tmp: string;
  let zip: Buffer;
  let entries: ZipEntry[];
  let names: string[];

  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kw-vsix-test-'));
    const vsix = path.join(tmp, 'kamerwijzer.vsix');
    // The `vsce …` part of the package script, with --out pointed at the temp dir.
    const m = /\bvsce (package\b[^&|;]*)/.exec(pkg.scripts['package'] ?? '');
    assert.ok(m, 'npm run package runs vsce package');
    const args = m[1]!.trim().split(/\s+/);
    const out = args.indexOf('--out');
    assert.ok(out >= 0, 'the package script names its --out file');
    args[out + 1] = vsix;
    assert.ok(args.includes('--no-dependencies'), 'bundled: node_modules stays out');
    execFileSync(path.join(repoRoot, 'node_modules', '.bin', 'vsce'), args, { cwd: repoRoot, stdio: 'pipe' });
    zip = fs.readFileSync(vsix);
    entries = zipEntries(zip);
    names = entries.map((e) => e.name);
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('is well under 2 MB', () => {
    assert.ok(zip.length < 2 * 1024 * 1024, `${zip.length} bytes`);
  });

  it('holds the bundled code and data', () => {
    for (const f of ['dist/client.js', 'dist/server.js', 'dist/server-main.js', 'dist/cli.js', 'dist/data/catalog.json', 'dist/data/glossary.json']) {
      assert.ok(names.includes(`extension/${f}`), f);
    }
    for (const dir of ['syntaxes/', 'schemas/', 'l10n/']) assert.ok(names.some((n) => n.startsWith(`extension/${dir}`)), dir);
  });

  it('holds nothing else: no node_modules, sources, tests, seeds, source maps or tools', () => {
    const unwanted = names.filter((n) =>
      /(^|\/)node_modules\//.test(n) ||
      /^extension\/(client|server|test|seeds|out|images\/(?!icon\.png$)|\.tools|\.vscode-test)\b/.test(n) ||
      /\.(ts|map)$/.test(n));
    assert.deepEqual(unwanted, []);
    assert.ok(names.length < 40, `${names.length} files`);
  });

  it('has an icon, README, CHANGELOG and license', () => {
    for (const f of ['extension/images/icon.png', 'extension/readme.md', 'extension/changelog.md', 'extension/LICENSE.txt']) {
      assert.ok(names.includes(f), f);
    }
    const readme = zipRead(zip, entries.find((e) => e.name === 'extension/readme.md')!).toString('utf8');
    assert.match(readme, /^# Kamerwijzer/);
    // vsce makes relative image links absolute (via the repository URL): the screenshots are not in the package.
    assert.doesNotMatch(readme, /\]\(images\//);
  });

  it('has a manifest with repository, categories, keywords and the bundled entry point', () => {
    const manifest = JSON.parse(zipRead(zip, entries.find((e) => e.name === 'extension/package.json')!).toString('utf8')) as Record<string, unknown>;
    assert.equal(manifest['main'], './dist/client.js');
    assert.equal(manifest['icon'], 'images/icon.png');
    assert.equal(manifest['license'], 'MIT');
    assert.match((manifest['repository'] as { url: string }).url, /^https:\/\/github\.com\//);
    assert.ok((manifest['categories'] as string[]).length > 0);
    assert.ok((manifest['keywords'] as string[]).length > 0);
  });
});
