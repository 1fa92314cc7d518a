/**
 * Silencing comments. A line anywhere in the document that contains one of these directives
 * (in an HTML comment in Markdown, or as plain text in a .txt draft) silences findings:
 *
 *   kamerwijzer-disable-next-line [code ...]   the next non-empty line
 *   kamerwijzer-disable-line [code ...]        the line the directive is on
 *   kamerwijzer-disable [code ...]             the whole document
 *
 * Without codes, every code is silenced.
 */
import { changedStretch } from '../../engine/incremental';
import type { LineIndex } from '../../engine/lineIndex';
import { scanEdited, scanWhole, type Matches, type ScanPattern } from '../../engine/patternScan';
import type { IndexedDocument } from '../model';
import { PreviousVersions } from '../previousVersions';

export interface Suppressions {
  /** True when a finding with this code starting on this zero-based line is silenced. */
  isSilenced(code: string, line: number): boolean;
}

const DIRECTIVE = /kamerwijzer-disable(-next-line|-line)?((?:[ \t]+[a-z][a-z0-9-]*)*)/g;

/**
 * Where the text writes "kamerwijzer-disable" (the word never overlaps itself): a scan an edited
 * version makes from the version before's (engine/patternScan.ts), searching only around the edit.
 */
export const DIRECTIVE_WORD: ScanPattern = { re: /kamerwijzer-disable/g, behind: 0, reach: 'kamerwijzer-disable'.length };

export function readSuppressions(text: string, lines: LineIndex, offsets: Iterable<number> = scanWhole(DIRECTIVE_WORD, text).starts): Suppressions {
  const whole = new Set<string>();
  let wholeAll = false;
  const byLine = new Map<number, Set<string> | 'all'>();
  // Only the lines that hold a directive are read (in order of line).
  let last = -1;
  for (const at of offsets) {
    const line = lines.positionAt(at).line;
    if (line === last) continue;
    last = line;
    const content = lines.lineText(line);
    for (const m of content.matchAll(DIRECTIVE)) {
      const codes = (m[2] ?? '').trim().split(/\s+/).filter((c) => c && c !== '--');
      if (!m[1]) {
        if (codes.length) codes.forEach((c) => whole.add(c));
        else wholeAll = true;
        continue;
      }
      let target = line;
      if (m[1] === '-next-line') {
        target = line + 1;
        while (target < lines.lineCount && lines.lineText(target).trim() === '') target++;
      }
      const before = byLine.get(target);
      if (!codes.length || before === 'all') byLine.set(target, 'all');
      else byLine.set(target, new Set([...(before ?? []), ...codes]));
    }
  }
  return {
    isSilenced(code: string, line: number): boolean {
      if (wholeAll || whole.has(code)) return true;
      const here = byLine.get(line);
      return here === 'all' || (here !== undefined && here.has(code));
    },
  };
}

/** How many times a whole text was searched for directives (the tests count them: an edited version's are found around the edit). */
export const wholeSearches = { count: 0 };

/** The directives of each document version read (with the text they were read in). */
const directivesOf = new WeakMap<LineIndex, { readonly text: string; readonly found: Matches; readonly suppressions: Suppressions }>();
const previousVersions = new PreviousVersions(
  (doc) => directivesOf.get(doc.lines)?.text === doc.text,
  (doc) => directivesOf.get(doc.lines)?.text === doc.text,
);

function searchedWhole(text: string): Matches {
  wholeSearches.count++;
  return scanWhole(DIRECTIVE_WORD, text);
}

/** Says that a document version follows another (of the same document): its directives are found from the other's. */
export function suppressionsFollow(doc: IndexedDocument, previous: IndexedDocument): void {
  previousVersions.follows(doc, previous);
}

/**
 * A document version's silencing comments, read once per version; an edited version's directives are
 * found around the edit only (the text of 5 MB is not searched again on every keystroke).
 */
export function suppressionsOf(doc: IndexedDocument): Suppressions {
  const read = directivesOf.get(doc.lines);
  if (read && read.text === doc.text) return read.suppressions;
  const previous = previousVersions.take(doc);
  const before = previous && directivesOf.get(previous.lines);
  const found = before && before.text === previous.text ? scanEdited(DIRECTIVE_WORD, before.found, doc.text, changedStretch(previous.text, doc.text)) : searchedWhole(doc.text);
  const suppressions = readSuppressions(doc.text, doc.lines, found.starts);
  directivesOf.set(doc.lines, { text: doc.text, found, suppressions });
  return suppressions;
}
