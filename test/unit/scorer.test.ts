import * as assert from 'node:assert/strict';
import { fieldsAgree, locate, score } from '../support/scorer';

describe('scorer (matching rule of the guideline)', () => {
  const text = 'Zie Kamerstuk 29826, nr. 250.\nEn de motie-Kostić c.s. over EUR 1,5 miljard.\n';
  const starts = [0, text.indexOf('\n') + 1];

  it('locates by offset when given, else by text near the line', () => {
    assert.deepEqual(locate({ kind: 'kamerstuk', offset: 4, length: 24 }, text, starts), [4, 28]);
    assert.deepEqual(locate({ kind: 'kamerstuk', line: 1, text: 'Kamerstuk 29826, nr. 250' }, text, starts), [4, 28]);
    assert.equal(locate({ kind: 'kamerstuk', line: 1, text: 'nowhere' }, text, starts), null);
  });

  it('compares fields per kind', () => {
    assert.ok(fieldsAgree({ kind: 'kamerstuk', dossier: '35300-XIII', nr: '42' }, { kind: 'kamerstuk', dossier: '35300-xiii', nr: '42' }));
    assert.ok(!fieldsAgree({ kind: 'kamerstuk', dossier: '29826', nr: '250' }, { kind: 'kamerstuk', dossier: '29826', nr: '251' }));
    assert.ok(fieldsAgree({ kind: 'amount', value: 1000 }, { kind: 'amount', value: 1004 }));
    assert.ok(!fieldsAgree({ kind: 'amount', value: 1000 }, { kind: 'amount', value: 1006 }));
    assert.ok(!fieldsAgree({ kind: 'amount', value: 10, valueMax: 20 }, { kind: 'amount', value: 10 }));
    assert.ok(fieldsAgree({ kind: 'deadline', end: '2025-12-31' }, { kind: 'deadline', start: '2025-10-01', end: '2025-12-31' }));
    assert.ok(!fieldsAgree({ kind: 'deadline', start: '2025-10-01', end: '2025-12-31' }, { kind: 'deadline', end: '2025-12-31' }));
    assert.ok(fieldsAgree({ kind: 'motion', submitters: ['Van der Lee'] }, { kind: 'motion', submitters: ['Lee'] }));
    assert.ok(fieldsAgree({ kind: 'motion', submitters: ['Kostić'] }, { kind: 'motion', submitters: ['KOSTIC'] }));
    assert.ok(!fieldsAgree({ kind: 'motion', submitters: ['Dassen'] }, { kind: 'motion', submitters: ['Grinwis'] }));
  });

  it('counts each gold reference at most once, and spurious predictions as false positives', () => {
    const gold = [{ file: 'a.txt', references: [{ kind: 'kamerstuk', line: 1, text: 'Kamerstuk 29826, nr. 250', dossier: '29826', nr: '250' }] }];
    const pred = [
      {
        file: 'dir/a.txt',
        references: [
          { kind: 'kamerstuk', offset: 4, length: 24, dossier: '29826', nr: '250' },
          { kind: 'kamerstuk', offset: 14, length: 5, dossier: '29826', nr: '250' },
          { kind: 'amount', offset: 78, length: 16, value: 1.5e9 },
        ],
      },
    ];
    const r = score(gold, pred, () => text);
    assert.deepEqual([r.kinds.kamerstuk.tp, r.kinds.kamerstuk.fp, r.kinds.kamerstuk.fn], [1, 1, 0]);
    assert.deepEqual([r.kinds.amount.tp, r.kinds.amount.fp], [0, 1]);
    assert.equal(r.kinds.kamerstuk.precision, 0.5);
    assert.equal(r.kinds.kamerstuk.recall, 1);
  });
});
