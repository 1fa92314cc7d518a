import * as assert from 'node:assert/strict';
import { LineIndex } from '../../../server/src/engine/lineIndex';
import { readSuppressions } from '../../../server/src/features/diagnostics/suppressions';

describe('silencing comments', () => {
  const cases: [string, string, [string, number, boolean][]][] = [
    ['next line, one code', 'a\n<!-- kamerwijzer-disable-next-line citation-malformed -->\nb\nc', [['citation-malformed', 2, true], ['citation-malformed', 3, false], ['kamerstuk-unknown', 2, false]]],
    ['next line skips blank lines', 'kamerwijzer-disable-next-line\n\n\nb', [['any-code', 3, true], ['any-code', 1, false]]],
    ['this line, all codes', 'Kamerstuk 35420, 57 % kamerwijzer-disable-line\nx', [['citation-malformed', 0, true], ['deadline-passed', 0, true], ['citation-malformed', 1, false]]],
    ['whole document, two codes', '<!-- kamerwijzer-disable deadline-passed kamerstuk-unknown -->\na\nb', [['deadline-passed', 2, true], ['kamerstuk-unknown', 1, true], ['citation-malformed', 1, false]]],
    ['whole document, all codes', 'kamerwijzer-disable\na', [['x', 1, true]]],
    ['no directive', 'kamerwijzer is een hulpmiddel', [['x', 0, false]]],
  ];
  for (const [name, text, checks] of cases) {
    it(name, () => {
      const s = readSuppressions(text, new LineIndex(text));
      for (const [code, line, expected] of checks) assert.equal(s.isSilenced(code, line), expected, `${code} on line ${line}`);
    });
  }
});
