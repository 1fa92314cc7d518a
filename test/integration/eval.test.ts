import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { score } from '../support/scorer';
import { sharedDir, seedsDir } from '../support/paths';
import { seedGold, seedPredictions, seedText } from '../support/seedPredictions';

/** Minimum F1 per kind on the seeds (the engine issue's bar). */
const MIN_F1: Record<string, number> = { kamerstuk: 0.98, documentNumber: 0.98, motion: 0.98, amount: 0.98, deadline: 0.98, handelingen: 0.98 };

describe('recognition quality on the seeds (gold annotations)', () => {
  const gold = seedGold();
  const predicted = seedPredictions();
  const report = score(gold, predicted, seedText);

  for (const [kind, min] of Object.entries(MIN_F1)) {
    it(`${kind}: F1 ≥ ${min}`, () => {
      const k = report.kinds[kind as keyof typeof report.kinds];
      const mistakes = report.mistakes.filter((m) => m.includes(` ${kind} `));
      assert.ok(k.f1 >= min, `${kind} F1 ${k.f1} (tp ${k.tp}, fp ${k.fp}, fn ${k.fn}) < ${min}\n${mistakes.join('\n')}`);
    });
  }

  it('every reference carries its exact span, text and LSP range', () => {
    for (const f of predicted) {
      const text = seedText(f.file);
      for (const r of f.references as unknown as { offset: number; length: number; text: string; range: { start: { line: number } }; line: number }[]) {
        assert.equal(text.slice(r.offset, r.offset + r.length), r.text);
        assert.equal(r.range.start.line + 1, r.line);
      }
    }
  });

  it('agrees with the workplace scorer score.mjs (when ../shared is present)', function () {
    const scorer = path.join(sharedDir, 'eval', 'score.mjs');
    if (!fs.existsSync(scorer)) this.skip();
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kw-score-'));
    const predFile = path.join(tmp, 'pred.json');
    const goldFile = path.join(tmp, 'gold.json');
    fs.writeFileSync(predFile, JSON.stringify(predicted));
    fs.writeFileSync(goldFile, JSON.stringify(gold));
    const theirs = JSON.parse(
      execFileSync(process.execPath, [scorer, '--gold', goldFile, '--pred', predFile, '--texts', seedsDir, '--json'], { encoding: 'utf8' }),
    ) as Record<string, { tp: number; fp: number; fn: number }>;
    for (const kind of ['kamerstuk', 'dossier', 'documentNumber', 'motion', 'amount', 'deadline', 'handelingen', 'all'] as const) {
      const ours = report.kinds[kind];
      assert.deepEqual({ tp: ours.tp, fp: ours.fp, fn: ours.fn }, { tp: theirs[kind]!.tp, fp: theirs[kind]!.fp, fn: theirs[kind]!.fn }, kind);
    }
  });
});
