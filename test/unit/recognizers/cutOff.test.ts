import * as assert from 'node:assert/strict';
import { analyze } from '../../../server/src/engine/analyze';

/**
 * A text that stops in mid-word (a page copy cut off at a length): the references whose form is open
 * at the end (a motion's submitters, a dossier cited alone) are not trusted where they end exactly
 * where the text ends; everything else, and the same references followed by anything, are kept.
 */
const CASES: ReadonlyArray<readonly [text: string, expected: readonly string[]]> = [
  // Cut off: the name or the citation may have gone on.
  ['De Kamer stemt over:\n• de motie-Kröge', []],
  ['De motie van het lid Van der', []],
  ['Afgedaan (Kamerstukken II 2018/19, 35000', []],
  ['Zie het dossier 35925', []],
  // Followed by anything: complete.
  ['De Kamer stemt over:\n• de motie-Kröger\n', ['motion motie-Kröger']],
  ['de motie Kostić c.s.', ['motion motie Kostić c.s.']],
  ['Afgedaan (Kamerstukken II 2018/19, 35000)', ['dossier Kamerstukken II 2018/19, 35000']],
  ['Zie het dossier 35925.', ['dossier dossier 35925']],
  // Complete as written even at the very end (an editor's last line while typing).
  ['Zie Kamerstuk 29826, nr. 250', ['kamerstuk Kamerstuk 29826, nr. 250']],
  ['Kamerstuknummer 36600-XIII-65', ['kamerstuk Kamerstuknummer 36600-XIII-65']],
  ['Dit kost € 3 miljard', ['amount € 3 miljard']],
];

describe('references at the end of a cut-off text', () => {
  for (const [text, expected] of CASES) {
    it(JSON.stringify(text), () => {
      const found = analyze(text).references.map((r) => `${r.kind} ${r.text}`);
      assert.deepEqual(found, expected);
    });
  }
});
