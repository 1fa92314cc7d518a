import * as assert from 'node:assert/strict';
import { keyOf } from '../../server/src/cli/info';
import { normalizeDossier, parseKamerstukKey } from '../../server/src/engine/identifiers';

describe('parseKamerstukKey', () => {
  const TABLE: [string, { dossier: string; nr: string } | undefined][] = [
    ['29826-277', { dossier: '29826', nr: '277' }],
    ['kst-36600-XIII-65', { dossier: '36600-XIII', nr: '65' }],
    // The Eerste Kamer's Roman-numeral dossiers, with their letter papers only.
    ['kst-CII-G', { dossier: 'CII', nr: 'G' }],
    ['kst-cxxiv-g', { dossier: 'CXXIV', nr: 'G' }],
    ['CV-12', undefined],
    ['CDA-A', undefined],
  ];
  for (const [input, expected] of TABLE) {
    it(`${JSON.stringify(input)} → ${expected ? `${expected.dossier} ${expected.nr}` : 'nothing'}`, () => assert.deepEqual(parseKamerstukKey(input), expected));
  }
});

describe('normalizeDossier', () => {
  const TABLE: [string, string][] = [
    ['29826', '29826'],
    ['29 826', '29826'],
    ['35.830', '35830'],
    ['35300 XIII', '35300-XIII'],
    ['21501–30', '21501-30'],
    ['36 410A', '36410-A'],
    ['27 484 (R 1669)', '27484-(R1669)'],
    [' 36600 xiii ', '36600-XIII'],
  ];
  it('normalizes each written form, the same when it comes again (the forms are kept in a table)', () => {
    for (let round = 0; round < 2; round++) for (const [written, normal] of TABLE) assert.equal(normalizeDossier(written), normal, written);
  });
  it('gives the same answers beyond the size of its table (it starts again)', () => {
    for (let n = 0; n < 5000; n++) assert.equal(normalizeDossier(`${10000 + n} ${n % 2 ? 'A' : 'xiv'}`), `${10000 + n}-${n % 2 ? 'A' : 'XIV'}`);
    for (const [written, normal] of TABLE) assert.equal(normalizeDossier(written), normal, written);
  });
});

describe('keyOf (kamerwijzer info)', () => {
  const TABLE: [string, { dossier: string; nr: string } | undefined][] = [
    ['Kamerstuk 35 526, L', { dossier: '35526', nr: 'L' }],
    // A citation given on its own is read as a whole, also where running text would need more context.
    ['CII, B', { dossier: 'CII', nr: 'B' }],
    ['(35.300, D)', { dossier: '35300', nr: 'D' }],
    ['onzin', undefined],
  ];
  for (const [input, expected] of TABLE) {
    it(`${JSON.stringify(input)} → ${expected ? `${expected.dossier} ${expected.nr}` : 'nothing'}`, () => {
      const key = keyOf(input);
      assert.deepEqual(key && key.kind === 'kamerstuk' ? key.id : undefined, expected);
    });
  }
});
