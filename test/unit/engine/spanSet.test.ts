/**
 * A set of spans (engine/sortedOffsets.ts SpanSet) answers "overlaps?" and "holds?" as a search of
 * every span would: for spans given in order, in several sorted runs put together (as the rules give
 * references and instruments), or in any order, with empty spans and equal starts.
 */
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import type { Span } from '../../../server/src/engine/model';
import { SpanSet } from '../../../server/src/engine/sortedOffsets';
import { params } from '../../support/textArbitraries';

const span = fc.record({ offset: fc.nat(200), length: fc.nat(12) });
const overlapsAny = (spans: readonly Span[], s: Span): boolean => spans.some((x) => x.offset < s.offset + s.length && s.offset < x.offset + x.length);
const byOffset = (a: Span, b: Span): number => a.offset - b.offset;

describe('a set of spans', () => {
  it('answers as a search of every span, whatever order the spans come in', () => {
    const spans = fc.oneof(
      fc.array(span, { maxLength: 60 }),
      fc.array(span, { maxLength: 60 }).map((l) => [...l].sort(byOffset)),
      fc.array(fc.array(span, { maxLength: 20 }), { maxLength: 4 }).map((runs) => runs.flatMap((r) => [...r].sort(byOffset))),
    );
    fc.assert(
      fc.property(spans, fc.array(span, { minLength: 1, maxLength: 30 }), (list, asked) => {
        const set = new SpanSet(list);
        for (const s of asked) {
          assert.equal(set.overlaps(s), overlapsAny(list, s), JSON.stringify({ list, s }));
          assert.equal(set.holds(s.offset), overlapsAny(list, { offset: s.offset, length: 1 }));
        }
      }),
      params(2000),
    );
  });

  it('takes any iterable, and starts far beyond where packed numbers reach', () => {
    const far = [{ offset: 2 ** 33, length: 5 }, { offset: 10, length: 2 }];
    const set = new SpanSet(new Set(far));
    assert.equal(set.holds(2 ** 33 + 4), true);
    assert.equal(set.holds(11), true);
    assert.equal(set.holds(12), false);
    assert.equal(new SpanSet([]).holds(0), false);
  });
});
