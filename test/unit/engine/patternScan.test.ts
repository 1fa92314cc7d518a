/**
 * Scans kept from version to version (engine/patternScan.ts): an edited text's matches, made from the
 * previous text's and the text around the edit, are those a scan of the whole edited text finds — for
 * every pattern the footnote markup reads, on random edits of texts made of what those patterns look
 * for (and of their halves, so that edits join and cut matches); and the footnotes of an edited
 * version are found without scanning the whole text again.
 */
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { analyzeWhole } from '../../../server/src/engine/analyze';
import { changedStretch, reanalyze } from '../../../server/src/engine/incremental';
import { PatternScans, scanEdited, scanWhole, type Matches, type ScanPattern } from '../../../server/src/engine/patternScan';
import { FOOTNOTE_BODY_START, FOOTNOTE_REF, SUP_MARKER, SUPERSCRIPTS } from '../../../server/src/engine/recognizers/footnoteMarkup';
import { FOOTER_CUE_SCAN } from '../../../server/src/engine/recognizers/metadata';
import { params } from '../../support/textArbitraries';

/** The patterns, each with what it finds and pieces that make, cut and join its matches. */
const PATTERNS: [string, ScanPattern, string[]][] = [
  ['footnoteRef markers', FOOTNOTE_REF, ['[footnoteRef:1]', '[footnoteRef: 12]', '[footnoteRef:', '1]', '[', ']', ' ', '3']],
  ['Word body starts', FOOTNOTE_BODY_START, ['[1:', '[12: tekst]', '[', '1', ':', '[[2:', ' ']],
  ['<sup> markers', { re: SUP_MARKER, behind: 0, reach: 83 }, ['<sup>1</sup>', '<SUP>[2]</SUP>', '<sup>3(#fn3)</sup>', '<sup>', '</sup>', '4', ' ', '<']],
  ['superscript digits', SUPERSCRIPTS, ['¹', '²³', '¹²³⁴', '⁰', 'x', ' ', '\u2003']],
  ['page footer cues', FOOTER_CUE_SCAN, ['Kamer, vergaderjaar', 'Kamer, ', 'vergaderjaar', 'Tweede ', 'K', 'r', ' ']],
  ['a line start', { re: /^[ \t]*\[(\d{1,3})\] /gm, behind: 1, reach: 40 }, ['\n', '[1] ', '  [2] ', 'x', ' ', '[']],
  ['words with a lookahead', { re: /\b(?:19|20)\d{2}(?![0-9])/g, behind: 1, reach: 5 }, ['2024', '19', '20', '1', 'x', ' ', '7']],
];

/** What a plain scan with the pattern finds: each match's start, end and (for a pattern that keeps them) first group. */
function regexScan(pattern: ScanPattern, text: string): Matches {
  const found = [...text.matchAll(new RegExp(pattern.re.source, pattern.re.flags))];
  return {
    starts: Int32Array.from(found.map((m) => m.index!)),
    ends: Int32Array.from(found.map((m) => m.index! + m[0].length)),
    ...(pattern.label ? { labels: found.map((m) => m[1] ?? '') } : {}),
  };
}

const plain = (m: Matches): [number[], number[], string[]] => [[...m.starts], [...m.ends], [...(m.labels ?? [])]];

describe('scans of edited texts', () => {
  for (const [name, pattern, pieces] of PATTERNS) {
    it(`${name}: the matches of the whole edited text, on random edits`, () => {
      const piece = fc.oneof(fc.constantFrom(...pieces, 'tekst ', '\n'), fc.string({ maxLength: 3 }));
      const text = fc.array(piece, { maxLength: 60 }).map((parts) => parts.join(''));
      const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat(12), insert: fc.array(piece, { maxLength: 3 }).map((p) => p.join('')) });
      fc.assert(
        fc.property(text, fc.array(edit, { minLength: 1, maxLength: 6 }), (start, edits) => {
          let before = start;
          let matches = scanWhole(pattern, before);
          assert.deepEqual(plain(matches), plain(regexScan(pattern, before)), 'the whole scan is the pattern\'s');
          for (const e of edits) {
            const at = Math.floor(e.at * before.length);
            const after = before.slice(0, at) + e.insert + before.slice(at + e.remove);
            matches = scanEdited(pattern, matches, after, changedStretch(before, after));
            assert.deepEqual(plain(matches), plain(regexScan(pattern, after)), JSON.stringify(after));
            before = after;
          }
        }),
        params(250),
      );
    });
  }

  it('every edit of one place in short texts: the matches of the whole edited text', () => {
    for (const [name, pattern, pieces] of PATTERNS) {
      const texts = [pieces.join(''), pieces.slice().reverse().join(' '), `${pieces[0]}\n${pieces[1]}${pieces[0]}`];
      for (const text of texts) {
        const before = scanWhole(pattern, text);
        for (let at = 0; at <= text.length; at++) {
          for (let remove = 0; remove <= 2 && at + remove <= text.length; remove++) {
            for (const insert of ['', ...pieces]) {
              const after = text.slice(0, at) + insert + text.slice(at + remove);
              assert.deepEqual(plain(scanEdited(pattern, before, after, changedStretch(text, after))), plain(regexScan(pattern, after)), `${name}: ${JSON.stringify(text)} → ${JSON.stringify(after)}`);
            }
          }
        }
      }
    }
  });

  it('a wider stretch than the least one gives the same matches', () => {
    const text = 'a [footnoteRef:1] b [footnoteRef:2] c '.repeat(20);
    const after = text.replace('b [footnoteRef:2]', 'b [footnoteRef:22]');
    const least = changedStretch(text, after);
    const before = scanWhole(FOOTNOTE_REF, text);
    for (const widen of [0, 1, 7, 40]) {
      const wide = { start: Math.max(0, least.start - widen), oldEnd: least.oldEnd + widen, newEnd: least.newEnd + widen };
      assert.deepEqual(plain(scanEdited(FOOTNOTE_REF, before, after, wide)), plain(scanWhole(FOOTNOTE_REF, after)));
    }
  });

  it('an edited version of a letter finds its footnotes without scanning the whole text again', () => {
    const para = (i: number): string => `Zoals gemeld[footnoteRef:${i}] is de regeling¹ aangepast en <sup>${i}</sup> verwerkt.\n\n${i % 10 === 0 ? 'Tweede Kamer, vergaderjaar 2024–2025, 29 826, nr. 250 3\n\n' : ''}`;
    const notes = Array.from({ length: 30 }, (_, i) => `[${i + 1}: Kamerstuk 29 826, nr. ${i + 10}.]\n`).join('');
    let text = Array.from({ length: 300 }, (_, i) => para((i % 30) + 1)).join('') + notes;
    let previous = analyzeWhole(text);
    for (const insert of ['x', '[footnoteRef:7]', '¹', '<sup>2</sup>', 'Kamer, vergaderjaar', '']) {
      const at = text.indexOf('regeling', text.length >> 1);
      const next = text.slice(0, at) + insert + text.slice(at + 2);
      const scans = PatternScans.wholeScans;
      const re = reanalyze(previous, next);
      assert.equal(re.how, 'stretch', `${JSON.stringify(insert)}: ${re.why}`);
      assert.equal(PatternScans.wholeScans, scans, `${JSON.stringify(insert)}: no whole scan`);
      assert.deepEqual(re.result.analysis, analyzeWhole(next).analysis);
      assert.ok(re.result.analysis.metadata.identitySpans?.length, 'the page footers name the letter');
      previous = re.result;
      text = next;
    }
  });
});
