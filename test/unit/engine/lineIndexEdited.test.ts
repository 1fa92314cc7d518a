/**
 * The line index of an edited version, made from the previous version's (LineIndex.edited), has the
 * same line starts as one read from the text: on random texts of line breaks of every kind ("\n",
 * "\r\n", "\r") and random edits, at the edges and across breaks.
 */
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { changedStretch } from '../../../server/src/engine/incremental';
import { LineIndex } from '../../../server/src/engine/lineIndex';
import { params } from '../../support/textArbitraries';

const starts = (lines: LineIndex): number[] => Array.from({ length: lines.lineCount }, (_, i) => lines.lineStart(i));
const lineText = fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\n', '\r', '\r\n', '\n\n'), maxLength: 40 });

describe('line index of an edited version', () => {
  it('has the line starts of the edited text', () => {
    const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat(6), insert: lineText });
    fc.assert(
      fc.property(lineText, fc.array(edit, { minLength: 1, maxLength: 5 }), (start, edits) => {
        let text = start;
        let lines = new LineIndex(text);
        for (const e of edits) {
          const at = Math.floor(e.at * text.length);
          const next = text.slice(0, at) + e.insert + text.slice(at + e.remove);
          const made = lines.edited(next, changedStretch(text, next));
          assert.deepEqual(starts(made), starts(new LineIndex(next)), JSON.stringify({ text, next }));
          for (let o = 0; o <= next.length; o++) assert.deepEqual(made.positionAt(o), new LineIndex(next).positionAt(o));
          text = next;
          lines = made;
        }
      }),
      params(500),
    );
  });

  it('keeps a "\\r\\n" one break when an edit comes between its characters or next to them', () => {
    for (const [a, b] of [
      ['x\r\ny', 'x\ry'],
      ['x\ry', 'x\r\ny'],
      ['x\r', 'x\r\n'],
      ['x\n', 'x\r\n'],
      ['\r\n\r\n', '\r\r\n\n'],
      ['ab\r\ncd', 'ab\rz\ncd'],
    ] as const) {
      assert.deepEqual(starts(new LineIndex(a).edited(b, changedStretch(a, b))), starts(new LineIndex(b)), JSON.stringify([a, b]));
    }
  });
});
