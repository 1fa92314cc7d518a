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
    // Wrapped over a line inside a link by PDF extraction.
    ['5https://www.tweedekamer.nl/kamerstukken/moties/detail?id=2022Z10845&did=2022D222\n49; hieruit', ['2022D22249']],
    ['detail?did=2022D2224\r\n9 en verder', ['2022D22249']],
    // A whole number at a line end is not continued by the next line's footnote label.
    ['did=2022D22249\n50 Kamerstuk 29 826, nr. 3', ['2022D22249']],
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
    // A wrapped serial is joined only inside a link, only right at the line end, and only to five digits.
    'De brief 2022D222\n49 Kamerstukken',
    'did=2022D222 \n49 en',
    'did=2022D222\n4 Kamerstuk',
    'did=2022D222\n493 Kamerstuk',
  ];
  for (const input of NEGATIVE) {
    it(`finds nothing in ${JSON.stringify(input)}`, () => assert.deepEqual(found(input), []));
  }

  it('spans a number wrapped over a line', () => {
    const source = 'did=2022D222\n49;';
    const [r] = recognizeDocumentNumbers(new FlatText(source));
    assert.equal(r?.text, '2022D222\n49');
    assert.deepEqual(r?.span, { offset: 4, length: 11 });
  });

  it('gives the exact source span', () => {
    const source = 'Nummer:\n2025D44449,';
    const [r] = recognizeDocumentNumbers(new FlatText(source));
    assert.deepEqual(r?.span, { offset: 8, length: 10 });
    assert.equal(r?.text, '2025D44449');
  });
});
