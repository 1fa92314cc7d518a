/**
 * The sentence around a place (features/sentences.ts), read in windows of the text instead of the
 * whole text's sentences: the same span for every reference and for places between them, in real
 * letters, mutated letters and random texts, and in versions that take windows over from the
 * version before an edit.
 */
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { sentencesOfAnalysis } from '../../../server/src/engine/analyze';
import { withLfLineEnds } from '../../../server/src/engine/chars';
import { FlatText } from '../../../server/src/engine/flatText';
import type { IndexedDocument } from '../../../server/src/features/model';
import { adoptSentencesAroundReferences, sentenceAround, sentenceAroundInWholeText, sentencesAroundReferences, sentencesFollow, sentenceWindows, aroundWork } from '../../../server/src/features/sentences';
import { anyText, params, realLetters, VOCABULARY, withoutBlankLines } from '../../support/textArbitraries';
import { analyzedDocument } from '../../support/workspace';

const docOf = (text: string, version = 1, keepSentences = false): IndexedDocument => analyzedDocument(text, version, { keepSentences });

/** Places asked about: every reference, and places (one character, a few words) spread over the text. */
function places(doc: IndexedDocument, spread: number): { offset: number; length: number }[] {
  const out = doc.analysis.references.map((r) => r.span);
  const n = doc.text.length;
  for (let k = 0; k < spread && n > 0; k++) {
    const offset = Math.floor(((k * 7919) % spread) * (n / spread));
    out.push({ offset, length: k % 3 === 0 ? 1 : Math.min(40, n - offset) });
  }
  return out;
}

function assertSame(doc: IndexedDocument, spread = 60): void {
  for (const span of places(doc, spread)) assert.deepEqual(sentenceAround(doc, span), sentenceAroundInWholeText(doc, span), `at ${span.offset}+${span.length}`);
}

const long = realLetters().join('\n\n');

describe('the sentence around a place, read in windows of the text', () => {
  it('is the whole text\'s, in the real letters and in a long letter of all of them', () => {
    for (const text of realLetters().filter((t) => t.length > 20_000).slice(0, 6)) assertSame(docOf(text));
    assertSame(docOf(long), 400);
    // Without blank lines: the whole text's; read in windows from a line's start, not in one window of
    // the whole text (asked of a version whose whole text's sentences were not made for the comparison).
    const lines = withoutBlankLines(long);
    assertSame(docOf(lines), 400);
    const fresh = docOf(lines);
    for (const span of places(fresh, 400)) sentenceAround(fresh, span);
    const windows = sentenceWindows(fresh);
    assert.ok(windows.length > 10 && windows.every((w) => w.to - w.from < 100_000), `${windows.length} windows, the longest ${Math.max(...windows.map((w) => w.to - w.from))}`);
  });

  it('is the whole text\'s in random and mutated texts', () => {
    fc.assert(fc.property(anyText(), (text) => assertSame(docOf(text), 20)), params(150));
  });

  it('is the whole text\'s in versions that take the previous version\'s windows over', () => {
    const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat(300), insert: fc.oneof(fc.constantFrom(...VOCABULARY, '\n\n', '. De', '¹', '[^1]'), fc.string({ maxLength: 8 })) });
    const letters = realLetters().filter((t) => t.length > 20_000);
    fc.assert(
      fc.property(fc.nat(), fc.array(edit, { minLength: 1, maxLength: 5 }), (which, edits) => {
        const letter = letters[which % letters.length]!;
        let doc = docOf(which % 2 ? withoutBlankLines(letter) : letter);
        assertSame(doc, 30);
        for (const e of edits) {
          const at = Math.floor(e.at * doc.text.length);
          const text = doc.text.slice(0, at) + e.insert + doc.text.slice(at + e.remove);
          const next = docOf(text, doc.version + 1);
          sentencesFollow(next, doc);
          // Some versions are never asked (superseded at once): the next takes the windows of the last one asked.
          if (e.remove % 3 !== 0) assertSame(next, 30);
          doc = next;
        }
      }),
      params(25),
    );
  });

  it('around every reference, taken over from the version before where the edit is far, is what reading them gives', () => {
    const edit = fc.record({
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      remove: fc.nat(300),
      insert: fc.oneof(fc.constantFrom(...VOCABULARY, '\n\n', '. De', '¹', '[^1]', 'de motie-Kostić c.s.', '€ 5 miljoen', 'voor 1 juli 2026'), fc.string({ maxLength: 8 })),
      inNote: fc.boolean(),
    });
    const letters = realLetters().filter((t) => t.length > 20_000);
    const carried = aroundWork.carried;
    fc.assert(
      fc.property(fc.nat(), fc.array(edit, { minLength: 1, maxLength: 4 }), (which, edits) => {
        const letter = letters[which % letters.length]!;
        let doc = docOf(which % 2 ? withoutBlankLines(letter) : letter);
        sentencesAroundReferences(doc);
        for (const e of edits) {
          // Some edits in a footnote (its note is read again; the sentences elsewhere are taken over).
          const note = e.inNote ? doc.analysis.footnotes[Math.floor(e.at * doc.analysis.footnotes.length)] : undefined;
          const at = note ? note.bodySpan.offset + Math.floor(e.at * note.bodySpan.length) : Math.floor(e.at * doc.text.length);
          const text = doc.text.slice(0, at) + e.insert + doc.text.slice(at + e.remove);
          const next = docOf(text, doc.version + 1);
          sentencesFollow(next, doc);
          assert.deepEqual(Array.from(sentencesAroundReferences(next)), Array.from(sentencesAroundReferences(docOf(text))));
          doc = next;
        }
      }),
      params(25),
    );
    assert.ok(aroundWork.carried > carried, 'sentences taken over');
    // An edit right after an amount that ends its sentence there: that sentence is read again.
    const filler = 'Dit is een zin zonder bedrag.\n\n'.repeat(200);
    const text = `${filler}Er is € 5 miljoen beschikbaar voor de opvang van vluchtelingen in de gemeenten.\n\n${filler}`;
    const before = docOf(text);
    sentencesAroundReferences(before);
    const at = text.indexOf(' beschikbaar') + ' beschikbaar'.length;
    const edited = text.slice(0, at) + '. Daarna' + text.slice(at);
    const next = docOf(edited, 2);
    sentencesFollow(next, before);
    const amount = next.analysis.references.findIndex((r) => r.kind === 'amount');
    const around = sentencesAroundReferences(next);
    assert.equal(edited.slice(around[2 * amount]!, around[2 * amount]! + around[2 * amount + 1]!).trim(), 'Er is € 5 miljoen beschikbaar.');
  });

  it("is the whole text's as the analysis split it, when the analysis kept its sentences (a document checked as it is)", () => {
    const same = (text: string, spread: number): void => {
      const kept = docOf(text, 1, true);
      const plain = docOf(text);
      assert.ok(!sentencesOfAnalysis(plain.analysis), 'kept only when asked');
      const read = sentencesOfAnalysis(kept.analysis);
      assert.equal(!!read, !kept.metadata.frontMatterSpan, 'kept unless the text has front matter');
      if (read) assert.equal(read.flat.text, new FlatText(withLfLineEnds(text), kept.analysis.footnoteMarkers.map((m) => ({ span: m.span, replacement: '' as const }))).text);
      for (const span of places(kept, spread)) assert.deepEqual(sentenceAround(kept, span), sentenceAround(plain, span), `at ${span.offset}+${span.length}`);
    };
    for (const text of realLetters().slice(0, 12)) same(text, 60);
    same('---\ntitel: Brief\ndatum: 2025-03-01\n---\nDe motie-Kostić c.s. (Kamerstuk 29826, nr. 250) is aangenomen.¹ Zie ook\r\nKamerstuk 36471, nr. 7.\n\n¹ Handelingen II 2024/25, nr. 3.\n', 20);
    fc.assert(fc.property(anyText(), (text) => same(text, 20)), params(150));
  });

  it('taken over from elsewhere (the worker): the sentences of motions, deadlines and amounts, and every other reference\'s read here, are the whole text\'s', () => {
    for (const text of realLetters().slice(0, 10)) {
      const made = docOf(text);
      const around = sentencesAroundReferences(made);
      const taken: IndexedDocument = { ...made, analysis: structuredClone(made.analysis) };
      adoptSentencesAroundReferences(taken, structuredClone(around));
      taken.analysis.references.forEach((r, i) => {
        assert.equal(around[2 * i]! >= 0, r.kind === 'motion' || r.kind === 'deadline' || r.kind === 'amount', r.kind);
        assert.deepEqual(sentenceAround(taken, r.span), sentenceAroundInWholeText(taken, r.span), `${r.kind} at ${r.span.offset}`);
      });
    }
  });
});
