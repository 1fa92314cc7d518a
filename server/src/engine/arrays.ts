/**
 * Array helpers that stay safe on lists as long as the input makes them. `target.push(...items)`
 * passes every item as an argument, and a call's arguments live on the stack: some hundred thousand
 * footnote markers or amounts overflow it. These loop instead.
 */

/** Appends the items to `target`, one by one; returns `target`. */
export function pushAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}

/** The smallest number of a list (Infinity for none), without spreading it into arguments. */
export function minOf(values: Iterable<number>): number {
  let min = Infinity;
  for (const v of values) if (v < min) min = v;
  return min;
}

/** The largest number of a list (-Infinity for none), without spreading it into arguments. */
export function maxOf(values: Iterable<number>): number {
  let max = -Infinity;
  for (const v of values) if (v > max) max = v;
  return max;
}
