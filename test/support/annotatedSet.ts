/**
 * An annotated set of real texts (the seeds, the holdouts): its gold, the engine's predictions in the
 * guideline's JSON shape (as `extract --json` writes them, with the folder manifest's facts), and the
 * regression guard every holdout test registers: fixtures that stand where their gold says, a
 * manifest that agrees with the gold, and per-kind F1 floors.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { referenceToJson } from '../../server/src/cli/referenceJson';
import { analyze } from '../../server/src/engine/analyze';
import { LineIndex } from '../../server/src/engine/lineIndex';
import { MANIFEST_FILE_NAME, parseManifest } from '../../server/src/engine/manifest';
import { ManifestLookup } from '../../server/src/io/manifests';
import { locate, score, SCORED_KINDS, type AnnotatedFile, type AnnotatedReference } from './scorer';

export type GoldFile = AnnotatedFile & { readonly documentDate: string | null };
export type ScoredKindOrAll = (typeof SCORED_KINDS)[number] | 'all';

export interface AnnotatedSet {
  readonly dir: string;
  readonly gold: GoldFile[];
  text(name: string): string;
  /** What the engine predicts for every text of the set. */
  predictions(): AnnotatedFile[];
}

export function annotatedSet(dir: string, goldFile: string): AnnotatedSet {
  const gold = JSON.parse(fs.readFileSync(goldFile, 'utf8')) as GoldFile[];
  const text = (name: string): string => fs.readFileSync(path.join(dir, name), 'utf8');
  return {
    dir,
    gold,
    text,
    predictions(): AnnotatedFile[] {
      const manifests = new ManifestLookup();
      return gold.map((g) => {
        const t = text(g.file);
        const analysis = analyze(t, { known: manifests.factsFor(path.join(dir, g.file)) });
        const lines = new LineIndex(t);
        return { file: g.file, references: analysis.references.map((r) => referenceToJson(r, lines) as unknown as AnnotatedReference) };
      });
    },
  };
}

export function goldCount(gold: readonly AnnotatedFile[], kind: ScoredKindOrAll): number {
  return gold.reduce((n, g) => n + g.references.filter((r) => kind === 'all' || r.kind === kind).length, 0);
}

export interface GuardOptions {
  /** F1 per kind when the set was made (or last raised); kinds not listed get no floor. */
  readonly measured: Partial<Record<ScoredKindOrAll, number>>;
  /** How far below the measured F1 the floor lies. */
  readonly margin: number;
  /** Kinds with fewer gold references get no floor (one reference moves their F1 too much). */
  readonly minGoldForFloor?: number;
}

/** Registers the fixture checks and the per-kind F1 floors of a holdout set. */
/**
 * Registers the check that a set is what its gold says and fresh: every text in its folder is in the
 * gold, and none repeats (or shares its first 400 characters with) a text of the earlier sets.
 */
export function itIsAFreshSet(set: AnnotatedSet, earlierDirs: readonly string[]): void {
  it('every text in the folder is in the gold, and no text is in an earlier holdout set', () => {
    const texts = fs.readdirSync(set.dir).filter((f) => f.endsWith('.txt')).sort();
    assert.deepEqual(texts, set.gold.map((g) => g.file).sort());
    const earlier = earlierDirs.flatMap((d) => fs.readdirSync(d).filter((f) => f.endsWith('.txt')).map((f) => fs.readFileSync(path.join(d, f), 'utf8')));
    for (const name of texts) {
      const text = set.text(name);
      assert.ok(!earlier.some((e) => e === text || e.includes(text.slice(0, 400)) || text.includes(e.slice(0, 400))), `${name} repeats an earlier holdout text`);
    }
  });
}

export function describeRegressionGuard(name: string, set: AnnotatedSet, options: GuardOptions): void {
  const floorOf = (kind: ScoredKindOrAll): number | undefined => {
    const m = options.measured[kind];
    return m === undefined ? undefined : Math.round((m - options.margin) * 1000) / 1000;
  };

  describe(`the ${name} fixtures`, () => {
    it('every gold text stands where its line says', () => {
      const problems: string[] = [];
      for (const g of set.gold) {
        const text = set.text(g.file);
        const starts = [0];
        for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
        for (const r of g.references) {
          const span = locate(r, text, starts);
          const lineStart = starts[(r.line ?? 1) - 1] ?? -1;
          const lineEnd = starts[r.line ?? 1] ?? text.length + 1;
          if (!span || span[0] < lineStart || span[0] >= lineEnd || text.slice(span[0], span[1]) !== r.text) problems.push(`${g.file}:${r.line} ${r.kind} ${JSON.stringify(r.text)}`);
        }
      }
      assert.deepEqual(problems, []);
    });

    it('the manifest gives each text it lists the gold’s date, and lists only texts of the set', () => {
      const manifest = parseManifest(fs.readFileSync(path.join(set.dir, MANIFEST_FILE_NAME), 'utf8'));
      assert.deepEqual(manifest.problems, []);
      for (const g of set.gold) {
        const facts = manifest.documents.get(g.file);
        if (facts) assert.equal(facts.date ?? null, g.documentDate, g.file);
      }
      for (const listed of manifest.documents.keys()) assert.ok(set.gold.some((g) => g.file === listed), `${listed} is not in the set`);
    });

    if (options.minGoldForFloor) {
      it('the floors only guard kinds with enough gold references', () => {
        for (const kind of [...SCORED_KINDS, 'all' as const]) {
          if (options.measured[kind] !== undefined) assert.ok(goldCount(set.gold, kind) >= options.minGoldForFloor!, `${kind}: only ${goldCount(set.gold, kind)} gold references`);
        }
      });
    }
  });

  describe(`per-kind F1 on the ${name} (regression guard)`, () => {
    const report = score(set.gold, set.predictions(), set.text);
    before(() => {
      const rows = [...SCORED_KINDS, 'all' as const].map((k) => {
        const s = report.kinds[k];
        const floor = floorOf(k);
        return `${k.padEnd(15)} ${String(goldCount(set.gold, k)).padStart(4)} ${String(s.tp).padStart(4)} ${String(s.fp).padStart(4)} ${String(s.fn).padStart(4)}  ${s.precision.toFixed(3)}  ${s.recall.toFixed(3)}  ${s.f1.toFixed(3)}  ${floor === undefined ? '(no floor)' : `(floor ${floor.toFixed(3)})`}`;
      });
      console.log(`\n      ${name}: ${set.gold.length} texts, ${goldCount(set.gold, 'all')} gold references\n      kind            gold   tp   fp   fn  prec.  recall f1\n${rows.map((r) => `      ${r}`).join('\n')}`);
    });
    for (const kind of [...SCORED_KINDS, 'all' as const]) {
      const floor = floorOf(kind);
      if (floor === undefined) continue;
      it(`${kind}: F1 ≥ ${floor}`, () => {
        const k = report.kinds[kind];
        const mistakes = kind === 'all' ? report.mistakes : report.mistakes.filter((m) => m.includes(` ${kind} `));
        assert.ok(k.f1 >= floor, `${kind} F1 ${k.f1} (tp ${k.tp}, fp ${k.fp}, fn ${k.fn}) < ${floor}\n${mistakes.join('\n')}`);
      });
    }
  });
}
