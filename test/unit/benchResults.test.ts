/**
 * The shape of `npm run bench -- --json`: a quick section of the targets (the bundles' sizes),
 * with the recorded baseline. Figures only, never timed.
 */
import * as assert from 'node:assert/strict';
import { benchResults, bundleTargets, readBaseline, TARGET_GROUPS, withBaseline, type Figure } from '../bench/targets';

describe('bench --json', () => {
  it('writes each figure with its unit, target, baseline and verdict, and the machine', () => {
    const figures: Figure[] = [];
    bundleTargets(figures);
    const results = JSON.parse(JSON.stringify(benchResults(withBaseline(figures, readBaseline()), 'abc1234', ['WARNING: x'], 0))) as ReturnType<typeof benchResults>;
    assert.deepEqual(Object.keys(results).sort(), ['baseline', 'commit', 'date', 'exceptions', 'figures', 'machine', 'warnings']);
    assert.equal(results.commit, 'abc1234');
    assert.ok(results.machine.cores >= 1 && typeof results.machine.cpu === 'string' && results.machine.node.startsWith('v'));
    assert.deepEqual(
      results.figures.map((f) => f.id),
      ['bundle.client.kb', 'bundle.server.kb'],
    );
    for (const f of results.figures) {
      assert.equal(f.unit, 'KB');
      assert.ok(typeof f.value === 'number' && f.value > 0, `${f.id} measured (dist/ is built before the tests)`);
      assert.equal(f.target?.op, '<=');
      assert.equal(typeof f.met, 'boolean');
      assert.equal(typeof f.baseline, 'number', `${f.id} has a baseline in test/bench/baseline.json`);
    }
    assert.ok(results.baseline && /^\d{4}-\d{2}-\d{2}$/.test(results.baseline.date));
  });

  it('names the groups of targets that --targets= picks from', () => {
    assert.deepEqual([...TARGET_GROUPS], ['analyze', 'edit', 'server', 'index', 'cli', 'startup', 'bundles']);
  });
});
