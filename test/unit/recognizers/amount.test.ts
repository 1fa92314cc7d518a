import * as assert from 'node:assert/strict';
import { FlatText } from '../../../server/src/engine/flatText';
import type { AmountReference } from '../../../server/src/engine/model';
import { recognizeAmounts } from '../../../server/src/engine/recognizers/amount';
import { parseWrittenNumber, writtenNumberValue } from '../../../server/src/engine/recognizers/dutchNumber';

/** What a test case expects of one amount; fields left out are not compared. */
interface Expected {
  readonly text: string;
  readonly value: number;
  readonly valueMax?: number;
  readonly qualifiers?: readonly string[];
  readonly notation?: AmountReference['notation'];
  readonly currency?: string | null;
  readonly scale?: string | null;
}

function amountsIn(source: string): AmountReference[] {
  return recognizeAmounts(new FlatText(source));
}

function project(a: AmountReference, e: Expected): Record<string, unknown> {
  const out: Record<string, unknown> = { text: a.text, value: a.value };
  if ('valueMax' in e || a.valueMax !== undefined) out.valueMax = a.valueMax;
  if ('qualifiers' in e || a.qualifiers !== undefined) out.qualifiers = a.qualifiers;
  if ('notation' in e) out.notation = a.notation;
  if ('currency' in e) out.currency = a.currency;
  if ('scale' in e) out.scale = a.scale;
  return out;
}

function check(source: string, expected: readonly Expected[]): void {
  const found = amountsIn(source);
  assert.equal(found.length, expected.length, `found ${JSON.stringify(found.map((a) => [a.text, a.value, a.valueMax]))}`);
  found.forEach((a, i) => {
    const e = expected[i]!;
    assert.deepEqual(project(a, e), { ...e }, `amount ${i} in ${JSON.stringify(source)}`);
    assert.equal(source.slice(a.span.offset, a.span.offset + a.span.length), a.text, 'span and text agree');
  });
}

describe('amount recognizer', () => {
  describe('euro sums with currency and scale', () => {
    const cases: ReadonlyArray<readonly [string, readonly Expected[]]> = [
      ['Het Groeifonds heeft een omvang van 20 miljard euro.', [{ text: '20 miljard euro', value: 20e9, currency: 'euro', scale: 'miljard', notation: 'plain' }]],
      ['met een budget van EUR 1.600 miljoen in 2020', [{ text: 'EUR 1.600 miljoen', value: 1.6e9, currency: 'EUR', notation: 'dutch' }]],
      ['Er is EUR 1,118 miljard toegekend.', [{ text: 'EUR 1,118 miljard', value: 1_118_000_000, notation: 'dutch' }]],
      ['groei naar € 76,7 miljoen in 2026', [{ text: '€ 76,7 miljoen', value: 76.7e6, currency: '€' }]],
      ['de omvang is € 2,7 miljard euro en', [{ text: '€ 2,7 miljard euro', value: 2.7e9, currency: '€' }]],
      ['Topsectoren (EUR 40 miljoen euro in 2022).', [{ text: 'EUR 40 miljoen euro', value: 40e6 }]],
      ['Hiervoor is €250 beschikbaar.', [{ text: '€250', value: 250, scale: null, notation: 'plain' }]],
      ['Het tarief is € 1.250,50 per aanvraag.', [{ text: '€ 1.250,50', value: 1250.5, notation: 'dutch' }]],
      ['een voorziening van € 3 mrd. door de EC', [{ text: '€ 3 mrd', value: 3e9, scale: 'mrd' }]],
      ['oplopend tot €\n8 mld. zal investeren', [{ text: '€\n8 mld', value: 8e9 }]],
      ['Het kabinet stelt € 1,2 mld. beschikbaar.', [{ text: '€ 1,2 mld', value: 1.2e9, notation: 'dutch' }]],
      ['Hiervoor is EUR 0,5 miljoen gereserveerd.', [{ text: 'EUR 0,5 miljoen', value: 0.5e6 }]],
      ['De subsidie bedraagt maximaal € 12.500 per project.', [{ text: '€ 12.500', value: 12500, notation: 'dutch' }]],
      ['Dit kost 2,4 miljard euro per jaar.', [{ text: '2,4 miljard euro', value: 2.4e9, qualifiers: ['perJaar'] }]],
      ['Er is circa € 30 miljoen mee gemoeid.', [{ text: '€ 30 miljoen', value: 30e6 }]],
      ['Het budget stijgt met ruim 1 miljard euro.', [{ text: '1 miljard euro', value: 1e9 }]],
      ['Een lening van € 500.000 aan de gemeente.', [{ text: '€ 500.000', value: 500_000 }]],
      ['De regeling kost € 3,5 mln en loopt tot 2025.', [{ text: '€ 3,5 mln', value: 3.5e6, scale: 'mln' }]],
      ['Er gaat EUR 200 mln. naar de regio.', [{ text: 'EUR 200 mln', value: 200e6 }]],
      ['Het fonds bevat € 1 biljoen.', [{ text: '€ 1 biljoen', value: 1e12 }]],
      ['een bedrag van € 250,- per deelnemer', [{ text: '€ 250,-', value: 250 }]],
      ['Er is 5 miljoen EUR voor gereserveerd.', [{ text: '5 miljoen EUR', value: 5e6, currency: 'EUR' }]],
      ['Het gaat om € 500k aan subsidie.', [{ text: '€ 500k', value: 500e3 }]],
      ['een budget van € 250 dzd. per jaar', [{ text: '€ 250 dzd', value: 250e3, qualifiers: ['perJaar'] }]],
      ['een bedrag van 250 euro per maand', [{ text: '250 euro', value: 250 }]],
      ['De EU draagt EUR 5 mio. bij.', [{ text: 'EUR 5 mio', value: 5e6 }]],
      ['een bijdrage van EUR1,5 miljoen', [{ text: 'EUR1,5 miljoen', value: 1.5e6 }]],
      ['Verder ging er 35 Miljoen Euro naar', [{ text: '35 Miljoen Euro', value: 35e6 }]],
      ['Hiervoor is € 5 miljoen3 beschikbaar (footnote marker glued on).', [{ text: '€ 5 miljoen', value: 5e6 }]],
      ['De 20 miljard euro2 is verdeeld.', [{ text: '20 miljard euro', value: 20e9 }]],
      ['Hiervoor is EUR 1.234.567,89 uitgekeerd.', [{ text: 'EUR 1.234.567,89', value: 1234567.89, notation: 'dutch' }]],
      ['De begroting bevat € 1.234 mln voor zorg.', [{ text: '€ 1.234 mln', value: 1.234e9 }]],
      ['De heffing is € 0,05 per kWh.', [{ text: '€ 0,05', value: 0.05 }]],
      ['Het kost 2-3 miljoen euro.', [{ text: '2-3 miljoen euro', value: 2e6, valueMax: 3e6 }]],
    ];
    for (const [source, expected] of cases) it(JSON.stringify(source), () => check(source, expected));
  });

  describe('OCR of "mln" as "min" beside a euro marker', () => {
    const cases: ReadonlyArray<readonly [string, readonly Expected[]]> = [
      ['Hiervoor is\n€250 min. voor 2021 gereserveerd.', [{ text: '€250 min', value: 250e6 }]],
      ['een bedrag van 20 min. euro als lening', [{ text: '20 min. euro', value: 20e6 }]],
      ['De vergadering duurt 20 min. en daarna', []],
      ['Na 5 min wordt het systeem herstart.', []],
    ];
    for (const [source, expected] of cases) it(JSON.stringify(source), () => check(source, expected));
  });

  describe('English and Dutch notation', () => {
    const cases: ReadonlyArray<readonly [string, readonly Expected[]]> = [
      ['Er is 1.5 miljard euro nodig.', [{ text: '1.5 miljard euro', value: 1.5e9, notation: 'english' }]],
      ['Er is 1.500 miljoen euro nodig.', [{ text: '1.500 miljoen euro', value: 1.5e9, notation: 'dutch' }]],
      ['Er is € 2.5 miljoen beschikbaar.', [{ text: '€ 2.5 miljoen', value: 2.5e6, notation: 'english' }]],
      ['Het kost € 1,600.50 per stuk.', [{ text: '€ 1,600.50', value: 1600.5, notation: 'english' }]],
      ['Het kost € 1,600 per stuk.', [{ text: '€ 1,600', value: 1600, notation: 'english' }]],
      ['Het kost € 1.250.000 in totaal.', [{ text: '€ 1.250.000', value: 1_250_000, notation: 'dutch' }]],
      ['Het kost € 12,50 per stuk.', [{ text: '€ 12,50', value: 12.5, notation: 'dutch' }]],
    ];
    for (const [source, expected] of cases) it(JSON.stringify(source), () => check(source, expected));
  });

  describe('ranges are one amount', () => {
    const cases: ReadonlyArray<readonly [string, readonly Expected[]]> = [
      ['De kosten bedragen € 10 tot 20 miljoen.', [{ text: '€ 10 tot 20 miljoen', value: 10e6, valueMax: 20e6 }]],
      ['Het kost tussen de 2 en 3 miljard euro.', [{ text: '2 en 3 miljard euro', value: 2e9, valueMax: 3e9 }]],
      ['Het kost tussen € 2 en € 3 miljard.', [{ text: '€ 2 en € 3 miljard', value: 2e9, valueMax: 3e9 }]],
      ['naar schatting € 10–20 mln per jaar', [{ text: '€ 10–20 mln', value: 10e6, valueMax: 20e6, qualifiers: ['perJaar'] }]],
      ['Dat vergt € 5 à 6 miljard.', [{ text: '€ 5 à 6 miljard', value: 5e9, valueMax: 6e9 }]],
      ['Dat vergt € 10 miljoen tot € 20 miljoen.', [{ text: '€ 10 miljoen tot € 20 miljoen', value: 10e6, valueMax: 20e6 }]],
      ['Dat vergt € 500.000 tot 1 miljoen.', [{ text: '€ 500.000 tot 1 miljoen', value: 500e3, valueMax: 1e6 }]],
      ['Dat vergt € 1,5 - 2 mld.', [{ text: '€ 1,5 - 2 mld', value: 1.5e9, valueMax: 2e9 }]],
      ['Het kost € 5 tot en met 10 miljoen.', [{ text: '€ 5 tot en met 10 miljoen', value: 5e6, valueMax: 10e6 }]],
      ['Het kost € 5 t/m 10 miljoen.', [{ text: '€ 5 t/m 10 miljoen', value: 5e6, valueMax: 10e6 }]],
      // Not ranges:
      ['Het kabinet trekt € 5 miljoen uit tot 2025.', [{ text: '€ 5 miljoen', value: 5e6 }]],
      ['Het kabinet trekt € 5 miljoen tot 2025 uit.', [{ text: '€ 5 miljoen', value: 5e6 }]],
      ['IPCEI Cloud voor EUR 230 miljoen en 70 miljoen voor waterstof.', [
        { text: 'EUR 230 miljoen', value: 230e6 },
        { text: '70 miljoen', value: 70e6 },
      ]],
      ['oplopend van € 5 miljoen in 2025 tot € 8 miljoen in 2030', [
        { text: '€ 5 miljoen', value: 5e6 },
        { text: '€ 8 miljoen', value: 8e6 },
      ]],
      ['in de periode 2021-2027 € 5 miljoen', [{ text: '€ 5 miljoen', value: 5e6 }]],
      ['Budget 2022 – 100 miljoen euro', [{ text: '100 miljoen euro', value: 100e6 }]],
      ['Het fonds krijgt € 50 tot 2025.', [{ text: '€ 50', value: 50 }]],
      ['Het EDF (2021 – 2027) heeft € 8 miljard.', [{ text: '€ 8 miljard', value: 8e9 }]],
    ];
    for (const [source, expected] of cases) it(JSON.stringify(source), () => check(source, expected));
  });

  describe('period qualifiers', () => {
    const cases: ReadonlyArray<readonly [string, readonly Expected[]]> = [
      ['Daarom is jaarlijks € 30 miljoen beschikbaar gesteld.', [{ text: '€ 30 miljoen', value: 30e6, qualifiers: ['perJaar'] }]],
      ['Het kabinet trekt structureel € 50 miljoen per jaar uit.', [{ text: '€ 50 miljoen', value: 50e6, qualifiers: ['structureel', 'perJaar'] }]],
      ['EUR 100 miljoen structureel en EUR 20 miljoen incidenteel.', [
        { text: 'EUR 100 miljoen', value: 100e6, qualifiers: ['structureel'] },
        { text: 'EUR 20 miljoen', value: 20e6, qualifiers: ['incidenteel'] },
      ]],
      ['in totaal wordt EUR 821 miljoen op jaarbasis besteed', [{ text: 'EUR 821 miljoen', value: 821e6, qualifiers: ['perJaar'] }]],
      ['een investering van 2 miljard euro jaarlijks', [{ text: '2 miljard euro', value: 2e9, qualifiers: ['perJaar'] }]],
      ['Er komt € 50 miljoen (incidenteel) bij.', [{ text: '€ 50 miljoen', value: 50e6, qualifiers: ['incidenteel'] }]],
      ['Er komt € 5 mln/jaar bij.', [{ text: '€ 5 mln', value: 5e6, qualifiers: ['perJaar'] }]],
      ['Daarnaast gaat structureel ruim 700 miljoen euro extra naar gemeenten.', [{ text: '700 miljoen euro', value: 700e6, qualifiers: ['structureel'] }]],
      ['Defensie krijgt er eenmalig 500 miljoen euro bij.', [{ text: '500 miljoen euro', value: 500e6, qualifiers: ['incidenteel'] }]],
      ['Er komt € 5 miljoen bij, het jaar daarna meer.', [{ text: '€ 5 miljoen', value: 5e6 }]],
    ];
    for (const [source, expected] of cases) it(JSON.stringify(source), () => check(source, expected));
  });

  describe('spelled-out numbers with an explicit euro', () => {
    const cases: ReadonlyArray<readonly [string, readonly Expected[]]> = [
      ['Het kabinet trekt een miljard euro uit.', [{ text: 'een miljard euro', value: 1e9 }]],
      ['Er gaat anderhalf miljoen euro naar.', [{ text: 'anderhalf miljoen euro', value: 1.5e6 }]],
      ['Twee miljard euro per jaar is nodig.', [{ text: 'Twee miljard euro', value: 2e9, qualifiers: ['perJaar'] }]],
      ['De industrie biedt werk aan meer dan een miljoen mensen.', []],
    ];
    for (const [source, expected] of cases) it(JSON.stringify(source), () => check(source, expected));
  });

  describe('bare sums where the sentence is about money', () => {
    const cases: ReadonlyArray<readonly [string, readonly Expected[]]> = [
      [
        'Het vorige kabinet reserveerde 35 miljoen euro voor projecten. Dit blijft ver achter bij Duitsland (dat 8 miljard in deze ronde investeert) en Frankrijk (dat 1,5 miljard investeert). En ook Vlaanderen doet voor 100 miljoen aan projecten mee.',
        [
          { text: '35 miljoen euro', value: 35e6, currency: 'euro' },
          { text: '8 miljard', value: 8e9, currency: null },
          { text: '1,5 miljard', value: 1.5e9, currency: null },
          { text: '100 miljoen', value: 100e6, currency: null },
        ],
      ],
      ['Smart Industry met voorwaardelijke toekenning van 100 miljoen (ronde 2022)', [{ text: '100 miljoen', value: 100e6 }]],
      ['Health-RI (22 miljoen + 47 miljoen gereserveerd (ronde 2021)', [
        { text: '22 miljoen', value: 22e6 },
        { text: '47 miljoen', value: 47e6 },
      ]],
      ['Voor de regeling is 300 miljoen beschikbaar.', [{ text: '300 miljoen', value: 300e6 }]],
      ['De investeringen bedragen 3 mrd in 2025.', [{ text: '3 mrd', value: 3e9 }]],
      ['De subsidie komt uit op 1,2 miljard per jaar.', [{ text: '1,2 miljard', value: 1.2e9, qualifiers: ['perJaar'] }]],
      ['Het budget voor de krijgsmacht wordt structureel met 162 miljoen verhoogd.', [{ text: '162 miljoen', value: 162e6 }]],
      ['Er zijn bijna 6.000 aanvragen voor 7,7 miljard terwijl er 6 miljard beschikbaar is.', [
        { text: '7,7 miljard', value: 7.7e9 },
        { text: '6 miljard', value: 6e9 },
      ]],
      ['Zo komt er een pakket van 425 miljoen om wijken te verduurzamen. Er komt een pot van 600 miljoen euro voor auto\'s.', [
        { text: '425 miljoen', value: 425e6 },
        { text: '600 miljoen euro', value: 600e6 },
      ]],
      ['De investering van 3 miljard levert jaarlijks 4 miljoen ton CO2-reductie op.', [{ text: '3 miljard', value: 3e9 }]],
      ['In 2022 bedroeg de omzet van de sector 12,3 miljard, een stijging van 5,2 procent.', [{ text: '12,3 miljard', value: 12.3e9 }]],
      ['Het kabinet keert 2 x € 50 miljoen uit.', [{ text: '€ 50 miljoen', value: 50e6 }]],
      ['Er is EUR 30 miljoen beschikbaar, waarvan EZK 10 miljoen en NWO 5 miljoen.', [
        { text: 'EUR 30 miljoen', value: 30e6 },
        { text: '10 miljoen', value: 10e6 },
        { text: '5 miljoen', value: 5e6 },
      ]],
    ];
    for (const [source, expected] of cases) it(JSON.stringify(source.slice(0, 80)), () => check(source, expected));
  });

  describe('abbreviated scales without a currency, in a money context', () => {
    const cases: ReadonlyArray<readonly [string, readonly Expected[]]> = [
      ['Het nieuwe viaduct kost 12 à 15 mln. extra.', [{ text: '12 à 15 mln', value: 12e6, valueMax: 15e6, currency: null, scale: 'mln' }]],
      ['Voor de dijkversterking is 2 mld. gereserveerd.', [{ text: '2 mld', value: 2e9, scale: 'mld' }]],
      ['Er gaat € 0,5 mld naar de regio.', [{ text: '€ 0,5 mld', value: 0.5e9, currency: '€' }]],
      ['De kosten lopen op tot 30 à 35 mln. per jaar.', [{ text: '30 à 35 mln', value: 30e6, valueMax: 35e6, qualifiers: ['perJaar'] }]],
      // The money word stands in the sentence before or after: budget texts abbreviate only sums.
      ['Er is veel belastinggeld verspild. Bij elkaar ging het om 85 mln. Dat moet anders.', [{ text: '85 mln', value: 85e6 }]],
      ['Ik heb het nagerekend en kom uit op 160 mln. Dat zijn hoge kosten voor een tunnel.', [{ text: '160 mln', value: 160e6 }]],
      // A range that is dear by its own words: "het duurste", "goedkoper".
      ['Dat wordt de duurste brug ooit, want hij is gebouwd voor 30 à 35 mln.', [{ text: '30 à 35 mln', value: 30e6, valueMax: 35e6 }]],
    ];
    for (const [source, expected] of cases) it(JSON.stringify(source), () => check(source, expected));

    const negatives: readonly string[] = [
      'Nederland telt 17,5 mln. inwoners en de begroting groeit.',
      'De zender trok 3 mln. Daarna daalde het aantal kijkers.',
      'Het Amerikaanse bedrijf verloor 85 mln. dollar aan waarde.',
      // Without any money word near, an abbreviation alone is not enough.
      'Op de eerste dag kwamen er 2 mln. Op de tweede dag minder.',
    ];
    for (const source of negatives) it(`not: ${JSON.stringify(source)}`, () => check(source, []));
  });

  describe('bare sums in a sentence about balances, prices and euros', () => {
    const cases: ReadonlyArray<readonly [string, readonly Expected[]]> = [
      ['We stevenen af op een houdbaarheidstekort van 12 miljard in 2030.', [{ text: '12 miljard', value: 12e9 }]],
      ['De staatsschuld steeg vorig jaar met 16 miljard.', [{ text: '16 miljard', value: 16e9 }]],
      ['Elke euro telt, dus die 40 miljard moet goed terechtkomen.', [{ text: '40 miljard', value: 40e9 }]],
      ['De winst van het staatsbedrijf was 675 miljoen.', [{ text: '675 miljoen', value: 675e6 }]],
      ['De rente op de lening loopt op tot 3 miljard.', [{ text: '3 miljard', value: 3e9 }]],
      // The document names the same sum in euros: a later bare mention of it is that sum.
      ['De heffing brengt 450 miljoen euro op. Ik vraag het kabinet om die 450 miljoen terug te geven aan de boeren.', [
        { text: '450 miljoen euro', value: 450e6 },
        { text: '450 miljoen', value: 450e6 },
      ]],
    ];
    for (const [source, expected] of cases) it(JSON.stringify(source), () => check(source, expected));

    const negatives: readonly string[] = [
      'Er zijn 17 miljoen inwoners, terwijl de staatsschuld stijgt.',
      'De prijs werd uitgereikt voor 2 miljoen kijkers.',
      'In de eurozone wonen 340 miljoen en in Europa ruim 450 miljoen.',
    ];
    for (const source of negatives) it(`not: ${JSON.stringify(source)}`, () => check(source, []));

    it('the same number is no sum as a count, or with another scale', () => {
      check('Er is 17 miljoen euro beschikbaar. Het aantal inwoners is 17 miljoen.', [{ text: '17 miljoen euro', value: 17e6 }]);
      check('De heffing brengt 450 miljoen euro op. Daarna kwamen er 450 duizend bij.', [{ text: '450 miljoen euro', value: 450e6 }]);
    });
  });

  describe("an amendment's figure with its unit in brackets, and thousands grouped by spaces", () => {
    const cases: ReadonlyArray<readonly [string, readonly Expected[]]> = [
      ['In artikel 2 wordt het verplichtingenbedrag verhoogd met € 250 (x € 1.000) en het uitgavenbedrag met € 50 (x € 1.000).', [
        { text: '€ 250 (x € 1.000)', value: 250_000 },
        { text: '€ 50 (x € 1.000)', value: 50_000 },
      ]],
      ['wordt het uitgavenbedrag verlaagd met € 2 000 (x € 1 000).', [{ text: '€ 2 000 (x € 1 000)', value: 2_000_000 }]],
      ['een intensivering van € 45 (x € 1 mln) voor de politie', [{ text: '€ 45 (x € 1 mln)', value: 45e6 }]],
      ['verhoogd met € 134.300 (x € 1.000)', [{ text: '€ 134.300 (x € 1.000)', value: 134_300_000 }]],
      ['De subsidie bedraagt € 50 000 per project.', [{ text: '€ 50 000', value: 50_000 }]],
      ['Een bijdrage van € 1 250 000 voor', [{ text: '€ 1 250 000', value: 1_250_000 }]],
    ];
    for (const [source, expected] of cases) it(JSON.stringify(source), () => check(source, expected));

    it('spaced digits without a euro sign, or not in groups of three, stay apart', () => {
      check('In 2 000 gevallen werd € 20 2024 uitgekeerd.', [{ text: '€ 20', value: 20 }]);
      check('Er kwamen 2 000 banen bij.', []);
    });
  });

  describe('bare sums in trade and spending, and lists of them in one sentence', () => {
    const cases: ReadonlyArray<readonly [string, readonly Expected[]]> = [
      ['Het land is het derde exportland, met zo’n 39 miljard aan goederen en 22 miljard aan diensten.', [
        { text: '39 miljard', value: 39e9 },
        { text: '22 miljard', value: 22e9 },
      ]],
      ['Denk aan voeding, een export van 6 miljard, vlees, 1,4 miljard, en fruit, 2 miljard.', [
        { text: '6 miljard', value: 6e9 },
        { text: '1,4 miljard', value: 1.4e9 },
        { text: '2 miljard', value: 2e9 },
      ]],
      ['De onrechtmatigheid van het pgb was in 2015 1,3 miljard.', [{ text: '1,3 miljard', value: 1.3e9 }]],
    ];
    for (const [source, expected] of cases) it(JSON.stringify(source), () => check(source, expected));
    it('not: counts in a sentence about export', () => check('De export gaat naar 450 miljoen consumenten.', []));
  });

  describe('figures in a table whose caption gives the unit', () => {
    it('one cell per line, as budget pages are copied: figures, not years, zeros, article numbers or labels', () => {
      const source = [
        'Tabel 7 Budgettaire gevolgen van beleid artikel 4 (bedragen x € 1.000)',
        '',
        '2025', '', '2026', '', '2027', '',
        'Verplichtingen', '', '0', '', '1.250', '', '3.400', '',
        '   ', '',
        'Uitgaven', '', '12.075', '', '‒ 2.500', '', '980', '',
        '4.2', '', 'Subsidies', '', '...', '', '35', '', '(1)', '',
        'Toelichting', '',
        'De uitgaven stijgen door nieuwe regelingen in 2026. Daarvoor is 40 nodig.',
      ].join('\n');
      check(source, [
        { text: '1.250', value: 1_250_000, currency: null, scale: null },
        { text: '3.400', value: 3_400_000 },
        { text: '12.075', value: 12_075_000 },
        { text: '‒ 2.500', value: -2_500_000 },
        { text: '980', value: 980_000 },
        { text: '35', value: 35_000 },
      ]);
    });

    it('one cell per line: a lone small number between labels is an item number, once rows have several numbers', () => {
      const source = ['Tabel 5 (bedragen x € 1.000)', 'Art.', 'Omschrijving', '2024', '2025', '1', 'Inkomensbeleid', '1.250', '16', '2', 'Zorg', '–', '35', 'Totaal', '14.600'].join('\n\n');
      check(source, [
        { text: '1.250', value: 1_250_000 },
        { text: '16', value: 16_000 },
        { text: '35', value: 35_000 },
        { text: '14.600', value: 14_600_000 },
      ]);
      // With one column of figures, every lone number is a figure.
      check(['Tabel 6 (bedragen x € 1 mln)', 'Post', '2025', 'Lonen', '35', 'Huur', '12'].join('\n'), [
        { text: '35', value: 35e6 },
        { text: '12', value: 12e6 },
      ]);
    });

    it('a "|" table with the unit in its first cell', () => {
      check('| Bedragen x € 1 mln | 2024 | 2025 |\n|---|---|---|\n| Defensie | 1.200 | 12,5 |\n| Artikel 3 | 0 | – |\n\nDaarna 45 en 50.', [
        { text: '1.200', value: 1.2e9, notation: 'dutch' },
        { text: '12,5', value: 12.5e6 },
      ]);
    });

    it('a unit in a later column scales that column only', () => {
      check('| Regeling | Aanvragen | Budget (x € 1 mln) |\n|---|---|---|\n| Starters | 120 | 35 |\n| Groei | 80 | 12,5 |', [
        { text: '35', value: 35e6 },
        { text: '12,5', value: 12.5e6 },
      ]);
    });

    it('columns aligned with spaces, a negative figure, a row that counts people', () => {
      const source = [
        'Tabel 2 Kosten van het pakket (bedragen x € 1 mln)',
        '                      2024    2025',
        'Maatregel A             50      75',
        'Maatregel B            -10    – 20',
        'Aantal fte              12      14',
        'Groei                  3 %     4 %',
        'Totaal                  40      55',
        '',
        'Het pakket kost daarmee in 2025 in totaal 55 miljoen euro.',
      ].join('\n');
      check(source, [
        { text: '50', value: 50e6 },
        { text: '75', value: 75e6 },
        { text: '-10', value: -10e6 },
        { text: '– 20', value: -20e6 },
        { text: '40', value: 40e6 },
        { text: '55', value: 55e6 },
        { text: '55 miljoen euro', value: 55e6 },
      ]);
    });

    it('tabs, and units in words: "in miljoenen euro", "x 1.000 euro", "in € mln"', () => {
      check('Uitgaven per domein (in miljoenen euro)\nZorg\t1.350\t1.400\nOnderwijs\t800\t812,5\n', [
        { text: '1.350', value: 1.35e9 },
        { text: '1.400', value: 1.4e9 },
        { text: '800', value: 800e6 },
        { text: '812,5', value: 812.5e6 },
      ]);
      check('Tabel 1 (x 1.000 euro)\nBeheer  250  260\n', [
        { text: '250', value: 250e3 },
        { text: '260', value: 260e3 },
      ]);
      check('Overzicht (in € mln)\n| Post | 2024 |\n|---|---|\n| Rente | 7,5 |', [{ text: '7,5', value: 7.5e6 }]);
      check('Tabel 9 Kosten (€ dzd)\nBeheer  25  30\n', [
        { text: '25', value: 25e3 },
        { text: '30', value: 30e3 },
      ]);
      check('| Post | € x 1 mln |\n|---|---|\n| Lonen | 12 |', [{ text: '12', value: 12e6 }]);
    });

    it('a table ends at the next caption, which scales its own table', () => {
      check('Tabel A (bedragen x € 1.000)\nLonen  100\nTabel B (bedragen x € 1 mln)\nLonen  100\n', [
        { text: '100', value: 100e3 },
        { text: '100', value: 100e6 },
      ]);
    });

    it('the figure knows its caption', () => {
      const [a] = amountsIn('Tabel 3 (bedragen x € 1.000)\nPersoneel  4.500\n');
      assert.equal(a!.tableUnit?.text, 'x € 1.000');
      assert.equal(a!.value, 4_500_000);
    });

    const negatives: readonly string[] = [
      // A caption names a unit, not a sum.
      'De bedragen in de tabel (bedragen in € 1.000) zijn afgerond.',
      'Tabel 1 (x 1.000 euro)',
      'Tabel 4 (in € mln)',
      // A caption in the middle of a sentence heads no table.
      'Het kabinet trekt daarvoor (bedragen x € 1 mln) extra geld uit.\n2024 50 60',
      // Running text after a caption is no table.
      'Tabel 5 (bedragen x € 1.000)\nDe regeling loopt tot 2027 en telt 12 deelnemers per regio. Daarna volgt een evaluatie.\n40',
      // A unit in another currency scales nothing, nor does a scale without the euro.
      'Tabel 6 (bedragen x $ 1.000)\nLonen  100  200',
      'Tabel 7.2 Mutaties\nOmschrijving\nBedrag (mln.)\nLonen\n4,6\nHuur\n‒ 35,2',
      // Labels with a number in them, English decimals and bracketed numbers are no figures.
      'Tabel 8 (bedragen x € 1.000)\nArtikel 3\n7.1\n(2)\n2024',
    ];
    for (const source of negatives) it(`not: ${JSON.stringify(source)}`, () => check(source, []));

    it('"2 x € 1.000" is still a sum', () => {
      check('Het kabinet keert 2 x € 1.000 uit.', [{ text: '€ 1.000', value: 1000 }]);
      check('Elke deelnemer ontvangt 2\nx € 1.000 per jaar.', [{ text: '€ 1.000', value: 1000, qualifiers: ['perJaar'] }]);
    });
  });

  describe('not sums of euros', () => {
    const negatives: readonly string[] = [
      'Nederland telt ruim 17 miljoen inwoners.',
      'Het budget is bedoeld voor 17 miljoen inwoners.',
      'De fabriek heeft een capaciteit van 2,5 miljard pillen per jaar.',
      'Met deze investering wordt 5 miljoen ton CO2 bespaard.',
      'De subsidie levert 3 miljard kWh duurzame stroom op.',
      'Er zijn 100 miljoen mensen die meekijken.',
      'Zij kijken met 100 miljoen mee.',
      'bedrijven met een waarde van meer dan USD 1 miljard («unicorns»).',
      'value pools die jaarlijks tussen de USD 9 en 12 biljoen aan opbrengsten kunnen genereren.',
      'Het bedrijf investeerde $ 5 miljard in de fabriek.',
      'De investering bedraagt 5 miljard dollar.',
      'Het Verenigd Koninkrijk investeert £ 3 miljard.',
      'Het groeipercentage wordt geschat op 16.8% tussen 2023 en 2032.',
      'Meer dan 50 procent van de omzet wordt gegenereerd via export.',
      'De NLDTIB bestaat uit ongeveer 1.000 bedrijven met 150.000 fte.',
      'Zie Kamerstuk 29 826, nr. 147 en Kamerstukken II 2019/20, 35300 XIII, nr. 102.',
      'Uiterlijk op 1 januari 2026 en voor 30.10.2020.',
      'Op grond van artikel 3.1 van de wet.',
      'De Miljoenennota verschijnt op Prinsjesdag.',
      'Er is veel CO2 en 6G in de periode 2021-2027.',
      'Het gaat om honderden miljoenen mensen.',
      'Bedragen (x € 1.000)',
      'Bedragen x € 1 mln',
      'Bedragen x€ 1.000',
      'Hiervoor is EZK 10 miljoen kwijt aan NWO 5 miljoen onderzoekers.',
      'Het APFA kreeg circa AWG 200 miljoen van de begroting.',
      'In 1995 kostte het ƒ 5 miljoen.',
      'Het aantal banen in de sector steeg tot 1,2 miljoen, terwijl de begroting gelijk bleef.',
      'Met de subsidie worden 1,5 miljoen woningen verduurzaamd en 2 miljoen huishoudens bereikt.',
      'Het kabinet investeert in 50 duizend woningen, goed voor 1,2 miljoen m2 vloeroppervlak.',
      'De kosten zijn (€ toegevoegde waarde per gewerkt uur, 2017) hoog.',
      'Er werken 800 duizend mensen in de industrie.',
      'Het budget gaat naar 5 mio inwoners.',
      'Kenmerk € 1.000.000.000.000.000.000.000 (te lang voor een bedrag).',
      'De 20 euro-landen stemden in met het budget.',
      'Denemarken investeert DKK 5 miljard in wind.',
      'Het Amerikaanse budget stijgt met 369 miljard dollar.',
      'China investeert 300 miljard Amerikaanse dollar.',
      'In 2020 werd 1,5 miljoen ton staal geproduceerd, bij een omzet van 3 miljoen ton.',
    ];
    for (const source of negatives) it(JSON.stringify(source), () => check(source, []));
  });

  describe('placement', () => {
    it('a number before a prefixed EUR is not part of the amount ("2.020 EUR 1,017 miljard")', () => {
      check('Bedrijven hebben hier in 2.020 EUR 1,017 miljard aan uitgegeven op een totaal van circa EUR 4,9 miljard.45 Het kabinet', [
        { text: 'EUR 1,017 miljard', value: 1_017_000_000 },
        { text: 'EUR 4,9 miljard', value: 4.9e9 },
      ]);
    });

    it('a footnote number glued after the sentence is not a decimal part', () => {
      check('Er is € 250.45 Het kabinet', [{ text: '€ 250', value: 250 }]);
    });

    it('amounts in a table row', () => {
      check('| Budget | € 170 miljard | € 872 miljard)24. |', [
        { text: '€ 170 miljard', value: 170e9 },
        { text: '€ 872 miljard', value: 872e9 },
      ]);
    });

    it('a threshold is still a sum', () => {
      check('(>250 werknemers en >EUR 40 miljoen netto-omzet)', [{ text: 'EUR 40 miljoen', value: 40e6 }]);
    });

    it('spans map back to the source across line breaks and hyphenation', () => {
      const source = 'voor AI 23,5 miljoen\neuro extra beschikbaar';
      const [a] = amountsIn(source);
      assert.equal(a!.text, '23,5 miljoen\neuro');
      assert.equal(a!.span.offset, source.indexOf('23,5'));
    });

    // Speed is measured by `npm run bench`; this checks long runs of numbers are read without error.
    it('reads long runs of numbers', function () {
      this.timeout(60000);
      const source =
        '1 miljoen 2 miljoen '.repeat(20000) + ' € 5 ' + '1.000.000 '.repeat(20000) + 'tussen € 5 en 6 miljoen '.repeat(20000) +
        '1.'.repeat(100000) + 'budget '.repeat(20000) + '7 miljoen, '.repeat(20000);
      const found = amountsIn(source);
      assert.ok(found.length > 0);
    });
  });
});

describe('written numbers (Dutch and English notation)', () => {
  const cases: ReadonlyArray<readonly [string, boolean, number | undefined, string?]> = [
    ['1600', false, 1600, 'plain'],
    ['1.600', false, 1600, 'dutch'],
    ['1.600', true, 1600, 'dutch'],
    ['1.5', true, 1.5, 'english'],
    ['1.50', false, 1.5, 'english'],
    ['0.500', true, 0.5, 'english'],
    ['1,118', true, 1.118, 'dutch'],
    ['1,600', false, 1600, 'english'],
    ['76,7', true, 76.7, 'dutch'],
    ['1.250.000', false, 1_250_000, 'dutch'],
    ['1.250,50', false, 1250.5, 'dutch'],
    ['1,600.50', false, 1600.5, 'english'],
    ['1,250,000', false, 1_250_000, 'english'],
    ['30.10.2020', false, undefined],
    ['1.2.3', false, undefined],
    ['1.5000', false, undefined],
    ['1.250.00', false, undefined],
    ['1,250.000,5', false, undefined],
  ];
  for (const [written, scaled, value, notation] of cases) {
    it(`${written}${scaled ? ' (scaled)' : ''} → ${value ?? 'no number'}`, () => {
      const n = parseWrittenNumber(written, scaled);
      if (value === undefined) return assert.equal(n, undefined);
      assert.ok(n);
      // Scaled numbers keep all their decimals; compare them as millions so cents do not round them.
      assert.equal(scaled ? writtenNumberValue(n, 1e6) / 1e6 : writtenNumberValue(n), value);
      assert.equal(n.notation, notation);
    });
  }

  it('scales exactly', () => {
    assert.equal(writtenNumberValue(parseWrittenNumber('1,118', true)!, 1e9), 1_118_000_000);
    assert.equal(writtenNumberValue(parseWrittenNumber('76,7', true)!, 1e6), 76_700_000);
    assert.equal(writtenNumberValue(parseWrittenNumber('0,1', true)!, 1e6), 100_000);
  });
});
