/**
 * The rules on the seed letters: the real findings in them appear, and no rule fires on a
 * well-formed citation (except to say that no source knows it).
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { CheckedFinding } from '../../../server/src/features/model';
import { ManifestLookup } from '../../../server/src/io/manifests';
import { testWorkspace, uriOf } from '../../support/workspace';
import { seedsDir } from '../../support/paths';
import { seedGold, seedText } from '../../support/seedPredictions';

const WELL_FORMED = /^(Kamerstuk \d{2} \d{3}(?: [IVXL]+|-\d{2})?, nr\. \d+|Kamerstuk \d{5}(?:-[A-Z0-9]+)?, nr\. \d+|Kamerstukken \d{2} \d{3} en \d{2} \d{3}, nr\. \d+)$/;

describe('diagnostics on the seeds', function () {
  this.timeout(60000);
  const byFile = new Map<string, CheckedFinding[]>();
  const ws = testWorkspace({ bundled: true, today: '2026-11-23' });
  const manifests = new ManifestLookup();

  before(async () => {
    for (const g of seedGold()) ws.add(g.file, seedText(g.file), manifests.factsFor(path.join(seedsDir, g.file)));
    for (const g of seedGold()) byFile.set(g.file, await ws.service.findings(ws.service.document(uriOf(g.file))!));
  });

  const has = (file: string, line: number, code: string): boolean => (byFile.get(file) ?? []).some((d) => d.range.start.line + 1 === line && d.code === code);

  it('finds the real problems', () => {
    assert.ok(has('000_314d4768fc43998e.txt', 576, 'citation-malformed'), '"Kamerstuk 35420, 57" lacks nr.');
    assert.ok(has('000_314d4768fc43998e.txt', 925, 'citation-malformed'), '"Kamerstuk 34952- 86"');
    assert.ok(has('004_845066ec087d8ccf.txt', 65, 'citation-malformed'), '"Kamerstuk 35 207, nr.1"');
    assert.ok(has('001_6eee23a5c68b1126.txt', 1687, 'deadline-before-letter'), '"voor de zomer van 2022" in a letter of 8 July 2022');
    assert.ok(has('000_314d4768fc43998e.txt', 555, 'motion-without-kamerstuk'), 'motie Heerma c.s.');
    assert.ok(has('000_314d4768fc43998e.txt', 1342, 'amount-mixed-notation'), '€ 1 mrd among miljoen/miljard');
  });

  it('no rule but kamerstuk-unknown fires on a well-formed citation', () => {
    for (const g of seedGold()) {
      const text = seedText(g.file);
      for (const r of g.references) {
        if (r.kind !== 'kamerstuk' || !WELL_FORMED.test(r.text!.replace(/\s+/g, ' '))) continue;
        const at = text.indexOf(r.text!);
        const lines = ws.service.document(uriOf(g.file))!.lines;
        const pos = lines.positionAt(at);
        const hits = (byFile.get(g.file) ?? []).filter(
          (d) => d.code !== 'kamerstuk-unknown' && d.code !== 'citation-title-mismatch' && d.range.start.line === pos.line && d.range.start.character === pos.character,
        );
        assert.deepEqual(hits.map((d) => `${d.code}: ${d.message}`), [], `${g.file}:${r.line} ${r.text}`);
      }
    }
  });

  it('citations the bundled catalog knows are not reported unknown', () => {
    const unknown = [...byFile.values()].flat().filter((d) => d.code === 'kamerstuk-unknown').map((d) => String(d.message));
    for (const known of ['29 826, nr. 250', '29 826, nr. 277', '29 826, nr. 147']) assert.ok(!unknown.some((m) => m.includes(known)), known);
  });
});
