import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { annotatedSet, describeRegressionGuard } from '../support/annotatedSet';
import { fixturesDir } from '../support/paths';

/**
 * Recognition quality on the full-length holdout set (test/fixtures/holdout-full): whole real
 * letters and policy texts (18–108 KB each, PDF text with page furniture, footnote blocks,
 * reference lists, planning promises and amounts) that the engine was not developed on, annotated
 * by the guideline (test/fixtures/eval/GUIDELINE.md) before the engine was run on them. Their
 * sources are in SOURCES.md there. This is a regression guard, not a target: each floor is the F1
 * measured when the set was made, minus 0.03, and only for kinds with at least 10 gold references
 * (and for all kinds together); the table is printed for every kind. Where the engine gets better,
 * raise the floor.
 */

const dir = path.join(fixturesDir, 'holdout-full');

describe('recognition quality on the full-length holdout set (whole real letters)', () => {
  const set = annotatedSet(dir, path.join(dir, 'holdout-full.gold.json'));

  it('every text is a whole document of 10–120 KB', () => {
    for (const g of set.gold) {
      const bytes = fs.statSync(path.join(dir, g.file)).size;
      assert.ok(bytes >= 10_000 && bytes <= 120_000, `${g.file}: ${bytes} bytes`);
    }
  });

  describeRegressionGuard('full-length holdout set', set, {
    measured: { kamerstuk: 1, amount: 1, deadline: 1, all: 1 },
    margin: 0.03,
    minGoldForFloor: 10,
  });
});
