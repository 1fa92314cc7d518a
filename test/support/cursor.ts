/** A fixture text with one cursor marker ‸: the text without it and the cursor's offset. */
export function withCursor(marked: string): { text: string; offset: number } {
  const offset = marked.indexOf('‸');
  if (offset < 0) throw new Error('no ‸ in fixture');
  return { text: marked.slice(0, offset) + marked.slice(offset + 1), offset };
}
