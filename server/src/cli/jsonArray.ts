/**
 * A JSON array written an element at a time, as `JSON.stringify(all, null, 2)` writes it whole:
 * `extract --json` and `check --format json` print each document when it comes and keep nothing of it.
 */
export interface JsonArrayWriter {
  /** Writes one element (indented as the whole array's elements are). */
  element(value: unknown): void;
  /** Closes the array ("[]" when it had no element). */
  end(): void;
}

export function jsonArrayWriter(out: (s: string) => void): JsonArrayWriter {
  let count = 0;
  return {
    element(value) {
      // An array of one, without its brackets: the element's lines indented one level.
      out(`${count++ ? ',\n' : '[\n'}${JSON.stringify([value], null, 2).slice(2, -2)}`);
    },
    end: () => out(count ? '\n]\n' : '[]\n'),
  };
}
