/**
 * Fixtures in one style for every feature test (as rust-analyzer and texlab write them): a text with
 * `‸` at the cursor and `[[…]]` around ranges, several files in one fixture, each after a line
 * `//- name`. A fixture without such a line is one file, `brief.txt`.
 *
 *     //- brief.txt
 *     Zie [[Kamerstuk 29826, nr. 2‸50]].
 *     //- visie.md
 *     ---
 *     kamerstuk: 29826-250
 *     ---
 */
import type { Span } from '../../server/src/engine/model';

export interface FixtureFile {
  readonly name: string;
  /** The text without markers. */
  readonly text: string;
  /** Where `‸` stood, if anywhere. */
  readonly cursor: number | undefined;
  /** The `[[…]]` ranges, in order of their start. */
  readonly ranges: readonly Span[];
}

export const DEFAULT_FILE = 'brief.txt';
const HEADER = /^\/\/- (\S+)[ \t]*$/;

export function parseFixture(fixture: string): FixtureFile[] {
  const lines = fixture.split('\n');
  if (!lines.some((l) => HEADER.test(l))) return [parseFile(DEFAULT_FILE, fixture)];
  const files: FixtureFile[] = [];
  let name: string | undefined;
  let body: string[] = [];
  const flush = (): void => {
    if (name !== undefined) files.push(parseFile(name, body.join('\n')));
  };
  for (const line of lines) {
    const m = HEADER.exec(line);
    if (m) {
      flush();
      name = m[1]!;
      body = [];
    } else if (name !== undefined) body.push(line);
  }
  flush();
  return files;
}

/** One file's text with its markers read and removed. */
export function parseFile(name: string, marked: string): FixtureFile {
  let text = '';
  const ranges: Span[] = [];
  const open: number[] = [];
  let cursor: number | undefined;
  for (let i = 0; i < marked.length; i++) {
    if (marked.startsWith('[[', i)) {
      open.push(text.length);
      i++;
    } else if (marked.startsWith(']]', i) && marked[i + 2] !== ']' && open.length) {
      const start = open.pop()!;
      ranges.push({ offset: start, length: text.length - start });
      i++;
    } else if (marked[i] === '‸') {
      if (cursor !== undefined) throw new Error(`two cursors in ${name}`);
      cursor = text.length;
    } else text += marked[i];
  }
  if (open.length) throw new Error(`unclosed [[ in ${name}`);
  ranges.sort((a, b) => a.offset - b.offset);
  return { name, text, cursor, ranges };
}

/** The text with `[[…]]` written around the given spans (to show what a test got). */
export function markSpans(text: string, spans: readonly Span[]): string {
  const marks: { at: number; mark: string }[] = [];
  for (const s of spans) marks.push({ at: s.offset, mark: '[[' }, { at: s.offset + s.length, mark: ']]' });
  marks.sort((a, b) => b.at - a.at || (a.mark === '[[' ? 1 : -1));
  let out = text;
  for (const { at, mark } of marks) out = out.slice(0, at) + mark + out.slice(at);
  return out;
}
