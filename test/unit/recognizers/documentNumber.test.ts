import * as assert from 'node:assert/strict';
import { FlatText } from '../../../server/src/engine/flatText';
import { recognizeDocumentNumbers } from '../../../server/src/engine/recognizers/documentNumber';

const found = (source: string): string[] => recognizeDocumentNumbers(new FlatText(source)).map((r) => r.number);

describe('recognizeDocumentNumbers', () => {
  const POSITIVE: [string, string[]][] = [
    ['Nummer: 2025D44449, datum: 2025-10-17', ['2025D44449']],
    ['De Productiviteitsagenda, Kamerstuknummer 2025D37684↩︎', ['2025D37684']],
    ['(kenmerk 31125-121/2022D38590) op 29 september', ['2022D38590']],
    ['https://www.tweedekamer.nl/kamerstukken/detail?did=2024D38477', ['2024D38477']],
    ['1999D1234 en 2001D123456', ['1999D1234', '2001D123456']],
  ];
  for (const [input, expected] of POSITIVE) {
    it(`finds ${JSON.stringify(input)}`, () => assert.deepEqual(found(input), expected));
  }

  const NEGATIVE = [
    'Onderdeel van zaak 2025Z19083:',
    'toezegging TZ202509-007',
    'kenmerk BS2022026055',
    '2025D123 en 2025D1234567',
    '12025D44449 en 2025D44449X en X2025D44449',
    '1899D12345 en 2125D12345',
    'Kamerstuk 29 826, nr. 147',
  ];
  for (const input of NEGATIVE) {
    it(`finds nothing in ${JSON.stringify(input)}`, () => assert.deepEqual(found(input), []));
  }

  it('gives the exact source span', () => {
    const source = 'Nummer:\n2025D44449,';
    const [r] = recognizeDocumentNumbers(new FlatText(source));
    assert.deepEqual(r?.span, { offset: 8, length: 10 });
    assert.equal(r?.text, '2025D44449');
  });
});
