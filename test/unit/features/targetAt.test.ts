/**
 * What the cursor is on (hover, definition, references) is found by binary search in the analysis's
 * lists, sorted by offset. It must give what looking at every reference, footnote marker, footnote
 * and instrument gives: compared at every span's edges and many offsets between, in the seed letters
 * and the full-length holdout letters with the bundled glossary's instruments, and in a text where
 * references nest and spans touch.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../../server/src/engine/analyze';
import { Glossary } from '../../../server/src/engine/glossary';
import { kamerstukKey } from '../../../server/src/engine/identifiers';
import { LineIndex } from '../../../server/src/engine/lineIndex';
import type { Span } from '../../../server/src/engine/model';
import type { IndexedDocument } from '../../../server/src/features/model';
import { contains, targetAt, type Target } from '../../../server/src/features/referenceAt';
import { fixturesDir, seedsDir } from '../../support/paths';
import { bundledGlossary } from '../../support/workspace';

/** Every item looked at in turn: the smallest span containing the offset wins, the first at equal length. */
function targetByLookingAtAll(doc: IndexedDocument, offset: number): Target | undefined {
  const a = doc.analysis;
  let best: { target: Target; length: number } | undefined;
  const consider = (span: Span, target: Target): void => {
    if (contains(span, offset) && (!best || span.length < best.length)) best = { target, length: span.length };
  };
  for (const r of a.references) consider(r.span, { kind: 'reference', reference: r });
  for (const m of a.footnoteMarkers) consider(m.span, { kind: 'footnoteMarker', marker: m });
  for (const f of a.footnotes) if (contains({ offset: f.span.offset, length: Math.max(1, f.bodySpan.offset - f.span.offset) }, offset)) consider(f.span, { kind: 'footnote', footnote: f });
  for (const i of a.instruments) consider(i.span, { kind: 'instrument', mention: i });
  if (best) return best.target;
  const key = a.metadata.kamerstuk ? kamerstukKey(a.metadata.kamerstuk) : a.metadata.documentNumber?.toUpperCase();
  const own = key ? (a.metadata.identitySpans ?? []).find((s) => contains(s, offset)) : undefined;
  return own && key ? { kind: 'identity', key, span: own } : undefined;
}

describe('targetAt: the item under the cursor, found by binary search', function () {
  this.timeout(60_000);
  const glossary = Glossary.from(bundledGlossary);
  const documentOf = (text: string): IndexedDocument => {
    const lines = new LineIndex(text);
    const analysis = analyze(text, { lines, instruments: glossary.matcher, senses: glossary.senses });
    return { uri: 'file:///ws/brief.md', version: 1, text, lines, metadata: analysis.metadata, analysis, known: undefined };
  };
  const compare = (doc: IndexedDocument, name: string): number => {
    const a = doc.analysis;
    const offsets = new Set<number>();
    for (const { span } of [...a.references, ...a.footnoteMarkers, ...a.footnotes, ...a.instruments]) for (const o of [span.offset - 1, span.offset, span.offset + 1, span.offset + span.length - 1, span.offset + span.length, span.offset + span.length + 1]) offsets.add(o);
    for (const f of a.footnotes) offsets.add(f.bodySpan.offset).add(f.bodySpan.offset - 1);
    for (let o = 0; o <= doc.text.length; o += 13) offsets.add(o);
    let found = 0;
    for (const o of offsets) {
      const expected = targetByLookingAtAll(doc, o);
      assert.deepEqual(targetAt(doc, o), expected, `${name} at ${o}`);
      if (expected) found++;
    }
    return found;
  };

  it('gives what looking at every item gives, in real letters', () => {
    const dirs = [seedsDir, path.join(fixturesDir, 'holdout-full')];
    let letters = 0;
    let found = 0;
    for (const dir of dirs) {
      for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.txt')).sort()) {
        found += compare(documentOf(fs.readFileSync(path.join(dir, f), 'utf8')), f);
        letters++;
      }
    }
    assert.ok(letters >= 10, `${letters} letters`);
    assert.ok(found > 5000, `${found} offsets on a target`);
  });

  it('where references nest, footnote labels touch markers and instruments stand side by side', () => {
    const text = [
      'De motie van het lid Kostić c.s. (Kamerstuk 29 826, nr. 250)[^1] en de WBSO/Invest-NL en het Nationaal Groeifonds.',
      'Zie ook Kamerstukken 36 200 XIII, nrs. 5 en 7; 2025D44449; Handelingen II 2023/24, nr. 12, item 4.',
      '',
      '[^1]: Kamerstuk 29 826, nr. 250, motie-Kostić c.s.',
    ].join('\n');
    const doc = documentOf(text);
    assert.ok(doc.analysis.references.length >= 5 && doc.analysis.instruments.length >= 2 && doc.analysis.footnotes.length === 1);
    for (let o = 0; o <= text.length; o++) assert.deepEqual(targetAt(doc, o), targetByLookingAtAll(doc, o), `at ${o}`);
  });
});
