import * as assert from 'node:assert/strict';
import { analyze } from '../../../server/src/engine/analyze';
import { FlatText } from '../../../server/src/engine/flatText';
import type { HandelingenReference } from '../../../server/src/engine/model';
import { recognizeHandelingen } from '../../../server/src/engine/recognizers/handelingen';

/** "text | chamber | year | nr | item | aanhangsel" per reference, compact to read. */
const found = (source: string): string[] =>
  recognizeHandelingen(new FlatText(source)).map((r) => [r.text, r.chamber ?? '-', r.year, r.nr, r.item ?? '-', r.aanhangsel ? 'ah' : 'h', r.pages ?? '-'].join(' | '));

describe('recognizeHandelingen', () => {
  const POSITIVE: [string, string[]][] = [
    ['Zoals besproken (Handelingen II 2023/24, nr. 41) zeg ik toe', ['Handelingen II 2023/24, nr. 41 | II | 2023-2024 | 41 | - | h | -']],
    ['Handelingen II 2019/20, nrs. 30 en 31.', ['Handelingen II 2019/20, nrs. 30 en 31 | II | 2019-2020 | 30 | - | h | -', 'Handelingen II 2019/20, nrs. 30 en 31 | II | 2019-2020 | 31 | - | h | -']],
    ['zie Handelingen II 2010/11, nr. 108, item 5, p. 25-36;', ['Handelingen II 2010/11, nr. 108, item 5, p. 25-36 | II | 2010-2011 | 108 | 5 | h | 25-36']],
    ['Handelingen I 2019/20, nr. 12, item 8', ['Handelingen I 2019/20, nr. 12, item 8 | I | 2019-2020 | 12 | 8 | h | -']],
    ['(Handelingen I 2007-2008, nr. 14 - blz. 612)', ['Handelingen I 2007-2008, nr. 14 - blz. 612 | I | 2007-2008 | 14 | - | h | 612']],
    ['Handelingen I 2016-2017, nr. 9, item 3, blz. 12-14', ['Handelingen I 2016-2017, nr. 9, item 3, blz. 12-14 | I | 2016-2017 | 9 | 3 | h | 12-14']],
    ['Handelingen II, 2015/16, nr. 77, item 2', ['Handelingen II, 2015/16, nr. 77, item 2 | II | 2015-2016 | 77 | 2 | h | -']],
    ['Hand. II 2012/13, nr. 60, item 4', ['Hand. II 2012/13, nr. 60, item 4 | II | 2012-2013 | 60 | 4 | h | -']],
    ['Handelingen van de Tweede Kamer 2017-2018, nr. 24', ['Handelingen van de Tweede Kamer 2017-2018, nr. 24 | II | 2017-2018 | 24 | - | h | -']],
    ['Handelingen Eerste Kamer 2011/2012, nr. 5', ['Handelingen Eerste Kamer 2011/2012, nr. 5 | I | 2011-2012 | 5 | - | h | -']],
    ['Handelingen TK 2004-2005, nr. 48', ['Handelingen TK 2004-2005, nr. 48 | II | 2004-2005 | 48 | - | h | -']],
    ['Aanhangsel Handelingen II, 2018-2019 nr. 2811 van 3 juni', ['Aanhangsel Handelingen II, 2018-2019 nr. 2811 | II | 2018-2019 | 2811 | - | ah | -']],
    ['Zie ook Aanhangsel Handelingen, vergaderjaar 2016–2017, nr. 904.', ['Aanhangsel Handelingen, vergaderjaar 2016–2017, nr. 904 | - | 2016-2017 | 904 | - | ah | -']],
    ['Zie ook Aanhangsel\nHandelingen, vergaderjaar 2020–2021, nr. 77.', ['Aanhangsel\nHandelingen, vergaderjaar 2020–2021, nr. 77 | - | 2020-2021 | 77 | - | ah | -']],
    ['Aanhangsel van de Handelingen II 2008/09, nr. 3120', ['Aanhangsel van de Handelingen II 2008/09, nr. 3120 | II | 2008-2009 | 3120 | - | ah | -']],
    ['Aanh. Hand. II 2013/14, nr. 1001', ['Aanh. Hand. II 2013/14, nr. 1001 | II | 2013-2014 | 1001 | - | ah | -']],
    ['Handelingen II 1999/2000, nr. 40', ['Handelingen II 1999/2000, nr. 40 | II | 1999-2000 | 40 | - | h | -']],
    // A range: one reference per number.
    ['Aanhangsel Handelingen II 2022/23, nrs. 500 tot en met 502', [500, 501, 502].map((n) => `Aanhangsel Handelingen II 2022/23, nrs. 500 tot en met 502 | II | 2022-2023 | ${n} | - | ah | -`)],
    ['Handelingen II 2022/23, nrs. 7–9', [7, 8, 9].map((n) => `Handelingen II 2022/23, nrs. 7–9 | II | 2022-2023 | ${n} | - | h | -`)],
    // The official identifiers, also in links; a note's suffix is no part of the item.
    ['https://zoek.officielebekendmakingen.nl/h-tk-20212022-62-7.html', ['h-tk-20212022-62-7 | II | 2021-2022 | 62 | 7 | h | -']],
    ['zie h-ek-20202021-24-5-n1 en ah-tk-20182019-1456', ['h-ek-20202021-24-5-n1 | I | 2020-2021 | 24 | 5 | h | -', 'ah-tk-20182019-1456 | II | 2018-2019 | 1456 | - | ah | -']],
    // A date after the number is no further number.
    ['Handelingen II 2019/20, nr. 34, 12 december 2019', ['Handelingen II 2019/20, nr. 34 | II | 2019-2020 | 34 | - | h | -']],
  ];
  for (const [input, expected] of POSITIVE) {
    it(`finds ${JSON.stringify(input)}`, () => assert.deepEqual(found(input), expected));
  }

  const NEGATIVE = [
    // No number: nothing that can be looked up.
    'zoals de Handelingen van die dag laten zien',
    'Handelingen II 2019/20',
    'de handelingen van de minister in 2019/20, nr. 4',
    // A vergaderjaar must be two consecutive years.
    'Handelingen II 2019/22, nr. 4',
    'Handelingen II 2019-2019, nr. 4',
    // Not the word Handelingen.
    'Behandelingen 2019/20, nr. 4',
    'Kamerstukken II 2019/20, 35 300, nr. 4',
    // Identifiers: an Aanhangsel has no item; the years must follow; no glued letters or digits.
    'ah-tk-20212022-1456-3',
    'h-tk-20212024-62-7',
    'xh-tk-20212022-62-7 en h-tk-20212022-62-7x',
    // An old page-based identifier (pages, not a number and an item) is not read as one.
    'h-tk-20092010-1585-1599',
  ];
  for (const input of NEGATIVE) {
    it(`finds nothing in ${JSON.stringify(input)}`, () => assert.deepEqual(found(input), []));
  }

  it('refuses a range longer than fifty numbers', () => assert.deepEqual(found('Handelingen II 2022/23, nrs. 1 tot en met 80'), []));

  it("the publication's own identifier in its colophon (before the ISSN) is no citation", () => {
    const text = 'Antwoord op vragen van het lid X (Aanhangsel Handelingen II 2021/22, nr. 1400).\n\nah-tk-20212022-1456\nISSN 0921 - 7398\n’s-Gravenhage 2022\n';
    assert.deepEqual(analyze(text).references.map((r) => r.text), ['Aanhangsel Handelingen II 2021/22, nr. 1400']);
    assert.deepEqual(analyze('Zie kst-36410-XIV-9 ISSN 0921 - 7371 en kst-36410-XIV-8.').references.map((r) => r.text), ['kst-36410-XIV-8']);
  });

  it('maps spans back to the source across a line break', () => {
    const text = 'Zie ook Aanhangsel\nHandelingen, vergaderjaar 2021–2022, nr. 3173.';
    const [r] = recognizeHandelingen(new FlatText(text));
    assert.equal(text.slice(r!.span.offset, r!.span.offset + r!.span.length), 'Aanhangsel\nHandelingen, vergaderjaar 2021–2022, nr. 3173');
  });

  it('is part of the analysis, and the amounts and deadlines leave its numbers alone', () => {
    const a = analyze('Den Haag, 3 maart 2022\n\nZie Handelingen II 2021/22, nr. 62, item 7, en de motie-Kostić c.s.\n');
    const kinds = a.references.map((r) => r.kind);
    assert.deepEqual(kinds, ['handelingen', 'motion']);
    const h = a.references[0] as HandelingenReference;
    assert.deepEqual([h.chamber, h.year, h.nr, h.item, h.aanhangsel, h.identifier], ['II', '2021-2022', '62', '7', false, false]);
  });
});
