import * as assert from 'node:assert/strict';
import { analyze } from '../../server/src/engine/analyze';
import { LineIndex } from '../../server/src/engine/lineIndex';

describe('analysis: every reference carries its range', () => {
  it('LSP line/character in UTF-16 code units, also after astral characters and CRLF', () => {
    const text = 'Eerste regel 🇳🇱\r\nZie Kamerstuk 29826, nr. 250 en € 3 mrd.\r\n';
    const a = analyze(text);
    const lines = new LineIndex(text);
    assert.ok(a.references.length >= 2);
    for (const r of a.references) {
      assert.deepEqual(r.range, lines.rangeOf(r.span));
      assert.equal(text.slice(r.span.offset, r.span.offset + r.span.length), r.text);
    }
    const k = a.references.find((r) => r.kind === 'kamerstuk')!;
    assert.deepEqual(k.range, { start: { line: 1, character: 4 }, end: { line: 1, character: 28 } });
  });
});
