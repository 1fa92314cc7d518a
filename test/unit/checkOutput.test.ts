/**
 * What `kamerwijzer check` prints, document by document (cli/checkOutput.ts): text and JSON print
 * each document when it is checked and keep nothing of it (the findings of a large archive are not
 * held until the end), and the JSON is what one `JSON.stringify(documents, null, 2)` would write,
 * byte for byte; SARIF prints at the end.
 */
import * as assert from 'node:assert/strict';
import { checkPrinter, type CheckedDocument } from '../../server/src/cli/checkOutput';
import { DEFAULT_DIAGNOSTIC_SETTINGS, type CheckedFinding } from '../../server/src/features/model';
import { ALL_RULES } from '../../server/src/features/diagnostics/rules';
import { messages } from '../../server/src/l10n';

const range = (line: number, from: number, to: number) => ({ start: { line, character: from }, end: { line, character: to } });

function finding(code: string, message: string, line: number, extra: Partial<CheckedFinding> = {}): CheckedFinding {
  return { code, message, severity: 'warning', span: { offset: 0, length: 3 }, range: range(line, 2, 5), ...extra };
}

function checked(name: string, findings: CheckedFinding[]): CheckedDocument {
  return {
    input: { displayPath: name, absolutePath: `/ws/${name}`, text: '', known: undefined },
    doc: { uri: `file:///ws/${name}`, lines: undefined as never, metadata: { date: '2025-03-20' } as never, counts: new Map([['kamerstuk', 2]]) },
    findings,
  };
}

const DOCUMENTS = [
  checked('brief.txt', [
    finding('citation-malformed', 'Kamerstuk 29826 nr 250 mist "nr."\nen een komma', 3, { fixes: [{ title: 'Schrijf als "Kamerstuk 29 826, nr. 250"', edits: [] }] }),
    finding('citation-title-mismatch', 'Titel wijkt af', 7, { related: [{ uri: 'file:///ws/brief.txt', span: { offset: 9, length: 4 }, message: 'de beschrijving', range: range(6, 0, 4) }] }),
  ]),
  checked('leeg.md', []),
  checked('nota\\ met "aanhalingstekens".md', [finding('deadline-passed', 'Datum verstreken', 0, { severity: 'information' })]),
];

const OPTIONS = { showHints: false, diagnostics: DEFAULT_DIAGNOSTIC_SETTINGS, version: '0.0.0' };

function printed(format: 'text' | 'json' | 'sarif', documents: readonly CheckedDocument[], onDocument?: (written: string) => void): string {
  let written = '';
  const printer = checkPrinter(format, OPTIONS, ALL_RULES, 'nl', messages('nl'), (s) => void (written += s));
  for (const d of documents) {
    printer.document(d);
    onDocument?.(written);
  }
  printer.end();
  return written;
}

describe('check output, document by document', () => {
  it('JSON: what one JSON.stringify of all documents writes, for none, one and several (escapes and line breaks in messages too)', () => {
    for (const documents of [[], DOCUMENTS.slice(0, 1), DOCUMENTS]) {
      const out = printed('json', documents);
      const parsed = JSON.parse(out) as { file: string; documentDate: string | null; diagnostics: { message: string; line: number; fixes?: string[]; related?: unknown[] }[] }[];
      assert.equal(out, `${JSON.stringify(parsed, null, 2)}\n`);
      assert.deepEqual(
        parsed.map((d) => d.file),
        documents.map((d) => d.input.displayPath),
      );
    }
    const [first] = JSON.parse(printed('json', DOCUMENTS)) as { diagnostics: { message: string; line: number; fixes?: string[]; related?: unknown[] }[] }[];
    assert.equal(first!.diagnostics[0]!.message, 'Kamerstuk 29826 nr 250 mist "nr."\nen een komma');
    assert.deepEqual(first!.diagnostics[0]!.fixes, ['Schrijf als "Kamerstuk 29 826, nr. 250"']);
    assert.equal(first!.diagnostics[1]!.line, 8);
    assert.equal(first!.diagnostics[1]!.related?.length, 1);
  });

  it('text and JSON write each document when it is checked; SARIF at the end', () => {
    for (const format of ['text', 'json'] as const) {
      const seen: string[] = [];
      printed(format, DOCUMENTS, (written) => seen.push(written));
      DOCUMENTS.forEach((d, i) => assert.ok(seen[i]!.includes(format === 'json' ? JSON.stringify(d.input.displayPath) : d.input.displayPath), `${format}: document ${i + 1} written when checked`));
    }
    const seen: string[] = [];
    const out = printed('sarif', DOCUMENTS, (written) => seen.push(written));
    assert.deepEqual(seen, ['', '', '']);
    assert.equal((JSON.parse(out) as { runs: { results: unknown[] }[] }).runs[0]!.results.length, 3);
  });

  it('text: the totals at the end count every document', () => {
    const out = printed('text', DOCUMENTS);
    const lines = out.trimEnd().split('\n');
    assert.match(lines.at(-2)!, /\(3 bestanden\)/);
    assert.match(out, /^brief\.txt:4:3 /m);
  });
});
