/**
 * Patterns written for the regular expression engine's speed, each matching exactly what a plainer
 * pattern would (the tests hold them side by side).
 */

/**
 * A pattern that matches exactly the given words of lower-case ASCII letters, each letter in either
 * case, written as a trie ("k(?:wartaal|erst(?:reces|mis)?)"): followed by a word edge, it finds what
 * the alternation of the words under the i flag finds.
 */
export function wordTriePattern(words: readonly string[]): string {
  interface Node {
    readonly next: Map<string, Node>;
    end: boolean;
    pattern: string;
  }
  const root: Node = { next: new Map(), end: false, pattern: '' };
  for (const word of words) {
    if (!/^[a-z]+$/.test(word)) throw new Error(`not a word of lower-case letters: ${word}`);
    let at = root;
    for (const c of word) {
      let child = at.next.get(c);
      if (!child) at.next.set(c, (child = { next: new Map(), end: false, pattern: '' }));
      at = child;
    }
    at.end = true;
  }
  // Every node after its parent; the patterns are made children first.
  const order: Node[] = [root];
  for (let i = 0; i < order.length; i++) for (const child of order[i]!.next.values()) order.push(child);
  for (let i = order.length - 1; i >= 0; i--) {
    const node = order[i]!;
    const alternatives: string[] = [];
    for (const [c, child] of node.next) alternatives.push(`[${c}${c.toUpperCase()}]${child.pattern}`);
    if (alternatives.length === 1 && !node.end) node.pattern = alternatives[0]!;
    else if (alternatives.length) node.pattern = `(?:${alternatives.join('|')})${node.end ? '?' : ''}`;
  }
  return root.pattern;
}

/**
 * A pattern of lower-case ASCII letters and other characters with each letter in either case
 * ("sup" → "[sS][uU][pP]"): what the plain text matches under the i flag without the u flag (which
 * lets no character beyond ASCII match an ASCII letter), found quicker where the pattern starts with a
 * literal the engine can skip ahead to. Only for literal text: no escapes, classes or groups.
 */
export function caseless(literal: string): string {
  if (!/^[a-z0-9<>/:.]*$/.test(literal)) throw new Error(`not a literal of lower-case letters: ${literal}`);
  return literal.replace(/[a-z]/g, (c) => `[${c}${c.toUpperCase()}]`).replace(/[/.]/g, (c) => `\\${c}`);
}
