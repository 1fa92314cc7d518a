/**
 * What the analysis worker sends of an open document's next version as what changed against the
 * version before: an edit of a large letter changes a few of its thousands of findings and citation
 * descriptions (those around the edit, and the places of those after it), and the whole lists,
 * copied to the main thread on every keystroke, cost that thread a pause to read them (a 5 MB
 * letter's findings: 1.1 MB, 6–21 ms; its citations' descriptions: 0.3 MB, 1.5–9 ms) and the worker
 * as much to write them.
 *
 * The list of the version before is first moved by the edit: every place in the document itself at
 * or after the end of the changed stretch (`at`, in the version before) by `shift`, the change in the
 * text's length. The delta then keeps the items that lead the new list (`prefix`) and those that end
 * it (`suffix`), and carries the items between them. Each kept item is checked to be equal to the new
 * one (plain data, compared whole), so the list made from the delta is the new list, whatever the
 * edit did: an item that changed, or whose places did not move as the text did, goes in the middle.
 * Findings go per rule (FindingsDelta); descriptions, one per reference, as one list.
 */
import { completed } from '../engine/incremental';
import { movedDescription, type CitationDescription } from '../features/diagnostics/citationDescription';
import { moved, sameMovedDescription, sameMovedFinding } from '../features/diagnostics/moving';
import type { Finding } from '../features/model';

/** One rule's findings, as the rules that read only the document deliver them. */
export interface RuleFindingsList {
  readonly code: string;
  readonly findings: readonly Finding[];
}

/** A list against the same list of the version before, its items moved by the edit. */
export interface ListDelta<T> {
  /** How many items of the version before lead the list (moved). */
  readonly prefix: number;
  /** How many items of the version before end the list (moved). */
  readonly suffix: number;
  /** The items between them. */
  readonly middle: readonly T[];
}

/** One rule's findings against the same rule's in the version before. */
export interface RuleFindingsDelta extends ListDelta<Finding> {
  readonly code: string;
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
  // Each finding of the version before compared as `moved` would make it, without making it.
  const same = (old: Finding, now: Finding): boolean => sameMovedFinding(old, now, uri, at, shift);
  const rules = now.map(({ code, findings }): RuleFindingsDelta => ({ code, ...listDeltaBy(previous.get(code) ?? [], findings, same) }));
  return { base, at, shift, rules };
}

/**
 * The findings a delta describes, of the findings of its base (`before`, of the document `uri`).
 * Throws when the delta keeps findings the base does not have (not the base it was made against).
 */
export function applyFindingsDelta(before: readonly RuleFindingsList[], delta: FindingsDelta, uri: string): RuleFindingsList[] {
  return completed(applyingFindingsDelta(before, delta, uri));
}

/** applyFindingsDelta in steps (see applyingListDelta). */
export function* applyingFindingsDelta(before: readonly RuleFindingsList[], delta: FindingsDelta, uri: string): Generator<void, RuleFindingsList[], void> {
  const previous = new Map(before.map((r) => [r.code, r.findings]));
  const move = (f: Finding): Finding => moved(f, uri, delta.at, delta.shift);
  const out: RuleFindingsList[] = [];
  for (const r of delta.rules) out.push({ code: r.code, findings: yield* applyingListDelta(previous.get(r.code) ?? [], r, move, `the findings of ${r.code}`) });
  return out;
}

/**
 * How `now` is made of `before` (the list of the version before): the items that lead and end both
 * lists, found equal by `same` (which compares an item of the version before as the edit moves it),
 * and the rest of `now`.
 */
function listDeltaBy<T>(before: readonly T[], now: readonly T[], same: (before: T, now: T) => boolean): ListDelta<T> {
  const most = Math.min(before.length, now.length);
  let prefix = 0;
  while (prefix < most && same(before[prefix]!, now[prefix]!)) prefix++;
  let suffix = 0;
  while (suffix < most - prefix && same(before[before.length - 1 - suffix]!, now[now.length - 1 - suffix]!)) suffix++;
  return { prefix, suffix, middle: now.slice(prefix, now.length - suffix) };
}

/**
 * The list a delta describes, of the list of the version before (`before`, not yet moved: `move` moves
 * the items kept). Throws when the delta keeps items the list does not have (`what` says of what).
 */
export function applyListDelta<T>(before: readonly T[], delta: ListDelta<T>, move: (item: T) => T, what: string): T[] {
  return completed(applyingListDelta(before, delta, move, what));
}

/** How many items `applyingListDelta` moves between two steps. */
export const LIST_STEP = 128;

/**
 * applyListDelta in steps: it pauses after every LIST_STEP items moved, so that a caller can let its
 * event loop run in between (the findings or descriptions of a 5 MB letter after an edit near its
 * start: thousands of copies, 10–13 ms of the main thread in one task). Throws as applyListDelta does.
 */
export function* applyingListDelta<T>(before: readonly T[], delta: ListDelta<T>, move: (item: T) => T, what: string): Generator<void, T[], void> {
  const { prefix, suffix, middle } = delta;
  if (prefix + suffix > before.length) throw new Error(`${what} were changed against a list this thread does not hold`);
  const out: T[] = [];
  for (let k = 0; k < prefix; k++) {
    out.push(move(before[k]!));
    if (k % LIST_STEP === LIST_STEP - 1) yield;
  }
  for (const x of middle) out.push(x);
  for (let k = before.length - suffix; k < before.length; k++) {
    out.push(move(before[k]!));
    if (k % LIST_STEP === LIST_STEP - 1) yield;
  }
  return out;
}

/** Per reference, what a citation describes (PreparedDocument's `described`). */
export type Described = readonly (CitationDescription | null)[];

/** The citations' descriptions against those of the version before (whose analysis is the delta's base). */
export interface DescribedDelta extends ListDelta<CitationDescription | null> {
  readonly at: number;
  readonly shift: number;
}

/** The delta that makes `now` of `before`, the text having changed in a stretch that ended at `at` and grown by `shift`. */
export function describedDelta(before: Described, now: Described, at: number, shift: number): DescribedDelta {
  return { at, shift, ...listDeltaBy(before, now, (d, n) => sameMovedDescription(d, n, at, shift)) };
}

/** The descriptions a delta describes, of those of its base. Throws when the delta keeps descriptions `before` does not have. */
export function applyDescribedDelta(before: Described, delta: DescribedDelta): (CitationDescription | null)[] {
  return completed(applyingDescribedDelta(before, delta));
}

/** applyDescribedDelta in steps (see applyingListDelta). */
export function applyingDescribedDelta(before: Described, delta: DescribedDelta): Generator<void, (CitationDescription | null)[], void> {
  return applyingListDelta(before, delta, (d) => d && movedDescription(d, delta.at, delta.shift), "the citations' descriptions");
}

