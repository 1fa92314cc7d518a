/**
 * A recognizer's question about the whole document ("does it name this sum with a euro marker?",
 * "does it cite this paper plainly?"), asked while reading all of it or a stretch of it (an edit,
 * engine/incremental.ts): the answers given, and for a stretch whether the rest of the document says so.
 */
export interface WholeDocumentAnswers<K> {
  /** The keys asked about with their answer (an answer it holds is taken from it; every answer given is added). */
  readonly answers: Map<K, boolean>;
  /** For a stretch: whether the rest of the document holds the key. */
  readonly elsewhere?: (key: K) => boolean;
}

/** Answers the question from the keys the text read holds (`here`), then the rest of the document; each answer kept in `report`. */
export function wholeDocumentQuestion<K>(here: ReadonlySet<K>, report: WholeDocumentAnswers<K> | undefined): (key: K) => boolean {
  return (key) => {
    const known = report?.answers.get(key);
    if (known !== undefined) return known;
    const answer = here.has(key) || (report?.elsewhere?.(key) ?? false);
    report?.answers.set(key, answer);
    return answer;
  };
}
