/**
 * A value made at its first use rather than when its module is loaded: for the regular expressions
 * with Unicode property escapes (`\p{L}`, `\p{N}`), each of which V8 parses into its character
 * ranges when it is made (0.05–0.2 ms apiece, ~17 ms for the ~90 of them). Every process evaluates the
 * whole bundle as it starts; the language server's main thread answers `initialize` long before its
 * first analysis (and analyzes in a worker), so it makes them only when asked.
 */
export function lazily<T>(make: () => T): () => T {
  let made: T | undefined;
  return () => (made ??= make());
}
