import * as assert from 'node:assert/strict';
import { FlatText } from '../../../server/src/engine/flatText';
import {
  addMonths,
  addWorkingDays,
  monthInterval,
  nextMonthDayFrom,
  nthWeekdayOfMonth,
  previousMonthDayFrom,
  quarterInterval,
  yearInterval,
} from '../../../server/src/engine/calendar';
import { recognizeDeadlines } from '../../../server/src/engine/recognizers/deadline';

/**
 * The deadline recognizer, row by row of the guideline's table, then the forms real letters add, then
 * text that must not be read as a deadline. Each case: a sentence, the document's date, and the
 * deadlines expected in it (text, start, end; start absent where only an end is named).
 */
interface Expected {
  readonly text: string;
  readonly start?: string;
  readonly end?: string;
}

type Case = readonly [sentence: string, documentDate: string | undefined, expected: readonly Expected[]];

function check(cases: readonly Case[]): void {
  for (const [sentence, date, expected] of cases) {
    it(`${sentence}${date ? ` (${date})` : ''}`, () => {
      const found = recognizeDeadlines(new FlatText(sentence), date).map((r) => ({
        text: r.text,
        ...(r.start ? { start: r.start } : {}),
        ...(r.end ? { end: r.end } : {}),
      }));
      assert.deepEqual(found, expected);
    });
  }
}

const D = '2022-07-08';

describe('deadline recognizer', () => {
  describe('quarters: Qn Y, YYYYQn, het n-de kwartaal (van) Y', () => {
    check([
      ['Het actieplan volgt in Q4 2025.', D, [{ text: 'in Q4 2025', start: '2025-10-01', end: '2025-12-31' }]],
      ['De evaluatie is gepland voor Q1 van 2023.', D, [{ text: 'Q1 van 2023', start: '2023-01-01', end: '2023-03-31' }]],
      ['• Internationaliseringsagenda opstellen 2022Q4', D, [{ text: '2022Q4', start: '2022-10-01', end: '2022-12-31' }]],
      ['• Agenda valorisatie 2022Q3–Q4', D, [{ text: '2022Q3–Q4', start: '2022-07-01', end: '2022-12-31' }]],
      ['• Programma Werklocaties 2022-Q3', D, [{ text: '2022-Q3', start: '2022-07-01', end: '2022-09-30' }]],
      ['• Wetgevingstraject afronden 2022Q3/in uitvoering', D, [{ text: '2022Q3', start: '2022-07-01', end: '2022-09-30' }]],
      ['• Pilot 2022Q4–2023Q1', D, [{ text: '2022Q4–2023Q1', start: '2022-10-01', end: '2023-03-31' }]],
      ['De wet treedt naar verwachting in werking in Q3/Q4 2023.', D, [{ text: 'in Q3/Q4 2023', start: '2023-07-01', end: '2023-12-31' }]],
      ['Oplevering staat gepland in Q2\'24.', D, [{ text: "in Q2'24", start: '2024-04-01', end: '2024-06-30' }]],
      ['Het voornemen is deze wet in het eerste kwartaal\n\nvan 2021 aan uw Kamer aan te bieden.', '2020-10-30',
        [{ text: 'in het eerste kwartaal\n\nvan 2021', start: '2021-01-01', end: '2021-03-31' }]],
      ['De agenda zal in het vierde kwartaal van dit jaar verschijnen.', D, [{ text: 'in het vierde kwartaal van dit jaar', start: '2022-10-01', end: '2022-12-31' }]],
      ['De acquisitieagenda wordt in het derde kwartaal naar de Kamer gestuurd.', D, [{ text: 'in het derde kwartaal', start: '2022-07-01', end: '2022-09-30' }]],
      ['Toezegging om het derde kwartaal van 2025 een brief te sturen.', '2025-10-17', [{ text: 'het derde kwartaal van 2025', start: '2025-07-01', end: '2025-09-30' }]],
      ['De brief volgt in het laatste kwartaal van 2023.', D, [{ text: 'in het laatste kwartaal van 2023', start: '2023-10-01', end: '2023-12-31' }]],
      ['Het rapport verschijnt in het 2e kwartaal van volgend jaar.', D, [{ text: 'in het 2e kwartaal van volgend jaar', start: '2023-04-01', end: '2023-06-30' }]],
      ['De motie verzoekt de regering om uiterlijk in Q4 van 2025 met een visie te komen.', undefined, [{ text: 'uiterlijk in Q4 van 2025', end: '2025-12-31' }]],
      ['Het besluit valt uiterlijk in het derde kwartaal van 2023.', D, [{ text: 'uiterlijk in het derde kwartaal van 2023', end: '2023-09-30' }]],
    ]);
  });

  describe('summer, spring, autumn and the recesses', () => {
    check([
      ['De brief wordt voor de zomer aan uw Kamer gestuurd.', D, [{ text: 'voor de zomer', end: '2022-06-30' }]],
      ['Ik ben voornemens voor de zomer van 2022 een Kamerbrief te zenden.', D, [{ text: 'voor de zomer van 2022', end: '2022-06-30' }]],
      ['Een brief die tevens voor het zomerreces aan uw Kamer is toegezegd.', D, [{ text: 'voor het zomerreces', end: '2022-06-30' }]],
      ['Het wetsvoorstel zal rond de zomer van 2023 aan de Kamer worden aangeboden.', D, [{ text: 'rond de zomer van 2023', start: '2023-06-21', end: '2023-09-22' }]],
      ['• Invoeren IMVO-wetgeving Rond zomer 2023 wetsvoorstel naar de Kamer', D, [{ text: 'Rond zomer 2023', start: '2023-06-21', end: '2023-09-22' }]],
      ['De consultatie start in de zomer.', D, [{ text: 'in de zomer', start: '2022-06-21', end: '2022-09-22' }]],
      ['Het kabinet zal de Kamer in de zomer van 2024 informeren.', D, [{ text: 'in de zomer van 2024', start: '2024-06-21', end: '2024-09-22' }]],
      ['Ik stuur mijn brief na de zomer aan uw Kamer.', D, [{ text: 'na de zomer', start: '2022-09-01', end: '2022-12-31' }]],
      ['Na het zomerreces zal ik een vervolgbrief sturen.', D, [{ text: 'Na het zomerreces', start: '2022-09-01', end: '2022-12-31' }]],
      ['De resultaten volgen in het voorjaar van 2023.', D, [{ text: 'in het voorjaar van 2023', start: '2023-03-20', end: '2023-06-20' }]],
      ['Het voorjaar van 2024 wordt de wet geëvalueerd.', D, [{ text: 'Het voorjaar van 2024', start: '2024-03-20', end: '2024-06-20' }]],
      ['De evaluatie wordt dit voorjaar afgerond.', '2023-02-01', [{ text: 'dit voorjaar', start: '2023-03-20', end: '2023-06-20' }]],
      ['Resultaten zullen dit najaar aan de Tweede Kamer worden gezonden.', '2020-10-30', [{ text: 'dit najaar', start: '2020-09-22', end: '2020-12-20' }]],
      ['De nota verschijnt in het najaar van 2023.', D, [{ text: 'in het najaar van 2023', start: '2023-09-22', end: '2023-12-20' }]],
      ['Uw Kamer ontvangt komend voorjaar de evaluatie.', '2022-11-02', [{ text: 'komend voorjaar', start: '2023-03-20', end: '2023-06-20' }]],
      ['Het plan wordt voor de kerst gepubliceerd.', D, [{ text: 'voor de kerst', end: '2022-12-20' }]],
      ['Ik informeer uw Kamer voor het kerstreces.', D, [{ text: 'voor het kerstreces', end: '2022-12-20' }]],
    ]);
  });

  describe('parts of a year: eind, begin, medio, helft, rond, dit jaar, later dit jaar, volgend jaar', () => {
    check([
      ['Beide initiatieven worden naar verwachting eind 2023 operationeel.', D, [{ text: 'eind 2023', start: '2023-10-01', end: '2023-12-31' }]],
      ['Zoals toegezegd loopt hiervoor tot eind 2022 bij EZK een pilot.', D, [{ text: 'eind 2022', start: '2022-10-01', end: '2022-12-31' }]],
      ['Hierover wordt uw Kamer eind dit jaar geïnformeerd.', '2022-11-02', [{ text: 'eind dit jaar', start: '2022-10-01', end: '2022-12-31' }]],
      ['De SER streeft naar een advies dat eind van het jaar gereed is.', '2020-10-30', [{ text: 'eind van het jaar', start: '2020-10-01', end: '2020-12-31' }]],
      // After a word of planning, "voor" is "for": the period itself ("gepland staat voor eind dit jaar").
      ['Een strategie die gepland staat voor eind dit jaar.', '2020-10-30', [{ text: 'voor eind dit jaar', start: '2020-10-01', end: '2020-12-31' }]],
      ['De agenda die Defensie voor het einde van het jaar aan uw Kamer aanbiedt.', '2022-11-02', [{ text: 'voor het einde van het jaar', end: '2022-12-31' }]],
      ['Het adviesrapport dat uiterlijk eind 2025 verschijnt.', '2025-10-17', [{ text: 'uiterlijk eind 2025', end: '2025-12-31' }]],
      ['Het conceptwetsvoorstel gaat naar verwachting begin 2023 in internetconsultatie.', '2022-11-02', [{ text: 'begin 2023', start: '2023-01-01', end: '2023-03-31' }]],
      ['De regeling wordt begin volgend jaar opengesteld.', D, [{ text: 'begin volgend jaar', start: '2023-01-01', end: '2023-03-31' }]],
      ['De nieuwe wet treedt medio 2024 in werking.', D, [{ text: 'medio 2024', start: '2024-05-01', end: '2024-08-31' }]],
      ['De resultaten worden in de eerste helft van 2021 verwacht.', '2020-10-30', [{ text: 'in de eerste helft van 2021', start: '2021-01-01', end: '2021-06-30' }]],
      ['In de tweede helft van dit jaar volgt een brief.', D, [{ text: 'In de tweede helft van dit jaar', start: '2022-07-01', end: '2022-12-31' }]],
      ['Waardoor er rond 2040 geen gratis rechten meer worden uitgereikt.', D, [{ text: 'rond 2040', start: '2040-01-01', end: '2040-12-31' }]],
      ['Op nationaal niveau zal het kabinet dit jaar een nieuw programma opstellen.', D, [{ text: 'dit jaar', start: '2022-01-01', end: '2022-12-31' }]],
      ['Ik stuur uw Kamer nog dit jaar een brief.', D, [{ text: 'dit jaar', start: '2022-01-01', end: '2022-12-31' }]],
      ['Uw Kamer wordt hier later dit jaar over geïnformeerd.', '2025-10-17', [{ text: 'later dit jaar', start: '2025-10-17', end: '2025-12-31' }]],
      ['Volgend jaar ontvangt u de evaluatie.', D, [{ text: 'Volgend jaar', start: '2023-01-01', end: '2023-12-31' }]],
      ['Het wetsvoorstel wordt eind september 2023 ingediend.', D, [{ text: 'eind september 2023', start: '2023-09-21', end: '2023-09-30' }]],
      ['De Kamer ontvangt de brief uiterlijk in 2024.', D, [{ text: 'uiterlijk in 2024', end: '2024-12-31' }]],
    ]);
  });

  describe('months and dates: in maand Y, uiterlijk D, voor D, per D, op D', () => {
    check([
      ['Het Commissievoorstel, dat in juni 2021 wordt gepubliceerd.', '2020-10-30', [{ text: 'in juni 2021', start: '2021-06-01', end: '2021-06-30' }]],
      ['Het Perspectief op de Chemie dat in oktober met uw Kamer wordt gedeeld.', '2025-10-17', [{ text: 'in oktober', start: '2025-10-01', end: '2025-10-31' }]],
      ['De oplevering hiervan is voorzien in december 2025.', '2025-10-17', [{ text: 'in december 2025', start: '2025-12-01', end: '2025-12-31' }]],
      ['Ik zal uw Kamer uiterlijk 1 mei 2023 informeren.', D, [{ text: 'uiterlijk 1 mei 2023', end: '2023-05-01' }]],
      ['Gemeenten moeten uiterlijk op vrijdag 3 maart reageren.', '2023-01-10', [{ text: 'uiterlijk op vrijdag 3 maart', end: '2023-03-03' }]],
      ['De aanvragen moeten vóór 1 februari binnen zijn.', '2022-11-02', [{ text: 'vóór 1 februari', end: '2023-01-31' }]],
      ['Ik stuur u de brief voor 1 december 2022.', D, [{ text: 'voor 1 december 2022', end: '2022-11-30' }]],
      ['Met deze aanpak wordt per 1 januari 2026 het topsectorenbeleid afgerond.', '2025-10-17', [{ text: 'per 1 januari 2026', start: '2026-01-01', end: '2026-01-01' }]],
      ['De regeling geldt met ingang van 1 juli 2023.', D, [{ text: 'met ingang van 1 juli 2023', start: '2023-07-01', end: '2023-07-01' }]],
      ['Het debat zal op 12 oktober 2022 plaatsvinden.', D, [{ text: 'op 12 oktober 2022', start: '2022-10-12', end: '2022-10-12' }]],
      ['De wet treedt op 1 januari 2024 in werking.', D, [{ text: 'op 1 januari 2024', start: '2024-01-01', end: '2024-01-01' }]],
      ['Uw Kamer ontvangt de brief uiterlijk in september.', D, [{ text: 'uiterlijk in september', end: '2022-09-30' }]],
      ['De evaluatie wordt voor 15-03-2023 afgerond.', D, [{ text: 'voor 15-03-2023', end: '2023-03-14' }]],
      // A written date still to come at the document's date is to come, plan words or not.
      ['De Kamer debatteert erover op 19 en 20 september 2023 met het kabinet.', '2023-09-01',
        [{ text: 'op 19 en 20 september 2023', start: '2023-09-19', end: '2023-09-20' }]],
      ['Over de stemming op 12 december a.s. bericht ik u apart.', '2023-12-12', [{ text: 'op 12 december a.s.', start: '2023-12-12', end: '2023-12-12' }]],
      ['In 334 gemeenten vinden verkiezingen plaats op 14, 15 en 16 maart aanstaande.', '2022-02-21',
        [{ text: 'op 14, 15 en 16 maart aanstaande', start: '2022-03-14', end: '2022-03-16' }]],
      // A plain "voor" with a month is "for" ("gepland voor september"); the accented "vóór" is "before".
      ['De evaluatie is gepland voor september 2025.', D, [{ text: 'voor september 2025', start: '2025-09-01', end: '2025-09-30' }]],
      ['Ik informeer uw Kamer vóór september.', D, [{ text: 'vóór september', end: '2022-08-31' }]],
    ]);
  });

  describe('more forms of real letters', () => {
    check([
      ['In de brief is toegezegd dat uw Kamer jaarlijks vóór het zomerreces zal worden geïnformeerd.', '2024-09-23', [{ text: 'vóór het zomerreces', end: '2024-06-30' }]],
      ['Ik zal uw Kamer voorafgaand aan het zomerreces informeren.', '2024-02-01', [{ text: 'voorafgaand aan het zomerreces', end: '2024-06-30' }]],
      ['Het kabinet is voornemens het programma op vrijdag 13 september 2024 aan de Kamer te sturen.', '2024-09-12',
        [{ text: 'op vrijdag 13 september 2024', start: '2024-09-13', end: '2024-09-13' }]],
      ['Ik verwacht u deze rapportage rond eind april te kunnen sturen.', '2024-03-12', [{ text: 'rond eind april', start: '2024-04-21', end: '2024-04-30' }]],
      ['Medio oktober verschijnt het rapport.', '2023-10-02', [{ text: 'Medio oktober', start: '2023-10-11', end: '2023-10-20' }]],
      ['Voor het einde van dit jaar ontvangt u de evaluatie.', '2023-10-02', [{ text: 'Voor het einde van dit jaar', end: '2023-12-31' }]],
      ['Aan het eind van dit jaar wordt de regeling geëvalueerd.', '2023-10-02', [{ text: 'het eind van dit jaar', start: '2023-10-01', end: '2023-12-31' }]],
      ['De Kamer ontvangt in de eerste helft 2024 een brief.', '2023-10-02', [{ text: 'in de eerste helft 2024', start: '2024-01-01', end: '2024-06-30' }]],
      ['Naar verwachting wordt de wet per 1 juli 2024 van kracht.', '2023-10-02', [{ text: 'per 1 juli 2024', start: '2024-07-01', end: '2024-07-01' }]],
      ['Uiterlijk 2030 moet de uitstoot met 55% zijn verminderd.', '2023-10-02', [{ text: 'Uiterlijk 2030', end: '2030-12-31' }]],
      ['Ik informeer uw Kamer in de loop van 2024 over de uitkomsten.', '2023-10-02', [{ text: 'in de loop van 2024', start: '2024-01-01', end: '2024-12-31' }]],
      ['De motie verzoekt de regering om voor 1 januari 2024 een plan te presenteren.', '2023-10-02', [{ text: 'voor 1 januari 2024', end: '2023-12-31' }]],
      ['Ik zal uw Kamer uiterlijk 1-3-2024 informeren.', '2023-10-02', [{ text: 'uiterlijk 1-3-2024', end: '2024-03-01' }]],
      ['De planning is eind 2024 / begin 2025.', '2023-10-02',
        [{ text: 'eind 2024', start: '2024-10-01', end: '2024-12-31' }, { text: 'begin 2025', start: '2025-01-01', end: '2025-03-31' }]],
      ['De regeling wordt half 2025 opengesteld.', '2023-10-02', [{ text: 'half 2025', start: '2025-05-01', end: '2025-08-31' }]],
      ['De evaluatie volgt ultimo 2024.', '2023-10-02', [{ text: 'ultimo 2024', start: '2024-10-01', end: '2024-12-31' }]],
      ['Ik stuur u komende zomer de voortgangsrapportage.', '2023-10-02', [{ text: 'komende zomer', start: '2024-06-21', end: '2024-09-22' }]],
      ['Het kabinet komt voor de jaarwisseling met een reactie.', '2023-10-02', [{ text: 'voor de jaarwisseling', end: '2023-12-31' }]],
      ['Uw Kamer ontvangt de brief uiterlijk 1 dec. 2023.', '2023-10-02', [{ text: 'uiterlijk 1 dec. 2023', end: '2023-12-01' }]],
      ['Ik informeer uw Kamer uiterlijk voor de zomer van 2024.', '2023-10-02', [{ text: 'uiterlijk voor de zomer van 2024', end: '2024-06-30' }]],
      ['De reactie volgt uiterlijk vóór 1 mei 2024.', '2023-10-02', [{ text: 'uiterlijk vóór 1 mei 2024', end: '2024-04-30' }]],
      ['Het besluit valt uiterlijk in het voorjaar van 2024.', '2023-10-02', [{ text: 'uiterlijk in het voorjaar van 2024', end: '2024-06-20' }]],
      ['De regeling wordt in het eerste en tweede kwartaal van 2024 uitgewerkt.', '2023-10-02',
        [{ text: 'in het eerste en tweede kwartaal van 2024', start: '2024-01-01', end: '2024-06-30' }]],
      ['De pilots starten in Q3 en Q4 2024.', '2023-10-02', [{ text: 'in Q3 en Q4 2024', start: '2024-07-01', end: '2024-12-31' }]],
      // A month and year without "in", where the clause plans it.
      ['Deze maatlat\nis december 2022 voorzien en wordt toegepast.', '2022-11-25', [{ text: 'december 2022', start: '2022-12-01', end: '2022-12-31' }]],
      ['Het besluit wordt juni 2024 verwacht.', '2023-10-02', [{ text: 'juni 2024', start: '2024-06-01', end: '2024-06-30' }]],
      // A month of next year cannot have passed: no plan word needed.
      ['De VN-conferentie, waarvan Nederland in maart volgend jaar de co-host is.', '2022-10-01', [{ text: 'in maart volgend jaar', start: '2023-03-01', end: '2023-03-31' }]],
      // "rond" over two years.
      ['De eerste importstromen worden verwacht rond 2025/2026.', '2022-10-01', [{ text: 'rond 2025/2026', start: '2025-01-01', end: '2026-12-31' }]],
      ['De markt is naar verwachting rond 2030-2035 volwassen.', '2022-10-01', [{ text: 'rond 2030-2035', start: '2030-01-01', end: '2035-12-31' }]],
      // "voor", "vóór" and "uiterlijk" with a part of a year name only its end, as "voor D" and "uiterlijk D" do.
      ['Ik heb toegezegd uw Kamer voor eind 2025 te informeren.', '2025-12-08', [{ text: 'voor eind 2025', end: '2025-12-31' }]],
      ['Het rapport verschijnt vóór eind 2025.', '2025-03-01', [{ text: 'vóór eind 2025', end: '2025-12-31' }]],
      ['De Kamer ontvangt het plan voor eind dit jaar.', '2025-03-01', [{ text: 'voor eind dit jaar', end: '2025-12-31' }]],
      ['De evaluatie is voorzien voor eind 2025.', '2025-03-01', [{ text: 'voor eind 2025', start: '2025-10-01', end: '2025-12-31' }]],
      // The forms the guideline's examples add.
      ['Ik zal uw Kamer in het voorjaar van 2026 informeren.', '2025-03-01', [{ text: 'in het voorjaar van 2026', start: '2026-03-20', end: '2026-06-20' }]],
      ['Ik stuur na het zomerreces van 2025 een brief.', '2025-03-01', [{ text: 'na het zomerreces van 2025', start: '2025-09-01', end: '2025-12-31' }]],
      ['De wet wordt vóór 1 januari 2027 ingevoerd.', '2025-03-01', [{ text: 'vóór 1 januari 2027', end: '2026-12-31' }]],
      // A season with no year after "in", where the clause plans it.
      ['De resultaten volgen in de zomer.', D, [{ text: 'in de zomer', start: '2022-06-21', end: '2022-09-22' }]],
      ['Ik kom hierop in het najaar terug.', D, [{ text: 'in het najaar', start: '2022-09-22', end: '2022-12-20' }]],
      // A promised period that has passed stays a deadline where the sentence reports the promise or
      // plan, also in a clause that tells the past ("was", "had moeten").
      ['Het streven was om de informatie in de tweede helft van 2022 aan de Kamer te sturen.', '2023-02-01',
        [{ text: 'in de tweede helft van 2022', start: '2022-07-01', end: '2022-12-31' }]],
      ['Er is toegezegd dat de Kamer in maart 2022 wordt geïnformeerd.', '2022-12-22', [{ text: 'in maart 2022', start: '2022-03-01', end: '2022-03-31' }]],
      ['Het kabinet heeft toegezegd in het derde kwartaal van 2022 een brief te sturen.', '2022-12-22',
        [{ text: 'in het derde kwartaal van 2022', start: '2022-07-01', end: '2022-09-30' }]],
      ['Een kader dat medio 2023 al gereed had moeten zijn, is er nog niet.', '2023-10-01', [{ text: 'medio 2023', start: '2023-05-01', end: '2023-08-31' }]],
      // A clause that tells how a figure changes, with a cue that makes the period due: a target.
      ['De uitgaven dalen uiterlijk in 2025 met € 5 miljoen.', '2023-10-02', [{ text: 'uiterlijk in 2025', end: '2025-12-31' }]],
      // Plans beside a figure that is no label of the period.
      ['Volgend jaar stuur ik u een brief over de stijgende kosten van € 5 miljoen.', '2023-10-02', [{ text: 'Volgend jaar', start: '2024-01-01', end: '2024-12-31' }]],
      ['Het kabinet komt volgend jaar met een voorstel om de uitgaven met € 5 miljoen te laten dalen.', '2023-10-02',
        [{ text: 'volgend jaar', start: '2024-01-01', end: '2024-12-31' }]],
      // A date to come in running text (not on a page header's activity line).
      ['Agenderen voor het commissiedebat op donderdag 12 maart 2026.', '2026-03-10', [{ text: 'op donderdag 12 maart 2026', start: '2026-03-12', end: '2026-03-12' }]],
      // A date to come in a subordinate clause that tells no state.
      ['Ik verwijs naar het debat dat op 12 oktober 2025 plaatsvindt.', '2025-03-01', [{ text: 'op 12 oktober 2025', start: '2025-10-12', end: '2025-10-12' }]],
      ['De regeling, die op 1 januari 2026 in werking treedt, is gereed.', '2025-03-01', [{ text: 'op 1 januari 2026', start: '2026-01-01', end: '2026-01-01' }]],
    ]);
  });

  describe('without the document date, relative years stay unresolved', () => {
    check([
      ['Uw Kamer wordt hier later dit jaar over geïnformeerd.', undefined, [{ text: 'later dit jaar' }]],
      ['De brief wordt voor de zomer aan uw Kamer gestuurd.', undefined, [{ text: 'voor de zomer' }]],
      ['Ik stuur mijn brief na de zomer van 2023.', undefined, [{ text: 'na de zomer van 2023', start: '2023-09-01', end: '2023-12-31' }]],
    ]);
    it('marks relative years and future phrasing', () => {
      const [r] = recognizeDeadlines(new FlatText('Ik zal uw Kamer voor de zomer informeren.'), undefined);
      assert.equal(r?.relative, true);
      assert.equal(r?.future, true);
      assert.equal(r?.cue, 'voor');
      const [q] = recognizeDeadlines(new FlatText('• Geoeconomische monitor 2022Q4'), D);
      assert.equal(q?.relative, false);
      assert.equal(q?.future, false);
    });
  });

  describe('not deadlines', () => {
    check([
      // Bare years: labels and spans.
      ['Dit sluit aan bij de kabinetsdoelen voor 2030.', D, []],
      ['De afspraken lopen tot 2040.', D, []],
      ['Vanaf 2021 is het aandeel gestegen.', D, []],
      ['In 2019 is het rapport verschenen.', D, []],
      ['De Defensie Strategie voor Industrie en Innovatie 2025-2029.', D, []],
      ['Het Chinese plan Made in China 2025.', D, []],
      ['• SDE++ uitbreiden met meer innovatieve technieken 2023', D, []],
      // Past events.
      ['Op 17 juni 2020 heeft de Commissie een witboek gepresenteerd.', D, []],
      ['In juni 2021 publiceerde de Commissie haar voorstel.', undefined, []],
      ['De Europese Commissie heeft in april 2021 de CSRD voorgesteld.', D, []],
      ['Het kabinet heeft op 24 september jl. het beleidskader gepresenteerd.', '2020-10-30', []],
      ['Voor de zomer heeft uw Kamer een tweede update ontvangen.', '2020-10-30', []],
      ['Dit groeifonds vloeit voort uit de eind vorig jaar verschenen groeistrategie.', undefined, []],
      ['De richtlijn is geïmplementeerd begin 2013 via de Aanbestedingswet.', '2022-11-02', []],
      ['Het aantal vacatures is gestegen tot 104.500 in 2021Q4.', D, []],
      ['In maart van dit jaar heeft de Commissie de strategie gepubliceerd.', '2020-10-30', []],
      ['EZK en Invest-NL hebben dit jaar het Deep tech fund opgericht.', D, []],
      ['Hiervoor is dit jaar EUR 13 miljard beschikbaar.', D, []],
      ['Het onderzoek is uitgevoerd in januari en februari van dit jaar.', '2022-11-02', []],
      ['In de eerste helft van 2021 groeide de economie met 3 procent.', D, []],
      ['Sinds begin 2022 is de vraag verdubbeld.', D, []],
      ['Vanaf medio 2023 geldt de nieuwe regeling.', D, []],
      // Dates of documents and headers.
      ['Zie de brief van 20 november 2018 en de motie van 29 juni 2021.', D, []],
      ['Voorgesteld 20 maart 2025', D, []],
      ['Datum 2 november 2022', D, []],
      ['Zoals verzocht door de vaste commissie (kenmerk 2022D38590) op 29 september.', '2022-11-02', []],
      // "per" and "rond" with no date.
      ['De bijdrage is € 30 per jaar per persoon.', D, []],
      ['Er werken rond 2000 mensen in de sector.', D, []],
      ['Zo wordt een alliantie rond waterstof gevormd.', D, []],
      // Words that only look like cues.
      ['Aan deze daling is echter een eind gekomen.', D, []],
      ['De Voorjaarsnota 2023 en het zomerreces.', D, []],
      ['De begroting voor dit jaar wordt verhoogd.', D, []],
      ['Meer dan de helft van de export gaat naar de EU.', D, []],
      ['Het debat over het derde kwartaal was levendig.', D, []],
      ['Tabel: Q4 45%', D, []],
      // Past events in the words of real letters.
      ['In reactie op mijn adviesaanvraag presenteerde de Raad (Rob) op 17 juni 2014 zijn advies.', '2016-03-09', []],
      ['Het kabinet maakt de balans op zoals zich dat per ultimo 2008 heeft afgetekend.', '2009-05-15', []],
      ['Op woensdag 17 mei jongstleden startte ik als informateur een onderzoek.', '2017-05-29', []],
      ['De wet is per 1 januari 2023 in werking getreden.', '2023-10-02', []],
      ['Na de zomer van 2022 is gestart met de pilot.', '2023-10-02', []],
      ['In het derde kwartaal van 2023 nam de productie met 2% af.', '2023-10-02', []],
      ['De Kamer is medio september geïnformeerd.', '2023-10-02', []],
      ['Begin dit jaar is de regeling geopend.', '2023-10-02', []],
      ['De minister heeft op 1 oktober de brief ondertekend.', '2023-10-02', []],
      ['Volgend jaar stijgen de kosten met 3 procent.', '2023-10-02', []],
      ['De begroting voor volgend jaar bevat € 5 miljoen.', '2023-10-02', []],
      ['De pilot loopt van 1 januari 2024 tot en met 31 december 2025.', '2023-10-02', []],
      // The date of a state of affairs, and a past date in a subordinate clause of a planning sentence.
      ['Tabel 3 Afgeronde moties (stand per 30 juni 2023)', '2023-09-19', []],
      ['U ontvangt hierbij het overzicht van de moties waarvan de termijn op 1 mei 2023 is verlopen.', '2023-09-19', []],
      ['ontvangt u overzichten van moties waarvan de termijn volgens onze informatie op 1 juli 2025 is verstreken.', '2025-12-03', []],
      ['ontvangt u overzichten van moties waarvan de termijn volgens onze informatie op 1 juli 2025 is verstreken.', '2025-06-01', []],
      // A condition: the state of affairs at a date, in a subordinate clause.
      ['Het kader wordt toegepast op projecten en gebiedsontwikkelingen waar op 1-1-2025 nog geen bestemmingsplan is vastgesteld.', '2022-11-25', []],
      // A season in general, describing something rather than naming when it is to happen.
      ['Beekdalherstel wordt ook ingezet voor andere opgaven, zoals waterberging, en vertraging van de\nwaterafvoer in de zomer naar lager gelegen gebieden.', '2022-11-25', []],
      ['Dat leidt tot hogere temperaturen en grotere neerslagtekorten in de zomer.', '2022-11-25', []],
      // A month and year without a cue: a label, a date, a bracketed date of publication, or no plan.
      ['De brief van december 2022 wordt besproken.', '2022-11-25', []],
      ['De brief van 2 december 2022 wordt besproken.', '2022-11-25', []],
      ['Het rapport (december 2022) wordt gelezen.', '2022-11-25', []],
      ['Het rapport is december 2022 verschenen.', '2023-03-01', []],
      ['Sinds december 2022 wordt de regeling toegepast.', '2023-03-01', []],
      ['De uitgaven januari 2023 worden in tabel 3 getoond.', '2022-11-25', []],
      ['Het overzicht bevat de cijfers die januari 2023 worden gepubliceerd.', '2022-11-25', []],
      // A period over at the document's date whose clause tells a finished event: the perfect with
      // "zijn" (a form of "zijn" and a participle) or a verb in the simple past, and no plan in the clause.
      ['Het meetnet vult de metingen aan die door TNO in het tweede kwartaal van 2021 zijn gedaan6, en meet verder.', '2022-12-22', []],
      ['Zoals toegezegd aan het lid Kröger in het commissiedebat op 16 juni 2022 is het ministerie in gesprek gegaan met de sector.', '2022-12-22', []],
      ['In antwoord op Kamervragen in maart 2022 en tijdens het debat van 16 juni 2022 is aan de commissie toegezegd dat de Kamer wordt geïnformeerd.', '2022-12-22', []],
      ['De consultatie vond plaats in het voorjaar van 2022.', '2022-12-22', []],
      ['Het rapport verscheen eind 2021 bij de Raad.', '2022-06-01', []],
      ['De Commissie presenteerde in het eerste kwartaal van 2022 haar voorstel.', '2022-12-01', []],
      ['De pilot is in de tweede helft van 2021 gestart.', '2022-06-01', []],
      ['De brief is op 3 mei 2022 aan de Kamer verstuurd.', '2022-12-01', []],
      // A figure's change in a period: the period labels the figure (a forecast), it is no time to act.
      ['De overheidsschuld daalt volgend jaar met € 6 miljard en komt uit op 49,6% van het bbp.', '2018-09-18', []],
      ['De koopkracht stijgt volgend jaar naar verwachting met 1,5%, waarbij vrijwel alle groepen erop vooruit gaan.', '2018-09-18', []],
      ['In het eerste kwartaal van 2024 groeit de economie naar verwachting met 0,5 procent.', '2023-10-02', []],
      ['Dit jaar bedragen de uitgaven naar verwachting € 3 miljard.', '2023-10-02', []],
      // The activity and decision lines of an open-data page header.
      ['- 2026-03-05 14:30 ā Agenderen voor het commissiedebat op donderdag 12 maart 2026 over de Raad. (Besluit)', '2026-03-10', []],
      ['Onderdeel van zaak 2023Z19876:\n- 2023-12-20 11:15: Procedurevergadering LNV, besluit voor de zomer van 2024\n', '2023-12-08', []],
      // "rond" with years that are no span of one period.
      ['De doelen voor rond 2025/2040 zijn vastgelegd.', D, []],
      ['Er werken rond 2025/2026 mensen in de sector.', D, []],
    ]);
  });

  describe('the word "deadline"', () => {
    check([
      ['De commissie houdt de toezegging open, met als nieuwe deadline 1 maart 2024.', '2023-11-14', [{ text: 'deadline 1 maart 2024', end: '2024-03-01' }]],
      ['Het kabinet stelt voor de deadline te verschuiven naar 1 oktober 2025.', '2025-03-01',
        [{ text: 'deadline te verschuiven naar 1 oktober 2025', end: '2025-10-01' }]],
      ['De status blijft openstaand en de deadline wordt verplaatst naar 15 januari 2019.', '2018-10-02',
        [{ text: 'deadline wordt verplaatst naar 15 januari 2019', end: '2019-01-15' }]],
      ['De toezeggingen blijven open en de deadline te handhaven op 30 november 2020;', '2020-06-02',
        [{ text: 'deadline te handhaven op 30 november 2020', end: '2020-11-30' }]],
      // Table and list fields.
      ['Status deels voldaan\nDeadline 1 april 2021\nVerantwoordelijke Minister', undefined, [{ text: 'Deadline 1 april 2021', end: '2021-04-01' }]],
      ['Status | openstaand |\nDeadline | 1 juli 2025 |\n', undefined, [{ text: 'Deadline | 1 juli 2025', end: '2025-07-01' }]],
      ['Deadline: 30 juni 2026', undefined, [{ text: 'Deadline: 30 juni 2026', end: '2026-06-30' }]],
      ['De deadline voor het indienen van aanvragen is 1 mei 2025.', '2024-03-01',
        [{ text: 'deadline voor het indienen van aanvragen is 1 mei 2025', end: '2025-05-01' }]],
      ['Ik heb de deadline met een maand verlengd tot 1 juni 2024.', '2024-03-01', [{ text: 'deadline met een maand verlengd tot 1 juni 2024', end: '2024-06-01' }]],
      // A period: its last day.
      ['De toezegging blijft openstaand met nieuwe deadline eind 2026.', '2025-06-01', [{ text: 'deadline eind 2026', end: '2026-12-31' }]],
      ['Als deadline geldt het derde kwartaal van 2025.', '2025-01-10', [{ text: 'deadline geldt het derde kwartaal van 2025', end: '2025-09-30' }]],
      // Passed, and told in the past: still a deadline; a day without a year is then the last one before the document.
      ['Met het verlopen van de deadline van 1 mei hebben veel ouders zich gemeld.', '2021-06-29', [{ text: 'deadline van 1 mei', end: '2021-05-01' }]],
      ['De deadline van 1 februari 2020 is ruimschoots gehaald.', '2020-06-01', [{ text: 'deadline van 1 februari 2020', end: '2020-02-01' }]],
    ]);
  });

  describe('not the word "deadline"', () => {
    check([
      ['Er is nog geen deadline bekend.', D, []],
      ['De deadline voor 2030 is ambitieus.', D, []],
      ['De deadline die de Commissie noemt, is streng.', D, []],
      ['Het deadlinebeleid van de dienst wordt herzien.', D, []],
      ['De deadline is echter niet gehaald op 1 mei 2022.', D, []],
      ['Over de deadlines is met de sector gesproken sinds 1 mei 2021.', D, []],
    ]);
  });

  describe('a day or month without a year', () => {
    check([
      // The next such day after the document's date.
      ['Ik zal uw Kamer op dinsdag 12 maart informeren.', '2024-02-01', [{ text: 'op dinsdag 12 maart', start: '2024-03-12', end: '2024-03-12' }]],
      ['De minister zal de Kamer op 12 maart informeren.', '2024-05-01', [{ text: 'op 12 maart', start: '2025-03-12', end: '2025-03-12' }]],
      ['Gemeenten moeten voor 1 maart reageren.', '2024-05-01', [{ text: 'voor 1 maart', end: '2025-02-28' }]],
      ['De aanvragen moeten vóór 15 januari binnen zijn.', '2023-12-20', [{ text: 'vóór 15 januari', end: '2024-01-14' }]],
      // A day to come within half a year needs no word of planning, as a written date to come does.
      ['De Kamer stemt op dinsdag 15 oktober over de motie.', '2024-10-10', [{ text: 'op dinsdag 15 oktober', start: '2024-10-15', end: '2024-10-15' }]],
      ['De minister stuurt de Kamer de stukken voor dinsdag 19 november a.s.', '2019-11-14', [{ text: 'voor dinsdag 19 november a.s.', end: '2019-11-18' }]],
      ['Deze zal ik op 16 november van dit jaar naar de werven sturen.', '2022-09-30',
        [{ text: 'op 16 november van dit jaar', start: '2022-11-16', end: '2022-11-16' }]],
      // A month without a year: the next such month (the document's own month included).
      ['In verband hiermee kunt u de brief in januari tegemoet zien.', '2011-12-19', [{ text: 'in januari', start: '2012-01-01', end: '2012-01-31' }]],
      ['De nota verschijnt in december.', '2011-12-19', [{ text: 'in december', start: '2011-12-01', end: '2011-12-31' }]],
      ['Eind januari zal de minister de Kamer informeren.', '2023-11-01', [{ text: 'Eind januari', start: '2024-01-21', end: '2024-01-31' }]],
      ['Begin december ontvangt u de rapportage.', '2023-10-01', [{ text: 'Begin december', start: '2023-12-01', end: '2023-12-10' }]],
      // Told of the past: the last such day, or (a plan or promise reported) whichever lies nearest.
      ['Destijds werd verwacht dat het besluit voor 1 maart zou vallen.', '2024-04-10', [{ text: 'voor 1 maart', end: '2024-02-29' }]],
      ['Ik heb de Kamer laten weten dat ik de nota in juni zou sturen.', '2016-03-09', [{ text: 'in juni', start: '2016-06-01', end: '2016-06-30' }]],
      ['Vorige maand heb ik toegezegd u voor 1 oktober te informeren.', '2023-08-20', [{ text: 'voor 1 oktober', end: '2023-09-30' }]],
    ]);
  });

  describe('not a day or month without a year', () => {
    check([
      ['In januari is de regeling geopend.', '2011-12-19', []],
      ['De Kamer is eind oktober geïnformeerd.', '2023-12-02', []],
      ['De minister heeft op 3 november de brief getekend.', '2023-12-02', []],
      ['De regering heeft in de eerste helft van juni een besluit genomen.', '2024-10-01', []],
      // Further off than half a year and planned by nothing: more likely a day gone by.
      ['Het verzoek van de commissie kwam op 29 september binnen.', '2024-10-10', []],
      ['Het voor woensdag 16 april geagendeerde debat wordt van de agenda afgevoerd.', '2008-04-10', []],
      // "Ik stel voor …": the particle of "voorstellen", no cue.
      ['Ik stel voor dinsdag 19 november a.s. ook te stemmen over de motie.', '2019-11-14', []],
      ['Wij stellen voor 1 juni als datum van inwerkingtreding te kiezen.', '2019-11-14', []],
    ]);
  });

  describe('promises in reported speech', () => {
    check([
      ['Ik heb U kort daarna meegedeeld dat ik de informatie in september 2013 aan Uw Kamer zou doen toekomen.', '2013-09-25',
        [{ text: 'in september 2013', start: '2013-09-01', end: '2013-09-30' }]],
      ['De minister heeft in februari toegezegd dat zij de Kamer in mei 2016 zou informeren.', '2016-03-09',
        [{ text: 'in mei 2016', start: '2016-05-01', end: '2016-05-31' }]],
      ['De staatssecretaris heeft de Kamer beloofd dat hij in het voorjaar van 2017 zal rapporteren.', '2016-11-01',
        [{ text: 'in het voorjaar van 2017', start: '2017-03-20', end: '2017-06-20' }]],
      ['Het college liet weten dat de evaluatie op 1 maart 2019 zou worden gepubliceerd.', '2018-12-01',
        [{ text: 'op 1 maart 2019', start: '2019-03-01', end: '2019-03-01' }]],
      // A promise reported before the phrase, the promised act after it.
      ['De minister heeft toegezegd de Kamer in mei 2016 te informeren.', '2016-09-01', [{ text: 'in mei 2016', start: '2016-05-01', end: '2016-05-31' }]],
      ['De commissie heeft gevraagd ruim voor het zomerreces de evaluatie te sturen.', '2019-04-01', [{ text: 'ruim voor het zomerreces', end: '2019-06-30' }]],
    ]);
  });

  describe('not reported promises: past events', () => {
    check([
      ['Op 17 juni 2020 heeft de Commissie een witboek gepresenteerd.', '2020-10-01', []],
      ['Ik heb u gemeld dat de Commissie in mei 2016 een voorstel had gedaan.', '2016-09-01', []],
      ['De minister heeft de Kamer in maart 2016 geïnformeerd.', '2016-09-01', []],
      ['Het kabinet heeft gezegd dat het rapport in juni 2016 was verschenen.', '2016-09-01', []],
      // The day the promise was made, or the day of the meeting where it was made.
      ['De minister heeft in mei 2016 toegezegd de Kamer te informeren.', '2016-09-01', []],
      ['De minister heeft toegezegd tijdens het debat op 12 mei de Kamer te informeren.', '2016-09-01', []],
      // A promise named as a noun does not time the promise.
      ['Overzicht naar aanleiding van toezegging tijdens het algemeen overleg Visserij op 27 maart 2018', '2018-04-05', []],
      ['Rappel toezeggingen september 2025', undefined, []],
    ]);
  });

  describe('halves and thirds of a month', () => {
    check([
      ['De brief volgt in de eerste helft van juni.', '2024-03-01', [{ text: 'in de eerste helft van juni', start: '2024-06-01', end: '2024-06-15' }]],
      ['Ik stuur u de evaluatie in de tweede helft van oktober 2013.', '2013-09-25',
        [{ text: 'in de tweede helft van oktober 2013', start: '2013-10-16', end: '2013-10-31' }]],
      ['Het advies komt uiterlijk in de tweede helft van februari 2024.', '2023-12-01', [{ text: 'uiterlijk in de tweede helft van februari 2024', end: '2024-02-29' }]],
      ['Het rapport verschijnt vóór de tweede helft van mei.', '2024-01-15', [{ text: 'vóór de tweede helft van mei', end: '2024-05-15' }]],
      ['Medio maart 2025 volgt de evaluatie.', '2024-11-01', [{ text: 'Medio maart 2025', start: '2025-03-11', end: '2025-03-20' }]],
    ]);
  });

  describe('not halves of a month', () => {
    check([
      ['In de eerste helft van juni 2023 daalde de productie met 3%.', '2024-03-01', []],
      ['De tweede helft van de maand was rustig.', '2024-03-01', []],
      ['In de eerste helft van mei is de pilot afgerond.', '2024-06-10', []],
    ]);
  });

  describe('events: the budget cycle, recesses and meetings', () => {
    check([
      // Prinsjesdag: the third Tuesday of September; "voor D" the day before, "op D" that day.
      ['Ik informeer uw Kamer voor Prinsjesdag.', '2025-03-01', [{ text: 'voor Prinsjesdag', end: '2025-09-15' }]],
      ['Het kabinet zal op Prinsjesdag 2026 een besluit nemen.', '2025-03-01', [{ text: 'op Prinsjesdag 2026', start: '2026-09-15', end: '2026-09-15' }]],
      ['Het jaarverslag zal uiterlijk op Verantwoordingsdag verschijnen.', '2024-02-01', [{ text: 'uiterlijk op Verantwoordingsdag', end: '2024-05-15' }]],
      // The Voorjaarsnota and the Najaarsnota are due before June 1 and December 1.
      ['Over de dekking besluit het kabinet bij de Voorjaarsnota.', '2025-01-10', [{ text: 'bij de Voorjaarsnota', end: '2025-05-31' }]],
      ['Het kabinet komt bij de Najaarsnota 2024 met een voorstel.', '2024-06-01', [{ text: 'bij de Najaarsnota 2024', end: '2024-11-30' }]],
      // The recesses.
      ['Ik zal u voor het kerstreces informeren.', '2025-10-01', [{ text: 'voor het kerstreces', end: '2025-12-20' }]],
      ['Ik zal uw Kamer ruim voor het zomerreces de evaluatie sturen.', '2019-04-01', [{ text: 'ruim voor het zomerreces', end: '2019-06-30' }]],
      ['Het kabinet stuurt tijdig vóór de zomer een reactie.', '2019-04-01', [{ text: 'tijdig vóór de zomer', end: '2019-06-30' }]],
      ['Deze rapportage zal ik uiterlijk voor het einde van het zomerreces aan uw Kamer zenden.', '2019-06-14',
        [{ text: 'uiterlijk voor het einde van het zomerreces', end: '2019-08-31' }]],
      // A meeting whose day the text gives: the day before it.
      ['Ik heb toegezegd om voor het commissiedebat van 1 juli aanstaande twee documenten te delen.', '2021-06-20',
        [{ text: 'voor het commissiedebat van 1 juli aanstaande', end: '2021-06-30' }]],
      ['Het kabinet stuurt de brief vóór het algemeen overleg Visserij op 3 oktober.', '2021-09-20',
        [{ text: 'vóór het algemeen overleg Visserij op 3 oktober', end: '2021-10-02' }]],
      ['De regering zal de Kamer voor de Raad Buitenlandse Zaken van 20 mei 2025 informeren.', '2025-05-01',
        [{ text: 'voor de Raad Buitenlandse Zaken van 20 mei 2025', end: '2025-05-19' }]],
      // A meeting to come whose day nothing gives: a deadline without an end.
      ['Ik zal de Kamer voor de volgende Europese Raad informeren.', '2021-09-20', [{ text: 'voor de volgende Europese Raad' }]],
      ['De minister stuurt de antwoorden voor het eerstvolgende commissiedebat.', '2021-09-20', [{ text: 'voor het eerstvolgende commissiedebat' }]],
      ['Ik wil voor het commissiedebat van 12 december een brief ontvangen.', '2024-11-10', [{ text: 'voor het commissiedebat van 12 december', end: '2024-12-11' }]],
      ['Ik zal de Kamer vóór de Europese Raad van 26 en 27 juni informeren.', '2024-06-01', [{ text: 'vóór de Europese Raad van 26 en 27 juni', end: '2024-06-25' }]],
    ]);
  });

  describe('not events', () => {
    check([
      ['De definitieve standen zijn vastgesteld bij de Voorjaarsnota 2022.', '2023-09-19', []],
      ['In de Voorjaarsnota is € 5 miljoen gereserveerd.', '2023-09-19', []],
      ['Op Prinsjesdag 2023 presenteerde het kabinet de Miljoenennota.', '2024-01-10', []],
      ['Hierbij ontvangt u de geannoteerde agenda voor de Raad Buitenlandse Zaken van 20 mei 2025.', '2025-05-10', []],
      ['Inbreng voor het schriftelijk overleg over de agenda voor de Raad van 20 mei 2025', '2025-05-10', []],
      ['Ik verzoek de minister de Kamer voor het begrotingsdebat te informeren.', '2023-10-01', []],
      ['Voor de Raad van State is dit een belangrijk advies.', '2023-10-01', []],
      ['Over de inzet voor de Raad Algemene Zaken van 12 december ontvangt u een geannoteerde agenda.', '2024-11-10', []],
      ['Het kabinet besluit de brief te agenderen voor het commissiedebat van 12 december.', '2024-11-10', []],
      ['Voor het debat van 12 maart 2020 heeft de minister een brief gestuurd.', '2020-05-01', []],
      ['Op verzoek van de fracties stel ik voor het voor 16 april geagendeerde debat af te voeren.', '2008-04-10', []],
    ]);
  });

  describe('periods counted from the document\'s date', () => {
    check([
      ['Wil de minister binnen zes weken rapporteren hoe die contacten zijn verlopen?', '2008-04-01', [{ text: 'binnen zes weken', end: '2008-05-13' }]],
      ['Ik zal uw Kamer binnen drie maanden na ontvangst van het advies informeren.', '2024-01-31', [{ text: 'binnen drie maanden', end: '2024-04-30' }]],
      ['De regering zal het rapport binnen 10 werkdagen sturen.', '2024-01-31', [{ text: 'binnen 10 werkdagen', end: '2024-02-14' }]],
      ['De motie verzoekt de regering binnen een half jaar met een plan te komen.', '2024-01-31', [{ text: 'binnen een half jaar', end: '2024-07-31' }]],
      ['Ik zal de Kamer binnen twee weken informeren.', undefined, [{ text: 'binnen twee weken' }]],
    ]);
  });

  describe('not periods counted from the document\'s date', () => {
    check([
      ['Overheden moeten hun rekeningen betalen binnen 30 dagen.', '2024-01-31', []],
      ['Bezwaar maken moet binnen zes weken.', '2024-01-31', []],
      ['Uit de cijfers blijkt dat 90 procent van de straffen binnen twee jaar een gevolg krijgt.', '2024-01-31', []],
      ['De minister heeft binnen zes weken gereageerd.', '2024-01-31', []],
      ['Binnen een paar maanden was het project klaar.', '2024-01-31', []],
    ]);
  });

  describe('a footnote marker glued to a year', () => {
    check([
      ['Ik zal de Kamer in het najaar van 20183 informeren.', '2018-03-01', [{ text: 'in het najaar van 20183', start: '2018-09-22', end: '2018-12-20' }]],
      ['De wet treedt naar verwachting eind 202112 in werking.', '2020-03-01', [{ text: 'eind 202112', start: '2021-10-01', end: '2021-12-31' }]],
      ['Het kabinet zal uiterlijk 1 juli 20245, in werking treden.', '2023-03-01', [{ text: 'uiterlijk 1 juli 20245', end: '2024-07-01' }]],
    ]);
  });

  describe('not a footnote marker glued to a year', () => {
    check([
      ['Er werken rond 20183 mensen in de sector.', '2018-03-01', []],
      ['De regeling geldt voor 20183 woningen.', '2018-03-01', []],
    ]);
  });

  describe('calendar helpers', () => {
    it('monthInterval and yearInterval', () => {
      assert.deepEqual(monthInterval(2024, 2), { start: '2024-02-01', end: '2024-02-29' });
      assert.deepEqual(yearInterval(2025), { start: '2025-01-01', end: '2025-12-31' });
    });
    it('quarterInterval', () => {
      assert.deepEqual(quarterInterval(2024, 1), { start: '2024-01-01', end: '2024-03-31' });
      assert.deepEqual(quarterInterval(2024, 4), { start: '2024-10-01', end: '2024-12-31' });
    });
    it('nextMonthDayFrom', () => {
      assert.equal(nextMonthDayFrom(2, 1, '2022-11-02'), '2023-02-01');
      assert.equal(nextMonthDayFrom(12, 1, '2022-11-02'), '2022-12-01');
      assert.equal(nextMonthDayFrom(11, 2, '2022-11-02'), '2022-11-02');
      assert.equal(nextMonthDayFrom(11, 1, '2022-11-02'), '2023-11-01');
      assert.equal(nextMonthDayFrom(2, 29, '2022-11-02'), '2024-02-29');
      assert.equal(nextMonthDayFrom(4, 31, '2022-11-02'), undefined);
    });
    it('previousMonthDayFrom', () => {
      assert.equal(previousMonthDayFrom(3, 1, '2018-04-05'), '2018-03-01');
      assert.equal(previousMonthDayFrom(5, 1, '2021-04-30'), '2020-05-01');
      assert.equal(previousMonthDayFrom(4, 30, '2021-04-30'), '2021-04-30');
      assert.equal(previousMonthDayFrom(2, 29, '2023-06-01'), '2020-02-29');
      assert.equal(previousMonthDayFrom(6, 31, '2023-06-01'), undefined);
    });
    it('addMonths, addWorkingDays, nthWeekdayOfMonth', () => {
      assert.equal(addMonths('2024-01-31', 1), '2024-02-29');
      assert.equal(addMonths('2024-11-15', 3), '2025-02-15');
      assert.equal(addWorkingDays('2024-01-31', 10), '2024-02-14');
      assert.equal(addWorkingDays('2024-02-02', 1), '2024-02-05');
      assert.equal(nthWeekdayOfMonth(2025, 9, 2, 3), '2025-09-16');
      assert.equal(nthWeekdayOfMonth(2024, 9, 2, 3), '2024-09-17');
      assert.equal(nthWeekdayOfMonth(2024, 5, 3, 3), '2024-05-15');
    });
  });

  it('never throws on odd dates and fragments', () => {
    const words = ['voor', 'vóór', 'uiterlijk', 'in', 'op', 'per', 'rond', 'na', 'later', 'het', 'de', 'dit', 'jaar', 'eind',
      'begin', 'medio', '31', '29', '0', 'februari', 'april', 'Q4', 'Q5', '2022Q4', '2024', 'zomer', 'kwartaal', 'derde',
      'helft', 'eerste', 'van', '-', '–', '/', '.', ',', '(', ')', 'zal', 'heeft', 'jl.', '1-13-2024', '31-4-2024',
      'deadline', 'binnen', 'zes', 'weken', 'maanden', 'Prinsjesdag', 'Voorjaarsnota', 'ruim', 'volgende', 'Europese', 'Raad',
      'commissiedebat', 'a.s.', 'januari', '20183', 'zou', 'dat', 'stel', 'ik'];
    let seed = 7;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648);
    for (let n = 0; n < 300; n++) {
      const text = Array.from({ length: 40 }, () => words[next() % words.length]).join(' ');
      for (const r of recognizeDeadlines(new FlatText(text), n % 3 ? D : undefined)) {
        if (r.end) assert.match(r.end, /^\d{4}-\d{2}-\d{2}$/);
        if (r.start) assert.ok(r.end && r.start <= r.end, `${r.text}: ${r.start} > ${r.end}`);
      }
    }
  });

  // Speed is measured by `npm run bench`; this only checks that a long repetitive text is read completely.
  it('reads a long repetitive text completely', () => {
    const sentence = 'Het kabinet zal voor de zomer van 2022 en in het derde kwartaal van dit jaar rond 2040 uiterlijk 1 mei vóór ';
    const text = sentence.repeat(5000);
    const found = recognizeDeadlines(new FlatText(text), D);
    assert.ok(found.length >= 15000);
  });
});
