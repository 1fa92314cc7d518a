import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { referenceToJson } from '../../server/src/cli/referenceJson';
import { analyze } from '../../server/src/engine/analyze';
import { LineIndex } from '../../server/src/engine/lineIndex';
import { parseManifest } from '../../server/src/engine/manifest';
import { ManifestLookup } from '../../server/src/io/manifests';
import { fixturesDir } from '../support/paths';
import { locate, score, SCORED_KINDS, type AnnotatedFile, type AnnotatedReference } from '../support/scorer';

/**
 * Recognition quality on the holdout set (test/fixtures/holdout): real texts that the engine was
 * not developed on, annotated by the guideline (test/fixtures/eval/GUIDELINE.md). Their sources
 * are in SOURCES.md there. This is a regression guard, not a target: each floor is the F1 measured
 * when the set was made, minus 0.02. Where the engine gets better, raise the floor.
 */
const MEASURED_F1: Record<(typeof SCORED_KINDS)[number] | 'all', number> = {
  kamerstuk: 1,
  dossier: 1,
  documentNumber: 1,
  motion: 1,
  amount: 1,
  deadline: 1,
  all: 1,
};
const MARGIN = 0.02;

const holdoutDir = path.join(fixturesDir, 'holdout');

function holdoutGold(): (AnnotatedFile & { documentDate: string | null })[] {
  return JSON.parse(fs.readFileSync(path.join(holdoutDir, 'holdout.gold.json'), 'utf8')) as (AnnotatedFile & { documentDate: string | null })[];
}

function holdoutText(name: string): string {
  return fs.readFileSync(path.join(holdoutDir, name), 'utf8');
}

/** What the engine predicts for every holdout text, with the facts of the folder's manifest (as `extract --json` does). */
function holdoutPredictions(gold: readonly AnnotatedFile[]): AnnotatedFile[] {
  const manifests = new ManifestLookup();
  return gold.map((g) => {
    const file = path.join(holdoutDir, g.file);
    const text = holdoutText(g.file);
    const analysis = analyze(text, { known: manifests.factsFor(file) });
    const lines = new LineIndex(text);
    return { file: g.file, references: analysis.references.map((r) => referenceToJson(r, lines) as unknown as AnnotatedReference) };
  });
}

function table(report: ReturnType<typeof score>): string {
  const rows = [...SCORED_KINDS, 'all' as const].map((k) => {
    const s = report.kinds[k];
    return `${k.padEnd(15)} ${String(s.tp).padStart(4)} ${String(s.fp).padStart(4)} ${String(s.fn).padStart(4)}  ${s.precision.toFixed(3)}  ${s.recall.toFixed(3)}  ${s.f1.toFixed(3)}  (floor ${(MEASURED_F1[k] - MARGIN).toFixed(3)})`;
  });
  return ['kind              tp   fp   fn  prec.  recall f1', ...rows].join('\n');
}

describe('recognition quality on the holdout set (real texts outside the seeds)', () => {
  const gold = holdoutGold();

  describe('the holdout fixtures', () => {
    it('every gold text stands where its line says', () => {
      const problems: string[] = [];
      for (const g of gold) {
        const text = holdoutText(g.file);
        const starts = [0];
        for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
        for (const r of g.references) {
          const span = locate(r, text, starts);
          const lineStart = starts[(r.line ?? 1) - 1] ?? -1;
          const lineEnd = starts[r.line ?? 1] ?? text.length + 1;
          if (!span || span[0] < lineStart || span[0] >= lineEnd || text.slice(span[0], span[1]) !== r.text) {
            problems.push(`${g.file}:${r.line} ${r.kind} ${JSON.stringify(r.text)}`);
          }
        }
      }
      assert.deepEqual(problems, []);
    });

    it('the manifest gives each text the same date as the gold', () => {
      const manifest = parseManifest(fs.readFileSync(path.join(holdoutDir, 'kamerwijzer.json'), 'utf8'));
      assert.deepEqual(manifest.problems, []);
      for (const g of gold) {
        const facts = manifest.documents.get(g.file);
        assert.ok(facts, `${g.file} is not in kamerwijzer.json`);
        assert.equal(facts.date ?? null, g.documentDate, g.file);
      }
    });
  });

  describe('per-kind F1 (regression guard)', () => {
    const report = score(gold, holdoutPredictions(gold), holdoutText);

    before(() => {
      console.log(`\n      holdout set, ${gold.length} texts\n${table(report).replace(/^/gm, '      ')}`);
    });

    for (const kind of [...SCORED_KINDS, 'all' as const]) {
      const floor = Math.round((MEASURED_F1[kind] - MARGIN) * 1000) / 1000;
      it(`${kind}: F1 ≥ ${floor}`, () => {
        const k = report.kinds[kind];
        const mistakes = kind === 'all' ? report.mistakes : report.mistakes.filter((m) => m.includes(` ${kind} `));
        assert.ok(k.f1 >= floor, `${kind} F1 ${k.f1} (tp ${k.tp}, fp ${k.fp}, fn ${k.fn}) < ${floor}\n${mistakes.join('\n')}`);
      });
    }
  });
});
