import * as fs from 'node:fs';
import * as path from 'node:path';
import { referenceToJson } from '../../server/src/cli/referenceJson';
import { analyze } from '../../server/src/engine/analyze';
import { LineIndex } from '../../server/src/engine/lineIndex';
import { ManifestLookup } from '../../server/src/io/manifests';
import type { AnnotatedFile, AnnotatedReference } from './scorer';
import { fixturesDir, seedsDir } from './paths';

/** The gold annotations of the seeds. */
export function seedGold(): AnnotatedFile[] {
  return JSON.parse(fs.readFileSync(path.join(fixturesDir, 'eval', 'seeds.gold.json'), 'utf8')) as AnnotatedFile[];
}

export function seedText(name: string): string {
  return fs.readFileSync(path.join(seedsDir, name), 'utf8');
}

/** What the engine predicts for every seed, in the guideline's JSON shape (as `extract --json` writes it). */
export function seedPredictions(): AnnotatedFile[] {
  const manifests = new ManifestLookup();
  return seedGold().map((g) => {
    const file = path.join(seedsDir, g.file);
    const text = seedText(g.file);
    const analysis = analyze(text, { known: manifests.factsFor(file) });
    const lines = new LineIndex(text);
    return { file: g.file, references: analysis.references.map((r) => referenceToJson(r, lines) as unknown as AnnotatedReference) };
  });
}
