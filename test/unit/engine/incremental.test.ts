/**
 * Analysis of a changed stretch (engine/incremental.ts) against a full analysis: on sequences of
 * random edits to real letters, each version's analysis made from the previous one's must be the
 * analysis `analyze` gives for that version, deep-equal, with and without the bundled glossary.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as fc from 'fast-check';
import { analyzeWhole, type AnalyzeOptions, type WholeAnalysis } from '../../../server/src/engine/analyze';
import { Glossary } from '../../../server/src/engine/glossary';
import type { MotionReference, Reference } from '../../../server/src/engine/model';
import { analysisDelta, applyAnalysisDelta, changedStretch, reanalyze, type Reanalysis } from '../../../server/src/engine/incremental';
import { loadBundledGlossary } from '../../../server/src/io/glossary';
import { params, realLetters, VOCABULARY, withoutBlankLines } from '../../support/textArbitraries';
import { repoRoot } from '../../support/paths';

const glossary = Glossary.from(loadBundledGlossary(path.join(repoRoot, 'server', 'data')));
const WITH_GLOSSARY: AnalyzeOptions = { instruments: glossary.matcher, senses: glossary.senses };

/** What letters are edited: the real letters of some length, and a long one made of them all. */
const letters = realLetters().filter((t) => t.length > 4000);
const longLetter = letters.join('\n\n');

/** Pieces a writer types or pastes: the recognizers' vocabulary and whole references. */
const PIECES: readonly string[] = [
  ...VOCABULARY,
  'motie-Kostić c.s.',
  'de motie van het lid Van der Lee',
  'Kamerstuk 29 826, nr. 12',
  'Kamerstukken II 2022/23, 36 200 XIII, nr. 5',
  '€ 5 miljoen',
  'EUR 3,5 mln',
  '675 miljoen',
  'voor 1 januari 2025',
  'uiterlijk eind 2026',
  '[^1]',
  '¹',
  '2025D44449',
  'Handelingen II 2023/24, nr. 41, item 5',
  'WBSO',
  'Nationaal Groeifonds',
  '(bedragen x € 1.000)\n\n63.539\n',
  '36471-6',
  'staat',
];

interface Edit {
  readonly at: number;
  readonly remove: number;
  readonly insert: string;
}

const edit: fc.Arbitrary<Edit> = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }).map((x) => x),
  remove: fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 2, arbitrary: fc.integer({ min: 1, max: 40 }) }, { weight: 1, arbitrary: fc.integer({ min: 41, max: 600 }) }),
  insert: fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...PIECES) }, { weight: 1, arbitrary: fc.constant('') }, { weight: 1, arbitrary: fc.string({ maxLength: 6 }) }),
}).map(({ at, remove, insert }) => ({ at: at as number, remove, insert }));

function apply(text: string, e: Edit): string {
  const at = Math.floor(e.at * text.length);
  return text.slice(0, at) + e.insert + text.slice(at + e.remove);
}

/** Runs the edits one after another, each version analyzed from the previous one; checks each against a full analysis. */
function check(start: string, edits: readonly Edit[], options: AnalyzeOptions, hows: Map<string, number>): void {
  let text = start;
  let previous: WholeAnalysis = analyzeWhole(text, options);
  for (const e of edits) {
    text = apply(text, e);
    const re: Reanalysis = reanalyze(previous, text, options, { smallest: 0 });
    hows.set(re.how, (hows.get(re.how) ?? 0) + 1);
    assert.deepStrictEqual(re.result.analysis, analyzeWhole(text, options).analysis, `after ${JSON.stringify(e)} (${re.how}${re.why ? `: ${re.why}` : ''})`);
    // What an analysis worker sends instead of the whole analysis makes it of a copy of the previous one.
    const delta = analysisDelta(previous.analysis, re);
    assert.equal(!!delta, re.how === 'stretch');
    if (delta) assert.deepStrictEqual(applyAnalysisDelta(structuredClone(previous.analysis), structuredClone(delta)), re.result.analysis);
    previous = re.result;
  }
}

describe('analysis of a changed stretch (incremental)', function () {
  this.timeout(600_000);

  for (const [name, options] of [
    ['without the glossary', {}],
    ['with the bundled glossary', WITH_GLOSSARY],
  ] as const) {
    it(`equals a full analysis after every edit of random edit sequences to real letters, ${name}`, () => {
      const hows = new Map<string, number>();
      fc.assert(
        fc.property(fc.nat(), fc.array(edit, { minLength: 1, maxLength: 8 }), (which, edits) => check(letters[which % letters.length]!, edits, options, hows)),
        params(40),
      );
      // Most edits must be analyzed as stretches: a test in which everything fell back would prove nothing.
      assert.ok((hows.get('stretch') ?? 0) > (hows.get('whole') ?? 0), `stretches ${hows.get('stretch') ?? 0}, whole ${hows.get('whole') ?? 0}`);
    });
  }

  it('equals a full analysis after edits anywhere in a long letter made of all the real ones', () => {
    const hows = new Map<string, number>();
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 5 }), (edits) => check(longLetter, edits, WITH_GLOSSARY, hows)),
      params(6),
    );
    assert.ok((hows.get('stretch') ?? 0) > 0);
  });

  it('equals a full analysis after edits of letters with "\\r\\n" and "\\r" line ends', () => {
    const hows = new Map<string, number>();
    fc.assert(
      fc.property(fc.nat(), fc.constantFrom('\r\n', '\r'), fc.array(edit, { minLength: 1, maxLength: 6 }), (which, lineEnd, edits) =>
        check(letters[which % letters.length]!.replace(/\n/g, lineEnd), edits, WITH_GLOSSARY, hows),
      ),
      params(20),
    );
    assert.ok((hows.get('stretch') ?? 0) > (hows.get('whole') ?? 0), `stretches ${hows.get('stretch') ?? 0}, whole ${hows.get('whole') ?? 0}`);
  });

  it('equals a full analysis after edits of letters without blank lines (a PDF\'s text), analyzed as stretches between line ends', () => {
    const hows = new Map<string, number>();
    fc.assert(
      fc.property(fc.nat(), fc.array(edit, { minLength: 1, maxLength: 6 }), (which, edits) => check(withoutBlankLines(letters[which % letters.length]!), edits, WITH_GLOSSARY, hows)),
      params(30),
    );
    assert.ok((hows.get('stretch') ?? 0) > (hows.get('whole') ?? 0), `stretches ${hows.get('stretch') ?? 0}, whole ${hows.get('whole') ?? 0}`);
  });

  it('equals a full analysis after edits inside footnotes (a citation typed in a note), analyzed as stretches', () => {
    const withNotes = letters.filter((t) => analyzeWhole(t).analysis.footnotes.length >= 3);
    assert.ok(withNotes.length >= 3, `${withNotes.length} letters with footnotes`);
    const hows = new Map<string, number>();
    const inNote = fc.record({ which: fc.nat(), note: fc.nat(), at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat(12), insert: fc.constantFrom(...PIECES, '', 'x', ' ', ', nr. 3', 'Kamerstuk 36 200, nr. 1') });
    fc.assert(
      fc.property(fc.array(inNote, { minLength: 1, maxLength: 4 }), (edits) => {
        let text = withNotes[edits[0]!.which % withNotes.length]!;
        let previous = analyzeWhole(text, WITH_GLOSSARY);
        for (const e of edits) {
          const notes = previous.analysis.footnotes;
          if (!notes.length) break;
          const body = notes[e.note % notes.length]!.bodySpan;
          const at = body.offset + Math.floor(e.at * body.length);
          text = text.slice(0, at) + e.insert + text.slice(at + Math.min(e.remove, body.offset + body.length - at));
          const re = reanalyze(previous, text, WITH_GLOSSARY, { smallest: 0 });
          hows.set(re.how, (hows.get(re.how) ?? 0) + 1);
          assert.deepStrictEqual(re.result.analysis, analyzeWhole(text, WITH_GLOSSARY).analysis, `after ${JSON.stringify(e)} (${re.how}${re.why ? `: ${re.why}` : ''})`);
          const delta = analysisDelta(previous.analysis, re);
          if (delta) assert.deepStrictEqual(applyAnalysisDelta(structuredClone(previous.analysis), structuredClone(delta)), re.result.analysis);
          previous = re.result;
        }
      }),
      params(40),
    );
    assert.ok((hows.get('stretch') ?? 0) > (hows.get('whole') ?? 0), `stretches ${hows.get('stretch') ?? 0}, whole ${hows.get('whole') ?? 0}`);
  });

  it('reads a motion again whose footnote an edit rewrites, however far the motion is from the note', () => {
    const filler = 'Dit is een zin zonder verwijzing naar een stuk.\n\n'.repeat(2000);
    const text = `Geachte voorzitter,\n\nHierbij reageer ik op de motie-Kostić c.s.¹ over de opvang.\n\n${filler}¹ Zie Kamerstuk 29 826, nr. 250.\n`;
    const previous = analyzeWhole(text);
    const motion = (a: { readonly references: readonly Reference[] }) => a.references.find((r): r is MotionReference => r.kind === 'motion')!;
    assert.deepEqual([motion(previous.analysis).kamerstuk?.dossier, motion(previous.analysis).kamerstuk?.nr], ['29826', '250']);
    // A paper cited before the one in the note: the motion's footnote now cites that one first.
    const at = text.lastIndexOf('Zie ');
    const edited = text.slice(0, at) + 'Voor de stand: Kamerstuk 36 200, nr. 1. ' + text.slice(at);
    const re = reanalyze(previous, edited, {}, { smallest: 0 });
    assert.deepStrictEqual(re.result.analysis, analyzeWhole(edited).analysis, `${re.how}${re.why ? `: ${re.why}` : ''}`);
    assert.deepEqual([motion(re.result.analysis).kamerstuk?.dossier, motion(re.result.analysis).kamerstuk?.nr], ['36200', '1']);
    // The same note near its motion: read as a stretch.
    const near = `${filler}Hierbij reageer ik op de motie-Kostić c.s.¹ over de opvang.\n\n¹ Zie Kamerstuk 29 826, nr. 250.\n\n${filler}`;
    const nearAt = near.lastIndexOf('Zie ');
    const nearEdited = near.slice(0, nearAt) + 'Voor de stand: Kamerstuk 36 200, nr. 1. ' + near.slice(nearAt);
    const nearRe = reanalyze(analyzeWhole(near), nearEdited, {}, { smallest: 0 });
    assert.equal(nearRe.how, 'stretch', nearRe.why);
    assert.deepStrictEqual(nearRe.result.analysis, analyzeWhole(nearEdited).analysis);
  });

  it('reads only the paragraphs around a typed character in a long letter', () => {
    const previous = analyzeWhole(longLetter, WITH_GLOSSARY);
    const at = longLetter.indexOf(' ', longLetter.length >> 1) + 1;
    const typed = longLetter.slice(0, at) + 'x' + longLetter.slice(at);
    const re = reanalyze(previous, typed, WITH_GLOSSARY);
    assert.equal(re.how, 'stretch', re.why);
    assert.ok(re.stretch && re.stretch.from < at && re.stretch.to > at && re.stretch.to - re.stretch.from < 40_000, JSON.stringify(re.stretch));
    assert.deepStrictEqual(re.result.analysis, analyzeWhole(typed, WITH_GLOSSARY).analysis);
    // The delta holds the stretch's references only, not the document's.
    const delta = analysisDelta(previous.analysis, re)!;
    const all = re.result.analysis.references.length;
    assert.ok(delta.middle.length + delta.patches.length < all / 10, `${delta.middle.length} + ${delta.patches.length} of ${all}`);
    assert.ok(delta.instruments.middle.length < re.result.analysis.instruments.length / 10);
    // Without blank lines (a PDF's text): the lines around it, not the whole letter.
    const lines = withoutBlankLines(longLetter);
    const inLines = lines.indexOf(' ', lines.length >> 1) + 1;
    const typedInLines = lines.slice(0, inLines) + 'x' + lines.slice(inLines);
    const again = reanalyze(analyzeWhole(lines, WITH_GLOSSARY), typedInLines, WITH_GLOSSARY);
    assert.equal(again.how, 'stretch', again.why);
    assert.ok(again.stretch && again.stretch.from < inLines && again.stretch.to > inLines && again.stretch.to - again.stretch.from < 12_000, JSON.stringify(again.stretch));
    assert.deepStrictEqual(again.result.analysis, analyzeWhole(typedInLines, WITH_GLOSSARY).analysis);
  });

  it('analyzes the whole document when its metadata changes (a new date in its head)', () => {
    const letter = letters.find((t) => /\b\d{1,2} (?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december) 20\d\d\b/.test(t.slice(0, 600)) && analyzeWhole(t).analysis.metadata.date)!;
    const previous = analyzeWhole(letter);
    const changed = letter.replace(/\b20(\d\d)\b/, (_y, d: string) => `20${String((Number(d) + 1) % 100).padStart(2, '0')}`);
    const re = reanalyze(previous, changed, {}, { smallest: 0 });
    assert.equal(re.how, 'whole');
    assert.deepStrictEqual(re.result.analysis, analyzeWhole(changed).analysis);
  });

  it('analyzes the whole document when taking over the previous analysis fails (a previous analysis that does not fit)', () => {
    const previous = analyzeWhole(longLetter);
    const broken: WholeAnalysis = { ...previous, analysis: { ...previous.analysis, references: [null as unknown as Reference] } };
    const at = longLetter.length >> 1;
    const edited = longLetter.slice(0, at) + 'x' + longLetter.slice(at);
    const re = reanalyze(broken, edited);
    assert.equal(re.how, 'whole');
    assert.match(re.why ?? '', /^failed: /);
    assert.deepStrictEqual(re.result.analysis, analyzeWhole(edited).analysis);
  });

  it('gives the previous analysis back for the same text, and a full one for a small document', () => {
    const previous = analyzeWhole(letters[0]!);
    assert.equal(reanalyze(previous, letters[0]!).how, 'unchanged');
    const small = analyzeWhole('Zie Kamerstuk 29 826, nr. 12.');
    assert.equal(reanalyze(small, 'Zie Kamerstuk 29 826, nr. 13.').why, 'small');
  });

  it('finds the changed part of two texts', () => {
    const base = 'a'.repeat(10_000) + 'middle' + 'b'.repeat(9_000);
    assert.deepStrictEqual(changedStretch(base, base.replace('middle', 'MIDdle')), { start: 10_000, oldEnd: 10_003, newEnd: 10_003 });
    assert.deepStrictEqual(changedStretch('aa', 'aaa'), { start: 2, oldEnd: 2, newEnd: 3 });
    assert.deepStrictEqual(changedStretch('abc', ''), { start: 0, oldEnd: 3, newEnd: 0 });
    // A line end "\r\n" is never split.
    assert.deepStrictEqual(changedStretch('x\r\ny', 'x\ry'), { start: 1, oldEnd: 3, newEnd: 2 });
    // Asked again (the last answers are kept), and of texts with the same content as those asked before.
    const edited = base.replace('middle', 'MIDdle');
    assert.deepStrictEqual(changedStretch(base, edited), { start: 10_000, oldEnd: 10_003, newEnd: 10_003 });
    assert.deepStrictEqual(changedStretch(edited, base), { start: 10_000, oldEnd: 10_003, newEnd: 10_003 });
    assert.deepStrictEqual(changedStretch(base, `${edited}x`), { start: 10_000, oldEnd: 19_006, newEnd: 19_007 });
    assert.deepStrictEqual(changedStretch(base, [...edited].join('')), { start: 10_000, oldEnd: 10_003, newEnd: 10_003 });
    fc.assert(
      fc.property(fc.string({ maxLength: 50 }), fc.string({ maxLength: 50 }), (a, b) => {
        const c = changedStretch(a, b);
        assert.equal(a.slice(0, c.start), b.slice(0, c.start));
        assert.equal(a.slice(c.oldEnd), b.slice(c.newEnd));
        assert.ok(c.start <= c.oldEnd && c.start <= c.newEnd);
      }),
      params(300),
    );
  });
});
