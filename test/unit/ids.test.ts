import * as assert from 'node:assert/strict';
import { keyOf } from '../../server/src/cli/info';
import { parseKamerstukKey } from '../../server/src/engine/identifiers';

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
