/**
 * Two findings make the same diagnostic (lsp/convert.ts `sameDiagnostic`, which keeps a report and its
 * id across versions) exactly when `toDiagnostic` writes the same for both: on random pairs of findings
 * that differ in one field or none.
 */
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import type { CheckedFinding } from '../../server/src/features/model';
import { sameDiagnostic, toDiagnostic } from '../../server/src/lsp/convert';
import { params } from '../support/textArbitraries';

const small = fc.nat(3);
const position = fc.record({ line: small, character: small });
const range = fc.record({ start: position, end: position });
// Few kinds of related places, so that two lists often share all but one field of one place.
const relatedRange = fc.constantFrom({ start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, { start: { line: 1, character: 0 }, end: { line: 1, character: 1 } });
const related = fc.array(fc.record({ uri: fc.constantFrom('file:///a.md', 'file:///b.md'), span: fc.constant({ offset: 0, length: 1 }), message: fc.constantFrom('hier', 'daar'), range: relatedRange }), { maxLength: 2 });
const finding: fc.Arbitrary<CheckedFinding> = fc.record(
  {
    code: fc.constantFrom('citation-malformed', 'kamerstuk-unknown'),
    span: fc.record({ offset: small, length: small }),
    message: fc.constantFrom('Schrijf het zo.', 'Schrijf het anders.'),
    severity: fc.constantFrom('hint', 'information', 'warning', 'error' as const),
    range,
    tags: fc.array(fc.constantFrom('unnecessary', 'deprecated' as const), { maxLength: 2 }),
    related,
    fixes: fc.constant([]),
  },
  { requiredKeys: ['code', 'span', 'message', 'severity', 'range'] },
);

describe('the same diagnostic', () => {
  it('is what toDiagnostic writes the same for, whatever else (the span, the fixes) differs', () => {
    // A pair: two findings, or one and a copy of it with one field of another.
    const pair = fc.oneof(
      fc.tuple(finding, finding),
      fc.tuple(finding, finding, fc.constantFrom<keyof CheckedFinding>('code', 'span', 'message', 'severity', 'range', 'tags', 'related', 'fixes')).map(([a, b, key]) => [a, { ...a, [key]: b[key] }] as [CheckedFinding, CheckedFinding]),
      finding.map((a) => [a, JSON.parse(JSON.stringify(a)) as CheckedFinding] as [CheckedFinding, CheckedFinding]),
      // One field of one related place other (or none, the copy the same).
      fc.tuple(finding, fc.constantFrom('uri', 'message', 'range', 'span', 'none')).map(([a, key]) => {
        const b = JSON.parse(JSON.stringify(a)) as { related?: Record<string, unknown>[] };
        const place = b.related?.[0];
        if (place && key === 'uri') place['uri'] = place['uri'] === 'file:///a.md' ? 'file:///b.md' : 'file:///a.md';
        if (place && key === 'message') place['message'] = `${String(place['message'])}!`;
        if (place && key === 'range') place['range'] = { start: { line: 9, character: 9 }, end: { line: 9, character: 9 } };
        if (place && key === 'span') place['span'] = { offset: 7, length: 7 };
        return [a, b as unknown as CheckedFinding] as [CheckedFinding, CheckedFinding];
      }),
    );
    let same = 0;
    fc.assert(
      fc.property(pair, ([a, b]) => {
        const written = JSON.stringify(toDiagnostic(a)) === JSON.stringify(toDiagnostic(b));
        assert.equal(sameDiagnostic(a, b), written, JSON.stringify([a, b]));
        if (written) same++;
      }),
      params(2000),
    );
    assert.ok(same > 100, `${same} pairs the same`);
  });
});
