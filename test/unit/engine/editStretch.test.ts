/**
 * Where a text changed, made from the editor's edits instead of comparing the texts: the edits of a
 * version composed (composeStretch) leave the same text before and after the stretch, and widened
 * (canonicalStretch) they give what comparing the two texts gives (changedStretch) — on random texts
 * of few letters and line breaks of every kind (long runs of one character, "\r\n" split or joined)
 * and random edits. And the edit trail (lsp/editTrail.ts) that keeps them per document.
 */
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { canonicalStretch, changedStretch, composeStretch, type ChangedStretch } from '../../../server/src/engine/incremental';
import { EditTrail } from '../../../server/src/lsp/editTrail';
import { params } from '../../support/textArbitraries';

const text = fc.string({ unit: fc.constantFrom('a', 'a', 'b', ' ', '\n', '\r', '\r\n'), maxLength: 30 });
const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat(5), insert: text });

/** A fresh copy of a string (changedStretch keeps its answers by the strings asked about). */
const copy = (s: string): string => s.split('').join('');

/** Applies random edits one after another: the final text and each edit's place in the text before it. */
function edited(start: string, edits: readonly { at: number; remove: number; insert: string }[]): { text: string; places: { start: number; end: number; inserted: number }[] } {
  let t = start;
  const places: { start: number; end: number; inserted: number }[] = [];
  for (const e of edits) {
    const at = Math.floor(e.at * t.length);
    const end = Math.min(t.length, at + e.remove);
    places.push({ start: at, end, inserted: e.insert.length });
    t = t.slice(0, at) + e.insert + t.slice(end);
  }
  return { text: t, places };
}

describe('a changed stretch from the editor\'s edits', () => {
  it('composed, it leaves the same text before and after it; widened, it is what comparing finds', () => {
    fc.assert(
      fc.property(text, fc.array(edit, { minLength: 1, maxLength: 6 }), (start, edits) => {
        const { text: end, places } = edited(start, edits);
        let stretch: ChangedStretch | undefined;
        for (const p of places) stretch = composeStretch(stretch, p.start, p.end, p.inserted);
        const s = stretch!;
        assert.ok(s.start <= s.oldEnd && s.start <= s.newEnd && s.oldEnd <= start.length && start.length - s.oldEnd === end.length - s.newEnd, JSON.stringify(s));
        assert.equal(end.slice(0, s.start), start.slice(0, s.start));
        assert.equal(end.slice(s.newEnd), start.slice(s.oldEnd));
        assert.deepEqual(canonicalStretch(start, end, s), changedStretch(copy(start), copy(end)), JSON.stringify({ start, end, s }));
      }),
      params(2000),
    );
  });

  it('widened from any stretch that fits, the same', () => {
    // The whole texts as the stretch (the most an edit can say), and an edit at the very end.
    for (const [a, b] of [
      ['aaaa', 'aaaaa'],
      ['x\r\ny', 'x\ry'],
      ['x\r', 'x\r\n'],
      ['', 'a'],
      ['ab', ''],
      ['same', 'same'],
    ] as const) {
      assert.deepEqual(canonicalStretch(a, b, { start: 0, oldEnd: a.length, newEnd: b.length }), changedStretch(copy(a), copy(b)), `${JSON.stringify(a)} → ${JSON.stringify(b)}`);
      assert.deepEqual(canonicalStretch(a, b, { start: Math.min(a.length, b.length, 1), oldEnd: a.length, newEnd: b.length }), changedStretch(copy(a), copy(b)));
    }
  });
});

describe('the edit trail of an open document', () => {
  const A = 'file:///a.md';

  it('knows where the text changed since the text it was taken at, through any number of edits', () => {
    fc.assert(
      fc.property(text, fc.array(edit, { minLength: 1, maxLength: 6 }), fc.array(edit, { maxLength: 4 }), (start, first, second) => {
        const trail = new EditTrail();
        trail.take(A, undefined, start);
        /** Makes the edits, each told to the trail; then takes it and checks what it says against the texts. */
        const editedAndTaken = (from: string, edits: readonly { at: number; remove: number; insert: string }[]): string => {
          let t = from;
          for (const e of edits) {
            const at = Math.floor(e.at * t.length);
            const next = t.slice(0, at) + e.insert + t.slice(Math.min(t.length, at + e.remove));
            trail.record(A, t, next, { start: at, end: Math.min(t.length, at + e.remove), inserted: e.insert });
            t = next;
          }
          const { stretch: s, inserted } = trail.take(A, from, t)!;
          assert.equal(t.slice(0, s.start), from.slice(0, s.start));
          assert.equal(t.slice(s.newEnd), from.slice(s.oldEnd));
          assert.equal(inserted, t.slice(s.start, s.newEnd));
          return t;
        };
        // Taken, it starts again at that text.
        editedAndTaken(editedAndTaken(start, first), second);
      }),
      params(500),
    );
  });

  it('follows where the editor\'s text differs from each of the last texts given to the worker, through any number of edits', () => {
    fc.assert(
      fc.property(text, fc.array(fc.array(edit, { maxLength: 4 }), { minLength: 1, maxLength: 6 }), fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }), (start, rounds, giveAfter) => {
        const trail = new EditTrail();
        trail.given(A, start);
        const given = [start];
        let t = start;
        rounds.forEach((round, r) => {
          for (const e of round) {
            const at = Math.floor(e.at * t.length);
            const next = t.slice(0, at) + e.insert + t.slice(Math.min(t.length, at + e.remove));
            trail.record(A, t, next, { start: at, end: Math.min(t.length, at + e.remove), inserted: e.insert });
            t = next;
          }
          if (giveAfter[r]) {
            trail.given(A, t);
            given.push(t);
          }
        });
        // Each of the last three given (the oldest asked first: asking drops the ones older than the text asked of), checked against the texts.
        for (const from of given.slice(-3)) {
          const known = trail.stretchFrom(A, from, t);
          assert.ok(known, 'known');
          const s = known.stretch;
          if (!s) {
            assert.equal(from, t);
            continue;
          }
          assert.ok(s.start <= s.oldEnd && s.start <= s.newEnd && from.length - s.oldEnd === t.length - s.newEnd, JSON.stringify(s));
          assert.equal(t.slice(0, s.start), from.slice(0, s.start));
          assert.equal(t.slice(s.newEnd), from.slice(s.oldEnd));
        }
      }),
      params(500),
    );
  });

  it('follows given texts only while every edit is told: not after another text, a whole new one, or closing; not for a text never given', () => {
    const trail = new EditTrail();
    const [v1, v2, v3] = ['Kamerstuk 29826, nr. 250', 'Kamerstuk 29826, nr. 251', 'Kamerstuk 29826, nr. 2512'];
    trail.given(A, v1);
    trail.record(A, v1, v2, { start: 23, end: 24, inserted: '1' });
    assert.deepEqual(trail.stretchFrom(A, v1, v2), { stretch: { start: 23, oldEnd: 24, newEnd: 24 } });
    // Another editor text than the one followed to, a text never given: not known.
    assert.equal(trail.stretchFrom(A, v1, v3), undefined);
    assert.equal(trail.stretchFrom(A, 'Kamerstuk 29826, nr. 25', v2), undefined);
    // A text given that is not the editor's text now is not followed.
    trail.given(A, v3);
    assert.equal(trail.stretchFrom(A, v3, v2), undefined);
    // Given now: the same text, nowhere changed.
    trail.given(A, v2);
    assert.deepEqual(trail.stretchFrom(A, v2, v2), { stretch: undefined });
    // Asked for a newer one, the older ones are no longer followed.
    assert.equal(trail.stretchFrom(A, v1, v2), undefined);
    // An analysis of a text given held: the ones given before it are no longer followed.
    const v4 = `${v2}.`;
    trail.record(A, v2, v4, { start: v2.length, end: v2.length, inserted: '.' });
    trail.given(A, v4);
    trail.held(A, v4);
    assert.equal(trail.stretchFrom(A, v2, v4), undefined);
    assert.deepEqual(trail.stretchFrom(A, v4, v4), { stretch: undefined });
    trail.record(A, v4, v2, { start: v2.length, end: v4.length, inserted: '' });
    // An edit of a text it does not end in: nothing followed.
    trail.record(A, v1, v3, { start: 23, end: 24, inserted: '12' });
    assert.equal(trail.stretchFrom(A, v2, v3), undefined);
    // The whole text replaced, or the document closed: nothing followed.
    trail.given(A, v3);
    trail.record(A, v3, v1, undefined);
    assert.equal(trail.stretchFrom(A, v3, v1), undefined);
    trail.given(A, v1);
    trail.forget(A);
    assert.equal(trail.stretchFrom(A, v1, v1), undefined);
  });

  it('does not know after edits it was not told of, a whole new text, another start, or once the document closed', () => {
    const trail = new EditTrail();
    const [v1, v2, v3] = ['Kamerstuk 29826, nr. 250', 'Kamerstuk 29826, nr. 251', 'Kamerstuk 29826, nr. 252'];
    trail.take(A, undefined, v1);
    trail.record(A, v1, v2, { start: 23, end: 24, inserted: '1' });
    // Asked from another text than it started at: it does not know, and starts again at the text asked to.
    assert.equal(trail.take(A, 'iets anders', v2), undefined);
    assert.deepEqual(trail.take(A, v2, v2), { stretch: { start: v2.length, oldEnd: v2.length, newEnd: v2.length }, inserted: '' });
    // An edit of a text it does not end in (one it was not told of came between): a new trail from there.
    trail.record(A, v1, v3, { start: 23, end: 24, inserted: '2' });
    assert.equal(trail.take(A, v2, v3), undefined);
    // Taken at v3 (not known, but where the worker is given the text whole): the next edit goes on from there.
    trail.record(A, v3, v1, { start: 23, end: 24, inserted: '0' });
    assert.deepEqual(trail.take(A, v3, v1), { stretch: { start: 23, oldEnd: 24, newEnd: 24 }, inserted: '0' });
    // The whole text replaced: nothing known from before it.
    trail.record(A, v1, v2, undefined);
    assert.equal(trail.take(A, v1, v2), undefined);
    trail.record(A, v2, v3, { start: 23, end: 24, inserted: '2' });
    trail.forget(A);
    assert.equal(trail.take(A, v2, v3), undefined);
  });
});
