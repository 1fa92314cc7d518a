/**
 * A long editing session does not fill memory: what a document version hands on to the next one
 * (references, citation descriptions, words, sentence windows, the link to the version it takes them
 * from) holds on to no older version's text. Before, each edit of an open letter kept one more whole
 * text (a cut of 13 or more characters is a view of the whole text in V8, and versions whose values
 * came from the analysis worker stayed linked to the version before them): an hour of typing in a
 * 1 MB letter took the language server past 800 MB.
 *
 * The session runs in a process of its own (test/support/editSession.ts), whose heap is then searched
 * for strings as long as the letter.
 */
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { PreviousVersions } from '../../../server/src/features/previousVersions';
import { analyzedDocument } from '../../support/workspace';

const SESSION = path.resolve(__dirname, '../../support/editSession.js');
const EDITS = 30;
/** The whole texts a session may hold at its end: the current one and a few the last analysis and its caches read (copies, the previous version). */
const MOST_WHOLE_TEXTS = 8;

async function session(mode: 'here' | 'worker'): Promise<{ edits: number; letterLength: number; wholeTexts: number }> {
  const { stdout } = await promisify(execFile)(process.execPath, [SESSION, mode, String(EDITS)], { maxBuffer: 1 << 20 });
  return JSON.parse(stdout) as { edits: number; letterLength: number; wholeTexts: number };
}

describe('a long editing session keeps no old version’s text', function () {
  this.timeout(60_000);

  for (const mode of ['here', 'worker'] as const) {
    it(`${EDITS} edits of a 300 KB letter analyzed ${mode === 'here' ? 'in this thread' : 'by the analysis worker (as the language server does)'}: at most ${MOST_WHOLE_TEXTS} whole texts stay`, async () => {
      const s = await session(mode);
      assert.equal(s.edits, EDITS);
      assert.ok(s.letterLength > 250_000);
      assert.ok(s.wholeTexts >= 1, 'the current text is found');
      assert.ok(s.wholeTexts <= MOST_WHOLE_TEXTS, `${s.wholeTexts} whole texts of a ${s.letterLength}-character letter after ${EDITS} edits`);
    });
  }

  it('a version whose values were made elsewhere lets go of the version before it', () => {
    const versions = [1, 2, 3, 4].map((v) => analyzedDocument(`Versie ${v}: Kamerstuk 36 410, nr. ${v}.`, v));
    const [v1, v2, v3, v4] = versions as [ReturnType<typeof analyzedDocument>, ReturnType<typeof analyzedDocument>, ReturnType<typeof analyzedDocument>, ReturnType<typeof analyzedDocument>];
    const made = new Set([v1]);
    const previous = new PreviousVersions(
      (doc) => made.has(doc),
      (doc) => made.has(doc),
    );
    previous.follows(v2, v1);
    // v2's values come from elsewhere (the worker): it takes nothing over, so its link to v1 must go
    // once a later version follows it, or every version would hold the one before it.
    made.add(v2);
    previous.follows(v3, v2);
    assert.equal(previous.take(v2), undefined);
    // v3's values are not made: v4 takes them from v2, the last version that has them.
    previous.follows(v4, v3);
    assert.equal(previous.take(v4), v2);
    assert.equal(previous.take(v4), undefined);
  });
});
