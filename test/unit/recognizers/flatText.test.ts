import * as assert from 'node:assert/strict';
import { FlatText, type OmittedSpan } from '../../../server/src/engine/flatText';
import { ForwardMatches } from '../../../server/src/engine/recognizers/forwardMatches';
import { seededRandom } from '../../support/seededRandom';

/**
 * The flat text the recognizers read, and its way back to the source: the written forms as a table,
 * then the mapping checked against a plain model of the rules (one character at a time) on many
 * generated texts, since the flat text is built from runs and the mapping is looked up by run.
 */
describe('FlatText', () => {
  const CASES: readonly [source: string, flat: string][] = [
    ['Kamerstuk 29 826,\nnr. 147', 'Kamerstuk 29 826, nr. 147'],
    ['a  \t b\r\n\r\nc', 'a b c'],
    ['\n\n  begin en eind  \n', ' begin en eind '],
    ['industriepo-\nlitiek', 'industriepolitiek'],
    ['Martens-\nAmerica', 'Martens-America'],
    ['regio- en\nstad', 'regio- en stad'],
    ['2022-\n2023', '2022- 2023'],
    ['zacht\u00adafbreken en zero\u200bwidth\ufeff', 'zachtafbreken en zerowidth'],
    ['non\u00a0breaking\u2003space\u3000here', 'non breaking space here'],
    ['', ''],
  ];
  for (const [source, flat] of CASES) {
    it(`${JSON.stringify(source)} reads as ${JSON.stringify(flat)}`, () => assert.equal(new FlatText(source).text, flat));
  }

  it('leaves out omitted parts, with or without a space for them', () => {
    const source = 'verdienvermogen¹ en [footnoteRef:2] meer';
    const omitted: OmittedSpan[] = [
      { span: { offset: 15, length: 1 }, replacement: '' },
      { span: { offset: 20, length: 15 }, replacement: ' ' },
    ];
    const flat = new FlatText(source, omitted);
    assert.equal(flat.text, 'verdienvermogen en meer');
    assert.equal(flat.sourceText(16, 23), 'en [footnoteRef:2] meer');
  });

  it('maps every flat character back to the source as the character-by-character rules do', () => {
    const pieces = ['a', 'B', 'é', 'ß', 'Ŝ', '1', '.', '-', ' ', ' ', '  ', '\n', '\r\n', '\t', '\u00ad', '\u200b', '\u00a0', '-\n', '-\n ', 'Q'];
    const random = seededRandom(20251017);
    for (let t = 0; t < 3000; t++) {
      let source = '';
      const length = Math.floor(random() * 30);
      for (let i = 0; i < length; i++) source += pieces[Math.floor(random() * pieces.length)];
      const omitted: OmittedSpan[] = [];
      for (let o = Math.floor(random() * 3); o > 0; o--) {
        const offset = Math.floor(random() * (source.length + 1));
        omitted.push({ span: { offset, length: Math.min(Math.floor(random() * 4), source.length - offset) }, replacement: random() < 0.5 ? '' : ' ' });
      }
      const flat = new FlatText(source, omitted);
      const model = flatten(source, omitted);
      const what = `${JSON.stringify(source)} ${JSON.stringify(omitted)}`;
      assert.equal(flat.text, model.text, what);
      for (let i = 0; i <= model.text.length; i++) assert.equal(flat.sourceOffset(i), model.offsets[i], `${what} sourceOffset(${i})`);
      for (let x = 0; x <= source.length; x++) {
        let expected = 0;
        while (expected < model.text.length && model.offsets[expected]! < x) expected++;
        assert.equal(flat.flatIndex(x), expected, `${what} flatIndex(${x})`);
      }
    }
  });
});

describe('ForwardMatches', () => {
  it('finds, window by window, the matches a scan of the whole text finds there', () => {
    const random = seededRandom(7);
    const words = ['zal', 'zullen', 'de', 'brief', 'wordt', 'verzonden', 'in', 'oktober', 'zalm', 'dezal'];
    for (let t = 0; t < 300; t++) {
      const text = Array.from({ length: 200 }, () => words[Math.floor(random() * words.length)]).join(random() < 0.5 ? ' ' : '  ');
      const pattern = /\b(?:zal|zullen|wordt)\b/g;
      const all: number[] = [];
      for (let m = pattern.exec(text); m; m = pattern.exec(text)) all.push(m.index);
      const found: number[] = [];
      const scan = new ForwardMatches(text, pattern, (m) => found.push(m.index));
      // Windows as a reader moving forward asks for them: neither end ever goes back; gaps, overlaps and
      // windows past the end occur.
      let from = -10;
      let to = 0;
      while (to < text.length + 50) {
        from = Math.max(from, to + Math.floor(random() * 60) - 40);
        to = Math.max(to, from + Math.floor(random() * 80));
        scan.cover(from, to);
        const expected = all.filter((p) => p >= Math.max(0, from) && p < to);
        const got = found.filter((p) => p >= Math.max(0, from) && p < to);
        assert.deepEqual(got, expected, `window [${from}, ${to})`);
      }
      // Never a match twice, always in order.
      assert.deepEqual(found, [...new Set(found)].sort((a, b) => a - b));
    }
  });
});

/** The rules of FlatText, one character at a time, as the model to check it against. */
function flatten(source: string, omitted: readonly OmittedSpan[]): { text: string; offsets: number[] } {
  const isSpace = (c: number): boolean =>
    c === 32 || c === 9 || c === 10 || c === 13 || c === 11 || c === 12 || c === 0xa0 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x202f || c === 0x205f || c === 0x3000 || c === 0x2028 || c === 0x2029;
  const isIgnorable = (c: number): boolean => c === 0xad || c === 0x200b || c === 0x200c || c === 0x200d || c === 0xfeff;
  const isLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7);
  const isLower = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 0xdf && c <= 0xff && c !== 0xf7) || (c >= 0x100 && c <= 0x24f && c % 2 === 1);
  const omits = omitted.filter((o) => o.span.length > 0).sort((a, b) => a.span.offset - b.span.offset);
  let text = '';
  const offsets: number[] = [];
  const push = (ch: string, at: number): void => {
    if (ch === ' ' && text.endsWith(' ')) return;
    text += ch;
    offsets.push(at);
  };
  let next = 0;
  let i = 0;
  while (i < source.length) {
    while (next < omits.length && omits[next]!.span.offset + omits[next]!.span.length <= i) next++;
    const omit = omits[next];
    if (omit && omit.span.offset <= i) {
      if (omit.replacement === ' ' && text.length > 0) push(' ', i);
      i = omit.span.offset + omit.span.length;
      next++;
      continue;
    }
    const c = source.charCodeAt(i);
    if (isIgnorable(c)) {
      i++;
      continue;
    }
    if (isSpace(c)) {
      const start = i;
      while (i < source.length && (isSpace(source.charCodeAt(i)) || isIgnorable(source.charCodeAt(i)))) i++;
      push(' ', start);
      continue;
    }
    if (c === 45 && text.length > 0 && isLetter(source.charCodeAt(i - 1))) {
      let j = i + 1;
      let sawBreak = false;
      while (j < source.length && (isSpace(source.charCodeAt(j)) || isIgnorable(source.charCodeAt(j)))) {
        if (source[j] === '\n' || source[j] === '\r') sawBreak = true;
        j++;
      }
      if (sawBreak && j < source.length && isLetter(source.charCodeAt(j))) {
        if (!isLower(source.charCodeAt(j))) push('-', i);
        i = j;
        continue;
      }
    }
    push(source[i]!, i);
    i++;
  }
  offsets.push(source.length);
  return { text, offsets };
}

