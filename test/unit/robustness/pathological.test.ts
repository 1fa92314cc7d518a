/**
 * The inputs an audit found to crash or freeze Kamerwijzer, at full size, at the engine and rule
 * level: each must complete and return the right shape. These are no timed tests — how fast they are,
 * and whether doubling them doubles the time, is the benchmark's business (`npm run bench`).
 *
 * - ~130 000 footnote markers ([^1], <sup>1</sup>, a¹, an endnote list) or spelled-out amounts once
 *   overflowed the call stack: results were gathered with push(...list).
 * - Dense citations, text with CR-only line ends and one very long line made rules quadratic: a scan
 *   of the rest of the references per reference, a line's start found by lastIndexOf('\n').
 * - A glossary variant of thousands of words made matching cost the text's length times its length.
 */
import * as assert from 'node:assert/strict';
import { analyze } from '../../../server/src/engine/analyze';
import { buildGlossary, parseGlossary } from '../../../server/src/engine/glossary';
import { ALL_RULES } from '../../../server/src/features/diagnostics/rules';
import { computeFindings } from '../../../server/src/features/diagnostics/run';
import type { CheckedFinding } from '../../../server/src/features/model';
import { seedLetters } from '../../support/textArbitraries';
import { bundledEntries, testWorkspace, type TestWorkspace } from '../../support/workspace';

const MARKERS = 130_000;

/** The findings of every rule on a text; fails when a rule fails. */
async function findingsOf(ws: TestWorkspace, text: string, name = 'brief.md'): Promise<CheckedFinding[]> {
  const doc = ws.add(name, text);
  const failures: string[] = [];
  const findings = await computeFindings(doc, ws.service.context(), ws.service.settings.diagnostics, ALL_RULES, (code, e) => failures.push(`${code}: ${(e as Error).stack ?? e}`));
  assert.deepEqual(failures, []);
  for (const f of findings) assert.ok(f.span.offset >= 0 && f.span.offset + f.span.length <= text.length, `${f.code} inside the text`);
  return findings;
}

function count<T>(items: readonly T[], predicate: (item: T) => boolean): number {
  return items.reduce((n, x) => n + (predicate(x) ? 1 : 0), 0);
}

function seedsText(): string {
  return seedLetters().join('\n\n');
}

describe('pathological inputs: 130 000 footnote markers or amounts do not overflow the stack', function () {
  this.timeout(60_000);

  it('Markdown markers "[^1]" with their footnote', () => {
    const text = 'tekst [^1] '.repeat(MARKERS) + '\n\n[^1]: Kamerstuk 29826, nr. 250.\n';
    const a = analyze(text);
    assert.equal(a.footnoteMarkers.length, MARKERS);
    assert.ok(a.footnoteMarkers.every((m) => m.label === '1' && text.slice(m.span.offset, m.span.offset + m.span.length) === '[^1]'));
    assert.equal(a.footnotes.length, 1);
    assert.deepEqual(a.references.map((r) => r.text), ['Kamerstuk 29826, nr. 250']);
  });

  it('HTML superscripts "<sup>1</sup>"', () => {
    const a = analyze('tekst<sup>1</sup> '.repeat(MARKERS));
    assert.equal(a.footnoteMarkers.length, MARKERS);
  });

  it('Unicode superscripts glued to a word, "a¹"', () => {
    const a = analyze('a¹ '.repeat(MARKERS));
    assert.equal(a.footnoteMarkers.length, MARKERS);
  });

  it('an endnote list: items ending in "↩︎"', () => {
    const notes = Array.from({ length: MARKERS }, (_, i) => `noot ${i + 1}↩︎`);
    const a = analyze(`Zie de brief1 en de nota2.\n\n${notes.join('\n')}\n`);
    assert.equal(a.footnotes.length, MARKERS);
    assert.ok(a.footnotes.every((f, i) => f.label === String(i + 1) && f.style === 'endnoteList'));
    assert.deepEqual(a.footnoteMarkers.map((m) => m.label), ['1', '2']);
  });

  it('an endnote list of citations, their markers glued to words', () => {
    // Glued markers go up to 999 and ondernummers up to 9999: the list runs past both.
    const n = 12_000;
    const body = Array.from({ length: n }, (_, i) => `verdienvermogen${i + 1} `);
    const notes = Array.from({ length: n }, (_, i) => `Kamerstuk 29826, nr. ${(i % 9999) + 1}.↩︎`);
    const a = analyze(`${body.join('')}\n\n${notes.join('\n')}\n`);
    assert.equal(a.footnotes.length, n);
    assert.equal(a.footnoteMarkers.length, 999);
    assert.equal(count(a.references, (r) => r.kind === 'kamerstuk'), n);
  });

  it('spelled-out amounts, "twee miljoen euro"', () => {
    const a = analyze('twee miljoen euro '.repeat(MARKERS));
    assert.equal(a.references.length, MARKERS);
    assert.ok(a.references.every((r) => r.kind === 'amount' && r.value === 2_000_000));
  });

  it('the rules on 130 000 markers: one footnote, every marker has it', async () => {
    const ws = testWorkspace({ known: [] });
    const findings = await findingsOf(ws, 'tekst [^1] '.repeat(MARKERS) + '\n\n[^1]: Kamerstuk 29826, nr. 250.\n');
    assert.equal(count(findings, (f) => f.code === 'footnote-missing' || f.code === 'footnote-unreferenced'), 0);
  });

  it('the rules on 130 000 markers without their footnote: each is reported', async () => {
    const ws = testWorkspace({ known: [] });
    const findings = await findingsOf(ws, 'tekst[^1] '.repeat(MARKERS));
    assert.equal(count(findings, (f) => f.code === 'footnote-missing'), MARKERS);
  });
});

describe('pathological inputs: the rules stay linear', function () {
  this.timeout(60_000);

  it('dense citations (0.5 MB): every malformed one is reported once, with its fix', async () => {
    const unit = 'Zie Kamerstukken 30 821, nr. 97 en ';
    const n = Math.round((512 * 1024) / unit.length);
    const text = unit.repeat(n);
    const ws = testWorkspace({ known: [], settings: { enforceCitationStyle: true } });
    const findings = await findingsOf(ws, text);
    const malformed = findings.filter((f) => f.code === 'citation-malformed');
    assert.equal(malformed.length, n);
    assert.ok(malformed.every((f) => text.slice(f.span.offset, f.span.offset + f.span.length) === 'Kamerstukken 30 821, nr. 97'));
    assert.ok(malformed.every((f) => f.fixes?.[0]?.edits[0]?.newText === 'Kamerstuk 30 821, nr. 97'));
  });

  it('dense citations in the house style: a hint for each compact one', async () => {
    const unit = 'Zie Kamerstuk 29826, nr. 250 en ';
    const n = 20_000;
    const ws = testWorkspace({ known: [], settings: { enforceCitationStyle: true } });
    const findings = await findingsOf(ws, unit.repeat(n));
    assert.equal(count(findings, (f) => f.code === 'citation-style'), n);
  });

  it('dense citations that each describe a known document: one judgement, every citation reported', async () => {
    const ws = testWorkspace({
      known: [
        { id: '29826-250', type: 'Brief regering', title: 'Voortgang verduurzaming glastuinbouw en warmtenetten', date: '2025-03-20' },
        { id: '29826-251', type: 'Brief regering', title: 'Toekomstperspectief energie-intensieve industrie', date: '2025-03-21' },
      ],
    });
    const n = 5000;
    const findings = await findingsOf(ws, 'de brief over het toekomstperspectief van de energie-intensieve industrie (Kamerstuk 29826, nr. 250). '.repeat(n));
    const mismatches = findings.filter((f) => f.code === 'citation-title-mismatch');
    assert.equal(mismatches.length, n);
    assert.ok(mismatches.every((f) => f.fixes?.[0]?.edits[0]?.newText === 'Kamerstuk 29 826, nr. 251'));
  });

  it('10 000 Markdown footnotes, each a citation', async () => {
    const n = 10_000;
    const body: string[] = [];
    const notes: string[] = [];
    for (let i = 1; i <= n; i++) {
      body.push(`Zie de brief over de industrie[^${i}]. `);
      notes.push(`[^${i}]: Brief over de industrie, Kamerstuk 29826, nr. ${i}.`);
    }
    const text = `${body.join('')}\n\n${notes.join('\n')}\n`;
    const a = analyze(text);
    assert.equal(a.footnotes.length, n);
    assert.equal(a.footnoteMarkers.length, n);
    const ws = testWorkspace({ known: [] });
    const findings = await findingsOf(ws, text);
    assert.equal(count(findings, (f) => f.code.startsWith('footnote-')), 0);
  });

  it('a repeated full name after its abbreviation: each repetition is a hint', async () => {
    const n = 10_000;
    const ws = testWorkspace({ known: [] });
    const findings = await findingsOf(ws, 'Nationaal Groeifonds (NGF) '.repeat(n));
    // The first full name introduces the abbreviation; every later one repeats it.
    assert.equal(count(findings, (f) => f.code === 'instrument-full-name-repeated'), n - 1);
  });

  it('an unknown capitals-word beside each of 20 000 citations', async () => {
    const ws = testWorkspace({ known: [] });
    const findings = await findingsOf(ws, 'XYZ Kamerstuk 29826, nr. 1 '.repeat(20_000));
    assert.equal(count(findings, (f) => f.code === 'abbreviation-unexplained'), 1);
  });

  it('100 000 opening brackets and no closing one (each bracket looks for its end nearby only)', async () => {
    const ws = testWorkspace({ known: [] });
    const findings = await findingsOf(ws, '(zie de tekst van de RDW '.repeat(100_000));
    assert.equal(count(findings, (f) => f.code === 'abbreviation-unexplained'), 1);
  });

  it('the seeds with CR-only line ends give the findings they give with LF line ends', async () => {
    const lf = seedsText().replace(/\r\n|\r/g, '\n');
    const shape = (findings: readonly CheckedFinding[]) => findings.map((f) => `${f.code} ${f.span.offset}+${f.span.length} ${f.range.start.line}:${f.range.start.character}`);
    const ws = testWorkspace({ known: [], settings: { enforceCitationStyle: true } });
    const withLf = await findingsOf(ws, lf, 'lf.md');
    const withCr = await findingsOf(ws, lf.replace(/\n/g, '\r'), 'cr.md');
    const withCrLf = await findingsOf(ws, lf.replace(/\n/g, '\r\n'), 'crlf.md');
    assert.ok(withLf.length > 10);
    assert.deepEqual(shape(withCr), shape(withLf));
    // CRLF moves every offset after a line end; lines and characters stay.
    assert.deepEqual(
      withCrLf.map((f) => `${f.code} ${f.range.start.line}:${f.range.start.character}`),
      withLf.map((f) => `${f.code} ${f.range.start.line}:${f.range.start.character}`),
    );
  });

  it('the seeds as one very long line', async () => {
    const text = seedsText().replace(/\r\n|\r|\n/g, ' ').repeat(3);
    const ws = testWorkspace({ known: [], settings: { enforceCitationStyle: true } });
    const findings = await findingsOf(ws, text);
    assert.ok(findings.length > 0);
    assert.ok(findings.every((f) => f.range.start.line === 0));
  });
});

describe('pathological inputs: a glossary variant of thousands of words', () => {
  // "groei groei … regeling": a text of "groei" matches all but its last word, at every word.
  const variant = [...Array.from({ length: 5000 }, () => 'groei'), 'regeling'].join(' ');
  const glossary = JSON.stringify({
    version: 1,
    entries: [{ id: 'groei', name: 'Groeiregeling', kind: 'subsidieregeling', description: { nl: 'Een regeling.' }, variants: [variant, 'groei groei'] }],
  });

  it('is reported and left out when the glossary is read; the rest of the entry stays', () => {
    const parsed = parseGlossary(glossary);
    assert.equal(parsed.problems.length, 1);
    assert.match(parsed.problems[0]!, /^entries\[0\] \(groei\): variants has a term longer than 200 characters \("groei groei .*…"\); left out$/);
    assert.deepEqual(parsed.entries[0]!.variants, ['groei groei']);
  });

  it('an over-long name is reported and not looked for', () => {
    const parsed = parseGlossary(JSON.stringify({ version: 1, entries: [{ id: 'lang', name: `${'Lange '.repeat(40)}regeling`, kind: 'wet', description: { nl: 'Lang.' } }] }));
    assert.equal(parsed.problems.length, 1);
    assert.match(parsed.problems[0]!, /name is longer than 200 characters .*; it is not looked for in the text$/);
    const built = buildGlossary([], { uri: 'file:///ws/.kamerwijzer/glossary.json', text: JSON.stringify({ version: 1, entries: [{ id: 'lang', name: 'Lange '.repeat(40).trim(), kind: 'wet', description: { nl: 'Lang.' } }] }) });
    assert.deepEqual(built.glossary.matcher.find('Lange '.repeat(80)), []);
  });

  it('matching a text of that word finds the short variant only', () => {
    const built = buildGlossary(bundledEntries, { uri: 'file:///ws/.kamerwijzer/glossary.json', text: glossary });
    const text = 'groei '.repeat(100_000);
    const found = built.glossary.matcher.find(text);
    assert.equal(found.length, 50_000);
    assert.ok(found.every((m) => m.id === 'groei' && m.term === 'groei groei'));
  });

  it('the whole check with that glossary', async () => {
    const ws = testWorkspace({ known: [], glossary });
    const findings = await findingsOf(ws, 'groei '.repeat(100_000));
    assert.equal(count(findings, (f) => f.code.startsWith('instrument-')), 0);
  });
});
