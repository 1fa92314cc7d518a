import type { Span } from '../model';

/**
 * YAML front matter at the top of a draft:
 *
 *   ---
 *   kamerstuk: 29826-147
 *   datum: 2022-07-08
 *   titel: "Het verschil maken met strategisch en groen industriebeleid"
 *   ---
 *
 * Only the subset drafts need is read: one `key: value` per line, plain, 'single' or "double"
 * quoted scalars, `#` comments. Anything richer (nested maps, lists, block scalars, anchors) is
 * skipped with a problem, never guessed at. The reader never throws: a draft is half-written
 * most of the time it is open in the editor.
 */

/** One `key: value` line. */
export interface FrontMatterEntry {
  /** The key as written. */
  readonly key: string;
  /** The scalar value, unquoted and unescaped; '' for an empty value. */
  readonly value: string;
  /** Where the value is written (inside the quotes for a quoted value). */
  readonly valueSpan: Span;
}

export interface FrontMatter {
  /** The whole block, both `---` lines included (and the line break after the closing one). */
  readonly span: Span;
  /** The readable entries, in order; a repeated key keeps its first value. */
  readonly entries: readonly FrontMatterEntry[];
  /** What could not be read, one line each (for a diagnostic). */
  readonly problems: readonly string[];
}

/**
 * How far the closing `---` may be. Real front matter is a handful of lines; the bound keeps a
 * Markdown text that merely starts with a horizontal rule from being searched to its end.
 */
const MAX_LINES = 200;

/** A key as drafts write it: a word, possibly with - or _ ("documentNumber", "document_nummer"). */
const KEY = /^([A-Za-z_][A-Za-z0-9_-]{0,63})[ \t]*:(?=[ \t]|$)/;

/**
 * Reads the front matter at the very start of `source` (after an optional byte order mark).
 * Returns undefined when there is none: no `---` first line, no closing `---` / `...` line within
 * MAX_LINES, or no line in the block that reads as `key: value` (then the block is more likely
 * Markdown between two horizontal rules than front matter).
 */
export function readFrontMatter(source: string): FrontMatter | undefined {
  let pos = source.charCodeAt(0) === 0xfeff ? 1 : 0;
  const first = lineAt(source, pos);
  if (first.text.trimEnd() !== '---') return undefined;
  pos = first.next;

  const entries: FrontMatterEntry[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  let keyLines = 0;
  for (let n = 1; n <= MAX_LINES && pos < source.length; n++) {
    const line = lineAt(source, pos);
    const text = line.text;
    const trimmed = text.trimEnd();
    if (trimmed === '---' || trimmed === '...') {
      if (keyLines === 0) return undefined;
      return { span: { offset: 0, length: line.next }, entries, problems };
    }
    pos = line.next;
    const lineNo = n + 1;
    if (trimmed.trim() === '' || /^[ \t]*#/.test(text)) continue;
    // Indented lines and list items belong to a nested value this reader does not take apart.
    if (/^[ \t]/.test(text) || /^-(?:[ \t]|$)/.test(text)) continue;
    const key = KEY.exec(text);
    if (!key) {
      problems.push(`line ${lineNo}: expected "key: value"`);
      continue;
    }
    keyLines++;
    const name = key[1]!;
    const value = readScalar(text, key[0].length);
    if ('problem' in value) {
      problems.push(`line ${lineNo}: ${name}: ${value.problem}`);
      continue;
    }
    if (seen.has(name)) {
      problems.push(`line ${lineNo}: ${name} is given twice; the first value counts`);
      continue;
    }
    seen.add(name);
    entries.push({ key: name, value: value.value, valueSpan: { offset: line.start + value.start, length: value.length } });
  }
  return undefined;
}

interface Line {
  readonly start: number;
  /** The line without its line break. */
  readonly text: string;
  /** Offset of the next line. */
  readonly next: number;
}

function lineAt(source: string, start: number): Line {
  let end = source.indexOf('\n', start);
  if (end < 0) end = source.length;
  const next = end < source.length ? end + 1 : end;
  const text = source.slice(start, end > start && source.charCodeAt(end - 1) === 13 ? end - 1 : end);
  return { start, text, next };
}

type Scalar = { readonly value: string; readonly start: number; readonly length: number } | { readonly problem: string };

/** Reads the scalar after `key:` on one line, starting at `from`. */
function readScalar(line: string, from: number): Scalar {
  let i = from;
  while (i < line.length && (line[i] === ' ' || line[i] === '\t')) i++;
  const c = line[i];
  if (c === undefined || c === '#') return { value: '', start: i, length: 0 };
  if (c === '"' || c === "'") return readQuoted(line, i);
  if ('[{|>&*!%@`'.includes(c)) return { problem: `"${c}" values (lists, maps, block text, anchors, tags) are not read here` };
  // A plain scalar runs to a comment (" #") or the end of the line.
  let end = line.length;
  for (let j = i + 1; j < line.length; j++) {
    if (line[j] === '#' && (line[j - 1] === ' ' || line[j - 1] === '\t')) {
      end = j;
      break;
    }
  }
  const raw = line.slice(i, end).trimEnd();
  return { value: raw, start: i, length: raw.length };
}

const ESCAPES: Readonly<Record<string, string>> = { '"': '"', '\\': '\\', '/': '/', n: '\n', t: '\t', r: '\r', '0': '\0', ' ': ' ' };

function readQuoted(line: string, open: number): Scalar {
  const quote = line[open]!;
  let value = '';
  let i = open + 1;
  for (;;) {
    if (i >= line.length) return { problem: `the ${quote === '"' ? 'double' : 'single'} quote is not closed on its line` };
    const ch = line[i]!;
    if (quote === "'" && ch === "'") {
      if (line[i + 1] === "'") {
        value += "'";
        i += 2;
        continue;
      }
      break;
    }
    if (quote === '"' && ch === '"') break;
    if (quote === '"' && ch === '\\') {
      const e = line[i + 1];
      if (e === 'u' && /^[0-9A-Fa-f]{4}$/.test(line.slice(i + 2, i + 6))) {
        value += String.fromCharCode(parseInt(line.slice(i + 2, i + 6), 16));
        i += 6;
        continue;
      }
      if (e !== undefined && e in ESCAPES) {
        value += ESCAPES[e];
        i += 2;
        continue;
      }
      return { problem: `unknown escape "\\${e ?? ''}"` };
    }
    value += ch;
    i++;
  }
  const close = i;
  const rest = line.slice(close + 1);
  if (!/^[ \t]*(?:#.*)?$/.test(rest)) return { problem: 'text after the closing quote' };
  return { value, start: open + 1, length: close - open - 1 };
}
