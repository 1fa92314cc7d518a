/**
 * What an edit moves: a finding of the version before with its places after the changed stretch
 * moved (`moved`), and whether an item of the version before, moved so, equals the new version's —
 * found without making the moved copy (`sameMovedFinding`, `sameMovedDescription`), and plain data
 * compared whole (`samePlain`). The worker's deltas (lsp/replyDeltas.ts) and what rules take over
 * from the version before (perReference.ts) compare with these.
 */
import type { Span } from '../../engine/model';
import { copyWith } from '../../engine/records';
import type { Finding } from '../model';
import type { CitationDescription } from './citationDescription';

/**
 * A finding with every place in the document `uri` at or after `at` moved by `shift`: the finding
 * itself when none is there (most findings of an edit's version before, and every one when the
 * length did not change).
 */
export function moved(f: Finding, uri: string, at: number, shift: number): Finding {
  if (shift === 0) return f;
  const moves = (s: Span): boolean => s.offset >= at;
  const any = moves(f.span) || !!f.related?.some((r) => r.uri === uri && moves(r.span)) || !!f.fixes?.some((x) => x.edits.some((e) => e.uri === uri && moves(e.span)));
  if (!any) return f;
  const place = (s: Span): Span => (moves(s) ? { offset: s.offset + shift, length: s.length } : s);
  const changes: { -readonly [K in keyof Finding]?: Finding[K] } = { span: place(f.span) };
  if (f.related) changes.related = f.related.map((r) => (r.uri === uri ? copyWith(r, { span: place(r.span) }) : r));
  if (f.fixes) changes.fixes = f.fixes.map((x) => copyWith(x, { edits: x.edits.map((e) => (e.uri === uri ? copyWith(e, { span: place(e.span) }) : e)) }));
  return copyWith(f, changes);
}

/**
 * Whether `moved(old, uri, at, shift)` would be equal to `now` (samePlain), found without making the
 * moved copy: the places `moved` moves (the finding's own, and those of related places and fixes' edits
 * in the document `uri`) compared moved, everything else as it is. Written out field by field, with
 * no function made per finding: thousands of findings are compared on every version of a large
 * letter, in the worker that makes its findings.
 */
export function sameMovedFinding(old: Finding, now: Finding, uri: string, at: number, shift: number): boolean {
  if (shift === 0) return samePlain(old, now);
  if (!isRecord(now)) return samePlain(old, now);
  const a = old as unknown as Record<string, unknown>;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(now).length) return false;
  for (const k of keys) {
    if (!Object.prototype.hasOwnProperty.call(now, k)) return false;
    const x = a[k];
    const y = (now as Record<string, unknown>)[k];
    const same = k === 'span' ? sameMovedSpan(x as Span, y, at, shift) : k === 'related' ? samePlaces(x, y, uri, at, shift) : k === 'fixes' ? sameFixes(x, y, uri, at, shift) : samePlain(x, y);
    if (!same) return false;
  }
  return true;
}

/** A place of the version before, moved as `moved` moves it (a new place of its offset and length), against a place of the new version. */
function sameMovedSpan(a: Span, b: unknown, at: number, shift: number): boolean {
  if (!(a.offset >= at)) return samePlain(a, b);
  if (!isRecord(b)) return false;
  const own = Object.prototype.hasOwnProperty;
  return Object.keys(b).length === 2 && own.call(b, 'offset') && own.call(b, 'length') && b['offset'] === a.offset + shift && samePlain(a.length, b['length']);
}

/** Related places or a fix's edits: each moved when it is in the document itself. */
function samePlaces(a: unknown, b: unknown, uri: string, at: number, shift: number): boolean {
  if (!Array.isArray(a) || !Array.isArray(b)) return samePlain(a, b);
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x: unknown = a[i];
    if (isRecord(x) && x['uri'] === uri ? !samePlaced(x, b[i], at, shift) : !samePlain(x, b[i])) return false;
  }
  return true;
}

/** A related place or an edit in the document itself: its place compared moved, the rest as it is. */
function samePlaced(a: Record<string, unknown>, b: unknown, at: number, shift: number): boolean {
  if (!isRecord(b)) return samePlain(a, b);
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const k of keys) {
    if (!Object.prototype.hasOwnProperty.call(b, k)) return false;
    if (k === 'span' ? !sameMovedSpan(a[k] as Span, b[k], at, shift) : !samePlain(a[k], b[k])) return false;
  }
  return true;
}

/** A finding's fixes: each one's edits compared as places. */
function sameFixes(a: unknown, b: unknown, uri: string, at: number, shift: number): boolean {
  if (!Array.isArray(a) || !Array.isArray(b)) return samePlain(a, b);
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const fix: unknown = a[i];
    const other: unknown = b[i];
    if (!isRecord(fix) || !isRecord(other)) {
      if (!samePlain(fix, other)) return false;
      continue;
    }
    const keys = Object.keys(fix);
    if (keys.length !== Object.keys(other).length) return false;
    for (const k of keys) {
      if (!Object.prototype.hasOwnProperty.call(other, k)) return false;
      if (k === 'edits' ? !samePlaces(fix[k], other[k], uri, at, shift) : !samePlain(fix[k], other[k])) return false;
    }
  }
  return true;
}

/** A plain object (not an array, not null). */
function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}


/** Whether `old && movedDescription(old, at, shift)` would be equal to `now` (samePlain), found without making the moved copy. */
export function sameMovedDescription(old: CitationDescription | null, now: CitationDescription | null, at: number, shift: number): boolean {
  if (old === null || shift === 0 || !isRecord(now)) return samePlain(old, now);
  const a = old as unknown as Record<string, unknown>;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(now).length) return false;
  for (const k of keys) {
    if (!Object.prototype.hasOwnProperty.call(now, k)) return false;
    if (k === 'span' ? !sameMovedSpan(old.span, now[k], at, shift) : !samePlain(a[k], now[k])) return false;
  }
  return true;
}


/**
 * Whether two values of plain data (what a finding is made of: objects, arrays, strings, numbers,
 * booleans, undefined) are equal throughout. Objects are equal when they hold the same keys with
 * equal values, whatever their order ("a key with undefined" and "no key" differ, as for a copy).
 * Compared with a list of pairs still to compare, not by calling itself (see the robustness tests).
 */
export function samePlain(a: unknown, b: unknown): boolean {
  // Most values compared are strings and numbers: no list for them.
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const pending: unknown[] = [a, b];
  while (pending.length) {
    const y = pending.pop();
    const x = pending.pop();
    if (x === y) continue;
    if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null || Array.isArray(x) !== Array.isArray(y)) return false;
    if (Array.isArray(x)) {
      const other = y as unknown[];
      if (x.length !== other.length) return false;
      for (let i = 0; i < x.length; i++) pending.push(x[i], other[i]);
      continue;
    }
    const keys = Object.keys(x);
    if (keys.length !== Object.keys(y).length) return false;
    for (const k of keys) {
      if (!Object.prototype.hasOwnProperty.call(y, k)) return false;
      pending.push((x as Record<string, unknown>)[k], (y as Record<string, unknown>)[k]);
    }
  }
  return true;
}
