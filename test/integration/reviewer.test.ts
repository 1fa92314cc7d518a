/**
 * What a reviewer gets from `check`: four draft letters with planted, real mistakes and correct
 * look-alikes (test/fixtures/reviewer, its key.json and SOURCES.md), checked on the command line as a
 * reviewer would — the Tweede Kamer data synchronized and the official sources asked, both replayed
 * from recorded responses, on the key's check date. Every planted mistake must be found at its
 * severity (on its line, over its text); no correct citation, motion, amount or deadline may get a
 * warning.
 */
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fixturesDir, repoRoot } from '../support/paths';
import { ReplayServer } from '../support/replayServer';

const DIR = path.join(fixturesDir, 'reviewer');
const CLI = path.join(repoRoot, 'dist', 'cli.js');

interface KeyItem {
  readonly kind: string;
  readonly line: number;
  readonly text: string;
  readonly altText?: readonly string[];
  readonly expectedSeverity?: string;
}
interface Key {
  readonly checkDate: string;
  readonly letters: readonly { readonly file: string; readonly mistakes: readonly KeyItem[]; readonly correct: readonly KeyItem[] }[];
}
interface Diagnostic {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly severity: string;
  readonly code: string;
  readonly message: string;
}

describe('a reviewer checks draft letters with planted mistakes', function () {
  this.timeout(120_000);
  const key = JSON.parse(fs.readFileSync(path.join(DIR, 'key.json'), 'utf8')) as Key;
  let server: ReplayServer;
  let results: { file: string; diagnostics: Diagnostic[] }[];

  before(async () => {
    server = await ReplayServer.start(path.join(DIR, 'sources'), { unrecorded: 'unavailable' });
    const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'kw-reviewer-'));
    const run = (args: string[]): Promise<string> =>
      new Promise((resolve, reject) =>
        execFile(
          process.execPath,
          [CLI, ...args, '--cache-dir', cache, '--officielebekendmakingen-url', server.koop, '--tweedekamer-url', server.tk],
          { encoding: 'utf8', maxBuffer: 1e8, env: { ...process.env, LANG: 'nl_NL.UTF-8' } },
          (e, stdout, stderr) => (e && !stdout ? reject(new Error(stderr)) : resolve(stdout)),
        ),
      );
    await run(['sync']);
    results = JSON.parse(await run(['check', '--online', '--hints', '--today', key.checkDate, '--format', 'json', ...key.letters.map((l) => path.join(DIR, l.file))])) as typeof results;
  });
  after(async () => server.stop());

  /** The findings on an item's line whose range overlaps its text (or one of its alternative texts). */
  const on = (file: string, item: KeyItem): Diagnostic[] => {
    const lineText = fs.readFileSync(path.join(DIR, file), 'utf8').split('\n')[item.line - 1]!;
    const diagnostics = results.find((r) => r.file.endsWith(file))!.diagnostics;
    return diagnostics.filter((d) => {
      if (d.line !== item.line) return false;
      const start = d.column - 1;
      const end = d.endLine === d.line ? d.endColumn - 1 : lineText.length;
      return [item.text, ...(item.altText ?? [])].some((t) => {
        const at = lineText.indexOf(t);
        return at >= 0 && at < end && start < at + t.length;
      });
    });
  };

  for (const letter of key.letters) {
    describe(letter.file, () => {
      for (const m of letter.mistakes) {
        it(`finds the ${m.kind} on line ${m.line} (${m.text}) as ${m.expectedSeverity}`, () => {
          const found = on(letter.file, m);
          assert.ok(
            found.some((d) => d.severity === m.expectedSeverity),
            `found: ${JSON.stringify(found.map((d) => `${d.severity} ${d.code}`))}`,
          );
        });
      }
      it('gives no warning on a correct citation, motion, amount or deadline', () => {
        const noisy = letter.correct.flatMap((c) => on(letter.file, c).filter((d) => d.severity === 'warning' || d.severity === 'error').map((d) => `${c.line} ${c.text}: ${d.code} ${d.message}`));
        assert.deepEqual(noisy, []);
      });
    });
  }
});
