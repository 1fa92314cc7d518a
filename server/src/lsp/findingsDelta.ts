/**
 * The findings of an open document's next version as what changed against the version before, for
 * the analysis worker's reply: an edit of a large letter changes a few of its thousands of findings
 * (those around the edit, and the places of those after it), and the whole list, copied to the main
 * thread on every keystroke, cost that thread a pause to read it (1.1 MB for a 5 MB letter: 6–21 ms)
 * and the worker as much to write it.
 *
 * The findings of the version before are first moved by the edit: every place in the document itself
 * at or after the end of the changed stretch (`at`, in the version before) by `shift`, the change in
 * the text's length. Per rule, the delta then keeps those that lead the new list (`prefix`) and those
 * that end it (`suffix`), and carries the findings between them. Each kept finding is checked to be
 * equal to the new one (plain data, compared whole), so the list made from the delta is the new list,
 * whatever the edit did: a finding that changed, or whose places did not move as the text did, goes
 * in the middle.
 */
import type { Span } from '../engine/model';
import type { Finding } from '../features/model';

/** One rule's findings, as the rules that read only the document deliver them. */
export interface RuleFindingsList {
  readonly code: string;
  readonly findings: readonly Finding[];
}

/** One rule's findings against the same rule's in the version before. */
export interface RuleFindingsDelta {
  readonly code: string;
  /** How many findings of the version before lead the list as they are. */
  readonly prefix: number;
  /** How many findings of the version before end the list, moved by `shift`. */
  readonly suffix: number;
  /** The findings between them. */
  readonly middle: readonly Finding[];
}

/** The findings of a version against those of the version before (the job `base`). */
export interface FindingsDelta {
  readonly base: number;
  /** Where the changed stretch ends in the version before: places from here on moved by `shift`. */
  readonly at: number;
  /** The change in the text's length. */
  readonly shift: number;
  readonly rules: readonly RuleFindingsDelta[];
}

/**
 * The delta that makes `now` of `before` (the findings of the job `base`, of the document `uri`),
 * the text having changed in a stretch that ended at `at` and grown by `shift`. A rule the version
 * before did not report keeps none of them (all its findings go in the middle).
 */
export function findingsDelta(base: number, before: readonly RuleFindingsList[], now: readonly RuleFindingsList[], uri: string, at: number, shift: number): FindingsDelta {
  const previous = new Map(before.map((r) => [r.code, r.findings]));
  const rules = now.map(({ code, findings }): RuleFindingsDelta => {
    const old = (previous.get(code) ?? []).map((f) => moved(f, uri, at, shift));
    const most = Math.min(old.length, findings.length);
    let prefix = 0;
    while (prefix < most && samePlain(old[prefix], findings[prefix])) prefix++;
    let suffix = 0;
    while (suffix < most - prefix && samePlain(old[old.length - 1 - suffix], findings[findings.length - 1 - suffix])) suffix++;
    return { code, prefix, suffix, middle: findings.slice(prefix, findings.length - suffix) };
  });
  return { base, at, shift, rules };
}

/**
 * The findings a delta describes, of the findings of its base (`before`, of the document `uri`).
 * Throws when the delta keeps findings the base does not have (not the base it was made against).
 */
export function applyFindingsDelta(before: readonly RuleFindingsList[], delta: FindingsDelta, uri: string): RuleFindingsList[] {
  const previous = new Map(before.map((r) => [r.code, r.findings]));
  return delta.rules.map(({ code, prefix, suffix, middle }) => {
    const old = previous.get(code) ?? [];
    if (prefix + suffix > old.length) throw new Error(`the findings of ${code} were changed against other findings than this thread holds`);
    const findings: Finding[] = [];
    for (let k = 0; k < prefix; k++) findings.push(moved(old[k]!, uri, delta.at, delta.shift));
    for (const f of middle) findings.push(f);
    for (let k = old.length - suffix; k < old.length; k++) findings.push(moved(old[k]!, uri, delta.at, delta.shift));
    return { code, findings };
  });
}

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
  return {
    ...f,
    span: place(f.span),
    ...(f.related ? { related: f.related.map((r) => (r.uri === uri ? { ...r, span: place(r.span) } : r)) } : {}),
    ...(f.fixes ? { fixes: f.fixes.map((x) => ({ ...x, edits: x.edits.map((e) => (e.uri === uri ? { ...e, span: place(e.span) } : e)) })) } : {}),
  };
}

/**
 * Whether two values of plain data (what a finding is made of: objects, arrays, strings, numbers,
 * booleans, undefined) are equal throughout. Objects are equal when they hold the same keys with
 * equal values, whatever their order ("a key with undefined" and "no key" differ, as for a copy).
 * Compared with a list of pairs still to compare, not by calling itself (see the robustness tests).
 */
export function samePlain(a: unknown, b: unknown): boolean {
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
