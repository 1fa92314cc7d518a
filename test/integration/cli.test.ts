/**
 * The command line as users run it: the built dist/cli.js on the seeds and on broken input.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { repoRoot, seedsDir } from '../support/paths';

const CLI = path.join(repoRoot, 'dist', 'cli.js');

function cli(args: string[], env: Record<string, string> = {}): { code: number; out: string; err: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, LANG: 'nl_NL.UTF-8', ...env }, cwd: repoRoot });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

describe('command line', function () {
  this.timeout(60000);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kw-cli-'));

  it('extract --json gives the guideline shape with offsets and ranges', () => {
    const r = cli(['extract', '--json', path.join(seedsDir, '003_5ba8678b3eddeb36.txt')]);
    assert.equal(r.code, 0, r.err);
    const [file] = JSON.parse(r.out) as { file: string; documentDate: string | null; references: Record<string, unknown>[] }[];
    assert.match(file!.file, /003_5ba8678b3eddeb36\.txt$/);
    const k = file!.references.find((x) => x['kind'] === 'kamerstuk')!;
    assert.deepEqual([k['dossier'], k['nr'], k['line'], k['text']], ['29826', '250', 1, 'Kamerstuk 29826, nr. 250']);
    assert.equal(typeof k['offset'], 'number');
    assert.equal(k['length'], 'Kamerstuk 29826, nr. 250'.length);
    assert.ok((k['range'] as { start: { line: number } }).start.line === 0);
  });

  it("extract --json gives Handelingen their fields and the paper's own heading no reference; check counts likewise", () => {
    const f = path.join(tmp, 'verslag.txt');
    fs.writeFileSync(
      f,
      'Tweede Kamer der Staten-Generaal 2\nVergaderjaar 2021–2022\n\n29 826 Industriebeleid\n\nNr. 150 BRIEF VAN DE MINISTER VAN ECONOMISCHE ZAKEN EN KLIMAAT\n\n' +
        'Den Haag, 3 maart 2022\n\nZoals toegezegd (Handelingen II 2021/22, nr. 62, item 7) en in antwoord op Aanhangsel Handelingen, vergaderjaar 2021–2022, nrs. 1456 en 1457, ' +
        'stuur ik u Kamerstuk 29 826, nr. 149.\n\nTweede Kamer, vergaderjaar 2021–2022, 29 826, nr. 150 2\n',
    );
    const r = cli(['extract', '--json', f]);
    assert.equal(r.code, 0, r.err);
    const [file] = JSON.parse(r.out) as { kamerstuk?: string; references: Record<string, unknown>[] }[];
    assert.equal(file!.kamerstuk, '29826-150');
    const fields = (x: Record<string, unknown>): unknown[] => [x['kind'], x['text'], x['chamber'], x['year'], x['nr'], x['item'], x['aanhangsel']];
    assert.deepEqual(file!.references.map(fields), [
      ['handelingen', 'Handelingen II 2021/22, nr. 62, item 7', 'II', '2021-2022', '62', '7', false],
      ['handelingen', 'Aanhangsel Handelingen, vergaderjaar 2021–2022, nrs. 1456 en 1457', null, '2021-2022', '1456', undefined, true],
      ['handelingen', 'Aanhangsel Handelingen, vergaderjaar 2021–2022, nrs. 1456 en 1457', null, '2021-2022', '1457', undefined, true],
      ['kamerstuk', 'Kamerstuk 29 826, nr. 149', undefined, undefined, '149', undefined, undefined],
    ]);
    const c = cli(['check', f]);
    assert.match(c.out, /1 Kamerstuk · 3 Handelingenverwijzingen/);
  });

  it('extract walks folders and prints a readable table', () => {
    const r = cli(['extract', seedsDir]);
    assert.equal(r.code, 0, r.err);
    for (const n of ['000', '001', '002', '003', '004']) assert.match(r.out, new RegExp(`${n}_[0-9a-f]+\\.txt`));
    assert.match(r.out, /Kamerstuk\s+Kamerstuk 29826, nr\. 250\s+29826-250/);
  });

  it('--document-date resolves relative deadlines', () => {
    const f = path.join(tmp, 'concept.md');
    fs.writeFileSync(f, 'Ik informeer uw Kamer voor de zomer.\n');
    const r = cli(['extract', '--json', '--document-date', '2024-03-01', f]);
    const refs = (JSON.parse(r.out) as { references: { kind: string; end?: string }[] }[])[0]!.references;
    assert.deepEqual(refs.filter((x) => x.kind === 'deadline').map((x) => x.end), ['2024-06-30']);
  });

  it('check prints findings like a compiler, then a summary (npm start shows this)', () => {
    const r = cli(['check', '--today', '2026-11-23', seedsDir]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /seeds\/000_314d4768fc43998e\.txt:576:4 waarschuwing citation-malformed ‘Kamerstuk 35420, 57’ mist ‘nr\.’/);
    assert.match(r.out, /Kamerstuk 29826-124 · datum 30 oktober 2020 · Visie op de toekomst van de industrie in Nederland/);
    assert.match(r.out, /totaal \(5 bestanden\): 1\d\d Kamerstukken/);
  });

  it('check --fail-on sets the exit code', () => {
    assert.equal(cli(['check', '--fail-on', 'warning', path.join(seedsDir, '000_314d4768fc43998e.txt')]).code, 1);
    assert.equal(cli(['check', '--fail-on', 'error', path.join(seedsDir, '000_314d4768fc43998e.txt')]).code, 0);
  });

  it('check --today decides which deadlines have passed', () => {
    const f = path.join(tmp, 'planning.md');
    fs.writeFileSync(f, '---\ndatum: 2025-01-10\n---\nIk stuur uw Kamer uiterlijk in Q4 van 2025 een brief.\n');
    const before = JSON.parse(cli(['check', '--format', 'json', '--today', '2025-06-01', f]).out) as { diagnostics: { code: string }[] }[];
    const after = JSON.parse(cli(['check', '--format', 'json', '--today', '2026-02-01', f]).out) as { diagnostics: { code: string }[] }[];
    // The letter's own promise: a warning (promise-passed), not also a hint.
    assert.ok(!before[0]!.diagnostics.some((d) => d.code === 'promise-passed' || d.code === 'deadline-passed'));
    assert.deepEqual(after[0]!.diagnostics.filter((d) => /^(promise|deadline)-/.test(d.code)).map((d) => d.code), ['promise-passed']);
  });

  it('check --format sarif writes SARIF 2.1.0 with rules, locations and fixes', () => {
    const r = cli(['check', '--format', 'sarif', '--today', '2026-11-23', path.join(seedsDir, '000_314d4768fc43998e.txt')]);
    const sarif = JSON.parse(r.out) as {
      version: string;
      runs: { tool: { driver: { name: string; rules: { id: string }[] } }; columnKind: string; results: { ruleId: string; level: string; locations: { physicalLocation: { region: { startLine: number; startColumn: number } } }[]; fixes?: unknown[] }[] }[];
    };
    assert.equal(sarif.version, '2.1.0');
    const run = sarif.runs[0]!;
    assert.equal(run.tool.driver.name, 'Kamerwijzer');
    assert.equal(run.columnKind, 'utf16CodeUnits');
    assert.ok(run.tool.driver.rules.some((x) => x.id === 'citation-malformed'));
    const malformed = run.results.find((x) => x.ruleId === 'citation-malformed' && x.locations[0]!.physicalLocation.region.startLine === 576)!;
    assert.equal(malformed.level, 'warning');
    assert.equal(malformed.locations[0]!.physicalLocation.region.startColumn, 4);
    assert.ok(malformed.fixes?.length);
  });

  it('English output with --lang en', () => {
    const r = cli(['check', '--lang', 'en', '--today', '2026-11-23', path.join(seedsDir, '000_314d4768fc43998e.txt')]);
    assert.match(r.out, /warning citation-malformed ‘Kamerstuk 35420, 57’ lacks ‘nr\.’/);
  });

  it('counts are words in both languages; --fail-on info is accepted; an unknown --lang is an input error', () => {
    const f = path.join(seedsDir, '000_314d4768fc43998e.txt');
    assert.match(cli(['check', '--today', '2026-11-23', f]).out, /totaal: .*\d+ waarschuwingen?\b/);
    assert.match(cli(['check', '--lang', 'en', '--today', '2026-11-23', f]).out, /total: .*\d+ warnings?\b/);
    assert.doesNotMatch(cli(['check', '--today', '2026-11-23', f]).out, /×/);
    assert.equal(cli(['check', '--fail-on', 'info', f]).code, 1);
    const bad = cli(['check', '--lang', 'fr', f]);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /--lang: onbekende taal fr \(nl, en\)/);
    assert.equal(cli(['check', '--lang', 'en-GB', '--today', '2026-11-23', f]).code, 0);
  });

  it('report --format csv lists every document the seeds cite, with its status and places', () => {
    const r = cli(['report', '--format', 'csv', seedsDir]);
    assert.equal(r.code, 0, r.err);
    const lines = r.out.trimEnd().split('\r\n');
    assert.match(lines[0]!, /^Citatie,Kenmerk,Soort verwijzing,Titel,Soort document,Datum,Status,Aantal keer geciteerd,Geciteerd op,Officiële pagina$/);
    const keys = new Set(lines.slice(1).map((l) => (l.startsWith('"') ? l.slice(l.indexOf('",') + 2) : l.slice(l.indexOf(',') + 1)).split(',')[0]));
    const extracted = JSON.parse(cli(['extract', '--json', seedsDir]).out) as { references: { kind: string; dossier?: string; nr?: string; number?: string }[] }[];
    const cited = new Set<string>();
    for (const f of extracted) {
      for (const x of f.references) {
        if (x.kind === 'kamerstuk') cited.add(`${x.dossier}-${x.nr}`);
        else if (x.kind === 'documentNumber') cited.add(x.number!.toUpperCase());
        else if (x.kind === 'dossier') cited.add(`dossier ${x.dossier}`);
      }
    }
    for (const k of cited) assert.ok(keys.has(k), `${k} is in the report`);
    assert.ok(lines.some((l) => l.startsWith('"Kamerstuk 29 826, nr. 250",29826-250,Kamerstuk,') && /,bekend,/.test(l)));
    assert.ok(lines.some((l) => /^"Kamerstuk 35 420, nr. 57",35420-57,.*,verkeerd geschreven,1,seeds\/000_314d4768fc43998e\.txt:576,/.test(l)));
  });

  it('report --format html is one self-contained file that escapes what documents say', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kw-report-'));
    fs.writeFileSync(path.join(dir, '<img src=x onerror=alert(1)>.txt'), 'Zie Kamerstuk 29826, nr. 250 en "<script>alert(1)</script>".\n');
    const r = cli(['report', '--format', 'html', dir]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^<!DOCTYPE html>\n<html lang="nl">/);
    assert.doesNotMatch(r.out, /<script|<img|onerror=alert\(1\)>|src="http/);
    assert.match(r.out, /&lt;img src=x onerror=alert\(1\)&gt;\.txt:1/);
    assert.match(r.out, /<a href="https:\/\/zoek\.officielebekendmakingen\.nl\/kst-29826-250\.html">Kamerstuk 29 826, nr\. 250<\/a>/);
    const markdown = cli(['report', dir]).out;
    assert.match(markdown, /^# Citatierapport\n/);
    assert.match(markdown, /\\<img src=x onerror=alert\(1\)\\>\.txt:1/);
    assert.equal(cli(['report', '--format', 'pdf', dir]).code, 2);
  });

  it('check | head: a reader that stops early is no error', () => {
    const r = spawnSync('bash', ['-c', `set -o pipefail; node ${JSON.stringify(CLI)} check --hints --today 2026-11-23 ${JSON.stringify(seedsDir)} | head -n 1`], { encoding: 'utf8', cwd: repoRoot });
    assert.equal(r.stderr, '');
    assert.equal(r.stdout.split('\n').filter(Boolean).length, 1);
  });

  it('errors: one clear line each, the other files still processed, exit code 2', () => {
    const binary = path.join(tmp, 'scan.txt');
    fs.writeFileSync(binary, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff, 0x00]));
    const r = cli(['extract', '--json', path.join(tmp, 'bestaat-niet.txt'), binary, path.join(seedsDir, '003_5ba8678b3eddeb36.txt')]);
    assert.equal(r.code, 2);
    assert.match(r.err, /bestaat-niet\.txt: bestand of map bestaat niet/);
    assert.match(r.err, /scan\.txt: binair bestand, geen tekst; overgeslagen/);
    assert.equal((JSON.parse(r.out) as unknown[]).length, 1);
  });

  it('bad options are refused with a clear line', () => {
    for (const [args, message] of [
      [['extract', '--nope', seedsDir], /onbekende optie: --nope/],
      [['extract', '--document-date', '2024-13-01', seedsDir], /geen geldige datum/],
      [['check', '--format', 'xml', seedsDir], /onbekend formaat xml/],
      [['check', '--fail-on', 'fatal', seedsDir], /onbekend niveau fatal/],
      [['frobnicate'], /onbekende opdracht/],
      [['extract'], /geen bestanden of mappen/],
    ] as [string[], RegExp][]) {
      const r = cli(args);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.err, message);
      assert.equal(r.err.trim().split('\n').length, 1, r.err);
    }
  });

  it('a broken manifest is reported and the files are still read', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kw-manifest-'));
    fs.writeFileSync(path.join(dir, 'kamerwijzer.json'), '{ "documents": { "brief.txt": { "date": "gisteren" } ');
    fs.writeFileSync(path.join(dir, 'brief.txt'), 'Zie Kamerstuk 29826, nr. 250.');
    const r = cli(['extract', '--json', dir]);
    assert.equal(r.code, 0);
    assert.match(r.err, /kamerwijzer\.json: manifest niet bruikbaar/);
    assert.equal((JSON.parse(r.out) as { references: unknown[] }[])[0]!.references.length, 1);
  });
});
