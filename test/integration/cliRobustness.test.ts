/**
 * The command line on hostile input (the built dist/cli.js, as users run it): a document whose
 * analysis fails, invalid bytes, UTF-16, binaries, devices and FIFOs, huge files and manifests, a
 * closed stderr, an empty folder, glossaries in sub-folders.
 */
import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { repoRoot } from '../support/paths';

const CLI = path.join(repoRoot, 'dist', 'cli.js');

function cli(args: string[], options: { env?: Record<string, string>; cwd?: string } = {}): { code: number; out: string; err: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, LANG: 'nl_NL.UTF-8', ...options.env }, cwd: options.cwd ?? repoRoot, maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

describe('command line on hostile input', function () {
  this.timeout(60000);
  let dir: string;
  const write = (rel: string, content: string | Buffer): string => {
    const f = path.join(dir, rel);
    fs.mkdirSync(path.dirname(f), { recursive: true });
    fs.writeFileSync(f, content);
    return f;
  };
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kw-cli-robust-'));
  });

  it('a document whose analysis fails is reported (exit 2) and the others are still checked and extracted', () => {
    const bad = write('kapot.txt', 'Zie Kamerstuk 29826, nr. 150. BOEM\n');
    const good = write('goed.txt', 'Zie Kamerstuk 29826, nr. 151.\n');
    const env = { KAMERWIJZER_TEST_FAIL_ANALYSIS: 'BOEM' };
    const check = cli(['check', bad, good], { env });
    assert.equal(check.code, 2, check.err);
    assert.match(check.err, /kapot\.txt: interne fout bij het analyseren \(.*\); overgeslagen/);
    assert.doesNotMatch(check.err, /\n\s+at /, 'no stack trace');
    assert.match(check.out, /goed\.txt\n {2}datum onbekend\n {2}1 Kamerstuk/);
    assert.match(check.out, /totaal \(1 bestand\)/);
    const json = cli(['check', '--format', 'json', bad, good], { env });
    assert.equal(json.code, 2);
    assert.deepEqual((JSON.parse(json.out) as { file: string }[]).map((f) => path.basename(f.file)), ['goed.txt']);
    const extract = cli(['extract', '--json', bad, good], { env });
    assert.equal(extract.code, 2);
    assert.deepEqual((JSON.parse(extract.out) as { file: string }[]).map((f) => path.basename(f.file)), ['goed.txt']);
    assert.match(extract.err, /kapot\.txt: interne fout bij het analyseren/);
  });

  it('an invalid byte becomes U+FFFD in place: the rest of the file stays intact, and the first place is named', () => {
    const text = Buffer.concat([
      Buffer.from('Den Haag, 3 maart 2022\n\nIk stuur uw Kamer op 1 juli 2025 een brief over € 5 miljoen (Kamerstuk 29826, nr. 150) van minister Hoekstra-Kostić; '),
      Buffer.from([0xff]),
      Buffer.from(' en € 7 miljoen.\n'),
    ]);
    const f = write('bijna-utf8.txt', text);
    const r = cli(['extract', '--json', f]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.err, /bijna-utf8\.txt:3:\d+: geen geldige UTF-8 \(byte \d+\); 1 ongeldige bytereeks vervangen door U\+FFFD/);
    const [col, byte] = /:3:(\d+): .*\(byte (\d+)\)/.exec(r.err)!.slice(1).map(Number);
    assert.equal(byte, text.indexOf(0xff));
    assert.equal(col, 'Ik stuur uw Kamer op 1 juli 2025 een brief over € 5 miljoen (Kamerstuk 29826, nr. 150) van minister Hoekstra-Kostić; '.length + 1);
    const refs = (JSON.parse(r.out) as { documentDate: string; references: { kind: string; text: string }[] }[])[0]!;
    assert.equal(refs.documentDate, '2022-03-03');
    assert.deepEqual(
      refs.references.filter((x) => x.kind === 'amount').map((x) => x.text),
      ['€ 5 miljoen', '€ 7 miljoen'],
    );
    assert.ok(refs.references.some((x) => x.kind === 'deadline' && /1 juli 2025/.test(x.text)));
  });

  it('UTF-16 with a byte order mark (LE and BE) is read as text; an old 8-bit file still as Windows-1252', () => {
    const body = 'Den Haag, 3 maart 2022\nZie Kamerstuk 29826, nr. 150 over € 5 miljoen.\n';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(body, 'utf16le')]);
    const be = Buffer.from(le);
    be.swap16();
    write('le.txt', le);
    write('be.txt', be);
    // Windows-1252: é is 0xE9, € is 0x80.
    write('oud.txt', Buffer.concat([Buffer.from('Caf\u00e9 Kamerstuk 29826, nr. 151 over ', 'latin1'), Buffer.from([0x80]), Buffer.from(' 3 miljoen.\n', 'latin1')]));
    const r = cli(['extract', '--json', dir]);
    assert.equal(r.code, 0, r.err);
    const files = JSON.parse(r.out) as { file: string; references: { kind: string; text: string }[] }[];
    for (const name of ['le.txt', 'be.txt']) {
      const f = files.find((x) => x.file.endsWith(name))!;
      assert.deepEqual(f.references.map((x) => x.text), ['Kamerstuk 29826, nr. 150', '€ 5 miljoen'], name);
    }
    assert.deepEqual(files.find((x) => x.file.endsWith('oud.txt'))!.references.map((x) => x.text), ['Kamerstuk 29826, nr. 151', '€ 3 miljoen']);
    assert.match(r.err, /oud\.txt: geen geldige UTF-8 en geen UTF-8-tekens, gelezen als windows-1252/);
    assert.doesNotMatch(r.err, /le\.txt|be\.txt/);
  });

  it('binaries stay refused: NUL-heavy, ZIP, PDF', () => {
    write('nul.txt', Buffer.alloc(1000));
    write('docx.txt', Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.from('word/document.xml')]));
    write('scan.md', '%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n');
    const r = cli(['check', dir]);
    assert.equal(r.code, 2);
    for (const name of ['nul.txt', 'docx.txt', 'scan.md']) assert.match(r.err, new RegExp(`${name.replace('.', '\\.')}: binair bestand, geen tekst; overgeslagen`));
  });

  it('only regular files are read: a device or a FIFO gets one line, nothing is read from it', function () {
    if (process.platform === 'win32') this.skip();
    const fifo = path.join(dir, 'pijp.txt');
    assert.equal(spawnSync('mkfifo', [fifo]).status, 0);
    const good = write('goed.txt', 'Zie Kamerstuk 29826, nr. 151.\n');
    const r = cli(['check', '/dev/zero', fifo, good]);
    assert.equal(r.code, 2);
    assert.match(r.err, /^kamerwijzer: \/dev\/zero: geen gewoon bestand \(character device\); overgeslagen$/m);
    assert.match(r.err, /pijp\.txt: geen gewoon bestand \(FIFO\); overgeslagen$/m);
    assert.match(r.out, /goed\.txt/);
  });

  it('a file over the size limit (20 MiB) is refused with one line', () => {
    const big = path.join(dir, 'groot.txt');
    fs.writeFileSync(big, Buffer.alloc(20 * 1024 * 1024 + 1, 'a'));
    const r = cli(['check', big]);
    assert.equal(r.code, 2);
    assert.equal(r.err.trim(), `kamerwijzer: ${big}: bestand groter dan 20971520 bytes; overgeslagen`);
  });

  it('a closed stderr loses the messages, not the run: the findings and the exit code still come', async () => {
    const good = write('goed.txt', 'Zie Kamerstuk 29826, nr. 151.\n');
    const child = spawn(process.execPath, [CLI, 'check', '--format', 'json', path.join(dir, 'weg1.txt'), path.join(dir, 'weg2.txt'), good], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, LANG: 'nl_NL.UTF-8' },
    });
    // The reader of stderr goes away before the program writes anything.
    child.stderr.destroy();
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    assert.equal(code, 2);
    assert.deepEqual((JSON.parse(out) as { file: string }[]).map((f) => path.basename(f.file)), ['goed.txt']);
  });

  it('`lsp` without a transport: one usage line, exit 2, no stack trace', () => {
    const r = cli(['lsp']);
    assert.equal(r.code, 2);
    assert.equal(r.err.trim(), 'kamerwijzer: lsp: geef aan hoe de editor met de server praat: kamerwijzer lsp --stdio (of --node-ipc, --socket=POORT)');
    assert.equal(cli(['lsp', '--lang', 'en']).err.trim(), 'kamerwijzer: lsp: say how the editor talks to the server: kamerwijzer lsp --stdio (or --node-ipc, --socket=PORT)');
  });

  it('an empty folder is an input error with a clear message', () => {
    fs.mkdirSync(path.join(dir, 'leeg'));
    write('leeg/.verborgen/x.txt', 'Kamerstuk 1, nr. 1');
    const r = cli(['check', path.join(dir, 'leeg')]);
    assert.equal(r.code, 2);
    assert.match(r.err, /leeg: geen \.txt- of \.md-bestanden gevonden in deze map/);
  });

  it('a manifest with very many problems: one line with the count and the first few; its valid fields are used', () => {
    const documents: Record<string, unknown> = { 'brief.txt': { date: '2022-07-08', kamerstuk: 'nee' } };
    for (let i = 0; i < 200000; i++) documents[`f${i}.txt`] = { date: 'gisteren' };
    write('kamerwijzer.json', JSON.stringify({ documents }));
    write('brief.txt', 'Ik informeer uw Kamer voor de zomer.\n');
    const r = cli(['extract', '--json', dir]);
    assert.equal(r.code, 0, r.err.slice(0, 500));
    const lines = r.err.trim().split('\n');
    assert.equal(lines.length, 1, r.err.slice(0, 500));
    assert.match(lines[0]!, /kamerwijzer\.json: 200001 problemen in het manifest; de geldige items en velden worden gebruikt: brief\.txt: "kamerstuk" .*; f0\.txt: .*; f1\.txt: .* \(en nog 199998\)$/);
    assert.doesNotMatch(r.err, /niet bruikbaar/);
    const [doc] = JSON.parse(r.out) as { documentDate: string; references: { kind: string; end?: string }[] }[];
    assert.equal(doc!.documentDate, '2022-07-08', 'the valid date of the entry is used');
    // A manifest that cannot be read as JSON at all is not usable, and says so.
    write('kamerwijzer.json', '{ "documents": ');
    assert.match(cli(['extract', '--json', dir]).err, /kamerwijzer\.json: manifest niet bruikbaar: invalid JSON/);
  });

  it('the glossary of a document is the nearest .kamerwijzer/glossary.json above it, however the folder is named', () => {
    write('sub/.kamerwijzer/glossary.json', JSON.stringify({ version: 1, entries: [{ id: 'boosfonds', name: 'BOOSFONDS', abbreviations: ['BOOSFONDS'], kind: 'fonds', description: { nl: 'Een fonds.' } }] }));
    write('sub/brief.txt', 'Het BOOSFONDS krijgt geld.\n');
    write('elders.txt', 'Het BOOSFONDS krijgt geld.\n');
    const summaryOf = (out: string, name: string): string => new RegExp(`${name}\\n {2}.*\\n {2}(.*)\\n`).exec(out)?.[1] ?? '(missing)';
    const parent = cli(['check', dir], { cwd: dir });
    const sub = cli(['check', path.join(dir, 'sub')], { cwd: dir });
    const file = cli(['check', path.join(dir, 'sub', 'brief.txt')], { cwd: dir });
    assert.equal(summaryOf(parent.out, 'sub/brief.txt'), '1 beleidsinstrument');
    assert.equal(summaryOf(sub.out, 'sub/brief.txt'), '1 beleidsinstrument');
    assert.equal(summaryOf(file.out, 'sub/brief.txt'), '1 beleidsinstrument');
    assert.equal(summaryOf(parent.out, 'elders.txt'), 'geen verwijzingen gevonden', 'the sub-folder’s glossary does not apply above it');
  });
});
