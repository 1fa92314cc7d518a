/**
 * What the workspace index keeps of a file it does not hold whole is analyzed for what cites
 * documents only (AnalyzeOptions.citationsOnly: no amounts, deadlines or instruments). Its
 * references are exactly the full analysis's references of the other kinds, its metadata, footnotes
 * and markers the same: on every real letter of the repository, with classic Mac line ends too, and
 * on mutated letters. What `check` keeps of a document it does not hold whole is its metadata only
 * (AnalyzeOptions.metadataOnly): the full analysis's metadata, with and without known facts.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as fc from 'fast-check';
import { analyze } from '../../../server/src/engine/analyze';
import type { DocumentAnalysis } from '../../../server/src/engine/model';
import { fixturesDir, seedsDir } from '../../support/paths';
import { mutatedLetter, params } from '../../support/textArbitraries';

function letters(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...letters(p));
    else if (/\.(txt|md)$/.test(e.name)) out.push(fs.readFileSync(p, 'utf8'));
  }
  return out;
}

/** The full analysis as the citations-only one must be. */
function citing(full: DocumentAnalysis): DocumentAnalysis {
  return { ...full, references: full.references.filter((r) => r.kind !== 'amount' && r.kind !== 'deadline'), instruments: [] };
}

describe('citations only (the index entry of a file)', () => {
  const texts = [...letters(seedsDir), ...letters(fixturesDir)];

  it('gives the full analysis less its amounts and deadlines, on every letter of the repository', () => {
    assert.ok(texts.length > 100, `${texts.length} letters`);
    let amountsOrDeadlines = 0;
    for (const text of [...texts, ...texts.slice(0, 20).map((t) => t.replace(/\n/g, '\r'))]) {
      const full = analyze(text);
      amountsOrDeadlines += full.references.length - citing(full).references.length;
      assert.deepEqual(analyze(text, { citationsOnly: true }), citing(full));
    }
    assert.ok(amountsOrDeadlines > 100, 'the letters have amounts and deadlines to leave out');
  });

  it('gives the full analysis less its amounts and deadlines on mutated letters', () => {
    fc.assert(
      fc.property(mutatedLetter(), (text) => {
        assert.deepEqual(analyze(text, { citationsOnly: true }), citing(analyze(text)));
      }),
      params(60),
    );
  });
});

describe('metadata only (what check keeps of a document it does not hold whole)', () => {
  const texts = [...letters(seedsDir), ...letters(fixturesDir)];
  const metadataOf = (full: DocumentAnalysis): DocumentAnalysis => ({ metadata: full.metadata, references: [], footnotes: [], footnoteMarkers: [], instruments: [] });

  it('gives the metadata of the full analysis, and nothing else, on every letter of the repository', () => {
    let titled = 0;
    for (const text of [...texts, ...texts.slice(0, 20).map((t) => t.replace(/\n/g, '\r'))]) {
      const full = analyze(text);
      if (full.metadata.title) titled++;
      assert.deepEqual(analyze(text, { metadataOnly: true }), metadataOf(full));
      const known = { kamerstuk: '36600-VII-12', date: '2025-03-14', title: 'Brief van de minister' };
      const date = '2025-06-01';
      assert.deepEqual(analyze(text, { metadataOnly: true, known, documentDate: date }), metadataOf(analyze(text, { known, documentDate: date })));
    }
    assert.ok(titled > 30, `${titled} letters say their title`);
  });

  it('gives the metadata of the full analysis on mutated letters', () => {
    fc.assert(
      fc.property(mutatedLetter(), (text) => {
        assert.deepEqual(analyze(text, { metadataOnly: true }), metadataOf(analyze(text)));
      }),
      params(60),
    );
  });
});
