import * as path from 'node:path';
import { annotatedSet } from './annotatedSet';
import type { AnnotatedFile } from './scorer';
import { fixturesDir, seedsDir } from './paths';

const seeds = annotatedSet(seedsDir, path.join(fixturesDir, 'eval', 'seeds.gold.json'));

/** The gold annotations of the seeds. */
export function seedGold(): AnnotatedFile[] {
  return seeds.gold;
}

export function seedText(name: string): string {
  return seeds.text(name);
}

/** What the engine predicts for every seed, in the guideline's JSON shape (as `extract --json` writes it). */
export function seedPredictions(): AnnotatedFile[] {
  return seeds.predictions();
}
