/**
 * `kamerwijzer check` runs the instrument rules with the bundled glossary and the workspace
 * glossary (.kamerwijzer/glossary.json) of the folders it checks.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { repoRoot } from '../support/paths';

const CLI = path.join(repoRoot, 'dist', 'cli.js');

function check(args: string[]): { code: number; out: string; err: string } {
  const r = spawnSync(process.execPath, [CLI, 'check', '--format', 'json', '--today', '2026-11-23', ...args], { encoding: 'utf8', env: { ...process.env, LANG: 'en_GB.UTF-8' } });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

const codes = (out: string): string[] =>
  (JSON.parse(out) as { diagnostics: { code: string; message: string }[] }[]).flatMap((f) => f.diagnostics.filter((d) => d.code.startsWith('instrument-')).map((d) => `${d.code} ${d.message}`));

describe('command line: policy instruments', function () {
  this.timeout(60000);
  let dir: string;
  const glossary = (): string => path.join(dir, '.kamerwijzer', 'glossary.json');

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kw-cli-instruments-'));
    fs.writeFileSync(path.join(dir, 'brief.txt'), 'De subsidieregeling DUMAVA helpt. De WBSO ook.\n');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('checks with the bundled glossary', () => {
    const r = check([dir]);
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(codes(r.out), [
      'instrument-unknown-abbreviation ‘DUMAVA’ looks like a policy instrument but is not in the glossary.',
      'instrument-abbreviation-before-full-name ‘WBSO’ is used before its full name (‘Wet bevordering speur- en ontwikkelingswerk’) is written out; write an abbreviation out in full at first use.',
    ]);
  });

  it('reads the folder’s .kamerwijzer/glossary.json, also when a file is given', () => {
    fs.mkdirSync(path.dirname(glossary()));
    fs.writeFileSync(glossary(), JSON.stringify({ entries: [{ id: 'dumava', name: 'DUMAVA', abbreviations: ['DUMAVA'], kind: 'subsidieregeling', description: { nl: 'Subsidie.' } }] }));
    for (const target of [dir, path.join(dir, 'brief.txt')]) {
      const r = check([target]);
      assert.equal(r.code, 0, r.err);
      assert.deepEqual(codes(r.out).map((c) => c.split(' ')[0]), ['instrument-abbreviation-before-full-name']);
    }
  });

  it('reports a broken glossary and goes on with the bundled one', () => {
    fs.mkdirSync(path.dirname(glossary()));
    fs.writeFileSync(glossary(), '{ "entries": [');
    const r = check([dir]);
    assert.equal(r.code, 0);
    assert.match(r.err, /glossary\.json cannot be used \(not valid JSON/);
    assert.equal(codes(r.out).length, 2);
  });
});
