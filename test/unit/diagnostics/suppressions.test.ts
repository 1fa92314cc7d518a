import * as assert from 'node:assert/strict';
import { LineIndex } from '../../../server/src/engine/lineIndex';
import * as fc from 'fast-check';
import { changedStretch } from '../../../server/src/engine/incremental';
import { DIRECTIVE_WORD, readSuppressions, suppressionsOf, wholeSearches } from '../../../server/src/features/diagnostics/suppressions';
import { scanEdited, scanWhole, type Matches } from '../../../server/src/engine/patternScan';
import { DEFAULT_DIAGNOSTIC_SETTINGS } from '../../../server/src/features/model';
import { createKamerwijzer } from '../../../server/src/service/kamerwijzer';
import { params } from '../../support/textArbitraries';

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

describe('silencing comments of edited versions', () => {
  /** Where the whole text writes the directive word, and where an edited text does, made from the text before's. */
  const directiveOffsets = (text: string): number[] => [...scanWhole(DIRECTIVE_WORD, text).starts];
  const edited = (before: Matches, text: string, was: string): Matches => scanEdited(DIRECTIVE_WORD, before, text, changedStretch(was, text));
  const WORD = 'kamerwijzer-disable';
  it('are found around the edit as in the whole edited text, on random edits', () => {
    // Pieces that write the directive, cut it, or join two halves of it across the edit.
    const piece = fc.oneof(
      fc.constantFrom('', 'x', '\n', '\n\n', WORD, `${WORD}-line`, `<!-- ${WORD}-next-line citation-malformed -->\n`, 'kamerwijzer', '-disable', 'disable', 'k', 'e'),
      fc.string({ maxLength: 4 }),
    );
    const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat(30), insert: piece });
    const start = fc.array(fc.constantFrom('tekst ', '\n', WORD, 'amerwijzer-disable', 'kamerwijzer-disabl', `${WORD}-next-line kamerstuk-unknown`, 'kamerwijzer', '-disable ', 'k'), { maxLength: 40 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(start, fc.array(edit, { minLength: 1, maxLength: 6 }), (text, edits) => {
        let found = scanWhole(DIRECTIVE_WORD, text);
        let before = text;
        for (const e of edits) {
          const at = Math.floor(e.at * before.length);
          const after = before.slice(0, at) + e.insert + before.slice(at + e.remove);
          found = edited(found, after, before);
          assert.deepEqual([...found.starts], directiveOffsets(after));
          before = after;
        }
      }),
      params(300),
    );
  });

  it('are found around every edit of one place, as in the whole edited text', () => {
    const texts = [`a ${WORD} b`, `x amerwijzer-disable ${WORD}`, `${WORD}kamerwijzer-disabl y`, `${WORD}${WORD}`];
    const inserts = ['', 'k', 'e', 'x', WORD, '\n'];
    for (const text of texts) {
      for (let at = 0; at <= text.length; at++) {
        for (let remove = 0; remove <= 2 && at + remove <= text.length; remove++) {
          for (const insert of inserts) {
            const after = text.slice(0, at) + insert + text.slice(at + remove);
            assert.deepEqual([...edited(scanWhole(DIRECTIVE_WORD, text), after, text).starts], directiveOffsets(after), `${JSON.stringify(text)} → ${JSON.stringify(after)}`);
          }
        }
      }
    }
  });

  it('of an open document follow its edits without searching the whole text again', () => {
    const service = createKamerwijzer({ settings: { locale: 'nl', today: '2026-01-15', diagnostics: DEFAULT_DIAGNOSTIC_SETTINGS, online: false } });
    const uri = 'file:///ws/brief.md';
    const body = 'Zie Kamerstuk 35420, 57.\n\n'.repeat(2000);
    let doc = service.setDocument(uri, body, 1);
    assert.equal(suppressionsOf(doc).isSilenced('citation-malformed', 0), false);
    const texts = [
      `<!-- ${WORD}-next-line citation-malformed -->\n${body}`,
      `<!-- ${WORD}-next-line citation-malformed -->\n${body}x`,
      `<!-- ${WORD.slice(0, 5)}X${WORD.slice(5)}-next-line citation-malformed -->\n${body}x`,
      `${body}x\n${WORD} kamerstuk-unknown`,
    ];
    const expected: [string, number, boolean][][] = [
      [['citation-malformed', 1, true], ['citation-malformed', 3, false], ['kamerstuk-unknown', 1, false]],
      [['citation-malformed', 1, true], ['kamerstuk-unknown', 5, false]],
      [['citation-malformed', 1, false]],
      [['kamerstuk-unknown', 5, true], ['citation-malformed', 0, false]],
    ];
    texts.forEach((text, i) => {
      const searches = wholeSearches.count;
      doc = service.setDocument(uri, text, 2 + i);
      const s = suppressionsOf(doc);
      for (const [code, line, silenced] of expected[i]!) assert.equal(s.isSilenced(code, line), silenced, `version ${i}: ${code} on line ${line}`);
      assert.equal(wholeSearches.count, searches, `version ${i}: found around the edit`);
    });
  });
});

