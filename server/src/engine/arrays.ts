/**
 * Array helpers that stay safe on lists as long as the input makes them. `target.push(...items)`
 * passes every item as an argument, and a call's arguments live on the stack: some hundred thousand
 * footnote markers or amounts overflow it. This loops instead.
 */

/** Appends the items to `target`, one by one; returns `target`. */
export function pushAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}
