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
import type { LineIndex } from '../../engine/lineIndex';

export interface Suppressions {
  /** True when a finding with this code starting on this zero-based line is silenced. */
  isSilenced(code: string, line: number): boolean;
}

const DIRECTIVE = /kamerwijzer-disable(-next-line|-line)?((?:[ \t]+[a-z][a-z0-9-]*)*)/g;

export function readSuppressions(text: string, lines: LineIndex): Suppressions {
  const whole = new Set<string>();
  let wholeAll = false;
  const byLine = new Map<number, Set<string> | 'all'>();
  // Only the lines that hold a directive are read (found by searching the text, in order of line).
  let last = -1;
  for (let at = text.indexOf('kamerwijzer-disable'); at >= 0; at = text.indexOf('kamerwijzer-disable', at + 1)) {
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
