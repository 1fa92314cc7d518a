/**
 * Recognition quality on the holdout set (test/fixtures/holdout): 16 openings of real texts outside
 * the seeds, annotated by the guideline (test/fixtures/eval/GUIDELINE.md); sources in SOURCES.md
 * there. A regression guard, not a target: the engine has since learned from this set (it scored
 * kamerstuk 0.842 and deadline 0.8 when it was made), so it no longer measures generalization.
 */
import * as path from 'node:path';
import { annotatedSet, describeRegressionGuard } from '../support/annotatedSet';
import { fixturesDir } from '../support/paths';

const dir = path.join(fixturesDir, 'holdout');

describe('recognition quality on the holdout set (real texts outside the seeds)', () => {
  describeRegressionGuard('holdout set', annotatedSet(dir, path.join(dir, 'holdout.gold.json')), {
    measured: { kamerstuk: 1, dossier: 1, documentNumber: 1, motion: 1, amount: 1, deadline: 1, all: 1 },
    margin: 0.02,
  });
});
