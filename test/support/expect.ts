/**
 * Expect-style snapshots (as rust-analyzer's expect-test): the whole output a user sees, written in
 * the test beside the input.
 *
 *     expect`
 *     **Kamerstuk 29 826, nr. 250** · Motie
 *     `.assert(hoverText);
 *
 * The expected text starts after the first line break and ends before the last one. Run the tests
 * with UPDATE_EXPECT=1 and every failing expectation is rewritten in place with what the code now
 * gives (review the diff before committing it).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';

interface Patch {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

const patches = new Map<string, Patch[]>();
let exitHooked = false;

export interface Expectation {
  assert(actual: string): void;
}

export function expect(strings: TemplateStringsArray, ...values: unknown[]): Expectation {
  if (values.length) throw new Error('expect`…` takes no ${} placeholders');
  const site = callSite(new Error().stack ?? '');
  const expected = strings[0]!.replace(/^\n/, '').replace(/\n[ \t]*$/, '');
  return {
    assert(actual: string): void {
      const normalized = actual.replace(/\s+$/, '');
      if (normalized === expected) return;
      if (process.env['UPDATE_EXPECT'] && site) {
        schedulePatch(site.file, site.line, site.column, normalized);
        return;
      }
      assert.equal(normalized, expected, site ? `expectation at ${site.file}:${site.line} (UPDATE_EXPECT=1 rewrites it)` : undefined);
    },
  };
}

function callSite(stack: string): { file: string; line: number; column: number } | undefined {
  // The first frame outside this file is the test that wrote expect`…` (positions are the TypeScript
  // source's: mocha runs with source maps).
  for (const line of stack.split('\n').slice(1)) {
    const m = /\(?([^()\s]+\.ts):(\d+):(\d+)\)?$/.exec(line.trim());
    if (m && !m[1]!.endsWith('expect.ts')) return { file: m[1]!, line: Number(m[2]), column: Number(m[3]) };
  }
  return undefined;
}

function schedulePatch(file: string, line: number, column: number, actual: string): void {
  const source = fs.readFileSync(file, 'utf8');
  let offset = 0;
  for (let l = 1; l < line; l++) offset = source.indexOf('\n', offset) + 1;
  const open = source.indexOf('`', offset + column - 1);
  let close = open + 1;
  while (close < source.length && source[close] !== '`') close += source[close] === '\\' ? 2 : 1;
  const escaped = actual.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${');
  const list = patches.get(file) ?? [];
  if (!list.some((p) => p.start === open + 1)) list.push({ start: open + 1, end: close, text: `\n${escaped}\n` });
  patches.set(file, list);
  if (!exitHooked) {
    exitHooked = true;
    process.on('exit', applyPatches);
  }
}

function applyPatches(): void {
  for (const [file, list] of patches) {
    let source = fs.readFileSync(file, 'utf8');
    for (const p of [...list].sort((a, b) => b.start - a.start)) source = source.slice(0, p.start) + p.text + source.slice(p.end);
    fs.writeFileSync(file, source);
    process.stderr.write(`expect: updated ${list.length} expectation(s) in ${file}\n`);
  }
}
