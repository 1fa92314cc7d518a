/**
 * The findings and citation descriptions the analysis worker sends as what changed against the
 * version before (lsp/replyDeltas.ts): the list made of the delta is the new list, whatever changed
 * between the two; and an edit that moves the items after it sends none of them.
 */
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import type { Finding } from '../../../server/src/features/model';
import type { CitationDescription } from '../../../server/src/features/diagnostics/citationDescription';
import { movedDescription } from '../../../server/src/features/diagnostics/citationDescription';
import { applyDescribedDelta, applyFindingsDelta, applyingFindingsDelta, applyingListDelta, applyListDelta, describedDelta, LIST_STEP, findingsDelta, type RuleFindingsList } from '../../../server/src/lsp/replyDeltas';
import { moved, sameMovedDescription, sameMovedFinding, samePlain } from '../../../server/src/features/diagnostics/moving';
import { params } from '../../support/textArbitraries';

const URI = 'file:///ws/brief.md';
const OTHER = 'file:///ws/.kamerwijzer/glossary.json';

const span = fc.record({ offset: fc.nat(5000), length: fc.nat(40) });
const finding: fc.Arbitrary<Finding> = fc.record(
  {
    code: fc.constantFrom('a', 'b'),
    span,
    message: fc.constantFrom('m1', 'm2', 'Kamerstuk 29 826, nr. 12 bestaat niet'),
    related: fc.array(fc.record({ uri: fc.constantFrom(URI, OTHER), span, message: fc.constantFrom('r1', 'r2') }), { maxLength: 2 }),
    fixes: fc.array(
      fc.record(
        {
          title: fc.constantFrom('t1', 't2'),
          edits: fc.array(fc.record({ uri: fc.constantFrom(URI, OTHER), span, newText: fc.constantFrom('', 'x', 'nr. 12') }), { maxLength: 2 }),
          preferred: fc.constant(true),
        },
        { requiredKeys: ['title', 'edits'] },
      ),
      { maxLength: 2 },
    ),
    tags: fc.constant(['unnecessary' as const]),
  },
  { requiredKeys: ['code', 'span', 'message'] },
);
// (Plain objects, as the rules make them: fast-check's records with optional keys have no prototype.)
const rules: fc.Arbitrary<RuleFindingsList[]> = fc
  .uniqueArray(fc.record({ code: fc.constantFrom('r1', 'r2', 'r3'), findings: fc.array(finding, { maxLength: 12 }) }), { selector: (r) => r.code, maxLength: 3 })
  .map((r) => structuredClone(r));

/** An edit: where its stretch ended, how much the text grew; and per rule a few findings replaced, inserted or removed at one place of its list. */
const edit = fc
  .record({ at: fc.nat(5000), shift: fc.integer({ min: -50, max: 50 }), from: fc.nat(12), removed: fc.nat(3), inserted: fc.array(finding, { maxLength: 3 }) })
  .map((c) => structuredClone(c));

describe('findings as what changed against the version before', () => {
  it('the list made of the delta is the new list, for any two lists of findings', () => {
    fc.assert(
      fc.property(rules, rules, fc.nat(5000), fc.integer({ min: -100, max: 100 }), (before, now, at, shift) => {
        const delta = findingsDelta(7, before, now, URI, at, shift);
        assert.deepEqual(applyFindingsDelta(structuredClone(before), structuredClone(delta), URI), now);
      }),
      params(300),
    );
  });

  it('applied in steps, a list pauses after every LIST_STEP items it moves and makes what applying it at once makes', () => {
    fc.assert(
      fc.property(fc.nat(3 * LIST_STEP), fc.nat(3 * LIST_STEP), fc.array(fc.nat(), { maxLength: 40 }), (prefix, suffix, middle) => {
        const before = Array.from({ length: prefix + suffix + 5 }, (_, i) => i);
        const delta = { prefix, suffix, middle };
        const move = (x: number): number => x + 1000;
        const steps = applyingListDelta(before, delta, move, 'numbers');
        let pauses = 0;
        let step = steps.next();
        for (; !step.done; step = steps.next()) pauses++;
        assert.deepEqual(step.value, applyListDelta(before, delta, move, 'numbers'));
        assert.deepEqual(step.value, [...before.slice(0, prefix).map(move), ...middle, ...before.slice(before.length - suffix).map(move)]);
        // A pause after each LIST_STEP items of the kept prefix, and of the suffix counted by their place in `before`.
        const first = before.length - suffix;
        const inSuffix = Math.floor(before.length / LIST_STEP) - Math.floor(first / LIST_STEP);
        assert.equal(pauses, Math.floor(prefix / LIST_STEP) + inSuffix);
      }),
      params(200),
    );
    // The findings' and the descriptions' deltas likewise.
    fc.assert(
      fc.property(rules, rules, fc.nat(5000), fc.integer({ min: -100, max: 100 }), (before, now, at, shift) => {
        const delta = findingsDelta(7, before, now, URI, at, shift);
        const steps = applyingFindingsDelta(structuredClone(before), structuredClone(delta), URI);
        let step = steps.next();
        while (!step.done) step = steps.next();
        assert.deepEqual(step.value, now);
      }),
      params(100),
    );
  });

  it('a finding of the version before is compared with a new one as its moved copy would be, without making it', () => {
    // The new finding: the old one moved (equal), then perhaps one thing changed in it; or another finding.
    const change = fc.constantFrom('none', 'offset', 'length', 'message', 'related offset', 'edit offset', 'key dropped', 'key added', 'other');
    fc.assert(
      fc.property(finding, finding, fc.nat(5000), fc.integer({ min: -60, max: 60 }), change, (old, other, at, shift, what) => {
        const now = structuredClone(moved(old, URI, at, shift)) as { -readonly [K in keyof Finding]: Finding[K] } & Record<string, unknown>;
        const bump = (x: { offset: number }): void => void (x.offset += 1);
        if (what === 'offset') bump(now.span as { offset: number });
        if (what === 'length') now.span = { offset: now.span.offset, length: now.span.length + 1 };
        if (what === 'message') now.message += '.';
        if (what === 'related offset' && now.related?.length) bump(now.related[0]!.span as { offset: number });
        if (what === 'edit offset' && now.fixes?.[0]?.edits.length) bump(now.fixes[0].edits[0]!.span as { offset: number });
        if (what === 'key dropped') delete now.fixes;
        if (what === 'key added') now.extra = 1;
        const against = what === 'other' ? other : now;
        assert.equal(sameMovedFinding(old, against, URI, at, shift), samePlain(moved(old, URI, at, shift), against), what);
      }),
      params(3000),
    );
  });

  it('an edit that changes a few findings and moves the places after it sends the few only, wherever the others stand in the list', () => {
    fc.assert(
      fc.property(rules, edit, (before, e) => {
        // Every rule's findings moved by the edit (in any order of place), and `removed` of them replaced by `inserted`.
        const now = before.map((r) => {
          const all = r.findings.map((f) => moved(f, URI, e.at, e.shift));
          const from = Math.min(e.from, all.length);
          return { code: r.code, findings: [...all.slice(0, from), ...e.inserted, ...all.slice(Math.min(all.length, from + e.removed))] };
        });
        const delta = findingsDelta(7, before, now, URI, e.at, e.shift);
        assert.deepEqual(applyFindingsDelta(structuredClone(before), structuredClone(delta), URI), now);
        for (const r of delta.rules) assert.ok(r.middle.length <= e.inserted.length, `${r.middle.length} findings sent of ${e.inserted.length} new`);
      }),
      params(300),
    );
  });

  it('moves the places in the document itself only (not a fix to the glossary file)', () => {
    const f: Finding = {
      code: 'instrument-unknown-abbreviation',
      span: { offset: 100, length: 3 },
      message: 'SCE',
      related: [{ uri: OTHER, span: { offset: 5, length: 2 }, message: 'r' }],
      fixes: [{ title: 't', edits: [{ uri: OTHER, span: { offset: 40, length: 0 }, newText: '{}' }, { uri: URI, span: { offset: 100, length: 3 }, newText: 'SCE-regeling' }] }],
    };
    assert.deepEqual(moved(f, URI, 50, -4), {
      ...f,
      span: { offset: 96, length: 3 },
      fixes: [{ title: 't', edits: [{ uri: OTHER, span: { offset: 40, length: 0 }, newText: '{}' }, { uri: URI, span: { offset: 96, length: 3 }, newText: 'SCE-regeling' }] }],
    });
    // Only the places at or after the edit: a finding after it keeps its related place before it.
    const g: Finding = { code: 'citation-inconsistent', span: { offset: 900, length: 7 }, message: 'm', related: [{ uri: URI, span: { offset: 20, length: 5 }, message: 'de andere citatie' }] };
    assert.deepEqual(moved(g, URI, 100, 3), { ...g, span: { offset: 903, length: 7 } });
    // Nothing at or after the edit, or no change in length: the finding itself.
    assert.equal(moved(f, URI, 500, 7), f);
    assert.equal(moved(f, URI, 50, 0), f);
  });

  it('a delta against findings this thread does not hold is refused', () => {
    const before: RuleFindingsList[] = [{ code: 'r1', findings: [{ code: 'r1', span: { offset: 1, length: 1 }, message: 'm' }] }];
    const delta = findingsDelta(3, before, before, URI, 0, 0);
    assert.throws(() => applyFindingsDelta([{ code: 'r1', findings: [] }], delta, URI), /the findings of r1 were changed against a list this thread does not hold/);
  });

  const description: fc.Arbitrary<CitationDescription | null> = fc.option(
    fc.record({ text: fc.constantFrom('de brief over de industrie', 'motie-Kostić'), words: fc.constantFrom<string[]>(['industrie'], []), span, form: fc.constantFrom('phrase' as const, 'footnote' as const) }),
    { nil: null },
  );
  const descriptions = fc.array(description, { maxLength: 20 }).map((d) => structuredClone(d));

  it('the citations\' descriptions: the list made of the delta is the new list; an edit sends the ones it changed only', () => {
    fc.assert(
      fc.property(descriptions, descriptions, edit, (before, other, e) => {
        assert.deepEqual(applyDescribedDelta(structuredClone(before), structuredClone(describedDelta(before, other, e.at, e.shift))), other);
        const all = before.map((d) => d && movedDescription(d, e.at, e.shift));
        const from = Math.min(e.from, all.length);
        const inserted = other.slice(0, 3);
        const now = [...all.slice(0, from), ...inserted, ...all.slice(Math.min(all.length, from + e.removed))];
        const delta = describedDelta(before, now, e.at, e.shift);
        assert.deepEqual(applyDescribedDelta(structuredClone(before), structuredClone(delta)), now);
        assert.ok(delta.middle.length <= inserted.length);
      }),
      params(300),
    );
  });

  it('a description of the version before is compared with a new one as its moved copy would be, without making it', () => {
    const change = fc.constantFrom('none', 'offset', 'length', 'text', 'key dropped', 'key added', 'null', 'other');
    fc.assert(
      fc.property(description, description, fc.nat(5000), fc.integer({ min: -60, max: 60 }), change, (old, other, at, shift, what) => {
        const copy = structuredClone(old && movedDescription(old, at, shift));
        const now = copy as ({ -readonly [K in keyof CitationDescription]: CitationDescription[K] } & Record<string, unknown>) | null;
        if (now && what === 'offset') now.span = { offset: now.span.offset + 1, length: now.span.length };
        if (now && what === 'length') now.span = { offset: now.span.offset, length: now.span.length + 1 };
        if (now && what === 'text') now.text += '.';
        if (now && what === 'key dropped') delete (now as Record<string, unknown>)['form'];
        if (now && what === 'key added') now['extra'] = 1;
        const against = what === 'other' ? other : what === 'null' ? null : now;
        assert.equal(sameMovedDescription(old, against, at, shift), samePlain(old && movedDescription(old, at, shift), against), what);
      }),
      params(3000),
    );
  });

  it('compares plain data throughout', () => {
    assert.ok(samePlain({ a: [1, { b: 'x' }], c: true }, { c: true, a: [1, { b: 'x' }] }));
    assert.ok(!samePlain({ a: [1, { b: 'x' }] }, { a: [1, { b: 'y' }] }));
    assert.ok(!samePlain({ a: 1 }, { a: 1, b: undefined }));
    assert.ok(!samePlain([1, 2], { 0: 1, 1: 2 }));
    assert.ok(!samePlain([1, 2], [1, 2, 3]));
    assert.ok(!samePlain(null, {}));
    assert.ok(samePlain(undefined, undefined));
  });
});
