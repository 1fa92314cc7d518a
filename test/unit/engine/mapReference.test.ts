/**
 * Moving a reference (`mapReference`, used for every reference after an edit and for a stretch's
 * references) copies it with `copyWith`: the copy has the same fields in the same order, every place
 * it holds moved, and nothing else changed — for every kind of reference the letters have.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, mapReference } from '../../../server/src/engine/analyze';
import type { Reference, Span } from '../../../server/src/engine/model';
import { copyWith } from '../../../server/src/engine/records';
import { repoRoot } from '../../support/paths';

/** Every span a value holds (at any depth), with its path. */
function spans(x: unknown, at = ''): [string, Span][] {
  if (!x || typeof x !== 'object') return [];
  const o = x as Record<string, unknown>;
  if (typeof o['offset'] === 'number' && typeof o['length'] === 'number' && Object.keys(o).length === 2) return [[at, o as unknown as Span]];
  return Object.entries(o).flatMap(([k, v]) => (k === 'range' ? [] : spans(v, `${at}.${k}`)));
}

/** The value with every span's offset replaced by a mark (what must stay equal besides the places). */
function withoutPlaces(x: unknown): unknown {
  return JSON.parse(JSON.stringify(x, (_key, v: unknown) => (v && typeof v === 'object' && Object.keys(v).length === 2 && 'offset' in v && 'length' in v ? { length: (v as Span).length } : v)));
}

describe('moving a reference', () => {
  const seeds = fs.readdirSync(path.join(repoRoot, 'seeds')).filter((f) => f.endsWith('.txt'));
  const references: Reference[] = seeds.flatMap((f) => analyze(fs.readFileSync(path.join(repoRoot, 'seeds', f), 'utf8')).references);

  it('keeps every field in its order and moves every place, for every kind', () => {
    const kinds = new Set<string>();
    for (const r of references) {
      kinds.add(r.kind);
      const moved = mapReference(r, (o) => o + 7);
      assert.notEqual(moved, r);
      assert.deepEqual(Object.keys(moved), Object.keys(r), `${r.kind} "${r.text}"`);
      const before = spans(r);
      const after = spans(moved);
      assert.deepEqual(after.map(([p]) => p), before.map(([p]) => p));
      after.forEach(([p, s], i) => assert.deepEqual(s, { offset: before[i]![1].offset + 7, length: before[i]![1].length }, `${r.kind} ${p}`));
      assert.deepEqual(withoutPlaces(moved), withoutPlaces(r));
    }
    // The seeds have references of these kinds at least (the parts of each that hold places).
    for (const kind of ['kamerstuk', 'motion', 'amount', 'deadline', 'documentNumber']) assert.ok(kinds.has(kind), kind);
  });

  it('replaces the range of a reference that has one, and leaves the original as it was', () => {
    const r = references.find((x) => x.kind === 'kamerstuk')!;
    const copy = structuredClone(r);
    const range = { start: { line: 9, character: 1 }, end: { line: 9, character: 5 } };
    const moved = mapReference({ ...r, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } }, (o) => o, range);
    assert.deepEqual(moved.range, range);
    assert.deepEqual(r, copy);
  });

  it('copyWith: the same fields in the same order as a spread, the changes laid over them', () => {
    const x = { a: 1, b: { c: 2 }, d: undefined as number | undefined, e: 'x' };
    const y = copyWith(x, { b: { c: 3 }, e: 'y' });
    assert.deepEqual(Object.entries(y), Object.entries({ ...x, b: { c: 3 }, e: 'y' }));
    assert.notEqual(y, x);
    assert.equal(x.e, 'x');
  });
});
