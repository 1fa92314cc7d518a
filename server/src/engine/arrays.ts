/**
 * Array helpers that stay safe on lists as long as the input makes them. `target.push(...items)`
 * passes every item as an argument, and a call's arguments live on the stack: some hundred thousand
 * footnote markers or amounts overflow it. This loops instead.
 */

/**
 * The result of a computation made in steps (a generator that yields between steps), run to its end
 * at once: what a caller that need not let its event loop run in between does with it.
 */
export function completed<T>(steps: Generator<void, T, void>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Appends the items to `target`, one by one; returns `target`. */
export function pushAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}
