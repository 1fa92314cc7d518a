/**
 * `extract`, `check` and `report` on many documents analyze in worker threads, several at a time (over 1 MB of
 * text in two or more documents): the output is exactly what analysis in the main thread
 * (KAMERWIJZER_ANALYSIS=main) prints — with folders that have their own glossary, letters that cite
 * each other, more text than the check keeps whole (so documents are analyzed again when checked,
 * a few ahead), and a file that cannot be read.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCheck, type CheckOptions } from '../../server/src/cli/check';
import { readInputs } from '../../server/src/cli/documents';
import { onlineSetup } from '../../server/src/cli/online';
import { DEFAULT_DIAGNOSTIC_SETTINGS } from '../../server/src/features/model';
import { messages } from '../../server/src/l10n';
import { AnalyzerPool } from '../../server/src/lsp/analyzerPool';
import { repoRoot } from '../support/paths';
import { seedLetters } from '../support/textArbitraries';

const WORKER_SCRIPT = path.resolve(__dirname, '../../server/src/lsp/analysisWorker.js');

const CLI = path.join(repoRoot, 'dist', 'cli.js');

function cli(args: string[], env: Record<string, string> = {}): { code: number; out: string; err: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, LANG: 'nl_NL.UTF-8', ...env }, cwd: repoRoot, maxBuffer: 256 * 1024 * 1024 });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

/** Folders of letters (the seeds, each citing a small document of its folder), some with a glossary, and a file that cannot be read. */
function writeLetters(dir: string, atLeastChars: number): void {
  const seeds = seedLetters();
  const cited = '---\nkamerstuk: 29826-999\ntitel: Toekomstperspectief op de energie-intensieve industrie\n---\nTekst over de DUMAVA-regeling.\n';
  let chars = 0;
  for (let f = 0; chars <= atLeastChars; f++) {
    const folder = path.join(dir, `map-${String(f).padStart(2, '0')}`);
    fs.mkdirSync(folder);
    if (f % 3 === 1) {
      fs.mkdirSync(path.join(folder, '.kamerwijzer'));
      fs.writeFileSync(path.join(folder, '.kamerwijzer', 'glossary.json'), JSON.stringify({ entries: [{ id: 'dumava', name: 'DUMAVA', abbreviations: ['DUMAVA'], kind: 'subsidieregeling', description: { nl: 'Subsidie.' } }] }));
    }
    fs.writeFileSync(path.join(folder, 'aa-stuk.md'), cited);
    seeds.forEach((text, k) => {
      const letter = `${text}\n\nZie Kamerstuk 29826, nr. 999 en de brief Toekomstperspectief op de energie-intensieve industrie. De DUMAVA-regeling loopt.\n`;
      fs.writeFileSync(path.join(folder, `brief-${k}.txt`), letter);
      chars += letter.length;
    });
  }
  fs.writeFileSync(path.join(dir, 'map-00', 'kapot.txt'), Buffer.from([0xff, 0xfe, 0x00, 0xd8, 0x00, 0x00, 0x01, 0x02]));
}

describe('command line: analyses in worker threads', function () {
  this.timeout(120_000);
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kw-cli-parallel-'));
    writeLetters(dir, 1.2 * 1024 * 1024);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  for (const command of [
    ['check', '--format', 'json', '--today', '2026-11-23'],
    ['extract', '--json', '--document-date', '2025-06-01'],
  ]) {
    it(`${command[0]} over 1 MB of letters (workers of the bundle, dist/server.js): the same output as analysis in the main thread`, () => {
      const args = [...command, dir];
      const inMain = cli(args, { KAMERWIJZER_ANALYSIS: 'main' });
      const inWorkers = cli(args, { KAMERWIJZER_WORKERS: '2' });
      assert.ok(inMain.out.length > 1000, inMain.err);
      assert.match(inMain.err, /kapot\.txt/);
      assert.equal(inWorkers.code, inMain.code, inWorkers.err);
      assert.equal(inWorkers.err, inMain.err);
      assert.equal(inWorkers.out, inMain.out);
    });
  }

  for (const format of ['json', 'text', 'sarif'] as const) {
    it(`check (${format}) with documents analyzed again when checked (a small whole-text budget): the same as in the main thread, and as with every document held whole`, async () => {
      const m = messages('nl');
      const setup = onlineSetup({ command: 'check', flags: new Set(['--offline']), options: new Map([['--cache-dir', path.join(dir, '.cache')]]), paths: [dir] }, false, path.join(repoRoot, 'dist', 'data'), 'test', m, () => undefined);
      assert.ok(typeof setup !== 'string', String(setup));
      const input = await readInputs([dir], m);
      const run = async (analyzer?: AnalyzerPool, wholeTextBudget = 200_000) => {
        const out: string[] = [];
        const err: string[] = [];
        const options: CheckOptions = { format, today: '2026-11-23', failOn: 'error', showHints: true, diagnostics: { ...DEFAULT_DIAGNOSTIC_SETTINGS, enforceCitationStyle: true }, version: 'test', setup, wholeTextBudget, ...(analyzer ? { analyzer } : {}) };
        const result = await runCheck(input.documents, options, 'nl', m, (s) => out.push(s), (s) => err.push(s));
        return { result, out: out.join(''), err: err.join('') };
      };
      const pool = new AnalyzerPool({ logger: { info: () => undefined, warn: () => undefined, error: (e) => assert.fail(e) }, script: WORKER_SCRIPT, workers: 2, editorWorker: false });
      try {
        const inMain = await run();
        const inWorkers = await run(pool);
        assert.ok(inMain.out.length > 1000);
        assert.deepEqual(inWorkers, inMain);
        // The documents kept as their metadata only (offline) are checked as if every one were held whole.
        assert.deepEqual(await run(undefined, Number.MAX_SAFE_INTEGER), inMain);
      } finally {
        pool.dispose();
      }
    });
  }
});
